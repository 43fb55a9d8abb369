/**
 * Test support for the ladder phase: two FAKE API servers (load and hub, fake-kube-api.ts), the hub
 * Prometheus Service with its NLB address, and a FAKE Prometheus behind the hub's service proxy that
 * answers the measurement's exact PromQL for a passing rung (it evaluates no PromQL).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CloudLadderDeps,
  type CloudLadderParams,
  createHubPromQuery,
  HUB_PROMETHEUS,
} from '../../src/cloud-ladder/index.js';
import { loadRunConfig } from '../../src/config/index.js';
import { dfspIds } from '../../src/fleet/names.js';
import type { ProbeReport, ProbeTarget } from '../../src/k8s/probe.js';
import { planLadder } from '../../src/ladder/plan.js';
import { buildRungQueries } from '../../src/prometheus/promql.js';
import { FakeClock } from '../aws/fake-clock.js';
import { type FakeKubeApi, type ServiceProxyRequest, startFakeKubeApi } from '../k8s/fake-kube-api.js';
import { apiFor, summaryLog } from '../k8s/helpers.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const RUN_ID = 'r20261125-ab12';
export const NLB_HOST = 'internal-k8s-monitori-promethe-0123456789.elb.eu-west-2.amazonaws.com';
export const SCRIPT_TEXT = 'export default function transfer() {}\nexport const options = {};\n';

export async function smokeConfig() {
  const config = await loadRunConfig({ profile: 'aws-smoke', profilesDir: path.join(ROOT, 'profiles') });
  if (config.infrastructure.provider !== 'aws') throw new Error('aws-smoke is not an aws profile');
  return {
    ...config,
    infrastructure: config.infrastructure,
    // One short rung keeps the world small; the engine's own tests cover longer ladders.
    ladder: {
      ...config.ladder,
      rungs: [{ rate: 10, warmupSeconds: 30, holdSeconds: 60, drainSeconds: 15 }],
      stress: { ...config.ladder.stress, enabled: false },
    },
  };
}

export function outboundUrls(count: number): Record<string, string> {
  return Object.fromEntries(dfspIds(count).map((id) => [id, `http://sdk-${id}.dfsps.svc.perf:4001`]));
}

export function promService(withAddress = true, type = 'LoadBalancer') {
  return {
    metadata: { name: HUB_PROMETHEUS.service, namespace: HUB_PROMETHEUS.namespace },
    spec: {
      type,
      ports: [
        { name: 'http-web', port: 9090, targetPort: 9090 },
        { name: 'reloader-web', port: 8080 },
      ],
    },
    status: { loadBalancer: withAddress ? { ingress: [{ hostname: NLB_HOST }] } : {} },
  };
}

/** A probe that passes for every target, recording what it was asked. */
export function passingProbe(calls: Array<{ targets: ProbeTarget[]; options: unknown }>) {
  return async (_api: unknown, targets: ProbeTarget[], options: unknown): Promise<ProbeReport> => {
    calls.push({ targets, options });
    return {
      job: 'mlperf-ladder-probe-x1',
      completed: true,
      diagnosis: null,
      results: targets.map((t) => ({
        name: t.name,
        url: t.url,
        attempts: 5,
        ok: 5,
        medianMs: 3,
        p95Ms: 4,
        maxMs: 5,
        statuses: { '200': 5, error: 0 },
        lastError: null,
        requested: 5,
      })),
    };
  };
}

