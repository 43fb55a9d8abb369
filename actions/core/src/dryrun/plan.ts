/**
 * The dry run: a resolved configuration in, what each phase of the pipeline would do with it out.
 * Nothing here touches the network, the filesystem or a clock: where an action needs an AWS client
 * (identity, quotas in use, EKS status) the plan says what it would ask instead of asking. The
 * figures come from the same core functions the actions call:
 *
 * - preflight: `quotaNeeds`, `estimateRunCost` with the pricing table, the cost cap rule;
 * - provision/teardown: `toTerraformVariables`, `defaultStateKey`, `stackRecordKey`, `varFilePath`,
 *   and the command lines of the core's `Terraform` class, driven by a runner that records instead
 *   of starting processes;
 * - platform and load-infra: `planPlatform` with the chart pins the caller read from
 *   helm/versions.yaml and the phase's releases (`PLATFORM_RELEASES` on the hub cluster,
 *   `LOAD_INFRA_RELEASES` on the load cluster), and `helmUpgradeArgs` for each release's command line;
 * - mojaloop: `planMojaloop`, `helmPullArgs`, the object builders and names, the component table,
 *   `totalDbConnections`, `databaseMaxConnections`, `gatewayManifests`, `outboundUrls`, `healthTargets`
 *   (dryrun/mojaloop.ts);
 * - ladder: `planLadder`, `splitLoad`, `nextStressRate`, `planRunDuration`, `configuredSlos`,
 *   `countTolerance`; on the load cluster `runnersForRate` with `load.perRunnerRate`, `buildTestRun`,
 *   `scriptConfigMapName`, HUB_PROMETHEUS, PROBE (dryrun/cloud-ladder.ts);
 * - report: `stoppingPhase`, `historyPath`, `regressionRuleText`.
 */
import path from 'node:path';
import {
  DEFAULT_STACK_LAYOUT,
  natGatewayCount,
  nodeGroupsOf,
  QUOTAS,
  type QuotaId,
  quotaNeeds,
} from '../aws/quotas.js';
import type { AwsInfrastructure, RunConfig } from '../config/index.js';
import { planRunDuration } from '../cost/duration.js';
import { type CostEstimate, estimateRunCost, roundUsd } from '../cost/estimate.js';
import type { PricingTable } from '../cost/pricing.js';
import { formatUsd } from '../cost/render.js';
import { dfspIds, partyIdentifier } from '../fleet/names.js';
import { regressionRuleText } from '../github/compare.js';
import { historyPath, securityTag } from '../github/history-entry.js';
import { stackRecordKey } from '../janitor/record.js';
import {
  K6_API_VERSION,
  K6_CR_LABEL,
  K6_GROUP,
  LOAD_RUNNER_ROLE,
  TESTRUN_KIND,
  TESTRUN_PLURAL,
} from '../k8s/testrun.js';
import { planLadder, planStressRung, splitLoad } from '../ladder/plan.js';
import { describeStressStop, nextStressRate, type StressAttempt } from '../ladder/stress.js';
import { HELM_APPLY_TIMEOUT, helmUpgradeArgs } from '../platform/helm.js';
import type { ChartPin } from '../platform/pins.js';
import {
  LOAD_INFRA_RELEASES,
  PLATFORM_RELEASES,
  type PlannedInstall,
  type PlatformRelease,
  planPlatform,
} from '../platform/plan.js';
import { type PhaseOutcome, stoppingPhase } from '../results/incomplete.js';
import { configuredSlos, formatThreshold, SLO_DEFINITIONS } from '../results/slo.js';
import { CONTROL_LABELS, PROBE_CONTROL, PROBES } from '../security/posture.js';
import { countTolerance, DEFAULT_VALIDITY_OPTIONS, K6_THRESHOLDS_FAILED } from '../slo/evaluate.js';
import { type BackendConfig, Terraform } from '../terraform/cli.js';
import { DEFAULT_DESTROY_RETRY } from '../terraform/destroy.js';
import { OUTPUT_NAMES } from '../terraform/outputs.js';
import { PLAN_FILE_NAME, varFilePath } from '../terraform/provision.js';
import { defaultStateKey, expiresAt, rfc3339 } from '../terraform/run-meta.js';
import type { CommandRunner } from '../terraform/runner.js';
import { type TerraformMeta, type TerraformVariables, toTerraformVariables } from '../terraform/variables.js';
import { planCloudLadder } from './cloud-ladder.js';
import { planMojaloopDetails } from './mojaloop.js';
import {
  describeSinks,
  kubeconfigPlaceholder,
  LOAD_INFRA_DEFAULTS,
  PIPELINE_WORKSPACE,
  PLATFORM_DEFAULTS,
  PLATFORM_STACK_INPUT,
  PROVISION_DEFAULTS,
  REHEARSAL_STEP,
  REPORT_ARTIFACT,
  REPORT_OUTPUT_DIR,
  REPORT_PHASES_AWS,
  REPORT_SINK_USES,
  TEARDOWN_DEFAULTS,
  TERRAFORM_VERSION,
} from './pipeline.js';
import type {
  Ask,
  ClusterSummary,
  ConfigDetails,
  DryRunPhase,
  DryRunPlan,
  HelmPhaseDetails,
  LadderDetails,
  LoadInfraDetails,
  NotBuiltDetails,
  PhaseName,
  PlannedCommand,
  PlannedRelease,
  PlatformDetails,
  PreflightDetails,
  PreflightVerdictPlan,
  ProvisionDetails,
  RehearsalDetails,
  ReportDetails,
  TeardownDetails,
} from './types.js';

/** Stands in for the pipeline's OIDC role when none is given; a valid ARN so the variables validate. */
export const PLACEHOLDER_ROLE_ARN = 'arn:aws:iam::000000000000:role/mlperf-pipeline-placeholder';
/** Stands in for the repository variable MLPERF_STATE_BUCKET when no bucket is given. */
export const PLACEHOLDER_STATE_BUCKET = 'mlperf-state-bucket-placeholder';
/** The owner provision uses when there is no GitHub actor. */
export const DEFAULT_OWNER = 'unknown';

export interface DryRunInput {
  config: RunConfig;
  /** The run id preflight would use (see resolveRunId). */
  runId: string;
  /** The time of the plan: expiry tags count from it. */
  now: Date;
  /** The pricing table preflight would use (loadPricingTable). */
  pricing: PricingTable;
  /** What was asked for, for the configuration phase. */
  source?: {
    profileFile?: string;
    sets?: readonly string[];
    choices?: Record<string, string>;
  };
  owner?: string;
  pipelineRoleArn?: string;
  stateBucket?: string;
  /** What the platform phase reads from the repository; needed for an aws profile. */
  platform?: DryRunPlatformInput;
}

