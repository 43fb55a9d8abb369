/**
 * PromQL for one rung's steady window [start, end]: every expression is evaluated at `end` with a
 * range of `end − start` seconds, so it covers exactly the window (REFERENCE §1: drop warm-up and
 * drain, percentiles with histogram_quantile over k6 native histograms).
 *
 * Native histograms are queried by their series name, with no `_bucket` suffix and no `le` label:
 * `histogram_quantile(φ, sum(rate(h[W])))` aggregates the runners' histograms bucket by bucket, so the
 * quantile is exact across runners (Prometheus docs, querying/functions.md, histogram_quantile: "for a
 * native histogram … histogram_quantile(0.9, rate(http_request_duration_seconds[10m]))"; Grafana
 * Mimir "Visualize native histograms": native histogram queries do not use the _bucket, _sum and _count
 * suffixes of classic histograms).
 *
 * A k6 counter that was never incremented has no series (k6 creates it on the first `add`), so
 * failed transfers and dropped iterations default to 0 with `or vector(0)`. k6's `iterations` counter
 * has no default: when it is absent there are no k6 samples for the rung at all, and the reader says
 * so rather than reporting zeros.
 */
import { DEFAULT_SERIES_NAMES, LEGS, type Leg, type SeriesNames } from '../ladder/metrics.js';

/** Escape a label value for a double-quoted PromQL string. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** `series{a="1",b="2"}` with matchers in the given order. */
export function selector(series: string, matchers: Record<string, string>): string {
  const parts = Object.entries(matchers).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
  return parts.length === 0 ? series : `${series}{${parts.join(',')}}`;
}

export const QUANTILES = { p50: 0.5, p95: 0.95, p99: 0.99 } as const;
export type QuantileKey = keyof typeof QUANTILES;

export interface RungQueries {
  /** Completed transfers per second over the window. */
  achievedRate: string;
  completed: string;
  failed: string;
  /** One sample per FSPIOP error code. */
  failedByCode: string;
  successPercent: string;
  iterations: string;
  dropped: string;
  droppedPercent: string;
  /** Milliseconds. */
  latency: Record<Leg, Record<QuantileKey, string>>;
  hubCommitted: string;
}

export interface RungQueryInput {
  testId: string;
  rungId: string;
  /** Window length in whole seconds (≥ 1). */
  windowSeconds: number;
  names?: SeriesNames;
}

export function buildRungQueries(input: RungQueryInput): RungQueries {
  const names = input.names ?? DEFAULT_SERIES_NAMES;
  const seconds = input.windowSeconds;
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new RangeError(`windowSeconds must be an integer ≥ 1, got ${seconds}`);
  }
  const range = `[${seconds}s]`;
  const k6 = { [names.labels.testId]: input.testId, [names.labels.rung]: input.rungId };
  const increase = (series: string) => `sum(increase(${selector(series, k6)}${range}))`;
  const orZero = (expr: string) => `(${expr} or vector(0))`;

  const completed = orZero(increase(names.completed));
  const failed = orZero(increase(names.failed));
  const iterations = increase(names.iterations);
  const dropped = orZero(increase(names.dropped));

  const latency = {} as Record<Leg, Record<QuantileKey, string>>;
  for (const leg of LEGS) {
    const histogram = `sum(rate(${selector(names.trends[leg], k6)}${range}))`;
    const scale = names.trendToMs === 1 ? '' : ` * ${names.trendToMs}`;
    latency[leg] = {
      p50: `histogram_quantile(${QUANTILES.p50}, ${histogram})${scale}`,
      p95: `histogram_quantile(${QUANTILES.p95}, ${histogram})${scale}`,
      p99: `histogram_quantile(${QUANTILES.p99}, ${histogram})${scale}`,
    };
  }

  const hub = selector(names.hub.series, {
    ...names.hub.matchers,
    [names.hub.stateLabel]: names.hub.committedState,
  });

  return {
    achievedRate: `${completed} / ${seconds}`,
    completed,
    failed,
    failedByCode: `sum by (${names.labels.errorCode}) (increase(${selector(names.failed, k6)}${range}))`,
    successPercent: `100 * ${completed} / (${completed} + ${failed})`,
    iterations,
    dropped,
    droppedPercent: `100 * ${dropped} / (${iterations} + ${dropped})`,
    latency,
    hubCommitted: `sum(increase(${hub}${range}))`,
  };
}