/** Values for a passing rung of `rate`/s over `holdSeconds`, keyed by the reader's exact queries. */
function passingValues(testId: string, rungId: string, rate: number, holdSeconds: number) {
  const q = buildRungQueries({ testId, rungId, windowSeconds: holdSeconds });
  const scheduled = rate * holdSeconds;
  const completed = scheduled - 1;
  const values = new Map<string, number>([
    [q.achievedRate, completed / holdSeconds],
    [q.completed, completed],
    [q.failed, 1],
    [q.successPercent, (100 * completed) / scheduled],
    [q.iterations, scheduled],
    [q.dropped, 0],
    [q.droppedPercent, 0],
    [q.hubCommitted, completed],
  ]);
  for (const [leg, base] of [
    ['e2e', 300],
    ['discovery', 20],
    ['quote', 80],
    ['transfer', 200],
  ] as const) {
    values.set(q.latency[leg].p50, base);
    values.set(q.latency[leg].p95, base * 1.5);
    values.set(q.latency[leg].p99, base * 2);
  }
  return { values, failedByCode: q.failedByCode };
}

export interface World {
  load: FakeKubeApi;
  hub: FakeKubeApi;
  clock: FakeClock;
  logs: string[];
  proxied: ServiceProxyRequest[];
  /** Values that replace the passing ones, keyed by the exact PromQL. */
  overrides: Map<string, number>;
  probeCalls: Array<{ targets: ProbeTarget[]; options: unknown }>;
  dir: string;
  scriptPath: string;
  deps: CloudLadderDeps;
  params: CloudLadderParams;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const config = await smokeConfig();
  const load = await startFakeKubeApi('load-token-S3CR3T-111');
  const hub = await startFakeKubeApi('hub-token-S3CR3T-222');
  hub.put('services', promService());
  load.scriptK6Operator({ runners: [{ exitCode: 0, log: summaryLog(600) }] });
  const proxied: ServiceProxyRequest[] = [];
  const overrides = new Map<string, number>();
  const plans = planLadder(config.ladder);
  hub.serveProxy((request) => {
    proxied.push(request);
    const query = new URLSearchParams(String(request.body ?? '')).get('query') ?? '';
    for (const plan of plans) {
      const { values, failedByCode } = passingValues(RUN_ID, plan.id, plan.rate, plan.holdSeconds);
      if (query === failedByCode) {
        return {
          status: 200,
          body: {
            status: 'success',
            data: {
              resultType: 'vector',
              result: [{ metric: { fspiop_error_code: '5001' }, value: [0, '1'] }],
            },
          },
        };
      }
      const value = overrides.get(query) ?? values.get(query);
      if (value !== undefined) {
        return {
          status: 200,
          body: {
            status: 'success',
            data: { resultType: 'vector', result: [{ metric: {}, value: [0, String(value)] }] },
          },
        };
      }
    }
    return {
      status: 400,
      body: { status: 'error', errorType: 'bad_data', error: `unexpected query ${query}` },
    };
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'mlperf-ladder-'));
  const scriptPath = path.join(dir, 'transfer.js');
  writeFileSync(scriptPath, SCRIPT_TEXT);
  // Load starts "an hour ago" on this clock, so the fake runners' real end times fall after the window.
  const clock = new FakeClock(Date.now() - 3_600_000);
  const logs: string[] = [];
  const probeCalls: World['probeCalls'] = [];
  return {
    load,
    hub,
    clock,
    logs,
    proxied,
    overrides,
    probeCalls,
    dir,
    scriptPath,
    deps: {
      load: apiFor(load, 'load'),
      hub: apiFor(hub, 'hub'),
      prom: createHubPromQuery(
        { endpoint: hub.url, caBase64: '', token: hub.token, name: 'hub' },
        { allowInsecureHttp: true },
      ),
      clock,
      probe: passingProbe(probeCalls),
      log: (line) => logs.push(line),
    },
    params: {
      config,
      runId: RUN_ID,
      trigger: 'manual',
      outboundUrls: JSON.stringify(outboundUrls(config.dfsps.count)),
      scriptPath,
      resultsDir: path.join(dir, 'results'),
      perRunnerRate: 1000,
      rungSlackSeconds: 600,
      security: null,
      loadBalancerWaitMs: 60_000,
      loadBalancerPollMs: 10_000,
    },
    close: async () => {
      await load.close();
      await hub.close();
    },
  };
}
