/**
 * Read one rung's numbers from Prometheus over its steady window: every query of
 * {@link buildRungQueries} evaluated at the window's end. Counts are estimates from `increase()`
 * (extrapolated to the window edges) and are rounded to whole transfers; rates, shares and latencies
 * are kept as Prometheus returns them.
 */
import { type PromQuery, singleValue } from '../prometheus/client.js';
import { buildRungQueries, type QuantileKey } from '../prometheus/promql.js';
import { DEFAULT_SERIES_NAMES, LEGS, type Leg, type SeriesNames } from './metrics.js';
import type { Percentiles, RungMeasurement, RungPlan, TimeWindow } from './types.js';

export interface MeasureInput {
  plan: RungPlan;
  window: TimeWindow;
  testId: string;
  names?: SeriesNames;
}

const round = (value: number | null): number | null => (value === null ? null : Math.round(value));

export async function readRungMeasurement(prom: PromQuery, input: MeasureInput): Promise<RungMeasurement> {
  const names = input.names ?? DEFAULT_SERIES_NAMES;
  const queries = buildRungQueries({
    testId: input.testId,
    rungId: input.plan.id,
    windowSeconds: input.window.seconds,
    names,
  });
  const at = input.window.end;
  const value = async (expr: string) => singleValue(await prom.instantQuery(expr, at), expr);

  const latencyEntries = LEGS.flatMap((leg) =>
    (['p50', 'p95', 'p99'] as const).map(
      async (q): Promise<[Leg, QuantileKey, number | null]> => [leg, q, await value(queries.latency[leg][q])],
    ),
  );
  const [
    achievedRate,
    completed,
    failed,
    byCode,
    successPercent,
    iterations,
    dropped,
    droppedPercent,
    hubCommitted,
    latencyValues,
  ] = await Promise.all([
    value(queries.achievedRate),
    value(queries.completed),
    value(queries.failed),
    prom.instantQuery(queries.failedByCode, at),
    value(queries.successPercent),
    value(queries.iterations),
    value(queries.dropped),
    value(queries.droppedPercent),
    value(queries.hubCommitted),
    Promise.all(latencyEntries),
  ]);

  const failedByCode: Record<string, number> = {};
  for (const sample of byCode.samples) {
    if (sample.value === null) continue;
    const code = sample.labels[names.labels.errorCode] ?? 'unknown';
    const count = Math.round(sample.value);
    if (count > 0) failedByCode[code] = (failedByCode[code] ?? 0) + count;
  }
  const latency = Object.fromEntries(
    LEGS.map((leg) => [leg, { p50: null, p95: null, p99: null } satisfies Percentiles]),
  ) as Record<Leg, Percentiles>;
  for (const [leg, q, ms] of latencyValues) latency[leg][q] = ms;

  // With no k6 iterations there are no k6 samples at all: the `or vector(0)` defaults mean nothing.
  const hasK6 = iterations !== null;
  return {
    targetRate: input.plan.rate,
    window: input.window,
    achievedRate: hasK6 ? achievedRate : null,
    successPercent: hasK6 ? successPercent : null,
    completed: hasK6 ? round(completed) : null,
    failed: hasK6 ? round(failed) : null,
    failedByCode,
    iterations: round(iterations),
    droppedIterations: hasK6 ? round(dropped) : null,
    droppedPercent: hasK6 ? droppedPercent : null,
    latency,
    hubCommitted: round(hubCommitted),
  };
}
