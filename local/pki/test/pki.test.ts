import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { connect, createServer, type Server, type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commonNameOf, ensurePki, type PkiMaterial, subjectAltNames } from '../src/index.js';

// sdk-standard-components 17.4 (what SDK 18 signs and validates with), typed for what this test uses.
interface JwsRequest {
  method?: string;
  uri?: string;
  headers: Record<string, string>;
  body: unknown;
}
const { Jws } = createRequire(import.meta.url)('@mojaloop/sdk-standard-components') as {
  Jws: {
    signer: new (config: { logger: unknown; signingKey: string }) => { sign(request: JwsRequest): void };
    validator: new (config: {
      logger: unknown;
      validationKeys: Record<string, Buffer>;
    }) => { validate(request: JwsRequest): void };
  };
};

const FSPS = ['perffsp1', 'perffsp2'];
const OID_SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

let root: string;
let runDir: string;
let pki: PkiMaterial;
let printed: string[];

async function cert(path: string): Promise<X509Certificate> {
  return new X509Certificate(await readFile(path));
}

async function walk(dir: string): Promise<{ dirs: string[]; files: string[] }> {
  const dirs = [dir];
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) dirs.push(path);
    else files.push(path);
  }
  return { dirs, files };
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const file of (await walk(dir)).files) out.set(file, await readFile(file, 'utf8'));
  return out;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mlperf-pki-'));
  runDir = join(root, 'stack', 'a');
  printed = [];
  const capture = (chunk: unknown) => {
    printed.push(String(chunk));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(capture),
    vi.spyOn(process.stderr, 'write').mockImplementation(capture),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args) => void printed.push(args.join(' '))),
    ),
  ];
  try {
    pki = await ensurePki({ runDir, fspIds: FSPS });
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ensurePki layout and permissions', () => {
  it('writes the files of the run-directory contract', async () => {
    const rel = (await walk(runDir)).files.map((file) => file.slice(runDir.length + 1)).sort();
    expect(rel).toEqual(
      [
        'pki/ca.pem',
        'pki/ca-key.pem',
        'pki/hub/server.pem',
        'pki/hub/server-key.pem',
        'pki/hub/client.pem',
        'pki/hub/client-key.pem',
        ...FSPS.flatMap((id) => [
          `pki/${id}/server.pem`,
          `pki/${id}/server-key.pem`,
          `pki/${id}/client.pem`,
          `pki/${id}/client-key.pem`,
        ]),
        ...[...FSPS, 'switch'].flatMap((id) => [`jws/${id}.pem`, `jws-private/${id}-key.pem`]),
      ].sort(),
    );
    expect(pki.generated).toEqual(rel);
    expect(pki.reused).toEqual([]);
  });

  it('makes every directory 0700 and every file 0600', async () => {
    const { dirs, files } = await walk(runDir);
    for (const dir of dirs) expect([dir, (await stat(dir)).mode & 0o777]).toEqual([dir, 0o700]);
    for (const file of files) expect([file, (await stat(file)).mode & 0o777]).toEqual([file, 0o600]);
  });

  it('prints nothing and returns no key material', () => {
    expect(printed).toEqual([]);
    expect(JSON.stringify({ ...pki, dfsps: [...pki.dfsps], jws: [...pki.jws] })).not.toMatch(/BEGIN|PRIVATE/);
  });
});

