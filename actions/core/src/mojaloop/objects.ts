/**
 * The Kubernetes objects the mojaloop phase creates besides its Helm releases, as pure builders:
 * - Secrets: the database credentials (from the Secrets Manager master secret, or generated for an
 *   in-cluster MySQL), the hub's and every DFSP's JWS signing key (RSA, generated here with node:crypto
 *   and kept across re-runs), the shared public keys, the fleet's ILP secret;
 * - the environment CA, bootstrapped in cert-manager (a self-signed issuer signs one CA certificate;
 *   a CA ClusterIssuer then signs the gateway's server certificate and one client certificate per
 *   DFSP). The platform phase installs cert-manager without any issuer, so this phase creates it;
 * - the Istio Gateway and routes: FSPIOP from the DFSPs over mutual TLS on 443, each DFSP's SDK
 *   outbound API on 80 under `/sim/<fspId>/outbound` for the load generator, and (with mTLS) the
 *   hub's callbacks: the switch services post them inside the cluster to `/callbacks/<fspId>/...` on
 *   the gateway, which forwards them to the DFSP SDK's inbound API over mutual TLS with the hub's
 *   client certificate (the Mojaloop services themselves hold no client certificate).
 * No secret value is ever logged: builders return objects, and only names reach messages.
 */
import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { HUB_FSP_ID } from '../fleet/names.js';
import { SHORT_JOB_POD_ANNOTATIONS } from '../k8s/pod-security.js';
import {
  CA_ISSUER,
  DFSP_NAMESPACE,
  dfspJwsSecret,
  dfspMtlsSecret,
  GATEWAY_SERVICE,
  HUB_CALLBACK_CLIENT_SECRET,
  HUB_JWS_SIGNER_NAMES,
  MOJALOOP_NAMESPACE,
  RELEASES,
  SDK_INBOUND_PORT,
  SECRETS,
} from './names.js';
import { sourceBindingEnvoyFilter } from './source-binding.js';

export type KubeManifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
};

/** RSA size of the JWS keys: RS256 (REFERENCE §4) with the 2048-bit keys the SDKs and charts use. */
export const JWS_KEY_BITS = 2048;
/** Bytes of the fleet's ILP secret (HMAC-SHA256 key: 32 bytes is the hash's own size). */
export const ILP_SECRET_BYTES = 32;
/** Bytes of a generated in-cluster MySQL password. */
export const DB_PASSWORD_BYTES = 24;
/** Lifetime of the environment's certificates: an environment lives hours, a week is ample. */
export const CERTIFICATE_DURATION = '168h';

const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'mlperf-deploy-mojaloop' };

export interface JwsKeyPair {
  privatePem: string;
  publicPem: string;
}

export function generateJwsKeyPair(): JwsKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: JWS_KEY_BITS,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privatePem: privateKey, publicPem: publicKey };
}

/** The public half of a stored private key (re-runs keep the keys they created). */
export function publicPemOf(privatePem: string): string {
  return createPublicKey(privatePem).export({ type: 'spki', format: 'pem' }).toString();
}

export function randomSecret(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export function secretManifest(namespace: string, name: string, data: Record<string, string>): KubeManifest {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace, labels: { ...MANAGED_BY } },
    type: 'Opaque',
    stringData: data,
  };
}

export function namespaceManifest(name: string): KubeManifest {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { ...MANAGED_BY } } };
}

/** The database credentials every Mojaloop service reads (db_secret), in the bitnami key names. */
export function databaseSecret(credentials: {
  username: string;
  password: string;
  rootPassword?: string;
}): KubeManifest {
  return secretManifest(MOJALOOP_NAMESPACE, SECRETS.database.name, {
    [SECRETS.database.usernameKey]: credentials.username,
    [SECRETS.database.passwordKey]: credentials.password,
    [SECRETS.database.rootPasswordKey]: credentials.rootPassword ?? credentials.password,
  });
}

