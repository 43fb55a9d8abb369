export {
  type ConfigIssue,
  formatIssue,
  formatPath,
  RunConfigError,
  type RunConfigErrorOptions,
  renderValue,
} from './errors.js';
export { runConfigJsonSchema } from './json-schema.js';
export { type LoadRunConfigOptions, listProfiles, loadRunConfig } from './load.js';
export {
  checkMojaloopSizing,
  componentReplicas,
  databaseMaxConnections,
  MOJALOOP_COMPONENTS,
  type MojaloopComponent,
  MojaloopSchema,
  type MojaloopSettings,
  totalDbConnections,
} from './mojaloop.js';
export { mergeOverrides, type Overrides, parseOverrideAssignments } from './overrides.js';
export {
  DB_CONNECTION_HEADROOM_PERCENT,
  RDS_INSTANCE_MEMORY_GIB,
  rdsMaxConnections,
  usableConnections,
} from './rds-memory.js';
export {
  type AwsInfrastructure,
  type Infrastructure,
  type LoadSettings,
  type NodeGroup,
  PROFILE_NAME,
  type RegressionSettings,
  type ReportSettings,
  type RunConfig,
  type RunConfigInput,
  RunConfigSchema,
  type Rung,
  type SloSettings,
  type StressSettings,
  type TrafficPair,
} from './schema.js';
export { validateRunConfig } from './validate.js';
