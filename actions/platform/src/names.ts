/** Input and output names of the action, shared by the shell and its tests (see action.yml). */
export const Inputs = {
  Config: 'config',
  HubClusterName: 'hub-cluster-name',
  HubClusterEndpoint: 'hub-cluster-endpoint',
  HubClusterCa: 'hub-cluster-ca',
  StackOutputs: 'stack-outputs',
  ReadinessTimeoutMinutes: 'readiness-timeout-minutes',
  HelmDir: 'helm-dir',
} as const;

export const Outputs = {
  Installed: 'installed',
} as const;
