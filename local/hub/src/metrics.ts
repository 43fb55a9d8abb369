/**
 * The hub's Prometheus metrics, on its own registry (several hubs can live in one test process).
 * Label values come from small fixed sets and children are bound once, so the hot path pays a
 * counter increment, never a label lookup. Positions are read from the ledger at scrape time.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { FINAL_STATES, type FinalState, type Ledger } from './ledger.js';
import { toNumber } from './money.js';

/** Why the hub refused a request or failed a transfer it had accepted. */
export const REJECT_REASONS = [
  'unknown_route',
  'header',
  'tls_identity',
  'jws',
  'payload',
  'schema',
  'unknown_source',
  'destination',
  'party_not_found',
  'validation',
  'ilp',
  'expired',
  'liquidity',
  'net_debit_cap',
  'invalid_fulfilment',
  'modified',
  'unknown_transfer',
  'wrong_party',
  'delivery',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const CALLBACK_OUTCOMES = ['ok', 'http_error', 'transport_error'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

export interface HubMetrics {
  registry: Registry;
  transferFinal(state: FinalState): void;
  commitLatency(seconds: number): void;
  rejected(reason: RejectReason): void;
  callback(outcome: CallbackOutcome): void;
  request(resource: 'parties' | 'quotes' | 'transfers'): void;
}

export function createMetrics(ledger: Ledger, options: { defaultMetrics?: boolean } = {}): HubMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'hub_' });

  const transfers = new Counter({
    name: 'hub_transfers_total',
    help: 'Transfers by final state (COMMITTED, ABORTED incl. rejected prepares, EXPIRED).',
    labelNames: ['state'],
    registers: [registry],
  });
  const byState = new Map(FINAL_STATES.map((state) => [state, transfers.labels(state)]));

  const latency = new Histogram({
    name: 'hub_transfer_prepare_to_commit_seconds',
    help: 'Time from the hub accepting a prepare to the commit of the transfer.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  const rejectedCounter = new Counter({
    name: 'hub_rejected_requests_total',
    help: 'Requests the hub refused, or transfers it failed, by reason.',
    labelNames: ['reason'],
    registers: [registry],
  });
  const byReason = new Map(REJECT_REASONS.map((reason) => [reason, rejectedCounter.labels(reason)]));

  const callbacks = new Counter({
    name: 'hub_callbacks_total',
    help: 'Requests the hub sent to DFSPs, by outcome.',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const byOutcome = new Map(CALLBACK_OUTCOMES.map((outcome) => [outcome, callbacks.labels(outcome)]));

  const requests = new Counter({
    name: 'hub_fspiop_requests_total',
    help: 'FSPIOP requests received, by resource.',
    labelNames: ['resource'],
    registers: [registry],
  });
  const byResource = new Map(
    (['parties', 'quotes', 'transfers'] as const).map((resource) => [resource, requests.labels(resource)]),
  );

  new Gauge({
    name: 'hub_position',
    help: 'POSITION account value per DFSP and currency (reserved amounts included).',
    labelNames: ['dfsp', 'currency'],
    registers: [registry],
    collect() {
      this.reset();
      for (const account of ledger.allAccounts()) {
        this.labels(account.fsp, account.currency).set(toNumber(account.position));
      }
    },
  });
  new Gauge({
    name: 'hub_transfers_in_memory',
    help: 'Transfers held in memory, reserved or settled within the retention.',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      const size = ledger.size();
      this.labels('reserved').set(size.reserved);
      this.labels('settled').set(size.settled);
    },
  });

  return {
    registry,
    transferFinal: (state) => byState.get(state)?.inc(),
    commitLatency: (seconds) => latency.observe(seconds),
    rejected: (reason) => byReason.get(reason)?.inc(),
    callback: (outcome) => byOutcome.get(outcome)?.inc(),
    request: (resource) => byResource.get(resource)?.inc(),
  };
}
