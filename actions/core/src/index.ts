// Public API of @mlperf/core. Each idea lives in its own folder; this file only re-exports.

export * from './aws/index.js';
export * from './config/index.js';
export * from './cost/index.js';
export * from './fleet/names.js';
export * from './github/index.js';
export * from './janitor/index.js';
export * from './ladder/index.js';
export * from './onboarding/index.js';
export * from './prometheus/index.js';
export * from './report/index.js';
export * from './results/index.js';
export * from './security/posture.js';
export * from './security/probe-dfsps.js';
export * from './slo/index.js';
export * from './terraform/index.js';
