/**
 * Facts of the pipeline that live in YAML and in the action shells rather than in the core: input
 * defaults of the actions (`actions/<name>/action.yml`), poll intervals of the shells
 * (`actions/<name>/src/names.ts`) and how the entry-point workflows use the report action. The dry
 * run describes the pipeline with them; `test/dryrun/pipeline-contract.test.ts` reads the YAML and
 * the shells and fails when one of these drifts.
 */

/** Defaults of the provision action's inputs (actions/provision/action.yml). */
export const PROVISION_DEFAULTS = {
  terraformDir: 'terraform/envs/perf',
  ttlHours: 8,
  waitTimeoutMinutes: 30,
  /** actions/provision/src/names.ts POLL_INTERVAL_MS. */
  pollSeconds: 30,
} as const;

/** Defaults of the teardown action's inputs (actions/teardown/action.yml). */
export const TEARDOWN_DEFAULTS = {
  loadBalancerTimeoutMinutes: 10,
  destroyAttempts: 4,
  /** actions/teardown/src/names.ts POLL_INTERVAL_MS. */
  pollSeconds: 15,
  /** Destroy ignores the expiry, but the variables must be valid: the shell passes now + 1 h. */
  expiryHours: 1,
} as const;

/** Defaults of the platform action's inputs (actions/platform/action.yml) and its job (perf-pipeline.yml). */
export const PLATFORM_DEFAULTS = {
  helmDir: 'helm',
  readinessTimeoutMinutes: 15,
  /** perf-pipeline.yml job `platform`: azure/setup-helm `version`. */
  helmVersion: 'v3.22.0',
  /** perf-pipeline.yml job `platform`: `timeout-minutes`. */
  jobTimeoutMinutes: 90,
  /** perf-pipeline.yml job `platform`: `needs`. */
  needs: ['config', 'preflight', 'provision'],
} as const;

/**
 * Defaults of the load-infra action's inputs (actions/load-infra/action.yml) and its job
 * (perf-pipeline.yml `load-infra`): the same needs as `platform`, so the two run side by side.
 */
export const LOAD_INFRA_DEFAULTS = {
  helmDir: 'helm',
  readinessTimeoutMinutes: 15,
  /** perf-pipeline.yml job `load-infra`: azure/setup-helm `version`. */
  helmVersion: 'v3.22.0',
  /** perf-pipeline.yml job `load-infra`: `timeout-minutes`. */
  jobTimeoutMinutes: 45,
  /** perf-pipeline.yml job `load-infra`: `needs`. */
  needs: ['config', 'preflight', 'provision'],
  /** The job it runs alongside: neither needs the other. */
  alongside: 'platform',
} as const;

/**
 * Defaults of the deploy-mojaloop action's inputs (actions/deploy-mojaloop/action.yml) and its job
 * (perf-pipeline.yml `mojaloop`).
 */
export const MOJALOOP_DEFAULTS = {
  helmDir: 'helm',
  readinessTimeoutMinutes: 20,
  /** perf-pipeline.yml job `mojaloop`: azure/setup-helm `version`. */
  helmVersion: 'v3.22.0',
  /** perf-pipeline.yml job `mojaloop`: `timeout-minutes`. */
  jobTimeoutMinutes: 90,
  /** perf-pipeline.yml job `mojaloop`: `needs`. */
  needs: ['config', 'preflight', 'provision', 'platform'],
  /** The inputs its step is given, each from the job named: the rest keep their defaults. */
  wiring: {
    config: 'config',
    'hub-cluster-name': 'provision',
    'hub-cluster-endpoint': 'provision',
    'hub-cluster-ca': 'provision',
    'db-endpoint': 'provision',
    'db-secret-arn': 'provision',
    'cache-endpoint': 'provision',
  },
  /** perf-pipeline.yml job `mojaloop`: the job outputs later jobs read. */
  jobOutputs: ['gateway-host', 'outbound-urls', 'security-posture'],
} as const;

/**
 * Defaults of the ladder action's inputs (actions/ladder/action.yml) and its job (perf-pipeline.yml
 * `ladder`). The script default is the core's (cloud-ladder/settings.ts); the per-runner rate is the
 * configuration's `load.perRunnerRate`.
 */
export const LADDER_DEFAULTS = {
  rungTimeoutMinutes: 10,
  /** perf-pipeline.yml job `ladder`: its step's `results-dir`. */
  resultsDir: 'mlperf-results',
  /** perf-pipeline.yml job `ladder`: `timeout-minutes`. */
  jobTimeoutMinutes: 300,
  /** perf-pipeline.yml job `ladder`: `needs`. */
  needs: ['config', 'preflight', 'provision', 'mojaloop', 'load-infra'],
  /** perf-pipeline.yml job `ladder`: the OIDC session the EKS tokens are re-minted from. */
  roleDurationSeconds: 21600,
  wiring: {
    config: 'config',
    'run-id': 'preflight',
    trigger: 'inputs',
    'started-at': 'config',
    'hub-cluster-name': 'provision',
    'hub-cluster-endpoint': 'provision',
    'hub-cluster-ca': 'provision',
    'load-cluster-name': 'provision',
    'load-cluster-endpoint': 'provision',
    'load-cluster-ca': 'provision',
    'outbound-urls': 'mojaloop',
    'security-posture': 'mojaloop',
    'results-dir': 'mlperf-results',
  },
  /** perf-pipeline.yml job `ladder`: the artifact its results go to. */
  artifact: 'mlperf-results',
} as const;

