import { partyIdentifier } from '@mlperf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDfsp } from './support/dfsp.js';
import { prepare, quote } from './support/messages.js';
import { onboardDfsp, onboardHub, startStack, type TestStack } from './support/stack.js';

const PAYER = 'perffsp1';
const PAYEE = 'perffsp2';

function code(answer: { json: unknown }): string | undefined {
  return (answer.json as { errorInformation?: { errorCode?: string } } | undefined)?.errorInformation
    ?.errorCode;
}

describe('FSPIOP security negative probes', () => {
  let stack: TestStack;
  let payer: FakeDfsp;
  let payee: FakeDfsp;

  beforeAll(async () => {
    stack = await startStack();
    payer = stack.dfsp(1);
    payee = stack.dfsp(2);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const reachedPayee = (transferId: string) =>
    payee.received.some((r) => (r.json as { transferId?: string } | undefined)?.transferId === transferId);

  const metric = async (reason: string) => {
    const text = await (await fetch(`${stack.hub.urls.admin}/metrics`)).text();
    const match = new RegExp(`hub_rejected_requests_total\\{reason="${reason}"\\} (\\d+)`).exec(text);
    return Number(match?.[1] ?? 0);
  };

  it('a body changed after signing is refused synchronously with 3105 and never forwarded', async () => {
    const transfer = prepare(quote(PAYER, PAYEE, partyIdentifier(2, 0)), PAYER, PAYEE);
    const answer = await payer.send({
      method: 'POST',
      path: '/transfers',
      body: transfer,
      destination: PAYEE,
      tamper: (body) => body.replace('"amount":"100"', '"amount":"900"'),
    });
    expect(answer.status).toBe(400);
    expect(code(answer)).toBe('3105');
    expect(stack.hub.ledger.get(transfer.transferId)).toBeUndefined();
    expect(reachedPayee(transfer.transferId)).toBe(false);
  });

  it('a signature made with another DFSP key is refused with 3105', async () => {
    const transfer = prepare(quote(PAYER, PAYEE, partyIdentifier(2, 0)), PAYER, PAYEE);
    const answer = await payer.send({
      method: 'POST',
      path: '/transfers',
      body: transfer,
      destination: PAYEE,
      signingKey: stack.pki.jwsPrivate(PAYEE),
    });
    expect(answer.status).toBe(400);
    expect(code(answer)).toBe('3105');
    expect(
      (answer.json as { errorInformation: { errorDescription: string } }).errorInformation.errorDescription,
    ).toMatch(/does not verify with the key of 'perffsp1'/);
    expect(reachedPayee(transfer.transferId)).toBe(false);
  });

  it('an unsigned message, and even whitespace added to a signed body, are refused with 3105', async () => {
    const transfer = prepare(quote(PAYER, PAYEE, partyIdentifier(2, 0)), PAYER, PAYEE);
    const unsigned = await payer.send({ method: 'POST', path: '/transfers', body: transfer, unsigned: true });
    expect([unsigned.status, code(unsigned)]).toEqual([400, '3105']);
    const spaced = await payer.send({
      method: 'POST',
      path: '/transfers',
      body: transfer,
      destination: PAYEE,
      tamper: (body) => `${body} `,
    });
    expect([spaced.status, code(spaced)]).toEqual([400, '3105']);
  });

  it('a signed message replayed to another resource is refused (FSPIOP-URI must be the request path)', async () => {
    const q = quote(PAYER, PAYEE, partyIdentifier(2, 0));
    const answer = await payer.send({
      method: 'PUT',
      path: `/quotes/${q.request.quoteId}`,
      body: q.response,
      destination: PAYEE,
      headers: { 'fspiop-uri': `/quotes/${q.request.quoteId}` },
    });
    expect(answer.status).toBe(200);
    const replay = await payer.send({
      method: 'PUT',
      path: `/quotes/${q.request.quoteId}/error`,
      body: q.response,
      destination: PAYEE,
      headers: { 'fspiop-uri': `/quotes/${q.request.quoteId}` },
    });
    expect(replay.status).toBe(400);
    expect(code(replay)).toBe('3105');
  });

  it('a client without a certificate is refused at the TLS handshake', async () => {
    const transfer = prepare(quote(PAYER, PAYEE, partyIdentifier(2, 0)), PAYER, PAYEE);
    await expect(
      payer.send({
        method: 'POST',
        path: '/transfers',
        body: transfer,
        destination: PAYEE,
        clientCert: null,
      }),
    ).rejects.toThrow();
    expect(reachedPayee(transfer.transferId)).toBe(false);
  });

  it('a certificate from another CA is refused at the TLS handshake', async () => {
    await expect(
      payer.send({
        method: 'GET',
        path: `/parties/MSISDN/${partyIdentifier(2, 0)}`,
        clientCert: stack.pki.impostorClient,
      }),
    ).rejects.toThrow();
  });

  it('FSPIOP-Source other than the client certificate CN is refused with 3100, even when signed by that DFSP', async () => {
    const before = await metric('tls_identity');
    const transfer = prepare(quote(PAYEE, PAYER, partyIdentifier(1, 0)), PAYEE, PAYER);
    const answer = await payer.send({
      method: 'POST',
      path: '/transfers',
      body: transfer,
      destination: PAYER,
      source: PAYEE,
      signingKey: stack.pki.jwsPrivate(PAYEE),
    });
    expect(answer.status).toBe(400);
    expect(code(answer)).toBe('3100');
    expect(
      (answer.json as { errorInformation: { errorDescription: string } }).errorInformation.errorDescription,
    ).toMatch(/FSPIOP-Source perffsp2 is not the identity of the client certificate/);
    expect(await metric('tls_identity')).toBe(before + 1);
  });

  it('validates FSPIOP headers: Date, Content-Type vendor type and version, Accept on GET', async () => {
    const path = `/parties/MSISDN/${partyIdentifier(2, 0)}`;
    const noAccept = await payer.send({ method: 'GET', path, headers: { accept: '' } });
    expect([noAccept.status, code(noAccept)]).toEqual([400, '3101']);
    const badVersion = await payer.send({
      method: 'GET',
      path,
      headers: { 'content-type': 'application/vnd.interoperability.parties+json;version=2.0' },
    });
    expect([badVersion.status, code(badVersion)]).toEqual([406, '3001']);
    const plainJson = await payer.send({
      method: 'GET',
      path,
      headers: { 'content-type': 'application/json' },
    });
    expect([plainJson.status, code(plainJson)]).toEqual([400, '3101']);
    const badDate = await payer.send({ method: 'GET', path, headers: { date: 'yesterday' } });
    expect([badDate.status, code(badDate)]).toEqual([400, '3101']);
    const wrongResource = await payer.send({
      method: 'GET',
      path,
      headers: { accept: 'application/vnd.interoperability.quotes+json;version=1' },
    });
    expect([wrongResource.status, code(wrongResource)]).toEqual([400, '3101']);
  });

  it('answers unknown paths 404 3002, wrong methods 405 3000, unemulated resources 501 2002', async () => {
    const unknown = await payer.send({ method: 'GET', path: '/nothing/here' });
    expect([unknown.status, code(unknown)]).toEqual([404, '3002']);
    const wrongMethod = await payer.send({ method: 'GET', path: '/transfers' });
    expect([wrongMethod.status, code(wrongMethod)]).toEqual([405, '3000']);
    const bulk = await payer.send({ method: 'POST', path: '/bulkTransfers', body: {} });
    expect([bulk.status, code(bulk)]).toEqual([501, '2002']);
  });

  it('refuses malformed message bodies synchronously with the right code', async () => {
    const q = quote(PAYER, PAYEE, partyIdentifier(2, 0));
    const base = prepare(q, PAYER, PAYEE);
    const { condition: _dropped, ...noCondition } = base;
    const missing = await payer.send({
      method: 'POST',
      path: '/transfers',
      body: noCondition,
      destination: PAYEE,
    });
    expect([missing.status, code(missing)]).toEqual([400, '3102']);
    const badAmount = await payer.send({
      method: 'POST',
      path: '/transfers',
      body: { ...base, amount: { currency: 'USD', amount: '100.50' } },
      destination: PAYEE,
    });
    expect([badAmount.status, code(badAmount)]).toEqual([400, '3101']);
    const notJson = await payer.send({
      method: 'POST',
      path: '/transfers',
      destination: PAYEE,
      rawBody: '{"transferId":',
    });
    expect([notJson.status, code(notJson)]).toEqual([400, '3101']);
    const notObject = await payer.send({
      method: 'POST',
      path: '/transfers',
      destination: PAYEE,
      rawBody: '[1,2]',
    });
    expect([notObject.status, code(notObject)]).toEqual([400, '3101']);
    // A correctly signed pretty-printed body is fine: the signature covers the bytes sent.
    const pretty = await payer.send({
      method: 'POST',
      path: '/transfers',
      destination: PAYEE,
      rawBody: JSON.stringify(base, null, 2),
    });
    expect(pretty.status).toBe(202);
  });

  it('refuses a fulfil from anyone but the payee (3100 to the sender, transfer untouched)', async () => {
    const q = quote(PAYER, PAYEE, partyIdentifier(2, 0));
    const transfer = prepare(q, PAYER, PAYEE);
    await payer.send({ method: 'POST', path: '/transfers', body: transfer, destination: PAYEE });
    await payee.waitFor((r) => (r.json as { transferId?: string })?.transferId === transfer.transferId);
    // The payer tries to fulfil its own transfer.
    await payer.send({
      method: 'PUT',
      path: `/transfers/${transfer.transferId}`,
      body: {
        transferState: 'COMMITTED',
        fulfilment: q.fulfilment,
        completedTimestamp: new Date().toISOString(),
      },
      destination: PAYER,
    });
    const error = await payer.waitFor((r) => r.path === `/transfers/${transfer.transferId}/error`);
    expect((error.json as { errorInformation: { errorCode: string } }).errorInformation.errorCode).toBe(
      '3100',
    );
    expect(stack.hub.ledger.get(transfer.transferId)?.state).toBe('RESERVED');
  });
});

describe('participants the hub does not know', () => {
  it('a DFSP with a valid certificate and JWS key but not onboarded is refused with 3200', async () => {
    const stack = await startStack({ dfsps: 3, onboard: false });
    try {
      await onboardHub(stack);
      for (const index of [1, 2]) {
        await onboardDfsp(stack, stack.dfsp(index), index, { netDebitCap: 1000, funds: 1000, parties: 1 });
      }
      const stranger = stack.dfsp(3);
      const answer = await stranger.send({ method: 'GET', path: `/parties/MSISDN/${partyIdentifier(1, 0)}` });
      expect(answer.status).toBe(400);
      expect(code(answer)).toBe('3200');
      // The same DFSP is served once onboarded.
      await onboardDfsp(stack, stranger, 3, { netDebitCap: 1000, funds: 1000, parties: 1 });
      const after = await stranger.send({ method: 'GET', path: `/parties/MSISDN/${partyIdentifier(1, 0)}` });
      expect(after.status).toBe(202);
      await stack.dfsp(1).waitFor((r) => r.method === 'GET' && r.headers['fspiop-source'] === 'perffsp3');
    } finally {
      await stack.close();
    }
  });
});
