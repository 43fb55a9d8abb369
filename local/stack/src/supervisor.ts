/**
 * The local stack supervisor: creates the run directory and PKI, writes hub.json and each SDK's
 * environment, starts Redis, the hub emulator and per DFSP a backend simulator and an SDK scheme
 * adapter 18, waits for each to be healthy (each with a deadline), and stops everything — on request,
 * when any child fails, on Ctrl-C/SIGTERM and on exit.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROBE_FSP_IDS } from '@mlperf/core';
import { ensurePki, ensurePrivateDir, type PkiMaterial, writePrivateFile } from '../../pki/src/index.js';
import { checkHealth, healthPlan, type Probe, redisServers } from './endpoints.js';
import { portFree, waitUntilHealthy } from './health.js';
import { indentTail, logTail } from './logs.js';
import {
  absolute,
  BACKEND_MAIN,
  defaultRunDir,
  defaultStackId,
  HUB_MAIN,
  REPO_ROOT,
  SDK_PRELOAD,
  sdkEntry,
  tsxLoaderUrl,
} from './paths.js';
import {
  DEFAULT_BASE_PORT,
  type DfspPorts,
  listPorts,
  type RedisMode,
  type StackPorts,
  stackPorts,
} from './ports.js';
import {
  DEFAULT_GRACE_MS,
  describeExit,
  type ExitInfo,
  type ManagedProcess,
  ProcessGroup,
  type ProcessSpec,
} from './process.js';
import { preparePrometheus } from './prometheus.js';
import {
  envFileText,
  FULL_SECURITY,
  hubConfig,
  type SdkLogMode,
  type SecuritySettings,
  sdkEnvironment,
} from './settings.js';
import { processStartTicks, type StackState, type StackStatus, writeState } from './state.js';

export interface DfspSettings {
  count: number;
  partiesPerDfsp: number;
  currency: string;
}

export interface Deadlines {
  redisMs: number;
  hubMs: number;
  backendMs: number;
  /** Per SDK; SDK 18 needs about 5 s of one core to start, and they start together. */
  sdkMs: number;
  prometheusMs: number;
}

/** How to start the hub instead of `node --import tsx local/hub/src/main.ts` (tests use a stub). */
export interface HubCommand {
  command: string;
  args: readonly string[];
  env?: Readonly<Record<string, string>>;
}

export interface StackOptions {
  /** Default `.run/stack/local-<basePort>` in the repository. */
  runDir?: string;
  basePort?: number;
  dfsps?: DfspSettings;
  security?: SecuritySettings;
  hub?: HubCommand;
  sdkLogMode?: SdkLogMode;
  deadlines?: Partial<Deadlines>;
  /** SIGTERM → SIGKILL delay for every process. */
  graceMs?: number;
  /** One Redis per SDK (default) or one shared by all; see RedisMode. */
  redis?: RedisMode;
  /** Each Redis evicts least-recently-used keys above this (SDK 18 never expires its transfer state). */
  redisMaxMemoryMb?: number;
  /** Also run a Prometheus scraping the hub and the SDKs (port base+90); default false. */
  prometheus?: boolean | { scrapeIntervalSeconds?: number };
  /** Stop the stack on SIGINT/SIGTERM of this process, then exit (default true; the CLI handles its own). */
  handleSignals?: boolean;
  /** Told when a child fails after the stack was up (the stack is already stopped by then). */
  onFailure?: (failure: StackFailure) => void;
}

export interface StackFailure {
  process: string;
  exit: ExitInfo;
  logTail: string;
  message: string;
}

export type StackEnd = { reason: 'stopped' } | { reason: 'failed'; failure: StackFailure };

export interface HealthCheck {
  process: string;
  endpoint: string;
  ok: boolean;
}

