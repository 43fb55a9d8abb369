/**
 * The real stack: the hub emulator (local/hub), 2 SDK scheme adapters 18 with their backends and Redis.
 * Checks every health endpoint, then onboards both DFSPs with the core's onboarding client and sends
 * one transfer through the SDKs under the full security posture (mTLS, JWS, ILP), then tears it down.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import {
  createAdminTransport,
  createFetchHttpClient,
  createLedgerAdmin,
  createOracleAdmin,
  onboardFleet,
  partyIdentifier,
} from '@mlperf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupAlive, httpStatus, listPorts, pidAlive, type StackHandle, startStack } from '../src/index.js';
import { listeners } from './helpers.js';

const BASE = 25000;
const runDir = join(tmpdir(), `mlperf-real-hub-${process.pid}`);
let stack: StackHandle | undefined;

describe('the real stack: hub emulator + 2 DFSPs', () => {
  beforeAll(async () => {
    stack = await startStack({
      runDir,
      basePort: BASE,
      dfsps: { count: 2, partiesPerDfsp: 20, currency: 'XXX' },
      graceMs: 3_000,
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await rm(runDir, { recursive: true, force: true });
  }, 30_000);

  const live = () => {
    if (!stack) throw new Error('the stack did not start');
    return stack;
  };

  function mtlsHandshake(port: number, client?: { cert: Buffer; key: Buffer }): Promise<string> {
    return new Promise((resolve) => {
      const { pki } = live();
      readFile(pki.ca.certPath).then((ca) => {
        const socket = connect({ host: '127.0.0.1', port, ca, ...client });
        const timer = setTimeout(() => {
          socket.destroy();
          resolve('timeout');
        }, 5_000);
        socket.once('secureConnect', () =>
          socket.write('GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
        );
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
    });
  }

  it('answers on every health endpoint, on loopback only', async () => {
    const { ports } = live();
    const checks = await live().health();
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.map((c) => c.process)).toEqual(
      expect.arrayContaining(['hub', 'redis-perffsp1', 'backend-perffsp2', 'sdk-perffsp2']),
    );
    expect(await httpStatus(ports.hub.als, '/health')).toBe(200);
    const metrics = await fetch(`http://127.0.0.1:${ports.hub.admin}/metrics`, {
      signal: AbortSignal.timeout(5_000),
    });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^# HELP /m);
    const all = listPorts(ports).map(([, port]) => port);
    expect(listeners(all)).toEqual(all.map((port) => `127.0.0.1:${port}`).sort());
    console.info(`real 2-DFSP stack started in ${live().startMs} ms`);
  });

  it('guards the hub FSPIOP port with mutual TLS from the stack PKI', async () => {
    const { pki, ports } = live();
    const identity = pki.dfsps.get('perffsp1');
    if (!identity) throw new Error('no perffsp1 identity');
    const client = {
      cert: await readFile(identity.client.certPath),
      key: await readFile(identity.client.keyPath),
    };
    expect(await mtlsHandshake(ports.hub.fspiop, client)).toBe('answered');
    expect(await mtlsHandshake(ports.hub.fspiop)).not.toBe('answered');
  });

  it('carries a transfer end to end through both SDKs after onboarding', async () => {
    const { ports } = live();
    const http = createFetchHttpClient();
    const ledger = createLedgerAdmin(createAdminTransport(http, `http://127.0.0.1:${ports.hub.admin}`));
    const als = createAdminTransport(http, `http://127.0.0.1:${ports.hub.als}`);
    await onboardFleet(
      { dfsps: { count: 2, partiesPerDfsp: 20, currency: 'XXX', trafficMix: 'uniform' } },
      (fspId) => `https://127.0.0.1:${ports.dfsps.find((d) => d.fspId === fspId)?.inbound}`,
      {
        ledger,
        oracle: createOracleAdmin({ alsAdmin: als, oracle: als }),
        runId: 'real-hub-test',
        netDebitCap: 100_000,
        fundsIn: 100_000,
        oracleEndpoint: `http://127.0.0.1:${ports.hub.als}`,
      },
    );
    const response = await fetch(`http://127.0.0.1:${ports.dfsps[0]?.outbound}/transfers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        homeTransactionId: randomUUID(),
        from: { idType: 'MSISDN', idValue: partyIdentifier(1, 1) },
        to: { idType: 'MSISDN', idValue: partyIdentifier(2, 3) },
        amountType: 'SEND',
        currency: 'XXX',
        amount: '10',
        transactionType: 'TRANSFER',
      }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { currentState?: string; to?: { fspId?: string } };
    expect({ status: response.status, state: body.currentState, payee: body.to?.fspId }).toEqual({
      status: 200,
      state: 'COMPLETED',
      payee: 'perffsp2',
    });
  }, 60_000);

  it('stops every process', async () => {
    const pids = live()
      .processes()
      .map((p) => p.pid);
    const { stopMs } = await live().stop();
    console.info(`real 2-DFSP stack stopped in ${stopMs} ms`);
    expect(pids.filter((pid) => pidAlive(pid) || groupAlive(pid))).toEqual([]);
  }, 30_000);
});
