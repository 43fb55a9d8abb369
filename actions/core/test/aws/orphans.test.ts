import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createOrphanApi,
  findOrphans,
  type OrphanApi,
  orphanFilterSets,
  renderOrphanMarkdown,
} from '../../src/index.js';
import { FakeCloud, type InstalledFake, installFakeAws, sdkClients } from './fake-aws.js';

describe('orphan check', () => {
  let cloud: FakeCloud;
  let fake: InstalledFake;
  let api: OrphanApi;
  beforeEach(() => {
    cloud = new FakeCloud();
    fake = installFakeAws(cloud);
    api = createOrphanApi(sdkClients());
  });
  afterEach(() => fake.restore());

  it('is clean when nothing of the run is left, even while the tagging index still lists deleted load balancers', async () => {
    cloud.staleTaggedArns.push(
      'arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/net/k8s-gone/0123',
    );
    cloud.staleTaggedArns.push('arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/agone');
    // Another run's resources do not count.
    cloud.volumes.push({ id: 'vol-other', state: 'available', size: 8, tags: { RunId: 'r41' } });
    const report = await findOrphans({ runId: 'r42', clusterNames: ['mlperf-r42-hub'] }, api);
    expect(report).toEqual({
      query: { runId: 'r42', clusterNames: ['mlperf-r42-hub'] },
      orphans: [],
      clean: true,
    });
    expect(renderOrphanMarkdown(report)).toMatch(
      /^No leftovers: no load balancer, network interface, Elastic IP, volume or security group tagged `RunId=r42` or `kubernetes.io\/cluster\/mlperf-r42-hub`\.$/,
    );
  });

  it('reports every kind of leftover, by RunId or by the clusters tag, once each', async () => {
    const vpc = cloud.addVpc({ RunId: 'r42' });
    const lb = cloud.addKubernetesLoadBalancer('mlperf-r42-hub', vpc.id, 'network');
    lb.tags.RunId = 'r42';
    cloud.addresses.push({ allocationId: 'eipalloc-9', publicIp: '203.0.113.9', tags: { RunId: 'r42' } });
    cloud.volumes.push({
      id: 'vol-pv',
      state: 'available',
      size: 100,
      tags: { 'kubernetes.io/cluster/mlperf-r42-hub': 'owned', Name: 'kafka-data-0', RunId: 'r42' },
    });
    cloud.securityGroups.push({
      id: 'sg-left',
      name: 'left',
      vpcId: vpc.id,
      tags: { RunId: 'r42' },
      referencedBy: [],
    });
    cloud.networkInterfaces.push({
      id: 'eni-left',
      vpcId: vpc.id,
      description: 'leftover',
      status: 'available',
      tags: { RunId: 'r42' },
    });

    const report = await findOrphans({ runId: 'r42', clusterNames: ['mlperf-r42-hub'] }, api);
    expect(report.clean).toBe(false);
    expect(report.orphans).toEqual([
      { kind: 'load balancer', id: lb.id, detail: `network ${lb.name}` },
      { kind: 'network interface', id: 'eni-left', detail: 'available leftover' },
      { kind: 'elastic ip', id: 'eipalloc-9', detail: '203.0.113.9 unattached' },
      { kind: 'volume', id: 'vol-pv', detail: 'available 100 GiB kafka-data-0' },
      { kind: 'security group', id: 'sg-left', detail: `left in ${vpc.id}` },
    ]);
    const markdown = renderOrphanMarkdown(report);
    expect(markdown).toContain('**5 leftover resource(s)**');
    expect(markdown).toContain('| volume | `vol-pv` | available 100 GiB kafka-data-0 |');
  });

  it('queries EC2 by the RunId tag and by the clusters tag key', () => {
    expect(orphanFilterSets({ runId: 'r42', clusterNames: ['a', 'b'] })).toEqual([
      [{ Name: 'tag:RunId', Values: ['r42'] }],
      [{ Name: 'tag-key', Values: ['kubernetes.io/cluster/a', 'kubernetes.io/cluster/b'] }],
    ]);
  });
});
