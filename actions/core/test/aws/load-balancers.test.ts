import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createKubeLoadBalancerApi,
  isKubernetesSecurityGroup,
  type KubeLoadBalancerApi,
  LoadBalancerWaitError,
  removeKubernetesLoadBalancers,
  retryDeferredSecurityGroups,
} from '../../src/index.js';
import { FakeCloud, type InstalledFake, installFakeAws, sdkClients } from './fake-aws.js';
import { FakeClock } from './fake-clock.js';

describe('deleting Kubernetes-created load balancers', () => {
  let cloud: FakeCloud;
  let fake: InstalledFake;
  let api: KubeLoadBalancerApi;
  beforeEach(() => {
    cloud = new FakeCloud();
    fake = installFakeAws(cloud);
    api = createKubeLoadBalancerApi(sdkClients());
  });
  afterEach(() => fake.restore());

  const options = (clock = new FakeClock()) => ({ clock, timeoutMs: 10 * 60_000, intervalMs: 15_000 });

  it('deletes classic and network load balancers of the run, waits for their interfaces, then their groups', async () => {
    const vpc = cloud.addVpc({ RunId: 'r42' });
    cloud.clusters.push({
      name: 'mlperf-r42-hub',
      status: 'ACTIVE',
      tags: { RunId: 'r42' },
      issues: [],
      activeAfterPolls: 0,
    });
    const classic = cloud.addKubernetesLoadBalancer('mlperf-r42-hub', vpc.id, 'classic');
    const network = cloud.addKubernetesLoadBalancer('mlperf-r42-hub', vpc.id, 'network');
    // Not ours: another team's Kubernetes load balancer elsewhere, and a hand-made one in our VPC.
    const elsewhere = cloud.addVpc();
    cloud.addKubernetesLoadBalancer('someone-else', elsewhere.id, 'network');
    cloud.loadBalancers.push({
      kind: 'classic',
      id: 'handmade',
      name: 'handmade',
      type: 'classic',
      vpcId: vpc.id,
      tags: {},
    });

    const clock = new FakeClock();
    const result = await removeKubernetesLoadBalancers(
      { runId: 'r42', clusterNames: [] },
      api,
      options(clock),
    );

    expect(result.vpcIds).toEqual([vpc.id]);
    expect(result.clusterNames).toEqual(['mlperf-r42-hub']);
    expect(result.deleted.map((lb) => lb.id).sort()).toEqual([classic.id, network.id].sort());
    const left = cloud.loadBalancers.map((lb) => lb.name);
    expect(left).toHaveLength(2);
    expect(left).toContain('handmade');
    expect(left.some((name) => name.startsWith('k8s-ingress-'))).toBe(true); // the other team's
    expect(cloud.networkInterfaces.filter((eni) => eni.vpcId === vpc.id)).toEqual([]);
    expect(clock.sleeps.length).toBeGreaterThan(0); // the interfaces lingered for a while
    expect(result.securityGroupsDeleted).toHaveLength(2);
    expect(cloud.securityGroups.filter((sg) => sg.vpcId === vpc.id).map((sg) => sg.name)).toEqual([
      'default',
    ]);
  });

  it('finds load balancers of a named cluster even when its VPC is already gone from the tags', async () => {
    const vpc = cloud.addVpc(); // no RunId tag
    cloud.addKubernetesLoadBalancer('mlperf-r42-load', vpc.id, 'network');
    const result = await removeKubernetesLoadBalancers(
      { runId: 'r42', clusterNames: ['mlperf-r42-load'] },
      api,
      options(),
    );
    expect(result.deleted).toHaveLength(1);
    expect(cloud.loadBalancers).toEqual([]);
  });

  it('defers a security group still referenced by a node group and deletes it once the reference is gone', async () => {
    const vpc = cloud.addVpc({ RunId: 'r42' });
    const node = {
      id: 'sg-node',
      name: 'node',
      vpcId: vpc.id,
      tags: { RunId: 'r42' },
      referencedBy: [] as string[],
    };
    cloud.securityGroups.push(node);
    cloud.addKubernetesLoadBalancer('mlperf-r42-hub', vpc.id, 'classic', { nodeSecurityGroupId: node.id });
    const result = await removeKubernetesLoadBalancers(
      { runId: 'r42', clusterNames: ['mlperf-r42-hub'] },
      api,
      options(),
    );
    expect(result.securityGroupsDeferred.map((sg) => sg.name)).toEqual([expect.stringMatching(/^k8s-elb-/)]);
    expect(await retryDeferredSecurityGroups(result.securityGroupsDeferred, api)).toHaveLength(1);
    cloud.securityGroups = cloud.securityGroups.filter((sg) => sg !== node);
    expect(await retryDeferredSecurityGroups(result.securityGroupsDeferred, api)).toEqual([]);
  });

  it('does nothing, quietly, when the run has no VPC and no cluster (second run, or apply never started)', async () => {
    cloud.addKubernetesLoadBalancer('someone-else', cloud.addVpc().id, 'classic');
    const lines: string[] = [];
    const result = await removeKubernetesLoadBalancers({ runId: 'r42', clusterNames: [] }, api, {
      ...options(),
      log: (line) => lines.push(line),
    });
    expect(result.deleted).toEqual([]);
    expect(cloud.loadBalancers).toHaveLength(1);
    expect(lines).toEqual(['no VPC or cluster tagged RunId=r42: no Kubernetes load balancers to delete']);
    expect(cloud.calls).not.toContain('elasticloadbalancing:DeleteLoadBalancer');
  });

  it('times out naming the interfaces that will not go', async () => {
    const vpc = cloud.addVpc({ RunId: 'r42' });
    cloud.addKubernetesLoadBalancer('mlperf-r42-hub', vpc.id, 'network');
    cloud.eniReleasePolls = 1_000;
    const error = await removeKubernetesLoadBalancers({ runId: 'r42', clusterNames: [] }, api, {
      clock: new FakeClock(),
      timeoutMs: 60_000,
      intervalMs: 15_000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadBalancerWaitError);
    expect((error as Error).message).toMatch(
      /^timed out after 60 s waiting for Kubernetes load balancers to go; still present:\n {2}- network interface eni-\w+ "ELB net\/k8s-ingress-/,
    );
  });

  it('never touches the security group EKS made for a cluster', () => {
    expect(
      isKubernetesSecurityGroup({
        id: 'sg-1',
        name: 'eks-cluster-sg-x',
        vpcId: 'v',
        tags: { 'aws:eks:cluster-name': 'x', 'kubernetes.io/cluster/x': 'owned' },
      }),
    ).toBe(false);
    expect(isKubernetesSecurityGroup({ id: 'sg-2', name: 'k8s-elb-abc', vpcId: 'v', tags: {} })).toBe(true);
    expect(
      isKubernetesSecurityGroup({
        id: 'sg-3',
        name: 'x-node',
        vpcId: 'v',
        tags: { RunId: 'r', 'kubernetes.io/cluster/x': 'owned' },
      }),
    ).toBe(false);
  });
});
