/**
 * The stress search above the ladder (ARCHITECTURE §5): step up from the last passing rate by
 * `stepPercent` until a rung fails, then bisect between the last pass and the first fail.
 *
 * `nextStressRate` is pure: given the settings and what has run, it says which rate to try next or
 * why to stop. Rules, in the order they are checked:
 * 1. An INVALID stress rung stops the search (`invalid`). It is not a FAIL: an invalid rung says the
 *    measurement cannot be trusted, not that the hub could not cope, so bisecting below it would
 *    understate the limit, and running it again would spend budget on a broken rig. The last pass
 *    stands as the maximum sustainable rate and the report shows the invalid rung and why.
 * 2. `maxRungs` stress rungs have run (`max-rungs`).
 * 3. The time budget is spent (`time-budget`): no rung starts once the elapsed stress time reaches
 *    `timeBudgetMinutes`; a rung already started runs to its end (as the cost estimate assumes).
 * 4. With no failure yet: if the last pass is at `maxRate`, stop (`max-rate`); otherwise step to
 *    min(maxRate, max(lastPass + resolution, round(lastPass × (1 + stepPercent/100)))).
 * 5. After a failure: if firstFail − lastPass ≤ resolution, stop (`resolved`); otherwise try
 *    ⌊(lastPass + firstFail) / 2⌋, which lies strictly between them.
 */
import type { StressSettings } from '../config/index.js';
import type { Outcome } from './types.js';

export interface StressAttempt {
  rate: number;
  outcome: Outcome;
}

export interface StressState {
  /** Rate of the last ladder rung, which passed. */
  baseRate: number;
  /** Stress rungs already run, in order. */
  attempts: readonly StressAttempt[];
  /** Minutes since the stress search started. */
  elapsedMinutes: number;
}

export type StressStopReason = 'disabled' | 'invalid' | 'max-rungs' | 'time-budget' | 'max-rate' | 'resolved';

export type StressDecision =
  | {
      action: 'run';
      rate: number;
      phase: 'step' | 'bisect';
      lastPassRate: number;
      firstFailRate: number | null;
    }
  | { action: 'stop'; reason: StressStopReason; lastPassRate: number; firstFailRate: number | null };

/** The highest passing rate, and the lowest failing rate above it (`null` before any failure). */
export function stressBracket(state: Pick<StressState, 'baseRate' | 'attempts'>): {
  lastPassRate: number;
  firstFailRate: number | null;
} {
  let lastPassRate = state.baseRate;
  for (const attempt of state.attempts) {
    if (attempt.outcome === 'PASS' && attempt.rate > lastPassRate) lastPassRate = attempt.rate;
  }
  let firstFailRate: number | null = null;
  for (const attempt of state.attempts) {
    if (attempt.outcome !== 'FAIL' || attempt.rate <= lastPassRate) continue;
    if (firstFailRate === null || attempt.rate < firstFailRate) firstFailRate = attempt.rate;
  }
  return { lastPassRate, firstFailRate };
}

export function nextStressRate(settings: StressSettings, state: StressState): StressDecision {
  const bracket = stressBracket(state);
  const stop = (reason: StressStopReason): StressDecision => ({ action: 'stop', reason, ...bracket });
  if (!settings.enabled) return stop('disabled');
  if (state.attempts.some((attempt) => attempt.outcome === 'INVALID')) return stop('invalid');
  if (state.attempts.length >= settings.maxRungs) return stop('max-rungs');
  if (state.elapsedMinutes >= settings.timeBudgetMinutes) return stop('time-budget');

  const { lastPassRate, firstFailRate } = bracket;
  if (firstFailRate === null) {
    if (lastPassRate >= settings.maxRate) return stop('max-rate');
    const stepped = Math.round(lastPassRate * (1 + settings.stepPercent / 100));
    const rate = Math.min(settings.maxRate, Math.max(lastPassRate + settings.resolution, stepped));
    return { action: 'run', rate, phase: 'step', ...bracket };
  }
  if (firstFailRate - lastPassRate <= settings.resolution) return stop('resolved');
  const rate = Math.floor((lastPassRate + firstFailRate) / 2);
  return { action: 'run', rate, phase: 'bisect', ...bracket };
}

/** One sentence on why the search stopped, for the report. */
export function describeStressStop(reason: StressStopReason, settings: StressSettings): string {
  switch (reason) {
    case 'disabled':
      return 'stress search disabled';
    case 'invalid':
      return 'a stress rung was INVALID; the search stopped there (an invalid rung is not a failure)';
    case 'max-rungs':
      return `stopped after ${settings.maxRungs} stress rung(s) (maxRungs)`;
    case 'time-budget':
      return `stopped: the ${settings.timeBudgetMinutes} min stress budget is spent`;
    case 'max-rate':
      return `passed at maxRate (${settings.maxRate}/s); the limit is above it`;
    case 'resolved':
      return `bisected to within ${settings.resolution}/s (resolution)`;
    default: {
      const unreachable: never = reason;
      return String(unreachable);
    }
  }
}
