import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkQuotas,
  createAwsQuotas,
  createAwsUsage,
  quotaNeeds,
  quotaShortfalls,
} from '../../src/index.js';
import { FakeCloud, type InstalledFake, installFakeAws, sdkClients } from './fake-aws.js';
import { profile, profileWith } from './profiles.js';

describe('quota needs', () => {
  it('counts vCPUs at maxSize for aws-1000tps and the network pieces', async () => {
    const config = await profile('aws-1000tps');
    if (config.infrastructure.provider !== 'aws') throw new Error('aws profile expected');
    const needs = quotaNeeds(config.infrastructure);
    expect(needs).toEqual({
      standardVcpus: {
        needed: 12 * 8 + 3 * 8 + 8 * 16 + 2 * 8 + 2 * 8,
        detail:
          'maxSize: 12 × m7i.2xlarge (8) + 3 × m7i.2xlarge (8) + 8 × c7i.4xlarge (16) + 2 × m7i.2xlarge (8) + 2 × m7i.2xlarge (8)',
      },
      vpcs: { needed: 1, detail: 'one VPC for both clusters' },
      elasticIps: { needed: 3, detail: 'one per NAT gateway (one-per-az)' },
      natGatewaysPerAz: { needed: 1, detail: 'one-per-az: at most one per zone' },
      eksClusters: { needed: 2, detail: 'hub and load' },
    });
  });

  it('needs one Elastic IP with a single NAT gateway', async () => {
    const config = await profile('aws-smoke');
    if (config.infrastructure.provider !== 'aws') throw new Error('aws profile expected');
    expect(quotaNeeds(config.infrastructure).elasticIps.needed).toBe(1);
  });

  it('refuses an instance outside the standard class, naming the field', async () => {
    const config = await profileWith('aws-smoke', {
      infrastructure: { hub: { nodeGroups: { kafka: { instanceType: 'g5.xlarge' } } } },
    });
    const infra = config.infrastructure;
    if (infra.provider !== 'aws') throw new Error('aws profile expected');
    expect(() => quotaNeeds(infra)).toThrow(
      /infrastructure\.hub\.nodeGroups\.kafka\.instanceType: g5\.xlarge is outside the standard On-Demand class/,
    );
  });
});

describe('quotas against the fake account', () => {
  let cloud: FakeCloud;
  let fake: InstalledFake;
  beforeEach(() => {
    cloud = new FakeCloud();
    fake = installFakeAws(cloud);
  });
  afterEach(() => fake.restore());

  it('subtracts current usage from applied quotas, falling back to the AWS default', async () => {
    const clients = sdkClients();
    cloud.appliedQuotas = {
      'ec2/L-1216C47A': 640,
      'vpc/L-F678F1CE': 5,
      'ec2/L-0263D0A3': 5,
      'eks/L-1194D53C': 100,
    };
    // vpc/L-FE5A380F was never adjusted: the default (5) applies.
    cloud.addInstance('m7i.2xlarge', 4, 2); // 8 vCPUs
    cloud.addInstance('c7i.large', 1, 2); // 2 vCPUs
    cloud.addInstance('g5.xlarge', 2, 2); // another quota class: not counted
    cloud.instances.push({
      id: 'i-old',
      type: 'm7i.4xlarge',
      state: 'terminated',
      cores: 8,
      threads: 2,
      tags: {},
    });
    const vpc = cloud.addVpc();
    const [a, b] = cloud.subnetsOf(vpc.id);
    cloud.natGateways.push(
      { id: 'nat-1', subnetId: a?.id ?? '', state: 'available' },
      { id: 'nat-2', subnetId: a?.id ?? '', state: 'pending' },
      { id: 'nat-3', subnetId: b?.id ?? '', state: 'available' },
      { id: 'nat-4', subnetId: b?.id ?? '', state: 'deleted' },
    );
    cloud.addresses.push({ allocationId: 'eipalloc-1', publicIp: '198.51.100.7', tags: {} });
    cloud.clusters.push({ name: 'other-team', status: 'ACTIVE', tags: {}, issues: [], activeAfterPolls: 0 });

    const config = await profile('aws-1000tps');
    if (config.infrastructure.provider !== 'aws') throw new Error('aws profile expected');
    const rows = await checkQuotas(
      quotaNeeds(config.infrastructure),
      createAwsQuotas(clients.quotas),
      createAwsUsage(clients.ec2, clients.eks),
    );
    expect(
      rows.map(({ id, code, needed, quota, inUse, available, ok }) => ({
        id,
        code,
        needed,
        quota,
        inUse,
        available,
        ok,
      })),
    ).toEqual([
      {
        id: 'standardVcpus',
        code: 'ec2/L-1216C47A',
        needed: 280,
        quota: 640,
        inUse: 10,
        available: 630,
        ok: true,
      },
      { id: 'vpcs', code: 'vpc/L-F678F1CE', needed: 1, quota: 5, inUse: 1, available: 4, ok: true },
      { id: 'elasticIps', code: 'ec2/L-0263D0A3', needed: 3, quota: 5, inUse: 1, available: 4, ok: true },
      {
        id: 'natGatewaysPerAz',
        code: 'vpc/L-FE5A380F',
        needed: 1,
        quota: 5,
        inUse: 2,
        available: 3,
        ok: true,
      },
      { id: 'eksClusters', code: 'eks/L-1194D53C', needed: 2, quota: 100, inUse: 1, available: 99, ok: true },
    ]);
    expect(cloud.calls).toContain('servicequotas:GetAWSDefaultServiceQuota');
  });

  it('reports a shortfall with the quota, the numbers and the region', async () => {
    const clients = sdkClients();
    cloud.appliedQuotas = { 'ec2/L-1216C47A': 256 };
    cloud.addInstance('m7i.4xlarge', 8, 2); // 16 in use → 240 available
    const config = await profile('aws-1000tps');
    if (config.infrastructure.provider !== 'aws') throw new Error('aws profile expected');
    const rows = await checkQuotas(
      quotaNeeds(config.infrastructure),
      createAwsQuotas(clients.quotas),
      createAwsUsage(clients.ec2, clients.eks),
    );
    expect(quotaShortfalls(rows, 'eu-west-2')).toEqual([
      'quota short: Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances (ec2/L-1216C47A) needs 280 vCPUs, ' +
        '240 available (quota 256, 16 in use) in eu-west-2; request an increase in Service Quotas or free some up',
    ]);
  });
});
