/** Kubernetes: clients from cluster coordinates, the k6-operator rung runner, waits and checks. */
export * from './checks.js';
export * from './client.js';
export * from './diagnose.js';
export * from './k6-operator-runner.js';
export * from './probe.js';
export * from './testrun.js';
export * from './wait.js';
