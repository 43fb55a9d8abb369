import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Jws from '@mojaloop/sdk-standard-components/src/lib/jws/index.js';
import { afterAll, describe, expect, it } from 'vitest';
import { checkIlpPacket, fulfilmentMatches, isCondition } from '../src/ilp.js';
import { JwsKeyStore, JwsSigner, JwsVerifier } from '../src/jws.js';
import { quote } from './support/messages.js';

const logger = { isDebugEnabled: () => false, debug: () => {} };
const dir = mkdtempSync(join(tmpdir(), 'hub-jws-'));
const keys = new Map<string, { publicPem: string; privatePem: string }>();
for (const id of ['perffsp1', 'perffsp2', 'switch']) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  keys.set(id, { publicPem, privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
  writeFileSync(join(dir, `${id}.pem`), publicPem);
}
const key = (id: string) => keys.get(id) as { publicPem: string; privatePem: string };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A request signed by sdk-standard-components 17.4's signer, as SDK 18 sends it. */
function sdkSigned(source: string, body: Record<string, unknown>, signingSource = source) {
  const headers: Record<string, string | undefined> = {
    'content-type': 'application/vnd.interoperability.transfers+json;version=1.0',
    date: new Date().toUTCString(),
    'fspiop-source': source,
    'fspiop-destination': 'perffsp2',
  };
  const options = {
    method: 'POST',
    uri: 'https://127.0.0.1:47010/transfers',
    headers,
    body: body as unknown,
  };
  new Jws.signer({ signingKey: key(signingSource).privatePem, logger }).sign(options);
  return { headers, raw: Buffer.from(options.body as string) };
}

describe('JWS over the raw body', () => {
  const verifier = new JwsVerifier(new JwsKeyStore(dir));
  const body = {
    transferId: 'b51ec534-ee48-4575-b6a9-ead2955b8069',
    amount: { currency: 'USD', amount: '100' },
  };

  it('verifies what SDK 18 signs, byte for byte', () => {
    const { headers, raw } = sdkSigned('perffsp1', body);
    expect(verifier.verify({ method: 'POST', path: '/transfers', headers, body: raw })).toBeUndefined();
  });

  it('refuses changed bytes, a wrong key, a wrong method or path, and a mismatching protected header', () => {
    const { headers, raw } = sdkSigned('perffsp1', body);
    const spaced = Buffer.from(raw.toString().replace(':', ': '));
    expect(verifier.verify({ method: 'POST', path: '/transfers', headers, body: spaced })).toMatch(
      /does not verify/,
    );
    const other = sdkSigned('perffsp1', body, 'perffsp2');
    expect(
      verifier.verify({ method: 'POST', path: '/transfers', headers: other.headers, body: other.raw }),
    ).toMatch(/does not verify/);
    expect(verifier.verify({ method: 'PUT', path: '/transfers', headers, body: raw })).toMatch(
      /request method/,
    );
    expect(verifier.verify({ method: 'POST', path: '/quotes', headers, body: raw })).toMatch(/request path/);
    expect(
      verifier.verify({
        method: 'POST',
        path: '/transfers',
        headers: { ...headers, date: 'Mon, 01 Jan 2024' },
        body: raw,
      }),
    ).toMatch(/Date/);
    expect(
      verifier.verify({
        method: 'POST',
        path: '/transfers',
        headers: { ...headers, 'fspiop-destination': 'perffsp3' },
        body: raw,
      }),
    ).toMatch(/FSPIOP-Destination/);
    const { 'fspiop-signature': _s, ...unsigned } = headers;
    expect(verifier.verify({ method: 'POST', path: '/transfers', headers: unsigned, body: raw })).toMatch(
      /missing/,
    );
    expect(
      verifier.verify({
        method: 'POST',
        path: '/transfers',
        headers: { ...headers, 'fspiop-signature': 'x' },
        body: raw,
      }),
    ).toMatch(/not JSON/);
    expect(
      verifier.verify({
        method: 'POST',
        path: '/transfers',
        headers: { ...headers, 'fspiop-source': 'perffsp9' },
        body: raw,
      }),
    ).toMatch(/no JWS verification key/);
  });

  it('picks up a key file written after start', () => {
    const late = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const store = new JwsKeyStore(dir, () => 0, 0);
    expect(store.get('perffsp7')).toBeUndefined();
    writeFileSync(join(dir, 'perffsp7.pem'), late.publicKey.export({ type: 'spki', format: 'pem' }));
    expect(store.get('perffsp7')).toBeDefined();
    expect(store.get('../etc/passwd')).toBeUndefined();
  });

  it('signs so that the SDK 17.4 validator SDK 18 runs accepts it, and a tampered copy is refused', async () => {
    const signer = new JwsSigner(key('switch').privatePem);
    const message = {
      errorInformation: { errorCode: '3100', errorDescription: 'Generic validation error - x' },
    };
    const raw = Buffer.from(JSON.stringify(message));
    const headers: Record<string, string | undefined> = {
      'content-type': 'application/vnd.interoperability.transfers+json;version=1.0',
      date: new Date().toUTCString(),
      'fspiop-source': 'switch',
      'fspiop-destination': 'perffsp1',
      'fspiop-uri': '/transfers/b51ec534-ee48-4575-b6a9-ead2955b8069/error',
      'fspiop-http-method': 'PUT',
    };
    headers['fspiop-signature'] = await signer.sign(
      {
        uri: headers['fspiop-uri'] as string,
        method: 'PUT',
        source: 'switch',
        destination: 'perffsp1',
        date: headers.date as string,
      },
      raw,
    );
    const validator = new Jws.validator({ validationKeys: { switch: key('switch').publicPem }, logger });
    expect(() => validator.validate({ headers, body: JSON.parse(raw.toString()) })).not.toThrow();
    expect(() =>
      validator.validate({
        headers,
        body: { errorInformation: { ...message.errorInformation, errorCode: '3101' } },
      }),
    ).toThrow();
    // And the hub's own verifier agrees.
    expect(
      verifier.verify({ method: 'PUT', path: headers['fspiop-uri'] as string, headers, body: raw }),
    ).toBeUndefined();
  });

  it('supports EC P-256 keys (ES256) as well', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ecDir = mkdtempSync(join(tmpdir(), 'hub-jws-ec-'));
    try {
      writeFileSync(join(ecDir, 'ecfsp.pem'), ec.publicKey.export({ type: 'spki', format: 'pem' }));
      const signer = new JwsSigner(ec.privateKey.export({ type: 'pkcs8', format: 'pem' }));
      const raw = Buffer.from('{"a":1}');
      const headers = {
        'fspiop-source': 'ecfsp',
        'fspiop-uri': '/quotes',
        'fspiop-http-method': 'POST',
        'fspiop-signature': signer.signSync({ uri: '/quotes', method: 'POST', source: 'ecfsp' }, raw),
      };
      const ecVerifier = new JwsVerifier(new JwsKeyStore(ecDir));
      expect(ecVerifier.verify({ method: 'POST', path: '/quotes', headers, body: raw })).toBeUndefined();
    } finally {
      rmSync(ecDir, { recursive: true, force: true });
    }
  });
});

