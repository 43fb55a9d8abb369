import { createRequire } from 'node:module';
import { partyIdentifier } from '@mlperf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, startBackend } from '../src/index.js';

const require = createRequire(import.meta.url);

// The SDK's own backend client and payload mappers: the simulator must satisfy exactly these.
interface SdkHttpError extends Error {
  getData(): { res: { statusCode: number; data: { statusCode: string; message: string } } };
}
const { BackendRequests } = require('@mojaloop/sdk-scheme-adapter/src/lib/model/lib/requests') as {
  BackendRequests: new (config: {
    logger: unknown;
    backendEndpoint: string;
    dfspId: string;
  }) => {
    getParties(idType: string, idValue: string, idSubValue?: string): Promise<Record<string, unknown>>;
    postQuoteRequests(body: unknown): Promise<Record<string, unknown>>;
    postTransfers(body: unknown): Promise<Record<string, unknown>>;
    getTransfers(id: string): Promise<Record<string, unknown>>;
    putTransfersNotification(body: unknown, id: string): Promise<unknown>;
  };
};
const { Errors } = require('@mojaloop/sdk-standard-components') as {
  Errors: { MojaloopApiErrorCodeFromCode(code: string): { message: string } | undefined };
};
const shared = require('@mojaloop/sdk-scheme-adapter/src/lib/model/lib/shared') as {
  mojaloopQuoteRequestToInternal(quote: unknown): Record<string, unknown>;
  internalQuoteResponseToMojaloop(response: unknown): Record<string, unknown>;
  internalPartyToMojaloopParty(party: unknown, fspId: string): Record<string, unknown>;
};

const quietLogger = {
  push() {
    return quietLogger;
  },
  log() {},
};

const INDEX = 2;
const FSP = 'perffsp2';
const PARTIES = 50;
const QUOTE_ID = '0b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d';
const TRANSFER_ID = '7e1f2a3b-4c5d-4e6f-9a0b-1c2d3e4f5a6b';

let backend: Backend;
let base: string;
let sdk: InstanceType<typeof BackendRequests>;

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    signal: AbortSignal.timeout(5_000),
  });
  expect(res.headers.get('content-type')).toBe('application/json');
  return { status: res.status, body: await res.json() };
}

function fspiopQuote(payeeId: string, currency = 'XXX') {
  return {
    quoteId: QUOTE_ID,
    transactionId: TRANSFER_ID,
    payee: { partyIdInfo: { partyIdType: 'MSISDN', partyIdentifier: payeeId, fspId: FSP } },
    payer: {
      partyIdInfo: { partyIdType: 'MSISDN', partyIdentifier: partyIdentifier(1, 7), fspId: 'perffsp1' },
    },
    amountType: 'SEND',
    amount: { amount: '12.5', currency },
    transactionType: { scenario: 'TRANSFER', initiator: 'PAYER', initiatorType: 'CONSUMER' },
  };
}

async function sdkError(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await promise;
  } catch (error) {
    const data = (error as SdkHttpError).getData();
    return { status: data.res.statusCode, code: data.res.data.statusCode };
  }
  throw new Error('expected the SDK backend client to throw');
}

beforeAll(async () => {
  backend = await startBackend({
    fspId: FSP,
    index: INDEX,
    partiesPerDfsp: PARTIES,
    currency: 'XXX',
    port: 0,
  });
  base = `http://127.0.0.1:${backend.port}`;
  sdk = new BackendRequests({
    logger: quietLogger,
    backendEndpoint: `127.0.0.1:${backend.port}`,
    dfspId: FSP,
  });
});

afterAll(async () => {
  await backend.close();
});

