// The "Compared with the previous comparable run" section: right after the verdict, short, and kept
// by every trimming step.
import { describe, expect, it } from 'vitest';
import {
  compareWithPrevious,
  type HistoryEntry,
  historyEntryFromResults,
  type RunComparison,
  regressionRuleText,
} from '../../src/github/index.js';
import { composeReport, type RungResult, renderComparison, renderReport } from '../../src/index.js';
import { failingRung, finalize, invalidRung, localRun, rung } from '../results/support.js';
import { mermaidBlocks } from './support.js';

const RULE = { maxRateDropPercent: 5, maxP99IncreasePercent: 20 };
const HEADING = '### Compared with the previous comparable run';

async function previousRun(): Promise<HistoryEntry> {
  return {
    ...historyEntryFromResults(await localRun()),
    runId: '123456-1',
    finishedAt: '2025-05-30T08:15:00Z',
  };
}

describe('renderComparison', () => {
  it('names the previous run, its date, the verdict, the reasons and the rule', async () => {
    const current = await localRun([rung(1, 5), rung(2, 10), failingRung(3, 20)]);
    const comparison = compareWithPrevious(current, [await previousRun()], RULE);
    expect(renderComparison(comparison).split('\n')).toEqual([
      HEADING,
      '',
      '📉 **Regression** against run `123456-1` (finished 2025-05-30 08:15 UTC, PASS, 20 transfers/s sustained).',
      '',
      '- Maximum sustainable rate fell 50.0 % (20 → 10 transfers/s), more than the 5.0 % allowed.',
      '',
      `<sub>Rule: ${regressionRuleText(RULE)}</sub>`,
    ]);
  });

  it('says when there is no baseline', async () => {
    const comparison = compareWithPrevious(await localRun(), [], RULE);
    const section = renderComparison(comparison);
    expect(section).toContain('ℹ️ **No baseline**: no earlier comparable run to compare with.');
    expect(section).toContain('- No earlier run of series local/20tps-8dfsps-mtls-jws-ilp to compare with.');
  });

  it('lists at most five reasons', () => {
    const comparison: RunComparison = {
      verdict: 'improvement',
      reasons: Array.from({ length: 8 }, (_, index) => `Reason ${index + 1}.`),
      rule: 'The rule.',
    };
    const items = renderComparison(comparison)
      .split('\n')
      .filter((line) => line.startsWith('- '));
    expect(items).toEqual([
      '- Reason 1.',
      '- Reason 2.',
      '- Reason 3.',
      '- Reason 4.',
      '- Reason 5.',
      '- … and 3 more.',
    ]);
  });
});

describe('the report with a comparison', () => {
  it('puts the section right after the verdict, before the charts', async () => {
    const results = await localRun();
    const comparison = compareWithPrevious(results, [await previousRun()], RULE);
    const report = renderReport(results, { comparison, marker: 'pr' });
    const sections = report.split('\n\n');
    expect(sections[0]).toBe('<!-- mlperf-report:pr -->');
    expect(sections[1]?.startsWith('## ✅ PASS')).toBe(true);
    const heading = report.indexOf(HEADING);
    expect(heading).toBeGreaterThan(report.indexOf('**Security:**'));
    expect(heading).toBeLessThan(report.indexOf('```mermaid'));
    expect(report).toContain('➖ **No significant change** against run `123456-1`');
    expect(renderReport(results)).not.toContain(HEADING);
  });

  it('survives every trimming step', async () => {
    const base = await localRun();
    const rungs: RungResult[] = [rung(1, 5), rung(2, 10), rung(3, 20)];
    for (let index = 4; index <= 200; index++) {
      rungs.push({
        ...invalidRung(index, 20 + index, `runner ${index} exited 107 after ${index} s`),
        kind: 'stress',
      });
    }
    const results = finalize({ ...base, rungs });
    const comparison = compareWithPrevious(results, [await previousRun()], RULE);
    const section = renderComparison(comparison);
    for (const maxLength of [30_000, 12_000, 6_000, 3_000]) {
      const report = composeReport(results, { comparison, maxLength });
      expect(report.markdown.length, String(maxLength)).toBeLessThanOrEqual(maxLength);
      expect(report.trimmed.length, String(maxLength)).toBeGreaterThan(0);
      expect(report.markdown, String(maxLength)).toContain(section);
    }
    const barest = composeReport(results, { comparison, maxLength: 3_000 });
    expect(barest.trimmed).toContain('charts');
    expect(mermaidBlocks(barest.markdown)).toHaveLength(0);
  });
});
