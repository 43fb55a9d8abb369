/**
 * The PKI of one local stack, generated into its run directory and reused while it stays valid.
 *
 * Algorithms (see README):
 * - TLS (environment CA, hub and DFSP server/client certificates): ECDSA P-256 with SHA-256. SDK 18's
 *   mutual TLS is plain Node `https` (InboundServer: `https.createServer({ca, cert, key, requestCert,
 *   rejectUnauthorized})`; sdk-standard-components BaseRequests: `new https.Agent({ca, cert, key})`),
 *   which takes any key OpenSSL takes. P-256 keys are generated in about a millisecond where RSA-2048
 *   takes tens to hundreds, and a P-256 handshake costs the server less than an RSA one: both matter on
 *   a 2-core rehearsal machine.
 * - JWS: RSA 2048. sdk-standard-components 17.4 hard-codes RS256 in both `JwsSigner` and `JwsValidator`
 *   (`algorithms: ['RS256']`), and jsonwebtoken 9 rejects RSA keys under 2048 bits for RS256.
 *
 * Nothing here prints anything; callers get file paths and the names of what was generated or reused.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  KeyObject,
  X509Certificate as NodeX509,
  webcrypto,
} from 'node:crypto';
import { promisify } from 'node:util';
import { HUB_FSP_ID } from '@mlperf/core/fleet/names';
import { enforceFileMode, ensurePrivateDir, readIfExists, writePrivateFile } from './files.js';
import {
  type CertFiles,
  caFiles,
  type JwsKeyFiles,
  jwsKeyFiles,
  jwsPrivateDir,
  jwsPublicDir,
  pkiDir,
  type TlsIdentity,
  tlsDir,
  tlsIdentity,
} from './layout.js';
import { loadX509, type X509Key, type X509KeyPair, type X509Module } from './x509.js';

const generateKeyPairAsync = promisify(generateKeyPair);

const DAY_MS = 86_400_000;
/** Certificates start a little in the past so a small clock difference never makes them "not yet valid". */
const BACKDATE_MS = 5 * 60_000;
export const CA_VALIDITY_DAYS = 365;
export const LEAF_VALIDITY_DAYS = 90;
/** Material closer than this to its end is replaced rather than reused. */
export const CA_RENEW_DAYS = 30;
export const LEAF_RENEW_DAYS = 7;
export const JWS_RSA_BITS = 2048;

export const CA_COMMON_NAME = 'mlperf local environment CA';
export const ORGANIZATION = 'mlperf-local';
const EC_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const EC_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const OID_SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

export interface EnsurePkiOptions {
  /** The stack's run directory (created 0700 when missing). */
  runDir: string;
  /** The DFSPs of the stack, e.g. `dfspIds(count)`. */
  fspIds: readonly string[];
  /** Clock, for tests. */
  now?: () => Date;
}

export interface PkiMaterial {
  runDir: string;
  ca: CertFiles;
  hub: TlsIdentity;
  dfsps: ReadonlyMap<string, TlsIdentity>;
  /** JWS key files by participant id (every DFSP and `switch`). */
  jws: ReadonlyMap<string, JwsKeyFiles>;
  jwsPublicDir: string;
  jwsPrivateDir: string;
  /** Files this call wrote, relative to the run directory. */
  generated: string[];
  /** Files this call found valid and kept, relative to the run directory. */
  reused: string[];
}

/** What a leaf certificate must say to be (re)used. */
interface LeafSpec {
  files: CertFiles;
  commonName: string;
  usage: 'server' | 'client';
  ips: readonly string[];
  dnsNames: readonly string[];
}

interface CaState {
  cert: NodeX509;
  certPem: string;
  keyPem: string;
}

