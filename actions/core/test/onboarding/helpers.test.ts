import { describe, expect, it } from 'vitest';
import { chunk, mapSettledBounded } from '../../src/onboarding/concurrency.js';
import {
  AdminApiError,
  adminHeaders,
  CALLBACK_ENDPOINT_TYPES,
  callbackEndpoints,
  createAdminTransport,
  deferredNetSettlementModel,
  formatAmount,
  formatOnboardingEvent,
  fundsInTransferId,
  type HttpClient,
  joinUrl,
  LEDGER_TRANSFER_ID,
  parseFspiopError,
  partyRange,
  uuidV5,
} from '../../src/onboarding/index.js';

describe('callback endpoints', () => {
  it('templates every type on the DFSP inbound base the way central-ledger expands them', () => {
    const endpoints = Object.fromEntries(
      callbackEndpoints('https://127.0.0.1:47100/').map((e) => [e.type, e.value]),
    );
    expect(Object.keys(endpoints)).toEqual([...CALLBACK_ENDPOINT_TYPES]);
    expect(endpoints).toMatchObject({
      FSPIOP_CALLBACK_URL_PARTIES_GET: 'https://127.0.0.1:47100/parties/{{partyIdType}}/{{partyIdentifier}}',
      FSPIOP_CALLBACK_URL_PARTIES_PUT: 'https://127.0.0.1:47100/parties/{{partyIdType}}/{{partyIdentifier}}',
      FSPIOP_CALLBACK_URL_PARTIES_PUT_ERROR:
        'https://127.0.0.1:47100/parties/{{partyIdType}}/{{partyIdentifier}}/error',
      FSPIOP_CALLBACK_URL_PARTICIPANT_BATCH_PUT: 'https://127.0.0.1:47100/participants/{{requestId}}',
      FSPIOP_CALLBACK_URL_QUOTES: 'https://127.0.0.1:47100',
      FSPIOP_CALLBACK_URL_TRANSFER_POST: 'https://127.0.0.1:47100/transfers',
      FSPIOP_CALLBACK_URL_TRANSFER_PUT: 'https://127.0.0.1:47100/transfers/{{transferId}}',
      FSPIOP_CALLBACK_URL_TRANSFER_ERROR: 'https://127.0.0.1:47100/transfers/{{transferId}}/error',
    });
  });

  it('keeps a path prefix and refuses a relative base', () => {
    expect(callbackEndpoints('https://probe.example/perfprobe1')[8]?.value).toBe(
      'https://probe.example/perfprobe1/transfers',
    );
    expect(() => callbackEndpoints('127.0.0.1:47100')).toThrow(/absolute http\(s\) URL/);
  });
});

describe('funds-in identity', () => {
  it('computes RFC 4122 version-5 UUIDs', () => {
    // RFC 4122 DNS namespace, the common published example.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('derives a lower-case transferId central-ledger accepts, stable per run, DFSP, currency and target', () => {
    const id = fundsInTransferId('run-1', 'perffsp1', 'XXX', '1000000');
    expect(id).toMatch(LEDGER_TRANSFER_ID);
    expect(id).toBe(id.toLowerCase());
    expect(fundsInTransferId('run-1', 'perffsp1', 'XXX', '1000000')).toBe(id);
    expect(fundsInTransferId('run-2', 'perffsp1', 'XXX', '1000000')).not.toBe(id);
    expect(fundsInTransferId('run-1', 'perffsp2', 'XXX', '1000000')).not.toBe(id);
  });

  it('writes amounts without exponent or trailing zeros', () => {
    expect(formatAmount(100.5)).toBe('100.5');
    expect(formatAmount(1e7)).toBe('10000000');
    expect(formatAmount(0.12345)).toBe('0.1235');
    expect(formatAmount(0)).toBe('0');
    expect(() => formatAmount(-1)).toThrow(/≥ 0/);
  });
});

describe('settlement model', () => {
  it('is deferred multilateral net on the position account with the keys central-ledger requires', () => {
    expect(deferredNetSettlementModel('XXX')).toEqual({
      name: 'DEFERREDNETXXX',
      settlementGranularity: 'NET',
      settlementInterchange: 'MULTILATERAL',
      settlementDelay: 'DEFERRED',
      currency: 'XXX',
      requireLiquidityCheck: true,
      ledgerAccountType: 'POSITION',
      autoPositionReset: true,
      settlementAccountType: 'SETTLEMENT',
    });
    expect(() => deferredNetSettlementModel('XXX', 'DEFERRED-NET')).toThrow(/letters and digits/);
  });
});