/**
 * The repository files the platform action reads, read by the caller (the planner reads no file):
 * the chart pins (`loadChartPins` of helm/versions.yaml) and which values files exist.
 */
export interface DryRunPlatformInput {
  pins: ReadonlyMap<string, ChartPin>;
  /** Where the pins were read, as shown: e.g. `helm/versions.yaml`. */
  pinsFile: string;
  /** The values files under helm/values/, relative to it: e.g. `cert-manager/aws-smoke.yaml`. */
  valuesFiles: readonly string[];
  /** The version in helm/charts/dfsp-fleet/Chart.yaml (the mojaloop phase installs that chart). */
  dfspFleetVersion?: string;
}

export class DryRunInputError extends Error {
  override readonly name = 'DryRunInputError';
}

const AWS_CHAIN: readonly PhaseName[] = [
  'config',
  'preflight',
  'provision',
  'platform',
  'mojaloop',
  'load-infra',
  'first-test',
  'ladder',
  'report',
  'teardown',
];
const LOCAL_CHAIN: readonly PhaseName[] = ['config', 'rehearsal', 'report'];

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function onOff(value: boolean): string {
  return value ? 'on' : 'off';
}

// ---------------------------------------------------------------- commands, recorded

/**
 * The command lines of the core's Terraform class, recorded: the runner notes each call and answers
 * as a successful command with an empty JSON document, so nothing is started.
 */
async function recordTerraform(
  workingDir: string,
  purposes: readonly string[],
  drive: (terraform: Terraform) => Promise<void>,
): Promise<PlannedCommand[]> {
  const calls: Omit<PlannedCommand, 'purpose'>[] = [];
  const runner: CommandRunner = {
    async run(command, args, options) {
      calls.push({ command, args: [...args], cwd: options.cwd, env: { ...(options.env ?? {}) } });
      return { exitCode: 0, stdout: '{}', stderr: '' };
    },
  };
  await drive(new Terraform({ workingDir, runner }));
  return calls.map((call, index) => ({ ...call, purpose: purposes[index] ?? '' }));
}

// ---------------------------------------------------------------- config

function configPhase(input: DryRunInput): Extract<DryRunPhase, { name: 'config' }> {
  const { config } = input;
  const infra = config.infrastructure;
  const count = config.dfsps.count;
  const mix = config.dfsps.trafficMix;
  const details: ConfigDetails = {
    profile: config.profile,
    profileFile: input.source?.profileFile ?? `profiles/${config.profile}.yaml`,
    provider: infra.provider,
    region: infra.provider === 'aws' ? infra.region : null,
    overrides: [...(input.source?.sets ?? [])].filter((line) => line.trim() !== ''),
    choices: { ...(input.source?.choices ?? {}) },
    dfsps: {
      count,
      ids: dfspIds(count),
      currency: config.dfsps.currency,
      partiesPerDfsp: config.dfsps.partiesPerDfsp,
      trafficMix: mix,
      // "uniform": every ordered pair of distinct DFSPs (schema TrafficMixSchema).
      pairs: mix === 'uniform' ? count * (count - 1) : mix.length,
    },
    security: { ...config.security },
    securityTag: securityTag(config.security),
    keepInfra: config.keepInfra,
    costCapUsd: config.costCapUsd,
    outputs: [
      'config (the resolved configuration as JSON)',
      `profile ${config.profile}`,
      `provider ${infra.provider}`,
    ],
  };
  return {
    name: 'config',
    title: 'Configuration (validate-config)',
    status: 'would-run',
    summary: `loads ${details.profileFile}, applies ${details.overrides.length} override(s) and ${Object.keys(details.choices).length} dispatch choice(s), validates: valid`,
    details,
  };
}

// ---------------------------------------------------------------- 01 preflight

interface PreflightFacts {
  phase: Extract<DryRunPhase, { name: 'preflight' }>;
  verdict: PreflightVerdictPlan;
}

function preflightPhase(input: DryRunInput, infra: AwsInfrastructure): PreflightFacts {
  const { config } = input;
  const reasons: string[] = [];
  let error: string | undefined;
  let estimate: CostEstimate | null = null;
  let quotas: PreflightDetails['quotas'] = [];
  // The order runPreflight checks in: the estimate, then the needs; either throwing fails the step.
  try {
    estimate = estimateRunCost(config, input.pricing, { layout: DEFAULT_STACK_LAYOUT });
  } catch (caught) {
    error = message(caught);
  }
  try {
    const needs = quotaNeeds(infra, DEFAULT_STACK_LAYOUT);
    quotas = (Object.keys(needs) as QuotaId[]).map((id) => ({
      id,
      name: QUOTAS[id].name,
      code: `${QUOTAS[id].serviceCode}/${QUOTAS[id].quotaCode}`,
      unit: QUOTAS[id].unit,
      needed: needs[id].needed,
      detail: needs[id].detail,
    }));
  } catch (caught) {
    error ??= message(caught);
  }
  const withinCap = estimate === null ? null : estimate.total <= config.costCapUsd;
  if (estimate !== null && withinCap === false) {
    reasons.push(
      `cost cap exceeded: estimated ${formatUsd(estimate.total)} (${formatUsd(estimate.hourly)}/h for ${estimate.hours.toFixed(2)} h), above costCapUsd ${formatUsd(config.costCapUsd)}`,
    );
  }
  const verdict: PreflightVerdictPlan =
    error !== undefined
      ? { status: 'error', message: error }
      : reasons.length > 0
        ? { status: 'stop', reasons }
        : { status: 'ok' };
  const outputs: Record<string, string> =
    verdict.status === 'error'
      ? {}
      : {
          ok: String(verdict.status === 'ok'),
          'run-id': input.runId,
          'estimate-usd': roundUsd(estimate?.total ?? 0).toFixed(2),
          'hourly-usd': roundUsd(estimate?.hourly ?? 0).toFixed(2),
        };
  const details: PreflightDetails = {
    runId: input.runId,
    region: infra.region,
    identity: 'sts:GetCallerIdentity with the OIDC role (account and caller ARN go to the job summary)',
    quotas,
    estimate,
    costCapUsd: config.costCapUsd,
    withinCap,
    verdict,
    outputs,
    notChecked: [
      `quota values and current usage in ${infra.region} (Service Quotas, EC2, EKS): need AWS credentials; each need above must fit quota − usage`,
      'the caller identity: needs AWS credentials',
    ],
  };
  const summary =
    verdict.status === 'ok'
      ? `would pass unless a quota is short: estimate ${formatUsd(estimate?.total ?? 0)} within the ${formatUsd(config.costCapUsd)} cap`
      : verdict.status === 'stop'
        ? `would STOP the run before anything is spent: ${reasons.join('; ')}`
        : `would FAIL before setting any output: ${verdict.message.split('\n')[0]}`;
  return {
    phase: { name: 'preflight', title: '01 Preflight', status: 'would-run', summary, details },
    verdict,
  };
}

