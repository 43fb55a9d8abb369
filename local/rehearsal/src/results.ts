/**
 * The rehearsal's results.json, assembled from what ran and parsed with the core's own
 * parseRunResults, so a file this module returns is schema-valid by construction. No rung ran (the
 * ladder is skipped), so the verdict is the one decideVerdict gives an empty ladder: INVALID.
 */
import type { RunConfig } from '@mlperf/core/config/schema';
import { parseRunResults } from '@mlperf/core/results/io';
import {
  RUN_RESULTS_SCHEMA_VERSION,
  type RunArtifact,
  type RunResults,
  type RunResultsInput,
} from '@mlperf/core/results/schema';
import { decideVerdict, maxSustainableRate } from '@mlperf/core/results/verdict';
import { CONTROL_LABELS, CONTROLS, type SecurityPosture } from '@mlperf/core/security/posture';
import { type LadderSkip, ladderHint } from './ladder.js';
import { describeSmoke, type SmokeSummary } from './smoke.js';

export interface StepFailure {
  step: string;
  message: string;
}

export interface RehearsalFacts {
  runId: string;
  startedAt: Date;
  finishedAt: Date;
  config: RunConfig;
  versions: { node: string; sdkSchemeAdapter?: string | undefined };
  /** null when verify-security did not run. */
  posture: SecurityPosture | null;
  ladder: LadderSkip;
  /** null when the smoke did not run; `smokeSkipped` says why. */
  smoke: SmokeSummary | null;
  smokeSkipped?: string | undefined;
  failures: readonly StepFailure[];
  artifacts: readonly RunArtifact[];
}

export function rehearsalRunId(at: Date): string {
  return `rehearsal-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
}

/** Controls verify-security did not prove, as `label (status)`; empty when every one is proven. */
export function unprovenControls(posture: SecurityPosture): string[] {
  return CONTROLS.filter((c) => posture.controls[c].status !== 'proven').map(
    (c) => `${CONTROL_LABELS[c]} (${posture.controls[c].status})`,
  );
}

export function rehearsalHints(facts: RehearsalFacts): string[] {
  const rates = facts.config.ladder.rungs.map((rung) => rung.rate);
  const hints = [ladderHint(facts.ladder, rates)];
  hints.push(
    facts.smoke === null
      ? `Smoke: not run (${facts.smokeSkipped ?? 'an earlier step failed'}).`
      : `Smoke: ${describeSmoke(facts.smoke)}.`,
  );
  if (facts.posture !== null) {
    const open = unprovenControls(facts.posture);
    if (open.length > 0) hints.push(`verify-security did not prove: ${open.join(', ')}.`);
  }
  for (const failure of facts.failures) {
    hints.push(`The ${failure.step} step failed: ${firstLine(failure.message)}.`);
  }
  return hints;
}

export function buildRehearsalResults(facts: RehearsalFacts): RunResults {
  const rungs: RunResultsInput['rungs'] = [];
  const input: RunResultsInput = {
    schemaVersion: RUN_RESULTS_SCHEMA_VERSION,
    runId: facts.runId,
    startedAt: facts.startedAt.toISOString(),
    finishedAt: facts.finishedAt.toISOString(),
    durationSeconds: Math.max(0, (facts.finishedAt.getTime() - facts.startedAt.getTime()) / 1000),
    trigger: 'rehearsal',
    profile: facts.config.profile,
    config: facts.config,
    environment: {
      provider: 'local',
      versions: {
        node: facts.versions.node,
        ...(facts.versions.sdkSchemeAdapter ? { sdkSchemeAdapter: facts.versions.sdkSchemeAdapter } : {}),
        hub: 'emulator',
      },
      sizing: { nodes: [], dfspCount: facts.config.dfsps.count },
    },
    security: facts.posture,
    rungs,
    verdict: decideVerdict(rungs, facts.config),
    maxSustainableRate: maxSustainableRate(rungs),
    hints: rehearsalHints(facts),
    artifacts: [...facts.artifacts],
  };
  return parseRunResults(input);
}

function firstLine(text: string): string {
  return (text.split('\n', 1)[0] ?? '').replace(/[.\s]+$/, '');
}
