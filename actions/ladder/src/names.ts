/** Input and output names of the action, shared by the shell and its tests (see action.yml). */
export const Inputs = {
  Config: 'config',
  RunId: 'run-id',
  Trigger: 'trigger',
  StartedAt: 'started-at',
  OutboundUrls: 'outbound-urls',
  Script: 'script',
  ResultsDir: 'results-dir',
  RungTimeoutMinutes: 'rung-timeout-minutes',
  SecurityPosture: 'security-posture',
} as const;

export const Outputs = {
  ResultsPath: 'results-path',
  Verdict: 'verdict',
  MaxRate: 'max-rate',
  Rungs: 'rungs',
} as const;

/** Time one rung may take beyond its own length (scheduling, image pull, collection): the runner's default. */
export const DEFAULT_RUNG_TIMEOUT_MINUTES = 10;

/** Where results.json goes when `results-dir` is empty, relative to the workspace. */
export const DEFAULT_RESULTS_DIR = 'results';