// ---------------------------------------------------------------- 02 provision

function clustersOf(variables: TerraformVariables): ClusterSummary[] {
  const groups = (record: Record<string, TerraformVariables['hub_node_groups']['kafka']>) =>
    Object.entries(record).map(([name, group]) => ({
      name,
      instanceType: group.instance_type,
      minSize: group.min_size,
      desiredSize: group.desired_size,
      maxSize: group.max_size,
      taints: group.taints.map((taint) => `${taint.key}=${taint.value}:${taint.effect}`),
    }));
  // Names as terraform/envs/perf/main.tf makes them: local.name = "mlperf-${var.run_id}".
  return [
    {
      role: 'hub',
      expectedName: `mlperf-${variables.run_id}-hub`,
      nodeGroups: groups(variables.hub_node_groups),
    },
    {
      role: 'load',
      expectedName: `mlperf-${variables.run_id}-load`,
      nodeGroups: groups(variables.load_node_groups),
    },
  ];
}

interface Stack {
  meta: TerraformMeta;
  variables: TerraformVariables;
  backend: BackendConfig;
  workingDir: string;
  placeholders: ProvisionDetails['placeholders'];
}

function stackOf(input: DryRunInput, infra: AwsInfrastructure, ttlHours: number): Stack {
  const placeholders: ProvisionDetails['placeholders'] = [];
  const pipelineRoleArn = input.pipelineRoleArn ?? PLACEHOLDER_ROLE_ARN;
  if (input.pipelineRoleArn === undefined) {
    placeholders.push({
      field: 'pipeline_role_arn',
      value: pipelineRoleArn,
      inThePipeline: "the IAM role of the job's OIDC credentials (MLPERF_AWS_ROLE_ARN)",
    });
  }
  const bucket = input.stateBucket ?? PLACEHOLDER_STATE_BUCKET;
  if (input.stateBucket === undefined) {
    placeholders.push({
      field: 'state bucket',
      value: bucket,
      inThePipeline: 'the repository variable MLPERF_STATE_BUCKET',
    });
  }
  const meta: TerraformMeta = {
    runId: input.runId,
    owner: input.owner ?? DEFAULT_OWNER,
    expiresAt: expiresAt(input.now, ttlHours),
    pipelineRoleArn,
  };
  let variables: TerraformVariables;
  try {
    variables = toTerraformVariables(input.config, meta);
  } catch (error) {
    // Owner and role come from this command's options: name them as options.
    throw new DryRunInputError(
      message(error)
        .replace(/^owner:/, '--owner:')
        .replace(/^pipeline_role_arn:/, '--pipeline-role-arn:'),
    );
  }
  return {
    meta,
    variables,
    backend: { bucket, key: defaultStateKey(input.runId), region: infra.region },
    workingDir: path.posix.join(PIPELINE_WORKSPACE, PROVISION_DEFAULTS.terraformDir),
    placeholders,
  };
}

async function provisionPhase(
  input: DryRunInput,
  infra: AwsInfrastructure,
  stack: Stack,
  skippedBecause: string | null,
): Promise<Extract<DryRunPhase, { name: 'provision' }>> {
  const { workingDir, backend, variables } = stack;
  const varFile = varFilePath(workingDir);
  const planFile = path.posix.join(workingDir, PLAN_FILE_NAME);
  const commands = await recordTerraform(
    workingDir,
    [
      'S3 backend with S3-native locking',
      'plan into a saved plan file',
      'the plan as JSON, summarised to the job summary before apply',
      'apply exactly the saved plan',
      'the stack outputs, typed and validated',
    ],
    async (terraform) => {
      await terraform.init(backend);
      await terraform.plan(varFile, planFile);
      await terraform.showPlanJson(planFile);
      await terraform.apply(planFile);
      await terraform.outputJson();
    },
  );
  const clusters = clustersOf(variables);
  const details: ProvisionDetails = {
    runId: input.runId,
    terraformVersion: TERRAFORM_VERSION,
    layout: stackLayoutText(infra),
    workingDir,
    backend,
    teardownRecord: `s3://${backend.bucket}/${stackRecordKey(input.runId)}`,
    varFile,
    planFile,
    variables,
    placeholders: stack.placeholders,
    commands,
    clusters,
    wait: {
      timeoutMinutes: PROVISION_DEFAULTS.waitTimeoutMinutes,
      pollSeconds: PROVISION_DEFAULTS.pollSeconds,
      until: `clusters ${clusters.map((c) => c.expectedName).join(' and ')} and node groups ${clusters
        .map((c) => c.nodeGroups.map((g) => g.name).join(', '))
        .join(' / ')} are ACTIVE`,
    },
    tokens: 'an EKS bearer token per cluster from the job credentials (valid about 15 min, masked)',
    outputs: Object.values(OUTPUT_NAMES),
    concurrencyGroup: `mlperf-stack-${input.runId} (shared with teardown, never cancelled)`,
  };
  const groups = clusters.reduce((sum, cluster) => sum + cluster.nodeGroups.length, 0);
  return {
    name: 'provision',
    title: '02 Provision',
    status: skippedBecause === null ? 'would-run' : 'skipped',
    summary:
      skippedBecause ??
      `terraform init/plan/apply in ${PROVISION_DEFAULTS.terraformDir} (state ${backend.key}), then waits for 2 EKS clusters and ${groups} node groups`,
    details,
  };
}

// ---------------------------------------------------------------- 03 platform, 05 load-infra: Helm releases

/** How a Helm phase differs from the other: its releases, the action's defaults and its job. */
interface HelmPhaseSpec {
  releases: readonly PlatformRelease[];
  defaults: { helmDir: string; readinessTimeoutMinutes: number; helmVersion: string };
  job: string;
  tokens: string;
  onFailure: string;
  outputs: string[];
}

/**
 * The releases of one Helm phase exactly as its action plans them (`planPlatform` with the phase's
 * release list) and each one's `helm upgrade --install` command line (`helmUpgradeArgs`). The values
 * files come from the list the caller read: no filesystem access here.
 */
