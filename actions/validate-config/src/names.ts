/** Input and output names of the action, shared by the shell and its tests (see action.yml). */
export const Inputs = {
  Profile: 'profile',
  Overrides: 'overrides',
  ProfilesDir: 'profiles-dir',
  Rates: 'rates',
  DfspCount: 'dfsp-count',
  KeepInfra: 'keep-infra',
  CostCapUsd: 'cost-cap-usd',
} as const;

export const Outputs = {
  Config: 'config',
  Profile: 'profile',
  Provider: 'provider',
} as const;
