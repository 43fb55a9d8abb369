/**
 * The real rehearsal CLI as a user runs it: a 2-DFSP stack (real hub emulator, real SDK scheme
 * adapters, Redis) on base port 31000 (the contract test uses 27000, the bench 29000, stack tests
 * 22000–25000), then the files it wrote and what it left behind: nothing. And bad input: exit 2,
 * every issue printed, nothing started.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRunResults } from '@mlperf/core/results/io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tsxLoaderUrl } from '../../stack/src/paths.js';
import { listPorts, stackPorts } from '../../stack/src/ports.js';
import { groupAlive, pidAlive } from '../../stack/src/process.js';
import { readState } from '../../stack/src/state.js';
import { listeners } from '../../stack/test/helpers.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const BASE = 31000;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mlperf-rehearse-test-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function rehearse(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', tsxLoaderUrl(), CLI, ...args],
      {
        cwd: REPO_ROOT,
        timeout: 170_000,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const planPorts = (count: number) => listPorts(stackPorts(BASE, count)).map(([, port]) => port);

describe('npm run rehearse (the real CLI)', () => {
  it('runs a 2-DFSP rehearsal end to end, writes valid results, says the ladder was skipped and leaves nothing running', async () => {
    const runDir = join(root, 'run');
    const resultsDir = join(root, 'results');
    const { code, stdout, stderr } = await rehearse([
      '--set',
      'dfsps.count=2',
      '--set',
      'dfsps.partiesPerDfsp=20',
      '--base-port',
      String(BASE),
      '--run-dir',
      runDir,
      '--results-dir',
      resultsDir,
    ]);
    console.info(stdout);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    for (const step of ['config', 'stack', 'onboard', 'security', 'smoke', 'stop', 'results']) {
      expect(stdout).toMatch(new RegExp(`^\\[\\d/7\\] ${step} +ok `, 'm'));
    }
    expect(stdout).toMatch(/^LADDER SKIPPED: (k6 is not installed|the k6 runner is not built yet)/m);
    expect(stdout).toContain('verdict: INVALID — No ladder rung ran');
    expect(stdout).toMatch(/^smoke: 2 of 2 transfers committed/m);
    expect(stdout).toMatch(/^rehearsal: OK \(exit 0\)/m);

    const results = await readRunResults(join(resultsDir, 'results.json')); // validates against the schema
    expect(results).toMatchObject({
      trigger: 'rehearsal',
      environment: { provider: 'local', sizing: { dfspCount: 2 } },
      rungs: [],
      verdict: { outcome: 'INVALID' },
      maxSustainableRate: { rate: null },
      artifacts: [{ name: 'report.md' }, { name: 'smoke.json' }],
    });
    expect(Object.values(results.security?.controls ?? {}).map((c) => c.status)).toEqual([
      'proven',
      'proven',
      'proven',
      'proven',
    ]);
    expect(results.hints[0]).toMatch(/^The ladder was skipped because /);
    expect(results.hints[1]).toMatch(/^Smoke: 2 of 2 transfers committed/);

    const report = await readFile(join(resultsDir, 'report.md'), 'utf8');
    expect(report).toContain('INVALID');
    expect(report).toContain('### Verified security posture');
    expect(report).toMatch(/\| mutual TLS \| yes \| ✅ proven \|/);
    const smoke = JSON.parse(await readFile(join(resultsDir, 'smoke.json'), 'utf8'));
    expect(smoke).toMatchObject({ planned: 2, committed: 2, ok: true });
    expect(smoke.outcomes.map((o: { payer: string; payee: string }) => `${o.payer}>${o.payee}`)).toEqual([
      'perffsp1>perffsp2',
      'perffsp2>perffsp1',
    ]);

    // Nothing of the stack is left: every recorded process and the watchdog are gone, no port listens.
    const state = await readState(runDir);
    expect(state?.status).toBe('stopped');
    const pids = [
      ...(state?.processes ?? []).map((p) => p.pid),
      ...(state?.reaperPid ? [state.reaperPid] : []),
    ];
    expect(pids.length).toBeGreaterThanOrEqual(7); // 2 × (redis, backend, sdk) + hub, and the watchdog
    expect(pids.filter((pid) => pidAlive(pid) || groupAlive(pid))).toEqual([]);
    expect(listeners(planPorts(2))).toEqual([]);
  }, 180_000);

  it('stops the stack and exits 130 on Ctrl-C (SIGINT) in the middle of a run', async () => {
    const runDir = join(root, 'interrupted-run');
    const resultsDir = join(root, 'interrupted-results');
    const child = spawn(
      process.execPath,
      [
        '--import',
        tsxLoaderUrl(),
        CLI,
        '--set',
        'dfsps.count=2',
        '--set',
        'dfsps.partiesPerDfsp=20',
        '--base-port',
        String(BASE),
        '--run-dir',
        runDir,
        '--results-dir',
        resultsDir,
      ],
      { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`onboarding never finished: ${stdout}${stderr}`)),
        120_000,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (/^\[3\/7\] onboard/m.test(stdout)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('SIGINT: interrupted — stopping the stack');
    expect(stderr).toContain('rehearsal interrupted by SIGINT: no results written (exit 130)');
    const state = await readState(runDir);
    expect(state?.status).toBe('stopped');
    const pids = [
      ...(state?.processes ?? []).map((p) => p.pid),
      ...(state?.reaperPid ? [state.reaperPid] : []),
    ];
    expect(pids.filter((pid) => pidAlive(pid) || groupAlive(pid))).toEqual([]);
    expect(listeners(planPorts(2))).toEqual([]);
    expect(existsSync(resultsDir)).toBe(false);
  }, 150_000);

  it('exits 1 naming the failed step when the stack cannot start, and still writes valid results', async () => {
    const resultsDir = join(root, 'busy-results');
    const busyPort = stackPorts(BASE, 2).hub.admin;
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(busyPort, '127.0.0.1', resolve));
    try {
      const { code, stdout } = await rehearse([
        '--set',
        'dfsps.count=2',
        '--base-port',
        String(BASE),
        '--results-dir',
        resultsDir,
      ]);
      expect(code).toBe(1);
      expect(stdout).toMatch(
        /^\[2\/7\] stack +FAILED .*ports already in use on 127\.0\.0\.1: 31011 \(hub admin API\)/m,
      );
      for (const step of ['onboard', 'security', 'smoke']) {
        expect(stdout).toMatch(new RegExp(`^\\[\\d/7\\] ${step} +skipped +the stack did not start`, 'm'));
      }
      expect(stdout).toMatch(/^LADDER SKIPPED: /m);
      expect(stdout).toMatch(/^rehearsal: FAILED \(exit 1\) — stack:$/m);
      const results = await readRunResults(join(resultsDir, 'results.json'));
      expect(results).toMatchObject({ security: null, rungs: [], verdict: { outcome: 'INVALID' } });
      expect(results.hints.slice(1)).toEqual([
        'Smoke: not run (the stack did not start).',
        expect.stringMatching(/^The stack step failed: ports already in use/),
      ]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    expect(listeners(planPorts(2))).toEqual([]);
  }, 60_000);

  it('refuses bad input with exit 2, every issue named, and starts nothing', async () => {
    const runDir = join(root, 'bad-run');
    const resultsDir = join(root, 'bad-results');
    const { code, stdout, stderr } = await rehearse([
      '--set',
      'dfsps.count=1',
      '--set',
      'security.mtls=maybe',
      '--base-port',
      String(BASE),
      '--run-dir',
      runDir,
      '--results-dir',
      resultsDir,
    ]);
    expect(code).toBe(2);
    expect(stdout).toMatch(/^\[1\/7\] config +FAILED .*nothing was started/m);
    expect(stdout).not.toMatch(/^\[2\/7\]/m);
    expect(stderr).toContain('is invalid (2 issues)');
    expect(stderr).toContain('dfsps.count: got 1; allowed: an integer from 2 to 64');
    expect(stderr).toContain('security.mtls: got "maybe"; allowed: true or false');
    expect(existsSync(runDir)).toBe(false);
    expect(existsSync(resultsDir)).toBe(false);
    expect(listeners(planPorts(2))).toEqual([]);
  }, 60_000);
});
