import { describe, expect, it } from 'vitest';
import { stackPorts } from '../../stack/src/ports.js';
import type { HubCounters, SdkTransferInput } from '../../stack/src/sdk-client.js';
import { checkHub, describeSmoke, runSmoke, type SmokeOutcome, smokePlan } from '../src/smoke.js';

const counters = (committed: number, positions: Record<string, number>): HubCounters => ({
  transfers: { COMMITTED: committed },
  positions,
  rejected: {},
});

const outcome = (payer: number, payee: number, ok = true): SmokeOutcome => ({
  payer: `perffsp${payer}`,
  payee: `perffsp${payee}`,
  payerId: 'x',
  payeeId: 'y',
  amount: `${payer}.5`,
  ok,
  transferId: ok ? 't' : null,
  ms: 10,
});

describe('smokePlan', () => {
  it('covers every ordered pair of 8 DFSPs once (56), each payee identifier used once per payee', () => {
    const plan = smokePlan(8, 5000);
    expect(plan).toHaveLength(56);
    expect(new Set(plan.map((p) => `${p.payer}>${p.payee}`)).size).toBe(56);
    expect(plan.every((p) => p.payer !== p.payee)).toBe(true);
    for (let payee = 1; payee <= 8; payee++) {
      const parties = plan.filter((p) => p.payee === payee).map((p) => p.party);
      expect(new Set(parties).size).toBe(7);
    }
    // The first 8 in flight spread over 8 payers and 8 payees.
    expect(new Set(plan.slice(0, 8).map((p) => p.payer)).size).toBe(8);
    expect(new Set(plan.slice(0, 8).map((p) => p.payee)).size).toBe(8);
    expect(plan[0]).toEqual({ payer: 1, payee: 2, party: 0, amount: '1.5' });
  });

  it('repeats every pair per round and wraps a small party range', () => {
    const plan = smokePlan(2, 1, 3);
    expect(plan.map((p) => `${p.payer}>${p.payee}:${p.party}`)).toEqual([
      '1>2:0',
      '2>1:0',
      '1>2:0',
      '2>1:0',
      '1>2:0',
      '2>1:0',
    ]);
  });
});

describe('checkHub', () => {
  it("agrees when commits and the fleet's position moves match the completed transfers and net to zero", () => {
    const outcomes = [outcome(1, 2), outcome(2, 1)];
    // A probe left a reservation (perfprobe1 +5): verify-security's business, not the smoke's.
    const before = counters(1, { perffsp1: 0, perffsp2: 0, perfprobe1: 5, perfprobe2: 0 });
    const after = counters(3, { perffsp1: -1, perffsp2: 1, perfprobe1: 5, perfprobe2: 0 });
    expect(checkHub(before, after, outcomes, ['perffsp1', 'perffsp2'])).toEqual({
      committedBefore: 1,
      committedAfter: 3,
      committed: 2,
      aborted: 0,
      expired: 0,
      netPosition: 0,
      problems: [],
    });
  });

  it('names every disagreement', () => {
    const outcomes = [outcome(1, 2), outcome(2, 1, false)];
    const before = counters(0, { perffsp1: 0, perffsp2: 0 });
    const after: HubCounters = {
      transfers: { COMMITTED: 2, ABORTED: 1 },
      positions: { perffsp1: 1.5, perffsp2: -1 },
      rejected: {},
    };
    expect(checkHub(before, after, outcomes, ['perffsp1', 'perffsp2']).problems).toEqual([
      'the hub committed 2 transfers, the SDKs completed 1',
      'the hub aborted 1 transfers',
      "perffsp2's position moved by -1, expected -1.5",
      "the fleet's positions net to 0.5, not 0",
    ]);
  });
});

describe('runSmoke', () => {
  const ports = stackPorts(31000, 3);

  it('drives every pair through the payer SDK with bounded concurrency and checks the hub', async () => {
    const calls: SdkTransferInput[] = [];
    let inFlight = 0;
    let peak = 0;
    let committed = 0;
    const positions: Record<string, number> = { perffsp1: 0, perffsp2: 0, perffsp3: 0 };
    const smoke = await runSmoke({
      ports,
      currency: 'XXX',
      partiesPerDfsp: 10,
      rounds: 1,
      concurrency: 2,
      deadlineSeconds: 60,
      readMetrics: async () => counters(committed, { ...positions }),
      transfer: async (input) => {
        calls.push(input);
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        committed++;
        positions[input.payerFsp] = (positions[input.payerFsp] ?? 0) + Number(input.amount);
        positions[input.payeeFsp] = (positions[input.payeeFsp] ?? 0) - Number(input.amount);
        return {
          ok: true,
          transferId: `t${calls.length}`,
          ms: 5,
          currentState: 'COMPLETED',
          transferState: 'COMMITTED',
        };
      },
    });
    expect(peak).toBe(2);
    expect(calls).toHaveLength(6);
    expect(calls[0]).toMatchObject({
      outboundPort: ports.dfsps[0]?.outbound,
      payerFsp: 'perffsp1',
      payeeFsp: 'perffsp2',
      currency: 'XXX',
    });
    expect(smoke).toMatchObject({ planned: 6, committed: 6, failed: 0, notStarted: 0, ok: true });
    expect(smoke.hub?.problems).toEqual([]);
    expect(describeSmoke(smoke)).toMatch(
      /^6 of 6 transfers committed through the payer SDKs \(every ordered pair of 3 DFSPs once, 2 in flight\) in \d+\.\d s; the hub counted 6 commits/,
    );
  });

  it('records failures by step and transfers the deadline left unstarted; the smoke then fails', async () => {
    let clock = 0;
    let n = 0;
    const smoke = await runSmoke({
      ports,
      currency: 'XXX',
      partiesPerDfsp: 10,
      rounds: 1,
      concurrency: 1,
      deadlineSeconds: 10,
      now: () => clock,
      readMetrics: async () => counters(0, {}),
      transfer: async () => {
        n++;
        clock += 4_000; // each transfer takes 4 s of the 10 s deadline
        return n === 1
          ? { ok: true, transferId: 'a', ms: 4000 }
          : { ok: false, transferId: 'b', ms: 4000, failedAt: 'quote', detail: 'HTTP 500' };
      },
    });
    expect(smoke).toMatchObject({
      planned: 6,
      committed: 1,
      failed: 2,
      notStarted: 3,
      failedBy: { quote: 2, 'not-started': 3 },
      ok: false,
    });
    expect(smoke.outcomes[5]).toMatchObject({
      ok: false,
      failedAt: 'not-started',
      ms: null,
      transferId: null,
    });
    expect(smoke.hub?.problems).toContain('the hub committed 0 transfers, the SDKs completed 1');
    expect(describeSmoke(smoke)).toContain('not committed by step: quote: 2, not-started: 3');
  });

  it('fails when the hub cannot be read, and says so', async () => {
    const smoke = await runSmoke({
      ports: stackPorts(31000, 2),
      currency: 'XXX',
      partiesPerDfsp: 10,
      rounds: 1,
      concurrency: 2,
      deadlineSeconds: 10,
      readMetrics: async () => {
        throw new Error('connection refused');
      },
      transfer: async () => ({ ok: true, transferId: 'a', ms: 1 }),
    });
    expect(smoke).toMatchObject({ committed: 2, hub: null, ok: false });
    expect(describeSmoke(smoke)).toContain(
      "the hub was not checked (reading the hub's counters before the smoke failed: connection refused)",
    );
  });
});
