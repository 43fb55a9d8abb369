/**
 * Reading the SDK's answers: did a leg succeed, and if not, which code to count the failure under.
 * Pure: the entry hands in the status, the body text and k6's own error code.
 *
 * Where SDK 18 (@mojaloop/sdk-scheme-adapter 18.0.2, src/OutboundServer/handlers.js and
 * middlewares.js) puts an FSPIOP error:
 * - a model error (hub or payee refused, callback timed out): HTTP 4xx/5xx with
 *   `{ message, statusCode, <state>: { lastError: { mojaloopError: { errorInformation } } } }`;
 *   `statusCode` is then the FSPIOP `errorCode` (else the HTTP status as a string);
 * - a request that fails its own validation: 400 `{ message, statusCode: 400 }`;
 * - an error callback delivered to a synchronous model: HTTP 200 with the `errorInformation` inside
 *   the answer — `quotes.errorInformation` (PUT /quotes/{id}/error publishes the bare body),
 *   `transfer.body.errorInformation`, `party.body.errorInformation`.
 */

/** k6's error code for a request that ran past its `timeout` (k6 lib/netext/httpext error codes). */
export const K6_REQUEST_TIMEOUT = 1050;
/** The failure tag when the request timed out in k6. */
export const TIMEOUT_CODE = 'timeout';
/** The failure tag when there was no HTTP answer at all (refused, reset, DNS). */
export const NETWORK_CODE = 'network';
/** FSPIOP ErrorCode (the SDK definition's pattern): four digits, no leading zero, e.g. 3204. */
const FSPIOP_CODE = /^[1-9][0-9]{3}$/;

export interface Answer {
  /** HTTP status; 0 when there was no answer. */
  status: number;
  /** The parsed JSON body, `undefined` when it was not JSON. */
  body: unknown;
  /** k6's `error_code` (0 when none). */
  k6ErrorCode: number;
}

export function parseBody(text: string | null | undefined): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function field(value: unknown, ...path: string[]): unknown {
  let at: unknown = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

const codeAt = (value: unknown, ...path: string[]): string | undefined => {
  const code = field(value, ...path);
  const text = typeof code === 'number' ? String(code) : code;
  return typeof text === 'string' && FSPIOP_CODE.test(text) ? text : undefined;
};

/** The FSPIOP error code anywhere SDK 18 puts one, or `undefined`. */
export function fspiopErrorCode(body: unknown): string | undefined {
  const direct =
    codeAt(body, 'errorInformation', 'errorCode') ??
    codeAt(body, 'quotes', 'errorInformation', 'errorCode') ??
    codeAt(body, 'quotes', 'body', 'errorInformation', 'errorCode') ??
    codeAt(body, 'transfer', 'body', 'errorInformation', 'errorCode') ??
    codeAt(body, 'party', 'body', 'errorInformation', 'errorCode');
  if (direct !== undefined) return direct;
  if (typeof body === 'object' && body !== null) {
    for (const state of Object.values(body as Record<string, unknown>)) {
      const code = codeAt(state, 'lastError', 'mojaloopError', 'errorInformation', 'errorCode');
      if (code !== undefined) return code;
    }
  }
  // handleError copies the FSPIOP code into `statusCode`; an HTTP status there is not one.
  return codeAt(body, 'statusCode');
}

/** The `fspiop_error_code` tag of a failed leg: the FSPIOP code, else `timeout`, `network` or the HTTP status. */
export function failureCode(answer: Answer): string {
  const fspiop = fspiopErrorCode(answer.body);
  if (fspiop !== undefined) return fspiop;
  if (answer.k6ErrorCode === K6_REQUEST_TIMEOUT) return TIMEOUT_CODE;
  if (answer.status === 0) return NETWORK_CODE;
  return String(answer.status);
}

/**
 * SDK 18 answers a lookup the hub refused with 200 and no party (it drops the callback's
 * `errorInformation`), so a lookup succeeded only if the payee itself is in the answer.
 */
export function partyFound(answer: Answer, payeeId: string, payeeFsp: string): boolean {
  return (
    answer.status === 200 &&
    field(answer.body, 'party', 'body', 'partyIdInfo', 'partyIdentifier') === payeeId &&
    field(answer.body, 'party', 'body', 'partyIdInfo', 'fspId') === payeeFsp
  );
}

export interface Quoted {
  ilpPacket: string;
  condition: string;
  transferAmount: { amount: string; currency: string };
}

/**
 * The quote to transfer against, or `undefined`. An answer signed for another quote than ours would
 * carry a condition that does not match our transfer (sdk-client.ts checks the same).
 */
export function quoted(
  answer: Answer,
  quoteId: string,
  requested: Quoted['transferAmount'],
): Quoted | undefined {
  if (answer.status !== 200) return undefined;
  const quote = field(answer.body, 'quotes', 'body');
  const ilpPacket = field(quote, 'ilpPacket');
  const condition = field(quote, 'condition');
  if (typeof ilpPacket !== 'string' || typeof condition !== 'string') return undefined;
  // FSPIOP-URI is only required with JWS signing; when present it must name our quote.
  const answeredUri = field(answer.body, 'quotes', 'headers', 'fspiop-uri');
  if (answeredUri !== undefined && answeredUri !== `/quotes/${quoteId}`) return undefined;
  const amount = field(quote, 'transferAmount', 'amount');
  const currency = field(quote, 'transferAmount', 'currency');
  const transferAmount =
    typeof amount === 'string' && typeof currency === 'string' ? { amount, currency } : { ...requested };
  return { ilpPacket, condition, transferAmount };
}

/** The transfer reached the payee and was committed. */
export function transferCommitted(answer: Answer): boolean {
  return (
    answer.status === 200 &&
    field(answer.body, 'currentState') === 'COMPLETED' &&
    field(answer.body, 'transfer', 'body', 'transferState') === 'COMMITTED'
  );
}
