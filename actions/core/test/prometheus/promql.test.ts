import { describe, expect, it } from 'vitest';
import { buildRungQueries, escapeLabelValue, selector, seriesNames } from '../../src/index.js';

describe('PromQL of a rung steady window', () => {
  const queries = buildRungQueries({ testId: 'run-7', rungId: '3', windowSeconds: 300 });
  const sel = '{testid="run-7",rung="3"}';

  it('counts transfers over exactly the window', () => {
    expect(queries.completed).toBe(`(sum(increase(k6_transfers_completed_total${sel}[300s])) or vector(0))`);
    expect(queries.achievedRate).toBe(
      `(sum(increase(k6_transfers_completed_total${sel}[300s])) or vector(0)) / 300`,
    );
    expect(queries.failed).toBe(`(sum(increase(k6_transfers_failed_total${sel}[300s])) or vector(0))`);
    expect(queries.failedByCode).toBe(
      `sum by (fspiop_error_code) (increase(k6_transfers_failed_total${sel}[300s]))`,
    );
    expect(queries.successPercent).toBe(
      `100 * ${queries.completed} / (${queries.completed} + ${queries.failed})`,
    );
  });

  it('has no default for iterations, so missing k6 data stays missing', () => {
    expect(queries.iterations).toBe(`sum(increase(k6_iterations_total${sel}[300s]))`);
    expect(queries.dropped).toBe(`(sum(increase(k6_dropped_iterations_total${sel}[300s])) or vector(0))`);
    expect(queries.droppedPercent).toBe(
      `100 * ${queries.dropped} / (${queries.iterations} + ${queries.dropped})`,
    );
  });

  it('takes percentiles from the summed native histograms, without _bucket or le, in ms', () => {
    expect(queries.latency.e2e.p99).toBe(
      `histogram_quantile(0.99, sum(rate(k6_e2e_time_seconds${sel}[300s]))) * 1000`,
    );
    expect(queries.latency.transfer.p50).toBe(
      `histogram_quantile(0.5, sum(rate(k6_transfer_time_seconds${sel}[300s]))) * 1000`,
    );
    expect(queries.latency.discovery.p95).toBe(
      `histogram_quantile(0.95, sum(rate(k6_discovery_time_seconds${sel}[300s]))) * 1000`,
    );
    const all = Object.values(queries.latency).flatMap((q) => Object.values(q));
    expect(all).toHaveLength(12);
    for (const expr of all) expect(expr).not.toMatch(/_bucket|\ble\b/);
  });

  it("counts the hub's committed transfers over the same window", () => {
    expect(queries.hubCommitted).toBe('sum(increase(hub_transfers_total{state="COMMITTED"}[300s]))');
    const custom = buildRungQueries({
      testId: 'x',
      rungId: '1',
      windowSeconds: 60,
      names: seriesNames({
        hub: { series: 'ledger_transfers_total', matchers: { ns: 'hub' }, committedState: 'C' },
      }),
    });
    expect(custom.hubCommitted).toBe('sum(increase(ledger_transfers_total{ns="hub",state="C"}[60s]))');
  });

  it('omits the unit factor for millisecond histograms', () => {
    const ms = buildRungQueries({
      testId: 't',
      rungId: '1',
      windowSeconds: 30,
      names: seriesNames({ trendsAreTime: false }),
    });
    expect(ms.latency.e2e.p95).toBe(
      'histogram_quantile(0.95, sum(rate(k6_e2e_time{testid="t",rung="1"}[30s])))',
    );
  });

  it('refuses a window shorter than a second or fractional', () => {
    expect(() => buildRungQueries({ testId: 't', rungId: '1', windowSeconds: 0 })).toThrow(RangeError);
    expect(() => buildRungQueries({ testId: 't', rungId: '1', windowSeconds: 1.5 })).toThrow(RangeError);
  });

  it('escapes label values', () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    expect(selector('m', { testid: 'x"y' })).toBe('m{testid="x\\"y"}');
    expect(selector('m', {})).toBe('m');
  });
});
