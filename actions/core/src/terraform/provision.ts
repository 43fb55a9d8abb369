/**
 * Phase 02, provision: variables → teardown record → init → plan → (summary) → apply the saved
 * plan → typed outputs → wait until both clusters and all their node groups are ACTIVE → an EKS
 * token per cluster.
 */
import path from 'node:path';
import type { AwsCredentials } from '../aws/client-config.js';
import type { Clock } from '../aws/clock.js';
import { createEksToken, type EksToken } from '../aws/eks-token.js';
import { type EksStatusApi, waitForClusters } from '../aws/eks-wait.js';
import type { RunConfig } from '../config/index.js';
import { type StackRecordStore, stackRecord } from '../janitor/record.js';
import type { BackendConfig, Terraform } from './cli.js';
import { parseStackOutputs, type StackOutputs } from './outputs.js';
import { type PlanSummary, renderPlanMarkdown, summarizePlan } from './plan-summary.js';
import { rfc3339 } from './run-meta.js';
import {
  type TerraformMeta,
  type TerraformVariables,
  toTerraformVariables,
  writeTerraformVariables,
} from './variables.js';

export const VAR_FILE_NAME = 'mlperf.tfvars.json';
export const PLAN_FILE_NAME = 'mlperf.tfplan';

export interface ProvisionInput {
  config: RunConfig;
  meta: TerraformMeta;
  backend: BackendConfig;
  /** The root stack directory; the variables and plan files are written there. */
  workingDir: string;
  waitTimeoutMs: number;
  pollIntervalMs: number;
}

export interface ProvisionDeps {
  terraform: Pick<Terraform, 'init' | 'plan' | 'showPlanJson' | 'apply' | 'outputJson'>;
  eks: EksStatusApi;
  clock: Clock;
  /** The caller's credentials, for the EKS tokens. */
  credentials: () => Promise<AwsCredentials>;
  log?: (line: string) => void;
  /** Called with the plan summary before apply, so it is published even if apply fails. */
  onPlan?: (summary: PlanSummary, markdown: string) => Promise<void>;
  /**
   * Keeps the teardown record (configuration, variables, state key) beside the state, so the
   * janitor can destroy the stack after its ExpiresAt without this workflow's inputs. Written
   * before `terraform init`: a failure stops provision before anything is made, and a half-finished
   * apply still leaves the record. Unset: no record, and the janitor cannot remove the stack.
   */
  records?: Pick<StackRecordStore, 'put'>;
}

export interface ProvisionResult {
  variables: TerraformVariables;
  plan: PlanSummary;
  planMarkdown: string;
  outputs: StackOutputs;
  waitedMs: number;
  tokens: { hub: EksToken; load: EksToken };
}

export function varFilePath(workingDir: string): string {
  return path.join(workingDir, VAR_FILE_NAME);
}

export async function provisionStack(input: ProvisionInput, deps: ProvisionDeps): Promise<ProvisionResult> {
  const log = deps.log ?? (() => {});
  const variables = toTerraformVariables(input.config, input.meta);
  const varFile = varFilePath(input.workingDir);
  const planFile = path.join(input.workingDir, PLAN_FILE_NAME);
  await writeTerraformVariables(varFile, variables);
  if (deps.records !== undefined) {
    const where = await deps.records.put(
      stackRecord({
        runId: variables.run_id,
        stateKey: input.backend.key,
        writtenAt: rfc3339(new Date(deps.clock.now())),
        config: input.config,
        variables,
      }),
    );
    log(`teardown record for the janitor saved to ${where}`);
  }

  await deps.terraform.init(input.backend);
  await deps.terraform.plan(varFile, planFile);
  const plan = summarizePlan(await deps.terraform.showPlanJson(planFile));
  const planMarkdown = renderPlanMarkdown(plan);
  await deps.onPlan?.(plan, planMarkdown);
  await deps.terraform.apply(planFile);

  const outputs = parseStackOutputs(await deps.terraform.outputJson());
  log(
    `stack applied: hub cluster ${outputs.hub.name}, load cluster ${outputs.load.name}, VPC ${outputs.vpcId}`,
  );
  const waitedMs = await waitForClusters(
    [
      {
        cluster: outputs.hub.name,
        nodegroups: outputs.hub.nodeGroupNames ?? Object.keys(variables.hub_node_groups),
      },
      {
        cluster: outputs.load.name,
        nodegroups: outputs.load.nodeGroupNames ?? Object.keys(variables.load_node_groups),
      },
    ],
    deps.eks,
    { clock: deps.clock, timeoutMs: input.waitTimeoutMs, intervalMs: input.pollIntervalMs, log },
  );
  const now = new Date(deps.clock.now());
  const region = variables.region;
  const tokens = {
    hub: await createEksToken({ clusterName: outputs.hub.name, region, credentials: deps.credentials, now }),
    load: await createEksToken({
      clusterName: outputs.load.name,
      region,
      credentials: deps.credentials,
      now,
    }),
  };
  return { variables, plan, planMarkdown, outputs, waitedMs, tokens };
}
