/**
 * The stack's life from outside its process: `cli down`, SIGKILL of the supervisor, failed starts and
 * the CLI's own errors. 1 DFSP and a STUB hub (helpers.ts) keep each start to a few seconds.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  groupAlive,
  listPorts,
  pidAlive,
  pollUntil,
  readState,
  StackStartError,
  stackPorts,
  startStack,
  tsxLoaderUrl,
} from '../src/index.js';
import { failingHub, listeners, STUB_HUB, STUB_HUB_SOURCE } from './helpers.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const INDEX = fileURLToPath(new URL('../src/index.ts', import.meta.url));
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mlperf-lifecycle-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs the CLI to completion; resolves with its exit code and output. */
function cli(
  args: string[],
  timeoutMs = 90_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', tsxLoaderUrl(), CLI, ...args],
      { timeout: timeoutMs, env: { PATH: process.env.PATH ?? '' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A separate supervisor process running startStack (1 DFSP, stub hub); resolves once it is up. */
async function supervisor(runDir: string, basePort: number): Promise<ChildProcess> {
  const source = `
    import { startStack } from ${JSON.stringify(INDEX)};
    const stack = await startStack({
      runDir: ${JSON.stringify(runDir)}, basePort: ${basePort}, graceMs: 2000,
      dfsps: { count: 1, partiesPerDfsp: 10, currency: 'XXX' },
      hub: { command: process.execPath, args: ['-e', ${JSON.stringify(STUB_HUB_SOURCE)}] },
    });
    process.stdout.write('up\\n');
    setInterval(() => {}, 60_000);
  `;
  const child = spawn(process.execPath, ['--import', tsxLoaderUrl(), '--input-type=module', '-e', source], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`supervisor did not come up: ${output}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('up')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`supervisor exited with ${code}: ${output}`));
    });
  });
  return child;
}

async function recordedPids(runDir: string): Promise<number[]> {
  const state = await readState(runDir);
  if (!state) throw new Error(`no stack.json in ${runDir}`);
  return [...state.processes.map((p) => p.pid), ...(state.reaperPid ? [state.reaperPid] : [])];
}

const stillRunning = (pids: number[]) => pids.filter((pid) => pidAlive(pid) || groupAlive(pid));

describe('stopping a stack from outside', () => {
  it('`cli down` stops a stack another process supervises, and nothing is left', async () => {
    const runDir = join(root, 'down');
    const child = await supervisor(runDir, 23000);
    const pids = await recordedPids(runDir);
    expect(pids).toHaveLength(5); // redis, hub, backend, sdk, watchdog
    expect(stillRunning(pids)).toEqual(pids);

    const status = await cli(['status', '--run-dir', runDir]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('ok   sdk-perffsp1');

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const down = await cli(['down', '--run-dir', runDir]);
    expect(down.stdout).toContain('is down');
    expect(down.code).toBe(0);
    expect(await exited).toBe(143);
    expect(stillRunning(pids)).toEqual([]);
    expect((await readState(runDir))?.status).toBe('stopped');
    const after = await cli(['status', '--run-dir', runDir]);
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('stopped');
  }, 120_000);

  it('kills every process when the supervisor itself is killed with SIGKILL', async () => {
    const runDir = join(root, 'killed');
    const child = await supervisor(runDir, 23300);
    const pids = await recordedPids(runDir);
    expect(stillRunning(pids)).toEqual(pids);
    child.kill('SIGKILL');
    // The watchdog sends SIGTERM, then SIGKILL after the 2 s grace.
    expect(await pollUntil(() => stillRunning(pids).length === 0, 15_000, 100)).toBe(true);
    const ports = stackPorts(23300, 1);
    expect(listeners(listPorts(ports).map(([, port]) => port))).toEqual([]);
  }, 120_000);
});

describe('failed starts', () => {
  it('names the process that failed, shows its log tail redacted, and stops the rest', async () => {
    const runDir = join(root, 'failing');
    const secret = 'hunter2-is-not-a-good-ilp-secret';
    const error = await startStack({
      runDir,
      basePort: 23600,
      dfsps: { count: 1, partiesPerDfsp: 10, currency: 'XXX' },
      hub: failingHub(secret),
      handleSignals: false,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StackStartError);
    const failure = error as StackStartError;
    expect(failure.process).toBe('hub');
    expect(failure.message).toMatch(/^hub did not start: exited with code 1/);
    expect(failure.message).toContain('fatal: cannot start');
    expect(failure.message).toContain('ILP_SECRET=[redacted]');
    expect(failure.message).not.toContain(secret);
    // The secret did reach the hub's own log (the stub printed it); the message shown does not carry it.
    expect(await readFile(join(runDir, 'logs', 'hub.log'), 'utf8')).toContain(secret);
    const pids = await recordedPids(runDir);
    expect(stillRunning(pids)).toEqual([]);
    expect((await readState(runDir))?.status).toBe('failed');
  }, 120_000);

  it('refuses to start on a busy port, naming it, before starting anything', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(23911, '127.0.0.1', resolve));
    try {
      const runDir = join(root, 'busy');
      await expect(
        startStack({
          runDir,
          basePort: 23900,
          dfsps: { count: 1, partiesPerDfsp: 10, currency: 'XXX' },
          hub: STUB_HUB,
          handleSignals: false,
        }),
      ).rejects.toThrow('ports already in use on 127.0.0.1: 23911 (hub admin API)');
      expect(await readState(runDir)).toBeUndefined();
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});

describe('the CLI', () => {
  it('says so when there is no stack, and rejects bad usage', async () => {
    const missing = join(root, 'nothing-here');
    const [status, down, bad, badNumber] = await Promise.all([
      cli(['status', '--run-dir', missing]),
      cli(['down', '--run-dir', missing]),
      cli(['sideways']),
      cli(['up', '--dfsps', 'two']),
    ]);
    expect(status).toMatchObject({ code: 3 });
    expect(status.stdout).toContain('no stack in');
    expect(down).toMatchObject({ code: 3 });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('usage: cli.ts up|down|status');
    expect(badNumber).toMatchObject({ code: 2, stderr: '--dfsps must be an integer, got two\n' });
  });
});
