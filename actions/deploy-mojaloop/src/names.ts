/** Input and output names of the action, shared by the shell and its tests (see action.yml). */
export const Inputs = {
  Config: 'config',
  HubClusterName: 'hub-cluster-name',
  HubClusterEndpoint: 'hub-cluster-endpoint',
  HubClusterCa: 'hub-cluster-ca',
  DbEndpoint: 'db-endpoint',
  DbSecretArn: 'db-secret-arn',
  CacheEndpoint: 'cache-endpoint',
  ReadinessTimeoutMinutes: 'readiness-timeout-minutes',
  HelmDir: 'helm-dir',
} as const;

export const Outputs = {
  Installed: 'installed',
  GatewayHost: 'gateway-host',
  OutboundUrls: 'outbound-urls',
  Health: 'health',
  SecurityPosture: 'security-posture',
} as const;
