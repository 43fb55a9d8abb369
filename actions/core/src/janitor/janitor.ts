/**
 * The scheduled janitor: finds the run stacks whose ExpiresAt has passed and removes each with the
 * same teardown the pipeline runs (`runTeardown`: Kubernetes load balancers, `terraform destroy`
 * with retries, the orphan check), using the teardown record provision left beside the state.
 *
 * Stacks are removed one after another, the longest overdue first, at most `maxStacks` per run;
 * one failing stack does not stop the next. Stacks with time left, and stacks whose expiry is
 * missing or unreadable, are left alone and reported.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Clock, formatDuration } from '../aws/clock.js';
import type { KubeLoadBalancerApi } from '../aws/load-balancers.js';
import type { OrphanApi } from '../aws/orphans.js';
import { Terraform } from '../terraform/cli.js';
import type { CommandRunner } from '../terraform/runner.js';
import { runTeardown, type StepName, type TeardownReport } from '../terraform/teardown.js';
import { toTerraformVariables } from '../terraform/variables.js';
import {
  findExpiredStacks,
  parseRfc3339,
  type RegionError,
  type RunResourceApi,
  type RunStack,
} from './discover.js';
import { metaFromRecord, type StackRecord, type StackRecordStore } from './record.js';

/**
 * Teardowns per janitor run. Destroying one stack takes 15–30 minutes (two EKS clusters and their
 * node groups, RDS, ElastiCache, NAT), so five stay within about 2.5 hours, well inside GitHub's
 * 6-hour job limit; a larger backlog is worked off by the next scheduled runs, most overdue first.
 */
export const DEFAULT_MAX_STACKS = 5;
/** The most `maxStacks` may be: ten 30-minute teardowns fill five of the job's six hours. */
export const MAX_STACKS_LIMIT = 10;

export interface JanitorOptions {
  now: Date;
  regions: readonly string[];
  /** Teardowns in this run, the longest overdue first; default DEFAULT_MAX_STACKS. */
  maxStacks?: number;
  /** Only list what would be removed: read no record, run no Terraform, delete nothing. */
  dryRun?: boolean;
  /** The bucket (and its region) holding the states and the teardown records. */
  state: { bucket: string; region: string };
  /** The root stack directory (terraform/envs/perf). */
  workingDir: string;
  /** Scratch space: each stack gets its own Terraform data dir here (TF_DATA_DIR). */
  scratchDir: string;
  loadBalancerTimeoutMs: number;
  pollIntervalMs: number;
  destroyAttempts?: number;
  destroyBaseDelayMs?: number;
}

/** What the teardown needs from AWS in a stack's region. */
export interface JanitorAws {
  loadBalancers: KubeLoadBalancerApi;
  orphans: OrphanApi;
}

export interface JanitorDeps {
  resources: RunResourceApi;
  records: Pick<StackRecordStore, 'get'>;
  /** The load balancer and orphan APIs of a region (a stack is torn down in its configured region). */
  teardownAws(region: string): JanitorAws;
  /** Runs terraform. */
  runner: CommandRunner;
  clock: Clock;
  log?: (line: string) => void;
}

/** Where a stack's removal stopped: reading its record, checking its variables, or a teardown step. */
export type JanitorStep = 'record' | 'variables' | 'teardown' | StepName;

interface StackFields {
  runId: string;
  owners: string[];
  regions: string[];
  /** The ExpiresAt the decision rests on, when there is one. */
  expiresAt: string | undefined;
}

export interface RemovedStack extends StackFields {
  overdueMs: number;
  destroyAttempts: number;
}

export interface FailedStack extends StackFields {
  overdueMs: number;
  step: JanitorStep;
  /** Why, in full (Terraform's last lines, the leftovers); the summary shows the first line. */
  reason: string;
  /** The teardown's report when it ran. */
  teardown?: TeardownReport;
}