function helmPhaseDetails(
  input: DryRunInput,
  clusters: readonly ClusterSummary[],
  spec: HelmPhaseSpec,
): HelmPhaseDetails {
  const source = input.platform;
  if (source === undefined) {
    throw new DryRunInputError(
      'platform: the chart pins (helm/versions.yaml) and the values files are needed to plan an aws profile',
    );
  }
  const helmDir = path.posix.join(PIPELINE_WORKSPACE, spec.defaults.helmDir);
  const valuesDir = path.posix.join(helmDir, 'values');
  const present = new Set(source.valuesFiles.map((file) => file.split(path.sep).join('/')));
  // The clusters Helm installs on, hub first: one kubeconfig file each.
  const roles = (['hub', 'load'] as const).filter((role) => spec.releases.some((r) => r.cluster === role));
  const kubeconfigs = roles.map((cluster) => ({
    cluster,
    path: kubeconfigPlaceholder(clusterNameOf(clusters, cluster)),
  }));
  const kubeconfigOf = (role: 'hub' | 'load') => kubeconfigs.find((k) => k.cluster === role)?.path ?? '';

  let installs: PlannedInstall[] = [];
  let failure: string | null = null;
  try {
    installs = planPlatform({
      config: input.config,
      pins: source.pins,
      valuesDir,
      pinsFile: path.posix.join(helmDir, 'versions.yaml'),
      exists: (file) => present.has(path.posix.relative(valuesDir, file)),
      releases: spec.releases,
    });
  } catch (error) {
    failure = message(error);
  }
  const timeoutMinutes = spec.defaults.readinessTimeoutMinutes;
  const releases: PlannedRelease[] = installs.map((install, index) => ({
    order: index + 1,
    key: install.key,
    release: install.release,
    cluster: install.cluster,
    clusterName: clusterNameOf(clusters, install.cluster),
    namespace: install.namespace,
    chart: install.pin.chart,
    version: install.pin.version,
    repo: install.pin.repo,
    valuesFiles: [...install.valuesFiles],
    ...(install.setValues === undefined
      ? {}
      : {
          stackValues: install.setValues.map((set) => ({
            key: set.key,
            value: set.value,
            source: set.source,
            placeholder: set.placeholder === true,
          })),
        }),
    readiness: install.workloads === false ? null : { namespace: install.namespace, timeoutMinutes },
    command: {
      command: 'helm',
      args: helmUpgradeArgs(install, kubeconfigOf(install.cluster)),
      cwd: PIPELINE_WORKSPACE,
      env: {},
      purpose:
        install.workloads === false
          ? 'install or upgrade; CRDs only, so no readiness wait follows'
          : `install or upgrade, then wait up to ${timeoutMinutes} min for ${install.namespace} to be ready`,
    },
  }));
  return {
    job: spec.job,
    helmVersion: spec.defaults.helmVersion,
    pinsFile: source.pinsFile,
    valuesDir,
    failure,
    releases,
    readinessTimeoutMinutes: timeoutMinutes,
    helmApplyTimeout: HELM_APPLY_TIMEOUT,
    kubeconfigs,
    tokens: spec.tokens,
    onFailure: spec.onFailure,
    outputs: spec.outputs,
  };
}

function clusterNameOf(clusters: readonly ClusterSummary[], role: 'hub' | 'load'): string {
  return clusters.find((c) => c.role === role)?.expectedName ?? `(${role} cluster)`;
}

/** `a, b on the hub cluster; c on the load cluster`, naming only the clusters that get a release. */
function releasesByCluster(releases: readonly PlannedRelease[]): string {
  return (['hub', 'load'] as const)
    .map((role) => [role, releases.filter((r) => r.cluster === role).map((r) => r.release)] as const)
    .filter(([, names]) => names.length > 0)
    .map(([role, names]) => `${names.join(', ')} on the ${role} cluster`)
    .join('; ');
}

const INSTALLED_OUTPUT =
  'installed (JSON: key, release, cluster, namespace, chart, version, seconds per release)';
const HELM_FAILURE =
  'Helm exit with its last output lines, or a readiness timeout with the unready pods, their container states and last events in the job summary';

function platformPhase(
  input: DryRunInput,
  clusters: readonly ClusterSummary[],
  skippedBecause: string | null,
): Extract<DryRunPhase, { name: 'platform' }> {
  const details: PlatformDetails = helmPhaseDetails(input, clusters, {
    releases: PLATFORM_RELEASES,
    defaults: PLATFORM_DEFAULTS,
    job: `platform (perf-pipeline.yml): needs ${PLATFORM_DEFAULTS.needs.join(', ')}; the protected environment; the pipeline role by OIDC; ${PLATFORM_DEFAULTS.jobTimeoutMinutes} min timeout; input ${PLATFORM_STACK_INPUT} is provision's outputs JSON (vpcId and the two security group ids)`,
    tokens:
      'an EKS bearer token for the hub cluster, minted in this job from its OIDC credentials and masked; written nowhere but an owner-only (0600) kubeconfig file in a directory of its own, removed when the step ends (never in arguments, outputs or logs)',
    onFailure: `stops at the first release that fails: ${HELM_FAILURE}`,
    outputs: [INSTALLED_OUTPUT],
  });
  const { failure, releases, readinessTimeoutMinutes } = details;
  const summary =
    skippedBecause ??
    (failure !== null
      ? `would FAIL before installing anything: ${failure.split('\n')[0]}`
      : `helm upgrade --install of ${releases.length} pinned charts in order: ${releasesByCluster(releases)}; each followed by a readiness wait (${readinessTimeoutMinutes} min) unless it installs CRDs only`);
  return {
    name: 'platform',
    title: '03 Platform',
    status: skippedBecause === null ? 'would-run' : 'skipped',
    summary,
    details,
  };
}

/**
 * Why the load-infra action does not probe the hub gateway: it runs alongside platform, before the
 * mojaloop phase makes the gateway; the ladder phase's probe covers that path.
 */
export const HUB_GATEWAY_PROBE_NOT_YET =
  'not in this phase: it runs before the mojaloop phase makes the gateway; the ladder probes every DFSP outbound URL from the load node group before its first rung';

