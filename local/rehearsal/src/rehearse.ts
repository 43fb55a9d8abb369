/**
 * The rehearsal's steps, in order, each timed and logged as one line: configuration, stack, onboarding,
 * verify-security, smoke, stop, results. The stack is stopped whatever happens (a failed step, an
 * exception, Ctrl-C/SIGTERM). The ladder does not run: there is no k6 runner (see ladder.ts).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { localSecurityTarget } from '@mlperf/core';
import { RunConfigError } from '@mlperf/core/config/errors';
import type { RunConfig } from '@mlperf/core/config/schema';
import type { RunResults } from '@mlperf/core/results/schema';
import { type SecurityPosture, verifySecurity } from '@mlperf/core/security/index';
import { onboardLocalStack, probeReceiverPort } from '../../stack/src/onboard.js';
import { REPO_ROOT } from '../../stack/src/paths.js';
import { groupAlive, pidAlive } from '../../stack/src/process.js';
import { type StackHandle, startStack } from '../../stack/src/supervisor.js';
import { loadRehearsalConfig } from './config.js';
import { writeRehearsalFiles } from './files.js';
import { installSignalHandlers } from './interrupt.js';
import { type LadderSkip, ladderSkip } from './ladder.js';
import type { RehearsalOptions } from './options.js';
import { displayPath, finalBlock, type StepName, type StepStatus, seconds, stepLine } from './output.js';
import { rehearsalRunId, type StepFailure, unprovenControls } from './results.js';
import { runSmoke, type SmokeSummary } from './smoke.js';

export interface RehearsalIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

/** Everything the steps learn; what the final block and results.json are made of. */
interface RunState {
  io: RehearsalIo;
  runId: string;
  startedAt: Date;
  config: RunConfig;
  basePort: number;
  runDir: string;
  temporaryRunDir: boolean;
  stack: StackHandle | undefined;
  /** Set when a process of the running stack died (the supervisor stopped the rest). */
  stackDied: string | undefined;
  posture: SecurityPosture | null;
  smoke: SmokeSummary | null;
  smokeSkipped: string | undefined;
  failures: StepFailure[];
  ladder: LadderSkip;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function rehearse(options: RehearsalOptions, io: RehearsalIo): Promise<number> {
  const startedAt = new Date();
  const t0 = performance.now();
  // After Ctrl-C the signal handler owns the ending: the steps still unwinding print nothing more.
  const run = { interrupted: false };
  const quiet: RehearsalIo = {
    ...io,
    out: (line) => run.interrupted || io.out(line),
    err: (line) => run.interrupted || io.err(line),
  };
  const log = (step: StepName, status: StepStatus, since: number | null, detail: string) =>
    quiet.out(stepLine(step, status, since === null ? null : performance.now() - since, detail));

  // ---- 1. configuration: bad input is exit 2 with every issue, before anything starts
  let t = performance.now();
  let loaded: Awaited<ReturnType<typeof loadRehearsalConfig>>;
  try {
    loaded = await loadRehearsalConfig({
      profile: options.profile,
      sets: options.sets,
      configFile: options.configFile,
      basePort: options.basePort,
    });
  } catch (error) {
    if (!(error instanceof RunConfigError)) throw error;
    log('config', 'FAILED', t, 'bad input: nothing was started');
    io.err(error.message);
    return 2;
  }
  const { config, basePort } = loaded;
  const { dfsps, security } = config;
  const switches = Object.entries(security)
    .map(([name, on]) => `${name} ${on ? 'on' : 'off'}`)
    .join(', ');
  log(
    'config',
    'ok',
    t,
    `profile ${config.profile}: ${dfsps.count} DFSPs × ${dfsps.partiesPerDfsp} parties in ${dfsps.currency}; ${switches}; base port ${basePort}`,
  );

  const runId = rehearsalRunId(startedAt);
  const resultsDir = resolve(options.resultsDir ?? join(REPO_ROOT, 'results', runId));
  const state: RunState = {
    io: quiet,
    runId,
    startedAt,
    config,
    basePort,
    runDir: options.runDir ? resolve(options.runDir) : await mkdtemp(join(tmpdir(), 'mlperf-rehearsal-')),
    temporaryRunDir: options.runDir === undefined,
    stack: undefined,
    stackDied: undefined,
    posture: null,
    smoke: null,
    smokeSkipped: undefined,
    failures: [],
    ladder: ladderSkip(),
  };
  const removeSignalHandlers = installSignalHandlers(state, io.err, () => {
    run.interrupted = true;
  });
  try {
    await runStackSteps(state, options, log);
  } finally {
    // ---- 6. stop: always, whatever happened above
    t = performance.now();
    const stopped = await stopStack(state);
    log(
      'stop',
      stopped.ok ? 'ok' : stopped.skipped ? 'skipped' : 'FAILED',
      stopped.skipped ? null : t,
      stopped.detail,
    );
    if (!stopped.ok && !stopped.skipped) state.failures.push({ step: 'stop', message: stopped.detail });
    if (!run.interrupted) removeSignalHandlers();
  }
  // Interrupted: no results; the signal handler stops the stack and exits.
  if (run.interrupted) return new Promise<number>(() => undefined);

  // ---- 7. results: results.json (schema-valid), report.md, smoke.json
  t = performance.now();
  const files: Array<{ label: string; path: string }> = [];
  let results: RunResults | null = null;
  try {
    const written = await writeRehearsalFiles(resultsDir, {
      runId,
      startedAt,
      config,
      posture: state.posture,
      ladder: state.ladder,
      smoke: state.smoke,
      smokeSkipped: state.smokeSkipped,
      failures: state.failures,
    });
    results = written.results;
    files.push(...written.files.map((f) => ({ label: f.label, path: displayPath(f.path, io.cwd) })));
    log(
      'results',
      'ok',
      t,
      `${written.files.map((f) => f.name).join(', ')} in ${displayPath(resultsDir, io.cwd)}`,
    );
  } catch (error) {
    state.failures.push({ step: 'results', message: message(error) });
    log('results', 'FAILED', t, message(error).split('\n', 1)[0] ?? '');
    io.err(message(error));
  }

  const exitCode = state.failures.length === 0 ? 0 : 1;
  for (const line of finalBlock({
    runId,
    totalMs: performance.now() - t0,
    results,
    posture: state.posture,
    smoke: state.smoke,
    smokeSkipped: state.smokeSkipped,
    ladder: state.ladder,
    rates: config.ladder.rungs.map((rung) => rung.rate),
    files,
    failures: state.failures,
    exitCode,
  }))
    io.out(line);
  return exitCode;
}

type Log = (step: StepName, status: StepStatus, since: number | null, detail: string) => void;

/** Steps 2–5. A failure is recorded in state.failures and skips what depends on it. */
async function runStackSteps(state: RunState, options: RehearsalOptions, log: Log): Promise<void> {
  const { config } = state;
  const fail = (step: StepName, since: number, error: string) => {
    state.failures.push({ step, message: error });
    const [first, ...rest] = error.split('\n');
    log(step, 'FAILED', since, first ?? '');
    // The rest (a process's log tail, redacted by the supervisor) goes to stderr.
    if (rest.length > 0) state.io.err(rest.join('\n'));
  };
  const skip = (steps: readonly StepName[], why: string) => {
    for (const step of steps) log(step, 'skipped', null, why);
    state.smokeSkipped = why;
  };

  // ---- 2. stack
  let t = performance.now();
  try {
    state.stack = await startStack({
      runDir: state.runDir,
      basePort: state.basePort,
      dfsps: {
        count: config.dfsps.count,
        partiesPerDfsp: config.dfsps.partiesPerDfsp,
        currency: config.dfsps.currency,
      },
      security: config.security,
      sdkLogMode: options.sdkLog,
      // This module stops the stack itself on SIGINT/SIGTERM (installSignalHandlers), then writes nothing.
      handleSignals: false,
    });
  } catch (error) {
    fail('stack', t, message(error));
    skip(['onboard', 'security', 'smoke'], 'the stack did not start');
    return;
  }
  const stack = state.stack;
  void stack.done.then((end) => {
    if (end.reason === 'failed') state.stackDied = end.failure.message;
  });
  log(
    'stack',
    'ok',
    t,
    `${config.dfsps.count} DFSPs up (${stack.processes().length} processes) on base port ${state.basePort}; run directory ${state.runDir}${state.temporaryRunDir ? ' (temporary)' : ''}`,
  );
  const died = () => {
    if (state.stackDied === undefined) return false;
    if (!state.failures.some((f) => f.step === 'stack')) {
      state.failures.push({ step: 'stack', message: state.stackDied });
    }
    return true;
  };

  // ---- 3. onboarding (the fleet and verify-security's probe DFSPs)
  t = performance.now();
  try {
    const { summary } = await onboardLocalStack(
      stack,
      { dfsps: config.dfsps },
      { runId: state.runId, inboundTls: config.security.mtls },
    );
    log(
      'onboard',
      'ok',
      t,
      `hub, ${config.dfsps.count} DFSPs × ${config.dfsps.partiesPerDfsp} parties and ${summary.dfsps.length - config.dfsps.count} probe DFSPs`,
    );
  } catch (error) {
    fail('onboard', t, died() ? `the stack died: ${state.stackDied}` : message(error));
    skip(['security', 'smoke'], 'onboarding failed');
    return;
  }

  // ---- 4. verify-security: negative probes against the running hub
  t = performance.now();
  try {
    const scheme = config.security.mtls ? 'https' : 'http';
    state.posture = await verifySecurity(
      await localSecurityTarget({
        runDir: state.runDir,
        hubUrl: `${scheme}://127.0.0.1:${stack.ports.hub.fspiop}`,
        currency: config.dfsps.currency,
        receiverPort: probeReceiverPort(stack.ports),
      }),
    );
    const open = unprovenControls(state.posture);
    if (open.length === 0)
      log('security', 'ok', t, 'every control proven: mTLS, JWS validation, ILP, expiry');
    else fail('security', t, `not proven: ${open.join(', ')}`);
  } catch (error) {
    fail('security', t, `verify-security could not run: ${message(error)}`);
  }
  if (died()) {
    skip(['smoke'], 'a process of the stack died');
    return;
  }

  // ---- 5. smoke: every ordered payer→payee pair through the payer SDKs, then the hub's counters
  t = performance.now();
  try {
    state.smoke = await runSmoke({
      ports: stack.ports,
      currency: config.dfsps.currency,
      partiesPerDfsp: config.dfsps.partiesPerDfsp,
      rounds: options.smokeRounds,
      concurrency: options.smokeConcurrency ?? config.dfsps.count,
      deadlineSeconds: options.smokeDeadlineSeconds,
    });
    const s = state.smoke;
    const detail = `${s.committed} of ${s.planned} committed, ${s.concurrency} in flight; hub ${s.hub === null ? 'not checked' : s.hub.problems.length === 0 ? `agrees (${s.hub.committed} commits, the fleet's positions net to 0)` : `disagrees: ${s.hub.problems.join('; ')}`}`;
    if (s.ok && !died()) log('smoke', 'ok', t, detail);
    else fail('smoke', t, died() ? `${detail}; the stack died: ${state.stackDied}` : detail);
  } catch (error) {
    fail('smoke', t, message(error));
  }
}

interface StopOutcome {
  ok: boolean;
  skipped: boolean;
  detail: string;
}

async function stopStack(state: RunState): Promise<StopOutcome> {
  const stack = state.stack;
  let outcome: StopOutcome;
  if (stack === undefined) {
    outcome = {
      ok: true,
      skipped: true,
      detail: 'no stack was running (a failed start stops what it started)',
    };
  } else {
    const processes = stack.processes();
    const { stopMs } = await stack.stop();
    const left = processes.filter((p) => pidAlive(p.pid) || groupAlive(p.pid));
    outcome =
      left.length === 0
        ? {
            ok: true,
            skipped: false,
            detail: `${processes.length} processes stopped in ${seconds(stopMs)}, none left`,
          }
        : {
            ok: false,
            skipped: false,
            detail: `still running after stop: ${left.map((p) => `${p.name} (pid ${p.pid})`).join(', ')}`,
          };
  }
  if (!state.temporaryRunDir) return outcome;
  // After a failure the processes' logs are the evidence: keep them (a start refused before anything
  // ran, e.g. for a busy port, has none).
  if ((state.failures.length > 0 || !outcome.ok) && existsSync(join(state.runDir, 'logs'))) {
    return {
      ...outcome,
      detail: `${outcome.detail}; temporary run directory kept for its logs: ${state.runDir}`,
    };
  }
  await rm(state.runDir, { recursive: true, force: true });
  return outcome;
}
