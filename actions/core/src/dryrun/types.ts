/**
 * The dry run's plan: what each phase of the pipeline would do with one resolved configuration, as
 * data. `--json` prints it as is; `renderDryRunText` turns it into the human-readable form. Every
 * number in it comes from the core function the phase's action calls (cost, quotas, Terraform
 * variables and commands, ladder plan, SLOs), never from a second implementation.
 */
import type { RunConfig, TrafficPair } from '../config/index.js';
import type { CostEstimate } from '../cost/estimate.js';
import type { RunnerShare } from '../ladder/plan.js';
import type { RungPlan } from '../ladder/types.js';
import type { SloId } from '../results/slo.js';
import type { BackendConfig } from '../terraform/cli.js';
import type { TerraformVariables } from '../terraform/variables.js';

/**
 * `would-run`: the phase exists and would run with this configuration; `skipped`: it exists but
 * would not run (keepInfra, an earlier phase stops the run); `not-built`: it is not built yet.
 */
export type PhaseStatus = 'would-run' | 'skipped' | 'not-built';

export const PHASE_STATUSES: readonly PhaseStatus[] = ['would-run', 'skipped', 'not-built'];

/** A command as the action would start it: binary, arguments, directory and added environment. */
export interface PlannedCommand {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** What it is for, one phrase. */
  purpose: string;
}

/** One thing a not-built phase would be asked for by this configuration. */
export interface Ask {
  item: string;
  value: string;
}

export interface NodeGroupSummary {
  /** The node group's name: the role key of the Terraform variables. */
  name: string;
  instanceType: string;
  minSize: number;
  desiredSize: number;
  maxSize: number;
  /** `mlperf/role=kafka:NO_SCHEDULE`; empty when pods need no toleration. */
  taints: string[];
}

export interface ClusterSummary {
  role: 'hub' | 'load';
  /** The name the root stack gives it (`terraform/envs/perf/main.tf`); the action reads it from the outputs. */
  expectedName: string;
  nodeGroups: NodeGroupSummary[];
}

// ---------------------------------------------------------------- per phase

export interface ConfigDetails {
  profile: string;
  profileFile: string;
  provider: 'aws' | 'local';
  region: string | null;
  /** The `--set` lines as given (the workflow's `overrides` input). */
  overrides: string[];
  /** Dispatch choices that were given (rates, dfsp-count, keep-infra, cost-cap-usd). */
  choices: Record<string, string>;
  dfsps: {
    count: number;
    ids: string[];
    currency: string;
    partiesPerDfsp: number;
    trafficMix: 'uniform' | TrafficPair[];
    /** Payer→payee pairs the mix sends over. */
    pairs: number;
  };
  security: RunConfig['security'];
  /** The security switches as the history store names a series, e.g. `mtls-jws-ilp`. */
  securityTag: string;
  keepInfra: boolean;
  costCapUsd: number;
  /** The validate-config action's outputs. */
  outputs: string[];
}

export interface QuotaNeedRow {
  id: string;
  name: string;
  /** `serviceCode/quotaCode`. */
  code: string;
  unit: string;
  needed: number;
  detail: string;
}

export type PreflightVerdictPlan =
  /** Nothing in the configuration stops the run; the quotas are compared at run time. */
  | { status: 'ok' }
  /** The action would set ok=false (the outputs, run-id included, are still set) and fail the step. */
  | { status: 'stop'; reasons: string[] }
  /** The action would fail before it sets any output (no price, an unknown instance type). */
  | { status: 'error'; message: string };

export interface PreflightDetails {
  runId: string;
  region: string;
  identity: string;
  /** What the account must have available (quota − usage) in the region; compared at run time. */
  quotas: QuotaNeedRow[];
  /** The cost estimate exactly as `estimateRunCost` makes it; null when it cannot be made. */
  estimate: CostEstimate | null;
  costCapUsd: number;
  /** estimate.total ≤ costCapUsd; null without an estimate. */
  withinCap: boolean | null;
  verdict: PreflightVerdictPlan;
  /** The action's outputs with these values. */
  outputs: Record<string, string>;
  notChecked: string[];
}

export interface ProvisionDetails {
  runId: string;
  /** The Terraform the pipeline sets up (hashicorp/setup-terraform). */
  terraformVersion: string;
  /** VPC, zones, NAT gateways and node groups of the stack. */
  layout: string;
  workingDir: string;
  backend: BackendConfig;
  /** Where the teardown record for the janitor goes, before `terraform init`. */
  teardownRecord: string;
  varFile: string;
  planFile: string;
  /** Exactly what `toTerraformVariables` returns for this configuration and run. */
  variables: TerraformVariables;
  /** Values that stand in for what the pipeline only knows at run time. */
  placeholders: Array<{ field: string; value: string; inThePipeline: string }>;
  commands: PlannedCommand[];
  clusters: ClusterSummary[];
  wait: { timeoutMinutes: number; pollSeconds: number; until: string };
  tokens: string;
  /** Terraform outputs the action reads and publishes. */
  outputs: string[];
  concurrencyGroup: string;
}

