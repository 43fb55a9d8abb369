import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTROLS,
  PROBE_PAYEE_FSP_ID as PAYEE,
  PROBE_PAYER_FSP_ID as PAYER,
  ProbeReceiver,
  type SecurityPosture,
  type SecurityTarget,
  verifySecurity,
} from '../../src/security/index.js';
import { FakeHub, type WeakSpots } from './fake-hub.js';
import { createTestPki, type TestPki } from './pki.js';

const FOREIGN = 'perffsp3';
const TIMEOUTS = { requestMs: 3000, callbackMs: 2000, settleMs: 150, nearExpiryMs: 400, lateGraceMs: 200 };

let pki: TestPki;
let receiver: ProbeReceiver;
let hub: FakeHub | undefined;

beforeAll(async () => {
  pki = createTestPki([PAYER, PAYEE, FOREIGN]);
  receiver = await ProbeReceiver.start({
    host: '127.0.0.1',
    port: 0,
    tls: { certPem: pki.receiver.certPem, keyPem: pki.receiver.keyPem },
  });
});

afterAll(async () => {
  await receiver.close();
  pki.dispose();
});

afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

async function startHub(
  options: { tls?: boolean; weak?: WeakSpots; endpoints?: Record<string, string> } = {},
) {
  hub = await new FakeHub({
    tls: options.tls === false ? null : { ...pki.hub, caPem: pki.caPem },
    callbackCaPem: pki.caPem,
    jwsPublicKeys: Object.fromEntries(Object.entries(pki.jws).map(([id, pair]) => [id, pair.publicPem])),
    endpoints: options.endpoints ?? {
      [PAYER]: receiver.callbackBaseUrl(PAYER),
      [PAYEE]: receiver.callbackBaseUrl(PAYEE),
    },
    ...(options.weak ? { weak: options.weak } : {}),
  }).start();
  return hub;
}

function target(hubUrl: string): SecurityTarget {
  const party = (fspId: string) => ({
    fspId,
    clientCertPem: pki.clients[fspId]?.certPem ?? '',
    clientKeyPem: pki.clients[fspId]?.keyPem ?? '',
    jwsPrivateKeyPem: pki.jws[fspId]?.privatePem ?? '',
  });
  return {
    hubUrl,
    caPem: pki.caPem,
    currency: 'XXX',
    payer: party(PAYER),
    payee: party(PAYEE),
    foreignSigner: { fspId: FOREIGN, jwsPrivateKeyPem: pki.jws[FOREIGN]?.privatePem ?? '' },
    receiver,
    timeouts: TIMEOUTS,
  };
}

const statuses = (posture: SecurityPosture) =>
  Object.fromEntries(CONTROLS.map((c) => [c, posture.controls[c].status]));
const probe = (posture: SecurityPosture, name: string) =>
  Object.values(posture.controls)
    .flatMap((c) => c.probes)
    .find((p) => p.name === name);

