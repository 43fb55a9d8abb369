/**
 * Is this run worse than the last comparable one? A pure function of the run, the history of its
 * series and the thresholds in `report.regression`, so the same answer comes out of the report, the
 * PR comment and a test. The rule is returned in words, because a verdict nobody can check is noise.
 */
import type { RegressionSettings } from '../config/schema.js';
import { formatMs, formatRateBrief } from '../report/format.js';
import type { RunResults } from '../results/schema.js';
import { type HistoryEntry, type HistoryRung, historyEntryFromResults } from './history-entry.js';

export type ComparisonVerdict = 'regression' | 'improvement' | 'no-change' | 'no-baseline';

export interface RunComparison {
  /** The run compared with; absent when there was none. */
  previous?: HistoryEntry;
  verdict: ComparisonVerdict;
  /** One sentence per finding; for no-change, what was compared and that it stayed within bounds. */
  reasons: string[];
  /** The rule applied, in words, with its thresholds. */
  rule: string;
}

const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = (value: number) => `${ONE_DECIMAL.format(value)} %`;

export function regressionRuleText(rule: RegressionSettings): string {
  const rate = percent(rule.maxRateDropPercent);
  const p99 = percent(rule.maxP99IncreasePercent);
  return (
    'Compared with the most recent earlier run of the same profile, target rate, DFSP count and security switches, ' +
    'skipping INVALID runs. ' +
    `Regression: the maximum sustainable rate fell by more than ${rate}, or the transfer p99 at a target rate that passed in both runs rose by more than ${p99}. ` +
    `Improvement: no regression, and the maximum sustainable rate rose by more than ${rate} or such a p99 fell by more than ${p99}.`
  );
}

/** The run to compare with: same series, finished earlier, not INVALID, the latest of those. */
function previousOf(current: HistoryEntry, history: readonly HistoryEntry[]): HistoryEntry | undefined {
  const finished = Date.parse(current.finishedAt);
  let best: HistoryEntry | undefined;
  for (const entry of history) {
    if (entry.series !== current.series || entry.runId === current.runId || entry.outcome === 'INVALID')
      continue;
    const at = Date.parse(entry.finishedAt);
    if (at >= finished) continue;
    if (best === undefined || at >= Date.parse(best.finishedAt)) best = entry;
  }
  return best;
}

/** The last passing rung at each target rate, with a measured transfer p99. */
function passedP99ByRate(entry: HistoryEntry): Map<number, HistoryRung & { transferP99Ms: number }> {
  const byRate = new Map<number, HistoryRung & { transferP99Ms: number }>();
  for (const rung of entry.rungs) {
    if (rung.outcome === 'PASS' && rung.transferP99Ms !== null) {
      byRate.set(rung.targetRate, { ...rung, transferP99Ms: rung.transferP99Ms });
    }
  }
  return byRate;
}

const change = (from: number, to: number) => ((to - from) / from) * 100;

interface Findings {
  regressions: string[];
  improvements: string[];
  steady: string[];
}

function compareRates(
  current: HistoryEntry,
  previous: HistoryEntry,
  rule: RegressionSettings,
  out: Findings,
) {
  const from = previous.maxSustainableRate;
  const to = current.maxSustainableRate;
  const limit = percent(rule.maxRateDropPercent);
  if (from === null && to === null) {
    out.steady.push('No rung passed in either run, so there is no maximum sustainable rate to compare.');
  } else if (from === null && to !== null) {
    out.improvements.push(
      `Maximum sustainable rate is ${formatRateBrief(to)} transfers/s, where run ${previous.runId} had no passing rung.`,
    );
  } else if (from !== null && to === null) {
    out.regressions.push(
      `No rung passed, where run ${previous.runId} sustained ${formatRateBrief(from)} transfers/s (a 100.0 % drop, more than the ${limit} allowed).`,
    );
  } else if (from !== null && to !== null) {
    const delta = change(from, to);
    const figures = `${formatRateBrief(from)} → ${formatRateBrief(to)} transfers/s`;
    if (-delta > rule.maxRateDropPercent) {
      out.regressions.push(
        `Maximum sustainable rate fell ${percent(-delta)} (${figures}), more than the ${limit} allowed.`,
      );
    } else if (delta > rule.maxRateDropPercent) {
      out.improvements.push(`Maximum sustainable rate rose ${percent(delta)} (${figures}).`);
    } else {
      out.steady.push(`Maximum sustainable rate ${figures}, within ${limit}.`);
    }
  }
}

function compareP99(current: HistoryEntry, previous: HistoryEntry, rule: RegressionSettings, out: Findings) {
  const before = passedP99ByRate(previous);
  const now = passedP99ByRate(current);
  const limit = percent(rule.maxP99IncreasePercent);
  let compared = 0;
  let within = 0;
  for (const [rate, rung] of [...now].sort(([a], [b]) => a - b)) {
    const old = before.get(rate);
    if (old === undefined || old.transferP99Ms <= 0) continue;
    compared++;
    const delta = change(old.transferP99Ms, rung.transferP99Ms);
    const figures = `${formatMs(old.transferP99Ms)} → ${formatMs(rung.transferP99Ms)} ms`;
    const at = `Transfer p99 at ${formatRateBrief(rate)} transfers/s`;
    if (delta > rule.maxP99IncreasePercent) {
      out.regressions.push(`${at} rose ${percent(delta)} (${figures}), more than the ${limit} allowed.`);
    } else if (-delta > rule.maxP99IncreasePercent) {
      out.improvements.push(`${at} fell ${percent(-delta)} (${figures}).`);
    } else {
      within++;
    }
  }
  if (compared === 0) {
    out.steady.push('No target rate passed in both runs, so no p99 was compared.');
  } else if (within > 0) {
    const rates = within === 1 ? '1 target rate' : `${within} target rates`;
    out.steady.push(`Transfer p99 moved by at most ${limit} at ${rates} that passed in both runs.`);
  }
}

export function compareWithPrevious(
  current: RunResults | HistoryEntry,
  history: readonly HistoryEntry[],
  rule: RegressionSettings,
): RunComparison {
  const entry = 'config' in current ? historyEntryFromResults(current) : current;
  const text = regressionRuleText(rule);
  const previous = previousOf(entry, history);
  if (previous === undefined) {
    const skipped = history.filter(
      (other) => other.series === entry.series && other.runId !== entry.runId && other.outcome === 'INVALID',
    ).length;
    const note = skipped === 0 ? '' : ` (${skipped} INVALID run${skipped === 1 ? ' was' : 's were'} skipped)`;
    return {
      verdict: 'no-baseline',
      reasons: [`No earlier run of series ${entry.series} to compare with${note}.`],
      rule: text,
    };
  }
  const findings: Findings = { regressions: [], improvements: [], steady: [] };
  compareRates(entry, previous, rule, findings);
  compareP99(entry, previous, rule, findings);
  if (findings.regressions.length > 0) {
    return { previous, verdict: 'regression', reasons: findings.regressions, rule: text };
  }
  if (findings.improvements.length > 0) {
    return { previous, verdict: 'improvement', reasons: findings.improvements, rule: text };
  }
  return { previous, verdict: 'no-change', reasons: findings.steady, rule: text };
}
