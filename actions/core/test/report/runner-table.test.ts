import { describe, expect, it } from 'vitest';
import { K6_COUNTERS, K6_TRENDS } from '../../src/ladder/metrics.js';
import {
  MAX_RUNNER_ROWS,
  parseRunnerSummaries,
  type RungRunners,
  type RunnerSummaryEntry,
  runnerTableLines,
} from '../../src/report/runner-table.js';

const HEADER = '| rung | rate | runner | exit | completed | failed | dropped | e2e p99 |';

/** A k6 end-of-test summary as `handleSummary` receives it. */
function k6Summary(completed: number, failed: number, dropped: number, e2eP99: number) {
  const counter = (count: number) => ({
    type: 'counter',
    contains: 'default',
    values: { count, rate: count / 60 },
  });
  return {
    root_group: { name: '', checks: [] },
    metrics: {
      [K6_COUNTERS.completed]: counter(completed),
      [K6_COUNTERS.failed]: counter(failed),
      [K6_COUNTERS.dropped]: counter(dropped),
      [K6_COUNTERS.iterations]: counter(completed + failed),
      [K6_TRENDS.e2e]: {
        type: 'trend',
        contains: 'time',
        values: { avg: 120.5, med: 100, 'p(90)': 200, 'p(95)': 250, 'p(99)': e2eP99, max: 2000 },
      },
    },
  };
}

const runner = (id: string, exitCode: number | null, summary: unknown): RunnerSummaryEntry => ({
  id,
  exitCode,
  summary,
});

/** The table rows (lines starting with `| <digit>`). */
const rows = (lines: string[]) => lines.filter((l) => /^\| \d/.test(l));

