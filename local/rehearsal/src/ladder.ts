/**
 * Why the ladder does not run in the rehearsal, as data. The ladder's rungs are driven by k6, which
 * is not installed on this machine (README, "k6"); and even where k6 is on PATH, the k6 runner that
 * would drive it is not built yet. Either way no rung runs, and the rehearsal says so loudly.
 */
import { locateTool } from '@mlperf/core/workflows/command';

export type LadderSkip = { reason: 'k6-not-installed' } | { reason: 'runner-not-built'; k6Path: string };

/** `path` is a PATH value; the pinned tools directory (MLPERF_TOOLS_BIN) is searched too, as for every tool. */
export function ladderSkip(
  path: string | undefined = process.env.PATH,
  isExecutable?: (file: string) => boolean,
): LadderSkip {
  const env = { PATH: path ?? '', MLPERF_TOOLS_BIN: process.env.MLPERF_TOOLS_BIN };
  const k6Path = locateTool('k6', env, isExecutable) ?? undefined;
  return k6Path === undefined ? { reason: 'k6-not-installed' } : { reason: 'runner-not-built', k6Path };
}

/** The text after `LADDER SKIPPED: `. */
export function ladderSkipReason(skip: LadderSkip, rates: readonly number[]): string {
  const rungs = `no TPS rung ran (configured: ${rates.join(', ')} transfers/s)`;
  if (skip.reason === 'runner-not-built') {
    return `the k6 runner is not built yet (k6 is on PATH at ${skip.k6Path}, but nothing drives it), so ${rungs}.`;
  }
  return (
    `k6 is not installed on this machine (no k6 on PATH; see README, "k6"), so ${rungs}. ` +
    'Running the ladder needs k6 on PATH and the k6 runner, which is not built yet.'
  );
}

/** The hint in results.json: one sentence. */
export function ladderHint(skip: LadderSkip, rates: readonly number[]): string {
  const why =
    skip.reason === 'runner-not-built'
      ? `the k6 runner is not built yet (k6 itself is on PATH at ${skip.k6Path})`
      : 'k6 is not installed on this machine (no k6 on PATH; it needs k6 on PATH and the k6 runner, not built yet)';
  return `The ladder was skipped because ${why}, so none of the configured rungs (${rates.join(', ')} transfers/s) ran and the verdict is INVALID: the target rate is not proven either way.`;
}
