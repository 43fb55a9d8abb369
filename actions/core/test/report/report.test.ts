import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  composeReport,
  GITHUB_COMMENT_LIMIT,
  probeResult,
  RUNG_TABLE_HEADER,
  type RungResult,
  type RunResults,
  renderReport,
  reportMarker,
} from '../../src/index.js';
import { K6_COUNTERS } from '../../src/ladder/metrics.js';
import { failingRung, finalize, invalidRung, localRun, posture, probes, rung } from '../results/support.js';
import { awsRun, expectValidTables, mermaidBlocks, tableAfter, tables } from './support.js';

const HEADER_ROW = `| ${RUNG_TABLE_HEADER.join(' | ')} |`;

function lines(markdown: string): string[] {
  return markdown.split('\n');
}

describe('the verdict comes first', () => {
  it('states PASS, the target, the maximum sustainable rate and why', async () => {
    const report = renderReport(await localRun());
    expect(lines(report).slice(0, 4)).toEqual([
      '## ✅ PASS — 20 transfers/s with mTLS + JWS + ILP, 8 DFSPs',
      '',
      '**Maximum sustainable rate:** 20.0 transfers/s (rung 3, ladder).',
      'Every ladder rung passed, up to the target of 20 transfers/s (rung 3).',
    ]);
    expect(report).toContain(
      '**Security:** every expected control proven by negative probes (mutual TLS, JWS validation, ILP fulfilment check, transfer expiry).',
    );
  });

  it('states FAIL with the first failed SLO of the deciding rung', async () => {
    const report = renderReport(await localRun([rung(1, 5), rung(2, 10), failingRung(3, 20)]));
    expect(lines(report).slice(0, 4)).toEqual([
      '## ❌ FAIL — 20 transfers/s with mTLS + JWS + ILP, 8 DFSPs',
      '',
      '**Maximum sustainable rate:** 10.0 transfers/s (rung 2, ladder).',
      'Rung 3 (20 transfers/s) failed: transfer p99 1,240 ms is above the 1,000 ms ceiling.',
    ]);
  });

  it('states INVALID with the first invalid reason, and "none" when no rung passed', async () => {
    const report = renderReport(await localRun([invalidRung(1, 5), rung(2, 10), rung(3, 20)]));
    expect(lines(report).slice(0, 4)).toEqual([
      '## ⚠️ INVALID — 20 transfers/s with mTLS + JWS + ILP, 8 DFSPs',
      '',
      '**Maximum sustainable rate:** 20.0 transfers/s (rung 3, ladder).',
      'Rung 1 (5 transfers/s) is invalid: hub committed 140, k6 completed 149.',
    ]);
    const none = renderReport(await localRun([failingRung(1, 5)]));
    expect(none).toContain('**Maximum sustainable rate:** none — no rung passed.');
  });

  it('names the configured security, and warns when the posture does not prove it', async () => {
    const run = await localRun();
    run.config.security = { mtls: true, jwsSign: true, jwsValidate: false, ilp: false };
    const weak = posture(
      probes({
        'tampered-body': probeResult('tampered-body', 'refused: 3105', 'accepted', 'forwarded to payee'),
      }),
    );
    run.security = weak;
    const report = renderReport(run);
    expect(lines(report)[0]).toBe(
      '## ✅ PASS — 20 transfers/s with mTLS + JWS signing (not validated), 8 DFSPs',
    );
    // JWS validation is not expected here, so its failure is shown in the table but raises no warning.
    expect(report).toContain(
      '**Security:** every expected control proven by negative probes (mutual TLS, transfer expiry).',
    );

    run.config.security = { mtls: true, jwsSign: true, jwsValidate: true, ilp: true };
    expect(renderReport(run)).toContain('⚠️ **Security:** expected but not proven: JWS validation (failed).');
    expect(renderReport({ ...run, security: null })).toContain(
      '⚠️ **Security:** verify-security did not run, so no control is proven.',
    );
  });

  it('puts the sticky-comment marker on the first line, and refuses a key that would break the comment', async () => {
    const report = renderReport(await localRun(), { marker: 'pr-42/aws-1000tps' });
    expect(lines(report)[0]).toBe('<!-- mlperf-report:pr-42/aws-1000tps -->');
    expect(reportMarker('release.v1')).toBe('<!-- mlperf-report:release.v1 -->');
    expect(() => reportMarker('a-->b')).toThrow(/not allowed/);
    expect(() => reportMarker('a--b')).toThrow(/without "--"/);
    expect(() => reportMarker('')).toThrow(/not allowed/);
  });
});