function loadInfraPhase(
  input: DryRunInput,
  clusters: readonly ClusterSummary[],
  skippedBecause: string | null,
): Extract<DryRunPhase, { name: 'load-infra' }> {
  const helm = helmPhaseDetails(input, clusters, {
    releases: LOAD_INFRA_RELEASES,
    defaults: LOAD_INFRA_DEFAULTS,
    job: `load-infra (perf-pipeline.yml): needs ${LOAD_INFRA_DEFAULTS.needs.join(', ')}, so it runs alongside ${LOAD_INFRA_DEFAULTS.alongside}; the protected environment; the pipeline role by OIDC; ${LOAD_INFRA_DEFAULTS.jobTimeoutMinutes} min timeout`,
    tokens:
      'an EKS bearer token per cluster (load: the install and the CRD check; hub: the k6 check), minted in this job from its OIDC credentials and masked; for Helm written nowhere but an owner-only (0600) kubeconfig file in a directory of its own, removed when the step ends (never in arguments, outputs or logs)',
    onFailure: `stops at the first step that fails: ${HELM_FAILURE}; or the check that fails, with what it found`,
    outputs: [
      INSTALLED_OUTPUT,
      'hub-clean (the hub cluster was checked and runs no k6: no k6-operator pod, no TestRun)',
    ],
  });
  const load = clusters.find((c) => c.role === 'load');
  const runners = load?.nodeGroups.find((g) => g.name === LOAD_RUNNER_ROLE);
  const loadSettings = input.config.load;
  const details: LoadInfraDetails = {
    ...helm,
    checks: [
      {
        check: 'TestRun CRD',
        cluster: 'load',
        clusterName: clusterNameOf(clusters, 'load'),
        what: `the k6-operator ${TESTRUN_KIND} CRD (${TESTRUN_PLURAL}.${K6_GROUP}, ${K6_API_VERSION}) is served by the load cluster's API, so the ladder can create its TestRuns there`,
      },
      {
        check: 'no k6 on hub',
        cluster: 'hub',
        clusterName: clusterNameOf(clusters, 'hub'),
        what: `assertNoK6OnHubCluster: no pod labelled ${K6_CR_LABEL} (runners, initializers, starters, finished ones too) and no TestRun on the hub cluster; k6 there would compete with the hub for CPU`,
      },
    ],
    notYet: [
      {
        item: 'hub gateway probe',
        what: 'connectivity from the load cluster to the hub gateway',
        why: HUB_GATEWAY_PROBE_NOT_YET,
      },
    ],
    asks: [
      ...(runners === undefined
        ? []
        : [{ item: `${LOAD_RUNNER_ROLE} nodes`, value: `${nodeGroupLine(runners)}: the k6 runner pods` }]),
      {
        item: 'k6 runners',
        value: `${loadSettings.runners} runner(s), ${loadSettings.preAllocatedVUs} VUs pre-allocated, at most ${loadSettings.maxVUs} (totals, split by execution segment)`,
      },
      {
        item: 'metrics',
        value: 'k6 native histograms to the hub Prometheus by remote write (monitoring nodes)',
      },
    ],
  };
  const summary =
    skippedBecause ??
    (helm.failure !== null
      ? `would FAIL before installing anything: ${helm.failure.split('\n')[0]}`
      : `helm upgrade --install of ${releasesByCluster(helm.releases)} (readiness wait ${helm.readinessTimeoutMinutes} min), then checks that the ${TESTRUN_KIND} CRD is served there and that no k6 runs on the hub cluster; alongside ${LOAD_INFRA_DEFAULTS.alongside}. Connectivity probe to the hub gateway — ${HUB_GATEWAY_PROBE_NOT_YET}`);
  return {
    name: 'load-infra',
    title: '05 Load infrastructure',
    status: skippedBecause === null ? 'would-run' : 'skipped',
    summary,
    details,
  };
}

// ---------------------------------------------------------------- 04 and 06, not built

function nodeGroupLine(group: ClusterSummary['nodeGroups'][number]): string {
  const taint = group.taints.length > 0 ? `, taint ${group.taints.join(', ')}` : '';
  return `${group.desiredSize} × ${group.instanceType} (min ${group.minSize}, max ${group.maxSize}${taint})`;
}

function partyRange(index: number, parties: number): string {
  try {
    return `${partyIdentifier(index, 0)}–${partyIdentifier(index, parties - 1)}`;
  } catch (error) {
    return `(no identifier range: ${message(error)})`;
  }
}

function securityText(security: RunConfig['security']): string {
  return `mTLS ${onOff(security.mtls)}, JWS sign ${onOff(security.jwsSign)}, JWS validate ${onOff(security.jwsValidate)}, ILP ${onOff(security.ilp)}`;
}

/** Phase 04: deploy-mojaloop on the hub cluster, as `deployMojaloop` would run it. */
function mojaloopPhase(
  input: DryRunInput,
  infra: AwsInfrastructure,
  clusters: readonly ClusterSummary[],
  skippedBecause: string | null,
): Extract<DryRunPhase, { name: 'mojaloop' }> {
  const source = input.platform;
  if (source === undefined) {
    throw new DryRunInputError(
      'platform: the chart pins (helm/versions.yaml) and the values files are needed to plan an aws profile',
    );
  }
  const { config } = input;
  const details = planMojaloopDetails({
    config,
    infra,
    pins: source.pins,
    pinsFile: source.pinsFile,
    valuesFiles: source.valuesFiles.map((file) => file.split(path.sep).join('/')),
    dfspFleetVersion: source.dfspFleetVersion,
    hubClusterName: clusterNameOf(clusters, 'hub'),
  });
  const hub = clusters.find((c) => c.role === 'hub');
  const groupAsk = (name: string, what: string): Ask[] => {
    const found = hub?.nodeGroups.find((g) => g.name === name);
    return found === undefined ? [] : [{ item: `${name} nodes`, value: `${nodeGroupLine(found)}: ${what}` }];
  };
  const { dfsps } = config;
  const ids = dfspIds(dfsps.count);
  details.asks = [
    ...groupAsk('hub-services', 'Mojaloop switch services (central-ledger, adapters, quoting, ALS)'),
    ...groupAsk('kafka', 'Kafka brokers'),
    ...groupAsk('dfsps', 'DFSP SDK scheme adapters and their backend simulators'),
    { item: 'DFSPs', value: `${dfsps.count}: ${ids[0]} … ${ids[ids.length - 1]}` },
    {
      item: 'parties',
      value: `${dfsps.partiesPerDfsp} MSISDNs per DFSP in ${dfsps.currency}, e.g. ${ids[0]} ${partyRange(1, dfsps.partiesPerDfsp)}, ${ids[dfsps.count - 1]} ${partyRange(dfsps.count, dfsps.partiesPerDfsp)}`,
    },
    { item: 'security', value: securityText(config.security) },
  ];
  const db = details.sizing.database;
  const summary =
    skippedBecause ??
    (details.failure !== null
      ? `would FAIL before installing anything: ${details.failure.split('\n')[0]}`
      : `proves our keys against ${details.keyCheck.commands.length} pulled charts, creates ${details.objects.length} objects, installs ${details.releases.map((r) => r.release).join(', ')} on the hub cluster (readiness ${details.readinessTimeoutMinutes} min each), routes the gateway, onboards ${config.dfsps.count} DFSPs (${securityText(config.security)}) and checks /health (median ≤ ${details.health.medianLimitMs} ms); ${db.connections} DB connections at most${db.usable === null ? '' : ` of ${db.usable} usable`}`);
  return {
    name: 'mojaloop',
    title: '04 Mojaloop',
    status: skippedBecause === null ? 'would-run' : 'skipped',
    summary,
    details,
  };
}