describe('verifySecurity against a FAKE hub that enforces every control', () => {
  it('proves each control with a passing probe', async () => {
    const { url } = await startHub();
    const posture = await verifySecurity(target(url));

    expect(posture.baseline).toMatchObject({ reachedHub: true, forwarded: true, committed: true });
    expect(statuses(posture)).toEqual({
      mtls: 'proven',
      jwsValidation: 'proven',
      ilp: 'proven',
      expiry: 'proven',
    });
    for (const control of CONTROLS) {
      for (const result of posture.controls[control].probes) {
        expect(result, result.name).toMatchObject({ passed: true, outcome: 'rejected' });
      }
    }
    expect(probe(posture, 'no-client-certificate')?.observed).toMatch(
      /^TLS handshake refused \(ERR_SSL_|^TLS handshake refused \(ECONNRESET/,
    );
    expect(probe(posture, 'certificate-source-mismatch')?.observed).toBe(
      'refused at once: HTTP 403, FSPIOP 3000 "Generic client error - client certificate does not belong to FSPIOP-Source"',
    );
    expect(probe(posture, 'unsigned-request')?.observed).toBe(
      'refused at once: HTTP 400, FSPIOP 3105 "Invalid signature - no FSPIOP-Signature"',
    );
    expect(probe(posture, 'tampered-body')?.observed).toContain(
      '3105 "Invalid signature - signature does not match"',
    );
    expect(probe(posture, 'foreign-signature')?.observed).toContain(
      '3105 "Invalid signature - signature does not match"',
    );
    expect(probe(posture, 'wrong-fulfilment')?.observed).toMatch(
      /^transfer aborted: error callback to perfprobe[12]: FSPIOP 3100 "Generic validation error - invalid fulfilment"$/,
    );
    expect(probe(posture, 'expired-at-prepare')?.observed).toBe(
      'answered HTTP 202, then sent perfprobe1 an error callback: FSPIOP 3303 "Transfer expired"',
    );
    expect(probe(posture, 'late-fulfilment')?.observed).toContain('FSPIOP 3303 "Transfer expired"');
    expect(posture.controls.mtls.evidence).toMatch(
      /^all 2 probes were rejected as expected: no-client-certificate: /,
    );
  });

  it('runs only the selected probes and leaves the other controls not proven', async () => {
    const { url } = await startHub();
    const posture = await verifySecurity(target(url), ['unsigned-request']);
    expect(statuses(posture)).toEqual({
      mtls: 'not-proven',
      jwsValidation: 'proven',
      ilp: 'not-proven',
      expiry: 'not-proven',
    });
    expect(posture.controls.ilp.evidence).toBe('no probe of this control was run');
  });
});

describe('verifySecurity against deliberately weak FAKE hubs', () => {
  it('reports JWS validation failed when unsigned, tampered and foreign-signed requests get through', async () => {
    const { url } = await startHub({ weak: { skipJws: true } });
    const posture = await verifySecurity(target(url), [
      'unsigned-request',
      'tampered-body',
      'foreign-signature',
    ]);
    expect(posture.controls.jwsValidation.status).toBe('failed');
    for (const result of posture.controls.jwsValidation.probes) {
      expect(result.outcome).toBe('accepted');
      expect(result.observed).toMatch(
        /^answered HTTP 202 and forwarded the prepare to perfprobe2 after \d+ ms$/,
      );
    }
    expect(posture.controls.jwsValidation.evidence).toContain(
      'unsigned-request: answered HTTP 202 and forwarded the prepare to perfprobe2',
    );
    expect(posture.controls.jwsValidation.evidence).toContain('(expected: rejected: FSPIOP 3105');
  });

  it('reports mutual TLS failed when the certificate identity is ignored', async () => {
    const { url } = await startHub({ weak: { ignoreCertificateSource: true } });
    const posture = await verifySecurity(target(url), [
      'no-client-certificate',
      'certificate-source-mismatch',
    ]);
    expect(posture.controls.mtls.status).toBe('failed');
    expect(probe(posture, 'no-client-certificate')?.passed).toBe(true);
    expect(probe(posture, 'certificate-source-mismatch')).toMatchObject({
      outcome: 'accepted',
      passed: false,
      observed: expect.stringMatching(/^answered HTTP 202 and forwarded the prepare to perfprobe1 after/),
    });
  });

  it('reports mutual TLS failed when a client without a certificate is let in', async () => {
    const { url } = await startHub({ weak: { acceptNoClientCertificate: true } });
    const posture = await verifySecurity(target(url), ['no-client-certificate']);
    expect(posture.controls.mtls.status).toBe('failed');
    expect(posture.controls.mtls.evidence).toMatch(
      /^no-client-certificate: the handshake completed without a client certificate and the API answered HTTP 202/,
    );
  });

  it('reports the ILP check failed when a wrong fulfilment commits the transfer', async () => {
    const { url } = await startHub({ weak: { acceptWrongFulfilment: true } });
    const posture = await verifySecurity(target(url), ['wrong-fulfilment']);
    expect(posture.controls.ilp).toMatchObject({
      status: 'failed',
      evidence:
        'wrong-fulfilment: the hub accepted the fulfilment and told perfprobe1 COMMITTED (expected: aborted: FSPIOP 3100 (invalid fulfilment) or 3106, never COMMITTED)',
    });
  });

  it('reports expiry failed when expired transfers are forwarded and committed', async () => {
    const { url } = await startHub({ weak: { ignoreExpiry: true } });
    const posture = await verifySecurity(target(url), ['expired-at-prepare', 'late-fulfilment']);
    expect(posture.controls.expiry.status).toBe('failed');
    expect(probe(posture, 'expired-at-prepare')?.outcome).toBe('accepted');
    expect(probe(posture, 'late-fulfilment')?.observed).toBe(
      'the hub accepted the fulfilment and told perfprobe1 COMMITTED',
    );
  });
});

describe('verifySecurity when probes cannot run', () => {
  it('says why mutual TLS is not proven on a plain-HTTP hub', async () => {
    const { url } = await startHub({ tls: false });
    const posture = await verifySecurity(target(url), [
      'no-client-certificate',
      'certificate-source-mismatch',
      'unsigned-request',
    ]);
    expect(posture.controls.mtls).toMatchObject({
      status: 'not-proven',
      evidence: `no-client-certificate: the hub URL ${url} is not https; certificate-source-mismatch: the hub URL ${url} is not https, so no client certificate identifies the sender`,
    });
    expect(posture.controls.jwsValidation.status).toBe('proven');
  });

  it('proves nothing when the baseline transfer cannot complete', async () => {
    // The payee's callback endpoint is not registered: the valid prepare is never delivered.
    const { url } = await startHub({ endpoints: { [PAYER]: receiver.callbackBaseUrl(PAYER) } });
    const posture = await verifySecurity(target(url), [
      'unsigned-request',
      'wrong-fulfilment',
      'no-client-certificate',
    ]);
    expect(posture.baseline).toMatchObject({ reachedHub: true, forwarded: false, committed: false });
    expect(posture.baseline.observed).toBe(`prepare accepted, but nothing reached ${PAYEE} within 2000 ms`);
    expect(statuses(posture)).toEqual({
      mtls: 'proven',
      jwsValidation: 'not-proven',
      ilp: 'not-proven',
      expiry: 'not-proven',
    });
    expect(posture.controls.jwsValidation.evidence).toBe(
      `unsigned-request: the valid baseline transfer was not forwarded to the payee (${posture.baseline.observed}), so a refusal could not be attributed to this control`,
    );
  });

  it('proves nothing when the hub cannot be reached', async () => {
    const posture = await verifySecurity(target('https://127.0.0.1:9'));
    expect(posture.baseline.reachedHub).toBe(false);
    expect(posture.baseline.observed).toMatch(/^prepare: no HTTP answer \(ECONNREFUSED/);
    expect(Object.values(statuses(posture))).toEqual([
      'not-proven',
      'not-proven',
      'not-proven',
      'not-proven',
    ]);
  });

  it('refuses an unusable target', async () => {
    const bad = target('https://127.0.0.1:9');
    await expect(
      verifySecurity({ ...bad, payer: { ...bad.payer, clientCertPem: undefined } }),
    ).rejects.toThrow(/perfprobe1: a client certificate and key are needed/);
    await expect(verifySecurity({ ...bad, hubUrl: 'ftp://x' })).rejects.toThrow(
      /hubUrl must be an http\(s\) URL/,
    );
  });
});
