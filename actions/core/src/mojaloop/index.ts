// Phase 04, the Mojaloop hub: values per profile, the deploy plan and loop, onboarding through the
// API server proxy, and the health check.
export * from './cluster.js';
export * from './deploy.js';
export * from './health.js';
export * from './keys.js';
export * from './master-secret.js';
export * from './names.js';
export * from './objects.js';
export * from './onboard.js';
export * from './plan.js';
export * from './proxy-http.js';
export * from './security-job.js';
export * from './source-binding.js';
export * from './values.js';
