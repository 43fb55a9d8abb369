import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePki, type PkiMaterial } from '../../pki/src/index.js';
import { logTail, redact } from '../src/logs.js';
import { stackPorts } from '../src/ports.js';
import { prometheusArgs, prometheusConfig } from '../src/prometheus.js';
import { envFileText, FULL_SECURITY, hubConfig, sdkEnvironment } from '../src/settings.js';
import { addressInUseHint } from '../src/supervisor.js';

const require = createRequire(import.meta.url);
const ports = stackPorts(47000, 2);
const SECRET = 'c2VjcmV0LWlscC1zZWNyZXQtb2YtcGVyZmZzcDE';
let root: string;
let pki: PkiMaterial;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mlperf-settings-'));
  pki = await ensurePki({ runDir: join(root, 'run'), fspIds: ['perffsp1', 'perffsp2'] });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every environment name SDK 18's config.js reads: `env.get('NAME')`. */
function namesReadBySdk(): Set<string> {
  const configJs = readFileSync(
    join(require.resolve('@mojaloop/sdk-scheme-adapter/package.json'), '..', 'src', 'config.js'),
    'utf8',
  );
  return new Set([...configJs.matchAll(/env\.get\('([A-Z0-9_]+)'\)/g)].map((m) => m[1] ?? ''));
}