describe('runnerTableLines', () => {
  it('renders one row per runner with thousands separators, p99 in ms and the runners’ sum per rung', () => {
    const rungs: RungRunners[] = [
      {
        rung: 1,
        rate: 1000,
        runners: [
          runner('r1-1', 0, k6Summary(29_950, 12, 3, 412.6)),
          runner('r1-2', 0, k6Summary(30_001, 0, 0, 1234.4)),
        ],
      },
      { rung: 2, rate: 2000, runners: [runner('r2-1', 0, k6Summary(119_000, 1_000, 0, 999.5))] },
    ];
    const lines = runnerTableLines(rungs);
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toMatch(/^\| -+:? \|/);
    expect(rows(lines)).toEqual([
      '| 1 | 1,000/s | r1-1 | 0 | 29,950 | 12 | 3 | 413 ms |',
      '| 1 | 1,000/s | r1-2 | 0 | 30,001 | 0 | 0 | 1,234 ms |',
      '| 2 | 2,000/s | r2-1 | 0 | 119,000 | 1,000 | 0 | 1,000 ms |',
    ]);
    expect(lines).toContain(
      "- rung 1 (1,000/s): runners' sum of completed 59,951 (2 of 2 runner(s) reported it)",
    );
    expect(lines).toContain(
      "- rung 2 (2,000/s): runners' sum of completed 119,000 (1 of 1 runner(s) reported it)",
    );
    expect(lines.join('\n')).not.toContain('left out');
  });

  it('shows a failed runner’s exit code and still its figures', () => {
    const lines = runnerTableLines([
      { rung: 1, rate: 10, runners: [runner('r1-1', 99, k6Summary(500, 100, 40, 1500))] },
    ]);
    expect(rows(lines)).toEqual(['| 1 | 10/s | r1-1 | 99 | 500 | 100 | 40 | 1,500 ms |']);
  });

  it('says unknown for an exit code that could not be read', () => {
    const lines = runnerTableLines([
      { rung: 1, rate: 10, runners: [runner('r1-1', null, k6Summary(1, 0, 0, 5))] },
    ]);
    expect(rows(lines)).toEqual(['| 1 | 10/s | r1-1 | unknown | 1 | 0 | 0 | 5 ms |']);
  });

  it('says no summary for a runner that printed none, and leaves it out of the sum', () => {
    const lines = runnerTableLines([
      {
        rung: 3,
        rate: 50,
        runners: [runner('r3-1', 0, k6Summary(2_000, 0, 0, 10)), runner('r3-2', 1, null)],
      },
    ]);
    expect(rows(lines)).toEqual([
      '| 3 | 50/s | r3-1 | 0 | 2,000 | 0 | 0 | 10 ms |',
      '| 3 | 50/s | r3-2 | 1 | no summary | — | — | — |',
    ]);
    expect(lines).toContain(
      "- rung 3 (50/s): runners' sum of completed 2,000 (1 of 2 runner(s) reported it)",
    );
  });

  it.each([
    ['a string', 'not json at all'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['no metrics', { root_group: {} }],
    ['metrics not an object', { metrics: 'x' }],
    ['metrics without ours', { metrics: { iterations: { type: 'counter', values: { count: 3, rate: 1 } } } }],
    [
      'odd values',
      {
        metrics: {
          [K6_COUNTERS.completed]: { values: { count: 'many' } },
          [K6_COUNTERS.failed]: { values: null },
          [K6_COUNTERS.dropped]: { values: { count: -1 } },
          [K6_TRENDS.e2e]: { values: { 'p(99)': Number.NaN } },
        },
      },
    ],
    ['a metric that is null', { metrics: { [K6_COUNTERS.completed]: null } }],
  ])('shows — for every figure of a garbage summary (%s) and never throws', (_name, summary) => {
    const lines = runnerTableLines([{ rung: 1, rate: 10, runners: [runner('r1-1', 0, summary)] }]);
    expect(rows(lines)).toEqual(['| 1 | 10/s | r1-1 | 0 | — | — | — | — |']);
    expect(lines).toContain("- rung 1 (10/s): runners' sum of completed — (no runner reported it)");
  });

  it('caps the rows and says how many were left out; the sums still cover every runner', () => {
    const many = (rung: number, n: number): RungRunners => ({
      rung,
      rate: 1000,
      runners: Array.from({ length: n }, (_, i) =>
        runner(`r${rung}-${i + 1}`, 0, k6Summary(1_000, 0, 0, 100)),
      ),
    });
    const lines = runnerTableLines([many(1, 150), many(2, 150)]);
    expect(rows(lines)).toHaveLength(MAX_RUNNER_ROWS);
    expect(rows(lines).at(-1)).toContain('| r2-50 |');
    expect(lines).toContain('100 more runner row(s) left out; see runner-summaries.json.');
    expect(lines).toContain(
      "- rung 2 (1,000/s): runners' sum of completed 150,000 (150 of 150 runner(s) reported it)",
    );

    const small = runnerTableLines([many(1, 5)], 2);
    expect(rows(small)).toHaveLength(2);
    expect(small).toContain('3 more runner row(s) left out; see runner-summaries.json.');
  });

  it('keeps a runner id from breaking the table', () => {
    const lines = runnerTableLines([{ rung: 1, rate: 10, runners: [runner('a|b\nc<d', 0, null)] }]);
    expect(rows(lines)).toEqual(['| 1 | 10/s | a\\|b c&lt;d | 0 | no summary | — | — | — |']);
  });

  it('gives no lines when no rung ran, and only the sum line for a rung without runners', () => {
    expect(runnerTableLines([])).toEqual([]);
    expect(runnerTableLines([{ rung: 1, rate: 10, runners: [] }])).toEqual([
      "- rung 1 (10/s): runners' sum of completed: no runner",
    ]);
  });
});

describe('parseRunnerSummaries', () => {
  it('reads what the ladder writes, keeping each summary as it is', () => {
    const text = JSON.stringify([
      { rung: 1, rate: 100, runners: [{ id: 'r1-1', exitCode: 0, summary: { a: 1 } }] },
    ]);
    expect(parseRunnerSummaries(text)).toEqual({
      runners: [{ rung: 1, rate: 100, runners: [{ id: 'r1-1', exitCode: 0, summary: { a: 1 } }] }],
    });
  });

  it('says why a file is not what the ladder writes', () => {
    expect(parseRunnerSummaries('{')).toMatchObject({
      error: expect.stringMatching(/^runner-summaries.json is not JSON/),
    });
    expect(parseRunnerSummaries(JSON.stringify([{ rung: 0, rate: 100, runners: [] }]))).toEqual({
      error: expect.stringMatching(/^runner-summaries.json: 0.rung: /),
    });
    expect(parseRunnerSummaries(JSON.stringify({ rung: 1 }))).toEqual({
      error: expect.stringMatching(/^runner-summaries.json: \(root\): /),
    });
  });
});
