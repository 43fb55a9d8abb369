/**
 * What the verify-security Job on the hub cluster and the phase that runs it agree on: its env names,
 * where its credentials are mounted, and the lines it prints. No imports, so the Job's entry
 * (actions/deploy-mojaloop/src/jobs/verify-security.ts) and the manifests
 * (mojaloop/security-job.ts) share it without dragging other code along.
 *
 * Mount layout under {@link SECURITY_JOB_CREDENTIALS_DIR}:
 *   mtls/<fspId>/tls.crt, tls.key, ca.crt   cert-manager's Secret keys (absent when mTLS is off)
 *   jws/<fspId>/private.pem                 the DFSP's JWS signing key
 * for the probe payer, the probe payee and the "foreign" DFSP whose key signs the foreign-signature
 * probe (only its jws/ folder). Optionally
 *   receiver/tls.crt, tls.key               the receiver's server certificate (a kubernetes.io/tls
 *                                           Secret); when present the receiver serves HTTPS
 * The probe payer's ca.crt is the CA the hub's server certificate is checked against.
 */

export const SECURITY_JOB_ENV = {
  /** The hub's FSPIOP base URL as the Job reaches it (the gateway's in-cluster address). */
  hubUrl: 'MLPERF_VS_HUB_URL',
  currency: 'MLPERF_VS_CURRENCY',
  /** Port the probe receiver listens on inside the pod (HTTPS only with the receiver TLS mount). */
  receiverPort: 'MLPERF_VS_RECEIVER_PORT',
  /** URL the switch reaches the receiver at: the Job's Service. */
  receiverBaseUrl: 'MLPERF_VS_RECEIVER_BASE_URL',
  /** The fleet DFSP whose JWS key plays "another DFSP's key". */
  foreignFspId: 'MLPERF_VS_FOREIGN_FSP',
  /** Where the credentials are mounted (default {@link SECURITY_JOB_CREDENTIALS_DIR}). */
  credentialsDir: 'MLPERF_VS_CREDENTIALS_DIR',
} as const;

export const SECURITY_JOB_CREDENTIALS_DIR = '/var/run/mlperf-verify';

/** Sub-folders and file names of the mount layout (see the module comment). */
export const SECURITY_JOB_FILES = {
  mtlsDir: 'mtls',
  jwsDir: 'jws',
  cert: 'tls.crt',
  key: 'tls.key',
  ca: 'ca.crt',
  jwsKey: 'private.pem',
  /** Optional: the receiver's server certificate and key (`cert`, `key`); absent means plain HTTP. */
  receiverTlsDir: 'receiver',
} as const;

/** `MLPERF_SECURITY_POSTURE <json of SecurityPosture>`: the Job's result, printed once on stdout. */
export const SECURITY_POSTURE_LINE = 'MLPERF_SECURITY_POSTURE';
/** `MLPERF_SECURITY_ERROR <message>`: verify-security could not run (no secrets in the message). */
export const SECURITY_ERROR_LINE = 'MLPERF_SECURITY_ERROR';
