/**
 * The hub's counters count on the hot path and publish at scrape time: every scrape shows the running
 * total (never counted twice), labels appear once used, and an unknown label value is ignored.
 */
import { describe, expect, it } from 'vitest';
import { fulfilmentMatches } from '../src/ilp.js';
import { Ledger } from '../src/ledger.js';
import { createMetrics, type RejectReason } from '../src/metrics.js';

function seriesValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('hub metrics', () => {
  it('publishes counts at scrape time, once', async () => {
    const ledger = new Ledger({ retentionMs: 1000, fulfils: fulfilmentMatches });
    const metrics = createMetrics(ledger, { defaultMetrics: false });
    for (let i = 0; i < 3; i++) metrics.request('parties');
    metrics.rejected('jws');
    metrics.rejected('jws');
    metrics.callback('ok');
    metrics.transferFinal('COMMITTED');

    let text = await metrics.registry.metrics();
    expect(seriesValue(text, 'hub_fspiop_requests_total{resource="parties"}')).toBe(3);
    expect(seriesValue(text, 'hub_rejected_requests_total{reason="jws"}')).toBe(2);
    expect(seriesValue(text, 'hub_callbacks_total{outcome="ok"}')).toBe(1);
    expect(seriesValue(text, 'hub_transfers_total{state="COMMITTED"}')).toBe(1);
    // Not used yet: no series.
    expect(seriesValue(text, 'hub_fspiop_requests_total{resource="quotes"}')).toBeUndefined();

    text = await metrics.registry.metrics();
    expect(seriesValue(text, 'hub_fspiop_requests_total{resource="parties"}')).toBe(3);
    expect(seriesValue(text, 'hub_rejected_requests_total{reason="jws"}')).toBe(2);

    metrics.request('parties');
    metrics.request('quotes');
    metrics.rejected('not-a-reason' as RejectReason);
    text = await metrics.registry.metrics();
    expect(seriesValue(text, 'hub_fspiop_requests_total{resource="parties"}')).toBe(4);
    expect(seriesValue(text, 'hub_fspiop_requests_total{resource="quotes"}')).toBe(1);
    expect(text).not.toContain('not-a-reason');
  });
});
