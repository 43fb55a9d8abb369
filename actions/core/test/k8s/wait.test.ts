import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KubeApi } from '../../src/k8s/client.js';
import { waitForReady } from '../../src/k8s/wait.js';
import { type FakeKubeApi, type KubeObject, startFakeKubeApi } from './fake-kube-api.js';
import { apiFor } from './helpers.js';

const NS = 'mojaloop';

const deployment = (name: string, replicas: number, ready: number): KubeObject => ({
  metadata: { name, namespace: NS, generation: 2 },
  spec: { replicas, selector: { matchLabels: { app: name } } },
  status: {
    observedGeneration: 2,
    replicas,
    readyReplicas: ready,
    availableReplicas: ready,
    updatedReplicas: replicas,
  },
});
const statefulSet = (name: string, replicas: number, ready: number): KubeObject => ({
  metadata: { name, namespace: NS, generation: 1 },
  spec: { replicas, selector: { matchLabels: { app: name } }, serviceName: name },
  status: { observedGeneration: 1, replicas, readyReplicas: ready },
});
const daemonSet = (name: string, desired: number, ready: number): KubeObject => ({
  metadata: { name, namespace: NS, generation: 1 },
  spec: { selector: { matchLabels: { app: name } } },
  status: {
    observedGeneration: 1,
    desiredNumberScheduled: desired,
    numberReady: ready,
    updatedNumberScheduled: desired,
    currentNumberScheduled: desired,
    numberMisscheduled: 0,
  },
});

describe('waitForReady against a fake Kubernetes API', () => {
  let fake: FakeKubeApi;
  let api: KubeApi;
  beforeEach(async () => {
    fake = await startFakeKubeApi();
    api = apiFor(fake, 'hub');
  });
  afterEach(async () => {
    await fake.close();
  });

  it('succeeds once every Deployment, StatefulSet and DaemonSet becomes ready', async () => {
    fake.put('deployments', deployment('central-ledger', 2, 0));
    fake.put('statefulsets', statefulSet('kafka', 3, 1));
    fake.put('daemonsets', daemonSet('node-exporter', 4, 4));
    let lists = 0;
    fake.onRequest((r) => {
      if (r.path.endsWith('/deployments')) lists += 1;
      if (lists === 3) {
        fake.put('deployments', deployment('central-ledger', 2, 2));
        fake.put('statefulsets', statefulSet('kafka', 3, 3));
      }
    });
    const result = await waitForReady(api, { namespaces: [NS], deadline: Date.now() + 5_000, pollMs: 5 });
    expect(result.ready).toBe(true);
    expect(result.workloads.map((w) => `${w.kind}/${w.name}`)).toEqual([
      'Deployment/central-ledger',
      'StatefulSet/kafka',
      'DaemonSet/node-exporter',
    ]);
    expect(lists).toBeGreaterThanOrEqual(3);
    expect(fake.requests.some((r) => r.path === `/apis/apps/v1/namespaces/${NS}/statefulsets`)).toBe(true);
    expect(fake.requests.some((r) => r.path === `/apis/apps/v1/namespaces/${NS}/daemonsets`)).toBe(true);
  });

  it('times out with a diagnosis: unready pods, container states and last events', async () => {
    fake.put('deployments', deployment('quoting-service', 1, 0));
    fake.put('statefulsets', statefulSet('mysql', 1, 1));
    fake.put('pods', {
      metadata: { name: 'quoting-service-7d9f-abcde', namespace: NS, labels: { app: 'quoting-service' } },
      spec: { containers: [{ name: 'app', image: 'mojaloop/quoting-service' }] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }],
        initContainerStatuses: [
          {
            name: 'wait-for-mysql',
            ready: true,
            restartCount: 0,
            image: 'busybox',
            imageID: '',
            state: { terminated: { exitCode: 0, reason: 'Completed' } },
          },
        ],
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 7,
            image: 'mojaloop/quoting-service',
            imageID: '',
            state: {
              waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' },
            },
            lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
          },
        ],
      },
    });
    fake.put('pods', {
      metadata: { name: 'mysql-0', namespace: NS, labels: { app: 'mysql' } },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
    });
    for (let i = 1; i <= 7; i += 1) {
      fake.put('events', {
        metadata: { name: `qs.${i}`, namespace: NS },
        involvedObject: { kind: 'Pod', name: 'quoting-service-7d9f-abcde', namespace: NS },
        type: i === 7 ? 'Warning' : 'Normal',
        reason: i === 7 ? 'BackOff' : `Step${i}`,
        message: i === 7 ? 'Back-off restarting failed container app' : `step ${i}`,
        count: i === 7 ? 12 : 1,
        lastTimestamp: new Date(Date.UTC(2026, 10, 25, 20, i)).toISOString(),
      });
    }
    fake.put('events', {
      metadata: { name: 'other.1', namespace: NS },
      involvedObject: { kind: 'Pod', name: 'mysql-0', namespace: NS },
      type: 'Normal',
      reason: 'Started',
      message: 'not about the unready pod',
      lastTimestamp: new Date().toISOString(),
    });

    const result = await waitForReady(api, { namespaces: [NS], deadline: Date.now() + 100, pollMs: 10 });
    expect(result.ready).toBe(false);
    if (result.ready) return;
    const text = result.diagnosis;
    expect(text).toMatch(/^Not ready after \d+ s in namespace\(s\) mojaloop:/);
    expect(text).toContain('- Deployment mojaloop/quoting-service: 0 of 1 ready');
    expect(text).not.toContain('StatefulSet mojaloop/mysql');
    expect(text).toContain('- pod mojaloop/quoting-service-7d9f-abcde (Running): CrashLoopBackOff');
    expect(text).toContain(
      'container app: waiting CrashLoopBackOff: back-off 5m0s restarting failed container; last terminated OOMKilled (exit 137); restarts 7',
    );
    expect(text).toContain('init container wait-for-mysql: terminated Completed (exit 0); restarts 0');
    expect(text).toContain('Warning BackOff (×12): Back-off restarting failed container app');
    // The last five events only, oldest first, none about other pods.
    expect(text).not.toContain('Step2');
    expect(text).toContain('Step3');
    expect(text).not.toContain('not about the unready pod');
    const eventQuery = fake.requests.find((r) => r.path === `/api/v1/namespaces/${NS}/events`);
    expect(eventQuery?.query.fieldSelector).toBe(
      'involvedObject.kind=Pod,involvedObject.name=quoting-service-7d9f-abcde',
    );
    expect(result.pods.map((p) => p.name)).toEqual(['quoting-service-7d9f-abcde']);
    expect(text).not.toContain(fake.token);
  });

  it('a namespace with nothing deployed is not ready', async () => {
    const result = await waitForReady(api, { namespaces: ['empty'], deadline: Date.now() + 30, pollMs: 10 });
    expect(result.ready).toBe(false);
    if (!result.ready)
      expect(result.diagnosis).toContain('namespace empty: no Deployments, StatefulSets or DaemonSets');
  });

  it('a generation not yet observed is not ready', async () => {
    fake.put('deployments', {
      ...deployment('ml-api-adapter', 1, 1),
      status: { ...deployment('x', 1, 1).status, observedGeneration: 1 },
    });
    const result = await waitForReady(api, { namespaces: [NS], deadline: Date.now() + 30, pollMs: 10 });
    if (result.ready) throw new Error('expected not ready');
    expect(result.diagnosis).toContain('ml-api-adapter: generation 2 not yet observed by its controller');
  });
});
