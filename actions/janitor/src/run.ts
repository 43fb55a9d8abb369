import path from 'node:path';
import type { Clock, CommandRunner } from '@mlperf/core';
import {
  AWS_REGION_ALLOWED,
  AWS_REGION_PATTERN,
  type JanitorAws,
  type JanitorOptions,
  MAX_STACKS_LIMIT,
  type RunResourceApi,
  renderJanitorMarkdown,
  runJanitor,
  type StackRecordStore,
} from '@mlperf/core/janitor/index';
import type { ActionIoOf } from '../../_shell/src/action-io.js';
import { Inputs, Outputs, POLL_INTERVAL_MS } from './names.js';

/** The slice of `@actions/core` this action uses, injected so tests can pass a fake. */
export type ActionIo = ActionIoOf<
  'getInput' | 'setOutput' | 'setFailed' | 'info' | 'warning' | 'writeSummary'
>;

export interface JanitorRuntime {
  /** The tagging API, per region. */
  resources: RunResourceApi;
  /** The teardown records in the state bucket. */
  createRecords(bucket: string, region: string): Pick<StackRecordStore, 'get'>;
  /** Load balancer and orphan APIs of a stack's region. */
  createAws(region: string): JanitorAws;
  runner: CommandRunner;
  clock: Clock;
  workspace: string;
  /** Scratch space for the stacks' Terraform data dirs (RUNNER_TEMP in Actions). */
  tempDir: string;
}

export type JanitorSettings = Omit<JanitorOptions, 'now'>;

function wholeNumber(io: ActionIo, name: string, max?: number): number {
  const raw = io.getInput(name).trim();
  const value = Number(raw);
  if (raw === '' || !Number.isInteger(value) || value < 1 || (max !== undefined && value > max)) {
    const allowed = max === undefined ? 'a whole number of at least 1' : `a whole number from 1 to ${max}`;
    throw new Error(`input ${name}: got ${JSON.stringify(raw)}; allowed: ${allowed}`);
  }
  return value;
}

function region(name: string, raw: string): string {
  if (!AWS_REGION_PATTERN.test(raw)) {
    throw new Error(`input ${name}: got ${JSON.stringify(raw)}; allowed: ${AWS_REGION_ALLOWED}`);
  }
  return raw;
}

export function parseRegions(raw: string): string[] {
  const regions = raw
    .split(/[\s,]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (regions.length === 0) {
    throw new Error(
      `input ${Inputs.Regions} is required: the AWS regions to look for expired stacks in; allowed: ${AWS_REGION_ALLOWED}`,
    );
  }
  return [...new Set(regions.map((name) => region(Inputs.Regions, name)))];
}

function parseBoolean(io: ActionIo, name: string): boolean {
  const raw = io.getInput(name).trim();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new Error(`input ${name}: got ${JSON.stringify(raw)}; allowed: true or false`);
}

/** Every input, checked before anything is listed or destroyed. */
export function readInputs(io: ActionIo, runtime: JanitorRuntime): JanitorSettings {
  const regions = parseRegions(io.getInput(Inputs.Regions));
  const bucket = io.getInput(Inputs.StateBucket).trim();
  if (bucket === '')
    throw new Error(`input ${Inputs.StateBucket} is required: the S3 bucket holding Terraform state`);
  const stateRegion = io.getInput(Inputs.StateRegion).trim();
  return {
    regions,
    state: {
      bucket,
      region: stateRegion === '' ? (regions[0] as string) : region(Inputs.StateRegion, stateRegion),
    },
    workingDir: path.resolve(
      runtime.workspace,
      io.getInput(Inputs.TerraformDir).trim() || 'terraform/envs/perf',
    ),
    scratchDir: path.join(runtime.tempDir, 'mlperf-janitor'),
    maxStacks: wholeNumber(io, Inputs.MaxStacks, MAX_STACKS_LIMIT),
    dryRun: parseBoolean(io, Inputs.DryRun),
    loadBalancerTimeoutMs: wholeNumber(io, Inputs.LoadBalancerTimeoutMinutes) * 60_000,
    pollIntervalMs: POLL_INTERVAL_MS,
    destroyAttempts: wholeNumber(io, Inputs.DestroyAttempts),
  };
}

export async function run(io: ActionIo, runtime: JanitorRuntime): Promise<void> {
  try {
    const settings = readInputs(io, runtime);
    const result = await runJanitor(
      {
        resources: runtime.resources,
        records: runtime.createRecords(settings.state.bucket, settings.state.region),
        teardownAws: (stackRegion) => runtime.createAws(stackRegion),
        runner: runtime.runner,
        clock: runtime.clock,
        log: (line) => io.info(line),
      },
      { ...settings, now: new Date(runtime.clock.now()) },
    );
    await io.writeSummary(renderJanitorMarkdown(result));
    io.setOutput(Outputs.Removed, JSON.stringify(result.removed.map((stack) => stack.runId)));
    io.setOutput(
      Outputs.Failed,
      JSON.stringify(result.failed.map(({ runId, step, reason }) => ({ runId, step, reason }))),
    );
    io.setOutput(Outputs.Report, JSON.stringify(result));
    for (const stack of result.skipped.filter((s) => s.reason === 'needs-human')) {
      io.warning(`stack ${stack.runId} is never removed automatically: ${stack.detail}; remove it by hand`);
    }
    if (!result.ok) {
      const lines = [
        ...result.failed.map((s) => `- ${s.runId} at ${s.step}: ${s.reason.split('\n')[0] ?? ''}`),
        ...result.regionErrors.map((e) => `- listing ${e.region}: ${e.reason}`),
      ];
      io.setFailed(`the janitor left expired stacks behind:\n${lines.join('\n')}`);
    }
  } catch (error) {
    io.setFailed(error instanceof Error ? error.message : String(error));
  }
}
