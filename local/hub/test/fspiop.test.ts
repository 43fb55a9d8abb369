import { randomUUID } from 'node:crypto';
import { HUB_FSP_ID, partyIdentifier } from '@mlperf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDfsp, Received } from './support/dfsp.js';
import { fulfil, isoIn, prepare, quote, randomFulfilment } from './support/messages.js';
import { startStack, type TestStack } from './support/stack.js';

const PAYER = 'perffsp1';
const PAYEE = 'perffsp2';

function errorOf(r: Received): { errorCode: string; errorDescription: string } {
  return (r.json as { errorInformation: { errorCode: string; errorDescription: string } }).errorInformation;
}

const positions = (stack: TestStack) => ({
  payer: stack.hub.ledger.account(PAYER, 'USD')?.position,
  payee: stack.hub.ledger.account(PAYEE, 'USD')?.position,
});

describe('FSPIOP flows between two DFSPs (mutual TLS, JWS)', () => {
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

  it('happy path: party lookup → quote → transfer → commit callbacks', async () => {
    const msisdn = partyIdentifier(2, 3);

    // Discovery: the hub finds the owner in the oracle and forwards the GET.
    const lookup = await payer.send({ method: 'GET', path: `/parties/MSISDN/${msisdn}` });
    expect(lookup).toEqual({ status: 202, json: undefined });
    const get = await payee.waitFor((r) => r.method === 'GET' && r.path === `/parties/MSISDN/${msisdn}`);
    expect(get.headers['fspiop-source']).toBe(PAYER);
    expect(get.headers['fspiop-destination']).toBe(PAYEE);
    expect(get.headers.accept).toBe('application/vnd.interoperability.parties+json;version=1');

    const partyBody = {
      party: {
        partyIdInfo: { partyIdType: 'MSISDN', partyIdentifier: msisdn, fspId: PAYEE },
        name: 'Payee Person',
        personalInfo: { complexName: { firstName: 'Payee', lastName: 'Person' } },
      },
    };
    const put = await payee.send({
      method: 'PUT',
      path: `/parties/MSISDN/${msisdn}`,
      body: partyBody,
      destination: PAYER,
    });
    expect(put.status).toBe(200);
    const partyCallback = await payer.waitFor(
      (r) => r.method === 'PUT' && r.path === `/parties/MSISDN/${msisdn}`,
    );
    expect(partyCallback.headers['fspiop-source']).toBe(PAYEE);
    expect(partyCallback.jwsError).toBeUndefined();
    expect(partyCallback.json).toEqual(partyBody);

    // Quote: forwarded to the payee, the payee's answer back to the payer, signatures intact.
    const q = quote(PAYER, PAYEE, msisdn);
    expect(
      (await payer.send({ method: 'POST', path: '/quotes', body: q.request, destination: PAYEE })).status,
    ).toBe(202);
    const quoteRequest = await payee.waitFor((r) => r.method === 'POST' && r.path === '/quotes');
    expect(quoteRequest.jwsError).toBeUndefined();
    expect(quoteRequest.json).toEqual(q.request);
    expect(
      (
        await payee.send({
          method: 'PUT',
          path: `/quotes/${q.request.quoteId}`,
          body: q.response,
          destination: PAYER,
        })
      ).status,
    ).toBe(200);
    const quoteResponse = await payer.waitFor((r) => r.path === `/quotes/${q.request.quoteId}`);
    expect(quoteResponse.jwsError).toBeUndefined();
    expect(quoteResponse.headers['fspiop-source']).toBe(PAYEE);

    // Transfer: prepare reserved and forwarded, fulfil commits and notifies both sides.
    const transfer = prepare(q, PAYER, PAYEE);
    expect(
      (await payer.send({ method: 'POST', path: '/transfers', body: transfer, destination: PAYEE })).status,
    ).toBe(202);
    const prepared = await payee.waitFor((r) => r.method === 'POST' && r.path === '/transfers');
    expect(prepared.jwsError).toBeUndefined();
    expect(prepared.headers['fspiop-source']).toBe(PAYER);
    expect(prepared.body.toString()).toBe(JSON.stringify(transfer));
    expect(positions(stack)).toEqual({ payer: 100_0000n, payee: 0n });

    const fulfilBody = fulfil(q.fulfilment);
    const path = `/transfers/${transfer.transferId}`;
    expect((await payee.send({ method: 'PUT', path, body: fulfilBody, destination: PAYER })).status).toBe(
      200,
    );
    const toPayer = await payer.waitFor((r) => r.method === 'PUT' && r.path === path);
    expect(toPayer.headers['fspiop-source']).toBe(PAYEE);
    expect(toPayer.jwsError).toBeUndefined();
    expect(toPayer.json).toEqual(fulfilBody);
    // notifyPayeeOnCommit is off by default: the payee gets nothing more.
    expect(payee.received.some((r) => r.method === 'PUT' && r.path === path)).toBe(false);

    expect(positions(stack)).toEqual({ payer: 100_0000n, payee: -100_0000n });
    expect(stack.hub.ledger.get(transfer.transferId)?.state).toBe('COMMITTED');
    const metrics = await (await fetch(`${stack.hub.urls.admin}/metrics`)).text();
    expect(metrics).toMatch(/hub_transfers_total\{state="COMMITTED"\} 1/);
    expect(metrics).toMatch(/hub_transfer_prepare_to_commit_seconds_count 1/);
    expect(metrics).toMatch(/hub_position\{dfsp="perffsp2",currency="USD"\} -100/);
  });

  it('a RESERVED fulfil commits, PUT COMMITTED to the payer and the v1.1 PATCH to the payee, both signed by the hub', async () => {
    const q = quote(PAYER, PAYEE, partyIdentifier(2, 1));
    const transfer = prepare(q, PAYER, PAYEE);
    await payer.send({ method: 'POST', path: '/transfers', body: transfer, destination: PAYEE });
    await payee.waitFor(
      (r) => r.method === 'POST' && (r.json as { transferId?: string })?.transferId === transfer.transferId,
    );
    const path = `/transfers/${transfer.transferId}`;
    await payee.send({ method: 'PUT', path, body: fulfil(q.fulfilment, 'RESERVED'), destination: PAYER });
    const toPayer = await payer.waitFor((r) => r.method === 'PUT' && r.path === path);
    expect(toPayer.headers['fspiop-source']).toBe(HUB_FSP_ID);
    expect(toPayer.jwsError).toBeUndefined();
    expect(toPayer.json).toMatchObject({ transferState: 'COMMITTED', fulfilment: q.fulfilment });
    const patch = await payee.waitFor((r) => r.method === 'PATCH' && r.path === path);
    expect(patch.jwsError).toBeUndefined();
    expect(patch.headers['fspiop-http-method']).toBe('PATCH');
    expect(Object.keys(patch.json as object).sort()).toEqual(['completedTimestamp', 'transferState']);
    expect(patch.json).toMatchObject({ transferState: 'COMMITTED' });
  });

  it('a wrong fulfilment aborts the transfer: 3100 error callbacks to payer and payee, reservation released', async () => {
    const before = positions(stack);
    const q = quote(PAYER, PAYEE, partyIdentifier(2, 2));
    const transfer = prepare(q, PAYER, PAYEE);
    await payer.send({ method: 'POST', path: '/transfers', body: transfer, destination: PAYEE });
    await payee.waitFor((r) => (r.json as { transferId?: string })?.transferId === transfer.transferId);
    expect(positions(stack).payer).toBe((before.payer ?? 0n) + 100_0000n);

    const path = `/transfers/${transfer.transferId}`;
    await payee.send({ method: 'PUT', path, body: fulfil(randomFulfilment()), destination: PAYER });
    const toPayer = await payer.waitFor((r) => r.path === `${path}/error`);
    const toPayee = await payee.waitFor((r) => r.path === `${path}/error`);
    for (const callback of [toPayer, toPayee]) {
      expect(callback.jwsError).toBeUndefined();
      expect(callback.headers['fspiop-source']).toBe(HUB_FSP_ID);
      expect(errorOf(callback)).toEqual({
        errorCode: '3100',
        errorDescription: 'Generic validation error - invalid fulfilment',
      });
    }
    expect(stack.hub.ledger.get(transfer.transferId)?.state).toBe('ABORTED');
    expect(positions(stack)).toEqual(before);
    expect(payer.received.some((r) => r.method === 'PUT' && r.path === path)).toBe(false);
  });

  it('the payee error callback aborts and is forwarded to the payer unchanged', async () => {
    const before = positions(stack);
    const q = quote(PAYER, PAYEE, partyIdentifier(2, 4));
    const transfer = prepare(q, PAYER, PAYEE);
    await payer.send({ method: 'POST', path: '/transfers', body: transfer, destination: PAYEE });
    await payee.waitFor((r) => (r.json as { transferId?: string })?.transferId === transfer.transferId);
    const path = `/transfers/${transfer.transferId}/error`;
    const error = { errorInformation: { errorCode: '5104', errorDescription: 'Payee rejected transaction' } };
    expect((await payee.send({ method: 'PUT', path, body: error, destination: PAYER })).status).toBe(200);
    const toPayer = await payer.waitFor((r) => r.path === path);
    expect(toPayer.headers['fspiop-source']).toBe(PAYEE);
    expect(toPayer.jwsError).toBeUndefined();
    expect(toPayer.json).toEqual(error);
    expect(stack.hub.ledger.get(transfer.transferId)?.state).toBe('ABORTED');
    expect(positions(stack)).toEqual(before);
  });

  it('a prepare whose expiration has passed is answered 3303 and never reaches the payee', async () => {
    const q = quote(PAYER, PAYEE, partyIdentifier(2, 5));
    const transfer = prepare(q, PAYER, PAYEE, { expiration: isoIn(-1000) });
    await payer.send({ method: 'POST', path: '/transfers', body: transfer, destination: PAYEE });
    const error = await payer.waitFor((r) => r.path === `/transfers/${transfer.transferId}/error`);
    expect(errorOf(error).errorCode).toBe('3303');
    expect(error.jwsError).toBeUndefined();
    expect(
      payee.received.some((r) => (r.json as { transferId?: string })?.transferId === transfer.transferId),
    ).toBe(false);
  });

  it('an ILP packet that does not describe the transfer is refused (3100)', async () => {
    const q = quote(PAYER, PAYEE, partyIdentifier(2, 6), '100');
    const transfer = prepare(q, PAYER, PAYEE, { amount: { currency: 'USD', amount: '99' } });
    await payer.send({ method: 'POST', path: '/transfers', body: transfer, destination: PAYEE });
    const error = await payer.waitFor((r) => r.path === `/transfers/${transfer.transferId}/error`);
    expect(errorOf(error)).toEqual({
      errorCode: '3100',
      errorDescription: 'Generic validation error - ILP packet amount does not match the transfer',
    });
  });

  it('an unknown party is answered 3204 to the requester', async () => {
    await payer.send({ method: 'GET', path: '/parties/MSISDN/259999999999' });
    const error = await payer.waitFor((r) => r.path === '/parties/MSISDN/259999999999/error');
    expect(errorOf(error).errorCode).toBe('3204');
    expect(error.jwsError).toBeUndefined();
  });

  it('a lookup naming FSPIOP-Destination goes straight there; a quote for an unknown DFSP is answered 3201', async () => {
    await payer.send({ method: 'GET', path: '/parties/MSISDN/250299999999', destination: PAYEE });
    const direct = await payee.waitFor(
      (r) => r.method === 'GET' && r.path === '/parties/MSISDN/250299999999',
    );
    expect(direct.headers['fspiop-destination']).toBe(PAYEE);

    const q = quote(PAYER, 'perffsp9', partyIdentifier(2, 0));
    expect(
      (await payer.send({ method: 'POST', path: '/quotes', body: q.request, destination: 'perffsp9' }))
        .status,
    ).toBe(202);
    const error = await payer.waitFor((r) => r.path === `/quotes/${q.request.quoteId}/error`);
    expect(errorOf(error)).toEqual({
      errorCode: '3201',
      errorDescription: 'Destination FSP Error - Destination FSP perffsp9 not found',
    });
    expect(error.jwsError).toBeUndefined();
  });

  it('a duplicate prepare after commit gets the final state; a modified one gets 3106', async () => {
    const q = quote(PAYER, PAYEE, partyIdentifier(2, 7));
    const transfer = prepare(q, PAYER, PAYEE);
    await payer.send({ method: 'POST', path: '/transfers', body: transfer, destination: PAYEE });
    await payee.waitFor((r) => (r.json as { transferId?: string })?.transferId === transfer.transferId);
    const path = `/transfers/${transfer.transferId}`;
    await payee.send({ method: 'PUT', path, body: fulfil(q.fulfilment), destination: PAYER });
    await payer.waitFor((r) => r.path === path && r.headers['fspiop-source'] === PAYEE);

    await payer.send({ method: 'POST', path: '/transfers', body: transfer, destination: PAYEE });
    const state = await payer.waitFor((r) => r.path === path && r.headers['fspiop-source'] === HUB_FSP_ID);
    expect(state.json).toMatchObject({ transferState: 'COMMITTED', fulfilment: q.fulfilment });

    await payer.send({
      method: 'POST',
      path: '/transfers',
      body: { ...transfer, expiration: isoIn(90_000) },
      destination: PAYEE,
    });
    const modified = await payer.waitFor((r) => r.path === `${path}/error`);
    expect(errorOf(modified).errorCode).toBe('3106');
    expect(stack.hub.ledger.counts().COMMITTED).toBeGreaterThanOrEqual(2);
  });

  it('a fulfil for an unknown transfer is answered 3208 to the sender; GET /transfers returns the state', async () => {
    const unknown = randomUUID();
    await payee.send({
      method: 'PUT',
      path: `/transfers/${unknown}`,
      body: fulfil(randomFulfilment()),
      destination: PAYER,
    });
    const error = await payee.waitFor((r) => r.path === `/transfers/${unknown}/error`);
    expect(errorOf(error).errorCode).toBe('3208');

    const committed = [...payer.received]
      .reverse()
      .find((r) => r.method === 'PUT' && /^\/transfers\/[^/]+$/.test(r.path));
    const id = committed?.path.split('/')[2] as string;
    await payer.send({ method: 'GET', path: `/transfers/${id}` });
    const state = await payer.waitFor(
      (r) => r.path === `/transfers/${id}` && r.headers['fspiop-source'] === HUB_FSP_ID && r !== committed,
    );
    expect((state.json as { transferState: string }).transferState).toBe('COMMITTED');
  });
});

