import type { LoadSettings } from '../../src/config/index.js';
import { createKubeApi, type KubeApi } from '../../src/k8s/client.js';
import { planRung } from '../../src/ladder/plan.js';
import type { RungPlan } from '../../src/ladder/types.js';
import type { FakeKubeApi } from './fake-kube-api.js';

export const NS = 'k6-load';
export const TEST_ID = 'run-20261125-abc';
export const LOAD: LoadSettings = { runners: 3, preAllocatedVUs: 30, maxVUs: 60 };
export const RW_URL = 'http://prometheus.hub.example:9090/api/v1/write';

export function rung(rate: number, ordinal = 1): RungPlan {
  return planRung(rate, { warmupSeconds: 30, holdSeconds: 120, drainSeconds: 15 }, ordinal, 'ladder');
}

/** The real client, pointed at the fake over plain http with the fake's token. */
export function apiFor(fake: FakeKubeApi, name = 'load'): KubeApi {
  return createKubeApi(
    { endpoint: fake.url, caBase64: '', token: fake.token, name },
    { allowInsecureHttp: true },
  );
}

export function testRunParams(rate: number, parallelism: number) {
  return {
    namespace: NS,
    testId: TEST_ID,
    rung: rung(rate),
    load: LOAD,
    parallelism,
    script: { configMap: 'mlperf-k6-script', file: 'transfer.js' },
    prometheusRemoteWriteUrl: RW_URL,
  };
}

export const summaryLog = (iterations: number): string =>
  [
    'time="2026-11-25T21:00:00Z" level=info msg="starting"',
    `MLPERF_SUMMARY ${JSON.stringify({ metrics: { iterations: { type: 'counter', values: { count: iterations, rate: 10 } } } })}`,
    '',
  ].join('\n');
