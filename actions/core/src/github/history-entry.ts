/**
 * One run as the history store keeps it: a compact entry (the figures a trend or a regression check
 * needs, not the whole results.json) filed under its series. A series holds only runs that can be
 * compared: same profile, same target rate (the highest configured ladder rung), same DFSP count and
 * same security switches; changing any of them starts a new series and a new file.
 */
import { z } from 'zod';
import type { RunConfig } from '../config/schema.js';
import type { RungResult, RunResults } from '../results/schema.js';
import { ladderTargetRate } from '../results/verdict.js';

const OUTCOME = z.enum(['PASS', 'FAIL', 'INVALID']);
const ms = () => z.number().min(0).nullable();

export const HistoryRungSchema = z.strictObject({
  index: z.int().min(1),
  kind: z.enum(['ladder', 'stress']),
  targetRate: z.number().gt(0).describe('transfers/s'),
  achievedRate: z.number().min(0).nullable().describe('transfers/s over the steady window'),
  successPercent: z.number().min(0).max(100).nullable(),
  transferP95Ms: ms(),
  transferP99Ms: ms().describe(
    'The figure the regression check compares (Mojaloop publishes the transfer leg)',
  ),
  e2eP95Ms: ms(),
  e2eP99Ms: ms(),
  outcome: OUTCOME,
});

export const HistoryEntrySchema = z.strictObject({
  series: z.string().min(1).describe('See historySeries: profile/target-rate, DFSPs and security'),
  runId: z.string().min(1),
  finishedAt: z.iso.datetime({ offset: true }),
  trigger: z.enum(['manual', 'pull_request', 'release', 'rehearsal']),
  outcome: OUTCOME.describe('The verdict of the run'),
  maxSustainableRate: z.number().gt(0).nullable().describe('transfers/s; null when no rung passed'),
  rungs: z.array(HistoryRungSchema),
});

export type HistoryRung = z.infer<typeof HistoryRungSchema>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** `mtls-jws-ilp`: the configured switches, in a fixed order, as a file-name fragment. */
export function securityTag(security: RunConfig['security']): string {
  const parts: string[] = [];
  if (security.mtls) parts.push('mtls');
  if (security.jwsSign) parts.push(security.jwsValidate ? 'jws' : 'jwssign');
  if (security.ilp) parts.push('ilp');
  return parts.length === 0 ? 'no-security' : parts.join('-');
}

/** `aws-1000tps/1000tps-8dfsps-mtls-jws-ilp`: the series a run belongs to. */
export function historySeries(results: Pick<RunResults, 'profile' | 'config'>): string {
  const { config } = results;
  return `${results.profile}/${ladderTargetRate(config)}tps-${config.dfsps.count}dfsps-${securityTag(config.security)}`;
}

/** `history/aws-1000tps/1000tps-8dfsps-mtls-jws-ilp.json`: the file of the run's series. */
export function historyPath(results: Pick<RunResults, 'profile' | 'config'>, root = 'history'): string {
  return `${root.replace(/\/+$/, '')}/${historySeries(results)}.json`;
}

function round(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function historyRung(rung: RungResult): HistoryRung {
  const { transfer, e2e } = rung.latency;
  return {
    index: rung.index,
    kind: rung.kind,
    targetRate: rung.targetRate,
    achievedRate: round(rung.achievedRate, 2),
    successPercent: round(rung.successPercent, 3),
    transferP95Ms: round(transfer.p95, 1),
    transferP99Ms: round(transfer.p99, 1),
    e2eP95Ms: round(e2e.p95, 1),
    e2eP99Ms: round(e2e.p99, 1),
    outcome: rung.outcome,
  };
}

/** The compact entry of a run, figures rounded (rates and ms to 0.01/0.1, percentages to 0.001). */
export function historyEntryFromResults(results: RunResults): HistoryEntry {
  return {
    series: historySeries(results),
    runId: results.runId,
    finishedAt: results.finishedAt,
    trigger: results.trigger,
    outcome: results.verdict.outcome,
    maxSustainableRate: results.maxSustainableRate.rate,
    rungs: results.rungs.map(historyRung),
  };
}
