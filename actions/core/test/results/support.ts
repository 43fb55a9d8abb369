// Fixtures shared by the results and report tests: a local rehearsal of three rungs, built the way the
// pipeline builds results (verdict and maximum rate computed from the rungs, never written by hand).
import { fileURLToPath } from 'node:url';
import {
  buildPosture,
  decideVerdict,
  loadRunConfig,
  maxSustainableRate,
  PROBE_CONTROL,
  PROBES,
  type ProbeResult,
  probeResult,
  type RunConfig,
  type RungResult,
  type RunResults,
} from '../../src/index.js';

export const PROFILES_DIR = fileURLToPath(new URL('../../../../profiles/', import.meta.url));

export function profile(name: 'aws-1000tps' | 'aws-smoke' | 'local'): Promise<RunConfig> {
  return loadRunConfig({ profile: name, profilesDir: PROFILES_DIR });
}

/** Every probe refused as expected: the posture of a hub with all controls on. */
export function probes(overrides: Partial<Record<(typeof PROBES)[number], ProbeResult>> = {}): ProbeResult[] {
  return PROBES.map(
    (name) =>
      overrides[name] ??
      probeResult(
        name,
        `refused (${PROBE_CONTROL[name]})`,
        'rejected',
        `HTTP 400, refused by ${PROBE_CONTROL[name]}`,
      ),
  );
}

export function posture(results: ProbeResult[] = probes()) {
  return buildPosture(
    'https://127.0.0.1:3443',
    { reachedHub: true, forwarded: true, committed: true, observed: 'committed' },
    results,
    new Date('2025-06-01T12:00:05Z'),
  );
}

const START = Date.parse('2025-06-01T12:01:00Z');

/** A passing rung at `rate`, 45 s after the previous one (10 s warm-up, 30 s hold, 5 s drain). */
export function rung(index: number, rate: number, overrides: Partial<RungResult> = {}): RungResult {
  const start = START + (index - 1) * 45_000 + 10_000;
  const completed = Math.round(rate * 30 * 0.995);
  return {
    index,
    kind: 'ladder',
    targetRate: rate,
    window: {
      start: new Date(start).toISOString(),
      end: new Date(start + 30_000).toISOString(),
      warmupSeconds: 10,
      holdSeconds: 30,
      drainSeconds: 5,
    },
    achievedRate: completed / 30,
    successPercent: 99.96,
    completed,
    failed: 0,
    failedByCode: {},
    droppedIterations: 0,
    droppedPercent: 0,
    latency: {
      e2e: { p50: 180 + rate, p95: 260 + rate * 2, p99: 340 + rate * 3 },
      discovery: { p50: 12, p95: 20, p99: 31 },
      quote: { p50: 40, p95: 66, p99: 92 },
      transfer: { p50: 120 + rate, p95: 170 + rate * 2, p99: 210 + rate * 3 },
    },
    hubCommitted: completed,
    validity: { runnersClean: true, countsAgree: true, droppedWithinBounds: true, reasons: [] },
    outcome: 'PASS',
    failedSlos: [],
    invalidReasons: [],
    ...overrides,
  };
}

/** Fills in the verdict and the maximum rate from the rungs, as the ladder phase does. */
export function finalize(run: Omit<RunResults, 'verdict' | 'maxSustainableRate'>): RunResults {
  return {
    ...run,
    verdict: decideVerdict(run.rungs, run.config),
    maxSustainableRate: maxSustainableRate(run.rungs),
  };
}

/** The local rehearsal: rungs at 5, 10 and 20 transfers/s, all passing. */
export async function localRun(rungs?: RungResult[]): Promise<RunResults> {
  const config = await profile('local');
  const list = rungs ?? [rung(1, 5), rung(2, 10), rung(3, 20)];
  return finalize({
    schemaVersion: 1,
    runId: 'rehearsal-20250601T120000Z',
    startedAt: '2025-06-01T12:00:00Z',
    finishedAt: '2025-06-01T12:03:30Z',
    durationSeconds: 210,
    trigger: 'rehearsal',
    profile: 'local',
    config,
    environment: {
      provider: 'local',
      versions: { hub: 'emulator', sdkSchemeAdapter: '18.0.2', k6: '1.4.2', node: '20.19.4' },
      sizing: { nodes: [], dfspCount: 8 },
    },
    security: posture(),
    rungs: list,
    hints: [],
    artifacts: [{ name: 'k6-summary-rung-1.json', description: 'end-of-test summary of runner 1, rung 1' }],
  });
}

/** A failing rung: transfer p99 above the 1000 ms ceiling. */
export function failingRung(index: number, rate: number, kind: RungResult['kind'] = 'ladder'): RungResult {
  const base = rung(index, rate, { kind });
  return {
    ...base,
    latency: { ...base.latency, transfer: { p50: 700, p95: 1100, p99: 1240 } },
    outcome: 'FAIL',
    failedSlos: [{ slo: 'transferP99Ms', threshold: 1000, observed: 1240 }],
  };
}

/** An invalid rung: the hub's count disagrees with k6's. */
export function invalidRung(
  index: number,
  rate: number,
  reason = 'hub committed 140, k6 completed 149',
): RungResult {
  return rung(index, rate, {
    hubCommitted: 140,
    validity: { runnersClean: true, countsAgree: false, droppedWithinBounds: true, reasons: [reason] },
    outcome: 'INVALID',
    invalidReasons: [reason],
  });
}