/** One release the platform action would install, in order. */
export interface PlannedRelease {
  /** 1-based position in the install order. */
  order: number;
  /** Key in helm/versions.yaml and folder under helm/values/. */
  key: string;
  release: string;
  cluster: 'hub' | 'load';
  /** The cluster's name as provision would output it. */
  clusterName: string;
  namespace: string;
  chart: string;
  /** The pinned chart version from helm/versions.yaml. */
  version: string;
  repo: string;
  /** Values files passed with --values, as paths in the pipeline's checkout; empty: the chart's defaults. */
  valuesFiles: string[];
  /** `--set-string` values from the stack; a placeholder names the provision output it comes from. */
  stackValues?: Array<{ key: string; value: string; source: string; placeholder: boolean }>;
  /** The readiness wait that follows the install; null when the chart installs no workloads (CRDs only). */
  readiness: { namespace: string; timeoutMinutes: number } | null;
  /** `helm upgrade --install …` exactly as `helmUpgradeArgs` builds it, with a placeholder kubeconfig path. */
  command: PlannedCommand;
}

/**
 * What a phase that installs pinned charts with Helm would do: the platform (03, hub cluster) and the
 * load infrastructure (05, load cluster) plan and show their releases the same way.
 */
export interface HelmPhaseDetails {
  /** The pipeline job: needs, environment, credentials, timeout. */
  job: string;
  /** The Helm the job sets up (azure/setup-helm). */
  helmVersion: string;
  /** Where the chart pins were read. */
  pinsFile: string;
  valuesDir: string;
  /** Set when the action would fail before installing anything (a chart without a pin). */
  failure: string | null;
  releases: PlannedRelease[];
  /** The action's readiness-timeout-minutes default: the deadline of each readiness wait. */
  readinessTimeoutMinutes: number;
  /** How long Helm may take to apply one release's manifests (`--timeout`). */
  helmApplyTimeout: string;
  /** Placeholder kubeconfig paths of the clusters Helm installs on (the real ones are made in the job). */
  kubeconfigs: Array<{ cluster: 'hub' | 'load'; path: string }>;
  tokens: string;
  onFailure: string;
  outputs: string[];
}

/** Phase 03: the hub cluster's releases (`PLATFORM_RELEASES`). */
export type PlatformDetails = HelmPhaseDetails;

/** A check the load-infra action makes once its release is ready. */
export interface PlannedCheck {
  check: string;
  cluster: 'hub' | 'load';
  /** The cluster's name as provision would output it. */
  clusterName: string;
  what: string;
}

/** Phase 05: k6-operator on the load cluster (`LOAD_INFRA_RELEASES`), then its checks. */
export interface LoadInfraDetails extends HelmPhaseDetails {
  checks: PlannedCheck[];
  /** What the phase will do once what it needs exists, and why not yet. */
  notYet: Array<{ item: string; what: string; why: string }>;
  /** What this configuration asks of the load cluster (runners, VUs, metrics). */
  asks: Ask[];
}

