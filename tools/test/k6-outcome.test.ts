// The three requests the script sends, checked by the SDK's own outbound validator, and how it reads
// the SDK's answers: success of each leg and the code a failure is counted under. Answer fixtures are
// checked against the response schemas of the same SDK definition, so they are shapes the SDK sends.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer,
  failureCode,
  fspiopErrorCode,
  NETWORK_CODE,
  parseBody,
  partyFound,
  quoted,
  TIMEOUT_CODE,
  transferCommitted,
} from '../../k6/src/lib/outcome.js';
import {
  expiration,
  partyLookupUrl,
  quoteRequest,
  quotesUrl,
  simpleTransfersUrl,
  transferRequest,
  uuidV4,
} from '../../k6/src/lib/requests.js';
import type { TransferParties } from '../../k6/src/lib/traffic.js';
import { loadSdkOutbound, type SdkOutbound } from '../../k6/test/sdk-outbound.js';

let sdk: SdkOutbound;
beforeAll(async () => {
  sdk = await loadSdkOutbound();
});

const parties: TransferParties = {
  payer: { id: 'perffsp1', index: 1, outboundUrl: 'http://gw.internal/sim/perffsp1/outbound' },
  payee: { id: 'perffsp2', index: 2, outboundUrl: 'http://gw.internal/sim/perffsp2/outbound' },
  payerId: '250100000007',
  payeeId: '250200000007',
};
const quoteId = 'b51ec534-ee48-4575-b6a9-ead2955b8069';
const transferId = 'a8323bc6-c228-4df2-ae82-e5a997baf898';
const money = { amount: '1', currency: 'USD' };
// A base64url ILP packet and 43-character condition in the formats the definition requires.
const ilpPacket =
  'AYIBgQAAAAAAAASwNGxldmVsb25lLmRmc3AxLm1lci45T2RTOF81MDdqUUZERmZlakgyOVc4bXFmNEpLMHlGTFGCAUBQU0svMS4wCg';
const condition = 'f5sqb7tBTWPd5Y8BDFdMm9BJR_MNI4isf8p8n4D5pHA';

const answer = (status: number, body: unknown, k6ErrorCode = 0): Answer => ({ status, body, k6ErrorCode });
const pathOf = (url: string) =>
  url.replace(/^https?:\/\/[^/]+/, '').replace(/^\/sim\/perffsp1\/outbound/, '');

describe('requests, checked by the SDK outbound validator', () => {
  it('GET /parties/MSISDN/{id}', () => {
    const url = partyLookupUrl(parties.payer.outboundUrl, parties.payeeId);
    expect(url).toBe('http://gw.internal/sim/perffsp1/outbound/parties/MSISDN/250200000007');
    expect(sdk.requestProblems('GET', pathOf(url))).toEqual([]);
  });

  it('POST /quotes with the payee as fspId', () => {
    const body = quoteRequest(parties, { quoteId, transferId }, money);
    expect(pathOf(quotesUrl(parties.payer.outboundUrl))).toBe('/quotes');
    expect(sdk.requestProblems('POST', '/quotes', body)).toEqual([]);
    expect(sdk.undeclaredKeys(['schemas', 'quotesPostRequest'], body)).toEqual([]);
    expect(body).toMatchObject({ fspId: 'perffsp2', quotesPostRequest: { transactionId: transferId } });
  });

  it('POST /simpleTransfers with the payee as fspId and an expiration with milliseconds', () => {
    const body = transferRequest(parties, {
      transferId,
      amount: money,
      ilpPacket,
      condition,
      expiration: expiration(Date.parse('2026-11-25T23:00:00Z'), 60),
    });
    expect(pathOf(simpleTransfersUrl(parties.payer.outboundUrl))).toBe('/simpleTransfers');
    expect(sdk.requestProblems('POST', '/simpleTransfers', body)).toEqual([]);
    expect(sdk.undeclaredKeys(['schemas', 'simpleTransfersPostRequest'], body)).toEqual([]);
    expect(body).toMatchObject({
      fspId: 'perffsp2',
      transfersPostRequest: {
        payerFsp: 'perffsp1',
        payeeFsp: 'perffsp2',
        expiration: '2026-11-25T23:01:00.000Z',
      },
    });
  });

  it('the validator refuses what the SDK refuses (the checks above can fail)', () => {
    const good = quoteRequest(parties, { quoteId, transferId }, money);
    const withQuote = (change: Record<string, unknown>) => ({
      ...good,
      quotesPostRequest: { ...(good.quotesPostRequest as object), ...change },
    });
    expect(
      sdk.requestProblems('POST', '/quotes', withQuote({ amount: { amount: '1.50', currency: 'USD' } })),
    ).not.toEqual([]);
    expect(
      sdk.requestProblems('POST', '/quotes', withQuote({ quoteId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })),
    ).not.toEqual([]);
    expect(
      sdk.requestProblems(
        'POST',
        '/quotes',
        withQuote({ transactionType: { scenario: 'TRANSFER', initiator: 'PAYER' } }),
      ),
    ).not.toEqual([]);
    const transfer = transferRequest(parties, {
      transferId,
      amount: money,
      ilpPacket,
      condition,
      expiration: '2026-11-25T23:01:00Z',
    });
    expect(sdk.requestProblems('POST', '/simpleTransfers', transfer)).not.toEqual([]);
    expect(sdk.undeclaredKeys(['schemas', 'quotesPostRequest'], { ...good, extra: 1 })).toEqual([
      'body.extra',
    ]);
  });

  it('uuidV4 sets the version and variant bits of any 16 bytes', () => {
    for (const fill of [0x00, 0xff, 0x5a]) {
      const id = uuidV4(new Uint8Array(16).fill(fill));
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const body = quoteRequest(parties, { quoteId: id, transferId: id }, money);
      expect(sdk.requestProblems('POST', '/quotes', body)).toEqual([]);
    }
    expect(uuidV4(Uint8Array.from({ length: 16 }, (_, i) => i))).toBe('00010203-0405-4607-8809-0a0b0c0d0e0f');
    expect(() => uuidV4(new Uint8Array(15))).toThrow('a UUID needs 16 bytes, got 15');
  });

  it('encodes the identifier in the lookup path', () => {
    expect(partyLookupUrl('http://sdk', 'a/b c')).toBe('http://sdk/parties/MSISDN/a%2Fb%20c');
  });
});

