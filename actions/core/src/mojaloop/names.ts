/**
 * Names the mojaloop phase (04) gives to what it creates on the hub cluster, shared by the values
 * generator, the deploy plan, onboarding through the API server proxy and the health probes.
 * The dfsp-fleet chart's defaults (helm/charts/dfsp-fleet/values.yaml `secrets:`) refer to the same
 * secret names; a test holds the two together.
 */
import { ROLE_LABEL } from '../terraform/variables.js';

/** Namespace of the Mojaloop services and their backend (Kafka, and MySQL when in-cluster). */
export const MOJALOOP_NAMESPACE = 'mojaloop';
/** Namespace of the DFSP fleet (SDK scheme adapters and simulator backends). */
export const DFSP_NAMESPACE = 'dfsps';

/** Helm releases. The umbrella's release name prefixes its Services (`<release>-centralledger-service`). */
export const RELEASES = {
  backend: 'backend',
  mojaloop: 'moja',
  dfspFleet: 'dfsp-fleet',
} as const;

/** Keys in helm/versions.yaml. */
export const CHART_KEYS = {
  backend: 'example-mojaloop-backend',
  mojaloop: 'mojaloop',
} as const;

/** Our own chart of the DFSP fleet, relative to the helm directory. */
export const DFSP_FLEET_CHART_DIR = 'charts/dfsp-fleet';

/** The hub nodes' label (terraform: every node carries mlperf/role=<group>; kafka and dfsps are tainted). */
export { ROLE_LABEL };
export const HUB_SERVICES_ROLE = 'hub-services';
export const KAFKA_ROLE = 'kafka';

export const SECRETS = {
  /** MySQL credentials for every Mojaloop service: keys `username`, `password` (and `root-password` in-cluster). */
  // Key names are the bitnami MySQL chart's (auth.existingSecret), so one secret serves both cases.
  database: {
    name: 'mojaloop-db',
    passwordKey: 'mysql-password',
    rootPasswordKey: 'mysql-root-password',
    usernameKey: 'username',
  },
  /** The hub's JWS signing key (PEM, key `private.pem`) for the switch's own signed messages. */
  hubJws: { name: 'hub-jws-signing-key', key: 'private.pem' },
  /** Fleet-wide ILP secret (key `secret`), per-DFSP signing keys and the shared public keys. */
  ilp: { name: 'dfsp-ilp-secret', key: 'secret' },
  dfspJwsSuffix: '-jws-signing-key',
  dfspJwsKey: 'private.pem',
  jwsPublicKeys: 'dfsp-jws-public-keys',
  /** Per DFSP `<fspId><suffix>`, written by cert-manager: tls.crt, tls.key, ca.crt. */
  mtlsSuffix: '-mtls',
  /** The environment CA (cert-manager CA issuer's secret, in the cert-manager namespace). */
  ca: { name: 'mlperf-environment-ca', namespace: 'cert-manager' },
} as const;

/** The cert-manager ClusterIssuer that signs every certificate of the environment. */
export const CA_ISSUER = 'mlperf-environment-ca';

/**
 * The names the switch signs as, so the SDKs find its public key (`<FSPIOP-Source>.pem`). ml-api-adapter
 * signs only messages whose FSPIOP-Source is its `FSPIOP_SOURCE_TO_SIGN`: the hub participant's name
 * (`Hub` by default) in current releases, the literal `switch` in older ones. Both carry the same key.
 */
export const HUB_JWS_SIGNER_NAMES = ['Hub', 'switch'] as const;

/** The MySQL schemas Mojaloop uses (created by the db-init Job on RDS; by the backend chart in-cluster). */
export const DATABASES = ['central_ledger', 'account_lookup', 'oracle_msisdn'] as const;

/**
 * The hub's client certificate for its callbacks to the DFSPs (tls.crt, tls.key, ca.crt from the
 * environment CA), in the gateway's namespace: the gateway presents it when it forwards a callback
 * to a DFSP SDK's inbound API, which demands mutual TLS.
 */
export const HUB_CALLBACK_CLIENT_SECRET = 'hub-callback-client-tls';

/** The SDK scheme adapter's ports (helm/charts/dfsp-fleet values `sdk.*Port`, REFERENCE §2). */
export const SDK_INBOUND_PORT = 4000;
export const SDK_OUTBOUND_PORT = 4001;

/** The Istio ingress gateway Service the platform phase installs (release istio-ingressgateway). */
export const GATEWAY_SERVICE = { namespace: 'istio-ingress', name: 'istio-ingressgateway' } as const;

/** Kafka as the backend chart names it (`kafka.fullnameOverride: kafka`). */
export const KAFKA_SERVICE = { host: `kafka.${MOJALOOP_NAMESPACE}.svc.cluster.local`, port: 9092 } as const;
/** MySQL in-cluster as the backend chart names it (`mysql.fullnameOverride: mysqldb`). */
export const IN_CLUSTER_MYSQL = {
  host: `mysqldb.${MOJALOOP_NAMESPACE}.svc.cluster.local`,
  port: 3306,
} as const;

export const dfspJwsSecret = (fspId: string): string => `${fspId}${SECRETS.dfspJwsSuffix}`;
export const dfspMtlsSecret = (fspId: string): string => `${fspId}${SECRETS.mtlsSuffix}`;