export interface StackHandle {
  runDir: string;
  ports: StackPorts;
  pki: PkiMaterial;
  hubConfigPath: string;
  group: ProcessGroup;
  /** Milliseconds from the call to every process being healthy. */
  startMs: number;
  processes(): Array<{ name: string; pid: number; logFile: string; running: boolean }>;
  health(): Promise<HealthCheck[]>;
  /** Resolves when the stack has stopped, for whatever reason. */
  done: Promise<StackEnd>;
  /** Stops everything; resolves with how long it took. Safe to call twice. */
  stop(): Promise<{ stopMs: number }>;
}

export class StackStartError extends Error {
  constructor(
    message: string,
    readonly process?: string,
    readonly logTail?: string,
    /** Set on processes whose start was given up because another one failed. */
    readonly abandoned = false,
  ) {
    super(message);
    this.name = 'StackStartError';
  }
}

const DEFAULT_DFSPS: DfspSettings = { count: 2, partiesPerDfsp: 1000, currency: 'XXX' };

/** Tiers for stopping: clients of Redis and of the hub go first, Redis last. */
function stopTier(process: ManagedProcess): number {
  if (process.name === 'redis' || process.name.startsWith('redis-')) return 2;
  if (process.name === 'hub') return 1;
  return 0;
}

/** The environment every child starts from: nothing of the parent's but what a program needs to run. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

// One signal handler for every live stack of this process.
const liveStacks = new Set<StackHandle>();
let signalHandlerInstalled = false;

function onSignal(signal: NodeJS.Signals): void {
  const code = signal === 'SIGINT' ? 130 : 143;
  const deadline = setTimeout(() => process.exit(code), 60_000);
  deadline.unref();
  Promise.allSettled([...liveStacks].map((stack) => stack.stop())).then(() => process.exit(code));
}

function installSignalHandlers(): void {
  if (signalHandlerInstalled) return;
  signalHandlerInstalled = true;
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

function removeSignalHandlersIfIdle(): void {
  if (!signalHandlerInstalled || liveStacks.size > 0) return;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  signalHandlerInstalled = false;
}

export async function startStack(options: StackOptions = {}): Promise<StackHandle> {
  const t0 = performance.now();
  const basePort = options.basePort ?? DEFAULT_BASE_PORT;
  const dfsps = options.dfsps ?? DEFAULT_DFSPS;
  const security = options.security ?? FULL_SECURITY;
  const ports = stackPorts(basePort, dfsps.count);
  const redisMode: RedisMode = options.redis ?? 'per-dfsp';
  const runDir = absolute(options.runDir ?? defaultRunDir(defaultStackId(basePort)));
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const deadlines: Deadlines = {
    redisMs: 10_000,
    hubMs: 30_000,
    backendMs: 30_000,
    sdkMs: 45_000 + 5_000 * dfsps.count,
    prometheusMs: 30_000,
    ...options.deadlines,
  };

  const busy: string[] = [];
  await Promise.all(
    listPorts(ports, { prometheus: Boolean(options.prometheus), redis: redisMode }).map(
      async ([what, port]) => {
        if (!(await portFree(port))) busy.push(`${port} (${what})`);
      },
    ),
  );
  if (busy.length > 0) {
    throw new StackStartError(
      `ports already in use on 127.0.0.1: ${busy.sort().join(', ')}; is another stack up? (try --base-port)`,
    );
  }

  // ---- files: run directory, PKI, hub.json, SDK environments
  const logsDir = join(runDir, 'logs');
  const sdkDir = join(runDir, 'sdk');
  await ensurePrivateDir(runDir);
  await ensurePrivateDir(logsDir);
  await ensurePrivateDir(sdkDir);
  await ensurePrivateDir(join(runDir, 'redis'));
  // The probe DFSPs of verify-security get certificates and JWS keys too, before the hub and the SDKs
  // start, so both find their public JWS keys in jws/ from the first message.
  const pki = await ensurePki({ runDir, fspIds: [...ports.dfsps.map((d) => d.fspId), ...PROBE_FSP_IDS] });
  const hubConfigPath = join(runDir, 'hub.json');
  await writePrivateFile(hubConfigPath, `${JSON.stringify(hubConfig({ ports, pki, security }), null, 2)}\n`);
  const secrets: string[] = [];
  const sdkEnvs = new Map<string, Record<string, string>>();
  for (const dfsp of ports.dfsps) {
    const ilpSecret = randomBytes(32).toString('base64url');
    secrets.push(ilpSecret);
    const env = sdkEnvironment({
      dfsp,
      ports,
      pki,
      security,
      ilpSecret,
      redis: redisMode,
      logMode: options.sdkLogMode,
    });
    sdkEnvs.set(dfsp.fspId, env);
    await writePrivateFile(join(sdkDir, `${dfsp.fspId}.env`), envFileText(env));
  }

  // ---- processes
  const group = ProcessGroup.create({ graceMs });
  const tsx = tsxLoaderUrl();
  const logOf = (name: string) => join(logsDir, `${name}.log`);
  const plan = healthPlan(ports, { prometheus: Boolean(options.prometheus), redis: redisMode });
  const probesOf = (name: string) => plan.filter((p) => p.process === name);
  const specs: StartSpec[] = [];

  const redisSpecs: StartSpec[] = redisServers(ports, redisMode).map(({ name, port }) => ({
    name,
    command: 'redis-server',
    args: [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--protected-mode',
      'yes',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
      '--dir',
      join(runDir, 'redis'),
      '--loglevel',
      'warning',
      '--maxmemory',
      `${options.redisMaxMemoryMb ?? (redisMode === 'shared' ? 512 : 256)}mb`,
      '--maxmemory-policy',
      'allkeys-lru',
    ],
    env: baseEnv(),
    cwd: runDir,
    logFile: logOf(name),
    health: probesOf(name),
    deadlineMs: deadlines.redisMs,
  }));

  const hubCommand: HubCommand = options.hub ?? {
    command: process.execPath,
    args: ['--import', tsx, HUB_MAIN],
  };
  specs.push({
    name: 'hub',
    command: hubCommand.command,
    args: hubCommand.args,
    env: { ...baseEnv(), ...hubCommand.env, HUB_CONFIG: hubConfigPath },
    cwd: REPO_ROOT,
    logFile: logOf('hub'),
    health: probesOf('hub'),
    deadlineMs: deadlines.hubMs,
  });

  for (const dfsp of ports.dfsps) {
    specs.push({
      ...backendSpec(dfsp, dfsps, tsx, runDir, logOf(`backend-${dfsp.fspId}`)),
      health: probesOf(`backend-${dfsp.fspId}`),
      deadlineMs: deadlines.backendMs,
    });
    const env = sdkEnvs.get(dfsp.fspId) ?? {};
    specs.push({
      name: `sdk-${dfsp.fspId}`,
      command: process.execPath,
      args: ['--import', SDK_PRELOAD, sdkEntry()],
      env: { ...baseEnv(), ...env },
      cwd: sdkDir,
      logFile: logOf(`sdk-${dfsp.fspId}`),
      health: probesOf(`sdk-${dfsp.fspId}`),
      deadlineMs: deadlines.sdkMs,
    });
  }

  if (options.prometheus) {
    const interval =
      typeof options.prometheus === 'object' ? options.prometheus.scrapeIntervalSeconds : undefined;
    const spec = await preparePrometheus({ runDir, ports, scrapeIntervalSeconds: interval });
    specs.push({
      ...spec,
      health: probesOf('prometheus'),
      deadlineMs: deadlines.prometheusMs,
    });
  }

  const state: StackState = {
    version: 1,
    runDir,
    status: 'starting',
    supervisor: { pid: process.pid, startTicks: processStartTicks(process.pid) },
    reaperPid: group.reaperPid ?? null,
    ports,
    prometheus: Boolean(options.prometheus),
    redis: redisMode,
    processes: [],
    updatedAt: new Date().toISOString(),
  };
  const saveState = async (status: StackStatus, failure?: string) => {
    state.status = status;
    state.updatedAt = new Date().toISOString();
    state.processes = group.processes.map((p) => ({
      name: p.name,
      pid: p.pid,
      startTicks: processStartTicks(p.pid),
      logFile: p.logFile,
    }));
    if (failure) state.failure = failure;
    await writeState(state).catch(() => undefined);
  };

  // Exit of this process, however it happens: the children's groups get SIGTERM synchronously; the
  // watchdog escalates to SIGKILL if they linger.
  const onExit = () => {
    for (const member of group.processes) {
      if (member.running) {
        try {
          process.kill(-member.pid, 'SIGTERM');
        } catch {
          // gone
        }
      }
    }
  };
  process.on('exit', onExit);

  // During start-up: the first real failure (not a start abandoned because of another one).
  const startup: { failure?: StackStartError; exited?: { member: ManagedProcess; exit: ExitInfo } } = {};
  let resolveDone: (end: StackEnd) => void = () => undefined;
  const done = new Promise<StackEnd>((resolve) => {
    resolveDone = resolve;
  });
  let stopping: Promise<{ stopMs: number }> | undefined;
  let handle: StackHandle | undefined;

  const stopAll = (status: StackStatus, failure?: string) => {
    if (!stopping) {
      stopping = (async () => {
        const s0 = performance.now();
        await saveState('stopping');
        await group.stopAll(stopTier);
        await saveState(status, failure);
        process.off('exit', onExit);
        if (handle) liveStacks.delete(handle);
        removeSignalHandlersIfIdle();
        return { stopMs: Math.round(performance.now() - s0) };
      })();
    }
    return stopping;
  };

  group.onUnexpectedExit((member, exit) => {
    if (!handle) {
      startup.exited ??= { member, exit };
      return;
    }
    void (async () => {
      const tail = await logTail(member.logFile, { secrets });
      const message = `${member.name} ${describeExit(exit)}; the stack was stopped. Last lines of ${member.logFile}:\n${indentTail(tail)}`;
      const failure: StackFailure = { process: member.name, exit, logTail: tail, message };
      await stopAll('failed', `${member.name} ${describeExit(exit)}`);
      options.onFailure?.(failure);
      resolveDone({ reason: 'failed', failure });
    })();
  });

  const abandonReason = () =>
    startup.failure
      ? `start abandoned: ${startup.failure.process} failed`
      : startup.exited
        ? `start abandoned: ${startup.exited.member.name} ${describeExit(startup.exited.exit)}`
        : undefined;
  const waitFor = async (spec: StartSpec, member: ManagedProcess) => {
    try {
      await waitHealthy(spec, member, abandonReason, secrets, ports);
    } catch (error) {
      if (error instanceof StackStartError && !error.abandoned) startup.failure ??= error;
      throw error;
    }
  };

  try {
    // Redis first (the SDKs connect to it as they start), then everything else at once.
    const redisStarted: Array<[StartSpec, ManagedProcess]> = [];
    for (const spec of redisSpecs) redisStarted.push([spec, await spawnOrThrow(group, spec)]);
    await Promise.allSettled(redisStarted.map(([spec, member]) => waitFor(spec, member)));
    if (startup.failure) throw startup.failure;
    const started: Array<[StartSpec, ManagedProcess]> = [];
    for (const spec of specs) started.push([spec, await spawnOrThrow(group, spec)]);
    await saveState('starting');
    await Promise.allSettled(started.map(([spec, member]) => waitFor(spec, member)));
    if (!startup.failure && startup.exited) {
      const { member, exit } = startup.exited;
      const tail = await logTail(member.logFile, { secrets });
      startup.failure = new StackStartError(
        `${member.name} ${describeExit(exit)} during start-up. Last lines of ${member.logFile}:\n${indentTail(tail)}${addressInUseHint(tail, ports)}`,
        member.name,
        tail,
      );
    }
    // No await from here to `handle = …`: a later exit is handled as a failure of a running stack.
    if (startup.failure) throw startup.failure;
  } catch (error) {
    await stopAll('failed', error instanceof Error ? error.message.split('\n', 1)[0] : String(error));
    resolveDone({ reason: 'stopped' });
    throw error;
  }

  const startMs = Math.round(performance.now() - t0);
  handle = {
    runDir,
    ports,
    pki,
    hubConfigPath,
    group,
    startMs,
    processes: () =>
      group.processes.map((p) => ({ name: p.name, pid: p.pid, logFile: p.logFile, running: p.running })),
    health: () => checkHealth(plan),
    done,
    stop: async () => {
      const result = await stopAll('stopped');
      resolveDone({ reason: 'stopped' });
      return result;
    },
  };
  liveStacks.add(handle);
  if (options.handleSignals ?? true) installSignalHandlers();
  await saveState('up');
  return handle;
}

function backendSpec(
  dfsp: DfspPorts,
  dfsps: DfspSettings,
  tsx: string,
  runDir: string,
  logFile: string,
): ProcessSpec {
  return {
    name: `backend-${dfsp.fspId}`,
    command: process.execPath,
    args: [
      '--import',
      tsx,
      BACKEND_MAIN,
      '--fsp-index',
      String(dfsp.index),
      '--parties',
      String(dfsps.partiesPerDfsp),
      '--currency',
      dfsps.currency,
      '--port',
      String(dfsp.backend),
    ],
    env: baseEnv(),
    cwd: runDir,
    logFile,
  };
}

type StartSpec = ProcessSpec & { health: Probe[]; deadlineMs: number };

/** Linux's default ephemeral port range, from which outgoing connections take their local ports. */
const EPHEMERAL = { low: 32768, high: 60999 };