/** Phase 04: what deploy-mojaloop would do on the hub cluster, in its order (core `deployMojaloop`). */
export interface MojaloopDetails {
  /** The pipeline job: needs, environment, credentials, timeout, the inputs it is given. */
  job: string;
  helmVersion: string;
  pinsFile: string;
  /** Set when `planMojaloop` refuses the plan (no pin, a missing values file): nothing is installed. */
  failure: string | null;
  /** Before anything is created: each pinned Mojaloop chart pulled, then every key of ours proved in it. */
  keyCheck: { commands: PlannedCommand[]; rule: string };
  /** The namespaces, Secrets, certificates and Jobs created before the releases, in order: names only. */
  objects: PlannedObject[];
  /** The releases in install order with the exact `helm upgrade --install` of `planMojaloop`. */
  releases: PlannedMojaloopRelease[];
  readinessTimeoutMinutes: number;
  sizing: MojaloopSizing;
  gateway: {
    /** The Istio ingress gateway Service (platform phase) whose load balancer host is read at run time. */
    service: string;
    objects: PlannedObject[];
    fspiopRoutes: Array<{ port: number; prefix: string; destination: string }>;
    outboundRoutes: Array<{ port: number; prefix: string; destination: string }>;
    /** With mTLS: the switch's callbacks through the gateway to each SDK's inbound port; empty without. */
    callbackRoutes: Array<{ port: number; prefix: string; destination: string }>;
    /** The `outbound-urls` output for this run, with the gateway host as a placeholder. */
    outboundUrls: Record<string, string>;
  };
  onboarding: Array<{ step: string; what: string }>;
  health: {
    medianLimitMs: number;
    attempts: number;
    requestTimeoutMs: number;
    deadlineMinutes: number;
    targets: string[];
  };
  /** verify-security as a Job on the hub cluster (mojaloop/security-job.ts). */
  verifySecurity: {
    job: string;
    image: string;
    hubUrl: string;
    receiver: string;
    /** Secrets mounted into the Job, by name (never a value). */
    mounts: string[];
    probes: string[];
    deadlineMinutes: number;
    policy: string;
  };
  /** Values only known in the pipeline, shown as placeholders. */
  placeholders: Array<{ field: string; value: string; inThePipeline: string }>;
  tokens: string;
  onFailure: string;
  outputs: string[];
  /** The hub's node groups, the fleet and the security switches this configuration asks for. */
  asks: Ask[];
}

/** One Kubernetes object a phase creates besides Helm: kind, place and name, never a value. */
export interface PlannedObject {
  /** `Secret dfsps/perffsp1-jws-signing-key`. */
  object: string;
  /** `replace`: ours, made to match; `create-only`: kept when it exists (keys, CA, passwords). */
  mode: 'replace' | 'create-only';
  what: string;
}

export interface PlannedMojaloopRelease extends Omit<PlannedRelease, 'readiness'> {
  /** Our own chart (helm/charts/dfsp-fleet), installed from the checkout without --repo/--version. */
  local: boolean;
  /** The run values file the deploy writes before the install (database, Kafka, Redis). */
  runValuesFile: string | null;
  readiness: { namespace: string; timeoutMinutes: number };
}

export interface MojaloopSizing {
  components: Array<{
    component: string;
    role: string;
    replicas: number;
    /** Its MySQL schema, when it uses one. */
    database: string | null;
    /** Connections one pod may open (mojaloop.dbPool.max, or the pool its chart fixes); null without MySQL. */
    poolMax: number | null;
    /** Topics it consumes: their partitions equal its replicas. */
    topics: string[];
  }>;
  /** Topic → partitions (one per consumer replica, else 1). */
  partitions: Array<{ topic: string; partitions: number }>;
  kafka: { brokers: number; replicationFactor: number; minInsyncReplicas: number };
  dbPool: { min: number; max: number };
  positionBatchSize: number;
  database: {
    kind: 'rds' | 'in-cluster';
    pods: number;
    pooledPods: number;
    fixedConnections: number;
    /** Σ replicas × pool max: the most connections the hub can open. */
    connections: number;
    /** The database's max_connections and where it comes from; null when unknown. */
    maxConnections: number | null;
    source: string;
    /** max_connections less the headroom the configuration keeps. */
    usable: number | null;
    headroomPercent: number;
    within: boolean | null;
  };
}

/** Phase 07 on the load cluster, as `runCloudLadder` would drive it (null in the rehearsal). */
export interface CloudLadderDetails {
  job: string;
  /** Set when the action would refuse the run before creating anything (a rung needs too many runners). */
  failure: string | null;
  /** Things that would not stop the run but limit it (stress rungs beyond the runners there are). */
  warnings: string[];
  /** `load.perRunnerRate`: transfers/s one k6 runner pod is given; null when missing (the action refuses). */
  perRunnerRate: number | null;
  loadNodes: { group: string; instanceType: string; desiredSize: number; maxSize: number };
  namespace: string;
  rungs: Array<{
    id: string;
    kind: 'ladder' | 'stress';
    rate: number;
    /** `runnersForRate`; null when the rung needs more runners than the node group has. */
    runners: number | null;
    /** ⌈rate / per-runner rate⌉, at least 1: what the rung asks for. */
    needed: number;
    /** Why the rung cannot run as planned, or null. */
    problem: string | null;
    testRun: string;
    arguments: string;
  }>;
  script: { path: string; configMap: string; key: string; maxBytes: number };
  remoteWrite: { service: string; portName: string; port: number; url: string; waitMinutes: number };
  promql: string;
  probe: {
    from: string;
    targets: Record<string, string>;
    attempts: number;
    requestTimeoutMs: number;
    deadlineMinutes: number;
    maxMedianMs: number;
    expectStatus: number[];
  };
  runnerEnv: string[];
  rungTimeoutMinutes: number;
  results: { dir: string; files: string[] };
  placeholders: Array<{ field: string; value: string; inThePipeline: string }>;
  tokens: string;
  outputs: string[];
}

