/**
 * A throwaway PKI for tests: an EC P-256 CA, a hub server certificate and a receiver server
 * certificate (SAN 127.0.0.1, localhost), a client certificate per DFSP (CN = fspId), and an RSA
 * JWS key pair per DFSP. Certificates come from the `openssl` CLI (Node cannot issue X.509), keys
 * for JWS from node:crypto. Everything lives in a temporary directory removed by `dispose()`.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CertAndKey {
  certPem: string;
  keyPem: string;
}

export interface TestPki {
  dir: string;
  caPem: string;
  hub: CertAndKey;
  receiver: CertAndKey;
  clients: Record<string, CertAndKey>;
  jws: Record<string, { privatePem: string; publicPem: string }>;
  dispose(): void;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe', timeout: 20_000 });
}

function issue(dir: string, name: string, cn: string, usage: 'serverAuth' | 'clientAuth'): CertAndKey {
  const ext =
    usage === 'serverAuth'
      ? 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n'
      : 'extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature\n';
  writeFileSync(join(dir, `${name}.ext`), ext);
  openssl(dir, [
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    `${name}-key.pem`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=${cn}`,
  ]);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca-key.pem',
    '-set_serial',
    String(Math.floor(Math.random() * 1e9)),
    '-days',
    '2',
    '-extfile',
    `${name}.ext`,
    '-out',
    `${name}.pem`,
  ]);
  return {
    certPem: readFileSync(join(dir, `${name}.pem`), 'utf8'),
    keyPem: readFileSync(join(dir, `${name}-key.pem`), 'utf8'),
  };
}

export function createTestPki(fspIds: readonly string[]): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'mlperf-pki-'));
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'ca-key.pem',
    '-out',
    'ca.pem',
    '-subj',
    '/CN=mlperf-test-ca',
    '-days',
    '2',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  const clients: Record<string, CertAndKey> = {};
  const jws: TestPki['jws'] = {};
  for (const fspId of fspIds) {
    clients[fspId] = issue(dir, `client-${fspId}`, fspId, 'clientAuth');
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    jws[fspId] = {
      privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }
  return {
    dir,
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    hub: issue(dir, 'hub', 'hub', 'serverAuth'),
    receiver: issue(dir, 'receiver', 'perfprobe1', 'serverAuth'),
    clients,
    jws,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