describe('the per-rung table', () => {
  it('shows each rung with consistent number formats', async () => {
    const report = renderReport(await localRun());
    const table = tableAfter(report, 'Rungs');
    expect(table[0]).toEqual([...RUNG_TABLE_HEADER]);
    expect(report).toContain(HEADER_ROW);
    expect(table[4]).toEqual([
      '3',
      'ladder',
      '20.0',
      '19.9',
      '99.96',
      '200',
      '300',
      '400',
      '31',
      '92',
      '270',
      '0 (0.00 %)',
      '597 / 597',
      '✅ PASS',
    ]);
  });

  it('uses thousands separators and abbreviates failed SLOs', async () => {
    const table = tableAfter(renderReport(await awsRun()), 'Rungs');
    expect(table[4]).toEqual([
      '3',
      'ladder',
      '1,000.0',
      '999.8',
      '99.96',
      '502',
      '755',
      '944',
      '37',
      '217',
      '783',
      '12 (0.00 %)',
      '1,199,790 / 1,199,806',
      '✅ PASS',
    ]);
    expect(table[5]?.slice(0, 3)).toEqual(['4', 'stress', '1,200.0']);
    expect(table[5]?.at(-1)).toBe('❌ FAIL: transfer p99 1,240 > 1,000 ms');
  });

  it('shows missing figures as —', async () => {
    const unmeasured: RungResult = {
      ...invalidRung(3, 20, 'no k6 samples in the steady window'),
      achievedRate: null,
      successPercent: null,
      completed: null,
      failed: null,
      droppedIterations: null,
      droppedPercent: null,
      hubCommitted: null,
      latency: {
        e2e: { p50: null, p95: null, p99: null },
        discovery: { p50: null, p95: null, p99: null },
        quote: { p50: null, p95: null, p99: null },
        transfer: { p50: null, p95: null, p99: null },
      },
    };
    const report = renderReport(await localRun([rung(1, 5), rung(2, 10), unmeasured]));
    expect(tableAfter(report, 'Rungs')[4]).toEqual([
      '3',
      'ladder',
      '20.0',
      ...Array(9).fill('—'),
      '— / —',
      '⚠️ INVALID: no k6 samples in the steady window',
    ]);
    expect(report).toContain('1 rung has no e2e samples and is not in the latency chart.');
    expect(report).toContain('1 rung has no measured achieved rate and is not in the rate chart.');
  });

  it('keeps a reason with a pipe or markup inside its cell, and lists at most two', async () => {
    const reasons = ['runner 2 exit 107 | script exception', '<b>hub</b> count unreadable', 'third'];
    const odd = { ...invalidRung(2, 10), invalidReasons: reasons };
    const report = renderReport(await localRun([rung(1, 5), odd, rung(3, 20)]));
    expectValidTables(report);
    expect(tableAfter(report, 'Rungs')[3]?.at(-1)).toBe(
      '⚠️ INVALID: runner 2 exit 107 \\| script exception; &lt;b>hub&lt;/b> count unreadable; +1 more',
    );
  });

  it('keeps per-leg percentiles and failures by code in collapsed tables', async () => {
    const report = renderReport(await awsRun());
    expect(report).toContain(
      '<details><summary>Per-leg latency (p50 / p95 / p99, ms)</summary>\n\n| rung | target /s |',
    );
    const all = tables(report);
    const legs = all.find((table) => table[0]?.[2] === 'discovery p50');
    expect(legs?.[4]).toEqual([
      '3',
      '1,000.0',
      '12',
      '24',
      '37',
      '95',
      '160',
      '217',
      '390',
      '601',
      '783',
      '502',
      '755',
      '944',
    ]);
    const failures = all.find((table) => table[0]?.[2] === 'FSPIOP code');
    expect(failures?.slice(2)).toEqual([
      ['3', '1,000.0', '2001', '300'],
      ['3', '1,000.0', '3100', '100'],
      ['3', '1,000.0', 'unclassified', '80'],
    ]);
  });

  it('renders only valid GitHub tables', async () => {
    expectValidTables(renderReport(await localRun()));
    expectValidTables(renderReport(await awsRun()));
  });

  it('folds in the k6 runners when given, and trims them with the other details', async () => {
    const runners = [
      {
        rung: 3,
        rate: 1000,
        runners: [
          {
            id: 'r3-1',
            exitCode: 0,
            summary: { metrics: { [K6_COUNTERS.completed]: { values: { count: 299_700 } } } },
          },
          { id: 'r3-2', exitCode: 99, summary: null },
        ],
      },
    ];
    const results = await awsRun();
    const report = renderReport(results, { runners });
    expect(report).toContain('<details><summary>k6 runners:');
    expect(report).toContain('| 3 | 1,000/s | r3-1 | 0 | 299,700 |');
    expect(report).toContain('| 3 | 1,000/s | r3-2 | 99 | no summary |');
    expect(report).toContain(
      "- rung 3 (1,000/s): runners' sum of completed 299,700 (1 of 2 runner(s) reported it)",
    );
    expectValidTables(report);
    expect(renderReport(results)).not.toContain('k6 runners');
    // Trimming drops the details first, the runner table with them, and says so.
    const full = composeReport(results, { runners });
    const trimmed = composeReport(results, { runners, maxLength: full.markdown.length - 1 });
    expect(trimmed.trimmed[0]).toBe('details');
    expect(trimmed.markdown).not.toContain('k6 runners:');
    expect(trimmed.markdown).toContain('per-leg, failure, k6 runner and cost details');
  });
});