describe('liquidity and limits', () => {
  it('rejects with 4200 past the net debit cap and 4001 past the funds recorded in', async () => {
    const stack = await startStack({ netDebitCap: 150, funds: 1000 });
    try {
      const payer = stack.dfsp(1);
      const send = async (amount: string) => {
        const q = quote(PAYER, PAYEE, partyIdentifier(2, 0), amount);
        const transfer = prepare(q, PAYER, PAYEE);
        await payer.send({ method: 'POST', path: '/transfers', body: transfer, destination: PAYEE });
        return transfer.transferId;
      };
      const first = await send('100');
      await stack.dfsp(2).waitFor((r) => (r.json as { transferId?: string })?.transferId === first);
      const second = await send('100');
      const ndc = await payer.waitFor((r) => r.path === `/transfers/${second}/error`);
      expect(errorOf(ndc).errorCode).toBe('4200');
      expect(errorOf(ndc).errorDescription).toMatch(/^Payer limit error - perffsp1 net debit cap 150 USD/);

      const limits = await stack.admin('PUT', `/participants/${PAYER}/limits`, {
        currency: 'USD',
        limit: { type: 'NET_DEBIT_CAP', value: 1_000_000, alarmPercentage: 10 },
      });
      expect(limits.status).toBe(200);
      const third = await send('950');
      const liquidity = await payer.waitFor((r) => r.path === `/transfers/${third}/error`);
      expect(errorOf(liquidity).errorCode).toBe('4001');
      expect(stack.hub.ledger.account(PAYER, 'USD')?.position).toBe(100_0000n);
      const metrics = await (await fetch(`${stack.hub.urls.admin}/metrics`)).text();
      expect(metrics).toMatch(/hub_rejected_requests_total\{reason="net_debit_cap"\} 1/);
      expect(metrics).toMatch(/hub_rejected_requests_total\{reason="liquidity"\} 1/);
      expect(metrics).toMatch(/hub_transfers_total\{state="ABORTED"\} 2/);
    } finally {
      await stack.close();
    }
  });
});

