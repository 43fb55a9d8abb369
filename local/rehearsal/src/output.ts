/**
 * What the rehearsal prints: one line per step as it ends, and a short final block. Pure: strings in,
 * lines out.
 */
import { relative } from 'node:path';
import type { RunResults } from '@mlperf/core/results/schema';
import { CONTROL_LABELS, CONTROLS, type SecurityPosture } from '@mlperf/core/security/posture';
import { type LadderSkip, ladderSkipReason } from './ladder.js';
import type { StepFailure } from './results.js';
import { describeSmoke, type SmokeSummary } from './smoke.js';

export const STEPS = ['config', 'stack', 'onboard', 'security', 'smoke', 'stop', 'results'] as const;
export type StepName = (typeof STEPS)[number];
export type StepStatus = 'ok' | 'FAILED' | 'skipped';

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `[2/7] stack     ok       12.3 s  8 DFSPs up on base port 20000` */
export function stepLine(step: StepName, status: StepStatus, ms: number | null, detail: string): string {
  const index = STEPS.indexOf(step) + 1;
  const time = ms === null ? '' : seconds(ms);
  return `[${index}/${STEPS.length}] ${step.padEnd(9)} ${status.padEnd(7)} ${time.padStart(7)}  ${detail}`;
}

/** A path as the user would type it from `cwd`: relative when inside it, absolute otherwise. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

export interface FinalBlockInput {
  runId: string;
  totalMs: number;
  results: RunResults | null;
  posture: SecurityPosture | null;
  smoke: SmokeSummary | null;
  smokeSkipped?: string | undefined;
  ladder: LadderSkip;
  rates: readonly number[];
  files: ReadonlyArray<{ label: string; path: string }>;
  failures: readonly StepFailure[];
  exitCode: number;
}

export function finalBlock(input: FinalBlockInput): string[] {
  const lines = ['', `==== rehearsal ${input.runId} (${seconds(input.totalMs)}) ====`];
  if (input.results !== null) {
    lines.push(`verdict: ${input.results.verdict.outcome} — ${input.results.verdict.summary}`);
  } else {
    lines.push('verdict: none — results.json was not written');
  }
  if (input.posture === null) {
    lines.push('security posture: not verified (verify-security did not run)');
  } else {
    lines.push('security posture (proven by negative probes):');
    for (const control of CONTROLS) {
      lines.push(`  ${CONTROL_LABELS[control].padEnd(22)} ${input.posture.controls[control].status}`);
    }
  }
  lines.push(
    input.smoke === null
      ? `smoke: not run (${input.smokeSkipped ?? 'an earlier step failed'})`
      : `smoke: ${describeSmoke(input.smoke)}`,
  );
  for (const file of input.files) lines.push(`${`${file.label}:`.padEnd(9)} ${file.path}`);
  lines.push(`LADDER SKIPPED: ${ladderSkipReason(input.ladder, input.rates)}`);
  if (input.failures.length === 0) {
    lines.push(
      `rehearsal: OK (exit ${input.exitCode}) — the stack, onboarding, every security control and every smoke transfer passed; the ladder did not run.`,
    );
  } else {
    lines.push(
      `rehearsal: FAILED (exit ${input.exitCode}) — ${input.failures.map((f) => f.step).join(', ')}:`,
    );
    for (const failure of input.failures)
      lines.push(`  ${failure.step}: ${failure.message.split('\n', 1)[0]}`);
  }
  return lines;
}