describe('the Mermaid charts', () => {
  it('draws latency lines and achieved bars in xychart-beta syntax', async () => {
    const blocks = mermaidBlocks(renderReport(await awsRun()));
    expect(blocks).toHaveLength(2);
    for (const block of blocks) {
      expect(block[0]).toBe('xychart-beta');
      expect(block[1]).toMatch(/^ {4}title "[^"]+"$/);
      const axis = block[2]?.match(/^ {4}x-axis "[^"]+" \[((?:"[^"]+"(?:, )?)+)\]$/);
      expect(axis, block[2]).not.toBeNull();
      const labels = (axis?.[1] ?? '').split('", "').length;
      expect(block[3]).toMatch(/^ {4}y-axis "[^"]+" 0 --> \d+$/);
      for (const line of block.slice(4)) {
        const series = line.match(/^ {4}(?:line|bar) "[^"]+" \[(\d+(?:\.\d+)?(?:, \d+(?:\.\d+)?)*)\]$/);
        expect(series, line).not.toBeNull();
        expect(series?.[1]?.split(', ')).toHaveLength(labels);
      }
    }
  });

  it('plots e2e p95 and p99 against target rate, and achieved against target', async () => {
    const [latency, rate] = mermaidBlocks(renderReport(await localRun()));
    expect(latency).toEqual([
      'xychart-beta',
      '    title "End-to-end latency by target rate"',
      '    x-axis "target rate (transfers/s)" ["5", "10", "20"]',
      '    y-axis "latency (ms)" 0 --> 440',
      '    line "e2e p95" [270, 280, 300]',
      '    line "e2e p99" [355, 370, 400]',
    ]);
    expect(rate).toEqual([
      'xychart-beta',
      '    title "Achieved vs target rate"',
      '    x-axis "target rate (transfers/s)" ["5", "10", "20"]',
      '    y-axis "transfers/s" 0 --> 22',
      '    bar "achieved" [5.0, 10.0, 19.9]',
      '    line "target" [5.0, 10.0, 20.0]',
    ]);
  });
});

