/**
 * The verdict of one rung (ARCHITECTURE §5): SLOs over the steady window, and validity facts that
 * decide whether those SLOs can be believed at all.
 *
 * Outcome, in this order:
 * - INVALID when the rung was aborted, any validity fact is `false` or `'unknown'`, or a number an
 *   SLO needs was not measured ("no samples" — a missing percentile never passes);
 * - FAIL when any SLO is violated;
 * - PASS otherwise.
 *
 * Validity facts:
 * - `runnersClean`: every expected runner reported, and each exit code is 0, or 99 (k6 thresholds
 *   failed: the run itself completed, so it is clean; noted, and the verdict still comes from the
 *   SLOs). Any other code, an unreadable code, a missing or a duplicated runner is `false`/`'unknown'`.
 * - `countsAgree`: |hub committed − k6 completed| ≤ max(⌈target × inflightSeconds⌉,
 *   ⌈completed × countTolerancePercent / 100⌉). Transfers in flight at either edge of the window are
 *   counted by one side and not yet (or already) by the other; in steady state that is about
 *   rate × (the time between the hub's commit and k6 seeing the response), bounded here by
 *   `inflightSeconds` (default 2 s), with a 1 % floor for the extrapolation of `increase()` over long
 *   windows.
 * - `droppedWithinBounds`: the dropped count is measured and k6's accounting holds:
 *   |(iterations + dropped) − target × window| ≤ the same tolerance (with scheduled instead of
 *   completed). A rate multiplied by the runner count instead of split, a runner that never started,
 *   or missing samples make it false or unknown. The dropped *share* is the `maxDroppedPercent` SLO:
 *   an overloaded hub drops iterations, and that must read as FAIL (so the stress search can bisect
 *   it), not as INVALID.
 */
import type { SloSettings } from '../config/index.js';
import type {
  Fact,
  FailedSlo,
  Outcome,
  RungEvaluation,
  RungMeasurement,
  RungPlan,
  RunnerExit,
  Validity,
} from '../ladder/types.js';

export interface ValidityOptions {
  /** Seconds of transfers that may be in flight at a window edge. Default 2. */
  inflightSeconds: number;
  /** Relative floor of the count tolerance, percent. Default 1. */
  countTolerancePercent: number;
}

export const DEFAULT_VALIDITY_OPTIONS: ValidityOptions = { inflightSeconds: 2, countTolerancePercent: 1 };

// ---------------------------------------------------------------- SLOs

export interface SloCheck {
  failedSlos: FailedSlo[];
  /** One reason per SLO whose input was not measured. */
  missing: string[];
}

export function evaluateSlos(measurement: RungMeasurement, slo: SloSettings): SloCheck {
  const failedSlos: FailedSlo[] = [];
  const missing: string[] = [];
  const atLeast = (name: FailedSlo['slo'], label: string, observed: number | null, threshold: number) => {
    if (observed === null) missing.push(`${label}: no samples in the steady window`);
    else if (observed < threshold) failedSlos.push({ slo: name, threshold, observed });
  };
  const atMost = (name: FailedSlo['slo'], label: string, observed: number | null, threshold: number) => {
    if (observed === null) missing.push(`${label}: no samples in the steady window`);
    else if (observed > threshold) failedSlos.push({ slo: name, threshold, observed });
  };

  atLeast('successPercent', 'success rate', measurement.successPercent, slo.successPercent);

  // achieved ≥ pct % of target, compared as achieved × 100 ≥ pct × target to keep 990 of 1000 at 99 % exact.
  if (measurement.achievedRate === null) missing.push('achieved rate: no samples in the steady window');
  else if (measurement.achievedRate * 100 < slo.achievedRatePercent * measurement.targetRate) {
    failedSlos.push({
      slo: 'achievedRatePercent',
      threshold: slo.achievedRatePercent,
      observed: (measurement.achievedRate / measurement.targetRate) * 100,
    });
  }

  atMost('transferP99Ms', 'transfer p99', measurement.latency.transfer.p99, slo.transferP99Ms);
  const e2e = [
    ['e2eP50Ms', 'e2e p50', measurement.latency.e2e.p50, slo.e2e.p50Ms],
    ['e2eP95Ms', 'e2e p95', measurement.latency.e2e.p95, slo.e2e.p95Ms],
    ['e2eP99Ms', 'e2e p99', measurement.latency.e2e.p99, slo.e2e.p99Ms],
  ] as const;
  for (const [name, label, observed, threshold] of e2e) {
    if (threshold !== undefined) atMost(name, label, observed, threshold);
  }
  atMost('maxDroppedPercent', 'dropped iterations', measurement.droppedPercent, slo.maxDroppedPercent);
  return { failedSlos, missing };
}

