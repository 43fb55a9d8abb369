/** Input and output names of the action, shared by the shell and its tests (see action.yml). */
export const Inputs = {
  Config: 'config',
  RunId: 'run-id',
} as const;

export const Outputs = {
  Ok: 'ok',
  EstimateUsd: 'estimate-usd',
  HourlyUsd: 'hourly-usd',
  RunId: 'run-id',
} as const;
