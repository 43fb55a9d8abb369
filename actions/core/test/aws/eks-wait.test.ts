import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEksStatusApi, type EksStatusApi, EksWaitError, waitForClusters } from '../../src/index.js';
import { FakeCloud, type InstalledFake, installFakeAws, sdkClients } from './fake-aws.js';
import { FakeClock } from './fake-clock.js';

const MINUTE = 60_000;

describe('waiting for EKS', () => {
  let cloud: FakeCloud;
  let fake: InstalledFake;
  let api: EksStatusApi;
  beforeEach(() => {
    cloud = new FakeCloud();
    fake = installFakeAws(cloud);
    api = createEksStatusApi(sdkClients().eks);
  });
  afterEach(() => fake.restore());

  const cluster = (name: string, activeAfterPolls: number) =>
    cloud.clusters.push({ name, status: 'CREATING', tags: {}, issues: [], activeAfterPolls });
  const nodegroup = (clusterName: string, name: string, activeAfterPolls: number) =>
    cloud.nodegroups.push({ cluster: clusterName, name, status: 'CREATING', issues: [], activeAfterPolls });

  it('returns once both clusters and all node groups are ACTIVE, polling on the injected clock', async () => {
    cluster('hub', 2);
    cluster('load', 1);
    nodegroup('hub', 'kafka', 3);
    nodegroup('hub', 'dfsps', 1);
    nodegroup('load', 'load-runners', 2);
    const clock = new FakeClock();
    const lines: string[] = [];
    const waited = await waitForClusters(
      [
        { cluster: 'hub', nodegroups: ['kafka', 'dfsps'] },
        { cluster: 'load', nodegroups: ['load-runners'] },
      ],
      api,
      { clock, timeoutMs: 30 * MINUTE, intervalMs: 30_000, log: (line) => lines.push(line) },
    );
    expect(waited).toBe(clock.sleeps.reduce((a, b) => a + b, 0));
    expect(clock.sleeps.every((ms) => ms === 30_000)).toBe(true);
    expect(lines.at(-1)).toMatch(/all clusters and node groups are ACTIVE after/);
  });

  it('names every resource that is not active, with its health issues, at the deadline', async () => {
    cluster('hub', 1);
    cluster('load', -1); // never becomes active
    nodegroup('hub', 'kafka', 1);
    cloud.nodegroups.push({
      cluster: 'hub',
      name: 'dfsps',
      status: 'CREATING',
      activeAfterPolls: -1,
      issues: [
        {
          code: 'AsgInstanceLaunchFailures',
          message: 'Could not launch On-Demand Instances. VcpuLimitExceeded',
          resourceIds: ['eks-dfsps-asg'],
        },
      ],
    });
    const clock = new FakeClock();
    const error = await waitForClusters(
      [
        { cluster: 'hub', nodegroups: ['kafka', 'dfsps'] },
        { cluster: 'load', nodegroups: ['load-runners'] },
      ],
      api,
      { clock, timeoutMs: 20 * MINUTE, intervalMs: MINUTE },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EksWaitError);
    expect((error as EksWaitError).reason).toBe('timeout');
    expect((error as Error).message).toBe(
      [
        'timed out after 20 min (deadline 20 min) waiting for EKS; not ACTIVE:',
        '  - node group hub/dfsps: CREATING; health: AsgInstanceLaunchFailures: Could not launch On-Demand Instances. VcpuLimitExceeded [eks-dfsps-asg]',
        '  - cluster load: CREATING',
        '  - node group load/load-runners: waiting for cluster (CREATING)',
      ].join('\n'),
    );
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(20 * MINUTE);
  });

  it('stops at once on a failed node group', async () => {
    cloud.clusters.push({ name: 'hub', status: 'ACTIVE', tags: {}, issues: [], activeAfterPolls: 0 });
    cloud.nodegroups.push({
      cluster: 'hub',
      name: 'kafka',
      status: 'CREATE_FAILED',
      activeAfterPolls: -1,
      issues: [{ code: 'NodeCreationFailure', message: 'Instances failed to join the kubernetes cluster' }],
    });
    const clock = new FakeClock();
    const error = await waitForClusters([{ cluster: 'hub', nodegroups: ['kafka'] }], api, {
      clock,
      timeoutMs: 30 * MINUTE,
      intervalMs: MINUTE,
    }).catch((e: unknown) => e);
    expect((error as EksWaitError).reason).toBe('failed');
    expect((error as Error).message).toContain(
      'node group hub/kafka: CREATE_FAILED; health: NodeCreationFailure: Instances failed to join the kubernetes cluster',
    );
    expect(clock.sleeps).toEqual([]);
  });

  it('treats a cluster that does not exist as not active yet', async () => {
    const clock = new FakeClock();
    const error = await waitForClusters([{ cluster: 'ghost', nodegroups: [] }], api, {
      clock,
      timeoutMs: 2 * MINUTE,
      intervalMs: MINUTE,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('cluster ghost: NOT_FOUND');
  });
});
