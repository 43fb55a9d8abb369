import path from 'node:path';
import {
  type AwsIdentity,
  type Clock,
  type CommandRunner,
  defaultStateKey,
  expiresAt,
  type KubeLoadBalancerApi,
  type OrphanApi,
  type RunConfig,
  renderTeardownMarkdown,
  roleArnFromCallerArn,
  runTeardown,
  Terraform,
  validateRunId,
} from '@mlperf/core';
import type { ActionIoOf } from '../../_shell/src/action-io.js';
import { readConfigInput } from '../../_shell/src/config-input.js';
import { Inputs, Outputs, POLL_INTERVAL_MS } from './names.js';

/** The slice of `@actions/core` this action uses, injected so tests can pass a fake. */
export type ActionIo = ActionIoOf<
  'getInput' | 'setOutput' | 'setFailed' | 'info' | 'warning' | 'writeSummary'
>;

export interface TeardownAws {
  identity: AwsIdentity;
  loadBalancers: KubeLoadBalancerApi;
  orphans: OrphanApi;
}

export interface TeardownRuntime {
  createAws(region: string): TeardownAws;
  runner: CommandRunner;
  clock: Clock;
  env: Readonly<Record<string, string | undefined>>;
  workspace: string;
}

function wholeNumber(io: ActionIo, name: string): number {
  const raw = io.getInput(name).trim();
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`input ${name}: got ${JSON.stringify(raw)}; allowed: a whole number of at least 1`);
  }
  return value;
}

export function readConfig(io: ActionIo): RunConfig {
  return readConfigInput((name) => io.getInput(name), Inputs.Config);
}

export function parseClusterNames(raw: string): string[] {
  return raw
    .split(/[\s,]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export async function run(io: ActionIo, runtime: TeardownRuntime): Promise<void> {
  try {
    const config = readConfig(io);
    const infra = config.infrastructure;
    if (infra.provider !== 'aws') {
      io.info('nothing to tear down: local run');
      io.setOutput(Outputs.Clean, 'true');
      io.setOutput(Outputs.Leftovers, '[]');
      return;
    }
    if (config.keepInfra && io.getInput(Inputs.IgnoreKeepInfra).trim() !== 'true') {
      io.warning(
        'keepInfra is true: the stack is left running until the janitor removes it after its ExpiresAt tag',
      );
      await io.writeSummary(
        '## Teardown skipped\n\n`keepInfra` is true; the stack keeps running (and costing) until the janitor removes it.\n',
      );
      io.setOutput(Outputs.Clean, 'false');
      io.setOutput(Outputs.Leftovers, '[]');
      return;
    }
    const runId = validateRunId(io.getInput(Inputs.RunId).trim());
    const bucket = io.getInput(Inputs.StateBucket).trim();
    if (bucket === '')
      throw new Error(`input ${Inputs.StateBucket} is required: the S3 bucket holding Terraform state`);
    const aws = runtime.createAws(infra.region);
    const pipelineRoleArn =
      io.getInput(Inputs.PipelineRoleArn).trim() ||
      roleArnFromCallerArn((await aws.identity.getCallerIdentity()).arn);
    const workingDir = path.resolve(
      runtime.workspace,
      io.getInput(Inputs.TerraformDir).trim() || 'terraform/envs/perf',
    );
    const report = await runTeardown(
      {
        config,
        meta: {
          runId,
          owner: io.getInput(Inputs.Owner).trim() || runtime.env.GITHUB_ACTOR || 'unknown',
          // Destroy ignores the expiry, but the variables must still be valid.
          expiresAt: expiresAt(new Date(runtime.clock.now()), 1),
          pipelineRoleArn,
        },
        backend: {
          bucket,
          key: io.getInput(Inputs.StateKey).trim() || defaultStateKey(runId),
          region: io.getInput(Inputs.StateRegion).trim() || infra.region,
        },
        workingDir,
        clusterNames: parseClusterNames(io.getInput(Inputs.ClusterNames)),
        loadBalancerTimeoutMs: wholeNumber(io, Inputs.LoadBalancerTimeoutMinutes) * 60_000,
        pollIntervalMs: POLL_INTERVAL_MS,
        destroyAttempts: wholeNumber(io, Inputs.DestroyAttempts),
      },
      {
        terraform: new Terraform({ workingDir, runner: runtime.runner }),
        loadBalancers: aws.loadBalancers,
        orphans: aws.orphans,
        clock: runtime.clock,
        log: (line) => io.info(line),
      },
    );
    await io.writeSummary(renderTeardownMarkdown(report));
    io.setOutput(Outputs.Clean, String(report.ok));
    io.setOutput(Outputs.Leftovers, JSON.stringify(report.orphans?.orphans ?? []));
    if (!report.ok) {
      const failed = report.steps.filter((step) => !step.ok).map((step) => `- ${step.step}: ${step.detail}`);
      io.setFailed(`teardown of run ${runId} is not clean:\n${failed.join('\n')}`);
    }
  } catch (error) {
    io.setFailed(error instanceof Error ? error.message : String(error));
  }
}