describe('sdkEnvironment', () => {
  const dfsp = ports.dfsps[0];
  if (!dfsp) throw new Error('no dfsp');
  const env = () => sdkEnvironment({ dfsp, ports, pki, security: FULL_SECURITY, ilpSecret: SECRET });

  it('uses only names SDK 18 reads (or our own MLPERF_* and the logger context SIM_NAME)', () => {
    const known = namesReadBySdk();
    expect(known.size).toBeGreaterThan(50);
    const ours = Object.keys(env()).filter((name) => !known.has(name));
    expect(ours.sort()).toEqual(['MLPERF_BIND_HOST', 'MLPERF_SDK_LOG', 'SIM_NAME']);
    const indexJs = readFileSync(require.resolve('@mojaloop/sdk-scheme-adapter'), 'utf8');
    expect(indexJs).toContain("process.env['SIM_NAME']");
  });

  it('gives every SDK 18 setting the brief asks for, with the full security posture', () => {
    expect(env()).toMatchObject({
      DFSP_ID: 'perffsp1',
      PEER_ENDPOINT: '127.0.0.1:47010',
      BACKEND_ENDPOINT: '127.0.0.1:47105',
      INBOUND_LISTEN_PORT: '47100',
      OUTBOUND_LISTEN_PORT: '47101',
      METRICS_SERVER_LISTEN_PORT: '47104',
      CACHE_URL: 'redis://127.0.0.1:47106',
      ILP_SECRET: SECRET,
      CHECK_ILP: 'true',
      EXPIRY_SECONDS: '60',
      AUTO_ACCEPT_QUOTES: 'true',
      AUTO_ACCEPT_PARTY: 'true',
      JWS_SIGN: 'true',
      JWS_SIGN_PUT_PARTIES: 'true',
      JWS_SIGNING_KEY_PATH: pki.jws.get('perffsp1')?.privateKeyPath,
      VALIDATE_INBOUND_JWS: 'true',
      VALIDATE_INBOUND_PUT_PARTIES_JWS: 'true',
      JWS_VERIFICATION_KEYS_DIRECTORY: pki.jwsPublicDir,
      INBOUND_MUTUAL_TLS_ENABLED: 'true',
      IN_CA_CERT_PATH: pki.ca.certPath,
      IN_SERVER_CERT_PATH: pki.dfsps.get('perffsp1')?.server.certPath,
      IN_SERVER_KEY_PATH: pki.dfsps.get('perffsp1')?.server.keyPath,
      OUTBOUND_MUTUAL_TLS_ENABLED: 'true',
      OUT_CA_CERT_PATH: pki.ca.certPath,
      OUT_CLIENT_CERT_PATH: pki.dfsps.get('perffsp1')?.client.certPath,
      OUT_CLIENT_KEY_PATH: pki.dfsps.get('perffsp1')?.client.keyPath,
      LOG_INDENT: '0',
    });
  });

  it('points the SDK at its own Redis, or at the shared one', () => {
    expect(env().CACHE_URL).toBe('redis://127.0.0.1:47106');
    const shared = sdkEnvironment({
      dfsp,
      ports,
      pki,
      security: FULL_SECURITY,
      ilpSecret: SECRET,
      redis: 'shared',
    });
    expect(shared.CACHE_URL).toBe('redis://127.0.0.1:47001');
  });

  it('maps each security switch of the run configuration', () => {
    const off = sdkEnvironment({
      dfsp,
      ports,
      pki,
      security: { mtls: false, jwsSign: false, jwsValidate: false, ilp: false },
      ilpSecret: SECRET,
    });
    expect(off).toMatchObject({
      INBOUND_MUTUAL_TLS_ENABLED: 'false',
      OUTBOUND_MUTUAL_TLS_ENABLED: 'false',
      JWS_SIGN: 'false',
      VALIDATE_INBOUND_JWS: 'false',
      VALIDATE_INBOUND_PUT_PARTIES_JWS: 'false',
      CHECK_ILP: 'false',
    });
    // Without mutual TLS no certificate path is given (SDK 18 reads those files whenever the name is set).
    expect(Object.keys(off).filter((name) => /^(IN|OUT)_/.test(name))).toEqual([]);
    const signOnly = sdkEnvironment({
      dfsp,
      ports,
      pki,
      security: { ...FULL_SECURITY, jwsValidate: false },
      ilpSecret: SECRET,
    });
    expect(signOnly).toMatchObject({ JWS_SIGN: 'true', VALIDATE_INBOUND_JWS: 'false' });
  });

  it('loads in SDK 18 config.js as intended', async () => {
    // config.js reads process.env when first required; give it a fresh module registry via a child.
    const { execFileSync } = await import('node:child_process');
    const script = `const c = require(${JSON.stringify(
      join(require.resolve('@mojaloop/sdk-scheme-adapter/package.json'), '..', 'src', 'config.js'),
    )}); process.stdout.write(JSON.stringify({ dfspId: c.dfspId, peer: c.peerEndpoint, backend: c.backendEndpoint,
      inPort: c.inbound.port, outPort: c.outbound.port, metrics: c.metrics.port, cache: c.cacheUrl,
      checkIlp: c.checkIlp, jwsSign: c.jwsSign, validate: c.validateInboundJws, validatePut: c.validateInboundPutPartiesJws,
      inTls: c.inbound.tls.mutualTLS.enabled, outTls: c.outbound.tls.mutualTLS.enabled,
      hasKey: Buffer.isBuffer(c.jwsSigningKey), hasInCert: Buffer.isBuffer(c.inbound.tls.creds.cert),
      caCount: c.outbound.tls.creds.ca.length, keysDir: c.jwsVerificationKeysDirectory, logIndent: c.logIndent }));`;
    const out = execFileSync(process.execPath, ['-e', script], {
      env: { PATH: process.env.PATH ?? '', ...env() },
      cwd: root,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({
      dfspId: 'perffsp1',
      peer: '127.0.0.1:47010',
      backend: '127.0.0.1:47105',
      inPort: 47100,
      outPort: 47101,
      metrics: 47104,
      cache: 'redis://127.0.0.1:47106',
      checkIlp: true,
      jwsSign: true,
      validate: true,
      validatePut: true,
      inTls: true,
      outTls: true,
      hasKey: true,
      hasInCert: true,
      caCount: 1,
      keysDir: pki.jwsPublicDir,
      logIndent: 0,
    });
  });

  it('writes env files as sorted NAME=value lines', () => {
    expect(envFileText({ B: '2', A: '1' })).toBe('A=1\nB=2\n');
  });
});

describe('hubConfig', () => {
  it('has exactly the shape of local/README.md', () => {
    expect(hubConfig({ ports, pki, security: FULL_SECURITY })).toEqual({
      host: '127.0.0.1',
      fspiopPort: 47010,
      adminPort: 47011,
      alsPort: 47012,
      hubFspId: 'switch',
      tls: { caPath: pki.ca.certPath, certPath: pki.hub.server.certPath, keyPath: pki.hub.server.keyPath },
      callbackTls: {
        caPath: pki.ca.certPath,
        certPath: pki.hub.client.certPath,
        keyPath: pki.hub.client.keyPath,
      },
      jws: {
        validate: true,
        verificationKeysDir: pki.jwsPublicDir,
        signingKeyPath: pki.jws.get('switch')?.privateKeyPath,
      },
      ilp: { check: true },
      retentionSeconds: 60,
    });
  });

  it('turns the security switches into null TLS, jws.validate and ilp.check', () => {
    const config = hubConfig({
      ports,
      pki,
      security: { mtls: false, jwsSign: true, jwsValidate: false, ilp: false },
    });
    expect(config.tls).toBeNull();
    expect(config.callbackTls).toBeNull();
    expect(config.jws.validate).toBe(false);
    expect(config.ilp.check).toBe(false);
  });
});

describe('redaction and log tails', () => {
  it('removes private keys, secret assignments and known secret values', () => {
    const text = [
      'ok line',
      '-----BEGIN PRIVATE KEY-----\nMIIEv\nabc\n-----END PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----\ntruncated',
      `ILP_SECRET=${SECRET}`,
      `{"ilpSecret":"${SECRET}"}`,
      `the value ${SECRET} inline`,
      'OAUTH_CLIENT_SECRET: abc123',
      JSON.stringify({
        key: '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIJSON\n-----END EC PRIVATE KEY-----\n',
      }),
    ].join('\n');
    const out = redact(text, [SECRET]);
    expect(out).not.toContain(SECRET);
    expect(out).not.toMatch(/MIIEv|truncated|abc123|MHcCAQEEIJSON/);
    expect(out).toContain('ok line');
    expect(out).toContain('[redacted private key]');
    expect(out).toContain('ILP_SECRET=[redacted]');
  });

  it('returns the last lines of a log, redacted, and nothing for a missing file', async () => {
    const file = join(root, 'some.log');
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i}`);
    lines.push(`ILP_SECRET=${SECRET}`);
    await writeFile(file, `${lines.join('\n')}\n`);
    const tail = await logTail(file, { lines: 3, secrets: [SECRET] });
    expect(tail).toBe('line 98\nline 99\nILP_SECRET=[redacted]');
    expect(await logTail(join(root, 'missing.log'))).toBe('');
    // A cut first line is dropped when only the end of a large file is read.
    expect(await logTail(file, { lines: 50, maxBytes: 20 })).not.toMatch(/^ne /);
  });
});

describe('addressInUseHint', () => {
  it('explains a port taken during start-up when the plan lies in the ephemeral range', () => {
    const tail = 'Error: listen EADDRINUSE: address already in use 127.0.0.1:47100';
    expect(addressInUseHint(tail, stackPorts(47000, 8))).toContain(
      "Ports 47000–47806 lie in Linux's ephemeral range (32768–60999)",
    );
    expect(addressInUseHint(tail, stackPorts(47000, 8))).toContain('below 31962');
    expect(addressInUseHint(tail, stackPorts(20000, 8))).toBe(
      '\nA port of the stack was taken by another process.',
    );
    expect(addressInUseHint('all fine', stackPorts(47000, 8))).toBe('');
  });
});

describe('prometheus configuration', () => {
  it('scrapes the hub admin /metrics and every SDK metrics port, and listens on loopback', () => {
    const config = JSON.parse(prometheusConfig(ports, 5)) as {
      global: { scrape_interval: string };
      scrape_configs: Array<{
        job_name: string;
        static_configs: Array<{ targets: string[]; labels?: object }>;
      }>;
    };
    expect(config.global.scrape_interval).toBe('5s');
    const targets = Object.fromEntries(
      config.scrape_configs.map((job) => [job.job_name, job.static_configs.flatMap((s) => s.targets)]),
    );
    expect(targets).toEqual({
      hub: ['127.0.0.1:47011'],
      sdk: ['127.0.0.1:47104', '127.0.0.1:47204'],
      prometheus: ['127.0.0.1:47090'],
    });
    expect(prometheusArgs('/c.yml', '/data', 47090)).toEqual([
      '--config.file=/c.yml',
      '--storage.tsdb.path=/data',
      '--storage.tsdb.retention.time=7d',
      '--web.listen-address=127.0.0.1:47090',
      '--web.enable-remote-write-receiver',
      '--enable-feature=native-histograms',
      '--log.level=warn',
    ]);
  });
});
