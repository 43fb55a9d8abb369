/**
 * Teardown, meant to run always (`if: always()`), twice, or after a half-finished apply:
 *   1. delete the load balancers Kubernetes made for this run's clusters and wait until they and
 *      their network interfaces are gone, then the security groups Kubernetes made for them;
 *   2. `terraform destroy`, retried on dependency errors (each retry first sweeps step 1 again);
 *   3. look for anything of the run left behind (tagged RunId or with the clusters' tag).
 * Each step runs even when an earlier one failed, so the report always shows what is left; the
 * teardown is ok only when every step succeeded and nothing is left.
 */
import type { Clock } from '../aws/clock.js';
import {
  type KubeLoadBalancerApi,
  type RemoveResult,
  removeKubernetesLoadBalancers,
  retryDeferredSecurityGroups,
  type SecurityGroupInfo,
} from '../aws/load-balancers.js';
import { findOrphans, type OrphanApi, type OrphanReport, renderOrphanMarkdown } from '../aws/orphans.js';
import type { RunConfig } from '../config/index.js';
import type { BackendConfig, Terraform } from './cli.js';
import { DEFAULT_DESTROY_RETRY, destroyWithRetries } from './destroy.js';
import { clusterNamesFromOutputs } from './outputs.js';
import { varFilePath } from './provision.js';
import { type TerraformMeta, toTerraformVariables, writeTerraformVariables } from './variables.js';

export interface TeardownInput {
  config: RunConfig;
  meta: TerraformMeta;
  backend: BackendConfig;
  workingDir: string;
  /** Extra cluster names to sweep, besides those from outputs and the RunId tag. */
  clusterNames: readonly string[];
  loadBalancerTimeoutMs: number;
  pollIntervalMs: number;
  destroyAttempts?: number;
  destroyBaseDelayMs?: number;
}

export interface TeardownDeps {
  terraform: Pick<Terraform, 'init' | 'outputJson' | 'destroy'>;
  loadBalancers: KubeLoadBalancerApi;
  orphans: OrphanApi;
  clock: Clock;
  log?: (line: string) => void;
}

export type StepName = 'init' | 'load balancers' | 'destroy' | 'orphan check';

export interface StepOutcome {
  step: StepName;
  ok: boolean;
  detail: string;
}

