import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CommandRunner, loadRunConfig, type Orphan } from '@mlperf/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingIo } from '../../_shell/test/recording-io.js';
import { Inputs, Outputs } from '../src/names.js';
import { parseClusterNames, run, type TeardownRuntime } from '../src/run.js';
import { EmptyStateTerraform, noLoadBalancers, orphansApi } from './fakes.js';

const PROFILES = fileURLToPath(new URL('../../../profiles/', import.meta.url));

const fakeIo = recordingIo;

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