/** Creates or reuses every key and certificate of the stack. Idempotent. */
export async function ensurePki(options: EnsurePkiOptions): Promise<PkiMaterial> {
  const { runDir } = options;
  const now = options.now ?? (() => new Date());
  const fspIds = [...new Set(options.fspIds)];
  const record = { generated: [] as string[], reused: [] as string[] };
  const rel = (path: string) => path.slice(runDir.length + 1);

  await ensurePrivateDir(runDir);
  await ensurePrivateDir(pkiDir(runDir));
  await ensurePrivateDir(jwsPublicDir(runDir));
  await ensurePrivateDir(jwsPrivateDir(runDir));
  await ensurePrivateDir(tlsDir(runDir, 'hub'));
  for (const fspId of fspIds) await ensurePrivateDir(tlsDir(runDir, fspId));

  const x509 = await loadX509();
  const ca = await ensureCa(x509, caFiles(runDir), now(), record, rel);

  const hub = tlsIdentity(runDir, 'hub');
  const specs: LeafSpec[] = [
    {
      files: hub.server,
      commonName: HUB_FSP_ID,
      usage: 'server',
      ips: ['127.0.0.1'],
      dnsNames: ['localhost'],
    },
    { files: hub.client, commonName: HUB_FSP_ID, usage: 'client', ips: [], dnsNames: [] },
  ];
  const dfsps = new Map<string, TlsIdentity>();
  for (const fspId of fspIds) {
    const identity = tlsIdentity(runDir, fspId);
    dfsps.set(fspId, identity);
    specs.push(
      { files: identity.server, commonName: fspId, usage: 'server', ips: ['127.0.0.1'], dnsNames: [] },
      { files: identity.client, commonName: fspId, usage: 'client', ips: [], dnsNames: [] },
    );
  }
  await Promise.all(specs.map((spec) => ensureLeaf(x509, ca, spec, now(), record, rel)));

  const jws = new Map<string, JwsKeyFiles>();
  for (const id of [...fspIds, HUB_FSP_ID]) jws.set(id, jwsKeyFiles(runDir, id));
  await Promise.all([...jws.values()].map((files) => ensureJwsPair(files, record, rel)));

  return {
    runDir,
    ca: caFiles(runDir),
    hub,
    dfsps,
    jws,
    jwsPublicDir: jwsPublicDir(runDir),
    jwsPrivateDir: jwsPrivateDir(runDir),
    generated: record.generated.sort(),
    reused: record.reused.sort(),
  };
}

// ---------------------------------------------------------------- CA

