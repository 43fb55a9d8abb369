/**
 * What each process of the stack is told: the hub's `hub.json` (contract in local/README.md) and the
 * environment of each SDK scheme adapter 18 (names checked against its src/config.js; see README).
 * Pure functions of the port plan, the PKI paths and the run configuration's security switches.
 */
import type { RunConfig } from '@mlperf/core/config/schema';
import { HUB_FSP_ID } from '@mlperf/core/fleet/names';
import type { PkiMaterial } from '../../pki/src/index.js';
import type { DfspPorts, RedisMode, StackPorts } from './ports.js';

export type SecuritySettings = RunConfig['security'];

export const FULL_SECURITY: SecuritySettings = { mtls: true, jwsSign: true, jwsValidate: true, ilp: true };

/** SDK log volume: `errors` keeps errors, warnings and start/stop lines; `all` is SDK 18's full output. */
export type SdkLogMode = 'errors' | 'all';

export interface TlsPaths {
  caPath: string;
  certPath: string;
  keyPath: string;
}

/** `hub.json`, exactly the shape local/README.md specifies. */
export interface HubConfig {
  host: '127.0.0.1';
  fspiopPort: number;
  adminPort: number;
  alsPort: number;
  hubFspId: string;
  tls: TlsPaths | null;
  callbackTls: TlsPaths | null;
  jws: { validate: boolean; verificationKeysDir: string; signingKeyPath: string };
  ilp: { check: boolean };
  retentionSeconds: number;
}

export function hubConfig(options: {
  ports: StackPorts;
  pki: PkiMaterial;
  security: SecuritySettings;
  retentionSeconds?: number;
}): HubConfig {
  const { ports, pki, security } = options;
  const switchKeys = pki.jws.get(HUB_FSP_ID);
  if (!switchKeys) throw new Error(`the PKI has no JWS keys for ${HUB_FSP_ID}`);
  return {
    host: '127.0.0.1',
    fspiopPort: ports.hub.fspiop,
    adminPort: ports.hub.admin,
    alsPort: ports.hub.als,
    hubFspId: HUB_FSP_ID,
    tls: security.mtls
      ? { caPath: pki.ca.certPath, certPath: pki.hub.server.certPath, keyPath: pki.hub.server.keyPath }
      : null,
    callbackTls: security.mtls
      ? { caPath: pki.ca.certPath, certPath: pki.hub.client.certPath, keyPath: pki.hub.client.keyPath }
      : null,
    jws: {
      validate: security.jwsValidate,
      verificationKeysDir: pki.jwsPublicDir,
      signingKeyPath: switchKeys.privateKeyPath,
    },
    ilp: { check: security.ilp },
    retentionSeconds: options.retentionSeconds ?? 60,
  };
}

const flag = (value: boolean) => (value ? 'true' : 'false');

/**
 * The environment of one SDK scheme adapter 18 process. Every name is read by
 * node_modules/@mojaloop/sdk-scheme-adapter/src/config.js (a unit test checks that), except
 * `SIM_NAME` (index.js: the logger's `simulator` context) and the two `MLPERF_*` names our preload
 * (sdk-preload.mjs) reads.
 */
export function sdkEnvironment(options: {
  dfsp: DfspPorts;
  ports: StackPorts;
  pki: PkiMaterial;
  security: SecuritySettings;
  ilpSecret: string;
  /** Which Redis the SDK uses (default: its own, `dfsp.redis`). */
  redis?: RedisMode;
  expirySeconds?: number;
  logMode?: SdkLogMode;
}): Record<string, string> {
  const { dfsp, ports, pki, security } = options;
  const tls = pki.dfsps.get(dfsp.fspId);
  const jws = pki.jws.get(dfsp.fspId);
  if (!tls || !jws) throw new Error(`the PKI has no material for ${dfsp.fspId}`);
  const env: Record<string, string> = {
    DFSP_ID: dfsp.fspId,
    PEER_ENDPOINT: `127.0.0.1:${ports.hub.fspiop}`,
    BACKEND_ENDPOINT: `127.0.0.1:${dfsp.backend}`,
    INBOUND_LISTEN_PORT: String(dfsp.inbound),
    OUTBOUND_LISTEN_PORT: String(dfsp.outbound),
    METRICS_SERVER_LISTEN_PORT: String(dfsp.metrics),
    CACHE_URL: `redis://127.0.0.1:${(options.redis ?? 'per-dfsp') === 'shared' ? ports.redis : dfsp.redis}`,
    ILP_SECRET: options.ilpSecret,
    CHECK_ILP: flag(security.ilp),
    EXPIRY_SECONDS: String(options.expirySeconds ?? 60),
    AUTO_ACCEPT_QUOTES: 'true',
    AUTO_ACCEPT_PARTY: 'true',
    JWS_SIGN: flag(security.jwsSign),
    // SDK 18 leaves PUT /parties out of signing and validation unless told otherwise; the payee side
    // (InboundTransfersModel) signs it whenever JWS_SIGN is on, so validate it too.
    JWS_SIGN_PUT_PARTIES: flag(security.jwsSign),
    JWS_SIGNING_KEY_PATH: jws.privateKeyPath,
    VALIDATE_INBOUND_JWS: flag(security.jwsValidate),
    VALIDATE_INBOUND_PUT_PARTIES_JWS: flag(security.jwsValidate),
    JWS_VERIFICATION_KEYS_DIRECTORY: pki.jwsPublicDir,
    INBOUND_MUTUAL_TLS_ENABLED: flag(security.mtls),
    OUTBOUND_MUTUAL_TLS_ENABLED: flag(security.mtls),
    // One JSON object per line: cheaper to write and to read than SDK 18's default indent of 2.
    LOG_INDENT: '0',
    ENABLE_TEST_FEATURES: 'false',
    PM4ML_ENABLED: 'false',
    SIM_NAME: dfsp.fspId,
    MLPERF_SDK_LOG: options.logMode ?? 'errors',
    MLPERF_BIND_HOST: '127.0.0.1',
  };
  if (security.mtls) {
    Object.assign(env, {
      IN_CA_CERT_PATH: pki.ca.certPath,
      IN_SERVER_CERT_PATH: tls.server.certPath,
      IN_SERVER_KEY_PATH: tls.server.keyPath,
      OUT_CA_CERT_PATH: pki.ca.certPath,
      OUT_CLIENT_CERT_PATH: tls.client.certPath,
      OUT_CLIENT_KEY_PATH: tls.client.keyPath,
    });
  }
  return env;
}

/** Names whose values are secret: never printed, redacted from log tails. */
export const SECRET_ENV_NAMES: readonly string[] = ['ILP_SECRET'];

/** `NAME=value` lines, sorted, for an env file (0600) a person can source to rerun one SDK by hand. */
export function envFileText(env: Readonly<Record<string, string>>): string {
  return `${Object.keys(env)
    .sort()
    .map((name) => `${name}=${env[name]}`)
    .join('\n')}\n`;
}
