/**
 * Names the TestRun and the script agree on. The env names and the summary marker live in the core's
 * import-free actions/core/src/k8s/runner-env.ts, which the TestRun builder uses too; the bundler
 * inlines them.
 */
import { RUNNER_ENV, SCRIPT_ENV, SUMMARY_MARKER } from '../../../actions/core/src/k8s/runner-env.js';

export { RUNNER_ENV, SCRIPT_ENV, SUMMARY_MARKER };

/**
 * The exported function the rung's scenario runs (ladder/plan.ts `TRANSFER_EXEC`). The entry exports
 * it under this name and as `default`.
 */
export const TRANSFER_EXEC = 'transfer';

/** What `handleSummary` returns: one stdout line the runner collects after the run. */
export function summaryOutput(data: unknown): { stdout: string } {
  return { stdout: `${SUMMARY_MARKER} ${JSON.stringify(data)}\n` };
}