describe('backend simulator', () => {
  it('binds loopback and answers /health', async () => {
    expect(backend.host).toBe('127.0.0.1');
    const res = await call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'OK', fspId: FSP });
  });

  it('resolves every provisioned party through the SDK client, first and last of the range', async () => {
    for (const n of [0, PARTIES - 1]) {
      const id = partyIdentifier(INDEX, n);
      const party = await sdk.getParties('MSISDN', id);
      expect(party).toMatchObject({ idType: 'MSISDN', idValue: id, fspId: FSP });
      const mojaloop = shared.internalPartyToMojaloopParty(party, FSP);
      expect(mojaloop).toMatchObject({
        partyIdInfo: { partyIdType: 'MSISDN', partyIdentifier: id, fspId: FSP },
        name: `Perf Payee ${n}`,
        personalInfo: {
          complexName: { firstName: 'Perf', lastName: `Payee${n}` },
          dateOfBirth: '1990-01-01',
        },
      });
    }
  });

  it('answers 404 with code 3204 (Party not found) for parties it does not own', async () => {
    const outside = [
      ['MSISDN', partyIdentifier(INDEX, PARTIES)], // past the provisioned range
      ['MSISDN', partyIdentifier(INDEX + 1, 0)], // another DFSP's
      ['MSISDN', '123'], // not one of ours at all
      ['ACCOUNT_ID', partyIdentifier(INDEX, 0)], // wrong id type
    ] as const;
    for (const [type, id] of outside) {
      expect(await sdkError(sdk.getParties(type, id))).toEqual({ status: 404, code: '3204' });
    }
    expect(await sdkError(sdk.getParties('MSISDN', partyIdentifier(INDEX, 0), 'SUB'))).toEqual({
      status: 404,
      code: '3204',
    });
    // The code is one the SDK maps onto a standard FSPIOP error.
    expect(Errors.MojaloopApiErrorCodeFromCode('3204')?.message).toBe('Party not found');
  });

  it('answers GET /participants with its fspId for its own parties only', async () => {
    expect(await call('GET', `/participants/MSISDN/${partyIdentifier(INDEX, 3)}`)).toEqual({
      status: 200,
      body: { fspId: FSP },
    });
    expect((await call('GET', `/participants/MSISDN/${partyIdentifier(1, 3)}`)).status).toBe(404);
  });

  it('quotes a quote request in the SDK internal form, echoing ids and amount', async () => {
    const internal = shared.mojaloopQuoteRequestToInternal(fspiopQuote(partyIdentifier(INDEX, 4)));
    const response = await sdk.postQuoteRequests(internal);
    expect(response).toEqual({
      quoteId: QUOTE_ID,
      transactionId: TRANSFER_ID,
      transferAmount: '12.5',
      transferAmountCurrency: 'XXX',
    });
    expect(shared.internalQuoteResponseToMojaloop(response)).toMatchObject({
      transferAmount: { amount: '12.5', currency: 'XXX' },
    });
  });

  it('rejects quote requests for unknown payees, other currencies, and malformed bodies', async () => {
    const unknown = shared.mojaloopQuoteRequestToInternal(fspiopQuote(partyIdentifier(1, 4)));
    expect(await sdkError(sdk.postQuoteRequests(unknown))).toEqual({ status: 404, code: '3204' });
    const otherCurrency = shared.mojaloopQuoteRequestToInternal(
      fspiopQuote(partyIdentifier(INDEX, 4), 'USD'),
    );
    expect(await sdkError(sdk.postQuoteRequests(otherCurrency))).toEqual({ status: 400, code: '3100' });
    expect(await call('POST', '/quoterequests', '{not json')).toMatchObject({
      status: 400,
      body: { statusCode: '3101' },
    });
    expect(await call('POST', '/quoterequests', { quoteId: QUOTE_ID })).toMatchObject({
      status: 400,
      body: { statusCode: '3102' },
    });
    expect(await call('POST', '/quoterequests', [])).toMatchObject({
      status: 400,
      body: { statusCode: '3102' },
    });
  });

  it('accepts a transfer, then reports and updates it', async () => {
    const internal = shared.mojaloopQuoteRequestToInternal(fspiopQuote(partyIdentifier(INDEX, 9)));
    const prepare = {
      transferId: TRANSFER_ID,
      quote: {
        quoteId: QUOTE_ID,
        transactionId: TRANSFER_ID,
        transferAmount: '12.5',
        transferAmountCurrency: 'XXX',
      },
      from: internal.from,
      to: internal.to,
      amountType: 'SEND',
      currency: 'XXX',
      amount: '12.5',
      transactionType: 'TRANSFER',
      ilpPacket: { data: {} },
    };
    const accepted = await sdk.postTransfers(prepare);
    expect(accepted).toEqual({ homeTransactionId: `${FSP}-1` });

    expect(await sdk.getTransfers(TRANSFER_ID)).toMatchObject({
      homeTransactionId: `${FSP}-1`,
      amount: '12.5',
      currency: 'XXX',
      transferState: 'RESERVED',
    });
    await sdk.putTransfersNotification(
      {
        transferId: TRANSFER_ID,
        finalNotification: { transferState: 'COMMITTED', completedTimestamp: new Date() },
      },
      TRANSFER_ID,
    );
    expect(await sdk.getTransfers(TRANSFER_ID)).toMatchObject({ transferState: 'COMMITTED' });

    const notOurs = { ...prepare, to: { idType: 'MSISDN', idValue: partyIdentifier(3, 1) } };
    expect(await sdkError(sdk.postTransfers(notOurs))).toEqual({ status: 404, code: '3204' });
    expect(await sdkError(sdk.postTransfers({ ...prepare, transferId: 'nope' }))).toEqual({
      status: 400,
      code: '3100',
    });
  });

  it('answers 404/3208 for unknown transfers, 404/3002 for unknown paths, 405 for wrong methods', async () => {
    expect(await sdkError(sdk.getTransfers('00000000-0000-4000-8000-000000000000'))).toEqual({
      status: 404,
      code: '3208',
    });
    expect(await call('GET', '/nowhere')).toMatchObject({ status: 404, body: { statusCode: '3002' } });
    expect(await call('DELETE', '/quoterequests')).toMatchObject({
      status: 405,
      body: { statusCode: '3000' },
    });
    expect(await call('POST', `/parties/MSISDN/${partyIdentifier(INDEX, 0)}`, {})).toMatchObject({
      status: 405,
    });
  });

  it('refuses bodies over 1 MiB', async () => {
    const huge = JSON.stringify({ pad: 'x'.repeat(1_100_000) });
    const res = await fetch(`${base}/transfers`, {
      method: 'POST',
      body: huge,
      headers: { 'content-type': 'application/json' },
      signal: AbortSignal.timeout(5_000),
    }).catch((error: unknown) => error);
    expect(res).toBeInstanceOf(Response);
    expect((res as Response).status).toBe(413);
    expect(await (res as Response).json()).toMatchObject({ statusCode: '3100' });
  });

  it('counts requests per route', () => {
    expect(backend.counters.parties).toBeGreaterThan(0);
    expect(backend.counters.quoterequests).toBeGreaterThan(0);
    expect(backend.counters.transfers).toBeGreaterThan(0);
  });
});