describe('certificates', () => {
  it('has a self-signed P-256 environment CA', async () => {
    const ca = await cert(pki.ca.certPath);
    expect(ca.ca).toBe(true);
    expect(ca.checkIssued(ca)).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(ca.publicKey.asymmetricKeyType).toBe('ec');
    expect(ca.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('chains every leaf to the CA with the right CN, SAN and purpose', async () => {
    const ca = await cert(pki.ca.certPath);
    const expectations = [
      {
        files: pki.hub.server,
        cn: 'switch',
        sans: ['IP Address:127.0.0.1', 'DNS:localhost'],
        eku: OID_SERVER_AUTH,
      },
      { files: pki.hub.client, cn: 'switch', sans: [], eku: OID_CLIENT_AUTH },
      ...FSPS.flatMap((id) => {
        const identity = pki.dfsps.get(id);
        if (!identity) throw new Error(`no identity for ${id}`);
        return [
          { files: identity.server, cn: id, sans: ['IP Address:127.0.0.1'], eku: OID_SERVER_AUTH },
          { files: identity.client, cn: id, sans: [], eku: OID_CLIENT_AUTH },
        ];
      }),
    ];
    for (const { files, cn, sans, eku } of expectations) {
      const leaf = await cert(files.certPath);
      expect(leaf.ca).toBe(false);
      expect(leaf.checkIssued(ca)).toBe(true);
      expect(leaf.verify(ca.publicKey)).toBe(true);
      expect(commonNameOf(leaf)).toBe(cn);
      expect(subjectAltNames(leaf)).toEqual(sans);
      expect(leaf.keyUsage).toEqual([eku]);
      expect(leaf.checkPrivateKey(createPrivateKey(await readFile(files.keyPath)))).toBe(true);
      if (sans.length > 0) expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    }
    expect(await cert(pki.hub.server.certPath).then((c) => c.checkHost('localhost'))).toBe('localhost');
  });
});

describe('JWS keys', () => {
  const logger = { isDebugEnabled: () => false, debug: () => undefined, log: () => undefined };

  /** The SDK 18 way of loading JWS_VERIFICATION_KEYS_DIRECTORY: every `<name>.pem`, keyed by name. */
  async function sdkVerificationKeys(dir: string): Promise<Record<string, Buffer>> {
    const keys: Record<string, Buffer> = {};
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.pem'))) {
      keys[basename(file, '.pem')] = await readFile(join(dir, file));
    }
    return keys;
  }

  it('are RSA 2048 pairs the SDK signer and validator accept, and a tampered body fails', async () => {
    const keys = await sdkVerificationKeys(pki.jwsPublicDir);
    expect(Object.keys(keys).sort()).toEqual([...FSPS, 'switch'].sort());
    const validator = new Jws.validator({ logger: logger as never, validationKeys: keys });
    for (const id of [...FSPS, 'switch']) {
      const files = pki.jws.get(id);
      if (!files) throw new Error(`no JWS keys for ${id}`);
      const signingKey = await readFile(files.privateKeyPath, 'utf8');
      expect(createPrivateKey(signingKey).asymmetricKeyDetails?.modulusLength).toBe(2048);
      const signer = new Jws.signer({ logger: logger as never, signingKey });
      const body = {
        transferId: '3a2a3c8e-3a5f-4d7e-9d43-5c3c1c7f0e11',
        amount: { amount: '10', currency: 'XXX' },
      };
      const request = {
        method: 'PUT',
        uri: 'https://127.0.0.1:47010/transfers/3a2a3c8e-3a5f-4d7e-9d43-5c3c1c7f0e11',
        headers: {
          'fspiop-source': id,
          'fspiop-destination': 'perffsp2',
          date: new Date().toUTCString(),
        } as Record<string, string>,
        body,
      };
      signer.sign(request);
      // What was signed: the FSPIOP headers the signer added, and the signature itself.
      expect(Object.keys(request.headers)).toEqual(
        expect.arrayContaining(['fspiop-signature', 'fspiop-uri', 'fspiop-http-method']),
      );
      const incoming = { headers: request.headers, body };
      expect(() => validator.validate(incoming)).not.toThrow();
      expect(() =>
        validator.validate({
          headers: request.headers,
          body: { ...body, amount: { amount: '11', currency: 'XXX' } },
        }),
      ).toThrow();
    }
  });
});

describe('TLS with these certificates', () => {
  let server: Server;
  let port: number;
  const serverErrors: string[] = [];

  beforeAll(async () => {
    const identity = pki.dfsps.get('perffsp1');
    if (!identity) throw new Error('no perffsp1');
    server = createServer({
      ca: await readFile(pki.ca.certPath),
      cert: await readFile(identity.server.certPath),
      key: await readFile(identity.server.keyPath),
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    });
    server.on('secureConnection', (socket: TLSSocket) => {
      const peer = socket.getPeerCertificate();
      socket.end(`hello ${peer.subject?.CN ?? '?'}`);
    });
    server.on('tlsClientError', (error) => serverErrors.push(error.message));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    port = address.port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** Connects, returns what the server said or the error that ended the connection. Bounded by a timeout. */
  function talk(options: {
    cert?: Buffer;
    key?: Buffer;
    ca: Buffer;
  }): Promise<{ said?: string; error?: string }> {
    return new Promise((resolve) => {
      let said = '';
      const socket = connect({ host: '127.0.0.1', port, ...options });
      const timer = setTimeout(() => {
        socket.destroy();
        resolve({ error: 'timeout' });
      }, 5_000);
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        said += chunk;
      });
      socket.on('error', (error) => {
        clearTimeout(timer);
        resolve({ error: error.message });
      });
      socket.on('end', () => {
        clearTimeout(timer);
        resolve(said ? { said } : { error: 'closed without a greeting' });
      });
    });
  }

  it('completes a mutual handshake between the hub client and a DFSP server on loopback', async () => {
    const result = await talk({
      ca: await readFile(pki.ca.certPath),
      cert: await readFile(pki.hub.client.certPath),
      key: await readFile(pki.hub.client.keyPath),
    });
    expect(result).toEqual({ said: 'hello switch' });
  });

  it('refuses a client without a certificate', async () => {
    const result = await talk({ ca: await readFile(pki.ca.certPath) });
    expect(result.said).toBeUndefined();
    expect(result.error).toBeDefined();
    expect(result.error).not.toBe('timeout');
  });

  it('refuses a client whose certificate another CA issued', async () => {
    const other = await ensurePki({ runDir: join(root, 'stack', 'other'), fspIds: ['perffsp1'] });
    const result = await talk({
      ca: await readFile(pki.ca.certPath),
      cert: await readFile(other.hub.client.certPath),
      key: await readFile(other.hub.client.keyPath),
    });
    expect(result.said).toBeUndefined();
    expect(result.error).not.toBe('timeout');
  });
});

describe('idempotence', () => {
  it('reuses everything on a second run and adds only what a new DFSP needs', async () => {
    const before = await snapshot(runDir);
    const again = await ensurePki({ runDir, fspIds: FSPS });
    expect(again.generated).toEqual([]);
    expect(await snapshot(runDir)).toEqual(before);

    const grown = await ensurePki({ runDir, fspIds: [...FSPS, 'perffsp3'] });
    expect(grown.generated).toEqual([
      'jws-private/perffsp3-key.pem',
      'jws/perffsp3.pem',
      'pki/perffsp3/client-key.pem',
      'pki/perffsp3/client.pem',
      'pki/perffsp3/server-key.pem',
      'pki/perffsp3/server.pem',
    ]);
    for (const [file, text] of before) expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('replaces a damaged certificate, a mismatched key and a missing public key, and restores modes', async () => {
    const identity = pki.dfsps.get('perffsp2');
    const jws = pki.jws.get('perffsp1');
    if (!identity || !jws) throw new Error('missing files');
    await writeFile(identity.server.certPath, 'not a certificate');
    await writeFile(identity.client.keyPath, await readFile(pki.hub.client.keyPath));
    await rm(jws.publicKeyPath);
    await chmod(pki.ca.certPath, 0o644);

    const repaired = await ensurePki({ runDir, fspIds: FSPS });
    expect(repaired.generated).toEqual([
      'jws/perffsp1.pem',
      'pki/perffsp2/client-key.pem',
      'pki/perffsp2/client.pem',
      'pki/perffsp2/server-key.pem',
      'pki/perffsp2/server.pem',
    ]);
    expect((await stat(pki.ca.certPath)).mode & 0o777).toBe(0o600);
    const ca = await cert(pki.ca.certPath);
    expect((await cert(identity.server.certPath)).verify(ca.publicKey)).toBe(true);
  });

  it('replaces a CA near its end, and with it every certificate it issued', async () => {
    const oldCa = await readFile(pki.ca.certPath, 'utf8');
    const later = new Date(Date.now() + 340 * 86_400_000);
    const renewed = await ensurePki({ runDir, fspIds: FSPS, now: () => later });
    expect(await readFile(pki.ca.certPath, 'utf8')).not.toBe(oldCa);
    expect(renewed.generated.filter((file) => file.startsWith('pki/'))).toHaveLength(2 + 4 + 4 * FSPS.length);
    // JWS keys do not depend on the CA.
    expect(renewed.generated.filter((file) => file.startsWith('jws'))).toEqual([]);
  });
});
