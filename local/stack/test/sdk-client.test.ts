import { describe, expect, it } from 'vitest';
import { mapBounded, parseHubMetrics } from '../src/sdk-client.js';

describe('parseHubMetrics', () => {
  it('reads transfer counts by state, positions by DFSP and refusals by reason', () => {
    const text = [
      '# HELP hub_transfers_total Transfers by final state',
      '# TYPE hub_transfers_total counter',
      'hub_transfers_total{state="COMMITTED"} 56',
      'hub_transfers_total{state="ABORTED"} 2',
      'hub_position{dfsp="perffsp1",currency="XXX"} -28',
      'hub_position{currency="XXX",dfsp="perffsp2"} 1.5',
      'hub_rejected_requests_total{reason="party_not_found"} 1',
      'hub_callbacks_total{outcome="ok"} 300',
      'hub_process_cpu_seconds_total 1.2',
    ].join('\n');
    expect(parseHubMetrics(text)).toEqual({
      transfers: { COMMITTED: 56, ABORTED: 2 },
      positions: { perffsp1: -28, perffsp2: 1.5 },
      rejected: { party_not_found: 1 },
    });
  });
});

describe('mapBounded', () => {
  it('keeps the input order and never exceeds the limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapBounded([5, 1, 4, 2, 3], 2, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, n));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});
