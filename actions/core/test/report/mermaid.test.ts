import { describe, expect, it } from 'vitest';
import { chartRungs, renderCharts, renderLatencyChart, renderRateChart } from '../../src/index.js';
import { rung } from '../results/support.js';

describe('chart data', () => {
  it('orders rungs by target rate, then by run order', () => {
    const rungs = [rung(1, 20), rung(2, 5), rung(3, 10), rung(4, 5)];
    expect(chartRungs(rungs).map((r) => r.index)).toEqual([2, 4, 3, 1]);
  });

  it('samples evenly when there are too many rungs, keeping the lowest and highest rate', () => {
    const rungs = Array.from({ length: 101 }, (_, i) => rung(i + 1, 1000 - i));
    const sample = chartRungs(rungs, 11);
    expect(sample).toHaveLength(11);
    expect(sample.map((r) => r.targetRate)).toEqual([900, 910, 920, 930, 940, 950, 960, 970, 980, 990, 1000]);
  });

  it('labels a repeated rate with its rung number so the axis labels stay distinct', () => {
    const chart = renderRateChart([rung(1, 10), rung(2, 20), rung(3, 20, { kind: 'stress' })]);
    expect(chart).toContain('x-axis "target rate (transfers/s)" ["10", "20 #2", "20 #3"]');
  });

  it('uses plain decimals and a y axis from zero to 10 % above the data, rounded up', () => {
    const chart = renderRateChart([
      rung(1, 1000, { achievedRate: 990.66 }),
      rung(2, 1903.9, { achievedRate: 1903.94 }),
    ]);
    expect(chart?.split('\n')).toEqual([
      '```mermaid',
      'xychart-beta',
      '    title "Achieved vs target rate"',
      '    x-axis "target rate (transfers/s)" ["1,000", "1,903.9"]',
      '    y-axis "transfers/s" 0 --> 2100',
      '    bar "achieved" [990.7, 1903.9]',
      '    line "target" [1000.0, 1903.9]',
      '```',
    ]);
  });

  it('leaves out rungs without e2e samples rather than shifting the line', () => {
    const empty = { p50: null, p95: null, p99: null };
    const noSamples = rung(2, 10);
    noSamples.latency = { ...noSamples.latency, e2e: empty };
    const chart = renderLatencyChart([rung(1, 5), noSamples, rung(3, 20)]);
    expect(chart).toContain('x-axis "target rate (transfers/s)" ["5", "20"]');
    expect(chart).toContain('line "e2e p95" [270, 300]');
    expect(renderLatencyChart([noSamples])).toBeUndefined();
  });

  it('says so when there is nothing to chart', () => {
    expect(renderCharts([])).toBe('No rung ran, so there is nothing to chart.');
  });
});