/** perf-pipeline.yml job `platform`: its step's `stack-outputs`, provision's typed outputs JSON. */
export const PLATFORM_STACK_INPUT = 'stack-outputs';

/**
 * Where the platform action writes a cluster's kubeconfig (core `writeKubeconfig`: a directory of its
 * own under the runner's temporary directory, `<cluster name>.kubeconfig` in it). `XXXXXX` stands for
 * the random part mkdtemp adds.
 */
export function kubeconfigPlaceholder(clusterName: string): string {
  return `$TMPDIR/mlperf-kube-XXXXXX/${clusterName}.kubeconfig`;
}

/**
 * The deploy-mojaloop shell's private directory (mkdtemp `mlperf-mojaloop-`, mode 0700): its hub
 * kubeconfig and the run values files live there.
 */
export const MOJALOOP_WORK_DIR = '$TMPDIR/mlperf-mojaloop-XXXXXX';
/** Where `verifyValuesKeys` pulls a chart (mkdtemp `mlperf-chart-`), removed afterwards. */
export const CHART_PULL_DIR = '$TMPDIR/mlperf-chart-XXXXXX';

/** The phases the report action lists for an AWS run (actions/report/src/names.ts PIPELINE_PHASES.aws). */
export const REPORT_PHASES_AWS = [
  'config',
  'preflight',
  'provision',
  'platform',
  'mojaloop',
  'load-infra',
  'ladder',
] as const;

/** The report action's output directory and the pipeline's artifact (perf-pipeline.yml). */
export const REPORT_OUTPUT_DIR = 'mlperf-report';
export const REPORT_ARTIFACT = 'mlperf-report';

/** The pipeline's rehearsal step (perf-pipeline.yml, job `rehearsal`). */
export const REHEARSAL_STEP =
  'npm run rehearse -- --config-file "$RUNNER_TEMP/run-config.json" --results-dir mlperf-results';

/** The pipeline's Terraform (perf-pipeline.yml, hashicorp/setup-terraform). */
export const TERRAFORM_VERSION = '1.11.4';

/** The workspace the actions resolve paths against, as the pipeline has it. */
export const PIPELINE_WORKSPACE = '$GITHUB_WORKSPACE';

/**
 * How an entry point that calls perf-pipeline.yml uses the report action. `profiles` are the
 * profiles it can run (`'any'`: the dispatcher chooses); the other fields are the report action's
 * inputs its report step sets.
 */
export interface ReportSinkUse {
  trigger: 'manual' | 'pull_request' | 'release';
  workflow: string;
  profiles: readonly string[] | 'any';
  /** pr-number: the sticky comment. */
  prComment: boolean;
  /** release-id: the results section in the release notes. */
  releaseNotes: boolean;
  publishOnPass: boolean;
  /** history-branch, or null for none. */
  historyBranch: string | null;
}

export const REPORT_SINK_USES: readonly ReportSinkUse[] = [
  {
    trigger: 'manual',
    workflow: '.github/workflows/full-run.yml',
    profiles: 'any',
    prComment: false,
    releaseNotes: false,
    publishOnPass: false,
    historyBranch: 'perf-history',
  },
  {
    trigger: 'pull_request',
    workflow: '.github/workflows/pr-smoke.yml',
    profiles: ['local'],
    prComment: true,
    releaseNotes: false,
    publishOnPass: false,
    historyBranch: null,
  },
  {
    trigger: 'release',
    workflow: '.github/workflows/release-gate.yml',
    profiles: ['aws-1000tps'],
    prComment: false,
    releaseNotes: true,
    publishOnPass: true,
    historyBranch: 'perf-history',
  },
];

/** The sinks one entry point writes, in words; the pipeline's own job summary and artifact first. */
export function describeSinks(use: ReportSinkUse): string[] {
  const sinks = [
    'job summary (report job of perf-pipeline.yml)',
    `artifact ${REPORT_ARTIFACT} (report.md, results.json)`,
  ];
  if (use.prComment) {
    sinks.push('sticky pull-request comment, updated in place (same-repository PRs only; forks get none)');
  }
  if (use.releaseNotes) sinks.push('results section in the release notes');
  if (use.publishOnPass)
    sinks.push('publishes the held release on PASS; otherwise it stays held and the check fails');
  if (use.historyBranch !== null) {
    sinks.push(`history store on branch ${use.historyBranch}, compared with the previous comparable run`);
  }
  return sinks;
}
