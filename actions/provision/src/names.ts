/** Input and output names of the action, shared by the shell and its tests (see action.yml). */
export const Inputs = {
  Config: 'config',
  RunId: 'run-id',
  StateBucket: 'state-bucket',
  StateKey: 'state-key',
  StateRegion: 'state-region',
  TerraformDir: 'terraform-dir',
  Owner: 'owner',
  TtlHours: 'ttl-hours',
  PipelineRoleArn: 'pipeline-role-arn',
  WaitTimeoutMinutes: 'wait-timeout-minutes',
} as const;

export const Outputs = {
  Outputs: 'outputs',
  HubClusterName: 'hub-cluster-name',
  HubClusterEndpoint: 'hub-cluster-endpoint',
  HubClusterCa: 'hub-cluster-ca',
  LoadClusterName: 'load-cluster-name',
  LoadClusterEndpoint: 'load-cluster-endpoint',
  LoadClusterCa: 'load-cluster-ca',
  VpcId: 'vpc-id',
  DbEndpoint: 'db-endpoint',
  CacheEndpoint: 'cache-endpoint',
  DbSecretArn: 'db-secret-arn',
  HubToken: 'hub-token',
  LoadToken: 'load-token',
  TokenExpiresAt: 'token-expires-at',
} as const;

/** Seconds between EKS status polls. */
export const POLL_INTERVAL_MS = 30_000;
