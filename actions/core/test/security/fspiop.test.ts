import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import sdk from '@mojaloop/sdk-standard-components/src/index.js';
import { describe, expect, it } from 'vitest';
import {
  buildFulfil,
  buildTransferPrepare,
  decodeSignatureHeader,
  fspiopHeaders,
  fulfilmentMatches,
  signRequest,
  wrongFulfilment,
} from '../../src/security/index.js';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const silent = { isDebugEnabled: () => false, debug: () => undefined };
const DATE = new Date(Date.UTC(2026, 4, 6, 7, 8, 9));

describe('FSPIOP headers', () => {
  it('match what SDK 18 sends on a POST', () => {
    expect(
      fspiopHeaders({
        resource: 'transfers',
        method: 'POST',
        source: 'perfprobe1',
        destination: 'perfprobe2',
        date: DATE,
      }),
    ).toEqual({
      'content-type': 'application/vnd.interoperability.transfers+json;version=1.0',
      accept: 'application/vnd.interoperability.transfers+json;version=1',
      date: 'Wed, 06 May 2026 07:08:09 GMT',
      'fspiop-source': 'perfprobe1',
      'fspiop-destination': 'perfprobe2',
    });
  });

  it('carry no accept header on a PUT', () => {
    const headers = fspiopHeaders({ resource: 'transfers', method: 'PUT', source: 'perfprobe2', date: DATE });
    expect(headers.accept).toBeUndefined();
    expect(headers['fspiop-destination']).toBeUndefined();
  });
});

describe('JWS signing', () => {
  const url = 'https://127.0.0.1:47010/transfers';
  const body = JSON.stringify({
    transferId: 'b51ec534-ee48-4575-b6a9-ead2955b8069',
    amount: { amount: '1', currency: 'XXX' },
  });
  const headers = fspiopHeaders({
    resource: 'transfers',
    method: 'POST',
    source: 'perfprobe1',
    destination: 'perfprobe2',
    date: DATE,
  });

  it('puts the FSPIOP headers in the protected header and signs the body as sent', () => {
    const signed = signRequest({ method: 'POST', url, headers, body, signingKeyPem: privatePem });
    expect(signed['fspiop-uri']).toBe('/transfers');
    expect(signed['fspiop-http-method']).toBe('POST');
    const { protectedHeader, signature } = decodeSignatureHeader(signed['fspiop-signature'] ?? '');
    expect(protectedHeader).toEqual({
      alg: 'RS256',
      'FSPIOP-URI': '/transfers',
      'FSPIOP-HTTP-Method': 'POST',
      'FSPIOP-Source': 'perfprobe1',
      'FSPIOP-Destination': 'perfprobe2',
      Date: 'Wed, 06 May 2026 07:08:09 GMT',
    });
    const encodedHeader = JSON.parse(signed['fspiop-signature'] ?? '{}').protectedHeader as string;
    const input = Buffer.from(`${encodedHeader}.${Buffer.from(body).toString('base64url')}`);
    const key = createPublicKey(publicPem);
    expect(verify('RSA-SHA256', input, key, Buffer.from(signature, 'base64url'))).toBe(true);
    const other = Buffer.from(`${encodedHeader}.${Buffer.from(`${body} `).toString('base64url')}`);
    expect(verify('RSA-SHA256', other, key, Buffer.from(signature, 'base64url'))).toBe(false);
    // The original headers are not modified.
    expect(headers['fspiop-signature']).toBeUndefined();
  });

  it("passes the library's own validator, as an SDK 18 peer would check it", () => {
    const signed = signRequest({ method: 'POST', url, headers, body, signingKeyPem: privatePem });
    const validator = new sdk.Jws.validator({ logger: silent, validationKeys: { perfprobe1: publicPem } });
    expect(() => validator.validate({ headers: signed, body: JSON.parse(body) })).not.toThrow();
    const tampered = { ...JSON.parse(body), amount: { amount: '2', currency: 'XXX' } };
    expect(() => validator.validate({ headers: signed, body: tampered })).toThrow(/invalid signature/);
  });

  it('takes FSPIOP-URI from the resource path under a prefix', () => {
    const signed = signRequest({
      method: 'PUT',
      url: 'https://hub.example/fspiop/transfers/b51ec534-ee48-4575-b6a9-ead2955b8069',
      headers: fspiopHeaders({ resource: 'transfers', method: 'PUT', source: 'perfprobe2', date: DATE }),
      body,
      signingKeyPem: privatePem,
    });
    expect(signed['fspiop-uri']).toBe('/transfers/b51ec534-ee48-4575-b6a9-ead2955b8069');
  });
});

describe('transfers with ILP v1', () => {
  const { prepare, fulfilment } = buildTransferPrepare({
    payerFsp: 'perfprobe1',
    payeeFsp: 'perfprobe2',
    amount: '1',
    currency: 'XXX',
    expiration: new Date(Date.UTC(2026, 0, 1, 0, 0, 30, 5)),
    ilpSecret: 'probe-secret',
  });

  it('builds a prepare whose condition is the hash of its fulfilment', () => {
    expect(prepare).toMatchObject({
      payerFsp: 'perfprobe1',
      payeeFsp: 'perfprobe2',
      amount: { amount: '1', currency: 'XXX' },
      expiration: '2026-01-01T00:00:30.005Z',
    });
    expect(prepare.transferId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const digest = createHash('sha256').update(Buffer.from(fulfilment, 'base64url')).digest('base64url');
    expect(prepare.condition).toBe(digest);
    expect(fulfilmentMatches(fulfilment, prepare.condition)).toBe(true);
  });

  it('carries an ILP packet a hub checking ILP accepts for this transfer', () => {
    const ilp = new sdk.Ilp({ secret: 'unused', logger: silent });
    expect(ilp.validateIlpAgainstTransferRequest(prepare)).toBe(true);
    const transaction = ilp.getTransactionObject(prepare.ilpPacket);
    expect(transaction.payee.partyIdInfo.fspId).toBe('perfprobe2');
    expect(
      ilp.validateIlpAgainstTransferRequest({ ...prepare, amount: { amount: '2', currency: 'XXX' } }),
    ).toBe(false);
  });

  it('draws a well-formed fulfilment that does not match', () => {
    const wrong = wrongFulfilment(prepare.condition);
    expect(Buffer.from(wrong, 'base64url')).toHaveLength(32);
    expect(fulfilmentMatches(wrong, prepare.condition)).toBe(false);
  });

  it('builds a committing fulfil body', () => {
    expect(buildFulfil(fulfilment, DATE)).toEqual({
      fulfilment,
      completedTimestamp: '2026-05-06T07:08:09.000Z',
      transferState: 'COMMITTED',
    });
  });
});