// ---------------------------------------------------------------- validity

/** k6 exit codes (grafana/k6 errext/exitcodes/codes.go). */
export const K6_EXIT_CODES: Readonly<Record<number, string>> = {
  0: 'success',
  97: 'cloud test run failed',
  98: 'cloud progress sync failed',
  99: 'thresholds failed',
  100: 'setup() timed out',
  101: 'teardown() timed out',
  102: 'timed out',
  103: 'stopped from the REST API',
  104: 'invalid configuration',
  105: 'aborted by a signal',
  106: 'REST API could not start',
  107: 'script exception',
  108: 'script aborted (test.abort())',
  109: 'k6 panicked',
  110: 'marked as failed (test.fail())',
};

export const K6_THRESHOLDS_FAILED = 99;

export function describeExitCode(code: number): string {
  const meaning = K6_EXIT_CODES[code];
  return meaning === undefined ? `exit ${code}` : `exit ${code}, ${meaning}`;
}

export interface FactCheck {
  fact: Fact;
  reasons: string[];
  notes: string[];
}

export function checkRunners(runners: readonly RunnerExit[], expectedRunners: number): FactCheck {
  const reasons: string[] = [];
  const notes: string[] = [];
  let failed = false;
  let unknown = false;
  const seen = new Set<string>();
  for (const runner of runners) {
    if (seen.has(runner.id)) {
      failed = true;
      reasons.push(`runner ${runner.id} reported more than once`);
    }
    seen.add(runner.id);
    if (runner.exitCode === null) {
      unknown = true;
      reasons.push(`runner ${runner.id}: exit status unknown`);
    } else if (runner.exitCode === K6_THRESHOLDS_FAILED) {
      notes.push(
        `runner ${runner.id}: k6 thresholds failed (${describeExitCode(runner.exitCode)}); the verdict comes from the SLOs over the steady window`,
      );
    } else if (runner.exitCode !== 0) {
      failed = true;
      reasons.push(`runner ${runner.id}: ${describeExitCode(runner.exitCode)}`);
    }
  }
  if (seen.size < expectedRunners) {
    failed = true;
    reasons.push(
      `${expectedRunners - seen.size} of ${expectedRunners} runner(s) missing: no exit status reported`,
    );
  } else if (seen.size > expectedRunners) {
    failed = true;
    reasons.push(`${seen.size} runners reported, ${expectedRunners} expected`);
  }
  return { fact: failed ? false : unknown ? 'unknown' : true, reasons, notes };
}

/** The in-flight tolerance: max(⌈rate × inflightSeconds⌉, ⌈count × pct / 100⌉). */
export function countTolerance(rate: number, count: number, options: ValidityOptions): number {
  return Math.max(
    Math.ceil(rate * options.inflightSeconds),
    Math.ceil((Math.abs(count) * options.countTolerancePercent) / 100),
  );
}

export function checkCounts(measurement: RungMeasurement, options: ValidityOptions): FactCheck {
  const { hubCommitted, completed, targetRate } = measurement;
  if (hubCommitted === null) {
    return {
      fact: 'unknown',
      reasons: ["hub committed count: no samples (is the hub's counter scraped?)"],
      notes: [],
    };
  }
  if (completed === null) {
    return { fact: 'unknown', reasons: ['k6 completed count: no samples'], notes: [] };
  }
  const tolerance = countTolerance(targetRate, completed, options);
  const gap = Math.abs(hubCommitted - completed);
  if (gap > tolerance) {
    return {
      fact: false,
      reasons: [
        `hub committed ${hubCommitted} but k6 completed ${completed} (difference ${gap}, tolerance ${tolerance})`,
      ],
      notes: [],
    };
  }
  return { fact: true, reasons: [], notes: [] };
}

