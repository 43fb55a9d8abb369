import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CommandOptions,
  type CommandRunner,
  type KubeLoadBalancerApi,
  loadRunConfig,
  type Orphan,
  type OrphanApi,
} from '@mlperf/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Inputs, Outputs } from '../src/names.js';
import { type ActionIo, parseClusterNames, run, type TeardownRuntime } from '../src/run.js';

const PROFILES = fileURLToPath(new URL('../../../profiles/', import.meta.url));

function fakeIo(inputs: Record<string, string>) {
  const outputs: Record<string, string> = {};
  const failures: string[] = [];
  const warnings: string[] = [];
  const summaries: string[] = [];
  const io: ActionIo = {
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => {
      outputs[name] = value;
    },
    setFailed: (message) => {
      failures.push(message);
    },
    info: () => {},
    warning: (message) => {
      warnings.push(message);
    },
    writeSummary: async (markdown) => {
      summaries.push(markdown);
    },
  };
  return { io, outputs, failures, warnings, summaries };
}

/** Terraform with an empty state: every command succeeds. */
class EmptyStateTerraform implements CommandRunner {
  readonly calls: string[][] = [];
  async run(_c: string, args: readonly string[], _o: CommandOptions) {
    this.calls.push([...args]);
    return { exitCode: 0, stdout: args[0] === 'output' ? '{}' : '', stderr: '' };
  }
}

const noLoadBalancers: KubeLoadBalancerApi = {
  runVpcIds: async () => [],
  runClusterNames: async () => [],
  listLoadBalancers: async () => [],
  deleteLoadBalancer: async () => {},
  listNetworkInterfaces: async () => [],
  listSecurityGroups: async () => [],
  deleteSecurityGroup: async () => 'gone',
};

function orphansApi(left: Orphan[]): OrphanApi {
  return {
    loadBalancers: async () => left.filter((o) => o.kind === 'load balancer'),
    networkInterfaces: async () => left.filter((o) => o.kind === 'network interface'),
    elasticIps: async () => left.filter((o) => o.kind === 'elastic ip'),
    volumes: async () => left.filter((o) => o.kind === 'volume'),
    securityGroups: async () => left.filter((o) => o.kind === 'security group'),
  };
}

describe('teardown action', () => {
  let workspace: string;
  beforeEach(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), 'ws-'));
  });
  afterEach(async () => rm(workspace, { recursive: true, force: true }));

  const runtime = (runner: CommandRunner, left: Orphan[] = []): TeardownRuntime => ({
    createAws: () => ({
      identity: {
        getCallerIdentity: async () => ({
          account: '1',
          arn: 'arn:aws:sts::123456789012:assumed-role/mlperf-pipeline/s',
          userId: 'u',
        }),
      },
      loadBalancers: noLoadBalancers,
      orphans: orphansApi(left),
    }),
    runner,
    clock: { now: () => Date.parse('2026-11-25T20:00:00Z'), sleep: async () => {} },
    env: { GITHUB_ACTOR: 'octocat' },
    workspace,
  });

  async function inputs(profile: 'aws-smoke' | 'local', extra: Record<string, string> = {}) {
    return {
      [Inputs.Config]: JSON.stringify(await loadRunConfig({ profile, profilesDir: PROFILES })),
      [Inputs.RunId]: 'r7',
      [Inputs.StateBucket]: 'mlperf-state',
      [Inputs.TerraformDir]: '.',
      [Inputs.LoadBalancerTimeoutMinutes]: '10',
      [Inputs.DestroyAttempts]: '4',
      ...extra,
    };
  }

  it('destroys an empty stack cleanly (safe to run again)', async () => {
    const runner = new EmptyStateTerraform();
    const { io, outputs, failures, summaries } = fakeIo(await inputs('aws-smoke'));
    await run(io, runtime(runner));
    expect(failures).toEqual([]);
    expect(runner.calls.map((args) => args[0])).toEqual(['init', 'output', 'destroy']);
    expect(outputs).toEqual({ [Outputs.Clean]: 'true', [Outputs.Leftovers]: '[]' });
    expect(summaries[0]).toContain('## Teardown: run r7 — clean');
  });

  it('fails the step and lists the leftovers', async () => {
    const left: Orphan[] = [{ kind: 'elastic ip', id: 'eipalloc-1', detail: '198.51.100.1 unattached' }];
    const { io, outputs, failures } = fakeIo(await inputs('aws-smoke'));
    await run(io, runtime(new EmptyStateTerraform(), left));
    expect(outputs[Outputs.Clean]).toBe('false');
    expect(JSON.parse(outputs[Outputs.Leftovers] ?? '[]')).toEqual(left);
    expect(failures).toEqual(['teardown of run r7 is not clean:\n- orphan check: 1 leftover resource(s)']);
  });

  it('has nothing to do for a local run', async () => {
    const runner = new EmptyStateTerraform();
    const { io, outputs, failures } = fakeIo(await inputs('local'));
    await run(io, runtime(runner));
    expect(failures).toEqual([]);
    expect(runner.calls).toEqual([]);
    expect(outputs[Outputs.Clean]).toBe('true');
  });

  it('leaves the stack up when keepInfra is set, unless told to ignore it', async () => {
    const config = await loadRunConfig({ profile: 'aws-smoke', profilesDir: PROFILES });
    const kept = JSON.stringify({ ...config, keepInfra: true });
    const runner = new EmptyStateTerraform();
    const skipped = fakeIo({ ...(await inputs('aws-smoke')), [Inputs.Config]: kept });
    await run(skipped.io, runtime(runner));
    expect(runner.calls).toEqual([]);
    expect(skipped.warnings[0]).toMatch(/keepInfra is true/);
    const forced = fakeIo({
      ...(await inputs('aws-smoke')),
      [Inputs.Config]: kept,
      [Inputs.IgnoreKeepInfra]: 'true',
    });
    await run(forced.io, runtime(runner));
    expect(runner.calls.map((args) => args[0])).toEqual(['init', 'output', 'destroy']);
  });

  it('splits extra cluster names on lines and commas', () => {
    expect(parseClusterNames('a, b\nc\n\n')).toEqual(['a', 'b', 'c']);
  });
});
