// The local dry run: a resolved configuration in, what each pipeline phase would do out (no network).
export {
  DEFAULT_DRY_RUN_PROFILE,
  DRY_RUN_USAGE,
  type DryRunOptions,
  DryRunOptionsError,
  type ParsedDryRunArgs,
  parseDryRunArgs,
} from './options.js';
export {
  describeSinks,
  kubeconfigPlaceholder,
  LOAD_INFRA_DEFAULTS,
  PIPELINE_WORKSPACE,
  PLATFORM_DEFAULTS,
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
