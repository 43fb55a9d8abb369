// verify-security: negative probes that establish the hub's enforced security posture.
// The package root (`@mlperf/core`) re-exports only the posture types and the probe-DFSP helpers;
// verifySecurity and the FSPIOP builders load @mojaloop/sdk-standard-components (CommonJS, ~0.4 MB
// bundled), so callers that run the probes import this module: `@mlperf/core/security/index`.

// The verify-security Job's target and result lines. Its log parser (parseSecurityJobLog) is in
// cluster-target.ts and not re-exported here: it loads the results schema, and the Job's bundle
// imports this module.
export {
  formatSecurityJobError,
  formatSecurityJobLine,
  type ReadMountedText,
  SECURITY_JOB_RECEIVER_HOST,
  securityTargetFromMounts,
} from './cluster-mounts.js';
export {
  buildFulfil,
  buildTransferPrepare,
  decodeSignatureHeader,
  type FspiopHeaderInput,
  type FspiopMethod,
  type FspiopResource,
  fspiopHeaders,
  fulfilmentMatches,
  type PrepareInput,
  type SignInput,
  signRequest,
  type TransferFulfil,
  type TransferPrepare,
  wrongFulfilment,
} from './fspiop.js';
export {
  aggregateControl,
  type BaselineResult,
  buildPosture,
  CONTROL_LABELS,
  CONTROLS,
  type ControlName,
  type ControlPosture,
  type ControlStatus,
  formatPosture,
  PROBE_CONTROL,
  PROBES,
  type ProbeName,
  type ProbeOutcome,
  type ProbeResult,
  probeResult,
  type SecurityPosture,
} from './posture.js';
export {
  type LocalTargetInput,
  localReceiverBaseUrl,
  localSecurityTarget,
  PROBE_FSP_IDS,
  PROBE_PAYEE_FSP_ID,
  PROBE_PAYER_FSP_ID,
  probeCallbackBaseUrl,
  probeDfspSpecs,
} from './probe-dfsps.js';
export { ProbeReceiver, type ReceivedCallback, type ReceiverOptions } from './receiver.js';
export {
  classifyTransportError,
  createTlsHttpClient,
  type TlsClientOptions,
  TransportError,
  type TransportFailure,
} from './tls-client.js';
export {
  DEFAULT_PROBE_TIMEOUTS,
  type ProbeDfspCredentials,
  type ProbeTimeouts,
  type SecurityTarget,
  type VerifyDependencies,
  verifySecurity,
} from './verify.js';
