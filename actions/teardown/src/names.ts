/** Input and output names of the action, shared by the shell and its tests (see action.yml). */
export const Inputs = {
  Config: 'config',
  RunId: 'run-id',
  StateBucket: 'state-bucket',
  StateKey: 'state-key',
  StateRegion: 'state-region',
  TerraformDir: 'terraform-dir',
  Owner: 'owner',
  PipelineRoleArn: 'pipeline-role-arn',
  ClusterNames: 'cluster-names',
  LoadBalancerTimeoutMinutes: 'load-balancer-timeout-minutes',
  DestroyAttempts: 'destroy-attempts',
  IgnoreKeepInfra: 'ignore-keep-infra',
} as const;

export const Outputs = {
  Clean: 'clean',
  Leftovers: 'leftovers',
} as const;

/** Between polls of load balancers and network interfaces. */
export const POLL_INTERVAL_MS = 15_000;
