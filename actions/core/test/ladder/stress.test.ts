import { describe, expect, it } from 'vitest';
import {
  describeStressStop,
  nextStressRate,
  type Outcome,
  type StressAttempt,
  type StressDecision,
  type StressSettings,
} from '../../src/index.js';

const SETTINGS: StressSettings = {
  enabled: true,
  stepPercent: 20,
  maxRate: 2000,
  maxRungs: 10,
  timeBudgetMinutes: 120,
  resolution: 50,
};

/**
 * Drive the search against a hub whose outcome at each rate is `outcomeAt(rate)`; every rung takes
 * `rungMinutes`. Returns the rates tried and the final decision.
 */
function search(
  settings: StressSettings,
  outcomeAt: (rate: number) => Outcome,
  baseRate = 1000,
  rungMinutes = 10,
): { tried: StressAttempt[]; final: Extract<StressDecision, { action: 'stop' }> } {
  const tried: StressAttempt[] = [];
  for (let guard = 0; guard < 100; guard++) {
    const decision = nextStressRate(settings, {
      baseRate,
      attempts: tried,
      elapsedMinutes: tried.length * rungMinutes,
    });
    if (decision.action === 'stop') return { tried, final: decision };
    tried.push({ rate: decision.rate, outcome: outcomeAt(decision.rate) });
  }
  throw new Error('the search did not stop');
}

const capacity =
  (limit: number) =>
  (rate: number): Outcome =>
    rate <= limit ? 'PASS' : 'FAIL';

describe('nextStressRate', () => {
  it('steps by stepPercent from the last pass', () => {
    expect(nextStressRate(SETTINGS, { baseRate: 1000, attempts: [], elapsedMinutes: 0 })).toEqual({
      action: 'run',
      rate: 1200,
      phase: 'step',
      lastPassRate: 1000,
      firstFailRate: null,
    });
  });

  it('steps at least by the resolution when the percentage rounds to less', () => {
    const decision = nextStressRate(
      { ...SETTINGS, stepPercent: 1, resolution: 5 },
      {
        baseRate: 20,
        attempts: [],
        elapsedMinutes: 0,
      },
    );
    expect(decision).toMatchObject({ action: 'run', rate: 25 });
  });

  it('passes every step up to maxRate, capping the last step, then stops at max-rate', () => {
    const { tried, final } = search(SETTINGS, () => 'PASS');
    expect(tried.map((a) => a.rate)).toEqual([1200, 1440, 1728, 2000]);
    expect(final).toEqual({ action: 'stop', reason: 'max-rate', lastPassRate: 2000, firstFailRate: null });
  });

  it('fails on the first step, then bisects down to the resolution', () => {
    const { tried, final } = search(SETTINGS, capacity(1100));
    expect(tried).toEqual([
      { rate: 1200, outcome: 'FAIL' },
      { rate: 1100, outcome: 'PASS' },
      { rate: 1150, outcome: 'FAIL' },
    ]);
    expect(final).toEqual({ action: 'stop', reason: 'resolved', lastPassRate: 1100, firstFailRate: 1150 });
  });

  it('steps, fails and bisects to a limit within the resolution', () => {
    const { tried, final } = search(SETTINGS, capacity(1370));
    expect(tried.map((a) => `${a.rate}:${a.outcome}`)).toEqual([
      '1200:PASS',
      '1440:FAIL',
      '1320:PASS',
      '1380:FAIL',
      '1350:PASS',
    ]);
    expect(final).toMatchObject({ reason: 'resolved', lastPassRate: 1350, firstFailRate: 1380 });
    expect(1380 - 1350).toBeLessThanOrEqual(SETTINGS.resolution);
  });

  it('stops when the time budget is spent, keeping the bracket so far', () => {
    const { tried, final } = search({ ...SETTINGS, timeBudgetMinutes: 25 }, capacity(1370));
    expect(tried.map((a) => a.rate)).toEqual([1200, 1440, 1320]);
    expect(final).toEqual({ action: 'stop', reason: 'time-budget', lastPassRate: 1320, firstFailRate: 1440 });
  });

  it('starts a rung while budget remains, even if it will overrun (the cost estimate assumes the same)', () => {
    const decision = nextStressRate(
      { ...SETTINGS, timeBudgetMinutes: 10 },
      {
        baseRate: 1000,
        attempts: [],
        elapsedMinutes: 9.9,
      },
    );
    expect(decision.action).toBe('run');
  });

  it('stops after maxRungs stress rungs', () => {
    const { tried, final } = search({ ...SETTINGS, maxRungs: 2 }, capacity(1370));
    expect(tried).toHaveLength(2);
    expect(final).toMatchObject({ reason: 'max-rungs', lastPassRate: 1200, firstFailRate: 1440 });
  });

  it('stops at an INVALID stress rung and does not bisect below it as if it had failed', () => {
    const outcomeAt = (rate: number): Outcome => (rate === 1440 ? 'INVALID' : capacity(1370)(rate));
    const { tried, final } = search(SETTINGS, outcomeAt);
    expect(tried.map((a) => a.rate)).toEqual([1200, 1440]);
    expect(final).toEqual({ action: 'stop', reason: 'invalid', lastPassRate: 1200, firstFailRate: null });
  });

  it('stops at an INVALID rung during bisection, keeping the bracket', () => {
    const outcomeAt = (rate: number): Outcome => (rate === 1320 ? 'INVALID' : capacity(1370)(rate));
    const { tried, final } = search(SETTINGS, outcomeAt);
    expect(tried.map((a) => a.rate)).toEqual([1200, 1440, 1320]);
    expect(final).toMatchObject({ reason: 'invalid', lastPassRate: 1200, firstFailRate: 1440 });
  });

  it('bisects between a failed maxRate step and the last pass', () => {
    const { tried, final } = search({ ...SETTINGS, maxRate: 1300 }, capacity(1250));
    expect(tried.map((a) => `${a.rate}:${a.outcome}`)).toEqual(['1200:PASS', '1300:FAIL', '1250:PASS']);
    expect(final).toMatchObject({ reason: 'resolved', lastPassRate: 1250, firstFailRate: 1300 });
  });

  it('runs nothing when disabled', () => {
    expect(
      nextStressRate({ ...SETTINGS, enabled: false }, { baseRate: 1000, attempts: [], elapsedMinutes: 0 }),
    ).toEqual({ action: 'stop', reason: 'disabled', lastPassRate: 1000, firstFailRate: null });
  });

  it('fits the local profile: 20/s, +50 %, max 60, resolution 5', () => {
    const local: StressSettings = {
      enabled: true,
      stepPercent: 50,
      maxRate: 60,
      maxRungs: 3,
      timeBudgetMinutes: 4,
      resolution: 5,
    };
    const { tried, final } = search(local, capacity(33), 20, 0.75);
    expect(tried.map((a) => `${a.rate}:${a.outcome}`)).toEqual(['30:PASS', '45:FAIL', '37:FAIL']);
    expect(final).toMatchObject({ reason: 'max-rungs', lastPassRate: 30, firstFailRate: 37 });
  });

  it('describes every stop reason', () => {
    const reasons = ['disabled', 'invalid', 'max-rungs', 'time-budget', 'max-rate', 'resolved'] as const;
    const lines = reasons.map((reason) => describeStressStop(reason, SETTINGS));
    expect(new Set(lines).size).toBe(reasons.length);
    expect(lines[5]).toBe('bisected to within 50/s (resolution)');
  });
});
