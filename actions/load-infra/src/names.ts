/** Input and output names of the action, shared by the shell and its tests (see action.yml). */
export const Inputs = {
  Config: 'config',
  ReadinessTimeoutMinutes: 'readiness-timeout-minutes',
  HelmDir: 'helm-dir',
} as const;

export const Outputs = {
  Installed: 'installed',
  HubClean: 'hub-clean',
} as const;
