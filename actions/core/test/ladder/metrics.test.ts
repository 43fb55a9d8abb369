import { describe, expect, it } from 'vitest';
import { DEFAULT_SERIES_NAMES, k6CounterSeries, k6TrendSeries, seriesNames } from '../../src/index.js';

describe('series names of the k6 remote-write output', () => {
  it('names counters k6_<name>_total and time Trends k6_<name>_seconds', () => {
    expect(k6CounterSeries('transfers_completed')).toBe('k6_transfers_completed_total');
    expect(k6CounterSeries('dropped_iterations')).toBe('k6_dropped_iterations_total');
    expect(k6TrendSeries('e2e_time')).toBe('k6_e2e_time_seconds');
    expect(k6TrendSeries('e2e_time', false)).toBe('k6_e2e_time');
  });

  it('resolves every name the reader uses', () => {
    expect(DEFAULT_SERIES_NAMES).toEqual({
      completed: 'k6_transfers_completed_total',
      failed: 'k6_transfers_failed_total',
      dropped: 'k6_dropped_iterations_total',
      iterations: 'k6_iterations_total',
      trends: {
        e2e: 'k6_e2e_time_seconds',
        discovery: 'k6_discovery_time_seconds',
        quote: 'k6_quote_time_seconds',
        transfer: 'k6_transfer_time_seconds',
      },
      trendToMs: 1000,
      labels: { testId: 'testid', rung: 'rung', errorCode: 'fspiop_error_code' },
      hub: { series: 'hub_transfers_total', stateLabel: 'state', committedState: 'COMMITTED', matchers: {} },
    });
  });

  it('lets the hub series and the Trend unit be overridden', () => {
    const names = seriesNames({
      trendsAreTime: false,
      hub: { series: 'ledger_transfers_total', matchers: { namespace: 'mojaloop' } },
    });
    expect(names.trends.e2e).toBe('k6_e2e_time');
    expect(names.trendToMs).toBe(1);
    expect(names.hub).toEqual({
      series: 'ledger_transfers_total',
      stateLabel: 'state',
      committedState: 'COMMITTED',
      matchers: { namespace: 'mojaloop' },
    });
  });
});