/** A hint for a log tail that shows a port taken while the stack started. */
export function addressInUseHint(tail: string, ports: StackPorts): string {
  if (!/EADDRINUSE/.test(tail)) return '';
  const highest = ports.base + 100 * ports.dfsps.length + 6;
  if (highest < EPHEMERAL.low || ports.base > EPHEMERAL.high)
    return '\nA port of the stack was taken by another process.';
  return (
    `\nPorts ${ports.base}–${highest} lie in Linux's ephemeral range (${EPHEMERAL.low}–${EPHEMERAL.high}), so an ` +
    'outgoing connection of another process can hold one of them for a while. Start again, use a base port ' +
    `below ${EPHEMERAL.low - 100 * ports.dfsps.length - 6} (e.g. --base-port 20000), or reserve the range ` +
    `(sysctl net.ipv4.ip_local_reserved_ports=${ports.base}-${highest}).`
  );
}

async function spawnOrThrow(group: ProcessGroup, spec: StartSpec): Promise<ManagedProcess> {
  try {
    return await group.spawn(spec);
  } catch (error) {
    throw new StackStartError(error instanceof Error ? error.message : String(error), spec.name);
  }
}

/** Waits until all of a process's probes pass; throws a StackStartError naming it, with its log tail. */
async function waitHealthy(
  spec: StartSpec,
  member: ManagedProcess,
  abandonReason: () => string | undefined,
  secrets: readonly string[],
  ports: StackPorts,
): Promise<void> {
  const probe = async () => (await Promise.all(spec.health.map((h) => h.probe()))).every(Boolean);
  let abandoned = false;
  const outcome = await waitUntilHealthy(probe, {
    deadlineMs: spec.deadlineMs,
    giveUp: () => {
      if (member.exit) return describeExit(member.exit);
      const reason = abandonReason();
      if (reason) abandoned = true;
      return reason;
    },
  });
  if (outcome.ok) return;
  if (abandoned) throw new StackStartError(`${spec.name}: ${outcome.reason}`, spec.name, undefined, true);
  const tail = await logTail(spec.logFile, { secrets });
  const checks = spec.health.map((h) => h.endpoint).join(', ');
  throw new StackStartError(
    `${spec.name} did not start: ${outcome.reason} (checked ${checks}). Last lines of ${spec.logFile}:\n${indentTail(tail)}${addressInUseHint(tail, ports)}`,
    spec.name,
    tail,
  );
}