describe('expiry with an injected clock', () => {
  it('expires an unanswered transfer (3303 to both) and refuses a fulfil that arrives late', async () => {
    let now = Date.now();
    const stack = await startStack({ hub: { clock: () => now } });
    try {
      const [payer, payee] = [stack.dfsp(1), stack.dfsp(2)];
      const first = prepare(quote(PAYER, PAYEE, partyIdentifier(2, 1)), PAYER, PAYEE);
      const q = quote(PAYER, PAYEE, partyIdentifier(2, 2));
      const second = prepare(q, PAYER, PAYEE, { expiration: isoIn(120_000) });
      for (const t of [first, second]) {
        await payer.send({ method: 'POST', path: '/transfers', body: t, destination: PAYEE });
        await payee.waitFor((r) => (r.json as { transferId?: string })?.transferId === t.transferId);
      }
      expect(stack.hub.ledger.account(PAYER, 'USD')?.position).toBe(200_0000n);

      now += 90_000; // past the first expiration (60 s), before the second (120 s)
      await stack.hub.sweep();
      for (const dfsp of [payer, payee]) {
        const error = await dfsp.waitFor((r) => r.path === `/transfers/${first.transferId}/error`);
        expect(errorOf(error).errorCode).toBe('3303');
        expect(error.jwsError).toBeUndefined();
      }
      expect(stack.hub.ledger.get(first.transferId)?.state).toBe('EXPIRED');

      now += 60_000; // past the second one too; the payee answers late
      await payee.send({
        method: 'PUT',
        path: `/transfers/${second.transferId}`,
        body: fulfil(q.fulfilment),
        destination: PAYER,
      });
      for (const dfsp of [payer, payee]) {
        const error = await dfsp.waitFor((r) => r.path === `/transfers/${second.transferId}/error`);
        expect(errorOf(error).errorCode).toBe('3303');
      }
      expect(stack.hub.ledger.counts()).toMatchObject({ EXPIRED: 2, COMMITTED: 0 });
      expect(stack.hub.ledger.account(PAYER, 'USD')?.position).toBe(0n);
    } finally {
      await stack.close();
    }
  });
});

