/**
 * The ladder engine: climb the configured rungs in order, stop at the first rung that does not
 * pass, and — when every rung passed and stress is enabled — search above the ladder for the
 * maximum sustainable rate. Runner-agnostic: k6 is behind {@link RungRunner} (k6-operator in the
 * cloud, a local process in the rehearsal), Prometheus behind {@link PromQuery}, time behind a Clock.
 *
 * Rung-level trouble never throws out of `runLadder`: a runner that throws, a Prometheus that
 * fails, an abort (Ctrl-C) all make that rung INVALID with the reason, and the climb stops there.
 */
import type { Clock } from '../aws/clock.js';
import type { RunConfig } from '../config/index.js';
import type { PromQuery } from '../prometheus/client.js';
import { DEFAULT_VALIDITY_OPTIONS, evaluateRung, type ValidityOptions } from '../slo/evaluate.js';
import { readRungMeasurement } from './measure.js';
import { DEFAULT_SERIES_NAMES, type SeriesNames } from './metrics.js';
import { planLadder, planStressRung, steadyWindow } from './plan.js';
import { describeStressStop, nextStressRate, type StressAttempt, type StressStopReason } from './stress.js';
import type { RungEvaluation, RungMeasurement, RungPlan, RunnerExit } from './types.js';

/** What a runner reports about one rung's run. */
export interface RungRun {
  /** One entry per load runner that reported; a missing runner makes the rung INVALID. */
  runners: RunnerExit[];
  /** Epoch ms when the scenario started offering load (the steady window counts from here). */
  startedAt: number;
  /** Epoch ms when the last runner ended. */
  endedAt: number;
  /**
   * How many runners this rung was given, when the runner decides it per rung (k6-operator with a
   * per-runner capacity); absent: `load.runners` from the configuration.
   */
  expectedRunners?: number;
}

export interface RungRunner {
  /**
   * Run one rung to its end: warm-up + hold of load, then the drain. On `signal` abort, stop the
   * load generators and return (or throw) promptly; the engine marks the rung INVALID ("aborted").
   */
  run(rung: RungPlan, signal: AbortSignal): Promise<RungRun>;
}

export type LadderEvent =
  | { kind: 'rung-start'; rung: RungPlan }
  | { kind: 'rung-done'; evaluation: RungEvaluation }
  | { kind: 'stress-stop'; reason: StressStopReason; description: string }
  | { kind: 'done'; maxSustainableRate: number | null; aborted: boolean };

/** Live progress: `line` is ready to print, `event` the same facts as data. */
export interface LadderLogger {
  info(line: string, event: LadderEvent): void;
}

export interface LadderDeps {
  runner: RungRunner;
  prom: PromQuery;
  clock: Clock;
  /** The run id: the `testid` tag on every k6 series. */
  testId: string;
  logger?: LadderLogger;
  signal?: AbortSignal;
  names?: SeriesNames;
  validity?: ValidityOptions;
  /**
   * How long after the end of a steady window to wait before querying, so the last remote-write
   * push (every 5 s by default) and the hub's last scrape have landed. Default 10 000 ms.
   */
  settleMs?: number;
}

export type LadderConfig = Pick<RunConfig, 'ladder' | 'slo' | 'load'>;

export interface LadderResult {
  testId: string;
  /** Every rung that ran, ladder then stress, in order. */
  rungs: RungEvaluation[];
  /** Every configured rung ran and passed. */
  ladderPassed: boolean;
  /** The highest rate that passed; `null` when none did. */
  maxSustainableRate: number | null;
  stress: {
    ran: boolean;
    /** Why the search ended; `'aborted'` on Ctrl-C; `null` when it never started. */
    stopReason: StressStopReason | 'aborted' | null;
    description: string | null;
    lastPassRate: number | null;
    firstFailRate: number | null;
  };
  aborted: boolean;
}

const DEFAULT_SETTLE_MS = 10_000;