/** Reads `{username, password}` from the RDS-managed master secret's JSON, naming what is wrong (never the value). */
export function parseMasterSecret(secretString: string, arn: string): { username: string; password: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(secretString);
  } catch {
    throw new Error(
      `secret ${arn}: not JSON; allowed: the RDS-managed master secret {"username", "password"}`,
    );
  }
  const { username, password } = (parsed ?? {}) as { username?: unknown; password?: unknown };
  if (typeof username !== 'string' || username === '' || typeof password !== 'string' || password === '') {
    throw new Error(
      `secret ${arn}: missing username or password; allowed: the RDS-managed master secret {"username", "password"}`,
    );
  }
  return { username, password };
}

// ---------------------------------------------------------------- the PKI (cert-manager)

const CERT_MANAGER = 'cert-manager.io/v1';
const SELF_SIGNED_ISSUER = `${CA_ISSUER}-bootstrap`;

/** The CA bootstrap: a self-signed ClusterIssuer, the CA certificate it signs, the CA ClusterIssuer. */
export function caManifests(): KubeManifest[] {
  return [
    {
      apiVersion: CERT_MANAGER,
      kind: 'ClusterIssuer',
      metadata: { name: SELF_SIGNED_ISSUER, labels: { ...MANAGED_BY } },
      spec: { selfSigned: {} },
    },
    {
      apiVersion: CERT_MANAGER,
      kind: 'Certificate',
      metadata: { name: SECRETS.ca.name, namespace: SECRETS.ca.namespace, labels: { ...MANAGED_BY } },
      spec: {
        isCA: true,
        commonName: 'mlperf environment CA',
        secretName: SECRETS.ca.name,
        duration: CERTIFICATE_DURATION,
        privateKey: { algorithm: 'ECDSA', size: 256 },
        issuerRef: { name: SELF_SIGNED_ISSUER, kind: 'ClusterIssuer', group: 'cert-manager.io' },
      },
    },
    {
      apiVersion: CERT_MANAGER,
      kind: 'ClusterIssuer',
      metadata: { name: CA_ISSUER, labels: { ...MANAGED_BY } },
      spec: { ca: { secretName: SECRETS.ca.name } },
    },
  ];
}

function certificate(namespace: string, name: string, spec: Record<string, unknown>): KubeManifest {
  return {
    apiVersion: CERT_MANAGER,
    kind: 'Certificate',
    metadata: { name, namespace, labels: { ...MANAGED_BY } },
    spec: {
      secretName: name,
      duration: CERTIFICATE_DURATION,
      privateKey: { algorithm: 'RSA', size: 2048 },
      issuerRef: { name: CA_ISSUER, kind: 'ClusterIssuer', group: 'cert-manager.io' },
      ...spec,
    },
  };
}

/** The secret Istio's gateway serves on 443 (key, certificate and the CA it checks clients against). */
export const GATEWAY_TLS_SECRET = 'hub-gateway-tls';

/** One certificate per DFSP: client for its calls to the hub, server for the hub's callbacks to it. */
export function dfspCertificate(fspId: string): KubeManifest {
  const service = `${fspId}-sdk`;
  return certificate(DFSP_NAMESPACE, dfspMtlsSecret(fspId), {
    commonName: fspId,
    dnsNames: [service, `${service}.${DFSP_NAMESPACE}`, `${service}.${DFSP_NAMESPACE}.svc.cluster.local`],
    usages: ['digital signature', 'key encipherment', 'client auth', 'server auth'],
  });
}

/** The hub's client certificate the gateway presents on callbacks to the DFSPs' inbound APIs. */
export function hubCallbackClientCertificate(): KubeManifest {
  return certificate(GATEWAY_SERVICE.namespace, HUB_CALLBACK_CLIENT_SECRET, {
    commonName: HUB_FSP_ID,
    usages: ['digital signature', 'key encipherment', 'client auth'],
  });
}