describe('ILP checks', () => {
  const q = quote('perffsp1', 'perffsp2', '250200000001', '123.45');
  const terms = { payerFsp: 'perffsp1', payeeFsp: 'perffsp2', amount: { currency: 'USD', amount: '123.45' } };

  it('accepts a packet SDK 18 builds for the transfer, and its fulfilment for the condition', () => {
    expect(checkIlpPacket(q.response.ilpPacket, terms)).toBeUndefined();
    expect(isCondition(q.response.condition)).toBe(true);
    expect(fulfilmentMatches(q.fulfilment, q.response.condition)).toBe(true);
  });

  it('refuses a packet for another amount, currency, payee or payer, and garbage', () => {
    expect(
      checkIlpPacket(q.response.ilpPacket, { ...terms, amount: { currency: 'USD', amount: '123.4' } }),
    ).toMatch(/amount/);
    expect(
      checkIlpPacket(q.response.ilpPacket, { ...terms, amount: { currency: 'EUR', amount: '123.45' } }),
    ).toMatch(/currency/);
    expect(checkIlpPacket(q.response.ilpPacket, { ...terms, payeeFsp: 'perffsp3' })).toMatch(/payee/);
    expect(checkIlpPacket(q.response.ilpPacket, { ...terms, payerFsp: 'perffsp3' })).toMatch(/payer/);
    expect(checkIlpPacket('AAAA', terms)).toMatch(/cannot be decoded/);
  });

  it('refuses a fulfilment that does not hash to the condition, or is malformed', () => {
    expect(fulfilmentMatches(q.response.condition, q.response.condition)).toBe(false);
    expect(fulfilmentMatches('short', q.response.condition)).toBe(false);
    expect(isCondition('A'.repeat(42))).toBe(false);
  });
});

describe('client certificate names', () => {
  it('reads the DNS names of a SAN string and ignores other entries', async () => {
    const { dnsNamesOf } = await import('../src/tls.js');
    expect(dnsNamesOf('DNS:perffsp1, IP Address:127.0.0.1, DNS:alt.example')).toEqual([
      'perffsp1',
      'alt.example',
    ]);
    expect(dnsNamesOf(undefined)).toEqual([]);
  });
});
