import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tsxLoaderUrl } from '../src/paths.js';
import {
  type ExitInfo,
  groupAlive,
  groupMembers,
  ProcessGroup,
  pidAlive,
  pollUntil,
} from '../src/process.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mlperf-process-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Running (non-zombie) members of a process group. */
function members(pgid: number): number[] {
  return groupMembers(pgid) ?? [];
}

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };

describe('ProcessGroup', () => {
  it('runs each child in its own process group and stops grandchildren with it', async () => {
    const group = ProcessGroup.create({ graceMs: 2_000 });
    const child = await group.spawn({
      name: 'shell',
      command: 'sh',
      args: ['-c', 'sleep 300 & sleep 300 & echo started; wait'],
      env,
      cwd: root,
      logFile: join(root, 'shell.log'),
    });
    expect(await pollUntil(() => members(child.pid).length === 3, 5_000)).toBe(true);
    await group.stopAll();
    expect(members(child.pid)).toEqual([]);
    expect(groupAlive(child.pid)).toBe(false);
    expect(await readFile(join(root, 'shell.log'), 'utf8')).toBe('started\n');
    expect(await pollUntil(() => !pidAlive(group.reaperPid ?? 0), 5_000)).toBe(true);
  });

  it('escalates to SIGKILL when SIGTERM is ignored, after the grace period', async () => {
    const group = ProcessGroup.create({ graceMs: 300 });
    const child = await group.spawn({
      name: 'stubborn',
      command: 'sh',
      args: ['-c', "trap '' TERM; sleep 300 & wait"],
      env,
      cwd: root,
      logFile: join(root, 'stubborn.log'),
    });
    await pollUntil(() => members(child.pid).length === 2, 5_000);
    const t0 = Date.now();
    await group.stopAll();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(child.exit?.signal).toBe('SIGKILL');
    expect(members(child.pid)).toEqual([]);
  });

  it('reports a child that exits by itself, not one that was stopped', async () => {
    const group = ProcessGroup.create();
    const seen: Array<[string, ExitInfo]> = [];
    group.onUnexpectedExit((p, exit) => seen.push([p.name, exit]));
    await group.spawn({
      name: 'quitter',
      command: 'sh',
      args: ['-c', 'exit 3'],
      env,
      cwd: root,
      logFile: join(root, 'q.log'),
    });
    await group.spawn({
      name: 'sleeper',
      command: 'sleep',
      args: ['300'],
      env,
      cwd: root,
      logFile: join(root, 's.log'),
    });
    expect(await pollUntil(() => seen.length === 1, 5_000)).toBe(true);
    await group.stopAll();
    expect(seen).toEqual([['quitter', { code: 3, signal: null }]]);
  });

  it('names the process when its program cannot be started', async () => {
    const group = ProcessGroup.create();
    await expect(
      group.spawn({
        name: 'ghost',
        command: 'no-such-program-mlperf',
        args: [],
        env,
        cwd: root,
        logFile: join(root, 'g.log'),
      }),
    ).rejects.toThrow(/could not start ghost \(no-such-program-mlperf\)/);
    await group.stopAll();
  });
});

describe('the watchdog', () => {
  it('stops every process group when the supervisor is killed with SIGKILL', async () => {
    const processModule = fileURLToPath(new URL('../src/process.ts', import.meta.url));
    const driver = `
      import { ProcessGroup } from ${JSON.stringify(processModule)};
      const group = ProcessGroup.create({ graceMs: 500 });
      const spec = (name) => ({ name, command: 'sleep', args: ['300'], env: { PATH: process.env.PATH }, cwd: ${JSON.stringify(root)}, logFile: ${JSON.stringify(join(root, 'driver.log'))} });
      const a = await group.spawn(spec('a'));
      const b = await group.spawn({ ...spec('b'), command: 'sh', args: ['-c', 'sleep 300 & wait'] });
      process.stdout.write(JSON.stringify({ pids: [a.pid, b.pid], reaper: group.reaperPid }) + '\\n');
      setInterval(() => {}, 1000);
    `;
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', tsxLoaderUrl(), '--input-type=module', '-e', driver],
      {
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const line = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error('driver did not start')), 20_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('\n')) {
          clearTimeout(timer);
          resolve(text.split('\n')[0] ?? '');
        }
      });
    });
    const { pids, reaper } = JSON.parse(line) as { pids: number[]; reaper: number };
    expect(pids.every((pid) => groupAlive(pid))).toBe(true);
    child.kill('SIGKILL');
    expect(await pollUntil(() => pids.every((pid) => !groupAlive(pid)), 10_000, 100)).toBe(true);
    expect(await pollUntil(() => !pidAlive(reaper), 5_000, 100)).toBe(true);
  });
});
