/**
 * Who pays whom in one iteration. Pure: the entry passes k6's test-wide iteration number and a
 * random source.
 *
 * Payee and identifier are a function of `exec.scenario.iterationInTest`, which k6 keeps unique across
 * every runner of a distributed run (each runner numbers only the iterations of its execution
 * segment), so runners never pick the same identifier and need no coordination.
 *
 * - `uniform`: iteration i → block b = ⌊i / D⌋ (D = DFSPs), payee (i + b) mod D, party number
 *   b mod partiesPerDfsp. Within a block the payees are a rotation of all D DFSPs, so (payee, b) is
 *   unique for every i below D × partiesPerDfsp. The rotation by b keeps a runner whose iterations are
 *   striped every D (runner k of D runners) from always hitting one payee. The payer is uniform over
 *   the other D − 1 DFSPs, so every ordered pair is equally likely.
 * - weighted pairs: a fixed schedule of L slots holds each pair in proportion to its weight, spread
 *   evenly; iteration i takes slot i mod L of period p = ⌊i / L⌋, and the payee's party number is
 *   p × (the payee's slots per period) + (the slot's rank among them), unique until the payee's range is
 *   used up.
 */
import { partyIdentifier } from '../../../actions/core/src/fleet/names.js';
import type { Dfsp, WeightedPair } from './settings.js';

export interface TransferParties {
  payer: Dfsp;
  payee: Dfsp;
  /** The payer's own party: any of its range will do, it is never looked up. */
  payerId: string;
  /** The payee identifier looked up, quoted and paid. */
  payeeId: string;
}

/** Weights are counted in thousandths: a pair's share of the schedule is exact to 0.001 of a weight. */
export const WEIGHT_RESOLUTION = 1000;
/** Longest schedule a VU builds at init (every VU has its own copy). */
export const MAX_SCHEDULE_SLOTS = 10_000;

/** One slot of a weighted schedule: positions in the fleet, and the slot's rank among its payee's slots. */
interface ScheduleSlot {
  payer: number;
  payee: number;
  rank: number;
}

export type Mix =
  | { kind: 'uniform'; dfsps: readonly Dfsp[] }
  | { kind: 'weighted'; dfsps: readonly Dfsp[]; schedule: ScheduleSlot[]; slotsPerPayee: number[] };

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Each weight in whole slots, reduced by their common divisor; a weight below the resolution gets 0. */
export function pairSlots(weights: readonly number[]): number[] {
  const scaled = weights.map((w) => Math.round(w * WEIGHT_RESOLUTION));
  const divisor = scaled.reduce((a, b) => gcd(a, b), 0);
  return divisor === 0 ? scaled : scaled.map((s) => s / divisor);
}

/** The mix of a fleet: `dfsps` in fleet order; weighted pairs name DFSP indexes (perffsp<N>). */
export function planMix(dfsps: readonly Dfsp[], trafficMix: 'uniform' | readonly WeightedPair[]): Mix {
  if (trafficMix === 'uniform') return { kind: 'uniform', dfsps };
  const slotOf = (index: number): number => {
    const slot = dfsps.findIndex((d) => d.index === index);
    if (slot < 0) throw new RangeError(`no DFSP with index ${index} in the fleet`);
    return slot;
  };
  const counts = pairSlots(trafficMix.map((p) => p.weight));
  const total = counts.reduce((a, b) => a + b, 0);
  if (total < 1 || total > MAX_SCHEDULE_SLOTS || counts.some((c) => c < 1)) {
    throw new RangeError(
      `weights need ${total} schedule slots with none empty; allowed 1 … ${MAX_SCHEDULE_SLOTS}`,
    );
  }
  // Spread each pair's c slots at (k + ½)/c of the period so no pair comes in bursts.
  const keyed: Array<{ key: number; order: number; payer: number; payee: number }> = [];
  trafficMix.forEach((pair, order) => {
    const count = counts[order] ?? 0;
    const payer = slotOf(pair.payer);
    const payee = slotOf(pair.payee);
    for (let k = 0; k < count; k += 1) keyed.push({ key: (k + 0.5) / count, order, payer, payee });
  });
  keyed.sort((a, b) => a.key - b.key || a.order - b.order);
  const slotsPerPayee = new Array<number>(dfsps.length).fill(0);
  const schedule = keyed.map(({ payer, payee }) => {
    const rank = slotsPerPayee[payee] ?? 0;
    slotsPerPayee[payee] = rank + 1;
    return { payer, payee, rank };
  });
  return { kind: 'weighted', dfsps, schedule, slotsPerPayee };
}

function checkIteration(iteration: number): void {
  if (!Number.isInteger(iteration) || iteration < 0) {
    throw new RangeError(`iteration must be an integer ≥ 0, got ${iteration}`);
  }
}

/** Payee slot (0-based into the fleet) and party number of test-wide iteration `iteration` (uniform mix). */
export function payeeOf(
  iteration: number,
  dfspCount: number,
  partiesPerDfsp: number,
): { slot: number; party: number } {
  checkIteration(iteration);
  if (!Number.isInteger(dfspCount) || dfspCount < 2) {
    throw new RangeError(`dfspCount must be an integer ≥ 2, got ${dfspCount}`);
  }
  if (!Number.isInteger(partiesPerDfsp) || partiesPerDfsp < 1) {
    throw new RangeError(`partiesPerDfsp must be an integer ≥ 1, got ${partiesPerDfsp}`);
  }
  const block = Math.floor(iteration / dfspCount);
  return { slot: (iteration + block) % dfspCount, party: block % partiesPerDfsp };
}

/** A payer slot other than `payeeSlot`, uniform over the other `dfspCount - 1`; `random()` in [0, 1). */
export function payerOf(payeeSlot: number, dfspCount: number, random: () => number): number {
  const draw = Math.min(Math.floor(random() * (dfspCount - 1)), dfspCount - 2);
  return draw >= payeeSlot ? draw + 1 : draw;
}

/** Payer slot, payee slot and party number of `iteration` under a mix. */
function slotsOf(
  iteration: number,
  mix: Mix,
  partiesPerDfsp: number,
  random: () => number,
): { payer: number; payee: number; party: number } {
  if (mix.kind === 'uniform') {
    const { slot, party } = payeeOf(iteration, mix.dfsps.length, partiesPerDfsp);
    return { payer: payerOf(slot, mix.dfsps.length, random), payee: slot, party };
  }
  checkIteration(iteration);
  const period = Math.floor(iteration / mix.schedule.length);
  const at = mix.schedule[iteration % mix.schedule.length];
  if (at === undefined) throw new RangeError('the weighted schedule is empty');
  const perPeriod = mix.slotsPerPayee[at.payee] ?? 1;
  return { payer: at.payer, payee: at.payee, party: (period * perPeriod + at.rank) % partiesPerDfsp };
}

/** The parties of test-wide iteration `iteration`. */
export function chooseParties(
  iteration: number,
  mix: Mix,
  partiesPerDfsp: number,
  random: () => number,
): TransferParties {
  const { payer: payerSlot, payee: payeeSlot, party } = slotsOf(iteration, mix, partiesPerDfsp, random);
  const payee = mix.dfsps[payeeSlot];
  const payer = mix.dfsps[payerSlot];
  if (payee === undefined || payer === undefined) {
    throw new RangeError(`no DFSP at slot ${payerSlot} or ${payeeSlot} of ${mix.dfsps.length}`);
  }
  return {
    payer,
    payee,
    payerId: partyIdentifier(payer.index, party),
    payeeId: partyIdentifier(payee.index, party),
  };
}
