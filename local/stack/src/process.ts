/**
 * Child processes of the local stack. Each child leads its own process group (spawned detached), so a
 * stop signals the whole group and no grandchild (npx → node, a shell → its command) survives. Each has
 * one log file; stdout and stderr go straight to it (the kernel writes, the supervisor never copies).
 *
 * A detached watchdog, reaper.cjs, learns every process group as it starts. If the supervisor dies
 * without stopping them (SIGKILL, a crash, a test worker killed on timeout) the watchdog's stdin
 * closes and it stops every group it knows: nothing is left behind in any case.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, readdirSync, readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { openLogFile } from './logs.js';

export interface ProcessSpec {
  /** Short unique name: `redis`, `hub`, `backend-perffsp1`, `sdk-perffsp1`, `prometheus`. */
  name: string;
  command: string;
  args: readonly string[];
  /** The child's whole environment (nothing is inherited implicitly). */
  env: Readonly<Record<string, string>>;
  cwd: string;
  logFile: string;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export const DEFAULT_GRACE_MS = 5_000;
/** After SIGKILL, how long to wait for the kernel to reap the group before giving up. */
const KILL_WAIT_MS = 3_000;

export function describeExit(exit: ExitInfo): string {
  return exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
}

/**
 * The state letter of a process from /proc/<pid>/stat ('R', 'S', 'Z', …), null when there is no such
 * process, undefined when /proc cannot tell (not Linux).
 */
function procState(pid: number): string | null | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
  }
}

/**
 * Non-zombie members of process group `pgid`, from /proc; undefined when /proc is not readable.
 * (A zombie is an exited process its new parent has not reaped yet: it runs nothing and holds no port.)
 */
export function groupMembers(pgid: number): number[] | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^[0-9]+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** True when some process of group `pgid` still runs (zombies do not count). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const members = groupMembers(pgid);
  return members === undefined || members.length > 0;
}

/** True when process `pid` still runs (a zombie does not count). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const state = procState(pid);
  return state === undefined || (state !== null && state !== 'Z' && state !== 'X');
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Polls `condition` every `intervalMs` until it is true or `timeoutMs` passes; returns whether it held. */
export async function pollUntil(
  condition: () => boolean,
  timeoutMs: number,
  intervalMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (condition()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export class ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  readonly exited: Promise<ExitInfo>;
  exit: ExitInfo | undefined;
  /** Set once a stop was asked for: an exit after that is expected, not a failure. */
  stopping = false;

  constructor(spec: ProcessSpec, child: ChildProcess & { pid: number }) {
    this.name = spec.name;
    this.logFile = spec.logFile;
    this.pid = child.pid;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the leader exited and the group is gone. */
  async stop(graceMs = DEFAULT_GRACE_MS): Promise<ExitInfo> {
    this.stopping = true;
    if (this.running) {
      signalGroup(this.pid, 'SIGTERM');
      const timer = new Promise<'timeout'>((resolve) => {
        const t = setTimeout(() => resolve('timeout'), graceMs);
        this.exited.then(() => clearTimeout(t));
      });
      if ((await Promise.race([this.exited, timer])) === 'timeout') signalGroup(this.pid, 'SIGKILL');
    }
    const exit = await Promise.race([
      this.exited,
      new Promise<ExitInfo>((resolve) =>
        setTimeout(() => resolve({ code: null, signal: null }), KILL_WAIT_MS),
      ),
    ]);
    // The leader is gone; anything it left in its group goes too.
    if (groupAlive(this.pid)) {
      signalGroup(this.pid, 'SIGKILL');
      await pollUntil(() => !groupAlive(this.pid), KILL_WAIT_MS);
    }
    return exit;
  }
}

export type UnexpectedExitListener = (process: ManagedProcess, exit: ExitInfo) => void;

/** A set of child processes with one watchdog; see the module comment. */
export class ProcessGroup {
  private readonly members: ManagedProcess[] = [];
  private readonly listeners: UnexpectedExitListener[] = [];
  private reaper: ChildProcess | undefined;
  private closed = false;

  private constructor(readonly graceMs: number) {}

  /** Starts the watchdog. `graceMs` is the SIGTERM → SIGKILL delay used for every stop. */
  static create(options: { graceMs?: number } = {}): ProcessGroup {
    const group = new ProcessGroup(options.graceMs ?? DEFAULT_GRACE_MS);
    const reaperPath = fileURLToPath(new URL('./reaper.cjs', import.meta.url));
    const reaper = spawn(process.execPath, [reaperPath, String(group.graceMs)], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    });
    reaper.on('error', () => undefined);
    reaper.stdin?.on('error', () => undefined);
    // Neither the watchdog nor its pipe may keep the supervisor's event loop alive.
    reaper.unref();
    (reaper.stdin as unknown as Socket | null)?.unref?.();
    group.reaper = reaper;
    return group;
  }

  get reaperPid(): number | undefined {
    return this.reaper?.pid;
  }

  private tell(line: string): void {
    const stdin = this.reaper?.stdin;
    if (stdin && !stdin.destroyed && stdin.writable) stdin.write(`${line}\n`);
  }

  onUnexpectedExit(listener: UnexpectedExitListener): void {
    this.listeners.push(listener);
  }

  get processes(): readonly ManagedProcess[] {
    return this.members;
  }

  find(name: string): ManagedProcess | undefined {
    return this.members.find((member) => member.name === name);
  }

  /** Spawns a child in its own process group, its output appended to its log file. */
  async spawn(spec: ProcessSpec): Promise<ManagedProcess> {
    if (this.closed) throw new Error(`cannot start ${spec.name}: the stack is stopping`);
    if (this.find(spec.name)) throw new Error(`a process named ${spec.name} already runs`);
    const fd = await openLogFile(spec.logFile);
    let child: ChildProcess;
    try {
      child = spawn(spec.command, [...spec.args], {
        cwd: spec.cwd,
        env: { ...spec.env },
        detached: true,
        stdio: ['ignore', fd, fd],
      });
    } finally {
      closeSync(fd);
    }
    const pid = child.pid;
    if (pid === undefined) {
      const error = await new Promise<Error>((resolve) => {
        child.once('error', resolve);
        setTimeout(() => resolve(new Error('no process id')), 1_000).unref();
      });
      throw new Error(`could not start ${spec.name} (${spec.command}): ${error.message}`);
    }
    child.on('error', () => undefined);
    this.tell(`+${pid}`);
    const member = new ManagedProcess(spec, child as ChildProcess & { pid: number });
    this.members.push(member);
    member.exited.then((exit) => {
      if (!groupAlive(pid)) this.tell(`-${pid}`);
      if (!member.stopping) for (const listener of this.listeners) listener(member, exit);
    });
    return member;
  }

  /**
   * Stops every process, tier by tier (lower tiers first, each tier in parallel), then releases the
   * watchdog. Safe to call more than once.
   */
  async stopAll(tierOf: (process: ManagedProcess) => number = () => 0): Promise<void> {
    this.closed = true;
    for (const member of this.members) member.stopping = true;
    const tiers = [...new Set(this.members.map(tierOf))].sort((a, b) => a - b);
    for (const tier of tiers) {
      await Promise.all(this.members.filter((m) => tierOf(m) === tier).map((m) => m.stop(this.graceMs)));
    }
    for (const member of this.members) if (!groupAlive(member.pid)) this.tell(`-${member.pid}`);
    if (this.members.every((member) => !groupAlive(member.pid))) this.tell('done');
    this.reaper?.stdin?.end();
  }
}
