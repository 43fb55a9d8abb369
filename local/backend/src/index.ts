// The payee-side DFSP backend simulator (README.md).
export * from './simulator.js';
