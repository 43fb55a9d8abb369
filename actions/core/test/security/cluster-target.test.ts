import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SECURITY_ERROR_LINE,
  SECURITY_JOB_CREDENTIALS_DIR,
  SECURITY_POSTURE_LINE,
} from '../../src/security/cluster-job-contract.js';
import {
  formatSecurityJobError,
  formatSecurityJobLine,
  securityTargetFromMounts,
} from '../../src/security/cluster-mounts.js';
import { parseSecurityJobLog } from '../../src/security/cluster-target.js';
import {
  buildPosture,
  PROBE_PAYEE_FSP_ID as PAYEE,
  PROBE_PAYER_FSP_ID as PAYER,
  PROBES,
  probeResult,
  type SecurityPosture,
} from '../../src/security/index.js';
import { createTestPki, type TestPki } from './pki.js';

const FOREIGN = 'perffsp1';
const DIR = '/creds';

let pki: TestPki;

beforeAll(() => {
  pki = createTestPki([PAYER, PAYEE, FOREIGN]);
});

afterAll(() => pki.dispose());

const env = (overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> => ({
  MLPERF_VS_HUB_URL: 'https://gateway.hub.svc:443',
  MLPERF_VS_CURRENCY: 'XXX',
  MLPERF_VS_RECEIVER_PORT: '8080',
  MLPERF_VS_RECEIVER_BASE_URL: 'http://mlperf-verify-security.dfsps.svc:80',
  MLPERF_VS_FOREIGN_FSP: FOREIGN,
  MLPERF_VS_CREDENTIALS_DIR: DIR,
  ...overrides,
});

/** The mount layout of cluster-job-contract.ts, in memory. */
function mounts(options: { mtls?: boolean; receiverTls?: boolean; dir?: string } = {}): Map<string, string> {
  const dir = options.dir ?? DIR;
  const files = new Map<string, string>();
  for (const id of [PAYER, PAYEE]) {
    if (options.mtls ?? true) {
      const client = pki.clients[id];
      if (!client) throw new Error(`no client certificate for ${id}`);
      files.set(`${dir}/mtls/${id}/tls.crt`, client.certPem);
      files.set(`${dir}/mtls/${id}/tls.key`, client.keyPem);
      files.set(`${dir}/mtls/${id}/ca.crt`, pki.caPem);
    }
  }
  for (const id of [PAYER, PAYEE, FOREIGN]) files.set(`${dir}/jws/${id}/private.pem`, pki.jwsPrivate(id));
  if (options.receiverTls) {
    files.set(`${dir}/receiver/tls.crt`, pki.receiver.certPem);
    files.set(`${dir}/receiver/tls.key`, pki.receiver.keyPem);
  }
  return files;
}

const reader = (files: Map<string, string>) => async (file: string) => files.get(file) ?? null;

/** The Error message of a rejected build (fails the test when it resolves). */
async function problemOf(
  environment: Record<string, string | undefined>,
  files: Map<string, string>,
): Promise<string> {
  try {
    await securityTargetFromMounts(environment, reader(files));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('securityTargetFromMounts accepted the input');
}

describe('securityTargetFromMounts', () => {
  it('builds the target from the env and mounts: mTLS clients, the payer CA, a plain-HTTP receiver', async () => {
    const target = await securityTargetFromMounts(env(), reader(mounts()));
    expect(target).toEqual({
      hubUrl: 'https://gateway.hub.svc:443',
      caPem: pki.caPem,
      currency: 'XXX',
      payer: {
        fspId: PAYER,
        clientCertPem: pki.clients[PAYER]?.certPem,
        clientKeyPem: pki.clients[PAYER]?.keyPem,
        jwsPrivateKeyPem: pki.jwsPrivate(PAYER),
      },
      payee: {
        fspId: PAYEE,
        clientCertPem: pki.clients[PAYEE]?.certPem,
        clientKeyPem: pki.clients[PAYEE]?.keyPem,
        jwsPrivateKeyPem: pki.jwsPrivate(PAYEE),
      },
      foreignSigner: { fspId: FOREIGN, jwsPrivateKeyPem: pki.jwsPrivate(FOREIGN) },
      receiver: {
        host: '0.0.0.0',
        port: 8080,
        publicBaseUrl: 'http://mlperf-verify-security.dfsps.svc:80',
        tls: null,
      },
    });
  });

  it('serves HTTPS when the receiver TLS mount is present', async () => {
    const target = await securityTargetFromMounts(
      env({ MLPERF_VS_RECEIVER_BASE_URL: 'https://127.0.0.1:9443' }),
      reader(mounts({ receiverTls: true })),
    );
    expect(target.receiver).toEqual({
      host: '0.0.0.0',
      port: 8080,
      publicBaseUrl: 'https://127.0.0.1:9443',
      tls: { certPem: pki.receiver.certPem, keyPem: pki.receiver.keyPem },
    });
  });

  it('without mTLS mounts and an http hub: no client certificates and no CA', async () => {
    const target = await securityTargetFromMounts(
      env({ MLPERF_VS_HUB_URL: 'http://hub.local:3000' }),
      reader(mounts({ mtls: false })),
    );
    expect(target.caPem).toBeUndefined();
    expect(target.payer).toEqual({ fspId: PAYER, jwsPrivateKeyPem: pki.jwsPrivate(PAYER) });
    expect(target.payee).toEqual({ fspId: PAYEE, jwsPrivateKeyPem: pki.jwsPrivate(PAYEE) });
  });

  it('reads the default mount path when the credentials dir is not set', async () => {
    const files = mounts({ dir: SECURITY_JOB_CREDENTIALS_DIR });
    const target = await securityTargetFromMounts(
      env({ MLPERF_VS_CREDENTIALS_DIR: undefined }),
      reader(files),
    );
    expect(target.payer.jwsPrivateKeyPem).toBe(pki.jwsPrivate(PAYER));
  });

  it('an empty ca.crt (issuers that do not know their CA) means no CA', async () => {
    const files = mounts();
    files.set(`${DIR}/mtls/${PAYER}/ca.crt`, '');
    expect((await securityTargetFromMounts(env(), reader(files))).caPem).toBeUndefined();
  });

  it('names every missing env var at once, with what is allowed', async () => {
    const message = await problemOf({}, mounts());
    expect(message).toMatch(/^verify-security cannot run: /);
    for (const name of [
      'MLPERF_VS_HUB_URL is not set; allowed: an http:// or https:// URL',
      'MLPERF_VS_CURRENCY is not set; allowed: an ISO 4217 code',
      'MLPERF_VS_RECEIVER_PORT is not set; allowed: an integer 1–65535',
      'MLPERF_VS_RECEIVER_BASE_URL is not set; allowed: the http(s) URL of the Job Service',
      'MLPERF_VS_FOREIGN_FSP is not set; allowed: a DFSP id',
    ]) {
      expect(message).toContain(name);
    }
  });

  it.each(['0', '65536', 'http', '80.5', '-1', ' 8080'])('refuses receiver port %j', async (port) => {
    expect(await problemOf(env({ MLPERF_VS_RECEIVER_PORT: port }), mounts())).toContain(
      `MLPERF_VS_RECEIVER_PORT is ${JSON.stringify(port)}; allowed: an integer 1–65535`,
    );
  });

  it('refuses a hub URL that is not http(s), and does not echo user credentials', async () => {
    expect(await problemOf(env({ MLPERF_VS_HUB_URL: 'ftp://hub:21' }), mounts())).toContain(
      'MLPERF_VS_HUB_URL is "ftp://hub:21"; allowed: an http:// or https:// URL without credentials, query or fragment',
    );
    expect(await problemOf(env({ MLPERF_VS_HUB_URL: 'not a url' }), mounts())).toContain(
      'MLPERF_VS_HUB_URL is "not a url"',
    );
    const leaked = await problemOf(env({ MLPERF_VS_HUB_URL: 'https://user:s3cret@hub' }), mounts());
    expect(leaked).toContain('MLPERF_VS_HUB_URL carries user credentials');
    expect(leaked).not.toContain('s3cret');
  });

  it('refuses a bad currency, a bad foreign DFSP and a relative credentials dir', async () => {
    expect(await problemOf(env({ MLPERF_VS_CURRENCY: 'usd' }), mounts())).toContain(
      'MLPERF_VS_CURRENCY is "usd"; allowed: an ISO 4217 code of three upper-case letters',
    );
    expect(await problemOf(env({ MLPERF_VS_FOREIGN_FSP: PAYER }), mounts())).toContain(
      `MLPERF_VS_FOREIGN_FSP is "${PAYER}"; allowed: a DFSP id`,
    );
    expect(await problemOf(env({ MLPERF_VS_FOREIGN_FSP: '../etc' }), mounts())).toContain(
      'MLPERF_VS_FOREIGN_FSP is "../etc"',
    );
    expect(await problemOf(env({ MLPERF_VS_CREDENTIALS_DIR: 'creds' }), mounts())).toContain(
      'MLPERF_VS_CREDENTIALS_DIR is "creds"; allowed: an absolute path',
    );
  });

  it('names a missing JWS key file by its path', async () => {
    const files = mounts();
    files.delete(`${DIR}/jws/${FOREIGN}/private.pem`);
    expect(await problemOf(env(), files)).toContain(
      `${DIR}/jws/${FOREIGN}/private.pem is missing; allowed: ${FOREIGN}'s JWS private key (PEM)`,
    );
  });

  it('refuses unusable key material without showing it', async () => {
    const files = mounts();
    const secretish = 'MIIEvgIBADANBgkqhkiG9w0BAQEFAASC-not-really';
    files.set(
      `${DIR}/jws/${PAYEE}/private.pem`,
      `-----BEGIN PRIVATE KEY-----\n${secretish}\n-----END PRIVATE KEY-----\n`,
    );
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    files.set(`${DIR}/jws/${PAYER}/private.pem`, ec.toString());
    const message = await problemOf(env(), files);
    expect(message).toContain(`${DIR}/jws/${PAYEE}/private.pem is not an unencrypted PEM private key`);
    expect(message).toContain(`${DIR}/jws/${PAYER}/private.pem holds a ec key; allowed: an RSA private key`);
    expect(message).not.toContain(secretish);
    expect(message).not.toContain('BEGIN');
  });

  it('refuses a half-mounted or mismatched client certificate pair', async () => {
    const half = mounts();
    half.delete(`${DIR}/mtls/${PAYEE}/tls.key`);
    expect(await problemOf(env(), half)).toContain(
      `${DIR}/mtls/${PAYEE}/tls.key is missing but ${DIR}/mtls/${PAYEE}/tls.crt is present; allowed: both files or neither`,
    );
    const mismatched = mounts();
    mismatched.set(`${DIR}/mtls/${PAYER}/tls.key`, pki.clients[PAYEE]?.keyPem ?? '');
    expect(await problemOf(env(), mismatched)).toContain(
      `${DIR}/mtls/${PAYER}/tls.key is not the key of the certificate ${DIR}/mtls/${PAYER}/tls.crt`,
    );
    const notACert = mounts();
    notACert.set(`${DIR}/mtls/${PAYER}/ca.crt`, 'garbage');
    expect(await problemOf(env(), notACert)).toContain(
      `${DIR}/mtls/${PAYER}/ca.crt is not a PEM X.509 certificate`,
    );
  });

  it('an https hub needs the client certificates', async () => {
    const message = await problemOf(env(), mounts({ mtls: false }));
    expect(message).toContain(
      `${DIR}/mtls/${PAYER}/tls.crt and ${DIR}/mtls/${PAYER}/tls.key are missing, but MLPERF_VS_HUB_URL is https`,
    );
    expect(message).toContain(`${DIR}/mtls/${PAYEE}/tls.crt and ${DIR}/mtls/${PAYEE}/tls.key are missing`);
  });

  it('the receiver URL scheme must match whether the receiver TLS mount is there', async () => {
    expect(
      await problemOf(
        env({ MLPERF_VS_RECEIVER_BASE_URL: 'https://svc:443' }),
        mounts({ receiverTls: false }),
      ),
    ).toContain(
      `MLPERF_VS_RECEIVER_BASE_URL is "https://svc:443"; allowed: an http:// URL, since no receiver certificate (${DIR}/receiver/tls.crt) is mounted`,
    );
    expect(await problemOf(env(), mounts({ receiverTls: true }))).toContain(
      `allowed: an https:// URL, since the receiver certificate in ${DIR}/receiver is mounted`,
    );
  });

  it('names a file that could not be read', async () => {
    const files = mounts();
    const read = async (file: string) => {
      if (file.endsWith(`/jws/${PAYER}/private.pem`)) throw new Error('EACCES: permission denied');
      return files.get(file) ?? null;
    };
    await expect(securityTargetFromMounts(env(), read)).rejects.toThrow(
      `${DIR}/jws/${PAYER}/private.pem could not be read (EACCES: permission denied)`,
    );
  });
});

// ---------------------------------------------------------------- the result line

function posture(): SecurityPosture {
  return buildPosture(
    'https://gateway.hub.svc:443',
    { reachedHub: true, forwarded: true, committed: true, observed: 'transfer t1 committed in 80 ms' },
    PROBES.map((name) => probeResult(name, 'refused', 'rejected', 'HTTP 400, FSPIOP 3105')),
    new Date('2026-01-02T03:04:05.000Z'),
  );
}

describe('the Job result line', () => {
  it('round-trips a posture; the last result line wins and other output is ignored', () => {
    const first = posture();
    const second = { ...posture(), hubUrl: 'https://other:443' };
    const line = formatSecurityJobLine(second);
    expect(line.split('\n')).toHaveLength(1);
    expect(line.startsWith(`${SECURITY_POSTURE_LINE} {`)).toBe(true);
    const log = ['npm notice', formatSecurityJobLine(first), `  ${line}\r`, 'bye', ''].join('\n');
    expect(parseSecurityJobLog(log)).toEqual({ posture: second });
  });

  it('an error line gives its message', () => {
    const line = formatSecurityJobError('verify-security cannot run: A is not set;\n  B is "x"');
    expect(line).toBe(`${SECURITY_ERROR_LINE} verify-security cannot run: A is not set; B is "x"`);
    expect(parseSecurityJobLog(`starting\n${line}\n`)).toEqual({
      error: 'verify-security failed in the Job: verify-security cannot run: A is not set; B is "x"',
    });
    expect(formatSecurityJobError(' \n ')).toBe(
      `${SECURITY_ERROR_LINE} verify-security failed without a message`,
    );
  });

  it('no result line, or garbage, is an error', () => {
    expect(parseSecurityJobLog('')).toEqual({
      error: `the Job's log has no ${SECURITY_POSTURE_LINE} or ${SECURITY_ERROR_LINE} line (0 non-empty lines of output)`,
    });
    expect(parseSecurityJobLog('Segmentation fault\nMLPERF_SECURITY_POSTURED {}\n')).toEqual({
      error: `the Job's log has no ${SECURITY_POSTURE_LINE} or ${SECURITY_ERROR_LINE} line (2 non-empty lines of output)`,
    });
    const notJson = parseSecurityJobLog(`${SECURITY_POSTURE_LINE} {"hubUrl": `);
    expect('error' in notJson && notJson.error).toMatch(
      new RegExp(`^the Job's ${SECURITY_POSTURE_LINE} line is not JSON \\(.+\\): \\{"hubUrl":$`),
    );
  });

  it('a posture the results schema refuses is an error naming the issue path', () => {
    const claimed = posture();
    const mtls = claimed.controls.mtls;
    const [first, ...rest] = mtls.probes;
    if (!first) throw new Error('no mtls probe');
    // Claims proven although a probe was accepted: the schema recomputes the status.
    const tampered = {
      ...claimed,
      controls: {
        ...claimed.controls,
        mtls: { ...mtls, probes: [{ ...first, outcome: 'accepted', passed: false }, ...rest] },
      },
    };
    const outcome = parseSecurityJobLog(`${SECURITY_POSTURE_LINE} ${JSON.stringify(tampered)}`);
    expect(outcome).toEqual({
      error: expect.stringContaining('not a valid security posture: controls.mtls.status: '),
    });
    const { baseline: _dropped, ...noBaseline } = claimed;
    expect(parseSecurityJobLog(`${SECURITY_POSTURE_LINE} ${JSON.stringify(noBaseline)}`)).toEqual({
      error: expect.stringContaining('not a valid security posture: baseline: '),
    });
    expect(parseSecurityJobLog(`${SECURITY_POSTURE_LINE} 42`)).toEqual({
      error: expect.stringContaining('not a valid security posture: (the whole posture): '),
    });
  });
});
