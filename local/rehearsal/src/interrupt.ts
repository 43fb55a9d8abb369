/**
 * Ctrl-C and SIGTERM during a rehearsal. The stack supervisor's own handler is off
 * (`handleSignals: false`) so that this one can also remove a temporary run directory and say that no
 * results were written.
 */
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { StackHandle } from '../../stack/src/supervisor.js';
import { seconds } from './output.js';

/** Read when a signal arrives: the stack may have started since the handler was installed. */
export interface InterruptTarget {
  stack: StackHandle | undefined;
  runDir: string;
  temporaryRunDir: boolean;
}

/**
 * Ctrl-C / SIGTERM: stop the stack, remove a temporary run directory, exit 130 / 143 without results.
 * While the stack is still starting there is no handle to stop: the process exits at once, and the
 * supervisor's exit hook (SIGTERM to every process group it started) and its detached watchdog
 * (SIGKILL after the grace period) stop what had started.
 *
 * Under `tsx` (npm run rehearse) one Ctrl-C can arrive twice: from the terminal and relayed by the tsx
 * parent when it did not see this process take it within 30 ms. So a repeat within a second is the
 * same interruption; a later one exits at once (the watchdog stops whatever is left).
 */
const DUPLICATE_SIGNAL_MS = 1_000;

export function installSignalHandlers(
  state: InterruptTarget,
  err: (line: string) => void,
  onInterrupt: () => void,
): () => void {
  let firstAt: number | undefined;
  const removeTemporaryRunDir = () => {
    if (state.temporaryRunDir) rmSync(state.runDir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGINT' ? 130 : 143;
    if (firstAt !== undefined) {
      if (performance.now() - firstAt < DUPLICATE_SIGNAL_MS) return;
      err(`${signal} again: exiting now; the stack's watchdog stops whatever is left`);
      removeTemporaryRunDir();
      process.exit(code);
    }
    firstAt = performance.now();
    onInterrupt();
    const stack = state.stack;
    const finish = () => {
      removeTemporaryRunDir();
      err(`rehearsal interrupted by ${signal}: no results written (exit ${code})`);
      process.exit(code);
    };
    if (!stack) {
      err(`${signal}: interrupted while the stack was starting; its exit hook and watchdog stop it`);
      finish();
      return;
    }
    err(`${signal}: interrupted — stopping the stack…`);
    // Stopping takes the grace period at most (then SIGKILL); never wait for it forever.
    setTimeout(finish, 30_000);
    stack
      .stop()
      .then(({ stopMs }) => err(`stack stopped in ${seconds(stopMs)}`))
      .catch((error: unknown) =>
        err(`stopping failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(finish);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
