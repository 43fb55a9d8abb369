import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type KubeApi, waitForReady } from '../../src/k8s/index.js';
import { onlyWorkloadNamed } from '../../src/platform/index.js';
import { type FakeKubeApi, type KubeObject, startFakeKubeApi } from '../k8s/fake-kube-api.js';
import { apiFor } from '../k8s/helpers.js';

const NS = 'kube-system';
const LBC = 'aws-load-balancer-controller';

const deployment = (name: string, replicas: number, ready: number): KubeObject => ({
  metadata: { name, namespace: NS, generation: 1 },
  spec: { replicas, selector: { matchLabels: { app: name } } },
  status: {
    observedGeneration: 1,
    replicas,
    readyReplicas: ready,
    availableReplicas: ready,
    updatedReplicas: replicas,
  },
});

/** An EKS add-on DaemonSet that is not ready on every node (a node still joining). */
const awsNode: KubeObject = {
  metadata: { name: 'aws-node', namespace: NS, generation: 1 },
  spec: { selector: { matchLabels: { 'k8s-app': 'aws-node' } } },
  status: {
    observedGeneration: 1,
    desiredNumberScheduled: 4,
    numberReady: 3,
    updatedNumberScheduled: 4,
    currentNumberScheduled: 4,
    numberMisscheduled: 0,
  },
};

const pod = (name: string, app: string): KubeObject => ({
  metadata: { name, namespace: NS, labels: { app } },
  status: {
    phase: 'Pending',
    conditions: [{ type: 'Ready', status: 'False' }],
    containerStatuses: [
      {
        name: 'controller',
        ready: false,
        restartCount: 0,
        image: 'x',
        imageID: '',
        state: { waiting: { reason: 'ContainerCreating' } },
      },
    ],
  },
});

describe('readiness of one Deployment in a shared namespace, against a fake Kubernetes API', () => {
  let fake: FakeKubeApi;
  let api: KubeApi;
  const clock = () => {
    let now = 0;
    return {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms;
      },
    };
  };
  beforeEach(async () => {
    fake = await startFakeKubeApi();
    api = apiFor(fake, 'hub');
    fake.put('deployments', deployment('coredns', 2, 1));
    fake.put('daemonsets', awsNode);
  });
  afterEach(async () => {
    await fake.close();
  });

  it('is ready when its Deployment is, whatever the add-ons next to it do', async () => {
    fake.put('deployments', deployment(LBC, 2, 2));
    const options = { namespaces: [NS], deadline: 20_000, clock: clock(), pollMs: 5_000 };
    expect((await waitForReady(onlyWorkloadNamed(api, LBC), options)).ready).toBe(true);
    // The whole namespace is not: coredns and aws-node are still coming up.
    expect((await waitForReady(api, { ...options, clock: clock() })).ready).toBe(false);
    const lists = fake.requests.filter((r) => /\/(deployments|statefulsets|daemonsets)$/.test(r.path));
    expect(lists.some((r) => r.query.fieldSelector === `metadata.name=${LBC}`)).toBe(true);
  });

  it('times out naming only its Deployment and its unready pod', async () => {
    fake.put('deployments', deployment(LBC, 2, 0));
    fake.put('pods', pod(`${LBC}-6d9f-abcde`, LBC));
    const result = await waitForReady(onlyWorkloadNamed(api, LBC), {
      namespaces: [NS],
      deadline: 10_000,
      clock: clock(),
      pollMs: 5_000,
    });
    expect(result.ready).toBe(false);
    if (result.ready) return;
    expect(result.diagnosis).toContain(`Deployment ${NS}/${LBC}: 0 of 2 ready`);
    expect(result.diagnosis).toContain(`${LBC}-6d9f-abcde`);
    expect(result.diagnosis).not.toContain('coredns');
    expect(result.diagnosis).not.toContain('aws-node');
  });

  it('is not ready while its Deployment does not exist yet', async () => {
    const result = await waitForReady(onlyWorkloadNamed(api, LBC), {
      namespaces: [NS],
      deadline: 5_000,
      clock: clock(),
      pollMs: 5_000,
    });
    expect(result.ready).toBe(false);
  });

  it('refuses a name that is not a Kubernetes object name', () => {
    expect(() => onlyWorkloadNamed(api, 'x,metadata.namespace=default')).toThrow(
      'workload name: got "x,metadata.namespace=default"; allowed: a DNS-1123 label',
    );
  });
});
