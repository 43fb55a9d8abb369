// The local dry run: a resolved configuration in, what each pipeline phase would do out (no network).

export { PROMETHEUS_HOST_PLACEHOLDER, planCloudLadder } from './cloud-ladder.js';
export {
  DFSP_FLEET_VERSION_UNKNOWN,
  GATEWAY_HOST_PLACEHOLDER,
  HUB_ENDPOINT_PLACEHOLDER,
  planMojaloopDetails,
} from './mojaloop.js';
export {
  DEFAULT_DRY_RUN_PROFILE,
  DRY_RUN_USAGE,
  type DryRunOptions,
  DryRunOptionsError,
  type ParsedDryRunArgs,
  parseDryRunArgs,
} from './options.js';
export {
  CHART_PULL_DIR,
  describeSinks,
  kubeconfigPlaceholder,
  LADDER_DEFAULTS,
  LOAD_INFRA_DEFAULTS,
  MOJALOOP_DEFAULTS,
  MOJALOOP_WORK_DIR,
  PIPELINE_WORKSPACE,
  PLATFORM_DEFAULTS,
  PLATFORM_STACK_INPUT,
  PROVISION_DEFAULTS,
  REHEARSAL_STEP,
  REPORT_ARTIFACT,
  REPORT_OUTPUT_DIR,
  REPORT_PHASES_AWS,
  REPORT_SINK_USES,
  type ReportSinkUse,
  TEARDOWN_DEFAULTS,
  TERRAFORM_VERSION,
} from './pipeline.js';
export {
  DEFAULT_OWNER,
  type DryRunInput,
  DryRunInputError,
  type DryRunPlatformInput,
  LADDER_VERDICT_RULE,
  PLACEHOLDER_ROLE_ARN,
  PLACEHOLDER_STATE_BUCKET,
  planDryRun,
  planLadderDetails,
} from './plan.js';
export { columns, keyValueLines, renderDryRunJson, renderDryRunText } from './render.js';
export {
  choiceErrorText,
  givenChoices,
  type Resolution,
  type ResolveInput,
  resolveDryRunConfig,
} from './resolve.js';
export type * from './types.js';
export { PHASE_STATUSES } from './types.js';