function firstTestPhase(config: RunConfig): Extract<DryRunPhase, { name: 'first-test' }> {
  const { dfsps } = config;
  const firstTest: NotBuiltDetails = {
    reason:
      'not built yet (no job in perf-pipeline.yml; the ladder does not wait for it); the local rehearsal does this part with its smoke. The security proof is built: it runs in phase 04 (step 7, verify-security)',
    asks: [
      {
        item: 'smoke',
        value: `every ordered payer→payee pair once (${dfsps.count * (dfsps.count - 1)} transfers)`,
      },
    ],
  };
  return {
    name: 'first-test',
    title: '06 First test',
    status: 'not-built',
    summary: 'not built yet: would prove transfers before the ladder (security is proven in phase 04)',
    details: firstTest,
  };
}

function securityProbes(): Array<{ control: string; probes: string[] }> {
  return (Object.keys(CONTROL_LABELS) as Array<keyof typeof CONTROL_LABELS>).map((control) => ({
    control: CONTROL_LABELS[control],
    probes: PROBES.filter((probe) => PROBE_CONTROL[probe] === control),
  }));
}

// ---------------------------------------------------------------- 07 ladder

export function planLadderDetails(config: RunConfig, reason: string | null): LadderDetails {
  const rungs = planLadder(config.ladder).map((rung) => ({
    ...rung,
    runners: splitLoad(rung, config.load),
    countTolerance: countTolerance(rung.rate, rung.rate * rung.holdSeconds, DEFAULT_VALIDITY_OPTIONS),
  }));
  const ladderSeconds = rungs.reduce((sum, rung) => sum + rung.totalSeconds, 0);
  const settings = config.ladder.stress;
  const template = config.ladder.rungs[config.ladder.rungs.length - 1];
  const baseRate = template?.rate ?? 0;

  // The search as runLadder drives it, with every stress rung passing: the longest climb.
  const attempts: StressAttempt[] = [];
  const rates: number[] = [];
  let seconds = 0;
  let stop = describeStressStop('disabled', settings);
  if (template !== undefined) {
    for (let ordinal = rungs.length + 1; ; ordinal++) {
      const decision = nextStressRate(settings, { baseRate, attempts, elapsedMinutes: seconds / 60 });
      if (decision.action === 'stop') {
        stop = describeStressStop(decision.reason, settings);
        break;
      }
      const plan = planStressRung(decision.rate, template, ordinal);
      attempts.push({ rate: plan.rate, outcome: 'PASS' });
      rates.push(plan.rate);
      seconds += plan.totalSeconds;
    }
  }
  const duration = planRunDuration(config.ladder);
  const slos = configuredSlos(config.slo).map(({ slo, threshold }) => ({
    slo,
    label: SLO_DEFINITIONS[slo].label,
    threshold,
    rule: formatThreshold(slo, threshold),
    meaning: SLO_DEFINITIONS[slo].meaning,
  }));
  const { inflightSeconds, countTolerancePercent } = DEFAULT_VALIDITY_OPTIONS;
  return {
    reason,
    load: { ...config.load },
    rungs,
    ladderSeconds,
    stress: {
      enabled: settings.enabled,
      baseRate,
      stepPercent: settings.stepPercent,
      maxRate: settings.maxRate,
      maxRungs: settings.maxRungs,
      timeBudgetMinutes: settings.timeBudgetMinutes,
      resolution: settings.resolution,
      ifEveryRungPasses: { rates, seconds, stop },
      assumedByCostEstimate:
        config.infrastructure.provider === 'aws'
          ? { rungs: duration.rungs.filter((rung) => rung.stress).length, seconds: duration.stressSeconds }
          : null,
    },
    slos,
    validity: [
      config.infrastructure.provider === 'aws'
        ? `every k6 runner of the rung (⌈rate / per-runner rate⌉ of them, see TestRuns) reports exit code 0 or ${K6_THRESHOLDS_FAILED} (k6 thresholds failed)`
        : `every one of the ${config.load.runners} load runner(s) reports exit code 0 or ${K6_THRESHOLDS_FAILED} (k6 thresholds failed)`,
      `the hub's committed count agrees with k6's completed count within max(⌈rate × ${inflightSeconds} s⌉, ${countTolerancePercent} % of the count)`,
      "k6's iterations + dropped iterations match rate × steady window within the same tolerance",
    ],
    rules: [
      'each rung is judged over its steady window (after the warm-up, before the drain): INVALID if a validity fact fails or a figure is missing, FAIL if an SLO is missed, else PASS',
      'the climb stops at the first rung that does not pass',
      'the stress search runs only when every configured rung passed: steps up, then bisects between the last pass and the first fail',
    ],
    cloud: null,
  };
}

function ladderPhase(
  config: RunConfig,
  infra: AwsInfrastructure,
  runId: string,
  skippedBecause: string | null,
): Extract<DryRunPhase, { name: 'ladder' }> {
  const details = planLadderDetails(config, null);
  const cloud = planCloudLadder({
    config,
    infra,
    runId,
    rungs: details.rungs,
    stressRates: details.stress.ifEveryRungPasses.rates,
  });
  details.cloud = cloud;
  const climb = `${details.rungs.map((rung) => `${rung.rate}/s`).join(' → ')}${
    details.stress.enabled ? `, then search up to ${details.stress.maxRate}/s` : ''
  }`;
  const runners = cloud.rungs
    .filter((rung) => rung.kind === 'ladder')
    .map((rung) => rung.runners ?? '–')
    .join('/');
  const summary =
    skippedBecause ??
    (cloud.failure !== null
      ? `would FAIL before creating anything: ${cloud.failure}`
      : `probes ${Object.keys(cloud.probe.targets).length} DFSP outbound URLs from the load nodes, then climbs ${climb} with one TestRun per rung (${runners} k6 runner(s) at ${cloud.perRunnerRate ?? '?'}/s each), metrics by remote write to the hub Prometheus, judged by PromQL through the hub API server${
          cloud.warnings.length > 0 ? `; ${cloud.warnings.length} warning(s)` : ''
        }`);
  return {
    name: 'ladder',
    title: '07 Ladder',
    status: skippedBecause === null ? 'would-run' : 'skipped',
    summary,
    details,
  };
}

