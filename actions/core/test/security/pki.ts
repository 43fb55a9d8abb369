/**
 * A throw-away PKI for tests (the core's security tests and the local hub's), laid out like a stack's
 * run directory (local/README.md): an environment CA, hub server/client certificates, per-DFSP
 * server/client certificates (client CN = fspId), a receiver server certificate, RSA-2048 JWS key pairs
 * (per DFSP and for the hub), plus a second CA for an impostor. Certificates come from the `openssl`
 * CLI (Node cannot issue X.509; ECDSA P-256), JWS keys from node:crypto. Everything lives in a temporary
 * directory removed by `remove()` (alias `dispose()`).
 *
 * Two views of the same material: files with paths and Buffers (what a hub.json names), and PEM strings
 * (`caPem`, `hub`, `receiver`, `clients`, `jws`: what in-process servers and clients take).
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CertPair {
  certPath: string;
  keyPath: string;
  cert: Buffer;
  key: Buffer;
}

export interface CertAndKey {
  certPem: string;
  keyPem: string;
}

export interface TestPki {
  dir: string;
  caPath: string;
  ca: Buffer;
  caPem: string;
  hubServer: CertPair;
  hubClient: CertPair;
  /** `hubServer` as PEM strings. */
  hub: CertAndKey;
  /** A server certificate (CN perfprobe1, SAN 127.0.0.1 and localhost) for a test receiver. */
  receiver: CertAndKey;
  dfspServer(id: string): CertPair;
  dfspClient(id: string): CertPair;
  /** Client certificates by fspId, as PEM strings. */
  clients: Record<string, CertAndKey>;
  /** A client certificate with CN = the first fspId, signed by a CA the hub does not trust. */
  impostorClient: CertPair;
  /** `<id>.pem` public JWS keys of every DFSP and of the hub. */
  jwsDir: string;
  jwsPrivate(id: string): string;
  jwsPublic(id: string): string;
  /** JWS key pairs of the DFSPs (not the hub's), as PEM strings. */
  jws: Record<string, { privatePem: string; publicPem: string }>;
  remove(): void;
  dispose(): void;
}

/** One openssl call is well under a second; the bound only stops a hung tool. */
const OPENSSL_TIMEOUT_MS = 20_000;

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe', timeout: OPENSSL_TIMEOUT_MS });
}

function makeCa(dir: string, name: string): { certPath: string; keyPath: string } {
  const certPath = join(dir, `${name}.pem`);
  const keyPath = join(dir, `${name}-key.pem`);
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  return { certPath, keyPath };
}

function makeLeaf(
  dir: string,
  ca: { certPath: string; keyPath: string },
  name: string,
  commonName: string,
  usage: 'server' | 'client',
): CertPair {
  const keyPath = join(dir, `${name}-key.pem`);
  const csrPath = join(dir, `${name}.csr`);
  const certPath = join(dir, `${name}.pem`);
  const extPath = join(dir, `${name}.ext`);
  openssl(
    [
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      csrPath,
      '-subj',
      `/CN=${commonName}`,
    ],
    dir,
  );
  const ext =
    usage === 'server'
      ? 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n'
      : 'extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature\n';
  writeFileSync(extPath, ext);
  openssl(
    [
      'x509',
      '-req',
      '-in',
      csrPath,
      '-CA',
      ca.certPath,
      '-CAkey',
      ca.keyPath,
      '-set_serial',
      `0x${randomBytes(8).toString('hex')}`,
      '-days',
      '2',
      '-sha256',
      '-extfile',
      extPath,
      '-out',
      certPath,
    ],
    dir,
  );
  return { certPath, keyPath, cert: readFileSync(certPath), key: readFileSync(keyPath) };
}

function pem(pair: CertPair): CertAndKey {
  return { certPem: pair.cert.toString('utf8'), keyPem: pair.key.toString('utf8') };
}

export function createTestPki(fspIds: readonly string[], hubId = 'switch'): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'mlperf-test-pki-'));
  const tlsDir = join(dir, 'pki');
  const jwsDir = join(dir, 'jws');
  const jwsPrivateDir = join(dir, 'jws-private');
  for (const d of [tlsDir, jwsDir, jwsPrivateDir]) mkdirSync(d, { recursive: true, mode: 0o700 });

  const ca = makeCa(tlsDir, 'ca');
  const other = makeCa(tlsDir, 'other-ca');
  const hubServer = makeLeaf(tlsDir, ca, 'hub-server', hubId, 'server');
  const hubClient = makeLeaf(tlsDir, ca, 'hub-client', hubId, 'client');
  const receiver = makeLeaf(tlsDir, ca, 'receiver', 'perfprobe1', 'server');
  const servers = new Map<string, CertPair>();
  const clientPairs = new Map<string, CertPair>();
  for (const id of fspIds) {
    servers.set(id, makeLeaf(tlsDir, ca, `${id}-server`, id, 'server'));
    clientPairs.set(id, makeLeaf(tlsDir, ca, `${id}-client`, id, 'client'));
  }
  const impostorClient = makeLeaf(tlsDir, other, 'impostor-client', fspIds[0] ?? 'impostor', 'client');

  const jws: TestPki['jws'] = {};
  for (const id of [...fspIds, hubId]) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(join(jwsDir, `${id}.pem`), publicPem);
    writeFileSync(join(jwsPrivateDir, `${id}-key.pem`), privatePem, { mode: 0o600 });
    if (id !== hubId) jws[id] = { privatePem, publicPem };
  }

  const get = (map: Map<string, CertPair>, id: string) => {
    const pair = map.get(id);
    if (!pair) throw new Error(`no certificate for ${id}`);
    return pair;
  };
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const caBuffer = readFileSync(ca.certPath);
  return {
    dir,
    caPath: ca.certPath,
    ca: caBuffer,
    caPem: caBuffer.toString('utf8'),
    hubServer,
    hubClient,
    hub: pem(hubServer),
    receiver: pem(receiver),
    dfspServer: (id) => get(servers, id),
    dfspClient: (id) => get(clientPairs, id),
    clients: Object.fromEntries([...clientPairs].map(([id, pair]) => [id, pem(pair)])),
    impostorClient,
    jwsDir,
    jwsPrivate: (id) => readFileSync(join(jwsPrivateDir, `${id}-key.pem`), 'utf8'),
    jwsPublic: (id) => readFileSync(join(jwsDir, `${id}.pem`), 'utf8'),
    jws,
    remove,
    dispose: remove,
  };
}
