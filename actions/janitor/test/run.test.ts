import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRunConfig, toTerraformVariables } from '@mlperf/core';
import {
  DEFAULT_MAX_STACKS,
  type RunResourceApi,
  StackRecordError,
  type StackRecordStore,
  stackRecord,
  type TaggedResource,
} from '@mlperf/core/janitor/index';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { recordingIo } from '../../_shell/test/recording-io.js';
import { EmptyStateTerraform, noLoadBalancers, orphansApi } from '../../teardown/test/fakes.js';
import { Inputs, Outputs } from '../src/names.js';
import { type JanitorRuntime, parseRegions, run } from '../src/run.js';

const PROFILES = fileURLToPath(new URL('../../../profiles/', import.meta.url));
const ACTION_YML = fileURLToPath(new URL('../action.yml', import.meta.url));
const NOW = Date.parse('2026-11-26T12:00:00Z');

const fakeIo = recordingIo;

const tagged = (runId: string, expiresAt?: string): TaggedResource => ({
  arn: `arn:aws:ec2:eu-west-2:123456789012:vpc/vpc-0${runId}`,
  region: 'eu-west-2',
  tags: { RunId: runId, Owner: 'octocat', Project: 'mlperf', ...(expiresAt ? { ExpiresAt: expiresAt } : {}) },
});