export interface NotBuiltDetails {
  /** Why it does not run, plainly. */
  reason: string;
  /** What it would be given to do by this configuration. */
  asks: Ask[];
}

export interface PlannedRung extends RungPlan {
  /** Each load runner's share: k6 execution segment, rate and VUs. */
  runners: RunnerShare[];
  /** Tolerance of the count checks at this rate over the steady window, transfers. */
  countTolerance: number;
}

export interface PlannedSlo {
  slo: SloId;
  label: string;
  threshold: number;
  /** `≥ 99.50 %`, `≤ 1,000 ms`. */
  rule: string;
  meaning: string;
}

export interface LadderDetails {
  /** Set when the ladder does not run (not built, or skipped in the rehearsal). */
  reason: string | null;
  load: RunConfig['load'];
  rungs: PlannedRung[];
  /** Sum of the rungs' warm-up + hold + drain. */
  ladderSeconds: number;
  stress: {
    enabled: boolean;
    /** The last configured rung's rate: the search starts above it. */
    baseRate: number;
    stepPercent: number;
    maxRate: number;
    maxRungs: number;
    timeBudgetMinutes: number;
    resolution: number;
    /** The search's steps when every stress rung passes (`nextStressRate`), and why it would stop. */
    ifEveryRungPasses: { rates: number[]; seconds: number; stop: string };
    /** The stress time the cost estimate assumes (`planRunDuration`); null where nothing is estimated (local). */
    assumedByCostEstimate: { rungs: number; seconds: number } | null;
  };
  slos: PlannedSlo[];
  /** Facts that make a rung INVALID instead of PASS or FAIL. */
  validity: string[];
  /** How rungs decide the run. */
  rules: string[];
  /** The cloud run on k6-operator (aws); null in the rehearsal. */
  cloud: CloudLadderDetails | null;
}

export interface ReportSinkPlan {
  trigger: string;
  workflow: string;
  /** Whether this configuration's profile can reach that entry point. */
  appliesToProfile: boolean;
  profiles: string;
  sinks: string[];
}

export interface ReportDetails {
  condition: string;
  /** What the report would say with the chain as it is built today. */
  expectedVerdict: 'INVALID' | 'PASS, FAIL or INVALID';
  expectedSummary: string;
  reads: string;
  files: string[];
  sinks: ReportSinkPlan[];
  history: { branch: string; path: string; regressionRule: string };
}

export interface TeardownDetails {
  condition: string;
  /** Set when the teardown would not run. */
  skippedBecause: string | null;
  steps: Array<{ step: string; what: string }>;
  backend: BackendConfig;
  commands: PlannedCommand[];
  loadBalancerTimeoutMinutes: number;
  destroyAttempts: number;
}

export interface RehearsalDetails {
  job: string;
  command: string;
  localCommand: string;
  steps: Array<{ step: string; what: string }>;
  smokePairs: number;
  securityProbes: Array<{ control: string; probes: string[] }>;
  files: string[];
  ladder: LadderDetails;
}

interface PhaseOf<N extends string, D> {
  name: N;
  /** Heading, e.g. `01 Preflight`. */
  title: string;
  status: PhaseStatus;
  /** One sentence: what it would do, or why not. */
  summary: string;
  details: D;
}

export type DryRunPhase =
  | PhaseOf<'config', ConfigDetails>
  | PhaseOf<'preflight', PreflightDetails>
  | PhaseOf<'provision', ProvisionDetails>
  | PhaseOf<'platform', PlatformDetails>
  | PhaseOf<'mojaloop', MojaloopDetails>
  | PhaseOf<'load-infra', LoadInfraDetails>
  | PhaseOf<'first-test', NotBuiltDetails>
  | PhaseOf<'ladder', LadderDetails>
  | PhaseOf<'rehearsal', RehearsalDetails>
  | PhaseOf<'report', ReportDetails>
  | PhaseOf<'teardown', TeardownDetails>;

export type PhaseName = DryRunPhase['name'];

export interface DryRunPlan {
  profile: string;
  provider: 'aws' | 'local';
  region: string | null;
  runId: string;
  /** RFC 3339, the time the plan was made (expiry tags count from it). */
  plannedAt: string;
  /** Phase names in pipeline order. */
  chain: PhaseName[];
  /** Where the run would end, in one sentence. */
  outcome: string;
  /** The resolved configuration, as validate-config would output it. */
  config: RunConfig;
  phases: DryRunPhase[];
}
