/**
 * Results of a pipeline run that stopped before its ladder produced any: preflight refused it, a
 * provision failed, or a phase is not there. The report job still has to say what happened, in the
 * same shape as a finished run, so the verdict is INVALID (nothing was proven either way) and the
 * hints name the phase that stopped the run and how every phase ended.
 */
import type { RunConfig } from '../config/index.js';
import { parseRunResults } from './io.js';
import type { RunResults } from './schema.js';
import { decideVerdict, maxSustainableRate } from './verdict.js';

/** How a job ended, as GitHub reports it in the `needs` context, or that no job ran the phase. */
export type PhaseResult = 'success' | 'failure' | 'cancelled' | 'skipped' | 'absent';

export interface PhaseOutcome {
  name: string;
  result: PhaseResult;
}

const GITHUB_RESULTS = new Set(['success', 'failure', 'cancelled', 'skipped']);

/** How each job of `needs` ended, keyed by job id. */
export type NeedsContext = Readonly<Record<string, { result?: unknown } | undefined>>;

/** `toJSON(needs)` of a job, read once; an empty text is no needs at all. */
export function parseNeeds(needsJson: string): NeedsContext {
  let needs: unknown;
  try {
    needs = needsJson.trim() === '' ? {} : JSON.parse(needsJson);
  } catch {
    throw new Error(
      `phases: got ${JSON.stringify(needsJson.slice(0, 60))}; allowed: the JSON of toJSON(needs)`,
    );
  }
  if (needs === null || typeof needs !== 'object' || Array.isArray(needs)) {
    throw new Error('phases: allowed: a JSON object keyed by job id, as toJSON(needs) gives');
  }
  return needs as NeedsContext;
}

/**
 * The phases of the pipeline in order, from the `needs` context (or its JSON) of the report job: each
 * listed phase with its job's result, `absent` for a phase that has no job in the workflow.
 */
export function phaseOutcomes(needs: string | NeedsContext, order: readonly string[]): PhaseOutcome[] {
  const jobs = typeof needs === 'string' ? parseNeeds(needs) : needs;
  return order.map((name) => {
    const result = jobs[name]?.result;
    if (result === undefined) return { name, result: 'absent' as const };
    if (typeof result !== 'string' || !GITHUB_RESULTS.has(result)) {
      throw new Error(
        `phases.${name}.result: got ${JSON.stringify(result)}; allowed: success, failure, cancelled or skipped`,
      );
    }
    return { name, result: result as PhaseResult };
  });
}

export interface IncompleteRunInput {
  config: RunConfig;
  runId: string;
  trigger: RunResults['trigger'];
  startedAt: string;
  finishedAt: string;
  phases: readonly PhaseOutcome[];
}

/** The first phase that did not succeed, with the reason in words. */
export function stoppingPhase(phases: readonly PhaseOutcome[]): string {
  const stopped = phases.find((phase) => phase.result !== 'success');
  if (stopped === undefined) return 'Every phase succeeded, but no results file was produced.';
  const how: Record<Exclude<PhaseResult, 'success'>, string> = {
    failure: 'failed',
    cancelled: 'was cancelled',
    skipped: 'was skipped (an earlier phase refused the run)',
    absent: 'is not part of the pipeline yet',
  };
  return `The run stopped at phase ${stopped.name}, which ${how[stopped.result as Exclude<PhaseResult, 'success'>]}.`;
}

export function incompleteRunResults(input: IncompleteRunInput): RunResults {
  const { config } = input;
  const seconds = Math.max(0, (Date.parse(input.finishedAt) - Date.parse(input.startedAt)) / 1000);
  const region = config.infrastructure.provider === 'aws' ? config.infrastructure.region : undefined;
  return parseRunResults({
    schemaVersion: 1,
    runId: input.runId,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    durationSeconds: Math.round(seconds),
    trigger: input.trigger,
    profile: config.profile,
    config,
    environment: {
      provider: config.infrastructure.provider,
      ...(region === undefined ? {} : { region }),
      versions: {},
      sizing: { nodes: [], dfspCount: config.dfsps.count },
    },
    security: null,
    rungs: [],
    verdict: decideVerdict([], config),
    maxSustainableRate: maxSustainableRate([]),
    hints: [
      stoppingPhase(input.phases),
      `Phases: ${input.phases.map((phase) => `${phase.name} ${phase.result}`).join(', ')}.`,
    ],
    artifacts: [],
  });
}
