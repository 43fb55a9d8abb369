/**
 * The verdict of a run and its maximum sustainable rate, as pure functions of the rungs. The schema
 * checks a results file against them, so a verdict can never claim more than its rungs prove.
 *
 * - FAIL when any ladder rung failed an SLO: a valid measurement below or at the target fell short.
 * - Otherwise INVALID when any ladder rung is invalid, or a configured ladder rate never passed
 *   (the ladder stopped early): the target was not proven either way.
 * - Otherwise PASS: every ladder rung passed, including the target rung (the highest ladder rate).
 * Stress rungs never change the verdict; they only raise the maximum sustainable rate.
 */
import type { RunConfig } from '../config/index.js';
import { formatRateBrief } from '../report/format.js';
import type { MaxSustainableRate, RungResult, Verdict } from './schema.js';
import { describeFailedSlo } from './slo.js';

type RungFacts = Pick<
  RungResult,
  'index' | 'kind' | 'targetRate' | 'outcome' | 'failedSlos' | 'invalidReasons'
>;

function rungName(rung: RungFacts): string {
  return `Rung ${rung.index} (${formatRateBrief(rung.targetRate)} transfers/s)`;
}

/** Why one rung has its outcome, as one sentence. */
export function explainRung(rung: RungFacts): string {
  switch (rung.outcome) {
    case 'PASS':
      return `${rungName(rung)} passed every SLO with a valid measurement.`;
    case 'FAIL': {
      const [first, ...rest] = rung.failedSlos;
      const more = rest.length === 0 ? '' : ` (and ${rest.length} more SLO${rest.length === 1 ? '' : 's'})`;
      return `${rungName(rung)} failed: ${first === undefined ? 'an SLO failed' : describeFailedSlo(first)}${more}.`;
    }
    case 'INVALID': {
      const [first, ...rest] = rung.invalidReasons;
      const more =
        rest.length === 0 ? '' : ` (and ${rest.length} more reason${rest.length === 1 ? '' : 's'})`;
      return `${rungName(rung)} is invalid: ${stripStop(first ?? 'no reason recorded')}${more}.`;
    }
  }
}

function stripStop(text: string): string {
  return text.replace(/[.\s]+$/, '');
}

/** The highest configured ladder rate: the rate the run sets out to prove. */
export function ladderTargetRate(config: Pick<RunConfig, 'ladder'>): number {
  return Math.max(...config.ladder.rungs.map((rung) => rung.rate));
}

export function decideVerdict(rungs: readonly RungFacts[], config: Pick<RunConfig, 'ladder'>): Verdict {
  const ladder = rungs.filter((rung) => rung.kind === 'ladder');
  const failed = ladder.find((rung) => rung.outcome === 'FAIL');
  if (failed !== undefined) {
    return { outcome: 'FAIL', summary: explainRung(failed), decidingRung: failed.index };
  }
  const invalid = ladder.find((rung) => rung.outcome === 'INVALID');
  if (invalid !== undefined) {
    return { outcome: 'INVALID', summary: explainRung(invalid), decidingRung: invalid.index };
  }
  const passedRates = new Set(ladder.map((rung) => rung.targetRate));
  const missing = config.ladder.rungs.map((rung) => rung.rate).filter((rate) => !passedRates.has(rate));
  if (missing.length > 0) {
    const list = missing.map((rate) => formatRateBrief(rate)).join(', ');
    const what = ladder.length === 0 ? 'No ladder rung ran' : 'The ladder stopped before the target';
    return {
      outcome: 'INVALID',
      summary: `${what}: no rung ran at ${list} transfers/s, so the target is not proven.`,
      decidingRung: null,
    };
  }
  const target = ladderTargetRate(config);
  const deciding = ladder.filter((rung) => rung.targetRate === target).at(-1);
  return {
    outcome: 'PASS',
    summary: `Every ladder rung passed, up to the target of ${formatRateBrief(target)} transfers/s${
      deciding === undefined ? '' : ` (rung ${deciding.index})`
    }.`,
    decidingRung: deciding?.index ?? null,
  };
}

/** The highest target rate of any passing rung, ladder or stress; the first rung to pass at it is the basis. */
export function maxSustainableRate(rungs: readonly RungFacts[]): MaxSustainableRate {
  let best: RungFacts | undefined;
  for (const rung of rungs) {
    if (rung.outcome === 'PASS' && (best === undefined || rung.targetRate > best.targetRate)) best = rung;
  }
  return best === undefined
    ? { rate: null, basis: null }
    : { rate: best.targetRate, basis: { index: best.index, kind: best.kind } };
}
