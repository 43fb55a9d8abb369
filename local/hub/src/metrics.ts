/**
 * The hub's Prometheus metrics, on its own registry (several hubs can live in one test process).
 * Label values come from small fixed sets. The hot path adds to plain numbers; they reach the
 * prom-client counters at scrape time (prom-client hashes and validates the labels on every `inc`,
 * even through a bound child). Positions are read from the ledger at scrape time.
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

interface CounterSpec<L extends string> {
  name: string;
  help: string;
  labelName: string;
  values: readonly L[];
}

/**
 * A counter with one label over a fixed set of values. The returned function bumps a number; the
 * scrape (`collect`) moves what was added since the last scrape into the prom-client counter. Values
 * outside the set are ignored, as before.
 */
function fastCounter<L extends string>(registry: Registry, spec: CounterSpec<L>): (value: L) => void {
  const counts = new Map<L, number>(spec.values.map((v) => [v, 0]));
  const published = new Map<L, number>(spec.values.map((v) => [v, 0]));
  new Counter({
    name: spec.name,
    help: spec.help,
    labelNames: [spec.labelName],
    registers: [registry],
    collect() {
      for (const [value, count] of counts) {
        const delta = count - (published.get(value) ?? 0);
        if (delta > 0) {
          this.inc({ [spec.labelName]: value }, delta);
          published.set(value, count);
        }
      }
    },
  });
  return (value) => {
    const count = counts.get(value);
    if (count !== undefined) counts.set(value, count + 1);
  };
}

export function createMetrics(ledger: Ledger, options: { defaultMetrics?: boolean } = {}): HubMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'hub_' });

  const transferFinal = fastCounter(registry, {
    name: 'hub_transfers_total',
    help: 'Transfers by final state (COMMITTED, ABORTED incl. rejected prepares, EXPIRED).',
    labelName: 'state',
    values: FINAL_STATES,
  });

  const latency = new Histogram({
    name: 'hub_transfer_prepare_to_commit_seconds',
    help: 'Time from the hub accepting a prepare to the commit of the transfer.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  const rejected = fastCounter(registry, {
    name: 'hub_rejected_requests_total',
    help: 'Requests the hub refused, or transfers it failed, by reason.',
    labelName: 'reason',
    values: REJECT_REASONS,
  });

  const callback = fastCounter(registry, {
    name: 'hub_callbacks_total',
    help: 'Requests the hub sent to DFSPs, by outcome.',
    labelName: 'outcome',
    values: CALLBACK_OUTCOMES,
  });

  const request = fastCounter(registry, {
    name: 'hub_fspiop_requests_total',
    help: 'FSPIOP requests received, by resource.',
    labelName: 'resource',
    values: ['parties', 'quotes', 'transfers'] as const,
  });

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
    transferFinal,
    commitLatency: (seconds) => latency.observe(seconds),
    rejected,
    callback,
    request,
  };
}
