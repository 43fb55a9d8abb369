// Phase 07: the TPS ladder on the load cluster — script ConfigMap, hub Prometheus remote write and PromQL, connectivity probe, results.

export {
  MAX_RUNNER_ROWS,
  RUNNER_SUMMARIES_FILE,
  type RungRunners,
  type RunnerSummaryEntry,
  runnerTableLines,
} from '../report/runner-table.js';
export { OUTBOUND_URLS_INPUT, type OutboundUrls, parseOutboundUrls } from './outbound-urls.js';
export {
  type CloudLadderDeps,
  type CloudLadderOutcome,
  type CloudLadderParams,
  fleetEnv,
  judgeProbe,
  LADDER_ENV,
  type ProbeJob,
  runCloudLadder,
} from './phase.js';
export {
  type ClusterFetchOptions,
  clusterFetch,
  createHubPromQuery,
  findRemoteWriteUrl,
  type HubPromQueryOptions,
  type PrometheusService,
  type RemoteWriteOptions,
  serviceProxyBaseUrl,
} from './prometheus.js';
export { buildCloudResults, type CloudRunFacts, configuredSecurityHint, rungResult } from './results.js';
export {
  applyScriptConfigMap,
  deleteScriptConfigMap,
  type K6Script,
  readK6Script,
  type ScriptConfigMap,
  scriptConfigMapName,
} from './script.js';
export {
  DEFAULT_SCRIPT,
  HUB_PROMETHEUS,
  K6_RUN_NAMESPACE,
  kubePrometheusStackFullname,
  LOAD_BALANCER_POLL_MS,
  LOAD_BALANCER_WAIT_MS,
  MAX_SCRIPT_BYTES,
  PROBE,
  TRANSFER_AMOUNT,
} from './settings.js';
