// AWS helpers: identity, quotas, EKS waits and tokens, load balancers and the orphan check.
export {
  type AwsClientConfig,
  type AwsClientSettings,
  type AwsCredentials,
  type AwsRetryMode,
  awsClientConfig,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_RETRY_MODE,
} from './client-config.js';
export { type Clock, formatDuration, systemClock } from './clock.js';
export {
  createEksToken,
  EKS_TOKEN_PREFIX,
  EKS_TOKEN_URL_EXPIRY_SECONDS,
  type EksToken,
  type EksTokenRequest,
  stsHostname,
} from './eks-token.js';
export {
  type ClusterTarget,
  createEksStatusApi,
  describeResource,
  type EksStatusApi,
  EksWaitError,
  type HealthIssue,
  type ResourceReport,
  type ResourceStatus,
  type WaitOptions,
  waitForClusters,
} from './eks-wait.js';
export {
  AwsAccessDeniedError,
  AwsCallError,
  awsErrorCode,
  callAws,
  callAwsOr,
  describeAwsFailure,
  isAccessDenied,
  isNotFound,
  isThrottling,
} from './errors.js';
export {
  type AwsIdentity,
  type CallerIdentity,
  createAwsIdentity,
  roleArnFromCallerArn,
} from './identity.js';
export {
  familyPrefix,
  isStandardFamily,
  lookupVcpus,
  UnknownInstanceTypeError,
  vcpusOf,
} from './instance-types.js';
export {
  createKubeLoadBalancerApi,
  elbv2InterfaceDescription,
  isKubernetesSecurityGroup,
  isRunKubernetesLoadBalancer,
  type KubeLoadBalancerApi,
  type KubeLoadBalancerClients,
  type LoadBalancerInfo,
  LoadBalancerWaitError,
  type NetworkInterfaceInfo,
  type RemoveOptions,
  type RemoveResult,
  type RunScope,
  removeKubernetesLoadBalancers,
  retryDeferredSecurityGroups,
  type SecurityGroupDeletion,
  type SecurityGroupInfo,
} from './load-balancers.js';
export {
  createOrphanApi,
  findOrphans,
  type Orphan,
  type OrphanApi,
  type OrphanClients,
  type OrphanKind,
  type OrphanQuery,
  type OrphanReport,
  orphanFilterSets,
  renderOrphanMarkdown,
} from './orphans.js';
export {
  estimateUsd,
  LOCAL_NOTE,
  type PreflightClients,
  type PreflightOptions,
  type PreflightResult,
  type PreflightVerdict,
  renderPreflightMarkdown,
  runPreflight,
} from './preflight.js';
export {
  type AwsQuotas,
  type AwsUsage,
  checkQuotas,
  createAwsQuotas,
  createAwsUsage,
  DEFAULT_STACK_LAYOUT,
  natGatewayCount,
  nodeGroupsOf,
  QUOTAS,
  type QuotaDefinition,
  type QuotaId,
  type QuotaNeed,
  type QuotaRow,
  quotaNeeds,
  quotaShortfalls,
  type StackLayout,
} from './quotas.js';
export {
  EKS_CLUSTER_NAME_TAG,
  KUBERNETES_CLUSTER_TAG_PREFIX,
  kubernetesClusterOf,
  LB_CONTROLLER_CLUSTER_TAG,
  RUN_ID_TAG,
  type Tags,
  tagsFromList,
} from './tags.js';