export function gatewayCertificate(gatewayHost: string | null): KubeManifest {
  const internal = `${GATEWAY_SERVICE.name}.${GATEWAY_SERVICE.namespace}.svc.cluster.local`;
  return certificate(GATEWAY_SERVICE.namespace, GATEWAY_TLS_SECRET, {
    commonName: internal,
    dnsNames: [internal, ...(gatewayHost ? [gatewayHost] : [])],
    usages: ['digital signature', 'key encipherment', 'server auth'],
  });
}

// ---------------------------------------------------------------- the gateway (Istio)

const ISTIO_NETWORKING = 'networking.istio.io/v1';
export const GATEWAY_NAME = 'mlperf-hub';
/**
 * The ingress gateway pods' label. The gateway chart derives it from the release name unless the
 * values set `name` or `labels.istio` (its _helpers.tpl: `istio: <name> | trimPrefix "istio-"`); the
 * platform installs release `istio-ingressgateway` and sets neither, which a test holds.
 */
export const GATEWAY_SELECTOR = { istio: 'ingressgateway' } as const;

/** Where the FSPIOP resources go: the umbrella's Services (`<release>-<service>`), port 80. */
export const FSPIOP_ROUTES: ReadonlyArray<{ prefix: string; service: string }> = [
  { prefix: '/parties', service: 'account-lookup-service' },
  { prefix: '/participants', service: 'account-lookup-service' },
  { prefix: '/quotes', service: 'quoting-service' },
  { prefix: '/transfers', service: 'ml-api-adapter-service' },
];

const svc = (name: string, namespace: string) => `${name}.${namespace}.svc.cluster.local`;

export function gatewayManifests(
  fspIds: readonly string[],
  sdkOutboundPort: number,
  mtls: boolean,
  sdkInboundPort: number = SDK_INBOUND_PORT,
): KubeManifest[] {
  const gateway: KubeManifest = {
    apiVersion: ISTIO_NETWORKING,
    kind: 'Gateway',
    metadata: { name: GATEWAY_NAME, namespace: GATEWAY_SERVICE.namespace, labels: { ...MANAGED_BY } },
    spec: {
      selector: GATEWAY_SELECTOR,
      servers: [
        { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] },
        {
          port: { number: 443, name: 'https', protocol: 'HTTPS' },
          hosts: ['*'],
          tls: {
            mode: mtls ? 'MUTUAL' : 'SIMPLE',
            credentialName: GATEWAY_TLS_SECRET,
            minProtocolVersion: 'TLSV1_2',
          },
        },
      ],
    },
  };
  const fspiop: KubeManifest = {
    apiVersion: ISTIO_NETWORKING,
    kind: 'VirtualService',
    metadata: { name: 'mlperf-fspiop', namespace: GATEWAY_SERVICE.namespace, labels: { ...MANAGED_BY } },
    spec: {
      hosts: ['*'],
      gateways: [GATEWAY_NAME],
      http: FSPIOP_ROUTES.map(({ prefix, service }) => ({
        match: [{ port: 443, uri: { prefix } }],
        route: [
          {
            destination: {
              host: svc(`${RELEASES.mojaloop}-${service}`, MOJALOOP_NAMESPACE),
              port: { number: 80 },
            },
          },
        ],
      })),
    },
  };
  const outbound = sdkPrefixRoutes('mlperf-sdk-outbound', fspIds, outboundPath, sdkOutboundPort);
  if (!mtls) return [gateway, fspiop, outbound];
  return [
    gateway,
    // Before the routes take traffic: a certificate speaks only for its own FSPIOP-Source.
    sourceBindingEnvoyFilter(GATEWAY_SELECTOR, MANAGED_BY),
    fspiop,
    outbound,
    ...callbackManifests(fspIds, sdkInboundPort),
  ];
}

/**
 * One route per DFSP on the gateway's port 80: `<pathOf(fspId)>/…` to that DFSP's SDK on `port`, the
 * prefix cut off (the SDK serves its API at the root).
 */
