/** Input and output names of the action, shared by the shell and its tests (see action.yml). */
export const Inputs = {
  Profile: 'profile',
  Overrides: 'overrides',
  ProfilesDir: 'profiles-dir',
} as const;

export const Outputs = {
  Config: 'config',
  Profile: 'profile',
  Provider: 'provider',
} as const;
