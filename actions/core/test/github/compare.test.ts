// The comparison with the previous comparable run: which run is picked, each verdict, and the rule in words.
import { describe, expect, it } from 'vitest';
import {
  compareWithPrevious,
  type HistoryEntry,
  historyEntryFromResults,
  regressionRuleText,
} from '../../src/github/index.js';
import type { RungResult } from '../../src/index.js';
import { failingRung, invalidRung, localRun, rung } from '../results/support.js';

const RULE = { maxRateDropPercent: 5, maxP99IncreasePercent: 20 };

/** A local run finished `minutes` after noon, from its rungs (5, 10 and 20 transfers/s by default). */
async function run(runId: string, minutes: number, rungs?: RungResult[]): Promise<HistoryEntry> {
  return {
    ...historyEntryFromResults(await localRun(rungs)),
    runId,
    finishedAt: new Date(Date.parse('2025-06-01T12:00:00Z') + minutes * 60_000).toISOString(),
  };
}

/** A passing rung whose transfer p99 is `p99` ms. */
function withP99(index: number, rate: number, p99: number): RungResult {
  const base = rung(index, rate);
  return { ...base, latency: { ...base.latency, transfer: { p50: p99 / 3, p95: p99 / 2, p99 } } };
}

describe('compareWithPrevious picks the previous comparable run', () => {
  it('has no baseline with an empty history', async () => {
    const comparison = compareWithPrevious(await run('now', 60), [], RULE);
    expect(comparison).toEqual({
      verdict: 'no-baseline',
      reasons: ['No earlier run of series local/20tps-8dfsps-mtls-jws-ilp to compare with.'],
      rule: regressionRuleText(RULE),
    });
  });

  it('takes the most recent earlier run, ignoring INVALID runs, later runs, other series and itself', async () => {
    const current = await run('now', 60);
    const older = await run('older', 10);
    const newest = await run('newest-valid', 30);
    const invalid = await run('invalid', 40, [invalidRung(1, 5), rung(2, 10), rung(3, 20)]);
    const later = await run('later', 90);
    const otherSeries = { ...(await run('other', 50)), series: 'local/40tps-8dfsps-mtls-jws-ilp' };
    const history = [newest, older, invalid, later, otherSeries, current];
    expect(invalid.outcome).toBe('INVALID');
    expect(compareWithPrevious(current, history, RULE).previous?.runId).toBe('newest-valid');
  });

  it('has no baseline when every earlier run was INVALID, and says how many were skipped', async () => {
    const invalid = await run('invalid', 10, [invalidRung(1, 5), rung(2, 10), rung(3, 20)]);
    const comparison = compareWithPrevious(await run('now', 60), [invalid], RULE);
    expect(comparison.verdict).toBe('no-baseline');
    expect(comparison.previous).toBeUndefined();
    expect(comparison.reasons[0]).toContain('(1 INVALID run was skipped)');
  });

  it('accepts the results of the current run as they are', async () => {
    const results = await localRun();
    const previous = {
      ...historyEntryFromResults(results),
      runId: 'before',
      finishedAt: '2025-05-31T12:00:00Z',
    };
    const comparison = compareWithPrevious(results, [previous], results.config.report.regression);
    expect(comparison.previous?.runId).toBe('before');
    expect(comparison.verdict).toBe('no-change');
  });
});