function sdkPrefixRoutes(
  name: string,
  fspIds: readonly string[],
  pathOf: (fspId: string) => string,
  port: number,
): KubeManifest {
  return {
    apiVersion: ISTIO_NETWORKING,
    kind: 'VirtualService',
    metadata: { name, namespace: GATEWAY_SERVICE.namespace, labels: { ...MANAGED_BY } },
    spec: {
      hosts: ['*'],
      gateways: [GATEWAY_NAME],
      http: fspIds.map((fspId) => ({
        match: [{ port: 80, uri: { prefix: `${pathOf(fspId)}/` } }],
        rewrite: { uri: '/' },
        route: [{ destination: { host: svc(`${fspId}-sdk`, DFSP_NAMESPACE), port: { number: port } } }],
      })),
    },
  };
}

/** Where the switch services post a DFSP's callbacks inside the cluster (the gateway's port 80). */
export function callbackPath(fspId: string): string {
  return `/callbacks/${fspId}`;
}

/** The in-cluster address of the gateway Service, for the switch services' callbacks. */
export const GATEWAY_INTERNAL_HOST = svc(GATEWAY_SERVICE.name, GATEWAY_SERVICE.namespace);

/**
 * The callback leg under mTLS: a route per DFSP from `/callbacks/<fspId>/` on the gateway's port 80 to
 * the DFSP SDK's inbound port, and a DestinationRule that makes the gateway originate mutual TLS there
 * with the hub's client certificate, checking the SDK's certificate against the environment CA and its
 * name. Port 80 is reachable from the load cluster too (the runners' outbound calls); a callback posted
 * there by anyone but the switch still meets the SDK's JWS validation.
 */
function callbackManifests(fspIds: readonly string[], sdkInboundPort: number): KubeManifest[] {
  const routes = sdkPrefixRoutes('mlperf-hub-callbacks', fspIds, callbackPath, sdkInboundPort);
  const origination = fspIds.map((fspId): KubeManifest => {
    const host = svc(`${fspId}-sdk`, DFSP_NAMESPACE);
    return {
      apiVersion: ISTIO_NETWORKING,
      kind: 'DestinationRule',
      metadata: {
        name: `mlperf-callbacks-${fspId}`,
        namespace: GATEWAY_SERVICE.namespace,
        labels: { ...MANAGED_BY },
      },
      spec: {
        host,
        // Only the gateway (this namespace) originates TLS to the SDKs; no other proxy sees the rule.
        exportTo: ['.'],
        trafficPolicy: {
          portLevelSettings: [
            {
              port: { number: sdkInboundPort },
              tls: {
                mode: 'MUTUAL',
                credentialName: HUB_CALLBACK_CLIENT_SECRET,
                sni: host,
                subjectAltNames: [host],
              },
            },
          ],
        },
      },
    };
  });
  return [routes, ...origination];
}

/** The path of a DFSP's SDK outbound API behind the gateway (REFERENCE §2: `/sim/<fsp>/outbound`). */
export function outboundPath(fspId: string): string {
  return `/sim/${fspId}/outbound`;
}

/** `{ "<fspId>": "http://<gateway-host>/sim/<fspId>/outbound" }` for the load generator. */
export function outboundUrls(gatewayHost: string, fspIds: readonly string[]): Record<string, string> {
  return Object.fromEntries(fspIds.map((fspId) => [fspId, `http://${gatewayHost}${outboundPath(fspId)}`]));
}

// ---------------------------------------------------------------- keys

/** What the JWS secrets hold for one signer; `private` set only where a new key was generated. */
export interface JwsSecrets {
  /** `<name>.pem` → public key PEM: the DFSPs and the hub. */
  publicKeys: Record<string, string>;
  /** Secrets to create (new keys only; existing ones are kept so a re-run does not break running pods). */
  create: KubeManifest[];
}

