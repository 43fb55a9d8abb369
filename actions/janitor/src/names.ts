/** Input and output names of the action, shared by the shell and its tests (see action.yml). */
export const Inputs = {
  Regions: 'regions',
  StateBucket: 'state-bucket',
  StateRegion: 'state-region',
  TerraformDir: 'terraform-dir',
  MaxStacks: 'max-stacks',
  DryRun: 'dry-run',
  LoadBalancerTimeoutMinutes: 'load-balancer-timeout-minutes',
  DestroyAttempts: 'destroy-attempts',
} as const;

export const Outputs = {
  Removed: 'removed',
  Failed: 'failed',
  Report: 'report',
} as const;

/** Between polls of load balancers and network interfaces (as in the teardown action). */
export const POLL_INTERVAL_MS = 15_000;