export type SkipReason =
  /** ExpiresAt is ahead. */
  | 'alive'
  /** Expiry missing or unreadable, or a RunId this pipeline does not make. */
  | 'needs-human'
  /** Expired, but beyond maxStacks: left for the next run. */
  | 'over-limit'
  /** Expired; a dry run removes nothing. */
  | 'dry-run';

export interface SkippedStack extends StackFields {
  reason: SkipReason;
  detail: string;
  /** Expired stacks only. */
  overdueMs?: number;
}

export interface JanitorResult {
  /** RFC 3339. */
  now: string;
  regions: string[];
  dryRun: boolean;
  maxStacks: number;
  removed: RemovedStack[];
  failed: FailedStack[];
  skipped: SkippedStack[];
  regionErrors: RegionError[];
  /** Nothing failed and every region was listed. */
  ok: boolean;
}

type StackOutcome =
  | { kind: 'removed'; entry: RemovedStack }
  | { kind: 'failed'; entry: FailedStack }
  | { kind: 'skipped'; entry: SkippedStack };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function fieldsOf(stack: RunStack): StackFields {
  return {
    runId: stack.runId,
    owners: stack.owners,
    regions: stack.regions,
    expiresAt: stack.verdict.state === 'needs-human' ? undefined : stack.verdict.expiresAt,
  };
}

const overdueOf = (stack: RunStack) => (stack.verdict.state === 'expired' ? stack.verdict.overdueMs : 0);

/** A runner that adds environment variables to every command (here: the stack's TF_DATA_DIR). */
export function withEnvironment(runner: CommandRunner, env: Readonly<Record<string, string>>): CommandRunner {
  return {
    run: (command, args, options) =>
      runner.run(command, args, { ...options, env: { ...options.env, ...env } }),
  };
}

export function validateMaxStacks(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_STACKS_LIMIT) {
    throw new Error(`maxStacks: got ${value}; allowed: a whole number from 1 to ${MAX_STACKS_LIMIT}`);
  }
  return value;
}

export async function runJanitor(deps: JanitorDeps, options: JanitorOptions): Promise<JanitorResult> {
  const log = deps.log ?? (() => {});
  const maxStacks = validateMaxStacks(options.maxStacks ?? DEFAULT_MAX_STACKS);
  const dryRun = options.dryRun ?? false;
  const survey = await findExpiredStacks(
    { resources: deps.resources, log },
    { now: options.now, regions: options.regions },
  );
  const result: JanitorResult = {
    now: survey.now,
    regions: survey.regions,
    dryRun,
    maxStacks,
    removed: [],
    failed: [],
    skipped: [],
    regionErrors: survey.regionErrors,
    ok: false,
  };

  const selected = survey.expired.slice(0, maxStacks);
  for (const stack of survey.expired.slice(maxStacks)) {
    result.skipped.push({
      ...fieldsOf(stack),
      reason: 'over-limit',
      detail: `expired, left for the next run (at most ${maxStacks} per run)`,
      overdueMs: overdueOf(stack),
    });
  }
  for (const stack of survey.needsHuman) {
    result.skipped.push({
      ...fieldsOf(stack),
      reason: 'needs-human',
      detail: stack.verdict.state === 'needs-human' ? stack.verdict.problem : '',
    });
  }
  for (const stack of survey.alive) {
    result.skipped.push({
      ...fieldsOf(stack),
      reason: 'alive',
      detail:
        stack.verdict.state === 'alive' ? `expires in ${formatDuration(stack.verdict.remainingMs)}` : '',
    });
  }

  for (const stack of selected) {
    if (dryRun) {
      result.skipped.push({
        ...fieldsOf(stack),
        reason: 'dry-run',
        detail: 'expired: a run without dry-run removes it',
        overdueMs: overdueOf(stack),
      });
      continue;
    }
    const outcome = await removeStack(stack, deps, options, log);
    if (outcome.kind === 'removed') result.removed.push(outcome.entry);
    else if (outcome.kind === 'failed') result.failed.push(outcome.entry);
    else result.skipped.push(outcome.entry);
  }
  result.ok = result.failed.length === 0 && result.regionErrors.length === 0;
  return result;
}

