// Phase 03, the platform: pinned upstream charts, what goes where, Helm invocations and the install loop.
export { HELM_APPLY_TIMEOUT, HelmError, helmUpgrade, helmUpgradeArgs } from './helm.js';
export {
  type InstallOutcome,
  installPlatform,
  type PlatformDeps,
  type PlatformResult,
  type ReadinessResult,
} from './install.js';
export { type ClusterAccess, type KubeconfigFile, kubeconfigYaml, writeKubeconfig } from './kubeconfig.js';
export { type ChartPin, ChartPinSchema, loadChartPins, parseChartPins } from './pins.js';
export {
  annotationPath,
  type ClusterRole,
  checkStackValue,
  helmPathParts,
  LB_SECURITY_GROUPS_ANNOTATION,
  LOAD_INFRA_RELEASES,
  PLATFORM_RELEASES,
  type PlannedInstall,
  type PlatformPlanInput,
  type PlatformRelease,
  planPlatform,
  type SetValue,
  STACK_VALUE_RULES,
  type StackValueName,
  type StackValues,
  stackValuePlaceholder,
  stackValuesDocument,
} from './plan.js';
export { onlyWorkloadNamed } from './readiness.js';
export { readStackOutputsInput, type StackOutputField } from './stack-input.js';