// ---------------------------------------------------------------- answers

const quoteSuccess = {
  quotes: {
    body: {
      transferAmount: { amount: '1', currency: 'USD' },
      expiration: '2026-11-25T23:01:00.000Z',
      ilpPacket,
      condition,
    },
    headers: { 'fspiop-uri': `/quotes/${quoteId}` },
  },
  currentState: 'COMPLETED',
};
const transferSuccess = {
  transfer: {
    body: { transferState: 'COMMITTED', completedTimestamp: '2026-11-25T23:00:00.123Z' },
    headers: { 'fspiop-uri': `/transfers/${transferId}` },
  },
  currentState: 'COMPLETED',
};
const partySuccess = {
  party: {
    body: { partyIdInfo: { partyIdType: 'MSISDN', partyIdentifier: parties.payeeId, fspId: 'perffsp2' } },
    headers: { 'fspiop-uri': `/parties/MSISDN/${parties.payeeId}` },
  },
  currentState: 'COMPLETED',
};
/** handlers.js handleError after the hub answered PUT /quotes/{id}/error: statusCode holds the FSPIOP code. */
const quoteModelError = {
  message: 'Got an error response requesting quote',
  statusCode: '3204',
  requestQuotesInformationState: {
    currentState: 'ERROR_OCCURRED',
    lastError: {
      mojaloopError: { errorInformation: { errorCode: '3204', errorDescription: 'Party not found' } },
    },
  },
};
/** handleError when the model failed without an FSPIOP error (e.g. its own timeout): statusCode is the HTTP status. */
const transferPlainError = {
  message: 'Timeout waiting for callback',
  statusCode: '500',
  requestSimpleTransfersInformationState: {},
};

describe('answer fixtures match the SDK definition', () => {
  it.each([
    ['partiesByIdResponse', ['schemas', 'partiesByIdResponse'], partySuccess],
    ['quotesPostResponse', ['schemas', 'quotesPostResponse'], quoteSuccess],
    ['simpleTransfersPostResponse', ['schemas', 'simpleTransfersPostResponse'], transferSuccess],
    ['errorQuotesResponse', ['schemas', 'errorQuotesResponse'], quoteModelError],
    ['errorSimpleTransfersResponse', ['schemas', 'errorSimpleTransfersResponse'], transferPlainError],
    [
      'partiesByIdError404',
      ['responses', 'partiesByIdError404', 'content', 'application/json', 'schema'],
      { errorInformation: { errorCode: '3204', errorDescription: 'Party not found' } },
    ],
  ])('%s', (_name, pointer, body) => {
    expect(sdk.schemaProblems(pointer, body)).toEqual([]);
  });

  it('a fixture the definition does not allow is caught (the check can fail)', () => {
    expect(
      sdk.schemaProblems(['schemas', 'quotesPostResponse'], { quotes: { body: {} }, currentState: 'DONE' }),
    ).not.toEqual([]);
  });
});

