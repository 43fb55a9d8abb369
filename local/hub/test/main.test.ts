import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../../../actions/core/test/security/pki.js';
import { HubConfigError, loadHubConfig, parseHubConfig } from '../src/config.js';
import { hubConfig } from './support/stack.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('hub.json', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = createTestPki([]);
  });
  afterAll(() => pki?.remove());

  it('accepts the contract example and applies defaults for the optional tuning', () => {
    const config = hubConfig(pki, { fspiopPort: 47010, adminPort: 47011, alsPort: 47012 });
    expect(config).toMatchObject({
      hubFspId: 'switch',
      retentionSeconds: 60,
      notifyPayeeOnCommit: false,
      callbackTimeoutMs: 10_000,
      keepAliveTimeoutMs: 5000,
      sweepIntervalMs: 1000,
    });
  });

  it('refuses unknown keys, missing fields and bad ports with a readable message', () => {
    const good = hubConfig(pki);
    expect(() => parseHubConfig({ ...good, colour: 'red' })).toThrow(/colour/);
    const { retentionSeconds: _r, ...missing } = good;
    expect(() => parseHubConfig(missing)).toThrow(/retentionSeconds/);
    expect(() => parseHubConfig({ ...good, adminPort: 70_000 })).toThrow(HubConfigError);
    expect(() => parseHubConfig({ ...good, jws: { ...good.jws, validate: 'yes' } })).toThrow(/jws\.validate/);
  });

  it('reports a missing or non-JSON file', async () => {
    await expect(loadHubConfig(join(pki.dir, 'nope.json'))).rejects.toThrow(/cannot read/);
    const file = join(pki.dir, 'bad.json');
    writeFileSync(file, '{ "host": ');
    await expect(loadHubConfig(file)).rejects.toThrow(/not JSON/);
  });
});

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} within ${timeoutMs} ms: ${buffer}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => pattern.test(l));
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    });
  });
}

describe('main.ts', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = createTestPki([]);
  });
  afterAll(() => pki?.remove());

  it('starts from HUB_CONFIG, serves /health, and exits 0 on SIGTERM', async () => {
    const file = join(pki.dir, 'hub.json');
    writeFileSync(file, JSON.stringify(hubConfig(pki)));
    const child = spawn(process.execPath, ['--import', 'tsx', 'local/hub/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, HUB_CONFIG: file },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await waitForLine(child, /hub listening/, 30_000);
      const { admin } = JSON.parse(line) as { admin: number };
      const health = await fetch(`http://127.0.0.1:${admin}/health`, { signal: AbortSignal.timeout(5000) });
      expect(health.status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('exits 1 without HUB_CONFIG', async () => {
    const { HUB_CONFIG: _unset, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'local/hub/src/main.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    clearTimeout(timer);
    expect(code).toBe(1);
  });
});
