/**
 * The smoke: every ordered payer→payee pair of the fleet through the payer SDK's outbound API (lookup,
 * quote, simple transfer — what k6 does per transfer), bounded in flight and by a deadline, then the
 * hub's own counters: its committed count must equal the transfers that completed, each DFSP's
 * position must have moved by what it paid minus what it was paid, and all positions net to zero.
 * The plan and the check are pure; `runSmoke` does the I/O.
 */
import { dfspId, partyIdentifier } from '@mlperf/core/fleet/names';
import type { StackPorts } from '../../stack/src/ports.js';
import {
  type HubCounters,
  mapBounded,
  readHubMetrics,
  type SdkTransferInput,
  type SdkTransferResult,
  sdkTransfer,
} from '../../stack/src/sdk-client.js';

export interface SmokeTransfer {
  payer: number;
  payee: number;
  /** Index of the payee identifier in the payee's range. */
  party: number;
  amount: string;
}

/** Each payer sends `<index>.5`, so every DFSP's expected position is distinct and checkable. */
export const smokeAmount = (payer: number): string => `${payer}.5`;

/**
 * Rounds of a Latin square: in shift s payer i pays payee i+s (mod count), so consecutive transfers
 * spread over every payer and payee SDK; each payee identifier is used once per payee unless the
 * range is smaller than rounds × (count − 1).
 */
export function smokePlan(count: number, partiesPerDfsp: number, rounds = 1): SmokeTransfer[] {
  const plan: SmokeTransfer[] = [];
  for (let round = 0; round < rounds; round++)
    for (let shift = 1; shift < count; shift++)
      for (let payer = 1; payer <= count; payer++)
        plan.push({
          payer,
          payee: ((payer - 1 + shift) % count) + 1,
          party: (round * (count - 1) + shift - 1) % partiesPerDfsp,
          amount: smokeAmount(payer),
        });
  return plan;
}

export type SmokeFailureStep = 'party' | 'quote' | 'transfer' | 'not-started';

/** One line of smoke.json. */
export interface SmokeOutcome {
  payer: string;
  payee: string;
  payerId: string;
  payeeId: string;
  amount: string;
  ok: boolean;
  transferId: string | null;
  /** Client-side time of the three steps; null when the transfer never started. */
  ms: number | null;
  failedAt?: SmokeFailureStep;
  detail?: string;
  currentState?: string;
  transferState?: string;
}

export interface HubCheck {
  committedBefore: number;
  committedAfter: number;
  committed: number;
  aborted: number;
  expired: number;
  /** Sum of the fleet's positions after the smoke (not the probe DFSPs'). */
  netPosition: number;
  /** Empty when the hub agrees with the smoke. */
  problems: string[];
}

export interface SmokeSummary {
  planned: number;
  committed: number;
  failed: number;
  notStarted: number;
  /** Failed transfers by the step that failed. */
  failedBy: Partial<Record<SmokeFailureStep, number>>;
  dfsps: number;
  rounds: number;
  concurrency: number;
  deadlineSeconds: number;
  wallMs: number;
  /** null when the hub's counters could not be read. */
  hub: HubCheck | null;
  /** Why the hub could not be checked, when it could not. */
  hubError?: string;
  outcomes: SmokeOutcome[];
  ok: boolean;
}

const EPSILON = 1e-6;
const delta = (after: Record<string, number>, before: Record<string, number>, key: string) =>
  (after[key] ?? 0) - (before[key] ?? 0);

/**
 * Compares the hub's counters before and after with the smoke's outcomes. Pure. Positions are those of
 * the fleet (`fleet`: its DFSP ids): the probe DFSPs belong to verify-security, whose probes can leave
 * reservations behind (a probe a weak hub accepted is prepared and never fulfilled).
 */