export interface TeardownReport {
  runId: string;
  steps: StepOutcome[];
  loadBalancers: RemoveResult | undefined;
  destroyAttempts: number;
  orphans: OrphanReport | undefined;
  /** Security groups Kubernetes made that could still not be deleted. */
  securityGroupsLeft: SecurityGroupInfo[];
  ok: boolean;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runTeardown(input: TeardownInput, deps: TeardownDeps): Promise<TeardownReport> {
  const log = deps.log ?? (() => {});
  const runId = input.meta.runId;
  const steps: StepOutcome[] = [];
  const report: TeardownReport = {
    runId,
    steps,
    loadBalancers: undefined,
    destroyAttempts: 0,
    orphans: undefined,
    securityGroupsLeft: [],
    ok: false,
  };
  const varFile = varFilePath(input.workingDir);
  await writeTerraformVariables(varFile, toTerraformVariables(input.config, input.meta));

  // 0. Backend and whatever outputs the state has (none after a failed or partial apply).
  let initialised = false;
  const clusterNames = new Set(input.clusterNames);
  try {
    await deps.terraform.init(input.backend);
    initialised = true;
    for (const name of clusterNamesFromOutputs(await deps.terraform.outputJson().catch(() => ({}))))
      clusterNames.add(name);
    steps.push({ step: 'init', ok: true, detail: `state s3://${input.backend.bucket}/${input.backend.key}` });
  } catch (error) {
    steps.push({ step: 'init', ok: false, detail: message(error) });
  }

  // 1. Kubernetes-made load balancers, their interfaces and security groups.
  const sweep = async (): Promise<RemoveResult> =>
    removeKubernetesLoadBalancers({ runId, clusterNames: [...clusterNames] }, deps.loadBalancers, {
      clock: deps.clock,
      timeoutMs: input.loadBalancerTimeoutMs,
      intervalMs: input.pollIntervalMs,
      log,
    });
  let deferred: SecurityGroupInfo[] = [];
  try {
    const removed = await sweep();
    report.loadBalancers = removed;
    for (const name of removed.clusterNames) clusterNames.add(name);
    deferred = removed.securityGroupsDeferred;
    steps.push({
      step: 'load balancers',
      ok: true,
      detail:
        `${removed.deleted.length} deleted, ${removed.securityGroupsDeleted.length} security group(s) deleted` +
        (deferred.length > 0 ? `, ${deferred.length} deferred until after destroy` : ''),
    });
  } catch (error) {
    steps.push({ step: 'load balancers', ok: false, detail: message(error) });
  }

  // 2. terraform destroy, retried on dependency errors.
  if (initialised) {
    const retry = { ...DEFAULT_DESTROY_RETRY };
    try {
      report.destroyAttempts = await destroyWithRetries(deps.terraform, varFile, {
        ...retry,
        maxAttempts: input.destroyAttempts ?? retry.maxAttempts,
        baseDelayMs: input.destroyBaseDelayMs ?? retry.baseDelayMs,
        clock: deps.clock,
        log,
        beforeRetry: async () => {
          const again = await sweep().catch((error: unknown) => {
            log(`load balancer sweep before retry failed: ${message(error)}`);
            return undefined;
          });
          deferred = await retryDeferredSecurityGroups(
            [...deferred, ...(again?.securityGroupsDeferred ?? [])],
            deps.loadBalancers,
            log,
          );
        },
      });
      steps.push({ step: 'destroy', ok: true, detail: `done in ${report.destroyAttempts} attempt(s)` });
    } catch (error) {
      steps.push({ step: 'destroy', ok: false, detail: message(error) });
    }
  } else {
    steps.push({
      step: 'destroy',
      ok: false,
      detail: 'skipped: terraform init failed, so the state could not be read',
    });
  }
  report.securityGroupsLeft = await retryDeferredSecurityGroups(deferred, deps.loadBalancers, log).catch(
    () => deferred,
  );

  // 3. Anything of the run still there?
  try {
    report.orphans = await findOrphans({ runId, clusterNames: [...clusterNames].sort() }, deps.orphans);
    steps.push({
      step: 'orphan check',
      ok: report.orphans.clean,
      detail: report.orphans.clean ? 'nothing left' : `${report.orphans.orphans.length} leftover resource(s)`,
    });
  } catch (error) {
    steps.push({ step: 'orphan check', ok: false, detail: message(error) });
  }
  report.ok = steps.every((step) => step.ok);
  return report;
}

export function renderTeardownMarkdown(report: TeardownReport): string {
  const out = [
    `## Teardown: run ${report.runId} — ${report.ok ? 'clean' : 'NOT clean'}`,
    '',
    '| step | ok | detail |',
    '|---|:---:|---|',
    ...report.steps.map(
      (step) =>
        `| ${step.step} | ${step.ok ? '✅' : '❌'} | ${step.detail.split('\n')[0]?.replace(/\|/g, '\\|') ?? ''} |`,
    ),
  ];
  const deleted = report.loadBalancers?.deleted ?? [];
  if (deleted.length > 0) {
    out.push('', 'Kubernetes load balancers deleted:', ...deleted.map((lb) => `- ${lb.type} \`${lb.name}\``));
  }
  if (report.securityGroupsLeft.length > 0) {
    out.push(
      '',
      'Kubernetes security groups still in use:',
      ...report.securityGroupsLeft.map((group) => `- \`${group.id}\` ${group.name}`),
    );
  }
  const failures = report.steps.filter((step) => !step.ok && step.detail.includes('\n'));
  for (const step of failures)
    out.push('', `<details><summary>${step.step}</summary>\n\n\`\`\`\n${step.detail}\n\`\`\`\n</details>`);
  if (report.orphans !== undefined)
    out.push('', '### Orphan check', '', renderOrphanMarkdown(report.orphans));
  return `${out.join('\n')}\n`;
}
