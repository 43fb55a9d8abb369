// The local stack supervisor (README.md).
export * from './endpoints.js';
export * from './health.js';
export * from './logs.js';
export * from './onboard.js';
export * from './paths.js';
export * from './ports.js';
export * from './process.js';
export * from './prometheus.js';
export * from './sdk-client.js';
export * from './settings.js';
export * from './state.js';
export * from './supervisor.js';
