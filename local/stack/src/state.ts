/**
 * `stack.json` in the run directory: who runs the stack and which processes it started, so that
 * `cli down` and `cli status` work from another shell. No secrets in it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIfExists, writePrivateFile } from '../../pki/src/files.js';
import type { RedisMode, StackPorts } from './ports.js';

export type StackStatus = 'starting' | 'up' | 'stopping' | 'stopped' | 'failed';

export interface ProcessRecord {
  name: string;
  pid: number;
  /** Start time of the pid in clock ticks since boot (/proc/<pid>/stat field 22): tells a reused pid apart. */
  startTicks: number | null;
  logFile: string;
}

export interface StackState {
  version: 1;
  runDir: string;
  status: StackStatus;
  supervisor: { pid: number; startTicks: number | null };
  reaperPid: number | null;
  ports: StackPorts;
  prometheus: boolean;
  redis: RedisMode;
  processes: ProcessRecord[];
  updatedAt: string;
  failure?: string;
}

export function stateFile(runDir: string): string {
  return join(runDir, 'stack.json');
}

export async function writeState(state: StackState): Promise<void> {
  await writePrivateFile(stateFile(state.runDir), `${JSON.stringify(state, null, 2)}\n`);
}

export async function readState(runDir: string): Promise<StackState | undefined> {
  const text = await readIfExists(stateFile(runDir));
  if (text === undefined) return undefined;
  const state = JSON.parse(text) as StackState;
  if (state.version !== 1) throw new Error(`${stateFile(runDir)} has an unknown version`);
  return state;
}

/** Field 22 of /proc/<pid>/stat, or null when the process does not exist (or there is no /proc). */
export function processStartTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; fields after it are plain.
    const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(afterName[19]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

/** True when `pid` still is the process that was recorded (same start time). */
export function sameProcess(pid: number, startTicks: number | null): boolean {
  const now = processStartTicks(pid);
  return now !== null && (startTicks === null || now === startTicks);
}
