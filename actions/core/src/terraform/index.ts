// Terraform: the runner, the commands, variables in, outputs out, and the provision and teardown phases.
export {
  type BackendConfig,
  stripAnsi,
  Terraform,
  TerraformError,
  type TerraformOptions,
  tail,
} from './cli.js';
export {
  DEFAULT_DESTROY_RETRY,
  type DestroyRetryOptions,
  destroyWithRetries,
  isDependencyError,
} from './destroy.js';
export {
  type ClusterOutputs,
  clusterNamesFromOutputs,
  OPTIONAL_OUTPUT_NAMES,
  OUTPUT_NAMES,
  parseStackOutputs,
  type StackOutputs,
  StackOutputsError,
} from './outputs.js';
export {
  type ChangeKind,
  type PlanSummary,
  renderPlanMarkdown,
  summarizePlan,
  type TypeCounts,
} from './plan-summary.js';
export {
  PLAN_FILE_NAME,
  type ProvisionDeps,
  type ProvisionInput,
  type ProvisionResult,
  provisionStack,
  VAR_FILE_NAME,
  varFilePath,
} from './provision.js';
export {
  defaultStateKey,
  expiresAt,
  RFC3339_PATTERN,
  RUN_ID_ALLOWED,
  RUN_ID_PATTERN,
  resolveRunId,
  rfc3339,
  validateRunId,
} from './run-meta.js';
export {
  type CommandOptions,
  type CommandResult,
  type CommandRunner,
  createProcessRunner,
  type OutputSink,
  STREAM_TAIL_BYTES,
} from './runner.js';
export {
  renderTeardownMarkdown,
  runTeardown,
  type StepName,
  type StepOutcome,
  type TeardownDeps,
  type TeardownInput,
  type TeardownReport,
} from './teardown.js';
export {
  ROLE_LABEL,
  type TerraformMeta,
  type TerraformNodeGroup,
  type TerraformTaint,
  type TerraformVariables,
  toTerraformVariables,
  writeTerraformVariables,
} from './variables.js';
