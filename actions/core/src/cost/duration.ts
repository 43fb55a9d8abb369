/**
 * How long a planned run keeps the stack up, phase by phase. The cost estimate multiplies the
 * hourly price by this, so every assumption here is stated in the preflight summary.
 */
import type { RunConfig } from '../config/index.js';

export interface DurationAssumptions {
  /** Phases 02–06 (provision, platform, Mojaloop, load infra, first test) before the first rung. */
  setupMinutes: number;
  /** Teardown, from the last rung to the last resource deleted. */
  teardownMinutes: number;
}

/**
 * 45 minutes of setup: about 20 for Terraform (two EKS control planes, node groups, Multi-AZ RDS)
 * and 25 for the platform, Mojaloop, onboarding and the smoke rung. 20 minutes of teardown:
 * load balancers, node groups, clusters and the database are deleted mostly one after another.
 */
export const DEFAULT_DURATION_ASSUMPTIONS: DurationAssumptions = { setupMinutes: 45, teardownMinutes: 20 };

export interface PlannedRung {
  rate: number;
  /** warm-up + hold + drain. */
  seconds: number;
  /** Seconds of offered load (warm-up + hold); drain sends nothing new. */
  loadSeconds: number;
  stress: boolean;
}

export interface RunDuration {
  setupSeconds: number;
  /** The configured rungs, in order, then the stress rungs assumed for the estimate. */
  rungs: PlannedRung[];
  ladderSeconds: number;
  stressSeconds: number;
  teardownSeconds: number;
  totalSeconds: number;
  hours: number;
  /** One sentence per assumption behind these numbers. */
  assumptions: string[];
}

/**
 * Stress rungs reuse the last configured rung's warm-up, hold and drain. Their count is
 * min(maxRungs, ⌈timeBudget / rung length⌉): the search stops starting rungs once the budget is
 * spent, but a rung already started runs to its end. Their rates step up by stepPercent from the
 * last rung, capped at maxRate — the longest and heaviest search, as if every step passed.
 */
export function planRunDuration(
  ladder: RunConfig['ladder'],
  assumptions: DurationAssumptions = DEFAULT_DURATION_ASSUMPTIONS,
): RunDuration {
  const rungs: PlannedRung[] = ladder.rungs.map((rung) => ({
    rate: rung.rate,
    seconds: rung.warmupSeconds + rung.holdSeconds + rung.drainSeconds,
    loadSeconds: rung.warmupSeconds + rung.holdSeconds,
    stress: false,
  }));
  const last = ladder.rungs[ladder.rungs.length - 1];
  const ladderSeconds = rungs.reduce((sum, rung) => sum + rung.seconds, 0);
  const notes = [
    `setup (provision, platform, Mojaloop, first test) ${assumptions.setupMinutes} min and teardown ${assumptions.teardownMinutes} min, fixed`,
    'nodes billed at desiredSize from the start of setup to the end of teardown',
  ];
  let stressSeconds = 0;
  const { stress } = ladder;
  if (stress.enabled && last !== undefined) {
    const rungSeconds = last.warmupSeconds + last.holdSeconds + last.drainSeconds;
    const count = Math.min(stress.maxRungs, Math.ceil((stress.timeBudgetMinutes * 60) / rungSeconds));
    let rate = last.rate;
    for (let index = 0; index < count; index++) {
      rate = Math.min(stress.maxRate, Math.round(rate * (1 + stress.stepPercent / 100)));
      rungs.push({
        rate,
        seconds: rungSeconds,
        loadSeconds: last.warmupSeconds + last.holdSeconds,
        stress: true,
      });
    }
    stressSeconds = count * rungSeconds;
    notes.push(
      `stress search: ${count} rung(s) of ${Math.round(rungSeconds / 60)} min each (the last rung's warm-up + hold + drain), ` +
        `min(maxRungs ${stress.maxRungs}, ⌈${stress.timeBudgetMinutes} min budget / rung⌉), rates stepping up ${stress.stepPercent} % to at most ${stress.maxRate}/s`,
    );
  } else {
    notes.push('stress search disabled: no stress rungs');
  }
  const setupSeconds = assumptions.setupMinutes * 60;
  const teardownSeconds = assumptions.teardownMinutes * 60;
  const totalSeconds = setupSeconds + ladderSeconds + stressSeconds + teardownSeconds;
  return {
    setupSeconds,
    rungs,
    ladderSeconds,
    stressSeconds,
    teardownSeconds,
    totalSeconds,
    hours: totalSeconds / 3600,
    assumptions: notes,
  };
}