// ---------------------------------------------------------------- local rehearsal

function rehearsalPhase(input: DryRunInput): Extract<DryRunPhase, { name: 'rehearsal' }> {
  const { config } = input;
  const { dfsps, security } = config;
  const pairs = dfsps.count * (dfsps.count - 1);
  const probes = securityProbes();
  const sets = (input.source?.sets ?? []).filter((line) => line.trim() !== '');
  const localCommand = [
    'npm run rehearse --',
    `--profile ${config.profile}`,
    ...sets.map((line) => `--set ${line}`),
  ].join(' ');
  const ladder = planLadderDetails(
    config,
    'skipped in the rehearsal: k6 is not installed here and the k6 runner is not built (README "k6"); the output says LADDER SKIPPED',
  );
  const details: RehearsalDetails = {
    job: 'rehearsal (perf-pipeline.yml, when provider is local; 30 min timeout)',
    command: REHEARSAL_STEP,
    localCommand,
    steps: [
      { step: 'config', what: 'the resolved configuration; a provider other than local is refused' },
      {
        step: 'stack',
        what: `hub emulator, Redis and ${dfsps.count} real SDK scheme adapters (${securityText(security)})`,
      },
      {
        step: 'onboard',
        what: `the hub, ${dfsps.count} DFSPs (${dfspIds(dfsps.count).join(', ')}) with ${dfsps.partiesPerDfsp} parties each, and verify-security's 2 probe DFSPs`,
      },
      {
        step: 'security',
        what: `negative probes: ${probes.map((p) => `${p.control} (${p.probes.length})`).join(', ')}`,
      },
      {
        step: 'smoke',
        what: `every ordered payer→payee pair once (${pairs} transfers), then the hub's committed count and positions`,
      },
      { step: 'stop', what: 'always; checks that no process is left' },
      {
        step: 'results',
        what: 'results.json, report.md, smoke.json; verdict INVALID since no configured rate ran',
      },
    ],
    smokePairs: pairs,
    securityProbes: probes,
    files: ['mlperf-results/results.json', 'mlperf-results/report.md', 'mlperf-results/smoke.json'],
    ladder,
  };
  return {
    name: 'rehearsal',
    title: 'Local rehearsal',
    status: 'would-run',
    summary: `local stack with ${dfsps.count} DFSPs, onboarding, security probes and a ${pairs}-transfer smoke; the ladder is skipped (no k6 runner)`,
    details,
  };
}

// ---------------------------------------------------------------- 08 report

/** How the ladder's results decide the run (results/verdict.ts), in one sentence. */
export const LADDER_VERDICT_RULE =
  "The ladder's results.json decides: FAIL at the first ladder rung that misses an SLO, INVALID when a ladder rung is invalid or a configured rate never ran, PASS when every configured rung passed (the stress search only sets the maximum sustainable rate)";

function reportPhase(
  config: RunConfig,
  outcomes: readonly PhaseOutcome[] | null,
): Extract<DryRunPhase, { name: 'report' }> {
  // Every phase succeeding means the ladder wrote results.json: its verdict is the run's.
  const complete = outcomes?.every((outcome) => outcome.result === 'success') ?? false;
  const expectedSummary =
    outcomes === null
      ? 'The rehearsal skips the ladder (no k6 runner), so no configured rate is proven either way.'
      : complete
        ? `${LADDER_VERDICT_RULE}.`
        : stoppingPhase(outcomes);
  const sinks = REPORT_SINK_USES.map((use) => ({
    trigger: use.trigger,
    workflow: use.workflow,
    profiles: use.profiles === 'any' ? 'chosen at dispatch' : use.profiles.join(', '),
    appliesToProfile: use.profiles === 'any' || use.profiles.includes(config.profile),
    sinks: describeSinks(use),
  }));
  const details: ReportDetails = {
    condition: 'always, once the configuration job succeeded',
    expectedVerdict: complete ? 'PASS, FAIL or INVALID' : 'INVALID',
    expectedSummary,
    reads:
      outcomes === null
        ? "the rehearsal's results.json (artifact mlperf-results)"
        : 'results.json when one exists; otherwise the phases from toJSON(needs)',
    files: [`${REPORT_OUTPUT_DIR}/report.md`, `${REPORT_OUTPUT_DIR}/results.json`],
    sinks,
    history: {
      branch: REPORT_SINK_USES.find((use) => use.historyBranch !== null)?.historyBranch ?? '',
      path: historyPath({ profile: config.profile, config }),
      regressionRule: regressionRuleText(config.report.regression),
    },
  };
  return {
    name: 'report',
    title: '08 Report',
    status: 'would-run',
    summary: `verdict ${details.expectedVerdict}: ${expectedSummary} Uploaded as ${REPORT_ARTIFACT}.`,
    details,
  };
}

// ---------------------------------------------------------------- teardown

async function teardownPhase(
  input: DryRunInput,
  infra: AwsInfrastructure,
  stack: Stack,
  skippedBecause: string | null,
): Promise<Extract<DryRunPhase, { name: 'teardown' }>> {
  const workingDir = stack.workingDir;
  const varFile = varFilePath(workingDir);
  const commands = await recordTerraform(
    workingDir,
    [
      'the same state as provision',
      'cluster names from the state, for the load balancer sweep',
      `destroy; retried on dependency errors, ${TEARDOWN_DEFAULTS.destroyAttempts} attempts in all`,
    ],
    async (terraform) => {
      await terraform.init(stack.backend);
      await terraform.outputJson();
      await terraform.destroy(varFile);
    },
  );
  const retry = DEFAULT_DESTROY_RETRY;
  const details: TeardownDetails = {
    condition:
      'always(), for an AWS run whose preflight set a run id — also after a failed or cancelled phase',
    skippedBecause,
    steps: [
      {
        step: 'variables',
        what: `${varFile} from the configuration (expiry now + ${TEARDOWN_DEFAULTS.expiryHours} h; destroy ignores it)`,
      },
      { step: 'init', what: `state s3://${stack.backend.bucket}/${stack.backend.key}` },
      {
        step: 'load balancers',
        what: `delete the load balancers Kubernetes made for the run's clusters, wait up to ${TEARDOWN_DEFAULTS.loadBalancerTimeoutMinutes} min for them and their network interfaces`,
      },
      {
        step: 'destroy',
        what: `terraform destroy, up to ${TEARDOWN_DEFAULTS.destroyAttempts} attempts on dependency errors (waits from ${retry.baseDelayMs / 1000} s doubling to ${retry.maxDelayMs / 1000} s, sweeping load balancers again)`,
      },
      {
        step: 'orphan check',
        what: `anything tagged RunId=${input.runId} left in ${infra.region}: load balancers, network interfaces, Elastic IPs, volumes, security groups`,
      },
    ],
    backend: stack.backend,
    commands,
    loadBalancerTimeoutMinutes: TEARDOWN_DEFAULTS.loadBalancerTimeoutMinutes,
    destroyAttempts: TEARDOWN_DEFAULTS.destroyAttempts,
  };
  return {
    name: 'teardown',
    title: 'Teardown',
    status: skippedBecause === null ? 'would-run' : 'skipped',
    summary:
      skippedBecause ??
      `load balancers, terraform destroy, orphan check for run ${input.runId} in ${infra.region}`,
    details,
  };
}

