import { describe, expect, it } from 'vitest';
import type { KubeApi } from '../../src/k8s/client.js';
import {
  judgeLatency,
  type ProbeOptions,
  type ProbeTarget,
  type ProbeTargetResult,
} from '../../src/k8s/probe.js';
import type { ServiceInfo } from '../../src/mojaloop/cluster.js';
import { checkHealth, HEALTH_MEDIAN_LIMIT_MS, healthTargets } from '../../src/mojaloop/health.js';

const API = { cluster: 'hub' } as KubeApi;
/** Services as the charts create them in the mojaloop namespace (names from their own templates). */
const SERVICES: ServiceInfo[] = [
  { name: 'moja-centralledger-service', ports: [80], headless: false },
  { name: 'moja-handler-pos-batch', ports: [80], headless: false },
  { name: 'moja-quoting-service', ports: [80], headless: false },
  { name: 'moja-als-msisdn-oracle', ports: [80], headless: false },
  { name: 'kafka', ports: [9092], headless: false },
  { name: 'kafka-controller-headless', ports: [9094, 9092], headless: true },
  { name: 'mysqldb', ports: [3306], headless: false },
  { name: 'moja-metrics-only', ports: [4001], headless: false },
];

function result(target: ProbeTarget, medianMs: number, ok = 20): ProbeTargetResult {
  return {
    name: target.name,
    url: target.url,
    attempts: 20,
    ok,
    medianMs,
    p95Ms: medianMs,
    maxMs: medianMs,
    statuses: { '200': ok },
    lastError: ok < 20 ? 'HTTP 503' : null,
  };
}

describe('hub health', () => {
  it('probes every listed Mojaloop service /health and every DFSP SDK, skipping Kafka and MySQL', () => {
    const targets = healthTargets(SERVICES, 8);
    expect(targets.slice(0, 4)).toEqual([
      {
        name: 'moja-centralledger-service',
        url: 'http://moja-centralledger-service.mojaloop.svc.cluster.local/health',
      },
      {
        name: 'moja-handler-pos-batch',
        url: 'http://moja-handler-pos-batch.mojaloop.svc.cluster.local/health',
      },
      { name: 'moja-quoting-service', url: 'http://moja-quoting-service.mojaloop.svc.cluster.local/health' },
      {
        name: 'moja-als-msisdn-oracle',
        url: 'http://moja-als-msisdn-oracle.mojaloop.svc.cluster.local/health',
      },
    ]);
    expect(targets).toHaveLength(4 + 8);
    expect(targets.at(-1)?.url).toBe('http://perffsp8-sdk.dfsps.svc.cluster.local:4001/');
  });

  it('passes when every median is within 50 ms and fails naming the slow or failing service', async () => {
    expect(HEALTH_MEDIAN_LIMIT_MS).toBe(50);
    const seen: ProbeOptions[] = [];
    const run = (medianOf: (t: ProbeTarget) => number, okOf: (t: ProbeTarget) => number = () => 20) =>
      checkHealth(API, SERVICES, 8, {
        run: async (_api: KubeApi, targets: ProbeTarget[], options: ProbeOptions) => {
          seen.push(options);
          return {
            job: 'mlperf-health-x',
            completed: true,
            results: targets.map((t) => result(t, medianOf(t), okOf(t))),
            diagnosis: null,
          };
        },
        judge: judgeLatency,
      });
    expect((await run(() => 12)).passed).toBe(true);
    expect(seen[0]).toMatchObject({
      namespace: 'mojaloop',
      attempts: 20,
      nodeSelector: { 'mlperf/role': 'hub-services' },
    });
    const slow = await run((t: ProbeTarget) => (t.name === 'moja-quoting-service' ? 73 : 12));
    expect(slow.passed).toBe(false);
    expect(slow.problems).toEqual([
      'moja-quoting-service (http://moja-quoting-service.mojaloop.svc.cluster.local/health): median 73 ms is over the 50 ms bound.',
    ]);
    const failing = await run(
      () => 5,
      (t) => (t.name === 'perffsp3-sdk' ? 0 : 20),
    );
    expect(failing.problems[0]).toMatch(/^perffsp3-sdk .*no successful request/);
  });

  it('fails without probing when no Mojaloop Service exists', async () => {
    const health = await checkHealth(API, [], 2, {
      run: async () => {
        throw new Error('must not probe');
      },
      judge: judgeLatency,
    });
    expect(health.problems).toEqual(['no Mojaloop Service with port 80 in namespace mojaloop']);
  });

  it('fails with the probe diagnosis when the probe job does not complete', async () => {
    const health = await checkHealth(API, SERVICES, 2, {
      run: async () => ({
        job: 'mlperf-health-y',
        completed: false,
        results: [],
        diagnosis: 'pod mlperf-health-y: ImagePullBackOff',
      }),
      judge: judgeLatency,
    });
    expect(health).toMatchObject({ passed: false, problems: ['pod mlperf-health-y: ImagePullBackOff'] });
  });
});
