// Who pays whom: payer never the payee, pairs uniform, and no payee identifier used twice in a run —
// across all runners of a distributed run, whichever way k6 splits the iteration numbers.
import { describe, expect, it } from 'vitest';
import { dfspIds, ownerOfPartyIdentifier } from '../../actions/core/src/fleet/names.js';
import type { Dfsp } from '../../k6/src/lib/settings.js';
import {
  chooseParties,
  MAX_SCHEDULE_SLOTS,
  pairSlots,
  payeeOf,
  payerOf,
  planMix,
} from '../../k6/src/lib/traffic.js';

const fleetOf = (count: number): Dfsp[] =>
  dfspIds(count).map((id, i) => ({ id, index: i + 1, outboundUrl: `http://sdk${i + 1}.test/outbound` }));

/** A small deterministic PRNG (mulberry32) so the statistics below are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pearson's chi-square statistic of observed counts against equal expected counts. */
function chiSquare(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

describe('payer and payee', () => {
  const dfsps = fleetOf(8);
  const uniform = planMix(dfsps, 'uniform');
  const pairs = dfsps.length * (dfsps.length - 1);
  // 56 pairs × 1000 transfers each: large enough for the test below, still milliseconds.
  const sample = pairs * 1000;

  it('never pays itself, and every ordered pair is equally likely', () => {
    const random = seeded(42);
    const counts = new Map<string, number>();
    for (let i = 0; i < sample; i += 1) {
      const { payer, payee, payerId, payeeId } = chooseParties(i, uniform, 200_000, random);
      expect(payer.id).not.toBe(payee.id);
      expect(ownerOfPartyIdentifier(payeeId)).toBe(payee.index);
      expect(ownerOfPartyIdentifier(payerId)).toBe(payer.index);
      counts.set(`${payer.id}>${payee.id}`, (counts.get(`${payer.id}>${payee.id}`) ?? 0) + 1);
    }
    expect(counts.size).toBe(pairs);
    // 55 degrees of freedom: the 99.9th percentile of chi-square is about 93.2.
    expect(chiSquare([...counts.values()])).toBeLessThan(93.2);
  });

  it('a biased random source is caught by the same statistic (the check can fail)', () => {
    const random = seeded(42);
    const skewed = () => random() ** 2;
    const counts = new Map<string, number>();
    for (let i = 0; i < sample; i += 1) {
      const { payer, payee } = chooseParties(i, uniform, 200_000, skewed);
      counts.set(`${payer.id}>${payee.id}`, (counts.get(`${payer.id}>${payee.id}`) ?? 0) + 1);
    }
    expect(chiSquare([...counts.values()])).toBeGreaterThan(93.2);
  });

  it('payees take turns exactly', () => {
    const perPayee = new Array<number>(dfsps.length).fill(0);
    for (let i = 0; i < sample; i += 1) {
      const { slot } = payeeOf(i, dfsps.length, 200_000);
      perPayee[slot] = (perPayee[slot] ?? 0) + 1;
    }
    expect(perPayee).toEqual(new Array(dfsps.length).fill(sample / dfsps.length));
  });

  it('payerOf covers every other slot, even at the ends of [0, 1)', () => {
    expect(payerOf(0, 3, () => 0)).toBe(1);
    expect(payerOf(0, 3, () => 0.999999)).toBe(2);
    expect(payerOf(2, 3, () => 0)).toBe(0);
    expect(payerOf(2, 3, () => 0.999999)).toBe(1);
    expect(payerOf(1, 2, () => 0.999999)).toBe(0);
  });
});

describe('payee identifiers', () => {
  const dfsps = fleetOf(8);
  const partiesPerDfsp = 500;
  const capacity = dfsps.length * partiesPerDfsp;
  const idOf = (i: number) =>
    chooseParties(i, planMix(dfsps, 'uniform'), partiesPerDfsp, Math.random).payeeId;

  it('are all distinct until the provisioned ranges are used up, then the same ranges again', () => {
    const seen = new Set<string>();
    for (let i = 0; i < capacity; i += 1) seen.add(idOf(i));
    expect(seen.size).toBe(capacity);
    const again = new Set<string>();
    for (let i = capacity; i < 2 * capacity; i += 1) again.add(idOf(i));
    expect(again).toEqual(seen);
  });

  it('stay inside each payee range partyIdentifier(index, 0 … partiesPerDfsp-1)', () => {
    for (let i = 0; i < capacity; i += 1) {
      const party = Number(idOf(i).slice(-8));
      expect(party).toBeGreaterThanOrEqual(0);
      expect(party).toBeLessThan(partiesPerDfsp);
    }
  });

  // k6 numbers iterations test-wide; each runner executes the numbers of its execution segment.
  // Whether a runner's numbers are striped (i ≡ k mod n) or a contiguous block, no two runners
  // may send the same identifier.
  const splits: Array<[string, (runners: number) => number[][]]> = [
    [
      'striped',
      (runners) =>
        Array.from({ length: runners }, (_, k) =>
          Array.from({ length: Math.floor(capacity / runners) }, (_, j) => k + j * runners),
        ),
    ],
    [
      'contiguous',
      (runners) =>
        Array.from({ length: runners }, (_, k) => {
          const size = Math.floor(capacity / runners);
          return Array.from({ length: size }, (_, j) => k * size + j);
        }),
    ],
  ];

  for (const [how, split] of splits) {
    for (const runners of [2, 3, 8]) {
      it(`never repeat across ${runners} runners with ${how} iteration numbers`, () => {
        const owner = new Map<string, number>();
        split(runners).forEach((iterations, runner) => {
          for (const i of iterations) {
            const id = idOf(i);
            expect(owner.has(id), `${id} sent by runner ${owner.get(id)} and runner ${runner}`).toBe(false);
            owner.set(id, runner);
          }
        });
      });
    }
  }

  it('a runner striped every D iterations still reaches every payee', () => {
    // 8 runners over 8 DFSPs: without the rotation, runner k would only ever pay DFSP k.
    const payees = new Set<number>();
    for (let j = 0; j < 64; j += 1) payees.add(payeeOf(3 + j * 8, 8, partiesPerDfsp).slot);
    expect(payees.size).toBe(8);
  });

  it('refuses impossible inputs by name', () => {
    expect(() => payeeOf(-1, 8, 10)).toThrow('iteration must be an integer ≥ 0, got -1');
    expect(() => payeeOf(0, 1, 10)).toThrow('dfspCount must be an integer ≥ 2, got 1');
    expect(() => payeeOf(0, 8, 0)).toThrow('partiesPerDfsp must be an integer ≥ 1, got 0');
  });
});

describe('weighted pairs', () => {
  const dfsps = fleetOf(4);
  const pairs = [
    { payer: 1, payee: 2, weight: 3 },
    { payer: 3, payee: 2, weight: 1.5 },
    { payer: 2, payee: 4, weight: 0.5 },
  ];
  const mix = planMix(dfsps, pairs);

  it('reduces weights to whole schedule slots', () => {
    expect(pairSlots([3, 1.5, 0.5])).toEqual([6, 3, 1]);
    expect(pairSlots([2, 2])).toEqual([1, 1]);
    expect(pairSlots([1 / 3, 2 / 3])).toEqual([333, 667]);
  });

  it('sends each pair exactly its share in every schedule period', () => {
    const period = 10; // 6 + 3 + 1 slots
    const counts = new Map<string, number>();
    for (let i = 0; i < period * 50; i += 1) {
      const { payer, payee } = chooseParties(i, mix, 1000, () => 0);
      counts.set(`${payer.index}>${payee.index}`, (counts.get(`${payer.index}>${payee.index}`) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({ '1>2': 300, '3>2': 150, '2>4': 50 });
  });

  it('spreads a pair over the period instead of sending it in a burst', () => {
    const firstHalf = Array.from({ length: 5 }, (_, i) => chooseParties(i, mix, 1000, () => 0));
    expect(firstHalf.filter((p) => p.payer.index === 1).length).toBe(3);
    expect(firstHalf.filter((p) => p.payer.index === 3).length).toBeGreaterThanOrEqual(1);
  });

  it('never repeats a payee identifier until that payee range is used up', () => {
    const partiesPerDfsp = 90; // payee 2 gets 9 of every 10 transfers
    const seen = new Set<string>();
    let toPayee2 = 0;
    for (let i = 0; i < 100; i += 1) {
      const { payeeId, payee } = chooseParties(i, mix, partiesPerDfsp, () => 0);
      if (payee.index === 2) toPayee2 += 1;
      expect(seen.has(payeeId), `${payeeId} at iteration ${i}`).toBe(false);
      seen.add(payeeId);
    }
    expect(toPayee2).toBe(90);
    // The 91st transfer to payee 2 comes back to its first identifier.
    const next = Array.from({ length: 20 }, (_, k) =>
      chooseParties(100 + k, mix, partiesPerDfsp, () => 0),
    ).find((p) => p.payee.index === 2);
    expect(next?.payeeId).toBe('250200000000');
  });

  it('refuses a schedule it cannot build', () => {
    expect(() => planMix(dfsps, [{ payer: 1, payee: 9, weight: 1 }])).toThrow(
      'no DFSP with index 9 in the fleet',
    );
    expect(() =>
      planMix(dfsps, [
        { payer: 1, payee: 2, weight: 1 },
        { payer: 2, payee: 1, weight: MAX_SCHEDULE_SLOTS },
      ]),
    ).toThrow(`weights need ${MAX_SCHEDULE_SLOTS + 1} schedule slots`);
  });
});
