/**
 * The ladder planner: configured rungs become planned rungs with steady windows, and a planned rung
 * becomes the k6 options of its run. Everything here is a pure function of the configuration.
 *
 * Timing of one rung (ARCHITECTURE §5, schema `RungSchema`): k6 offers load for warm-up + hold
 * seconds; the drain sends nothing new and lets in-flight transfers finish (k6 `gracefulStop`).
 * The steady window the verdict is computed over is [warm-up, warm-up + hold] from the start of
 * load: the warm-up is trimmed at the start and the drain at the end.
 */
import type { LoadSettings, RunConfig, Rung } from '../config/index.js';
import { K6_TAGS } from './metrics.js';
import type { RungKind, RungPlan, RungStage, TimeWindow } from './types.js';

/** Warm-up, hold and drain of a rung, without its rate. */
export type RungTiming = Pick<Rung, 'warmupSeconds' | 'holdSeconds' | 'drainSeconds'>;

export function planRung(rate: number, timing: RungTiming, ordinal: number, kind: RungKind): RungPlan {
  const { warmupSeconds, holdSeconds, drainSeconds } = timing;
  return {
    id: String(ordinal),
    ordinal,
    kind,
    rate,
    warmupSeconds,
    holdSeconds,
    drainSeconds,
    loadSeconds: warmupSeconds + holdSeconds,
    totalSeconds: warmupSeconds + holdSeconds + drainSeconds,
    steady: { startOffsetSeconds: warmupSeconds, endOffsetSeconds: warmupSeconds + holdSeconds },
  };
}

/** The configured rungs in order, numbered from 1. */
export function planLadder(ladder: Pick<RunConfig['ladder'], 'rungs'>): RungPlan[] {
  return ladder.rungs.map((rung, index) => planRung(rung.rate, rung, index + 1, 'ladder'));
}

/**
 * A stress rung at `rate`. It reuses the last configured rung's warm-up, hold and drain, as the
 * cost estimate assumes (cost/duration.ts).
 */
export function planStressRung(rate: number, template: RungTiming, ordinal: number): RungPlan {
  return planRung(rate, template, ordinal, 'stress');
}

/** The steady window of a rung whose load started at `startedAt` (epoch ms). */
export function steadyWindow(plan: RungPlan, startedAt: number): TimeWindow {
  return {
    start: startedAt + plan.steady.startOffsetSeconds * 1000,
    end: startedAt + plan.steady.endOffsetSeconds * 1000,
    seconds: plan.holdSeconds,
  };
}

/** The stage a running rung is in at `now`, from when its load started; `null` = not started. */
export function stageAt(
  plan: RungPlan,
  startedAt: number | null,
  now: number,
): Exclude<RungStage, 'evaluated'> {
  if (startedAt === null || now < startedAt) return 'planned';
  const elapsed = (now - startedAt) / 1000;
  if (elapsed < plan.steady.startOffsetSeconds) return 'warming';
  if (elapsed < plan.steady.endOffsetSeconds) return 'holding';
  return 'draining';
}