async function ensureCa(
  x509: X509Module,
  files: CertFiles,
  now: Date,
  record: { generated: string[]; reused: string[] },
  rel: (path: string) => string,
): Promise<CaState> {
  const existing = await readCa(files, now);
  if (existing) {
    await enforceFileMode(files.certPath);
    await enforceFileMode(files.keyPath);
    record.reused.push(rel(files.certPath), rel(files.keyPath));
    return existing;
  }
  const keys = (await webcrypto.subtle.generateKey(EC_KEY, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${CA_COMMON_NAME}, O=${ORGANIZATION}`,
    keys: keys as unknown as X509KeyPair,
    signingAlgorithm: EC_SIGN,
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as unknown as X509Key),
    ],
  });
  const keyPem = exportPrivateKey(keys.privateKey);
  const certPem = cert.toString('pem');
  // Key first: a crash between the two writes leaves a mismatched pair, which the next run replaces.
  await writePrivateFile(files.keyPath, keyPem);
  await writePrivateFile(files.certPath, `${certPem}\n`);
  record.generated.push(rel(files.certPath), rel(files.keyPath));
  return { cert: new NodeX509(certPem), certPem, keyPem };
}

async function readCa(files: CertFiles, now: Date): Promise<CaState | undefined> {
  const [certPem, keyPem] = await Promise.all([readIfExists(files.certPath), readIfExists(files.keyPath)]);
  if (!certPem || !keyPem) return undefined;
  try {
    const cert = new NodeX509(certPem);
    const key = createPrivateKey(keyPem);
    const usable =
      cert.ca &&
      cert.checkIssued(cert) &&
      cert.verify(cert.publicKey) &&
      cert.checkPrivateKey(key) &&
      key.asymmetricKeyType === 'ec' &&
      within(cert, now, CA_RENEW_DAYS);
    return usable ? { cert, certPem, keyPem } : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- leaf certificates

async function ensureLeaf(
  x509: X509Module,
  ca: CaState,
  spec: LeafSpec,
  now: Date,
  record: { generated: string[]; reused: string[] },
  rel: (path: string) => string,
): Promise<void> {
  const { files } = spec;
  if (await leafIsUsable(ca, spec, now)) {
    await enforceFileMode(files.certPath);
    await enforceFileMode(files.keyPath);
    record.reused.push(rel(files.certPath), rel(files.keyPath));
    return;
  }
  const caCert = new x509.X509Certificate(ca.certPem);
  const caKey = await webcrypto.subtle.importKey(
    'pkcs8',
    createPrivateKey(ca.keyPem).export({ type: 'pkcs8', format: 'der' }),
    EC_KEY,
    false,
    ['sign'],
  );
  const caKeyId = caCert.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
  const keys = (await webcrypto.subtle.generateKey(EC_KEY, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const names = [
    ...spec.ips.map((value) => ({ type: 'ip' as const, value })),
    ...spec.dnsNames.map((value) => ({ type: 'dns' as const, value })),
  ];
  const extensions = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension(
      [spec.usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth],
      false,
    ),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as unknown as X509Key),
    ...(caKeyId ? [new x509.AuthorityKeyIdentifierExtension(caKeyId)] : []),
    ...(names.length > 0 ? [new x509.SubjectAlternativeNameExtension(names)] : []),
  ];
  const cert = await x509.X509CertificateGenerator.create({
    subject: `CN=${spec.commonName}, O=${ORGANIZATION}`,
    issuer: caCert.subject,
    publicKey: keys.publicKey as unknown as X509Key,
    signingKey: caKey as unknown as X509Key,
    signingAlgorithm: EC_SIGN,
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter: new Date(Math.min(now.getTime() + LEAF_VALIDITY_DAYS * DAY_MS, validTo(ca.cert).getTime())),
    extensions,
  });
  await writePrivateFile(files.keyPath, exportPrivateKey(keys.privateKey));
  await writePrivateFile(files.certPath, `${cert.toString('pem')}\n`);
  record.generated.push(rel(files.certPath), rel(files.keyPath));
}

async function leafIsUsable(ca: CaState, spec: LeafSpec, now: Date): Promise<boolean> {
  const [certPem, keyPem] = await Promise.all([
    readIfExists(spec.files.certPath),
    readIfExists(spec.files.keyPath),
  ]);
  if (!certPem || !keyPem) return false;
  try {
    const cert = new NodeX509(certPem);
    return (
      !cert.ca &&
      cert.checkIssued(ca.cert) &&
      cert.verify(ca.cert.publicKey) &&
      cert.checkPrivateKey(createPrivateKey(keyPem)) &&
      within(cert, now, LEAF_RENEW_DAYS) &&
      commonNameOf(cert) === spec.commonName &&
      sameSet(subjectAltNames(cert), [
        ...spec.ips.map((ip) => `IP Address:${ip}`),
        ...spec.dnsNames.map((dns) => `DNS:${dns}`),
      ]) &&
      (cert.keyUsage ?? []).includes(spec.usage === 'server' ? OID_SERVER_AUTH : OID_CLIENT_AUTH)
    );
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- JWS keys

async function ensureJwsPair(
  files: JwsKeyFiles,
  record: { generated: string[]; reused: string[] },
  rel: (path: string) => string,
): Promise<void> {
  const [privatePem, publicPem] = await Promise.all([
    readIfExists(files.privateKeyPath),
    readIfExists(files.publicKeyPath),
  ]);
  const privateKey = privatePem ? usableJwsPrivateKey(privatePem) : undefined;
  if (privateKey) {
    const expectedPublic = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    await enforceFileMode(files.privateKeyPath);
    record.reused.push(rel(files.privateKeyPath));
    if (publicPem !== undefined && samePublicKey(publicPem, expectedPublic)) {
      await enforceFileMode(files.publicKeyPath);
      record.reused.push(rel(files.publicKeyPath));
    } else {
      await writePrivateFile(files.publicKeyPath, expectedPublic);
      record.generated.push(rel(files.publicKeyPath));
    }
    return;
  }
  const { privateKey: fresh, publicKey } = await generateKeyPairAsync('rsa', {
    modulusLength: JWS_RSA_BITS,
    publicExponent: 0x10001,
  });
  await writePrivateFile(files.privateKeyPath, fresh.export({ type: 'pkcs8', format: 'pem' }).toString());
  await writePrivateFile(files.publicKeyPath, publicKey.export({ type: 'spki', format: 'pem' }).toString());
  record.generated.push(rel(files.privateKeyPath), rel(files.publicKeyPath));
}

function usableJwsPrivateKey(pem: string): KeyObject | undefined {
  try {
    const key = createPrivateKey(pem);
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    return key.asymmetricKeyType === 'rsa' && bits >= JWS_RSA_BITS ? key : undefined;
  } catch {
    return undefined;
  }
}

function samePublicKey(pem: string, expectedPem: string): boolean {
  try {
    const actual = createPublicKey(pem).export({ type: 'spki', format: 'der' });
    const expected = createPublicKey(expectedPem).export({ type: 'spki', format: 'der' });
    return actual.equals(expected) && pem === expectedPem;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- helpers

function exportPrivateKey(key: webcrypto.CryptoKey): string {
  return KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Valid now and for at least `renewDays` more. */
function within(cert: NodeX509, now: Date, renewDays: number): boolean {
  return (
    validFrom(cert).getTime() <= now.getTime() && validTo(cert).getTime() - now.getTime() > renewDays * DAY_MS
  );
}

// node:crypto gives validity as strings ("Nov 25 17:42:00 2026 GMT") on Node 20.
function validFrom(cert: NodeX509): Date {
  return new Date(cert.validFrom);
}

function validTo(cert: NodeX509): Date {
  return new Date(cert.validTo);
}

/** The CN of a certificate's subject, as node:crypto prints it ("O=…\nCN=…"). */
export function commonNameOf(cert: NodeX509): string | undefined {
  for (const line of cert.subject.split('\n')) {
    if (line.startsWith('CN=')) return line.slice(3);
  }
  return undefined;
}

/** SAN entries as node:crypto prints them ("IP Address:127.0.0.1", "DNS:localhost"). */
export function subjectAltNames(cert: NodeX509): string[] {
  return cert.subjectAltName ? cert.subjectAltName.split(', ').map((entry) => entry.trim()) : [];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((item) => left.has(item));
}