describe('bounded work', () => {
  it('splits into batches of at most the given size', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(/≥ 1/);
  });

  it('never runs more than the limit at once and settles every item in order', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapSettledBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      if (n === 4) throw new Error('four');
      return n * 10;
    });
    expect(peak).toBe(3);
    expect(results.map((r) => (r.ok ? r.value : (r.error as Error).message))).toEqual([
      10,
      20,
      30,
      'four',
      50,
      60,
      70,
    ]);
  });

  it('produces a DFSP party range on demand', () => {
    const range = partyRange(3, 200_000);
    expect(range.length).toBe(200_000);
    expect(range.at(42)).toBe('250300000042');
    expect(range.at(200_000)).toBeUndefined();
  });
});

describe('admin transport and errors', () => {
  it('sends JSON with the hub operator as source and a Date', () => {
    const headers = adminHeaders(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));
    expect(headers).toEqual({
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'FSPIOP-Source': 'hub_operator',
      Date: 'Fri, 02 Jan 2026 03:04:05 GMT',
    });
  });

  it('reads FSPIOP errors and names the call, never the request body', async () => {
    const calls: { method: string; url: string; body?: string }[] = [];
    const http: HttpClient = {
      async request(method, url, init) {
        calls.push({ method, url, ...(init?.body === undefined ? {} : { body: init.body }) });
        return {
          status: 400,
          headers: {},
          body: JSON.stringify({
            errorInformation: { errorCode: '3101', errorDescription: 'Malformed syntax - x' },
          }),
        };
      },
    };
    const transport = createAdminTransport(http, 'http://127.0.0.1:1/prefix/');
    const failure = await transport
      .call({ method: 'POST', path: '/participants', body: { name: 'perffsp1', secret: 'do-not-print' } })
      .catch((e: unknown) => e as AdminApiError);
    expect(calls[0]?.url).toBe('http://127.0.0.1:1/prefix/participants');
    expect(failure).toBeInstanceOf(AdminApiError);
    expect((failure as Error).message).toBe(
      'POST /participants → HTTP 400, FSPIOP 3101 "Malformed syntax - x"',
    );
    expect((failure as Error).message).not.toContain('do-not-print');
  });

  it('reports a network failure as no response with its cause', async () => {
    const http: HttpClient = {
      request: async () => {
        throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') });
      },
    };
    const failure = (await createAdminTransport(http, 'http://127.0.0.1:1')
      .call({ method: 'GET', path: '/participants/x/accounts' })
      .then(
        () => undefined,
        (e: unknown) => e,
      )) as AdminApiError;
    expect(failure.status).toBe(0);
    expect(failure.message).toBe(
      'GET /participants/x/accounts → no response (fetch failed: connect ECONNREFUSED 127.0.0.1:1)',
    );
  });

  it('parses both wrapped and bare FSPIOP error bodies and ignores others', () => {
    expect(parseFspiopError('{"errorInformation":{"errorCode":"3000","errorDescription":"d"}}')).toEqual({
      errorCode: '3000',
      errorDescription: 'd',
    });
    expect(parseFspiopError('{"errorCode":1234,"errorDescription":"dup"}')).toEqual({
      errorCode: '1234',
      errorDescription: 'dup',
    });
    expect(parseFspiopError('<html>')).toBeUndefined();
    expect(parseFspiopError('{"statusCode":500}')).toBeUndefined();
  });

  it('joins URLs and formats progress lines', () => {
    expect(joinUrl('http://a/b/', '/c')).toBe('http://a/b/c');
    expect(
      formatOnboardingEvent({
        kind: 'step',
        subject: 'perffsp1',
        step: 'record funds in',
        outcome: 'existing',
      }),
    ).toBe('perffsp1: record funds in: existing');
    expect(
      formatOnboardingEvent({
        kind: 'parties',
        subject: 'perffsp1',
        request: 2,
        requests: 5,
        created: 10,
        existing: 0,
      }),
    ).toBe('perffsp1: party identifiers, request 2/5: 10 created, 0 already registered');
  });
});
