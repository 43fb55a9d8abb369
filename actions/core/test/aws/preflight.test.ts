import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AwsAccessDeniedError,
  createAwsIdentity,
  createAwsQuotas,
  createAwsUsage,
  estimateUsd,
  LOCAL_NOTE,
  type PreflightClients,
  renderPreflightMarkdown,
  runPreflight,
} from '../../src/index.js';
import { FakeCloud, type InstalledFake, installFakeAws, sdkClients } from './fake-aws.js';
import { profile, profileWith } from './profiles.js';

const ENOUGH = {
  'ec2/L-1216C47A': 1024,
  'vpc/L-F678F1CE': 5,
  'ec2/L-0263D0A3': 5,
  'vpc/L-FE5A380F': 5,
  'eks/L-1194D53C': 100,
};

function clients(): PreflightClients {
  const sdk = sdkClients();
  return {
    identity: createAwsIdentity(sdk.sts),
    quotas: createAwsQuotas(sdk.quotas),
    usage: createAwsUsage(sdk.ec2, sdk.eks),
  };
}

describe('preflight against the fake account', () => {
  let cloud: FakeCloud;
  let fake: InstalledFake;
  beforeEach(() => {
    cloud = new FakeCloud();
    cloud.appliedQuotas = { ...ENOUGH };
    fake = installFakeAws(cloud);
  });
  afterEach(() => fake.restore());

  it('passes aws-1000tps with enough quota and a cost under the cap', async () => {
    const result = await runPreflight(await profile('aws-1000tps'), clients(), { runId: 'r42' });
    expect(result.verdict).toEqual({ status: 'ok' });
    expect(result.identity).toEqual({
      account: '123456789012',
      arn: 'arn:aws:sts::123456789012:assumed-role/mlperf-pipeline/gh-42',
    });
    expect(result.quotas.every((row) => row.ok)).toBe(true);
    expect(result.cost?.hours).toBeCloseTo(4.2, 5);
    expect(estimateUsd(result)).toBeGreaterThan(0);
    expect(estimateUsd(result)).toBeLessThanOrEqual(150);
    const markdown = renderPreflightMarkdown(result);
    expect(markdown).toContain('**Verdict: ok**');
    expect(markdown).toContain(
      '| Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances | `ec2/L-1216C47A` | 280 | 1024 | 0 | 1024 | ✅ |',
    );
    expect(markdown).toContain('### Cost estimate:');
  });

  it('stops on a quota shortfall, saying which quota and by how much', async () => {
    cloud.appliedQuotas['ec2/L-1216C47A'] = 64;
    cloud.appliedQuotas['ec2/L-0263D0A3'] = 5;
    for (let i = 0; i < 4; i++)
      cloud.addresses.push({ allocationId: `eipalloc-${i}`, publicIp: `192.0.2.${i}`, tags: {} });
    const result = await runPreflight(await profile('aws-1000tps'), clients(), { runId: 'r42' });
    expect(result.verdict.status).toBe('stop');
    const reasons = result.verdict.status === 'stop' ? result.verdict.reasons : [];
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toMatch(
      /^quota short: Running On-Demand Standard .* \(ec2\/L-1216C47A\) needs 280 vCPUs, 64 available/,
    );
    expect(reasons[1]).toMatch(
      /^quota short: EC2-VPC Elastic IPs \(ec2\/L-0263D0A3\) needs 3 addresses, 1 available \(quota 5, 4 in use\)/,
    );
    const markdown = renderPreflightMarkdown(result);
    expect(markdown).toContain('**Verdict: stop** — nothing was provisioned and nothing was spent.');
    expect(markdown).toContain('| ❌ |');
  });

  it('stops when the estimate exceeds the cost cap, with both figures', async () => {
    const config = await profileWith('aws-1000tps', { costCapUsd: 40 });
    const result = await runPreflight(config, clients(), { runId: 'r42' });
    expect(result.verdict.status).toBe('stop');
    const reasons = result.verdict.status === 'stop' ? result.verdict.reasons : [];
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(
      /^cost cap exceeded: the run is estimated at \$\d+\.\d\d \(\$\d+\.\d\d\/h for 4\.20 h\), above costCapUsd \$40\.00/,
    );
  });

  it('fails with the API action and permission when EC2 denies access, before anything is spent', async () => {
    cloud.denied.add('ec2:DescribeInstances');
    const error = await runPreflight(await profile('aws-1000tps'), clients(), { runId: 'r42' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AwsAccessDeniedError);
    expect((error as Error).message).toMatch(
      /^AWS denied ec2:DescribeInstances \(UnauthorizedOperation\)\. Grant the pipeline role the IAM permission "ec2:DescribeInstances"/,
    );
  });

  it('fails before any AWS call for a region missing from the pricing table', async () => {
    const config = await profileWith('aws-smoke', { infrastructure: { region: 'ap-south-2' } });
    await expect(runPreflight(config, clients(), { runId: 'r42' })).rejects.toThrow(
      /no prices for region ap-south-2 in actions\/core\/src\/cost\/pricing\.json; regions available: eu-west-2, us-east-1/,
    );
    expect(cloud.calls).toEqual([]);
  });
});

describe('preflight of the local profile', () => {
  it('checks nothing and says so', async () => {
    const result = await runPreflight(await profile('local'), undefined, { runId: 'l20261125t1742' });
    expect(result).toEqual({
      profile: 'local',
      provider: 'local',
      runId: 'l20261125t1742',
      costCapUsd: 0,
      quotas: [],
      verdict: { status: 'ok' },
      notes: [LOCAL_NOTE],
    });
    expect(renderPreflightMarkdown(result)).toContain('nothing to check: local run');
    expect(estimateUsd(result)).toBe(0);
  });
});