describe('janitor action', () => {
  let workspace: string;
  beforeEach(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), 'ws-'));
  });
  afterEach(async () => rm(workspace, { recursive: true, force: true }));

  /** A saved record per run id in `records`; the tagging index lists `listed`. */
  async function runtime(listed: TaggedResource[], recordRunIds: string[]) {
    const config = await loadRunConfig({ profile: 'aws-smoke', profilesDir: PROFILES });
    const runner = new EmptyStateTerraform();
    const listedRegions: string[] = [];
    const recordStores: string[] = [];
    const resources: RunResourceApi = {
      listRunResources: async (region) => {
        listedRegions.push(region);
        return listed.filter((r) => r.region === region);
      },
    };
    const records: Pick<StackRecordStore, 'get'> = {
      get: async (runId) => {
        if (!recordRunIds.includes(runId))
          throw new StackRecordError(`no teardown record at s3://mlperf-state/mlperf/${runId}/teardown.json`);
        const meta = {
          runId,
          owner: 'octocat',
          expiresAt: '2026-11-26T01:00:00Z',
          pipelineRoleArn: 'arn:aws:iam::123456789012:role/mlperf-pipeline',
        };
        return stackRecord({
          runId,
          stateKey: `mlperf/${runId}/terraform.tfstate`,
          writtenAt: '2026-11-25T17:00:00Z',
          config,
          variables: toTerraformVariables(config, meta),
        });
      },
    };
    const value: JanitorRuntime = {
      resources,
      createRecords: (bucket, region) => {
        recordStores.push(`${bucket}@${region}`);
        return records;
      },
      createAws: () => ({ loadBalancers: noLoadBalancers, orphans: orphansApi() }),
      runner,
      clock: { now: () => NOW, sleep: async () => {} },
      workspace,
      tempDir: workspace,
    };
    return { runtime: value, runner, listedRegions, recordStores };
  }

  const inputs = (extra: Record<string, string> = {}) => ({
    [Inputs.Regions]: 'eu-west-2',
    [Inputs.StateBucket]: 'mlperf-state',
    [Inputs.TerraformDir]: '.',
    [Inputs.MaxStacks]: '5',
    [Inputs.DryRun]: 'false',
    [Inputs.LoadBalancerTimeoutMinutes]: '10',
    [Inputs.DestroyAttempts]: '4',
    ...extra,
  });

  it('removes an expired stack, keeps an alive one and publishes the outputs and the summary', async () => {
    const world = await runtime(
      [tagged('r7', '2026-11-26T01:00:00Z'), tagged('r8', '2026-11-27T00:00:00Z')],
      ['r7'],
    );
    const { io, outputs, failures, summaries } = fakeIo(inputs());
    await run(io, world.runtime);
    expect(failures).toEqual([]);
    expect(world.runner.calls.map((args) => args[0])).toEqual(['init', 'output', 'destroy']);
    expect(world.recordStores).toEqual(['mlperf-state@eu-west-2']);
    expect(outputs[Outputs.Removed]).toBe('["r7"]');
    expect(outputs[Outputs.Failed]).toBe('[]');
    const report = JSON.parse(outputs[Outputs.Report] ?? '{}');
    expect(report).toMatchObject({ ok: true, dryRun: false, maxStacks: 5, regions: ['eu-west-2'] });
    expect(report.skipped).toMatchObject([{ runId: 'r8', reason: 'alive' }]);
    expect(summaries[0]).toContain('## Janitor: 1 removed, 0 failed, 1 skipped');
  });

  it('fails the step when a stack could not be removed, after removing the others and publishing', async () => {
    const world = await runtime(
      [tagged('r6', '2026-11-25T12:00:00Z'), tagged('r7', '2026-11-26T01:00:00Z')],
      ['r7'],
    );
    const { io, outputs, failures, summaries } = fakeIo(inputs());
    await run(io, world.runtime);
    expect(outputs[Outputs.Removed]).toBe('["r7"]');
    expect(JSON.parse(outputs[Outputs.Failed] ?? '[]')).toEqual([
      {
        runId: 'r6',
        step: 'record',
        reason: 'no teardown record at s3://mlperf-state/mlperf/r6/teardown.json',
      },
    ]);
    expect(failures).toEqual([
      'the janitor left expired stacks behind:\n- r6 at record: no teardown record at s3://mlperf-state/mlperf/r6/teardown.json',
    ]);
    expect(summaries[0]).toContain('## Janitor: 1 removed, 1 failed, 0 skipped');
  });

  it('destroys nothing in a dry run, and warns about a stack only a person can remove', async () => {
    const world = await runtime(
      [
        tagged('r7', '2026-11-26T01:00:00Z'),
        tagged('r9'),
        { ...tagged('r5', '2026-11-20T00:00:00Z'), region: 'us-east-1' },
      ],
      ['r7'],
    );
    const { io, outputs, failures, warnings, summaries } = fakeIo(
      inputs({
        [Inputs.DryRun]: 'true',
        [Inputs.Regions]: 'eu-west-2,\nus-east-1',
        [Inputs.StateRegion]: 'eu-central-1',
      }),
    );
    await run(io, world.runtime);
    expect(failures).toEqual([]);
    expect(world.runner.calls).toEqual([]);
    expect(world.listedRegions).toEqual(['eu-west-2', 'us-east-1']);
    expect(world.recordStores).toEqual(['mlperf-state@eu-central-1']);
    expect(outputs[Outputs.Removed]).toBe('[]');
    expect(warnings).toEqual([
      'stack r9 is never removed automatically: no ExpiresAt tag on any of its 1 resource(s); remove it by hand',
    ]);
    expect(summaries[0]).toContain('## Janitor (dry run): 0 removed, 0 failed, 3 skipped');
  });

  it.each([
    [
      { [Inputs.Regions]: 'eu-west-2, EU-WEST-1' },
      'input regions: got "EU-WEST-1"; allowed: AWS region names such as eu-west-2, separated by commas or new lines',
    ],
    [
      { [Inputs.Regions]: 'eu-west-2 mars-1' },
      'input regions: got "mars-1"; allowed: AWS region names such as eu-west-2, separated by commas or new lines',
    ],
    [
      { [Inputs.Regions]: ' ,\n' },
      'input regions is required: the AWS regions to look for expired stacks in; allowed: AWS region names such as eu-west-2, separated by commas or new lines',
    ],
    [
      { [Inputs.StateRegion]: 'london' },
      'input state-region: got "london"; allowed: AWS region names such as eu-west-2, separated by commas or new lines',
    ],
    [{ [Inputs.MaxStacks]: '0' }, 'input max-stacks: got "0"; allowed: a whole number from 1 to 10'],
    [{ [Inputs.MaxStacks]: '2.5' }, 'input max-stacks: got "2.5"; allowed: a whole number from 1 to 10'],
    [{ [Inputs.MaxStacks]: '11' }, 'input max-stacks: got "11"; allowed: a whole number from 1 to 10'],
    [{ [Inputs.MaxStacks]: 'five' }, 'input max-stacks: got "five"; allowed: a whole number from 1 to 10'],
    [{ [Inputs.DryRun]: 'yes' }, 'input dry-run: got "yes"; allowed: true or false'],
    [{ [Inputs.StateBucket]: '' }, 'input state-bucket is required: the S3 bucket holding Terraform state'],
    [
      { [Inputs.DestroyAttempts]: '0' },
      'input destroy-attempts: got "0"; allowed: a whole number of at least 1',
    ],
  ])('refuses %o before listing anything', async (bad, message) => {
    const world = await runtime([tagged('r7', '2026-11-26T01:00:00Z')], ['r7']);
    const { io, outputs, failures } = fakeIo(inputs(bad));
    await run(io, world.runtime);
    expect(failures).toEqual([message]);
    expect(world.listedRegions).toEqual([]);
    expect(world.runner.calls).toEqual([]);
    expect(outputs).toEqual({});
  });

  it('splits regions on commas and lines and drops repeats', () => {
    expect(parseRegions('eu-west-2, us-east-1\nus-gov-west-1,eu-west-2')).toEqual([
      'eu-west-2',
      'us-east-1',
      'us-gov-west-1',
    ]);
  });

  it('declares in action.yml exactly the inputs and outputs it reads and writes', async () => {
    const action = parse(await readFile(ACTION_YML, 'utf8')) as {
      inputs: Record<string, { default?: string; required?: boolean }>;
      outputs: Record<string, unknown>;
      runs: { using: string; main: string };
    };
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Inputs).sort());
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Outputs).sort());
    expect(action.inputs[Inputs.MaxStacks]?.default).toBe(String(DEFAULT_MAX_STACKS));
    expect(action.inputs[Inputs.DryRun]?.default).toBe('false');
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});
