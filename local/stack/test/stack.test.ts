/**
 * The supervisor with 2 real SDK scheme adapters, 2 backend simulators, Redis and a STUB hub
 * (helpers.ts; the real hub is exercised by real-hub.test.ts).
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FULL_SECURITY,
  groupAlive,
  httpStatus,
  hubConfig,
  listPorts,
  pidAlive,
  pollUntil,
  readState,
  redisPing,
  type StackEnd,
  type StackHandle,
  startStack,
} from '../src/index.js';
import { listeners, STUB_HUB } from './helpers.js';

// Below 32768: outside Linux's ephemeral port range, so no outgoing connection can hold a port of the plan.
const BASE = 22000;
let stack: StackHandle;
const runDir = join(tmpdir(), `mlperf-stack-test-${process.pid}`);

beforeAll(async () => {
  stack = await startStack({
    runDir,
    basePort: BASE,
    dfsps: { count: 2, partiesPerDfsp: 100, currency: 'XXX' },
    hub: STUB_HUB,
    graceMs: 3_000,
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await rm(runDir, { recursive: true, force: true });
}, 30_000);

async function walk(dir: string): Promise<{ dirs: string[]; files: string[] }> {
  const dirs = [dir];
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) dirs.push(path);
    else files.push(path);
  }
  return { dirs, files };
}

function tlsHandshake(port: number, client?: { cert: Buffer; key: Buffer }, ca?: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, ca, ...client });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('timeout');
    }, 5_000);
    socket.once('secureConnect', () => {
      // TLS 1.3: a refused client certificate shows up after the handshake, on the first exchange.
      socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    });
    socket.once('data', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve('answered');
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      resolve(`error: ${error.message}`);
    });
    socket.once('close', () => {
      clearTimeout(timer);
      resolve('closed');
    });
  });
}

describe('a 2-DFSP stack with a stub hub', () => {
  it('starts every process and reports every health endpoint healthy', async () => {
    expect(stack.processes().map((p) => p.name)).toEqual([
      'redis-perffsp1',
      'redis-perffsp2',
      'hub',
      'backend-perffsp1',
      'sdk-perffsp1',
      'backend-perffsp2',
      'sdk-perffsp2',
    ]);
    const checks = await stack.health();
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks).toHaveLength(1 + 5 * 2);
    const { ports } = stack;
    for (const d of ports.dfsps) expect(await redisPing(d.redis)).toBe(true);
    expect(await httpStatus(ports.hub.admin, '/health')).toBe(200);
    for (const d of ports.dfsps) {
      const health = await fetch(`http://127.0.0.1:${d.backend}/health`, {
        signal: AbortSignal.timeout(5_000),
      });
      expect(await health.json()).toMatchObject({ status: 'OK', fspId: d.fspId });
      expect(await httpStatus(d.outbound, '/')).toBe(200);
      const metrics = await fetch(`http://127.0.0.1:${d.metrics}/metrics`, {
        signal: AbortSignal.timeout(5_000),
      });
      expect(await metrics.text()).toContain('mojaloop_connector_default_');
    }
    console.info(`2-DFSP stack (stub hub) started in ${stack.startMs} ms`);
  });

  it('serves SDK inbound over mutual TLS with the stack PKI, refusing clients without a certificate', async () => {
    const { pki, ports } = stack;
    const ca = await readFile(pki.ca.certPath);
    const hubClient = {
      cert: await readFile(pki.hub.client.certPath),
      key: await readFile(pki.hub.client.keyPath),
    };
    const inbound = ports.dfsps[0]?.inbound ?? 0;
    expect(await tlsHandshake(inbound, hubClient, ca)).toBe('answered');
    expect(await tlsHandshake(inbound, undefined, ca)).not.toBe('answered');
  });

  it('listens on 127.0.0.1 only', () => {
    const all = listPorts(stack.ports).map(([, port]) => port);
    // The stub hub opens only its admin port; the ALS and FSPIOP ports are the real hub's.
    const expected = all.filter((port) => port !== stack.ports.hub.fspiop && port !== stack.ports.hub.als);
    const bound = listeners(all);
    expect(bound).toEqual(expected.map((port) => `127.0.0.1:${port}`).sort());
  });

  it('lays out the run directory privately: dirs 0700, files 0600', async () => {
    const { dirs, files } = await walk(runDir);
    const rel = files.map((f) => f.slice(runDir.length + 1));
    expect(rel).toEqual(
      expect.arrayContaining([
        'hub.json',
        'stack.json',
        'sdk/perffsp1.env',
        'sdk/perffsp2.env',
        'logs/redis-perffsp1.log',
        'logs/redis-perffsp2.log',
        'logs/hub.log',
        'logs/backend-perffsp1.log',
        'logs/sdk-perffsp1.log',
        'logs/backend-perffsp2.log',
        'logs/sdk-perffsp2.log',
        'pki/ca.pem',
        'jws/switch.pem',
      ]),
    );
    for (const dir of dirs) expect([dir, (await stat(dir)).mode & 0o777]).toEqual([dir, 0o700]);
    for (const file of files) expect([file, (await stat(file)).mode & 0o777]).toEqual([file, 0o600]);
  });

  it('writes hub.json per the contract, and records the stack in stack.json', async () => {
    const written = JSON.parse(await readFile(stack.hubConfigPath, 'utf8'));
    expect(written).toEqual(hubConfig({ ports: stack.ports, pki: stack.pki, security: FULL_SECURITY }));
    const state = await readState(runDir);
    expect(state?.status).toBe('up');
    expect(state?.supervisor.pid).toBe(process.pid);
    expect(state?.processes.map((p) => p.pid)).toEqual(stack.processes().map((p) => p.pid));
  });

  it('keeps secrets and keys out of every log', async () => {
    const secrets: string[] = [];
    for (const fsp of ['perffsp1', 'perffsp2']) {
      const env = await readFile(join(runDir, 'sdk', `${fsp}.env`), 'utf8');
      const secret = /^ILP_SECRET=(.+)$/m.exec(env)?.[1];
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      secrets.push(secret ?? '');
    }
    expect(secrets[0]).not.toBe(secrets[1]);
    for (const log of (await readdir(join(runDir, 'logs'))).map((f) => join(runDir, 'logs', f))) {
      const text = await readFile(log, 'utf8');
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/PRIVATE KEY/);
    }
  });

  it('stops everything when one child dies, naming it, and leaves no process behind', async () => {
    const pids = stack.processes().map((p) => p.pid);
    const reaper = stack.group.reaperPid ?? 0;
    const victim = stack.processes().find((p) => p.name === 'backend-perffsp2');
    if (!victim) throw new Error('no backend-perffsp2');
    process.kill(victim.pid, 'SIGKILL');
    const end: StackEnd = await Promise.race([
      stack.done,
      new Promise<StackEnd>((_, reject) => setTimeout(() => reject(new Error('stack did not stop')), 30_000)),
    ]);
    expect(end.reason).toBe('failed');
    if (end.reason !== 'failed') return;
    expect(end.failure.process).toBe('backend-perffsp2');
    expect(end.failure.exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(end.failure.message).toMatch(/^backend-perffsp2 killed by SIGKILL; the stack was stopped/);
    expect(end.failure.logTail).toContain('backend perffsp2 listening on 127.0.0.1:22205');
    expect(pids.filter((pid) => pidAlive(pid) || groupAlive(pid))).toEqual([]);
    expect(await pollUntil(() => !pidAlive(reaper), 5_000)).toBe(true);
    expect((await readState(runDir))?.status).toBe('failed');
    expect(listeners(listPorts(stack.ports).map(([, port]) => port))).toEqual([]);
  }, 60_000);
});
