import path from 'node:path';
import {
  type AwsCredentials,
  type AwsIdentity,
  type BackendConfig,
  type Clock,
  type CommandRunner,
  defaultStateKey,
  type EksStatusApi,
  expiresAt,
  provisionStack,
  roleArnFromCallerArn,
  type StackRecordStore,
  Terraform,
  validateRunId,
} from '@mlperf/core';
import type { CloudPhaseIo } from '../../_shell/src/action-io.js';
import { type AwsRunConfig, readConfigInput, requireAws } from '../../_shell/src/config-input.js';
import { Inputs, Outputs, POLL_INTERVAL_MS } from './names.js';

/** The slice of `@actions/core` this action uses, injected so tests can pass a fake. */
export type ActionIo = CloudPhaseIo;

export interface ProvisionAws {
  identity: AwsIdentity;
  eks: EksStatusApi;
  /** The job's credentials, for the EKS tokens. */
  credentials(): Promise<AwsCredentials>;
}

export interface ProvisionRuntime {
  createAws(region: string): ProvisionAws;
  /** Where the teardown record goes (beside the state), for the janitor to destroy the stack later. */
  createRecords?(bucket: string, region: string): Pick<StackRecordStore, 'put'>;
  runner: CommandRunner;
  clock: Clock;
  env: Readonly<Record<string, string | undefined>>;
  workspace: string;
}

export interface ProvisionSettings {
  config: AwsRunConfig;
  runId: string;
  backend: BackendConfig;
  workingDir: string;
  owner: string;
  ttlHours: number;
  pipelineRoleArn: string;
  waitTimeoutMs: number;
}

function positiveNumber(io: ActionIo, name: string): number {
  const raw = io.getInput(name).trim();
  const value = Number(raw);
  if (raw === '' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`input ${name}: got ${JSON.stringify(raw)}; allowed: a number above 0`);
  }
  return value;
}

export function readInputs(io: ActionIo, runtime: ProvisionRuntime): ProvisionSettings {
  const config = requireAws(
    readConfigInput((name) => io.getInput(name), Inputs.Config),
    'there is nothing to provision for a local run',
  );
  const runId = validateRunId(io.getInput(Inputs.RunId).trim());
  const bucket = io.getInput(Inputs.StateBucket).trim();
  if (bucket === '')
    throw new Error(`input ${Inputs.StateBucket} is required: the S3 bucket holding Terraform state`);
  const region = config.infrastructure.region;
  return {
    config,
    runId,
    backend: {
      bucket,
      key: io.getInput(Inputs.StateKey).trim() || defaultStateKey(runId),
      region: io.getInput(Inputs.StateRegion).trim() || region,
    },
    workingDir: path.resolve(
      runtime.workspace,
      io.getInput(Inputs.TerraformDir).trim() || 'terraform/envs/perf',
    ),
    owner: io.getInput(Inputs.Owner).trim() || runtime.env.GITHUB_ACTOR || 'unknown',
    ttlHours: positiveNumber(io, Inputs.TtlHours),
    pipelineRoleArn: io.getInput(Inputs.PipelineRoleArn).trim(),
    waitTimeoutMs: positiveNumber(io, Inputs.WaitTimeoutMinutes) * 60_000,
  };
}

export async function run(io: ActionIo, runtime: ProvisionRuntime): Promise<void> {
  try {
    const settings = readInputs(io, runtime);
    const aws = runtime.createAws(settings.config.infrastructure.region);
    const pipelineRoleArn =
      settings.pipelineRoleArn || roleArnFromCallerArn((await aws.identity.getCallerIdentity()).arn);
    const terraform = new Terraform({ workingDir: settings.workingDir, runner: runtime.runner });
    const result = await provisionStack(
      {
        config: settings.config,
        meta: {
          runId: settings.runId,
          owner: settings.owner,
          expiresAt: expiresAt(new Date(runtime.clock.now()), settings.ttlHours),
          pipelineRoleArn,
        },
        backend: settings.backend,
        workingDir: settings.workingDir,
        waitTimeoutMs: settings.waitTimeoutMs,
        pollIntervalMs: POLL_INTERVAL_MS,
      },
      {
        terraform,
        eks: aws.eks,
        ...(runtime.createRecords
          ? { records: runtime.createRecords(settings.backend.bucket, settings.backend.region) }
          : {}),
        clock: runtime.clock,
        credentials: () => aws.credentials(),
        log: (line) => io.info(line),
        onPlan: (_summary, markdown) =>
          io.writeSummary(`## Provision: run ${settings.runId}\n\n${markdown}\n`),
      },
    );
    // Mask the tokens before anything could print them.
    io.setSecret(result.tokens.hub.token);
    io.setSecret(result.tokens.load.token);
    const { outputs } = result;
    io.setOutput(Outputs.Outputs, JSON.stringify(outputs));
    io.setOutput(Outputs.HubClusterName, outputs.hub.name);
    io.setOutput(Outputs.HubClusterEndpoint, outputs.hub.endpoint);
    io.setOutput(Outputs.HubClusterCa, outputs.hub.certificateAuthorityData);
    io.setOutput(Outputs.LoadClusterName, outputs.load.name);
    io.setOutput(Outputs.LoadClusterEndpoint, outputs.load.endpoint);
    io.setOutput(Outputs.LoadClusterCa, outputs.load.certificateAuthorityData);
    io.setOutput(Outputs.VpcId, outputs.vpcId);
    io.setOutput(Outputs.DbEndpoint, outputs.dbEndpoint);
    io.setOutput(Outputs.CacheEndpoint, outputs.cacheEndpoint);
    io.setOutput(Outputs.DbSecretArn, outputs.dbMasterSecretArn ?? '');
    io.setOutput(Outputs.HubToken, result.tokens.hub.token);
    io.setOutput(Outputs.LoadToken, result.tokens.load.token);
    io.setOutput(Outputs.TokenExpiresAt, result.tokens.hub.expiresAt);
    await io.writeSummary(
      `Clusters ${outputs.hub.name} and ${outputs.load.name} are ACTIVE with all node groups (waited ${Math.round(result.waitedMs / 60_000)} min).\n`,
    );
  } catch (error) {
    io.setFailed(error instanceof Error ? error.message : String(error));
  }
}