export async function runLadder(config: LadderConfig, deps: LadderDeps): Promise<LadderResult> {
  const signal = deps.signal ?? new AbortController().signal;
  const names = deps.names ?? DEFAULT_SERIES_NAMES;
  const validity = deps.validity ?? DEFAULT_VALIDITY_OPTIONS;
  const settleMs = deps.settleMs ?? DEFAULT_SETTLE_MS;
  const log = (line: string, event: LadderEvent) => deps.logger?.info(line, event);
  const rungs: RungEvaluation[] = [];

  const runOne = async (plan: RungPlan): Promise<RungEvaluation> => {
    log(`rung ${plan.id} (${plan.kind}) ${plan.rate}/s: starting, ${plan.totalSeconds} s`, {
      kind: 'rung-start',
      rung: plan,
    });
    const evaluation = await executeRung(plan, config, deps, { signal, names, validity, settleMs });
    rungs.push(evaluation);
    log(formatRungLine(evaluation), { kind: 'rung-done', evaluation });
    return evaluation;
  };

  const plans = planLadder(config.ladder);
  let ladderPassed = true;
  for (const plan of plans) {
    if (signal.aborted) {
      ladderPassed = false;
      break;
    }
    const evaluation = await runOne(plan);
    if (evaluation.outcome !== 'PASS') {
      ladderPassed = false;
      break;
    }
  }

  const stress: LadderResult['stress'] = {
    ran: false,
    stopReason: null,
    description: null,
    lastPassRate: null,
    firstFailRate: null,
  };
  const settings = config.ladder.stress;
  const template = config.ladder.rungs[config.ladder.rungs.length - 1];
  if (ladderPassed && settings.enabled && template !== undefined && !signal.aborted) {
    stress.ran = true;
    const started = deps.clock.now();
    const attempts: StressAttempt[] = [];
    let ordinal = plans.length;
    for (;;) {
      const decision = nextStressRate(settings, {
        baseRate: template.rate,
        attempts,
        elapsedMinutes: (deps.clock.now() - started) / 60_000,
      });
      stress.lastPassRate = decision.lastPassRate;
      stress.firstFailRate = decision.firstFailRate;
      if (decision.action === 'stop') {
        stress.stopReason = decision.reason;
        stress.description = describeStressStop(decision.reason, settings);
        log(`stress search: ${stress.description}`, {
          kind: 'stress-stop',
          reason: decision.reason,
          description: stress.description,
        });
        break;
      }
      if (signal.aborted) {
        stress.stopReason = 'aborted';
        stress.description = 'aborted';
        break;
      }
      ordinal += 1;
      const evaluation = await runOne(planStressRung(decision.rate, template, ordinal));
      attempts.push({ rate: decision.rate, outcome: evaluation.outcome });
      if (signal.aborted) {
        stress.stopReason = 'aborted';
        stress.description = 'aborted';
        break;
      }
    }
  }

  const maxSustainableRate = rungs.reduce<number | null>(
    (best, evaluation) =>
      evaluation.outcome === 'PASS' && (best === null || evaluation.rung.rate > best)
        ? evaluation.rung.rate
        : best,
    null,
  );
  const aborted = signal.aborted;
  log(
    `ladder ${aborted ? 'aborted' : 'done'}: maximum sustainable rate ${maxSustainableRate === null ? 'none (no rung passed)' : `${maxSustainableRate}/s`}`,
    { kind: 'done', maxSustainableRate, aborted },
  );
  return { testId: deps.testId, rungs, ladderPassed, maxSustainableRate, stress, aborted };
}

interface RungContext {
  signal: AbortSignal;
  names: SeriesNames;
  validity: ValidityOptions;
  settleMs: number;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function executeRung(
  plan: RungPlan,
  config: LadderConfig,
  deps: LadderDeps,
  context: RungContext,
): Promise<RungEvaluation> {
  const { signal } = context;
  let expectedRunners = config.load.runners;
  const evaluate = (input: {
    runners?: RunnerExit[];
    startedAt?: number | null;
    endedAt?: number | null;
    measurement?: RungMeasurement | null;
    aborted?: boolean;
    invalidReasons?: string[];
  }) =>
    evaluateRung(
      {
        rung: plan,
        expectedRunners,
        runners: input.runners ?? [],
        startedAt: input.startedAt ?? null,
        endedAt: input.endedAt ?? null,
        measurement: input.measurement ?? null,
        aborted: input.aborted ?? false,
        invalidReasons: input.invalidReasons ?? [],
      },
      config.slo,
      context.validity,
    );

  let run: RungRun;
  try {
    run = await deps.runner.run(plan, signal);
  } catch (error) {
    if (signal.aborted) return evaluate({ aborted: true });
    return evaluate({ invalidReasons: [`the load runner failed: ${message(error)}`] });
  }
  if (run.expectedRunners !== undefined) expectedRunners = run.expectedRunners;
  const outcome = { runners: run.runners, startedAt: run.startedAt, endedAt: run.endedAt };
  if (signal.aborted) return evaluate({ ...outcome, aborted: true });

  const window = steadyWindow(plan, run.startedAt);
  if (run.endedAt < window.end) {
    const endedAfter = Math.round((run.endedAt - run.startedAt) / 1000);
    return evaluate({
      ...outcome,
      invalidReasons: [
        `the run ended ${endedAfter} s after load started, before the steady window closed at ${plan.steady.endOffsetSeconds} s`,
      ],
    });
  }

  const wait = window.end + context.settleMs - deps.clock.now();
  if (wait > 0) await deps.clock.sleep(wait);
  if (signal.aborted) return evaluate({ ...outcome, aborted: true });

  try {
    const measurement = await readRungMeasurement(deps.prom, {
      plan,
      window,
      testId: deps.testId,
      names: context.names,
    });
    return evaluate({ ...outcome, measurement });
  } catch (error) {
    return evaluate({
      ...outcome,
      invalidReasons: [`reading the steady window from Prometheus failed: ${message(error)}`],
    });
  }
}

const fmt = (value: number | null, digits: number, unit = ''): string =>
  value === null ? 'n/a' : `${value.toFixed(digits)}${unit}`;

/** The live line of an evaluated rung: target, achieved, p95, errors, outcome and why. */
export function formatRungLine(evaluation: RungEvaluation): string {
  const { rung, measurement: m } = evaluation;
  const head = `rung ${rung.id} (${rung.kind}) ${rung.rate}/s`;
  const errors = m?.successPercent == null ? null : 100 - m.successPercent;
  const numbers = m
    ? `achieved ${fmt(m.achievedRate, 1, '/s')}, p95 e2e ${fmt(m.latency.e2e.p95, 0, ' ms')}, errors ${fmt(errors, 2, ' %')}`
    : 'no measurement';
  let why = '';
  if (evaluation.outcome === 'INVALID') why = `: ${evaluation.invalidReasons.join('; ')}`;
  else if (evaluation.outcome === 'FAIL') {
    why = `: ${evaluation.failedSlos.map((f) => `${f.slo} observed ${round2(f.observed)} vs ${f.threshold}`).join('; ')}`;
  }
  return `${head}: ${numbers} → ${evaluation.outcome}${why}`;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
