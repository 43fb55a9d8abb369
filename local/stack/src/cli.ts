/**
 * npx tsx local/stack/src/cli.ts up|down|status [--dfsps N] [--base-port P] [--run-dir D]
 *   [--profile local] [--prometheus] [--shared-redis] [--sdk-log errors|all] [--onboard]
 *
 * up      starts the stack in the foreground; Ctrl-C (or `down` from another shell) stops it.
 *         --onboard also onboards the hub, every DFSP (its party range) and the probe DFSPs.
 * down    stops the stack whose run directory is given (or the default one for the base port).
 * status  prints each process and endpoint of that stack; exit 0 only when everything is healthy.
 *
 * Exit codes: 0 ok, 1 failure, 2 usage error, 3 no stack found.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkHealth, healthPlan } from './endpoints.js';
import { absolute, defaultRunDir, defaultStackId, REPO_ROOT } from './paths.js';
import { DEFAULT_BASE_PORT, type RedisMode } from './ports.js';
import { groupAlive, pollUntil } from './process.js';
import { readState, type StackState, sameProcess } from './state.js';
import { type StackHandle, startStack } from './supervisor.js';

const USAGE = `usage: cli.ts up|down|status [--dfsps N] [--base-port P] [--run-dir D] [--profile NAME] [--prometheus] [--shared-redis] [--sdk-log errors|all] [--onboard]`;

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

class UsageError extends Error {}

function integerOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} must be an integer, got ${value}`);
  return n;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dfsps: { type: 'string' },
      'base-port': { type: 'string' },
      'run-dir': { type: 'string' },
      profile: { type: 'string', default: 'local' },
      prometheus: { type: 'boolean', default: false },
      'shared-redis': { type: 'boolean', default: false },
      'sdk-log': { type: 'string', default: 'errors' },
      onboard: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0];
  if (values.help) return { command: 'help' as const };
  if (positionals.length !== 1 || (command !== 'up' && command !== 'down' && command !== 'status')) {
    throw new UsageError(USAGE);
  }
  const sdkLog = values['sdk-log'];
  if (sdkLog !== 'errors' && sdkLog !== 'all') throw new UsageError('--sdk-log must be errors or all');
  const basePort = integerOption('base-port', values['base-port']) ?? DEFAULT_BASE_PORT;
  return {
    command: command as 'up' | 'down' | 'status',
    dfsps: integerOption('dfsps', values.dfsps),
    basePort,
    runDir: absolute(values['run-dir'] ?? defaultRunDir(defaultStackId(basePort))),
    profile: values.profile,
    prometheus: values.prometheus,
    redis: (values['shared-redis'] ? 'shared' : 'per-dfsp') as RedisMode,
    sdkLog: sdkLog as 'errors' | 'all',
    onboard: values.onboard,
  };
}

type Options = Exclude<ReturnType<typeof parse>, { command: 'help' }>;

function printStack(stack: StackHandle): void {
  out(`stack up in ${(stack.startMs / 1000).toFixed(1)} s — run directory ${stack.runDir}`);
  const { ports } = stack;
  if (stack.processes().some((p) => p.name === 'redis')) out(`  redis (shared)     127.0.0.1:${ports.redis}`);
  out(`  hub FSPIOP (mTLS)  127.0.0.1:${ports.hub.fspiop}`);
  out(`  hub admin          http://127.0.0.1:${ports.hub.admin}  (/health, /metrics)`);
  out(`  hub ALS admin      http://127.0.0.1:${ports.hub.als}`);
  for (const d of ports.dfsps) {
    out(
      `  ${d.fspId.padEnd(10)} outbound http://127.0.0.1:${d.outbound}  inbound :${d.inbound}  metrics :${d.metrics}  backend :${d.backend}  redis :${d.redis}`,
    );
  }
  if (stack.processes().some((p) => p.name === 'prometheus'))
    out(`  prometheus         http://127.0.0.1:${ports.prometheus}`);
  out(`logs in ${join(stack.runDir, 'logs')}; Ctrl-C or \`cli.ts down --run-dir ${stack.runDir}\` stops it`);
}

async function up(options: Options): Promise<number> {
  // Loaded here only: `status` and `down` do not need the configuration code.
  const { loadRunConfig } = await import('@mlperf/core/config/load');
  const config = await loadRunConfig({ profile: options.profile, profilesDir: join(REPO_ROOT, 'profiles') });
  const dfsps = { ...config.dfsps, count: options.dfsps ?? config.dfsps.count };
  out(`starting ${dfsps.count} DFSPs on base port ${options.basePort} (profile ${options.profile})…`);
  let stack: StackHandle;
  try {
    stack = await startStack({
      runDir: options.runDir,
      basePort: options.basePort,
      dfsps,
      security: config.security,
      prometheus: options.prometheus,
      redis: options.redis,
      sdkLogMode: options.sdkLog,
      handleSignals: false,
    });
  } catch (error) {
    err(error instanceof Error ? error.message : String(error));
    return 1;
  }
  if (options.onboard) {
    out(
      `onboarding the hub, ${dfsps.count} DFSPs (${dfsps.partiesPerDfsp} parties each) and the probe DFSPs…`,
    );
    try {
      const { onboardLocalStack } = await import('./onboard.js');
      const { ms, probeReceiverPort } = await onboardLocalStack(
        stack,
        { dfsps },
        { inboundTls: config.security.mtls },
      );
      out(`onboarded in ${(ms / 1000).toFixed(1)} s (probe receiver port ${probeReceiverPort})`);
    } catch (error) {
      err(`onboarding failed: ${error instanceof Error ? error.message : String(error)}`);
      await stack.stop();
      return 1;
    }
  }
  printStack(stack);
  const stopOnSignal = (signal: NodeJS.Signals) => {
    out(`${signal}: stopping…`);
    stack.stop().then(({ stopMs }) => out(`stopped in ${(stopMs / 1000).toFixed(1)} s`));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const end = await stack.done;
  if (end.reason === 'failed') {
    err(end.failure.message);
    return 1;
  }
  return 0;
}

async function down(options: Options): Promise<number> {
  const state = await readState(options.runDir);
  if (!state) {
    out(`no stack in ${options.runDir}`);
    return 3;
  }
  const live = () => state.processes.filter((p) => sameProcess(p.pid, p.startTicks) || groupAlive(p.pid));
  const supervisorAlive = () => sameProcess(state.supervisor.pid, state.supervisor.startTicks);
  if (supervisorAlive() && state.status !== 'stopped' && state.status !== 'failed') {
    out(`asking the supervisor (pid ${state.supervisor.pid}) to stop the stack…`);
    process.kill(state.supervisor.pid, 'SIGTERM');
    await pollUntil(() => !supervisorAlive() || (live().length === 0 && !supervisorAlive()), 60_000, 200);
    await pollUntil(() => live().length === 0, 10_000, 200);
  }
  // Whatever is still there (the supervisor died without cleaning up): stop it directly.
  for (const p of live()) {
    if (sameProcess(p.pid, p.startTicks)) signalGroup(p.pid, 'SIGTERM');
  }
  if (!(await pollUntil(() => live().length === 0, 5_000, 100))) {
    for (const p of live()) signalGroup(p.pid, 'SIGKILL');
    await pollUntil(() => live().length === 0, 3_000, 100);
  }
  const left = live();
  if (left.length > 0) {
    err(`still running: ${left.map((p) => `${p.name} (pid ${p.pid})`).join(', ')}`);
    return 1;
  }
  out(`stack in ${options.runDir} is down`);
  return 0;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // gone
  }
}

async function status(options: Options): Promise<number> {
  const state: StackState | undefined = await readState(options.runDir);
  if (!state) {
    out(`no stack in ${options.runDir}`);
    return 3;
  }
  const supervisor = sameProcess(state.supervisor.pid, state.supervisor.startTicks) ? 'running' : 'gone';
  out(`stack ${state.runDir}: ${state.status} (supervisor pid ${state.supervisor.pid} ${supervisor})`);
  if (state.failure) out(`  failure: ${state.failure}`);
  for (const p of state.processes) {
    out(
      `  ${p.name.padEnd(18)} pid ${String(p.pid).padEnd(8)} ${sameProcess(p.pid, p.startTicks) ? 'running' : 'gone'}`,
    );
  }
  const checks = await checkHealth(
    healthPlan(state.ports, { prometheus: state.prometheus, redis: state.redis }),
  );
  for (const c of checks) out(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.process.padEnd(18)} ${c.endpoint}`);
  return state.status === 'up' && checks.every((c) => c.ok) ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(argv);
  } catch (error) {
    err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  if (options.command === 'help') {
    out(USAGE);
    return 0;
  }
  if (options.command === 'up') return up(options);
  if (options.command === 'down') return down(options);
  return status(options);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
