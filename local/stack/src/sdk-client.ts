/**
 * A client of SDK scheme adapter 18's outbound API, doing what k6 does per transfer (REFERENCE §2):
 * `GET /parties/MSISDN/{id}`, `POST /quotes`, `POST /simpleTransfers`, each with a deadline. Used by
 * the contract test and the benchmark; also reads the hub's `/metrics` counters they check.
 */
import { randomUUID } from 'node:crypto';

export interface SdkTransferInput {
  /** The payer SDK's outbound port. */
  outboundPort: number;
  payerFsp: string;
  payerId: string;
  payeeFsp: string;
  payeeId: string;
  amount: string;
  currency: string;
  /** Deadline of each of the three requests. Default 30 s. */
  timeoutMs?: number;
  /** Transfer expiration from now. Default 60 s. */
  expirySeconds?: number;
}

export type SdkStep = 'party' | 'quote' | 'transfer';

export interface SdkTransferResult {
  ok: boolean;
  transferId: string;
  /** The step that failed, when one did. */
  failedAt?: SdkStep;
  /** On failure: HTTP status and the start of the answer (no key material is ever in it). */
  detail?: string;
  /** `currentState` of the transfer step and `transferState` of the payee's fulfilment. */
  currentState?: string;
  transferState?: string;
  ms: number;
}

interface Answer {
  status: number;
  body: Record<string, unknown> | undefined;
  text: string;
}

async function call(url: string, init: RequestInit, timeoutMs: number): Promise<Answer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  let body: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text };
}

const post = (url: string, payload: unknown, timeoutMs: number) =>
  call(
    url,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) },
    timeoutMs,
  );