describe('reading answers', () => {
  it('a party lookup succeeds only with the payee in the answer', () => {
    expect(partyFound(answer(200, partySuccess), parties.payeeId, 'perffsp2')).toBe(true);
    expect(partyFound(answer(200, partySuccess), parties.payeeId, 'perffsp3')).toBe(false);
    // SDK 18 drops the errorInformation of a refused lookup and answers 200 with an empty party.
    expect(
      partyFound(
        answer(200, { party: { body: {}, headers: {} }, currentState: 'COMPLETED' }),
        parties.payeeId,
        'perffsp2',
      ),
    ).toBe(false);
    expect(
      partyFound(answer(404, { errorInformation: { errorCode: '3204' } }), parties.payeeId, 'perffsp2'),
    ).toBe(false);
  });

  it('a quote is used only when it is ours and complete', () => {
    expect(quoted(answer(200, quoteSuccess), quoteId, money)).toEqual({
      ilpPacket,
      condition,
      transferAmount: { amount: '1', currency: 'USD' },
    });
    expect(quoted(answer(200, quoteSuccess), 'another-quote', money)).toBeUndefined();
    const unsigned = { ...quoteSuccess, quotes: { ...quoteSuccess.quotes, headers: {} } };
    expect(quoted(answer(200, unsigned), quoteId, money)?.condition).toBe(condition);
    const noCondition = {
      quotes: { body: { ...quoteSuccess.quotes.body, condition: undefined }, headers: {} },
    };
    expect(quoted(answer(200, noCondition), quoteId, money)).toBeUndefined();
    expect(quoted(answer(500, quoteSuccess), quoteId, money)).toBeUndefined();
  });

  it('a transfer counts only when COMPLETED and COMMITTED', () => {
    expect(transferCommitted(answer(200, transferSuccess))).toBe(true);
    const aborted = {
      ...transferSuccess,
      transfer: { ...transferSuccess.transfer, body: { transferState: 'ABORTED' } },
    };
    expect(transferCommitted(answer(200, aborted))).toBe(false);
    expect(transferCommitted(answer(200, { ...transferSuccess, currentState: 'ERROR_OCCURRED' }))).toBe(
      false,
    );
  });

  it.each<[string, Answer, string]>([
    ['a model error: the FSPIOP code of lastError', answer(500, quoteModelError), '3204'],
    [
      'a model error with the code only in lastError',
      answer(504, { ...quoteModelError, statusCode: '504' }),
      '3204',
    ],
    ['handleError with an FSPIOP statusCode only', answer(500, { message: 'x', statusCode: '5100' }), '5100'],
    ['a plain model error: the HTTP status', answer(500, transferPlainError), '500'],
    [
      'the validator refusing a request: 400',
      answer(400, { message: '.body must have fspId', statusCode: 400 }),
      '400',
    ],
    [
      'an error callback on a quote (200, bare errorInformation)',
      answer(200, {
        quotes: { errorInformation: { errorCode: '3302', errorDescription: 'x' } },
        currentState: 'COMPLETED',
      }),
      '3302',
    ],
    [
      'an error callback on a transfer (200)',
      answer(200, {
        transfer: { body: { errorInformation: { errorCode: '4001', errorDescription: 'x' } }, headers: {} },
        currentState: 'COMPLETED',
      }),
      '4001',
    ],
    [
      'a lookup the SDK answered 404',
      answer(404, { errorInformation: { errorCode: '3204', errorDescription: 'x' } }),
      '3204',
    ],
    ['a 200 without what the leg needs', answer(200, { party: { body: {}, headers: {} } }), '200'],
    ['a proxy page', answer(502, parseBody('<html>bad gateway</html>')), '502'],
    ['k6 request timeout', answer(0, undefined, 1050), TIMEOUT_CODE],
    ['no answer at all', answer(0, undefined, 1211), NETWORK_CODE],
  ])('failure code of %s', (_what, given, code) => {
    expect(failureCode(given)).toBe(code);
  });

  it('never takes an HTTP status or a malformed code for an FSPIOP code', () => {
    expect(fspiopErrorCode({ statusCode: '500' })).toBeUndefined();
    expect(fspiopErrorCode({ statusCode: 400 })).toBeUndefined();
    expect(fspiopErrorCode({ errorInformation: { errorCode: '0123' } })).toBeUndefined();
    expect(fspiopErrorCode({ errorInformation: { errorCode: 3204 } })).toBe('3204');
    expect(fspiopErrorCode(undefined)).toBeUndefined();
  });

  it('parseBody tolerates anything k6 hands over', () => {
    expect(parseBody('{"a":1}')).toEqual({ a: 1 });
    expect(parseBody('')).toBeUndefined();
    expect(parseBody(null)).toBeUndefined();
    expect(parseBody('not json')).toBeUndefined();
  });
});