describe('compareWithPrevious verdicts', () => {
  it('regression when the maximum sustainable rate fell by more than the allowed share', async () => {
    const previous = await run('before', 10);
    const current = await run('now', 60, [rung(1, 5), rung(2, 10), failingRung(3, 20)]);
    const comparison = compareWithPrevious(current, [previous], RULE);
    expect(comparison.verdict).toBe('regression');
    expect(comparison.reasons).toEqual([
      'Maximum sustainable rate fell 50.0 % (20 → 10 transfers/s), more than the 5.0 % allowed.',
    ]);
  });

  it('regression when no rung passed at all, where the previous run sustained a rate', async () => {
    const previous = await run('before', 10);
    const current = await run('now', 60, [failingRung(1, 5)]);
    const comparison = compareWithPrevious(current, [previous], RULE);
    expect(comparison.verdict).toBe('regression');
    expect(comparison.reasons[0]).toBe(
      'No rung passed, where run before sustained 20 transfers/s (a 100.0 % drop, more than the 5.0 % allowed).',
    );
  });

  it('regression when the transfer p99 at a rate passed in both runs rose by more than the allowed share', async () => {
    const previous = await run('before', 10, [withP99(1, 5, 200), withP99(2, 10, 250), withP99(3, 20, 300)]);
    const current = await run('now', 60, [withP99(1, 5, 210), withP99(2, 10, 325), withP99(3, 20, 300)]);
    const comparison = compareWithPrevious(current, [previous], RULE);
    expect(comparison.verdict).toBe('regression');
    expect(comparison.reasons).toEqual([
      'Transfer p99 at 10 transfers/s rose 30.0 % (250 → 325 ms), more than the 20.0 % allowed.',
    ]);
  });

  it('ignores a p99 rise at a rate that failed in either run', async () => {
    const previous = await run('before', 10, [withP99(1, 5, 200), withP99(2, 10, 250), withP99(3, 20, 300)]);
    // Rung 3 now fails with a transfer p99 of 1,240 ms: the rate drop counts, the p99 at 20/s does not.
    const current = await run('now', 60, [withP99(1, 5, 200), withP99(2, 10, 250), failingRung(3, 20)]);
    const comparison = compareWithPrevious(current, [previous], RULE);
    expect(comparison.verdict).toBe('regression');
    expect(comparison.reasons).toEqual([
      'Maximum sustainable rate fell 50.0 % (20 → 10 transfers/s), more than the 5.0 % allowed.',
    ]);
  });

  it('a p99 rise within the allowed share is no change; the threshold comes from the rule', async () => {
    const previous = await run('before', 10, [withP99(1, 5, 200), withP99(2, 10, 250), withP99(3, 20, 300)]);
    const current = await run('now', 60, [withP99(1, 5, 200), withP99(2, 10, 250), withP99(3, 20, 350)]);
    const loose = compareWithPrevious(current, [previous], RULE);
    expect(loose.verdict).toBe('no-change');
    expect(loose.reasons).toEqual([
      'Maximum sustainable rate 20 → 20 transfers/s, within 5.0 %.',
      'Transfer p99 moved by at most 20.0 % at 3 target rates that passed in both runs.',
    ]);
    const strict = compareWithPrevious(current, [previous], { ...RULE, maxP99IncreasePercent: 10 });
    expect(strict.verdict).toBe('regression');
    expect(strict.reasons[0]).toContain('rose 16.7 % (300 → 350 ms), more than the 10.0 % allowed');
  });

  it('improvement when the rate rose or a p99 fell by more than the allowed share, without a regression', async () => {
    const before = await run('before', 10, [rung(1, 5), rung(2, 10), failingRung(3, 20)]);
    const rate = compareWithPrevious(await run('now', 60), [before], RULE);
    expect(rate.verdict).toBe('improvement');
    expect(rate.reasons).toEqual(['Maximum sustainable rate rose 100.0 % (10 → 20 transfers/s).']);

    const slow = await run('slow', 10, [withP99(1, 5, 400), withP99(2, 10, 250), withP99(3, 20, 300)]);
    const fast = await run('fast', 60, [withP99(1, 5, 200), withP99(2, 10, 250), withP99(3, 20, 300)]);
    const p99 = compareWithPrevious(fast, [slow], RULE);
    expect(p99.verdict).toBe('improvement');
    expect(p99.reasons).toEqual(['Transfer p99 at 5 transfers/s fell 50.0 % (400 → 200 ms).']);
  });

  it('a regression outweighs an improvement', async () => {
    const previous = await run('before', 10, [withP99(1, 5, 400), withP99(2, 10, 250), withP99(3, 20, 300)]);
    const current = await run('now', 60, [withP99(1, 5, 200), withP99(2, 10, 400), withP99(3, 20, 300)]);
    const comparison = compareWithPrevious(current, [previous], RULE);
    expect(comparison.verdict).toBe('regression');
    expect(comparison.reasons).toHaveLength(1);
    expect(comparison.reasons[0]).toContain('at 10 transfers/s rose 60.0 %');
  });

  it('a rate drop within the allowed share is no change', async () => {
    const previous = { ...(await run('before', 10)), maxSustainableRate: 20.8 };
    const comparison = compareWithPrevious(await run('now', 60), [previous], RULE);
    expect(comparison.verdict).toBe('no-change');
    expect(comparison.reasons[0]).toBe('Maximum sustainable rate 20.8 → 20 transfers/s, within 5.0 %.');
  });
});

describe('the rule in words', () => {
  it('states what is compared, with which thresholds', () => {
    expect(regressionRuleText({ maxRateDropPercent: 5, maxP99IncreasePercent: 20 })).toBe(
      'Compared with the most recent earlier run of the same profile, target rate, DFSP count and security switches, skipping INVALID runs. ' +
        'Regression: the maximum sustainable rate fell by more than 5.0 %, or the transfer p99 at a target rate that passed in both runs rose by more than 20.0 %. ' +
        'Improvement: no regression, and the maximum sustainable rate rose by more than 5.0 % or such a p99 fell by more than 20.0 %.',
    );
  });
});