/** One phrase per stage for live lines. */
export function describeStage(stage: RungStage, plan: RungPlan): string {
  switch (stage) {
    case 'planned':
      return `planned at ${plan.rate}/s`;
    case 'warming':
      return `warming up for ${plan.warmupSeconds} s (excluded from the verdict)`;
    case 'holding':
      return `holding ${plan.rate}/s for ${plan.holdSeconds} s (the steady window)`;
    case 'draining':
      return `draining in-flight transfers for up to ${plan.drainSeconds} s`;
    case 'evaluated':
      return 'evaluated';
    default:
      return assertNever(stage);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected rung stage: ${String(value)}`);
}

// ---------------------------------------------------------------- k6 options

/** A k6 `constant-arrival-rate` scenario; `rate` and VUs are totals, k6 splits them by segment. */
export interface ArrivalRateScenario {
  executor: 'constant-arrival-rate';
  rate: number;
  timeUnit: '1s';
  /** Warm-up + hold: the time load is offered. */
  duration: string;
  /** The drain: how long in-flight iterations may finish after the last one starts. */
  gracefulStop: string;
  preAllocatedVUs: number;
  maxVUs: number;
  exec: string;
}

export const TRANSFER_SCENARIO = 'transfers';
/** The exported function of the k6 script that performs one transfer. */
export const TRANSFER_EXEC = 'transfer';
export const SUMMARY_TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'] as const;

export function buildArrivalRateScenario(plan: RungPlan, load: LoadSettings): ArrivalRateScenario {
  return {
    executor: 'constant-arrival-rate',
    rate: plan.rate,
    timeUnit: '1s',
    duration: `${plan.loadSeconds}s`,
    gracefulStop: `${plan.drainSeconds}s`,
    preAllocatedVUs: load.preAllocatedVUs,
    maxVUs: load.maxVUs,
    exec: TRANSFER_EXEC,
  };
}

/** The k6 `options` of one rung's run: its scenario, the test-wide tags and the summary stats. */
export interface RungK6Options {
  scenarios: Record<typeof TRANSFER_SCENARIO, ArrivalRateScenario>;
  tags: Record<typeof K6_TAGS.testId | typeof K6_TAGS.rung, string>;
  summaryTrendStats: string[];
}

export function buildRungOptions(plan: RungPlan, load: LoadSettings, testId: string): RungK6Options {
  return {
    scenarios: { [TRANSFER_SCENARIO]: buildArrivalRateScenario(plan, load) },
    tags: { [K6_TAGS.testId]: testId, [K6_TAGS.rung]: plan.id },
    summaryTrendStats: [...SUMMARY_TREND_STATS],
  };
}

// ---------------------------------------------------------------- execution segments

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function fraction(numerator: number, denominator: number): string {
  if (numerator === 0) return '0';
  if (numerator === denominator) return '1';
  const divisor = gcd(numerator, denominator);
  return `${numerator / divisor}/${denominator / divisor}`;
}

function checkParallelism(parallelism: number): void {
  if (!Number.isInteger(parallelism) || parallelism < 1) {
    throw new RangeError(`parallelism must be an integer ≥ 1, got ${parallelism}`);
  }
}

/** k6 `--execution-segment` of runner `index` (1-based) of `parallelism`: `(i-1)/n:i/n`. */
export function executionSegment(index: number, parallelism: number): string {
  checkParallelism(parallelism);
  if (!Number.isInteger(index) || index < 1 || index > parallelism) {
    throw new RangeError(`runner index must be an integer from 1 to ${parallelism}, got ${index}`);
  }
  return `${fraction(index - 1, parallelism)}:${fraction(index, parallelism)}`;
}

/** k6 `--execution-segment-sequence` for `parallelism` equal runners: `0,1/n,…,1`. */
export function executionSegmentSequence(parallelism: number): string {
  checkParallelism(parallelism);
  return Array.from({ length: parallelism + 1 }, (_, index) => fraction(index, parallelism)).join(',');
}

/**
 * Each runner's share of a total that k6 scales by execution segment: runner i of n gets
 * ⌊total·i/n⌋ − ⌊total·(i−1)/n⌋. The shares telescope, so they sum to the total exactly, and each is
 * within one of total/n. (k6 stripes which runner takes the odd unit; the sum is the same.) The
 * script is always given the total — this says what each runner does with it.
 */
export function splitRate(total: number, parallelism: number): number[] {
  checkParallelism(parallelism);
  if (!Number.isInteger(total) || total < 0) {
    throw new RangeError(`total must be a non-negative integer, got ${total}`);
  }
  return Array.from(
    { length: parallelism },
    (_, i) => Math.floor((total * (i + 1)) / parallelism) - Math.floor((total * i) / parallelism),
  );
}

export interface RunnerShare {
  /** 1-based runner index. */
  runner: number;
  segment: string;
  rate: number;
  preAllocatedVUs: number;
  maxVUs: number;
}

/** What each of `load.runners` runners offers for a rung: segment, rate and VUs. */
export function splitLoad(plan: RungPlan, load: LoadSettings): RunnerShare[] {
  const rates = splitRate(plan.rate, load.runners);
  const pre = splitRate(load.preAllocatedVUs, load.runners);
  const max = splitRate(load.maxVUs, load.runners);
  return rates.map((rate, i) => ({
    runner: i + 1,
    segment: executionSegment(i + 1, load.runners),
    rate,
    preAllocatedVUs: pre[i] ?? 0,
    maxVUs: max[i] ?? 0,
  }));
}
