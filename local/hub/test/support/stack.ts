/**
 * A hub plus fake DFSPs on loopback, onboarded through the admin and ALS APIs exactly as REFERENCE §3
 * lists the steps. Every port is ephemeral; `close()` stops everything and removes the temp PKI.
 */
import { randomUUID } from 'node:crypto';
import { dfspId, HUB_FSP_ID, HUB_OPERATOR, partyIdentifier } from '@mlperf/core';
import { expect } from 'vitest';
import { createTestPki, type TestPki } from '../../../../actions/core/test/security/pki.js';
import { type HubConfigInput, parseHubConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { type HubHandle, type StartHubOptions, startHub } from '../../src/server.js';
import { FakeDfsp } from './dfsp.js';

export const CURRENCY = 'USD';

export interface HttpAnswer {
  status: number;
  json: unknown;
  text: string;
}

export async function call(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method,
    headers: {
      'fspiop-source': HUB_OPERATOR,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(5000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

export interface StackOptions {
  dfsps?: number;
  netDebitCap?: number;
  funds?: number;
  parties?: number;
  config?: Partial<HubConfigInput>;
  hub?: StartHubOptions;
  /** Skip onboarding (admin API tests do it themselves). */
  onboard?: boolean;
}

export interface TestStack {
  pki: TestPki;
  hub: HubHandle;
  dfsps: FakeDfsp[];
  dfsp(index: number): FakeDfsp;
  admin(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
  als(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
  close(): Promise<void>;
}

export function hubConfig(pki: TestPki, overrides: Partial<HubConfigInput> = {}) {
  return parseHubConfig({
    host: '127.0.0.1',
    fspiopPort: 0,
    adminPort: 0,
    alsPort: 0,
    hubFspId: HUB_FSP_ID,
    tls: { caPath: pki.caPath, certPath: pki.hubServer.certPath, keyPath: pki.hubServer.keyPath },
    callbackTls: { caPath: pki.caPath, certPath: pki.hubClient.certPath, keyPath: pki.hubClient.keyPath },
    jws: {
      validate: true,
      verificationKeysDir: pki.jwsDir,
      signingKeyPath: `${pki.dir}/jws-private/${HUB_FSP_ID}-key.pem`,
    },
    ilp: { check: true },
    retentionSeconds: 60,
    ...overrides,
  });
}

/** The hub-wide onboarding steps (hub accounts, settlement model, MSISDN oracle). */
export async function onboardHub(stack: Pick<TestStack, 'admin' | 'als'>): Promise<void> {
  for (const type of ['HUB_MULTILATERAL_SETTLEMENT', 'HUB_RECONCILIATION']) {
    expect(
      (await stack.admin('POST', '/participants/Hub/accounts', { type, currency: CURRENCY })).status,
    ).toBe(201);
  }
  const model = await stack.admin('POST', '/settlementModels', {
    name: 'DEFERREDNET',
    settlementGranularity: 'NET',
    settlementInterchange: 'MULTILATERAL',
    settlementDelay: 'DEFERRED',
    currency: CURRENCY,
    requireLiquidityCheck: true,
    ledgerAccountType: 'POSITION',
    autoPositionReset: true,
    settlementAccountType: 'SETTLEMENT',
  });
  expect(model.status).toBe(201);
  const oracle = await stack.als('POST', '/oracles', {
    oracleIdType: 'MSISDN',
    endpoint: { value: 'http://127.0.0.1:1/oracle', endpointType: 'URL' },
    currency: CURRENCY,
    isDefault: true,
  });
  expect(oracle.status).toBe(201);
}

/** The per-DFSP onboarding steps 1–6. */
export async function onboardDfsp(
  stack: Pick<TestStack, 'admin' | 'als'>,
  dfsp: { id: string; endpoints(): Array<{ type: string; value: string }> },
  index: number,
  options: { netDebitCap: number; funds: number; parties: number },
): Promise<void> {
  const name = dfsp.id;
  expect((await stack.admin('POST', '/participants', { name, currency: CURRENCY })).status).toBe(201);
  const limits = await stack.admin('POST', `/participants/${name}/initialPositionAndLimits`, {
    currency: CURRENCY,
    limit: { type: 'NET_DEBIT_CAP', value: options.netDebitCap },
    initialPosition: 0,
  });
  expect(limits.status).toBe(201);
  const accounts = await stack.admin('GET', `/participants/${name}/accounts`);
  const settlement = (
    accounts.json as Array<{ id: number; ledgerAccountType: string; currency: string }>
  ).find((a) => a.ledgerAccountType === 'SETTLEMENT' && a.currency === CURRENCY);
  expect(settlement).toBeDefined();
  const funds = await stack.admin('POST', `/participants/${name}/accounts/${settlement?.id}`, {
    transferId: randomUUID(),
    externalReference: `funds-${name}`,
    action: 'recordFundsIn',
    reason: 'rehearsal liquidity',
    amount: { amount: options.funds, currency: CURRENCY },
  });
  expect(funds.status).toBe(202);
  for (const endpoint of dfsp.endpoints()) {
    expect((await stack.admin('POST', `/participants/${name}/endpoints`, endpoint)).status).toBe(201);
  }
  const partyList = Array.from({ length: options.parties }, (_, n) => ({
    partyIdType: 'MSISDN',
    partyIdentifier: partyIdentifier(index, n),
    fspId: name,
  }));
  if (partyList.length > 0) {
    const bulk = await stack.als('POST', '/participants', {
      requestId: randomUUID(),
      partyList,
      currency: CURRENCY,
    });
    expect(bulk.status).toBe(201);
  }
}

export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  const count = options.dfsps ?? 2;
  const ids = Array.from({ length: count }, (_, i) => dfspId(i + 1));
  const pki = createTestPki(ids);
  const hub = await startHub(hubConfig(pki, options.config), {
    logger: silentLogger,
    defaultMetrics: false,
    sweepTimer: false,
    ...options.hub,
  });
  const dfsps = ids.map((id) => new FakeDfsp(id, pki, hub.urls.fspiop, [...ids, HUB_FSP_ID]));
  await Promise.all(dfsps.map((d) => d.start()));
  const stack: TestStack = {
    pki,
    hub,
    dfsps,
    dfsp: (index) => dfsps[index - 1] as FakeDfsp,
    admin: (method, path, body, headers) => call(`${hub.urls.admin}${path}`, method, body, headers),
    als: (method, path, body, headers) => call(`${hub.urls.als}${path}`, method, body, headers),
    async close() {
      await Promise.all(dfsps.map((d) => d.close()));
      await hub.close();
      pki.remove();
    },
  };
  if (options.onboard ?? true) {
    await onboardHub(stack);
    for (const [i, dfsp] of dfsps.entries()) {
      await onboardDfsp(stack, dfsp, i + 1, {
        netDebitCap: options.netDebitCap ?? 10_000,
        funds: options.funds ?? 1_000_000,
        parties: options.parties ?? 10,
      });
    }
  }
  return stack;
}
