/**
 * Metric and tag names shared by the k6 transfer script and the ladder's Prometheus reader. The k6
 * script (outside the TypeScript project) imports or copies the `K6_*` constants; the reader derives
 * the Prometheus series names from them with the mapping rules below, so a rename happens here once.
 *
 * How k6's `experimental-prometheus-rw` output names series (checked, not assumed):
 * - Grafana k6 docs, "Prometheus remote write" (docs/sources/k6/next/results-output/real-time/
 *   prometheus-remote-write.md, "Metrics mapping"): every series is prefixed `k6_`; a Counter becomes
 *   a Prometheus counter named `k6_<name>_total`; a Trend becomes, with
 *   `K6_PROMETHEUS_RW_TREND_AS_NATIVE_HISTOGRAM=true`, one native histogram; without it, gauges per
 *   `K6_PROMETHEUS_RW_TREND_STATS` (`k6_<name>_p99` …) that cannot be merged across runners.
 * - The output's source (grafana/xk6-output-prometheus-remote, pkg/remotewrite/trend.go and
 *   prometheus.go): the name is `"k6_" + name + "_" + suffix`; a Counter's suffix is `total`; a native
 *   histogram's suffix is the base unit of the Trend — `seconds` for a time Trend
 *   (`new Trend(name, true)`), none otherwise — and time values are divided by 1000 (ms → s) before they
 *   are observed. So `new Trend('e2e_time', true)` arrives as `k6_e2e_time_seconds`, in seconds.
 * - Test-wide tags (`options.tags`, `--tag`) become labels on every series.
 *
 * Our script declares every Trend as a time Trend (the k6 summary then prints durations and thresholds
 * read `p(99)<1000` in ms). The reader multiplies quantiles by `trendToMs` (1000) to report ms.
 */

/** k6 Trends, one per leg of a transfer and one end to end; values are milliseconds in k6. */
export const K6_TRENDS = {
  discovery: 'discovery_time',
  quote: 'quote_time',
  transfer: 'transfer_time',
  e2e: 'e2e_time',
} as const;
export type Leg = keyof typeof K6_TRENDS;
export const LEGS: readonly Leg[] = ['e2e', 'discovery', 'quote', 'transfer'];

/** The script declares Trends with `isTime = true`; the series then carry the `_seconds` suffix. */
export const K6_TRENDS_ARE_TIME = true;

/** k6 Counters: our two, and k6's built-in `dropped_iterations` and `iterations`. */
export const K6_COUNTERS = {
  completed: 'transfers_completed',
  /** Tagged with {@link K6_TAGS.errorCode}. */
  failed: 'transfers_failed',
  dropped: 'dropped_iterations',
  iterations: 'iterations',
} as const;

/**
 * Tags on every sample. `testid` (the run id) and `rung` (the rung id of the plan) are test-wide tags
 * the runner sets; `runner` must differ between the runners of one rung: remote write stores samples
 * with identical label sets as one series, so two runners' counters without it would interleave and
 * read as constant resets. The reader sums over it.
 */
export const K6_TAGS = {
  testId: 'testid',
  rung: 'rung',
  runner: 'runner',
  errorCode: 'fspiop_error_code',
} as const;

export const K6_SERIES_PREFIX = 'k6_';

/** Prometheus name of a k6 Counter: `k6_<name>_total`. */
export function k6CounterSeries(name: string): string {
  return `${K6_SERIES_PREFIX}${name}_total`;
}

/** Prometheus name of a k6 Trend sent as a native histogram: `k6_<name>_seconds` for a time Trend. */
export function k6TrendSeries(name: string, isTime: boolean = K6_TRENDS_ARE_TIME): string {
  return `${K6_SERIES_PREFIX}${name}${isTime ? '_seconds' : ''}`;
}

/**
 * The hub's own count of transfers by final state. The local hub emulator exposes
 * `hub_transfers_total{state="COMMITTED"|"ABORTED"}`; a real Mojaloop hub needs another expression,
 * so every part is overridable through {@link SeriesNames}.
 */
export const HUB_TRANSFERS_SERIES = 'hub_transfers_total';
export const HUB_STATE_LABEL = 'state';
export const HUB_COMMITTED_STATE = 'COMMITTED';

/** Every name the rung reader uses, resolved. */
export interface SeriesNames {
  completed: string;
  failed: string;
  dropped: string;
  iterations: string;
  trends: Record<Leg, string>;
  /** Factor from the histogram's unit to milliseconds: 1000 for `_seconds` histograms, 1 for ms. */
  trendToMs: number;
  labels: { testId: string; rung: string; errorCode: string };
  hub: {
    series: string;
    stateLabel: string;
    committedState: string;
    /** Extra label matchers on the hub series, e.g. `{ namespace: 'mojaloop' }`. */
    matchers: Record<string, string>;
  };
}

export interface SeriesNameOverrides {
  trendsAreTime?: boolean;
  hub?: Partial<SeriesNames['hub']>;
}

export function seriesNames(overrides: SeriesNameOverrides = {}): SeriesNames {
  const isTime = overrides.trendsAreTime ?? K6_TRENDS_ARE_TIME;
  return {
    completed: k6CounterSeries(K6_COUNTERS.completed),
    failed: k6CounterSeries(K6_COUNTERS.failed),
    dropped: k6CounterSeries(K6_COUNTERS.dropped),
    iterations: k6CounterSeries(K6_COUNTERS.iterations),
    trends: {
      e2e: k6TrendSeries(K6_TRENDS.e2e, isTime),
      discovery: k6TrendSeries(K6_TRENDS.discovery, isTime),
      quote: k6TrendSeries(K6_TRENDS.quote, isTime),
      transfer: k6TrendSeries(K6_TRENDS.transfer, isTime),
    },
    trendToMs: isTime ? 1000 : 1,
    labels: { testId: K6_TAGS.testId, rung: K6_TAGS.rung, errorCode: K6_TAGS.errorCode },
    hub: {
      series: overrides.hub?.series ?? HUB_TRANSFERS_SERIES,
      stateLabel: overrides.hub?.stateLabel ?? HUB_STATE_LABEL,
      committedState: overrides.hub?.committedState ?? HUB_COMMITTED_STATE,
      matchers: overrides.hub?.matchers ?? {},
    },
  };
}

export const DEFAULT_SERIES_NAMES: SeriesNames = seriesNames();
