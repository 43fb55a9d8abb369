/**
 * The reader against a REAL Prometheus server (the `prometheus` binary, ≥ 2.40 for native
 * histograms), started on a free 127.0.0.1 port with the remote-write receiver and native histograms
 * enabled. Series are written the way k6's remote-write output writes them (counters `k6_*_total`,
 * time Trends as native histograms `k6_*_seconds` in seconds, one `runner` label per runner) by the
 * test's own minimal remote-write sender. Skipped when the binary is absent (PROMETHEUS_BIN overrides
 * the path).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHttpPromQuery,
  evaluateRung,
  type PromQuery,
  PromQueryError,
  planRung,
  RunConfigSchema,
  readRungMeasurement,
  singleValue,
  steadyWindow,
} from '../../src/index.js';
import { type NativeHistogramSample, remoteWrite, type SeriesToWrite } from './remote-write.js';

const BIN = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitReady(baseUrl: string, deadlineMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/-/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`prometheus not ready after ${deadlineMs} ms:\n${output()}`);
}

describe('the rung reader against a real Prometheus', () => {
  // Never skipped silently: without the binary this test fails and says how to get it.
  if (!existsSync(BIN)) {
    it('needs the prometheus binary', () => {
      throw new Error(`${BIN} not found: run \`bash tools/bootstrap.sh\` (installs Debian's prometheus)`);
    });
    return;
  }

  let child: ChildProcess | undefined;
  let dir = '';
  let baseUrl = '';
  let prom: PromQuery;
  const log: string[] = [];
  // Data starts two minutes ago; the steady window is +30 s … +90 s of it (W = 60 s).
  const t0 = Math.floor(Date.now() / 1000) * 1000 - 120_000;
  const plan = planRung(10, { warmupSeconds: 30, holdSeconds: 60, drainSeconds: 30 }, 1, 'ladder');
  const window = steadyWindow(plan, t0);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ladder-prom-'));
    await writeFile(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 15s\n');
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(
      BIN,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--web.enable-remote-write-receiver',
        '--enable-feature=native-histograms',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    await waitReady(baseUrl, 30_000, () => log.join(''));
    prom = createHttpPromQuery({ baseUrl });
    await remoteWrite(baseUrl, k6AndHubSeries());
  });

  afterAll(async () => {
    if (child?.pid !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Samples every 5 s for 2 minutes; `perSecond` of a counter, or a histogram growing per second. */
  const times = Array.from({ length: 25 }, (_, i) => t0 + i * 5000);
  const counter = (labels: Record<string, string>, perSecond: number): SeriesToWrite => ({
    labels,
    samples: times.map((timestamp) => ({ timestamp, value: ((timestamp - t0) / 1000) * perSecond })),
  });
  /** `buckets`: observations per second in each schema-0 bucket index ((2^(i-1), 2^i] seconds). */
  const histogram = (
    labels: Record<string, string>,
    buckets: Record<number, number>,
    frozen = false,
  ): SeriesToWrite => ({
    labels,
    histograms: times.map((timestamp): NativeHistogramSample => {
      const seconds = frozen ? 100 : (timestamp - t0) / 1000;
      const counts = new Map(Object.entries(buckets).map(([index, rate]) => [Number(index), rate * seconds]));
      const count = [...counts.values()].reduce((a, b) => a + b, 0);
      return { timestamp, schema: 0, count, sum: count * 0.7, buckets: counts };
    }),
  });

  function k6AndHubSeries(): SeriesToWrite[] {
    const k6 = (name: string, runner: string, extra: Record<string, string> = {}) => ({
      __name__: name,
      testid: 'real-1',
      rung: '1',
      runner,
      ...extra,
    });
    return [
      counter(k6('k6_transfers_completed_total', 'a'), 5),
      counter(k6('k6_transfers_completed_total', 'b'), 5),
      counter(k6('k6_transfers_failed_total', 'a', { fspiop_error_code: '5001' }), 0.1),
      counter(k6('k6_iterations_total', 'a'), 5.1),
      counter(k6('k6_iterations_total', 'b'), 5),
      // Another rung of the same run must not leak into this one.
      counter({ ...k6('k6_transfers_completed_total', 'a'), rung: '2' }, 50),
      // e2e per second: runner a 5 in (0.5, 1] s; runner b 3 in (0.5, 1] s and 2 in (1, 2] s — 80 % / 20 % together.
      histogram(k6('k6_e2e_time_seconds', 'a'), { 0: 5 }),
      histogram(k6('k6_e2e_time_seconds', 'b'), { 0: 3, 1: 2 }),
      histogram(k6('k6_transfer_time_seconds', 'a'), { [-1]: 5 }),
      histogram(k6('k6_transfer_time_seconds', 'b'), { [-1]: 5 }),
      // quote: samples exist but nothing was observed in the window → NaN → null.
      histogram(k6('k6_quote_time_seconds', 'a'), { [-2]: 1 }, true),
      // discovery: no series at all → empty → null.
      counter({ __name__: 'hub_transfers_total', state: 'COMMITTED' }, 10),
      counter({ __name__: 'hub_transfers_total', state: 'ABORTED' }, 1),
    ];
  }

  it('answers a plain expression and a scalar', async () => {
    expect(singleValue(await prom.instantQuery('vector(1)', window.end), 'vector(1)')).toBe(1);
    const scalar = await prom.instantQuery('scalar(vector(2))', window.end);
    expect(scalar.resultType).toBe('scalar');
    expect(scalar.samples[0]?.value).toBe(2);
  });

  it('reports an invalid expression as a PromQueryError with the server message', async () => {
    const error = await prom.instantQuery('sum(rate(', window.end).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PromQueryError);
    expect((error as PromQueryError).details).toMatchObject({ httpStatus: 400, errorType: 'bad_data' });
    expect((error as PromQueryError).message).toMatch(/parse error/);
  });

  it('reads a rung over its steady window: counts summed over runners, exact quantiles of native histograms', async () => {
    const m = await readRungMeasurement(prom, { plan, window, testId: 'real-1' });
    expect(m.window).toEqual({ start: t0 + 30_000, end: t0 + 90_000, seconds: 60 });
    expect(m.achievedRate).toBeCloseTo(10, 6);
    expect(m.completed).toBe(600);
    expect(m.failed).toBe(6);
    expect(m.failedByCode).toEqual({ '5001': 6 });
    expect(m.successPercent).toBeCloseTo((100 * 600) / 606, 6);
    expect(m.iterations).toBe(606);
    expect(m.droppedIterations).toBe(0);
    expect(m.droppedPercent).toBe(0);
    expect(m.hubCommitted).toBe(600);
    // 80 % of e2e observations in (500, 1000] ms and 20 % in (1000, 2000] ms, across both runners: the
    // median lies in the first bucket, p95 and p99 in the second. (Interpolation inside a bucket is the
    // server's business — linear in 2.x — so only the buckets are asserted.)
    const { p50, p95, p99 } = m.latency.e2e;
    expect(p50).toBeGreaterThan(500);
    expect(p50).toBeLessThanOrEqual(1000);
    for (const value of [p95, p99]) {
      expect(value).toBeGreaterThan(1000);
      expect(value).toBeLessThanOrEqual(2000);
    }
    expect(p99).toBeGreaterThan(p95 ?? Number.POSITIVE_INFINITY);
    expect(m.latency.transfer.p99).toBeGreaterThan(250);
    expect(m.latency.transfer.p99).toBeLessThanOrEqual(500);
    expect(m.latency.quote).toEqual({ p50: null, p95: null, p99: null });
    expect(m.latency.discovery).toEqual({ p50: null, p95: null, p99: null });

    // The verdict on those numbers: valid, and a FAIL on success (99.01 % < 99.5 %) only.
    const evaluation = evaluateRung(
      {
        rung: plan,
        measurement: m,
        runners: [
          { id: 'a', exitCode: 0 },
          { id: 'b', exitCode: 0 },
        ],
        expectedRunners: 2,
        startedAt: t0,
        endedAt: t0 + 120_000,
      },
      RunConfigSchema.shape.slo.parse(undefined),
    );
    expect(evaluation.validity).toEqual({
      runnersClean: true,
      countsAgree: true,
      droppedWithinBounds: true,
      reasons: [],
    });
    expect(evaluation.outcome).toBe('FAIL');
    expect(evaluation.failedSlos.map((f) => f.slo)).toEqual(['successPercent']);
  });

  it('reads a rung with no k6 samples as unmeasured, not as zeros', async () => {
    const m = await readRungMeasurement(prom, { plan: { ...plan, id: '9' }, window, testId: 'real-1' });
    expect(m).toMatchObject({
      achievedRate: null,
      successPercent: null,
      completed: null,
      iterations: null,
      droppedIterations: null,
      hubCommitted: 600,
    });
  });
});
