/**
 * The k6 transfer script the k6-operator runners execute (one `TestRun` per rung, k8s/testrun.ts).
 * Each iteration is one end-to-end transfer through the PAYER's SDK outbound API: party lookup,
 * quote, simple transfer (REFERENCE §2, ARCHITECTURE §4). Everything decidable without k6 lives in
 * ./lib (tested under Node); this file only wires it to k6's HTTP client and metrics.
 *
 * Built into k6/dist/transfer.js by tools/build-k6.ts; the env contract is in k6/README.md.
 */
import crypto from 'k6/crypto';
import exec from 'k6/execution';
import http, { type RefinedResponse } from 'k6/http';
import { Counter, Trend } from 'k6/metrics';
import type { Options } from 'k6/options';
import {
  K6_COUNTERS,
  K6_TAGS,
  K6_TRENDS,
  K6_TRENDS_ARE_TIME,
} from '../../actions/core/src/ladder/metrics.js';
import { summaryOutput } from './lib/contract.js';
import { type Answer, failureCode, parseBody, partyFound, quoted, transferCommitted } from './lib/outcome.js';
import {
  expiration,
  partyLookupUrl,
  quoteRequest,
  quotesUrl,
  REQUEST_NAMES,
  simpleTransfersUrl,
  transferRequest,
  UUID_BYTES,
  uuidV4,
} from './lib/requests.js';
import { readSettings } from './lib/settings.js';
import { chooseParties, planMix } from './lib/traffic.js';

// Init context: a bad environment throws here, before any VU starts (k6 exits 107).
const settings = readSettings(__ENV);
const { fleet, dfsps } = settings;
const mix = planMix(dfsps, fleet.trafficMix);

// k6 checks the option values itself (exit 104); settings.ts checked the parts this script relies on.
export const options: Options = settings.options as unknown as Options;

const trends = {
  discovery: new Trend(K6_TRENDS.discovery, K6_TRENDS_ARE_TIME),
  quote: new Trend(K6_TRENDS.quote, K6_TRENDS_ARE_TIME),
  transfer: new Trend(K6_TRENDS.transfer, K6_TRENDS_ARE_TIME),
  e2e: new Trend(K6_TRENDS.e2e, K6_TRENDS_ARE_TIME),
};
const completed = new Counter(K6_COUNTERS.completed);
const failed = new Counter(K6_COUNTERS.failed);

const timeout = `${fleet.requestTimeoutSeconds}s`;
const jsonHeaders = { 'content-type': 'application/json', accept: 'application/json' };

function answerOf(response: RefinedResponse<'text'>): Answer {
  return { status: response.status, body: parseBody(response.body), k6ErrorCode: response.error_code };
}

function fail(answer: Answer): void {
  failed.add(1, { [K6_TAGS.errorCode]: failureCode(answer) });
}

const newId = (): string => uuidV4(new Uint8Array(crypto.randomBytes(UUID_BYTES)));

/** One transfer: lookup, quote, transfer. A failed leg is counted and ends the iteration. */
export function transfer(): void {
  const started = Date.now();
  const parties = chooseParties(exec.scenario.iterationInTest, mix, fleet.partiesPerDfsp, Math.random);
  const base = parties.payer.outboundUrl;

  const lookup = http.get(partyLookupUrl(base, parties.payeeId), {
    headers: { accept: 'application/json' },
    timeout,
    tags: { name: REQUEST_NAMES.party },
    responseType: 'text',
  });
  const party = answerOf(lookup);
  if (!partyFound(party, parties.payeeId, parties.payee.id)) {
    fail(party);
    return;
  }
  trends.discovery.add(lookup.timings.duration);

  const transferId = newId();
  const quoteId = newId();
  const amount = { amount: fleet.amount, currency: fleet.currency };
  const quoteResponse = http.post(
    quotesUrl(base),
    JSON.stringify(quoteRequest(parties, { quoteId, transferId }, amount)),
    { headers: jsonHeaders, timeout, tags: { name: REQUEST_NAMES.quote }, responseType: 'text' },
  );
  const quoteAnswer = answerOf(quoteResponse);
  const quote = quoted(quoteAnswer, quoteId, amount);
  if (quote === undefined) {
    fail(quoteAnswer);
    return;
  }
  trends.quote.add(quoteResponse.timings.duration);

  const transferResponse = http.post(
    simpleTransfersUrl(base),
    JSON.stringify(
      transferRequest(parties, {
        transferId,
        amount: quote.transferAmount,
        ilpPacket: quote.ilpPacket,
        condition: quote.condition,
        expiration: expiration(Date.now(), fleet.expirySeconds),
      }),
    ),
    { headers: jsonHeaders, timeout, tags: { name: REQUEST_NAMES.transfer }, responseType: 'text' },
  );
  const transferAnswer = answerOf(transferResponse);
  if (!transferCommitted(transferAnswer)) {
    fail(transferAnswer);
    return;
  }
  trends.transfer.add(transferResponse.timings.duration);
  trends.e2e.add(Date.now() - started);
  completed.add(1);
}

export default transfer;

/** The runner prints its summary as one marked line; the ladder reads it from the pod log. */
export function handleSummary(data: unknown): { stdout: string } {
  return summaryOutput(data);
}