describe('notifyPayeeOnCommit', () => {
  it('when on, sends the payee a copy of the commit signed by the hub, after the payer', async () => {
    const stack = await startStack({ config: { notifyPayeeOnCommit: true } });
    try {
      const [payer, payee] = [stack.dfsp(1), stack.dfsp(2)];
      const q = quote(PAYER, PAYEE, partyIdentifier(2, 1));
      const transfer = prepare(q, PAYER, PAYEE);
      await payer.send({ method: 'POST', path: '/transfers', body: transfer, destination: PAYEE });
      await payee.waitFor((r) => (r.json as { transferId?: string })?.transferId === transfer.transferId);
      const path = `/transfers/${transfer.transferId}`;
      const body = fulfil(q.fulfilment);
      await payee.send({ method: 'PUT', path, body, destination: PAYER });
      const toPayer = await payer.waitFor((r) => r.method === 'PUT' && r.path === path);
      const toPayee = await payee.waitFor((r) => r.method === 'PUT' && r.path === path);
      expect(toPayer.headers['fspiop-source']).toBe(PAYEE);
      expect(toPayee.headers['fspiop-source']).toBe(HUB_FSP_ID);
      expect(toPayee.headers['fspiop-destination']).toBe(PAYEE);
      expect(toPayee.jwsError).toBeUndefined();
      expect(toPayee.json).toEqual(body);
    } finally {
      await stack.close();
    }
  });
});