describe('the bar, posture, environment, cost and configuration', () => {
  it('lists the SLOs from the configuration', async () => {
    const table = tableAfter(renderReport(await awsRun()), 'The bar');
    expect(table.slice(2).map((row) => row.slice(0, 2))).toEqual([
      ['success', '≥ 99.50 %'],
      ['achieved rate', '≥ 99.00 %'],
      ['transfer p99', '≤ 1,000 ms'],
      ['e2e p95', '≤ 1,000 ms'],
      ['dropped', '≤ 1.00 %'],
    ]);
  });

  it('shows the verified posture, one row per control', async () => {
    const run = await localRun();
    run.security = posture(
      probes({
        'tampered-body': probeResult('tampered-body', 'refused: 3105', 'accepted', 'forwarded to payee'),
        'late-fulfilment': probeResult('late-fulfilment', 'aborted', 'not-run', 'no payee callback'),
      }),
    );
    const table = tableAfter(renderReport(run), 'Verified security posture');
    expect(table[0]).toEqual(['control', 'expected', 'status', 'evidence']);
    expect(table.slice(2).map((row) => row.slice(0, 3))).toEqual([
      ['mutual TLS', 'yes', '✅ proven'],
      ['JWS validation', 'yes', '❌ failed'],
      ['ILP fulfilment check', 'yes', '✅ proven'],
      ['transfer expiry', 'always', '⚠️ not proven'],
    ]);
    expect(table[3]?.[3]).toBe('tampered-body: forwarded to payee (expected: refused: 3105)');
    expect(table[5]?.[3]).toBe('late-fulfilment: no payee callback');
  });

  it('describes the environment with versions and sizing', async () => {
    const rows = tableAfter(renderReport(await awsRun()), 'Environment').slice(2);
    expect(rows.slice(0, 5)).toEqual([
      ['provider', 'aws (eu-west-2)'],
      ['hub', 'Mojaloop 17.1.0'],
      ['SDK scheme adapter', '18.0.2'],
      ['k6', '1.4.2'],
      ['Node.js', '20.19.4'],
    ]);
    expect(rows.find((row) => row[0] === 'nodes: hub-services')?.[1]).toMatch(/^\d+ × m7i\.\w+$/);
  });

  it('gives duration and cost, estimate and actual', async () => {
    const run = await awsRun();
    const report = renderReport(run);
    expect(report).toContain('Ran 4 h 12 min, from 2025-06-01T09:00:00Z to 2025-06-01T13:12:00Z.');
    expect(report).toMatch(
      /Estimated cost: \*\*\$[\d,]+\.\d\d\*\* \(\d+\.\d\d h at \$[\d,]+\.\d\d\/h in eu-west-2/,
    );
    expect(report).toContain('Actual cost: **$61.37** (AWS Cost Explorer, tag mlperf:run-id).');
    expect(report).toContain('<details><summary>Cost estimate breakdown</summary>');
    expect(renderReport(await localRun())).not.toContain('cost:');
  });

  it('prints the resolved configuration as YAML in a collapsed block', async () => {
    const run = await awsRun();
    const report = renderReport(run);
    const match = report.match(
      /<details><summary>Resolved configuration \(profile <code>aws-1000tps<\/code>\)<\/summary>\n\n```yaml\n([\s\S]*?)\n```\n\n<\/details>/,
    );
    expect(match).not.toBeNull();
    expect(parse(match?.[1] ?? '')).toEqual(run.config);
  });

  it('lists bottleneck hints and artifacts', async () => {
    const report = renderReport(await awsRun());
    expect(report).toContain(
      '### Bottleneck hints\n\n- Transfer leg: 64 % of the time waits between Kafka stages; check consumer poll back-off.',
    );
    expect(renderReport(await localRun())).toContain(
      '### Artifacts\n\n- `k6-summary-rung-1.json` — end-of-test summary of runner 1, rung 1',
    );
  });
});

/** A run of `count` rungs: the three ladder rungs, then stress rungs with long invalid reasons. */
async function longRun(count: number): Promise<RunResults> {
  const base = await localRun();
  const rungs: RungResult[] = [rung(1, 5), rung(2, 10), rung(3, 20)];
  for (let index = 4; index <= count; index++) {
    const rate = 20 + index * 0.25;
    rungs.push(
      index === 250
        ? rung(index, 400, { kind: 'stress' })
        : {
            ...invalidRung(
              index,
              rate,
              `runner ${index} exited 107 (script exception) after ${index} s of load`,
            ),
            kind: 'stress',
          },
    );
  }
  return finalize({ ...base, rungs });
}

describe('fitting a size limit', () => {
  it('does not trim a small run', async () => {
    const result = composeReport(await localRun(), { fullReportUrl: 'https://example.test/run/1' });
    expect(result.trimmed).toEqual([]);
    expect(result.omittedRungs).toBe(0);
    expect(result.markdown).not.toContain('Trimmed');
    expect(result.markdown).toContain('Resolved configuration');
    expect(result.markdown).toContain('Per-leg latency');
  });

  it('fits 500 rungs in a GitHub comment and keeps the verdict, charts and table header', async () => {
    const run = await longRun(500);
    const url = 'https://github.com/o/r/actions/runs/1#artifacts';
    const result = composeReport(run, { marker: 'pr-7', fullReportUrl: url });
    const report = result.markdown;
    expect(report.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(lines(report)[0]).toBe('<!-- mlperf-report:pr-7 -->');
    expect(report).toContain('## ✅ PASS — 20 transfers/s with mTLS + JWS + ILP, 8 DFSPs');
    expect(report).toContain('**Maximum sustainable rate:** 400.0 transfers/s (rung 250, stress).');
    expect(mermaidBlocks(report)).toHaveLength(2);
    expect(report).toContain(
      'Showing 60 of 500 rungs, evenly spaced by rate; every rung is in results.json.',
    );
    expect(report).toContain(HEADER_ROW);
    expect(result.trimmed.slice(0, 3)).toEqual(['details', 'config', 'rung-rows']);
    expect(report).not.toContain('Per-leg latency');
    expect(report).not.toContain('Resolved configuration');
    expect(report).toContain(`The full report: [report.md and results.json](${url}).`);
    expectValidTables(report);

    const rows = tableAfter(report, 'Rungs').slice(2);
    const shown = rows.filter((row) => /^\d+$/.test(row[0] ?? '')).map((row) => Number(row[0]));
    // The first and last rungs, plus the rung that proved the maximum rate, stay.
    expect(shown).toContain(1);
    expect(shown).toContain(500);
    expect(shown).toContain(250);
    const omitted = rows.filter((row) => row[0]?.startsWith('…'));
    expect(omitted.length).toBeGreaterThan(0);
    const counted = omitted.reduce(
      (sum, row) => sum + Number((row[0] ?? '').match(/… ([\d,]+) rung/)?.[1]?.replace(/,/g, '')),
      0,
    );
    expect(counted + shown.length).toBe(500);
    expect(counted).toBe(result.omittedRungs);
    expect(report).toContain('— see results.json');
  });

  it('trims in order: details first, then the configuration, then rung rows', async () => {
    // Rung 3 decides the verdict (the target rung) and stress rung 4 proves the maximum rate.
    const run = await localRun([
      rung(1, 5),
      rung(2, 10),
      rung(3, 20),
      rung(4, 30, { kind: 'stress' }),
      failingRung(5, 45, 'stress'),
    ]);
    const full = composeReport(run, { maxLength: 1_000_000 }).markdown;
    const noDetails = composeReport(run, { maxLength: full.length - 1 });
    expect(noDetails.trimmed).toEqual(['details']);
    expect(noDetails.markdown).not.toContain('Per-leg latency');
    expect(noDetails.markdown).toContain('Resolved configuration');
    expect(noDetails.markdown).toContain("report.md and results.json in this run's artifacts");
    const noConfig = composeReport(run, { maxLength: noDetails.markdown.length - 1 });
    expect(noConfig.trimmed).toEqual(['details', 'config']);
    const fewerRows = composeReport(run, {
      maxLength: noConfig.markdown.length - 1,
      keepFirstRungs: 1,
      keepLastRungs: 1,
    });
    expect(fewerRows.trimmed).toEqual(['details', 'config', 'rung-rows']);
    expect(fewerRows.omittedRungs).toBe(1);
    const rows = tableAfter(fewerRows.markdown, 'Rungs').slice(2);
    expect(rows.map((row) => row[0])).toEqual(['1', '… 1 rung omitted — see results.json', '3', '4', '5']);
    expect(fewerRows.markdown).toContain(
      'leaving out per-leg, failure, k6 runner and cost details; the resolved configuration; 1 of 5 rung rows.',
    );
  });

  it('never exceeds the limit, even one smaller than the verdict', async () => {
    const run = await longRun(60);
    for (const maxLength of [30_000, 8_000, 2_000, 600, 300, 10]) {
      const result = composeReport(run, { maxLength });
      expect(result.markdown.length, String(maxLength)).toBeLessThanOrEqual(maxLength);
    }
    const tiny = composeReport(run, { maxLength: 600, fullReportUrl: 'https://example.test/run/9' });
    expect(tiny.trimmed.at(-1)).toBe('cut');
    expect(tiny.markdown.startsWith('## ✅ PASS — 20 transfers/s with mTLS + JWS + ILP, 8 DFSPs\n')).toBe(
      true,
    );
    expect(tiny.markdown).toContain(
      'The full report: [report.md and results.json](https://example.test/run/9).',
    );
  });

  it('keeps the verdict, charts and table header under a tight limit', async () => {
    const report = renderReport(await longRun(60), { maxLength: 6_000 });
    expect(report.length).toBeLessThanOrEqual(6_000);
    expect(report.startsWith('## ✅ PASS — 20 transfers/s')).toBe(true);
    expect(mermaidBlocks(report)).toHaveLength(2);
    expect(report).toContain(HEADER_ROW);
    expectValidTables(report);
  });
});