export function checkOfferedLoad(measurement: RungMeasurement, options: ValidityOptions): FactCheck {
  const { iterations, droppedIterations, targetRate, window } = measurement;
  if (iterations === null) {
    return {
      fact: 'unknown',
      reasons: ['k6 iterations: no samples (did the runners write to Prometheus?)'],
      notes: [],
    };
  }
  if (droppedIterations === null) {
    return { fact: 'unknown', reasons: ['k6 dropped iterations: no samples'], notes: [] };
  }
  const scheduled = iterations + droppedIterations;
  const expected = targetRate * window.seconds;
  const tolerance = countTolerance(targetRate, expected, options);
  const gap = Math.abs(scheduled - expected);
  if (gap > tolerance) {
    return {
      fact: false,
      reasons: [
        `k6 scheduled ${scheduled} iterations (${iterations} finished + ${droppedIterations} dropped) where ${targetRate}/s × ${window.seconds} s = ${expected} (tolerance ${tolerance}); the offered rate was not the target`,
      ],
      notes: [],
    };
  }
  return { fact: true, reasons: [], notes: [] };
}

// ---------------------------------------------------------------- outcome

export function decideOutcome(
  validity: Validity,
  failedSlos: readonly FailedSlo[],
  invalidReasons: readonly string[],
): Outcome {
  const valid =
    validity.runnersClean === true &&
    validity.countsAgree === true &&
    validity.droppedWithinBounds === true &&
    invalidReasons.length === 0;
  if (!valid) return 'INVALID';
  return failedSlos.length > 0 ? 'FAIL' : 'PASS';
}

export interface RungEvaluationInput {
  rung: RungPlan;
  /** `null` when nothing could be measured. */
  measurement: RungMeasurement | null;
  runners: readonly RunnerExit[];
  expectedRunners: number;
  startedAt: number | null;
  endedAt: number | null;
  aborted?: boolean;
  /** Reasons found outside the measurement, e.g. the runner threw or Prometheus failed. */
  invalidReasons?: readonly string[];
}

export function evaluateRung(
  input: RungEvaluationInput,
  slo: SloSettings,
  options: ValidityOptions = DEFAULT_VALIDITY_OPTIONS,
): RungEvaluation {
  const runners = checkRunners(input.runners, input.expectedRunners);
  const unmeasured: FactCheck = { fact: 'unknown', reasons: [], notes: [] };
  const counts = input.measurement ? checkCounts(input.measurement, options) : unmeasured;
  const offered = input.measurement ? checkOfferedLoad(input.measurement, options) : unmeasured;
  const validity: Validity = {
    runnersClean: runners.fact,
    countsAgree: counts.fact,
    droppedWithinBounds: offered.fact,
    reasons: [...runners.reasons, ...counts.reasons, ...offered.reasons],
  };
  const slos = input.measurement ? evaluateSlos(input.measurement, slo) : { failedSlos: [], missing: [] };
  const invalidReasons = [
    ...(input.aborted ? ['aborted'] : []),
    ...(input.invalidReasons ?? []),
    ...(input.measurement === null && !input.aborted && (input.invalidReasons ?? []).length === 0
      ? ['nothing was measured']
      : []),
    ...validity.reasons,
    ...slos.missing,
  ];
  return {
    rung: input.rung,
    stage: 'evaluated',
    startedAt: input.startedAt,
    endedAt: input.endedAt,
    runners: [...input.runners],
    measurement: input.measurement,
    validity,
    outcome: decideOutcome(validity, slos.failedSlos, invalidReasons),
    failedSlos: slos.failedSlos,
    invalidReasons,
    notes: [...runners.notes, ...counts.notes, ...offered.notes],
  };
}