export function checkHub(
  before: HubCounters,
  after: HubCounters,
  outcomes: readonly SmokeOutcome[],
  fleet: readonly string[],
): HubCheck {
  const ok = outcomes.filter((o) => o.ok);
  const committed = delta(after.transfers, before.transfers, 'COMMITTED');
  const aborted = delta(after.transfers, before.transfers, 'ABORTED');
  const expired = delta(after.transfers, before.transfers, 'EXPIRED');
  const problems: string[] = [];
  if (committed !== ok.length) {
    problems.push(`the hub committed ${committed} transfers, the SDKs completed ${ok.length}`);
  }
  if (aborted !== 0) problems.push(`the hub aborted ${aborted} transfers`);
  if (expired !== 0) problems.push(`the hub expired ${expired} transfers`);
  const expected: Record<string, number> = {};
  for (const o of ok) {
    expected[o.payer] = (expected[o.payer] ?? 0) + Number(o.amount);
    expected[o.payee] = (expected[o.payee] ?? 0) - Number(o.amount);
  }
  const names = new Set([...fleet, ...Object.keys(expected)]);
  for (const name of [...names].sort()) {
    const moved = delta(after.positions, before.positions, name);
    const want = expected[name] ?? 0;
    if (Math.abs(moved - want) > EPSILON) {
      problems.push(`${name}'s position moved by ${round(moved)}, expected ${round(want)}`);
    }
  }
  const netPosition = fleet.reduce((sum, name) => sum + (after.positions[name] ?? 0), 0);
  if (Math.abs(netPosition) > EPSILON) {
    problems.push(`the fleet's positions net to ${round(netPosition)}, not 0`);
  }
  return {
    committedBefore: before.transfers.COMMITTED ?? 0,
    committedAfter: after.transfers.COMMITTED ?? 0,
    committed,
    aborted,
    expired,
    netPosition: round(netPosition),
    problems,
  };
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export interface SmokeInput {
  ports: StackPorts;
  currency: string;
  partiesPerDfsp: number;
  rounds: number;
  concurrency: number;
  deadlineSeconds: number;
  /** Replaces sdkTransfer (tests). */
  transfer?: (input: SdkTransferInput) => Promise<SdkTransferResult>;
  /** Replaces readHubMetrics (tests). */
  readMetrics?: (adminPort: number) => Promise<HubCounters>;
  now?: () => number;
}

/** Per request deadline: 30 s, or what is left of the whole smoke's deadline if that is less. */
const REQUEST_TIMEOUT_MS = 30_000;

export async function runSmoke(input: SmokeInput): Promise<SmokeSummary> {
  const now = input.now ?? Date.now;
  const transfer = input.transfer ?? sdkTransfer;
  const readMetrics = input.readMetrics ?? readHubMetrics;
  const count = input.ports.dfsps.length;
  const plan = smokePlan(count, input.partiesPerDfsp, input.rounds);
  let before: HubCounters | undefined;
  let hubError: string | undefined;
  try {
    before = await readMetrics(input.ports.hub.admin);
  } catch (error) {
    hubError = `reading the hub's counters before the smoke failed: ${message(error)}`;
  }
  const started = now();
  const deadline = started + input.deadlineSeconds * 1000;
  const outcomes = await mapBounded(plan, input.concurrency, async (item): Promise<SmokeOutcome> => {
    const payer = dfspId(item.payer);
    const payee = dfspId(item.payee);
    const base = {
      payer,
      payee,
      payerId: partyIdentifier(item.payer, 0),
      payeeId: partyIdentifier(item.payee, item.party),
      amount: item.amount,
    };
    const left = deadline - now();
    if (left <= 0) {
      return {
        ...base,
        ok: false,
        transferId: null,
        ms: null,
        failedAt: 'not-started',
        detail: `the smoke's deadline (${input.deadlineSeconds} s) had passed`,
      };
    }
    const result = await transfer({
      outboundPort: input.ports.dfsps[item.payer - 1]?.outbound ?? 0,
      payerFsp: payer,
      payerId: base.payerId,
      payeeFsp: payee,
      payeeId: base.payeeId,
      amount: item.amount,
      currency: input.currency,
      timeoutMs: Math.max(1_000, Math.min(REQUEST_TIMEOUT_MS, left)),
    });
    return {
      ...base,
      ok: result.ok,
      transferId: result.transferId,
      ms: result.ms,
      ...(result.failedAt ? { failedAt: result.failedAt } : {}),
      ...(result.detail ? { detail: result.detail } : {}),
      ...(result.currentState ? { currentState: result.currentState } : {}),
      ...(result.transferState ? { transferState: result.transferState } : {}),
    };
  });
  const wallMs = now() - started;
  let hub: HubCheck | null = null;
  if (before !== undefined) {
    try {
      const fleet = input.ports.dfsps.map((d) => d.fspId);
      hub = checkHub(before, await readMetrics(input.ports.hub.admin), outcomes, fleet);
    } catch (error) {
      hubError = `reading the hub's counters after the smoke failed: ${message(error)}`;
    }
  }
  return summarise(outcomes, {
    dfsps: count,
    rounds: input.rounds,
    concurrency: input.concurrency,
    deadlineSeconds: input.deadlineSeconds,
    wallMs,
    hub,
    hubError,
  });
}

/** Pure: the counts of a smoke and whether it passed (every transfer committed and the hub agrees). */
export function summarise(
  outcomes: SmokeOutcome[],
  facts: Pick<SmokeSummary, 'dfsps' | 'rounds' | 'concurrency' | 'deadlineSeconds' | 'wallMs' | 'hub'> & {
    hubError?: string | undefined;
  },
): SmokeSummary {
  const failedBy: SmokeSummary['failedBy'] = {};
  for (const o of outcomes) if (o.failedAt) failedBy[o.failedAt] = (failedBy[o.failedAt] ?? 0) + 1;
  const committed = outcomes.filter((o) => o.ok).length;
  const notStarted = failedBy['not-started'] ?? 0;
  const { hubError, ...rest } = facts;
  return {
    planned: outcomes.length,
    committed,
    failed: outcomes.length - committed - notStarted,
    notStarted,
    failedBy,
    ...rest,
    ...(hubError ? { hubError } : {}),
    outcomes,
    ok:
      outcomes.length > 0 &&
      committed === outcomes.length &&
      facts.hub !== null &&
      facts.hub.problems.length === 0,
  };
}

/** One sentence: what the smoke did and what the hub said. */
export function describeSmoke(smoke: SmokeSummary): string {
  const pairs = smoke.dfsps * (smoke.dfsps - 1);
  const scope =
    smoke.rounds === 1
      ? `every ordered pair of ${smoke.dfsps} DFSPs once`
      : `every ordered pair of ${smoke.dfsps} DFSPs ${smoke.rounds} times (${pairs} pairs)`;
  const head = `${smoke.committed} of ${smoke.planned} transfers committed through the payer SDKs (${scope}, ${smoke.concurrency} in flight) in ${(smoke.wallMs / 1000).toFixed(1)} s`;
  const failures = Object.entries(smoke.failedBy)
    .map(([step, n]) => `${step}: ${n}`)
    .join(', ');
  const failed = failures === '' ? '' : `; not committed by step: ${failures}`;
  const hub =
    smoke.hub === null
      ? `; the hub was not checked (${smoke.hubError ?? 'no counters'})`
      : smoke.hub.problems.length === 0
        ? `; the hub counted ${smoke.hub.committed} commits and every DFSP's position moved as paid, netting to 0`
        : `; the hub disagrees: ${smoke.hub.problems.join('; ')}`;
  return `${head}${failed}${hub}`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
