/** Input and output names of the action, shared by the shell and its tests (see action.yml). */
export const Inputs = {
  Config: 'config',
  RunId: 'run-id',
  Trigger: 'trigger',
  StartedAt: 'started-at',
  ResultsPath: 'results-path',
  Phases: 'phases',
  OutputDir: 'output-dir',
  GithubToken: 'github-token',
  PrNumber: 'pr-number',
  ReleaseId: 'release-id',
  PublishOnPass: 'publish-on-pass',
  HistoryBranch: 'history-branch',
  FullReportUrl: 'full-report-url',
} as const;

export const Outputs = {
  Verdict: 'verdict',
  Summary: 'summary',
  MaxRate: 'max-rate',
  RunId: 'run-id',
  ReportPath: 'report-path',
  ResultsPath: 'results-path',
  CommentUrl: 'comment-url',
  Regression: 'regression',
  Published: 'published',
} as const;

/** The pipeline's phases (job ids of perf-pipeline.yml) in order, per provider. */
export const PIPELINE_PHASES = {
  aws: ['config', 'preflight', 'provision', 'platform', 'mojaloop', 'load-infra', 'ladder'],
  local: ['config', 'rehearsal'],
} as const;

/** The release-notes block and the sticky comment are keyed by this prefix and the profile. */
export const SINK_KEY_PREFIX = 'perf';
