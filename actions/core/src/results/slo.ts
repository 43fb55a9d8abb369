/**
 * The SLOs a rung is judged by, named as the SLO evaluator names them (slo/, ladder/types.ts), with the
 * words the verdict and the report use for them. One table, so a failed SLO reads the same in
 * results.json, the verdict sentence and the per-rung table.
 */
import type { SloSettings } from '../config/index.js';
import { formatMs, formatPercent } from '../report/format.js';

export const SLO_IDS = [
  'successPercent',
  'achievedRatePercent',
  'transferP99Ms',
  'e2eP50Ms',
  'e2eP95Ms',
  'e2eP99Ms',
  'maxDroppedPercent',
] as const;
export type SloId = (typeof SLO_IDS)[number];

export interface SloDefinition {
  /** What is measured, e.g. `transfer p99`. */
  label: string;
  /** `floor`: the observed value must be at least the threshold; `ceiling`: at most. */
  bound: 'floor' | 'ceiling';
  unit: 'ms' | '%';
  /** What the threshold means, for the report's list of SLOs. */
  meaning: string;
}

export const SLO_DEFINITIONS: Record<SloId, SloDefinition> = {
  successPercent: {
    label: 'success',
    bound: 'floor',
    unit: '%',
    meaning: 'share of attempted transfers that completed',
  },
  achievedRatePercent: {
    label: 'achieved rate',
    bound: 'floor',
    unit: '%',
    meaning: 'completed transfers per second as a share of the target rate',
  },
  transferP99Ms: {
    label: 'transfer p99',
    bound: 'ceiling',
    unit: 'ms',
    meaning: "99th percentile of the transfer leg (Mojaloop's published definition)",
  },
  e2eP50Ms: {
    label: 'e2e p50',
    bound: 'ceiling',
    unit: 'ms',
    meaning: 'median of discovery + quote + transfer',
  },
  e2eP95Ms: {
    label: 'e2e p95',
    bound: 'ceiling',
    unit: 'ms',
    meaning: '95th percentile of discovery + quote + transfer',
  },
  e2eP99Ms: {
    label: 'e2e p99',
    bound: 'ceiling',
    unit: 'ms',
    meaning: '99th percentile of discovery + quote + transfer',
  },
  maxDroppedPercent: {
    label: 'dropped',
    bound: 'ceiling',
    unit: '%',
    meaning: 'k6 dropped iterations as a share of scheduled ones',
  },
};

/** A threshold with its unit and comparison: `≤ 1,000 ms`, `≥ 99.50 %`. */
export function formatThreshold(slo: SloId, threshold: number): string {
  const { bound } = SLO_DEFINITIONS[slo];
  return `${bound === 'floor' ? '≥' : '≤'} ${formatValue(slo, threshold)}`;
}

function formatValue(slo: SloId, value: number): string {
  return SLO_DEFINITIONS[slo].unit === 'ms' ? `${formatMs(value)} ms` : `${formatPercent(value)} %`;
}

export interface FailedSloFact {
  slo: SloId;
  threshold: number;
  observed: number;
}

/** A sentence fragment: `transfer p99 1,240 ms is above the 1,000 ms ceiling`. */
export function describeFailedSlo(failure: FailedSloFact): string {
  const { label, bound } = SLO_DEFINITIONS[failure.slo];
  const threshold = formatValue(failure.slo, failure.threshold);
  const side = bound === 'floor' ? 'below' : 'above';
  return `${label} ${formatValue(failure.slo, failure.observed)} is ${side} the ${threshold} ${bound}`;
}

/** A table-cell abbreviation: `transfer p99 1,240 > 1,000 ms`. */
export function abbreviateFailedSlo(failure: FailedSloFact): string {
  const { label, bound, unit } = SLO_DEFINITIONS[failure.slo];
  const format = unit === 'ms' ? formatMs : formatPercent;
  return `${label} ${format(failure.observed)} ${bound === 'floor' ? '<' : '>'} ${format(failure.threshold)} ${unit}`;
}

/** The configured threshold of each SLO, in SLO_IDS order; e2e ceilings appear only when set. */
export function configuredSlos(slo: SloSettings): Array<{ slo: SloId; threshold: number }> {
  const values: Record<SloId, number | undefined> = {
    successPercent: slo.successPercent,
    achievedRatePercent: slo.achievedRatePercent,
    transferP99Ms: slo.transferP99Ms,
    e2eP50Ms: slo.e2e.p50Ms,
    e2eP95Ms: slo.e2e.p95Ms,
    e2eP99Ms: slo.e2e.p99Ms,
    maxDroppedPercent: slo.maxDroppedPercent,
  };
  return SLO_IDS.flatMap((id) => {
    const threshold = values[id];
    return threshold === undefined ? [] : [{ slo: id, threshold }];
  });
}