async function removeStack(
  stack: RunStack,
  deps: JanitorDeps,
  options: JanitorOptions,
  log: (line: string) => void,
): Promise<StackOutcome> {
  const base = { ...fieldsOf(stack), overdueMs: overdueOf(stack) };
  const failed = (step: JanitorStep, reason: string, teardown?: TeardownReport): StackOutcome => {
    log(`${stack.runId}: not removed, ${step} failed: ${reason.split('\n')[0] ?? ''}`);
    return {
      kind: 'failed',
      entry: { ...base, step, reason, ...(teardown === undefined ? {} : { teardown }) },
    };
  };
  log(
    `${stack.runId}: removing (owner ${stack.owners.join(', ') || 'unknown'}, expired ${formatDuration(base.overdueMs)} ago)`,
  );

  let record: StackRecord;
  try {
    record = await deps.records.get(stack.runId);
  } catch (error) {
    return failed('record', message(error));
  }
  // Belt and braces: a re-provision under the same run id moves the expiry in the record too.
  const recordExpiry = parseRfc3339(record.variables.expires_at);
  if (recordExpiry !== undefined && recordExpiry > options.now.getTime()) {
    log(`${stack.runId}: left alone, its teardown record expires at ${record.variables.expires_at}`);
    return {
      kind: 'skipped',
      entry: {
        ...fieldsOf(stack),
        reason: 'alive',
        detail: `its tags say expired, but its teardown record says it expires at ${record.variables.expires_at}`,
      },
    };
  }

  const meta = metaFromRecord(record);
  let region: string;
  try {
    region = toTerraformVariables(record.config, meta).region;
  } catch (error) {
    return failed('variables', message(error));
  }

  // Each stack gets its own Terraform data dir: `terraform init` refuses a second backend key in
  // one data dir, and every stack's state has its own key. Providers come from a shared cache.
  const dataDir = path.join(options.scratchDir, 'terraform-data', stack.runId);
  const pluginCache = path.join(options.scratchDir, 'terraform-plugin-cache');
  try {
    await mkdir(dataDir, { recursive: true });
    await mkdir(pluginCache, { recursive: true });
    const terraform = new Terraform({
      workingDir: options.workingDir,
      runner: withEnvironment(deps.runner, { TF_DATA_DIR: dataDir, TF_PLUGIN_CACHE_DIR: pluginCache }),
    });
    const aws = deps.teardownAws(region);
    const report = await runTeardown(
      {
        config: record.config,
        meta,
        backend: { bucket: options.state.bucket, key: record.stateKey, region: options.state.region },
        workingDir: options.workingDir,
        clusterNames: stack.clusterNames,
        loadBalancerTimeoutMs: options.loadBalancerTimeoutMs,
        pollIntervalMs: options.pollIntervalMs,
        ...(options.destroyAttempts === undefined ? {} : { destroyAttempts: options.destroyAttempts }),
        ...(options.destroyBaseDelayMs === undefined
          ? {}
          : { destroyBaseDelayMs: options.destroyBaseDelayMs }),
      },
      {
        terraform,
        loadBalancers: aws.loadBalancers,
        orphans: aws.orphans,
        clock: deps.clock,
        log: (line) => log(`${stack.runId}: ${line}`),
      },
    );
    if (!report.ok) {
      const first = report.steps.find((step) => !step.ok);
      return failed(first?.step ?? 'teardown', first?.detail ?? 'the teardown is not clean', report);
    }
    log(`${stack.runId}: removed`);
    return { kind: 'removed', entry: { ...base, destroyAttempts: report.destroyAttempts } };
  } catch (error) {
    return failed('teardown', message(error));
  }
}
