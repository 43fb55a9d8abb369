/**
 * `cli up --onboard` as a user runs it: a foreground process that starts the real stack (hub emulator,
 * 2 SDK scheme adapters), onboards hub, DFSPs and probe DFSPs, and then serves lookups through an SDK;
 * `cli down` from another process stops it and nothing is left.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { partyIdentifier } from '@mlperf/core';
import { afterAll, describe, expect, it } from 'vitest';
import { groupAlive, pidAlive, readState, tsxLoaderUrl } from '../src/index.js';
import { lookupParty } from '../src/sdk-client.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const BASE = 24400;
let runDir: string | undefined;
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGINT');
  if (runDir) await rm(runDir, { recursive: true, force: true });
}, 30_000);

function cli(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', tsxLoaderUrl(), CLI, ...args],
      { timeout: 60_000, env: { PATH: process.env.PATH ?? '' } },
      (error, stdout) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout }),
    );
  });
}

describe('cli up --onboard', () => {
  it('starts and onboards the stack, serves a lookup through the SDK, and stops on `cli down`', async () => {
    runDir = await mkdtemp(join(tmpdir(), 'mlperf-cli-onboard-'));
    const up = spawn(
      process.execPath,
      [
        '--import',
        tsxLoaderUrl(),
        CLI,
        'up',
        '--dfsps',
        '2',
        '--onboard',
        '--base-port',
        String(BASE),
        '--run-dir',
        runDir,
      ],
      { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = up;
    let stdout = '';
    up.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => up.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 120_000;
    while (!/onboarded in [\d.]+ s/.test(stdout) && up.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(stdout).toMatch(/onboarding the hub, 2 DFSPs/);
    expect(stdout).toMatch(/onboarded in [\d.]+ s \(probe receiver port \d+\)/);

    // perffsp1's SDK resolves a party of perffsp2 through the hub: registered, routed, signed, mTLS.
    const party = partyIdentifier(2, 3);
    const lookup = await lookupParty(BASE + 101, party, 20_000);
    expect({ found: lookup.found, fsp: lookup.fspId }).toEqual({ found: true, fsp: 'perffsp2' });

    const state = await readState(runDir);
    const pids = [
      ...(state?.processes.map((p) => p.pid) ?? []),
      ...(state?.reaperPid ? [state.reaperPid] : []),
    ];
    expect(pids.length).toBeGreaterThanOrEqual(6); // hub, 2 × (redis, backend, sdk), watchdog
    const down = await cli(['down', '--run-dir', runDir]);
    expect(down.code).toBe(0);
    expect(await exited).not.toBeNull();
    expect(pids.filter((pid) => pidAlive(pid) || groupAlive(pid))).toEqual([]);
  }, 180_000);
});
