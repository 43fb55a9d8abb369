import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CommandOptions,
  type CommandRunner,
  EKS_TOKEN_PREFIX,
  type EksStatusApi,
  loadRunConfig,
} from '@mlperf/core';
import { readStackOutputsInput } from '@mlperf/core/platform/index';
import { describe, expect, it } from 'vitest';
import { recordingIo } from '../../_shell/test/recording-io.js';
import { Inputs, Outputs } from '../src/names.js';
import { type ProvisionRuntime, run } from '../src/run.js';

const PROFILES = fileURLToPath(new URL('../../../profiles/', import.meta.url));

const fakeIo = recordingIo;

const OUTPUTS = {
  hub_cluster_name: { value: 'mlperf-r7-hub' },
  hub_cluster_endpoint: { value: 'https://HUB.gr7.eu-west-2.eks.amazonaws.com' },
  hub_cluster_certificate_authority_data: { value: 'SFVC' },
  load_cluster_name: { value: 'mlperf-r7-load' },
  load_cluster_endpoint: { value: 'https://LOAD.gr7.eu-west-2.eks.amazonaws.com' },
  load_cluster_certificate_authority_data: { value: 'TE9BRA==' },
  vpc_id: { value: 'vpc-0abc1234' },
  db_endpoint: { value: 'db.example.internal:3306' },
  cache_endpoint: { value: 'cache.example.internal' },
  hub_ingress_security_group_id: { value: 'sg-0a1b2c3d4e5f67890' },
  hub_prometheus_security_group_id: { value: 'sg-1a2b3c4d5e6f78901' },
  db_master_user_secret_arn: { value: 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:rds!db-1-AbC' },
};

/** A terraform that succeeds at everything, recording its arguments. */
class TerraformStub implements CommandRunner {
  readonly calls: Array<{ args: readonly string[]; options: CommandOptions }> = [];
  async run(_command: string, args: readonly string[], options: CommandOptions) {
    this.calls.push({ args, options });
    const stdout =
      args[0] === 'show'
        ? JSON.stringify({
            resource_changes: [{ address: 'aws_vpc.this', type: 'aws_vpc', change: { actions: ['create'] } }],
          })
        : args[0] === 'output'
          ? JSON.stringify(OUTPUTS)
          : '';
    return { exitCode: 0, stdout, stderr: '' };
  }
}

function runtime(runner: CommandRunner, eks: EksStatusApi, workspace: string): ProvisionRuntime {
  let now = Date.parse('2026-11-25T18:00:00Z');
  return {
    createAws: () => ({
      identity: {
        getCallerIdentity: async () => ({
          account: '123456789012',
          arn: 'arn:aws:sts::123456789012:assumed-role/mlperf-pipeline/gh-7',
          userId: 'x',
        }),
      },
      eks,
      credentials: async () => ({
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'not-a-real-secret',
        sessionToken: 'tok',
      }),
    }),
    runner,
    clock: {
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    },
    env: { GITHUB_ACTOR: 'octocat' },
    workspace,
  };
}

const active: EksStatusApi = {
  clusterStatus: async () => ({ status: 'ACTIVE', issues: [] }),
  nodegroupStatus: async () => ({ status: 'ACTIVE', issues: [] }),
};

async function inputs(extra: Record<string, string> = {}) {
  const config = await loadRunConfig({ profile: 'aws-smoke', profilesDir: PROFILES });
  return {
    [Inputs.Config]: JSON.stringify(config),
    [Inputs.RunId]: 'r7',
    [Inputs.StateBucket]: 'mlperf-state',
    [Inputs.TtlHours]: '8',
    [Inputs.WaitTimeoutMinutes]: '30',
    ...extra,
  };
}

describe('provision action', () => {
  it('provisions, masks the tokens before publishing them, and publishes the typed outputs', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'ws-'));
    await mkdir(path.join(workspace, 'terraform/envs/perf'), { recursive: true });
    try {
      const runner = new TerraformStub();
      const { io, outputs, secrets, failures, summaries, logs } = fakeIo(await inputs());
      await run(io, runtime(runner, active, workspace));
      expect(failures).toEqual([]);
      expect(runner.calls[0]?.args).toEqual([
        'init',
        '-input=false',
        '-backend-config=bucket=mlperf-state',
        '-backend-config=key=mlperf/r7/terraform.tfstate',
        '-backend-config=region=eu-west-2',
        '-backend-config=use_lockfile=true',
      ]);
      expect(runner.calls.every((c) => c.options.cwd === path.join(workspace, 'terraform/envs/perf'))).toBe(
        true,
      );
      expect(outputs[Outputs.HubClusterName]).toBe('mlperf-r7-hub');
      expect(outputs[Outputs.LoadClusterEndpoint]).toBe('https://LOAD.gr7.eu-west-2.eks.amazonaws.com');
      expect(JSON.parse(outputs[Outputs.Outputs] ?? '{}').vpcId).toBe('vpc-0abc1234');
      // The platform action reads its stack values from this output (its input stack-outputs).
      expect(
        readStackOutputsInput(outputs[Outputs.Outputs] ?? '', 'stack-outputs', [
          'vpcId',
          'hubIngressSecurityGroupId',
          'hubPrometheusSecurityGroupId',
        ]),
      ).toEqual({
        vpcId: 'vpc-0abc1234',
        hubIngressSecurityGroupId: 'sg-0a1b2c3d4e5f67890',
        hubPrometheusSecurityGroupId: 'sg-1a2b3c4d5e6f78901',
      });
      expect(outputs[Outputs.DbSecretArn]).toBe(
        'arn:aws:secretsmanager:eu-west-2:123456789012:secret:rds!db-1-AbC',
      );
      const tokens = [outputs[Outputs.HubToken], outputs[Outputs.LoadToken]];
      expect(tokens.every((t) => t?.startsWith(EKS_TOKEN_PREFIX))).toBe(true);
      expect(secrets).toEqual(tokens);
      expect(outputs[Outputs.TokenExpiresAt]).toBe('2026-11-25T18:14:00.000Z');
      expect(summaries[0]).toContain('## Provision: run r7');
      expect(summaries[0]).toContain('**Plan: 1 to add, 0 to change, 0 to destroy**');
      for (const line of [...logs, ...summaries]) expect(line).not.toContain(tokens[0]);
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  });

  it('saves the teardown record for the janitor in the state bucket before terraform runs', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'ws-'));
    await mkdir(path.join(workspace, 'terraform/envs/perf'), { recursive: true });
    try {
      const runner = new TerraformStub();
      const saved: Array<{ bucket: string; region: string; runId: string; callsBefore: number }> = [];
      const { io, failures } = fakeIo(await inputs());
      await run(io, {
        ...runtime(runner, active, workspace),
        createRecords: (bucket, region) => ({
          put: async (record) => {
            saved.push({ bucket, region, runId: record.runId, callsBefore: runner.calls.length });
            return `s3://${bucket}/mlperf/${record.runId}/teardown.json`;
          },
        }),
      });
      expect(failures).toEqual([]);
      expect(saved).toEqual([{ bucket: 'mlperf-state', region: 'eu-west-2', runId: 'r7', callsBefore: 0 }]);
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  });

  it('fails with the diagnosis when a node group never becomes active', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'ws-'));
    await mkdir(path.join(workspace, 'stack'), { recursive: true });
    try {
      const stuck: EksStatusApi = {
        clusterStatus: async () => ({ status: 'ACTIVE', issues: [] }),
        nodegroupStatus: async (_c, nodegroup) =>
          nodegroup === 'dfsps'
            ? {
                status: 'CREATING',
                issues: [
                  { code: 'AsgInstanceLaunchFailures', message: 'VcpuLimitExceeded', resourceIds: [] },
                ],
              }
            : { status: 'ACTIVE', issues: [] },
      };
      const { io, failures, outputs } = fakeIo(
        await inputs({ [Inputs.TerraformDir]: 'stack', [Inputs.WaitTimeoutMinutes]: '5' }),
      );
      await run(io, runtime(new TerraformStub(), stuck, workspace));
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatch(/^timed out after 5 min \(deadline 5 min\) waiting for EKS; not ACTIVE:/);
      expect(failures[0]).toContain(
        'node group mlperf-r7-hub/dfsps: CREATING; health: AsgInstanceLaunchFailures: VcpuLimitExceeded',
      );
      expect(outputs).toEqual({});
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  });

  it('refuses a local configuration and a missing state bucket', async () => {
    const local = await loadRunConfig({ profile: 'local', profilesDir: PROFILES });
    const a = fakeIo({ ...(await inputs()), [Inputs.Config]: JSON.stringify(local) });
    await run(a.io, runtime(new TerraformStub(), active, '/nowhere'));
    expect(a.failures[0]).toBe(
      'infrastructure.provider: got "local"; allowed: aws (there is nothing to provision for a local run)',
    );
    const b = fakeIo({ ...(await inputs()), [Inputs.StateBucket]: '' });
    await run(b.io, runtime(new TerraformStub(), active, '/nowhere'));
    expect(b.failures[0]).toMatch(/^input state-bucket is required/);
    const c = fakeIo({ ...(await inputs()), [Inputs.TtlHours]: 'soon' });
    await run(c.io, runtime(new TerraformStub(), active, '/nowhere'));
    expect(c.failures[0]).toBe('input ttl-hours: got "soon"; allowed: a number above 0');
  });
});