/**
 * JWS keys for the hub and every DFSP. `existing(name)` returns the stored private key of a secret that
 * already exists (re-run), or null; new pairs come from `generate`.
 */
export async function jwsSecrets(
  fspIds: readonly string[],
  existing: (namespace: string, secret: string, key: string) => Promise<string | null>,
  generate: () => JwsKeyPair = generateJwsKeyPair,
): Promise<JwsSecrets> {
  const publicKeys: Record<string, string> = {};
  const create: KubeManifest[] = [];
  const signers = [
    ...fspIds.map((fspId) => ({
      names: [fspId],
      namespace: DFSP_NAMESPACE,
      secret: dfspJwsSecret(fspId),
      key: SECRETS.dfspJwsKey,
    })),
    {
      names: [...HUB_JWS_SIGNER_NAMES],
      namespace: MOJALOOP_NAMESPACE,
      secret: SECRETS.hubJws.name,
      key: SECRETS.hubJws.key,
    },
  ];
  for (const signer of signers) {
    const stored = await existing(signer.namespace, signer.secret, signer.key);
    let publicPem: string;
    if (stored !== null) publicPem = publicPemOf(stored);
    else {
      const pair = generate();
      publicPem = pair.publicPem;
      create.push(secretManifest(signer.namespace, signer.secret, { [signer.key]: pair.privatePem }));
    }
    for (const name of signer.names) publicKeys[`${name}.pem`] = publicPem;
  }
  return { publicKeys, create };
}

// ---------------------------------------------------------------- the RDS schemas

/** The MySQL client image of the schema Job (MySQL 8.0, the engine family of the RDS instance). */
export const MYSQL_CLIENT_IMAGE = 'mysql:8.0.40';
export const DB_INIT_JOB = 'mojaloop-db-init';
/** Retries of the schema Job before it counts as failed (RDS may still be applying parameters). */
export const DB_INIT_BACKOFF_LIMIT = 6;

/**
 * A Job that creates the schemas Mojaloop uses on RDS (`CREATE DATABASE IF NOT EXISTS`, safe to
 * repeat). RDS creates only its initial database; in-cluster, the backend chart's initdb scripts do it.
 * The password comes from the Secret as an environment variable. This admin connection always uses
 * TLS (`--ssl-mode=REQUIRED`; RDS offers TLS whether or not it requires it), whatever
 * `infrastructure.database.requireTls` says: that setting is about the Mojaloop services' own
 * connections, which have no TLS setting in the pinned 17.0.4 charts.
 */
export function dbInitJob(
  host: string,
  port: number,
  databases: readonly string[],
  nodeSelector: Record<string, string>,
): KubeManifest {
  const sql = databases.map((db) => `CREATE DATABASE IF NOT EXISTS \`${db}\`;`).join(' ');
  const secretEnv = (name: string, key: string) => ({
    name,
    valueFrom: { secretKeyRef: { name: SECRETS.database.name, key } },
  });
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: DB_INIT_JOB, namespace: MOJALOOP_NAMESPACE, labels: { ...MANAGED_BY } },
    spec: {
      backoffLimit: DB_INIT_BACKOFF_LIMIT,
      template: {
        metadata: { annotations: { ...SHORT_JOB_POD_ANNOTATIONS } },
        spec: {
          restartPolicy: 'OnFailure',
          nodeSelector,
          containers: [
            {
              name: 'create-schemas',
              image: MYSQL_CLIENT_IMAGE,
              env: [
                secretEnv('MYSQL_PWD', SECRETS.database.passwordKey),
                secretEnv('DB_USER', SECRETS.database.usernameKey),
              ],
              command: [
                'sh',
                '-c',
                `mysql --ssl-mode=REQUIRED -h ${host} -P ${port} -u "$DB_USER" -e "${sql.replaceAll('`', '\\`')}"`,
              ],
            },
          ],
        },
      },
    },
  };
}
