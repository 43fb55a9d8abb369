/**
 * The ladder's vocabulary: a planned rung, its lifecycle, what was measured over its steady window
 * and how it was judged. Field names of {@link RungMeasurement} and {@link RungEvaluation} match the
 * results model one to one, so results can copy them without renaming.
 */
import type { Leg } from './metrics.js';

/**
 * Where a rung is in its life. `warming`, `holding` and `draining` follow from the clock and the
 * time load started (`stageAt` in plan.ts); `evaluated` once the verdict is known.
 */
export type RungStage = 'planned' | 'warming' | 'holding' | 'draining' | 'evaluated';

export type RungKind = 'ladder' | 'stress';

export interface RungPlan {
  /** Label value of the `rung` tag: the 1-based position in the run, as text (`"1"`, `"4"` …). */
  id: string;
  /** 1-based position in the run: ladder rungs first, then stress rungs in the order they ran. */
  ordinal: number;
  kind: RungKind;
  /** Target arrival rate, total across all runners, transfers/s. */
  rate: number;
  warmupSeconds: number;
  holdSeconds: number;
  drainSeconds: number;
  /** Seconds of offered load: warm-up + hold. The drain sends nothing new. */
  loadSeconds: number;
  /** Wall-clock length: warm-up + hold + drain. */
  totalSeconds: number;
  /** The steady window as offsets from the start of load: [warm-up, warm-up + hold]. */
  steady: { startOffsetSeconds: number; endOffsetSeconds: number };
}

/** A window in epoch milliseconds, with its length in whole seconds (the PromQL range). */
export interface TimeWindow {
  start: number;
  end: number;
  seconds: number;
}

/**
 * A fact that may not be established: `'unknown'` is neither true nor false, and a rung is only
 * valid when every fact is `true`.
 */
export type Fact = true | false | 'unknown';

export type Outcome = 'PASS' | 'FAIL' | 'INVALID';

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** How one load runner ended. `exitCode: null` means its status could not be read. */
export interface RunnerExit {
  id: string;
  exitCode: number | null;
  /** The runner's end-of-test summary (`handleSummary` data), kept as a cross-check artifact. */
  summary?: unknown;
}

/** Numbers over the steady window; `null` where Prometheus had no samples. */
export interface RungMeasurement {
  targetRate: number;
  window: TimeWindow;
  /** Completed transfers per second. */
  achievedRate: number | null;
  /** Completed as a share of completed + failed, percent. */
  successPercent: number | null;
  completed: number | null;
  failed: number | null;
  /** Failed transfers by FSPIOP error code (`"unknown"` where the script could not tell). */
  failedByCode: Record<string, number>;
  /** Iterations k6 finished; with dropped iterations, the load it scheduled. */
  iterations: number | null;
  droppedIterations: number | null;
  /** Dropped as a share of scheduled iterations (finished + dropped), percent. */
  droppedPercent: number | null;
  /** Milliseconds. */
  latency: Record<Leg, Percentiles>;
  /** The hub's own count of transfers committed in the window. */
  hubCommitted: number | null;
}

export interface Validity {
  /** Every expected runner reported an exit code of 0 or 99. */
  runnersClean: Fact;
  /** The hub's committed count agrees with k6's completed count within the in-flight tolerance. */
  countsAgree: Fact;
  /**
   * The dropped-iterations figure is measured and k6's load accounting holds: iterations finished
   * plus dropped match the target rate × window within the tolerance (so the rate was really offered,
   * split across runners rather than multiplied). The dropped *share* is an SLO, not a validity fact.
   */
  droppedWithinBounds: Fact;
  /** Why a fact is false or unknown, one sentence each. */
  reasons: string[];
}

export type SloName =
  | 'successPercent'
  | 'achievedRatePercent'
  | 'transferP99Ms'
  | 'e2eP50Ms'
  | 'e2eP95Ms'
  | 'e2eP99Ms'
  | 'maxDroppedPercent';

export interface FailedSlo {
  slo: SloName;
  threshold: number;
  observed: number;
}

export interface RungEvaluation {
  rung: RungPlan;
  stage: 'evaluated';
  /** Epoch ms the load started and the run ended, as the runner reported them. */
  startedAt: number | null;
  endedAt: number | null;
  runners: RunnerExit[];
  /** `null` when nothing could be measured (aborted, or the runner failed before load). */
  measurement: RungMeasurement | null;
  validity: Validity;
  outcome: Outcome;
  failedSlos: FailedSlo[];
  /** Every reason the rung is INVALID: validity reasons plus missing samples and aborts. */
  invalidReasons: string[];
  /** Facts worth reading that change nothing, e.g. a runner's k6 thresholds failed (exit 99). */
  notes: string[];
}
