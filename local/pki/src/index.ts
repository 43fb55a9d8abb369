// The local stack's PKI: environment CA, TLS identities, JWS keys (README.md).
export * from './files.js';
export * from './layout.js';
export {
  CA_COMMON_NAME,
  CA_RENEW_DAYS,
  CA_VALIDITY_DAYS,
  commonNameOf,
  type EnsurePkiOptions,
  ensurePki,
  JWS_RSA_BITS,
  LEAF_RENEW_DAYS,
  LEAF_VALIDITY_DAYS,
  ORGANIZATION,
  type PkiMaterial,
  subjectAltNames,
} from './pki.js';
