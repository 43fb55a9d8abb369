/**
 * A throw-away PKI for the hub tests, laid out like a stack's run directory (local/README.md): an
 * environment CA, hub server/client certificates, per-DFSP server/client certificates (client CN =
 * fspId), RSA-2048 JWS key pairs, plus a second CA for an impostor. Made with the `openssl` CLI
 * (ECDSA P-256 for TLS) and node:crypto (RSA for JWS), in a temp directory the caller removes.
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

export interface TestPki {
  dir: string;
  caPath: string;
  ca: Buffer;
  hubServer: CertPair;
  hubClient: CertPair;
  dfspServer(id: string): CertPair;
  dfspClient(id: string): CertPair;
  /** A client certificate with CN=`cn` signed by a CA the hub does not trust. */
  impostorClient: CertPair;
  jwsDir: string;
  jwsPrivate(id: string): string;
  jwsPublic(id: string): string;
  remove(): void;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
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
      ? 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n'
      : 'extendedKeyUsage=clientAuth\n';
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

export function createTestPki(fspIds: readonly string[], hubId = 'switch'): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'hub-test-pki-'));
  const tlsDir = join(dir, 'pki');
  const jwsDir = join(dir, 'jws');
  const jwsPrivateDir = join(dir, 'jws-private');
  for (const d of [tlsDir, jwsDir, jwsPrivateDir]) mkdirSync(d, { recursive: true, mode: 0o700 });

  const ca = makeCa(tlsDir, 'ca');
  const other = makeCa(tlsDir, 'other-ca');
  const hubServer = makeLeaf(tlsDir, ca, 'hub-server', hubId, 'server');
  const hubClient = makeLeaf(tlsDir, ca, 'hub-client', hubId, 'client');
  const servers = new Map<string, CertPair>();
  const clients = new Map<string, CertPair>();
  for (const id of fspIds) {
    servers.set(id, makeLeaf(tlsDir, ca, `${id}-server`, id, 'server'));
    clients.set(id, makeLeaf(tlsDir, ca, `${id}-client`, id, 'client'));
  }
  const impostorClient = makeLeaf(tlsDir, other, 'impostor-client', fspIds[0] ?? 'impostor', 'client');

  for (const id of [...fspIds, hubId]) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(join(jwsDir, `${id}.pem`), publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(jwsPrivateDir, `${id}-key.pem`), privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
    });
  }

  const get = (map: Map<string, CertPair>, id: string) => {
    const pair = map.get(id);
    if (!pair) throw new Error(`no certificate for ${id}`);
    return pair;
  };
  return {
    dir,
    caPath: ca.certPath,
    ca: readFileSync(ca.certPath),
    hubServer,
    hubClient,
    dfspServer: (id) => get(servers, id),
    dfspClient: (id) => get(clients, id),
    impostorClient,
    jwsDir,
    jwsPrivate: (id) => readFileSync(join(jwsPrivateDir, `${id}-key.pem`), 'utf8'),
    jwsPublic: (id) => readFileSync(join(jwsDir, `${id}.pem`), 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
