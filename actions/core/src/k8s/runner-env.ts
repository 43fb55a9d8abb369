/**
 * What a k6 runner pod and the k6 script agree on: env names and the summary marker. No imports, so
 * the k6 bundle (k6/src/lib/contract.ts) can take it without dragging Node-only code along; the
 * TestRun builder (testrun.ts) and the ladder phase (cloud-ladder/phase.ts) use the same constants.
 */

/** Env the runner pods get from `buildTestRun` besides the remote-write settings. */
export const RUNNER_ENV = {
  testId: 'MLPERF_TEST_ID',
  rung: 'MLPERF_RUNG',
  /** JSON of `buildRungOptions(rung, load, testId)`: scenarios (TOTAL rate/VUs), tags, trend stats. */
  options: 'MLPERF_RUNG_OPTIONS',
  /**
   * The runner's Job name (`<TestRun>-<i>`) from the pod's `job-name` label: the script sets it as
   * its `runner` tag (ladder/metrics.ts `K6_TAGS.runner`) so runners' series stay apart in Prometheus.
   */
  runner: 'MLPERF_RUNNER',
} as const;

/** Env the ladder phase adds through `TestRunParams.env`: where the SDKs are and what to send. */
export const SCRIPT_ENV = {
  /** JSON `{ "<fspId>": "<base URL of that DFSP's SDK outbound API>" }`. */
  outboundUrls: 'MLPERF_OUTBOUND_URLS',
  /** JSON of the fleet settings (k6/src/lib/settings.ts `FleetSettings`). */
  fleet: 'MLPERF_FLEET',
} as const;

/**
 * The line a runner's `handleSummary` prints to stdout: `MLPERF_SUMMARY <json of the summary>`;
 * `parseSummary` (testrun.ts) reads the last one from the runner's log.
 */
export const SUMMARY_MARKER = 'MLPERF_SUMMARY';