const field = (value: unknown, ...path: string[]): unknown => {
  let at: unknown = value;
  for (const key of path) {
    if (!at || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
};

/**
 * SDK 18 answers a party lookup the hub refused (`PUT /parties/…/error`) with **200** and an empty
 * `party.body`: its PartiesModel keeps only `body.party` of the callback and drops `errorInformation`,
 * so `getPartiesByTypeAndId` never sees the error. A lookup succeeded only if the party is in the body.
 */
export interface PartyLookup {
  status: number;
  found: boolean;
  fspId?: string;
  /** FSPIOP-URI of the callback that answered (ends with `/error` when the hub refused). */
  callbackUri?: string;
  text: string;
}

export async function lookupParty(
  outboundPort: number,
  partyId: string,
  timeoutMs = 30_000,
): Promise<PartyLookup> {
  const answer = await call(
    `http://127.0.0.1:${outboundPort}/parties/MSISDN/${encodeURIComponent(partyId)}`,
    { method: 'GET' },
    timeoutMs,
  );
  const fspId = field(answer.body, 'party', 'body', 'partyIdInfo', 'fspId');
  const identifier = field(answer.body, 'party', 'body', 'partyIdInfo', 'partyIdentifier');
  const uri = field(answer.body, 'party', 'headers', 'fspiop-uri');
  return {
    status: answer.status,
    found: answer.status === 200 && identifier === partyId && typeof fspId === 'string',
    ...(typeof fspId === 'string' ? { fspId } : {}),
    ...(typeof uri === 'string' ? { callbackUri: uri } : {}),
    text: answer.text,
  };
}

const brief = (answer: { status: number; text: string }) =>
  `HTTP ${answer.status} ${answer.text.slice(0, 300)}`;

/** One transfer through the payer SDK: lookup, quote, transfer. Never throws for a failed step. */
export async function sdkTransfer(input: SdkTransferInput): Promise<SdkTransferResult> {
  const started = Date.now();
  const timeoutMs = input.timeoutMs ?? 30_000;
  const base = `http://127.0.0.1:${input.outboundPort}`;
  // SDK 18's payee finds its quote (and the fulfilment) under the transfer id, assuming transferId ==
  // the quote's transactionId unless ALLOW_DIFFERENT_TRANSFER_TRANSACTION_ID is set; otherwise it
  // answers the prepare with 2001 "Internal server error" (null quote).
  const transferId = randomUUID();
  const fail = (failedAt: SdkStep, detail: string): SdkTransferResult => ({
    ok: false,
    transferId,
    failedAt,
    detail,
    ms: Date.now() - started,
  });
  try {
    const party = await lookupParty(input.outboundPort, input.payeeId, timeoutMs);
    if (!party.found || party.fspId !== input.payeeFsp) return fail('party', brief(party));
  } catch (error) {
    return fail('party', String(error));
  }
  const quoteId = randomUUID();
  let quote: Answer;
  try {
    quote = await post(
      `${base}/quotes`,
      {
        fspId: input.payeeFsp,
        quotesPostRequest: {
          quoteId,
          transactionId: transferId,
          payer: {
            partyIdInfo: { partyIdType: 'MSISDN', partyIdentifier: input.payerId, fspId: input.payerFsp },
          },
          payee: {
            partyIdInfo: { partyIdType: 'MSISDN', partyIdentifier: input.payeeId, fspId: input.payeeFsp },
          },
          amountType: 'SEND',
          amount: { amount: input.amount, currency: input.currency },
          transactionType: { scenario: 'TRANSFER', initiator: 'PAYER', initiatorType: 'CONSUMER' },
        },
      },
      timeoutMs,
    );
  } catch (error) {
    return fail('quote', String(error));
  }
  const quoted = field(quote.body, 'quotes', 'body') as Record<string, unknown> | undefined;
  const ilpPacket = field(quoted, 'ilpPacket');
  const condition = field(quoted, 'condition');
  const transferAmount = field(quoted, 'transferAmount') ?? {
    amount: input.amount,
    currency: input.currency,
  };
  if (quote.status !== 200 || typeof ilpPacket !== 'string' || typeof condition !== 'string') {
    return fail('quote', brief(quote));
  }
  // The payee signed its answer for `/quotes/<quoteId>`; an answer signed for another quote means the
  // payer SDK handed us someone else's quote (its condition would not match our transfer).
  const answeredUri = field(quote.body, 'quotes', 'headers', 'fspiop-uri');
  if (answeredUri !== `/quotes/${quoteId}`) {
    return fail('quote', `the answer is for ${String(answeredUri)}, not /quotes/${quoteId}`);
  }
  let transfer: Answer;
  try {
    transfer = await post(
      `${base}/simpleTransfers`,
      {
        fspId: input.payeeFsp,
        transfersPostRequest: {
          transferId,
          payerFsp: input.payerFsp,
          payeeFsp: input.payeeFsp,
          amount: transferAmount,
          ilpPacket,
          condition,
          expiration: new Date(Date.now() + (input.expirySeconds ?? 60) * 1000).toISOString(),
        },
      },
      timeoutMs,
    );
  } catch (error) {
    return fail('transfer', String(error));
  }
  const currentState = field(transfer.body, 'currentState');
  const transferState = field(transfer.body, 'transfer', 'body', 'transferState');
  const result: SdkTransferResult = {
    ok: transfer.status === 200 && currentState === 'COMPLETED' && transferState === 'COMMITTED',
    transferId,
    ...(typeof currentState === 'string' ? { currentState } : {}),
    ...(typeof transferState === 'string' ? { transferState } : {}),
    ms: Date.now() - started,
  };
  return result.ok ? result : { ...result, failedAt: 'transfer', detail: brief(transfer) };
}

// ---------------------------------------------------------------- hub metrics

export interface HubCounters {
  transfers: Record<string, number>;
  /** `hub_position{dfsp,currency}` by DFSP. */
  positions: Record<string, number>;
  rejected: Record<string, number>;
}

function labelsOf(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const match of text.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
    if (match[1] !== undefined && match[2] !== undefined) labels[match[1]] = match[2];
  }
  return labels;
}

/** Parses the hub's own counters out of its Prometheus text. */
export function parseHubMetrics(text: string): HubCounters {
  const counters: HubCounters = { transfers: {}, positions: {}, rejected: {} };
  for (const line of text.split('\n')) {
    const match = /^(hub_transfers_total|hub_position|hub_rejected_requests_total)\{([^}]*)\}\s+(\S+)/.exec(
      line,
    );
    if (!match?.[1] || match[2] === undefined || match[3] === undefined) continue;
    const labels = labelsOf(match[2]);
    const value = Number(match[3]);
    if (match[1] === 'hub_transfers_total' && labels.state) counters.transfers[labels.state] = value;
    if (match[1] === 'hub_position' && labels.dfsp) counters.positions[labels.dfsp] = value;
    if (match[1] === 'hub_rejected_requests_total' && labels.reason) counters.rejected[labels.reason] = value;
  }
  return counters;
}

export async function readHubMetrics(adminPort: number, timeoutMs = 5_000): Promise<HubCounters> {
  const response = await fetch(`http://127.0.0.1:${adminPort}/metrics`, {
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status !== 200) throw new Error(`hub /metrics answered HTTP ${response.status}`);
  return parseHubMetrics(await response.text());
}

/** Runs `work` over `items` with at most `limit` in flight; results in input order. */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