// ---------------------------------------------------------------- the whole chain

/** The plan of one run. Async only because the Terraform class's methods are; nothing waits on I/O. */
export async function planDryRun(input: DryRunInput): Promise<DryRunPlan> {
  const { config } = input;
  const infra = config.infrastructure;
  const base = {
    profile: config.profile,
    runId: input.runId,
    plannedAt: rfc3339(input.now),
    config,
  };
  const config0 = configPhase(input);

  if (infra.provider === 'local') {
    const rehearsal = rehearsalPhase(input);
    const report = reportPhase(config, null);
    return {
      ...base,
      provider: 'local',
      region: null,
      chain: [...LOCAL_CHAIN],
      outcome:
        'config → local rehearsal → report; the ladder is skipped in the rehearsal, so the verdict would be INVALID',
      phases: [config0, rehearsal, report],
    };
  }

  const stack = stackOf(input, infra, PROVISION_DEFAULTS.ttlHours);
  const preflight = preflightPhase(input, infra);
  const stopped = preflight.verdict.status !== 'ok';
  const provision = await provisionPhase(
    input,
    infra,
    stack,
    stopped ? 'skipped: preflight would stop the run (its ok output is false)' : null,
  );
  const clusters = provision.details.clusters;
  const platform = platformPhase(
    input,
    clusters,
    stopped ? 'skipped: provision does not run (preflight would stop the run)' : null,
  );
  const loadInfra = loadInfraPhase(
    input,
    clusters,
    stopped ? 'skipped: provision does not run (preflight would stop the run)' : null,
  );
  const notRun = stopped ? 'skipped: provision does not run (preflight would stop the run)' : null;
  // The mojaloop job needs platform: GitHub skips it when platform fails.
  const mojaloop = mojaloopPhase(
    input,
    infra,
    clusters,
    notRun ??
      (platform.details.failure !== null
        ? 'skipped: platform would fail, and the mojaloop job needs it'
        : null),
  );
  const firstTest = firstTestPhase(config);

  // The phases the report action lists, each with the result the pipeline's jobs would have.
  const built: Partial<Record<(typeof REPORT_PHASES_AWS)[number], PhaseOutcome['result']>> = {
    config: 'success',
    preflight: stopped ? 'failure' : 'success',
    provision: stopped ? 'skipped' : 'success',
    platform: stopped ? 'skipped' : platform.details.failure !== null ? 'failure' : 'success',
    'load-infra': stopped ? 'skipped' : loadInfra.details.failure !== null ? 'failure' : 'success',
    mojaloop:
      mojaloop.status === 'skipped' ? 'skipped' : mojaloop.details.failure !== null ? 'failure' : 'success',
  };
  // The ladder job needs mojaloop and load-infra: GitHub skips it when either does not succeed.
  const ladderNeedsFailed = (['mojaloop', 'load-infra'] as const)
    .filter((name) => built[name] !== 'success')
    .map((name) => `${name} ${built[name] === 'failure' ? 'would fail' : 'is skipped'}`);
  const ladder = ladderPhase(
    config,
    infra,
    input.runId,
    notRun ??
      (ladderNeedsFailed.length > 0
        ? `skipped: ${ladderNeedsFailed.join(' and ')}, and the ladder job needs it`
        : null),
  );
  built.ladder =
    built.mojaloop !== 'success' || built['load-infra'] !== 'success'
      ? 'skipped'
      : ladder.details.cloud?.failure
        ? 'failure'
        : 'success';
  const outcomes: PhaseOutcome[] = REPORT_PHASES_AWS.map((name) => ({
    name,
    result: built[name] ?? 'absent',
  }));
  const report = reportPhase(config, outcomes);

  const teardownSkip = config.keepInfra
    ? `skipped: keepInfra is true — the stack keeps running (and costing) until the janitor removes it after its ExpiresAt tag (${stack.meta.expiresAt})`
    : preflight.verdict.status === 'error'
      ? 'skipped: preflight would fail before setting its run-id output, so the teardown job does not start'
      : null;
  const teardown = await teardownPhase(input, infra, stack, teardownSkip);

  const stop = outcomes.find((outcome) => outcome.result !== 'success');
  const stopAt =
    stop === undefined
      ? 'the end'
      : stop.result === 'absent'
        ? `${stop.name} (not built yet)`
        : stop.result === 'failure'
          ? `${stop.name} (it would fail)`
          : stop.name;
  const teardownNote =
    teardown.status === 'skipped'
      ? config.keepInfra
        ? 'the stack is kept (keepInfra)'
        : 'no teardown'
      : 'teardown runs';
  return {
    ...base,
    provider: 'aws',
    region: infra.region,
    chain: [...AWS_CHAIN],
    outcome:
      stop === undefined
        ? `the run would reach the end (${firstTest.title.replace(/^\d+ /, '').toLowerCase()} is not built and nothing waits for it); the ladder's results decide the report (PASS, FAIL or INVALID); ${teardownNote}`
        : `the run would stop at ${stopAt}; the report would be INVALID; ${teardownNote}`,
    phases: [
      config0,
      preflight.phase,
      provision,
      platform,
      mojaloop,
      loadInfra,
      firstTest,
      ladder,
      report,
      teardown,
    ],
  };
}

/** VPC, zones, NAT gateways and node groups of the stack, for readers of the provision block. */
function stackLayoutText(infra: AwsInfrastructure): string {
  const layout = DEFAULT_STACK_LAYOUT;
  return `${layout.vpcs} VPC over ${layout.availabilityZones} availability zones, ${natGatewayCount(infra, layout)} NAT gateway(s) (${infra.natGateways}), ${nodeGroupsOf(infra).length} node groups`;
}
