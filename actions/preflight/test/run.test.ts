import { fileURLToPath } from 'node:url';
import {
  type AwsQuotas,
  type AwsUsage,
  describeAwsFailure,
  loadRunConfig,
  type PreflightClients,
} from '@mlperf/core';
import { describe, expect, it } from 'vitest';
import { recordingIo } from '../../_shell/test/recording-io.js';
import { Inputs, Outputs } from '../src/names.js';
import { type PreflightRuntime, run } from '../src/run.js';

const PROFILES = fileURLToPath(new URL('../../../profiles/', import.meta.url));
const config = async (profile: string, change: (c: Record<string, unknown>) => void = () => {}) => {
  const resolved = (await loadRunConfig({ profile, profilesDir: PROFILES })) as unknown as Record<
    string,
    unknown
  >;
  change(resolved);
  return JSON.stringify(resolved);
};

const fakeIo = recordingIo;

/** Object-literal fakes of the core's narrow AWS interfaces. */
function fakeAws(quota: number, inUse = 0): PreflightClients {
  const quotas: AwsQuotas = { quotaValue: async () => quota };
  const usage: AwsUsage = {
    runningStandardVcpus: async () => inUse,
    vpcCount: async () => 0,
    elasticIpCount: async () => 0,
    maxNatGatewaysInOneAz: async () => 0,
    eksClusterCount: async () => 0,
  };
  return {
    identity: {
      getCallerIdentity: async () => ({
        account: '123456789012',
        arn: 'arn:aws:sts::123456789012:assumed-role/ci/x',
        userId: 'x',
      }),
    },
    quotas,
    usage,
  };
}

const runtime = (aws: PreflightClients, regions: string[] = []): PreflightRuntime => ({
  createAws: (region) => {
    regions.push(region);
    return aws;
  },
  env: { GITHUB_RUN_ID: '9001' },
  now: () => new Date('2026-11-25T17:00:00Z'),
});

describe('preflight action', () => {
  it('passes aws-1000tps with room to spare and publishes the outputs and the summary', async () => {
    const { io, outputs, failures, summaries } = fakeIo({ [Inputs.Config]: await config('aws-1000tps') });
    const regions: string[] = [];
    await run(io, runtime(fakeAws(1000), regions));
    expect(failures).toEqual([]);
    expect(regions).toEqual(['eu-west-2']);
    expect(outputs[Outputs.Ok]).toBe('true');
    expect(outputs[Outputs.RunId]).toBe('r9001');
    expect(Number(outputs[Outputs.EstimateUsd])).toBeGreaterThan(0);
    expect(outputs[Outputs.EstimateUsd]).toMatch(/^\d+\.\d\d$/);
    expect(summaries[0]).toContain('## Preflight: aws-1000tps (run r9001)');
  });

  it('fails the step on a quota shortfall, after publishing ok=false and the tables', async () => {
    const { io, outputs, failures, summaries } = fakeIo({
      [Inputs.Config]: await config('aws-1000tps'),
      [Inputs.RunId]: 'r-x',
    });
    await run(io, runtime(fakeAws(64)));
    expect(outputs[Outputs.Ok]).toBe('false');
    expect(outputs[Outputs.RunId]).toBe('r-x');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(
      /^preflight stopped the run before anything was spent:\n- quota short: Running On-Demand Standard/,
    );
    expect(summaries[0]).toContain('**Verdict: stop**');
  });

  it('fails the step on a cost-cap breach', async () => {
    const { io, outputs, failures } = fakeIo({
      [Inputs.Config]: await config('aws-1000tps', (c) => {
        c.costCapUsd = 10;
      }),
    });
    await run(io, runtime(fakeAws(1000)));
    expect(outputs[Outputs.Ok]).toBe('false');
    expect(failures[0]).toMatch(
      /- cost cap exceeded: the run is estimated at \$\d+\.\d\d .* above costCapUsd \$10\.00/,
    );
  });

  it('checks nothing for the local profile', async () => {
    const { io, outputs, failures, summaries } = fakeIo({ [Inputs.Config]: await config('local') });
    const regions: string[] = [];
    await run(io, runtime(fakeAws(0), regions));
    expect(failures).toEqual([]);
    expect(regions).toEqual([]);
    expect(outputs).toEqual({
      [Outputs.RunId]: 'r9001',
      [Outputs.EstimateUsd]: '0.00',
      [Outputs.HourlyUsd]: '0.00',
      [Outputs.Ok]: 'true',
    });
    expect(summaries[0]).toContain('nothing to check: local run');
  });

  it('reports an AWS permission error as one message, with no outputs', async () => {
    const aws = fakeAws(1000);
    aws.identity.getCallerIdentity = async () => {
      throw describeAwsFailure(
        'sts:GetCallerIdentity',
        Object.assign(new Error('not authorized'), { name: 'AccessDenied' }),
      );
    };
    const { io, outputs, failures } = fakeIo({ [Inputs.Config]: await config('aws-smoke') });
    await run(io, runtime(aws));
    expect(failures).toEqual([
      'AWS denied sts:GetCallerIdentity (AccessDenied). Grant the pipeline role the IAM permission "sts:GetCallerIdentity" and run again. AWS said: not authorized',
    ]);
    expect(outputs).toEqual({});
  });

  it('rejects a config input that is not JSON, or not valid', async () => {
    const bad = fakeIo({ [Inputs.Config]: 'profile: local' });
    await run(bad.io, runtime(fakeAws(0)));
    expect(bad.failures[0]).toBe(
      'input config is not JSON; pass the config output of the validate-config action',
    );
    const invalid = fakeIo({ [Inputs.Config]: '{"profile":"x"}' });
    await run(invalid.io, runtime(fakeAws(0)));
    expect(invalid.failures[0]).toMatch(/^Run configuration from input config is invalid/);
  });
});
