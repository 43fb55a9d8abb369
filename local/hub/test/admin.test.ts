import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { HUB_OPERATOR } from '@mlperf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENCY, onboardDfsp, onboardHub, startStack, type TestStack } from './support/stack.js';

type ErrorJson = { errorInformation: { errorCode: string; errorDescription: string } };

function error(answer: { json: unknown }) {
  return (answer.json as ErrorJson | undefined)?.errorInformation;
}

/** A raw request, for bodies and headers fetch() would not send as given. */
function raw(
  url: string,
  method: string,
  body: string | undefined,
  headers: Record<string, string>,
): Promise<{ status: number; json: unknown }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { hostname: target.hostname, port: target.port, path: target.pathname, method, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: response.statusCode ?? 0, json: text ? JSON.parse(text) : undefined });
        });
      },
    );
    outgoing.setTimeout(5000, () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const model = {
  name: 'DEFERREDNET',
  settlementGranularity: 'NET',
  settlementInterchange: 'MULTILATERAL',
  settlementDelay: 'DEFERRED',
  currency: CURRENCY,
  requireLiquidityCheck: true,
  ledgerAccountType: 'POSITION',
  autoPositionReset: true,
  settlementAccountType: 'SETTLEMENT',
};

describe('admin API: onboarding order and idempotency', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ onboard: false });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('refuses a DFSP before the hub accounts (3003) and before a settlement model (6000)', async () => {
    const early = await stack.admin('POST', '/participants', { name: 'perffsp1', currency: CURRENCY });
    expect(early.status).toBe(400);
    expect(error(early)).toEqual({
      errorCode: '3003',
      errorDescription:
        'Add Party information error - Hub reconciliation account for the specified currency does not exist',
    });
    for (const type of ['HUB_MULTILATERAL_SETTLEMENT', 'HUB_RECONCILIATION']) {
      expect(
        (await stack.admin('POST', '/participants/Hub/accounts', { type, currency: CURRENCY })).status,
      ).toBe(201);
    }
    const noModel = await stack.admin('POST', '/participants', { name: 'perffsp1', currency: CURRENCY });
    expect(noModel.status).toBe(400);
    expect(error(noModel)?.errorCode).toBe('6000');
    expect((await stack.admin('GET', '/participants/perffsp1')).status).toBe(400);
  });

  it('answers "already exists" with central-ledger codes: hub account 3003, model 3000, participant 3000', async () => {
    const hubAgain = await stack.admin('POST', '/participants/Hub/accounts', {
      type: 'HUB_RECONCILIATION',
      currency: CURRENCY,
    });
    expect(hubAgain.status).toBe(400);
    expect(error(hubAgain)?.errorDescription).toBe(
      'Add Party information error - Hub account has already been registered.',
    );

    expect((await stack.admin('POST', '/settlementModels', model)).status).toBe(201);
    const modelAgain = await stack.admin('POST', '/settlementModels', model);
    expect([modelAgain.status, error(modelAgain)?.errorCode]).toEqual([400, '3000']);
    expect(error(modelAgain)?.errorDescription).toBe(
      'Generic client error - Settlement Model already exists',
    );

    const created = await stack.admin('POST', '/participants', { name: 'perffsp1', currency: CURRENCY });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'perffsp1',
      isActive: 1,
      accounts: [
        { ledgerAccountType: 'POSITION', currency: CURRENCY, isActive: 0 },
        { ledgerAccountType: 'SETTLEMENT', currency: CURRENCY, isActive: 0 },
      ],
    });
    const again = await stack.admin('POST', '/participants', { name: 'perffsp1', currency: CURRENCY });
    expect(again.status).toBe(400);
    expect(error(again)).toEqual({
      errorCode: '3000',
      errorDescription: 'Generic client error - Participant currency has already been registered',
    });
    // A second currency is a new account pair, not a duplicate.
    for (const type of ['HUB_MULTILATERAL_SETTLEMENT', 'HUB_RECONCILIATION']) {
      await stack.admin('POST', '/participants/Hub/accounts', { type, currency: 'EUR' });
    }
    await stack.admin('POST', '/settlementModels', { ...model, name: 'DEFERREDNETEUR', currency: 'EUR' });
    expect((await stack.admin('POST', '/participants', { name: 'perffsp1', currency: 'EUR' })).status).toBe(
      201,
    );
  });

  it('lists accounts only once positions and limits are set; limits once, then PUT', async () => {
    expect((await stack.admin('GET', '/participants/perffsp1/accounts')).json).toEqual([]);
    const body = { currency: CURRENCY, limit: { type: 'NET_DEBIT_CAP', value: 5000 }, initialPosition: 0 };
    expect((await stack.admin('POST', '/participants/perffsp1/initialPositionAndLimits', body)).status).toBe(
      201,
    );
    const twice = await stack.admin('POST', '/participants/perffsp1/initialPositionAndLimits', body);
    expect(twice.status).toBe(500);
    expect(error(twice)).toEqual({
      errorCode: '2001',
      errorDescription: 'Internal server error - Participant Limit or Initial Position already set',
    });
    const accounts = (await stack.admin('GET', '/participants/perffsp1/accounts')).json as Array<{
      id: number;
      ledgerAccountType: string;
      isActive: number;
      value: number;
    }>;
    expect(accounts.map((a) => [a.ledgerAccountType, a.isActive, a.value])).toEqual([
      ['POSITION', 1, 0],
      ['SETTLEMENT', 1, 0],
    ]);
    const raised = await stack.admin('PUT', '/participants/perffsp1/limits', {
      currency: CURRENCY,
      limit: { type: 'NET_DEBIT_CAP', value: 7500.5, alarmPercentage: 20 },
    });
    expect(raised.status).toBe(200);
    expect(raised.json).toEqual({
      currency: CURRENCY,
      limit: { type: 'NET_DEBIT_CAP', value: 7500.5, alarmPercentage: 20 },
    });
    expect((await stack.admin('GET', '/participants/perffsp1/limits')).json).toEqual([raised.json]);
  });

  it('records funds in once per transferId and reflects them on the SETTLEMENT account', async () => {
    const accounts = (await stack.admin('GET', '/participants/perffsp1/accounts?currency=USD'))
      .json as Array<{
      id: number;
      ledgerAccountType: string;
    }>;
    const settlement = accounts.find((a) => a.ledgerAccountType === 'SETTLEMENT');
    const position = accounts.find((a) => a.ledgerAccountType === 'POSITION');
    const funds = {
      transferId: randomUUID(),
      externalReference: 'ref',
      action: 'recordFundsIn',
      reason: 'liquidity',
      amount: { amount: '2500.25', currency: CURRENCY },
    };
    const path = `/participants/perffsp1/accounts/${settlement?.id}`;
    expect((await stack.admin('POST', path, funds)).status).toBe(202);
    expect((await stack.admin('POST', path, funds)).status).toBe(202);
    const conflicting = await stack.admin('POST', path, {
      ...funds,
      amount: { amount: 1, currency: CURRENCY },
    });
    expect([conflicting.status, error(conflicting)?.errorCode]).toEqual([400, '3106']);
    const after = (await stack.admin('GET', '/participants/perffsp1/accounts')).json as Array<{
      ledgerAccountType: string;
      value: number;
    }>;
    expect(after.find((a) => a.ledgerAccountType === 'SETTLEMENT')?.value).toBe(-2500.25);

    const toPosition = await stack.admin('POST', `/participants/perffsp1/accounts/${position?.id}`, {
      ...funds,
      transferId: randomUUID(),
    });
    expect(toPosition.status).toBe(500);
    expect(error(toPosition)?.errorDescription).toBe(
      'Internal server error - Account is not SETTLEMENT type',
    );
    const wrongAccount = await stack.admin('POST', '/participants/perffsp1/accounts/999', {
      ...funds,
      transferId: randomUUID(),
    });
    expect(error(wrongAccount)?.errorDescription).toMatch(/does not match participant or currency/);
  });

  it('upserts endpoints and returns them', async () => {
    const endpoint = {
      type: 'FSPIOP_CALLBACK_URL_TRANSFER_POST',
      value: 'https://127.0.0.1:47100/transfers',
    };
    expect((await stack.admin('POST', '/participants/perffsp1/endpoints', endpoint)).status).toBe(201);
    expect((await stack.admin('POST', '/participants/perffsp1/endpoints', endpoint)).status).toBe(201);
    const moved = { ...endpoint, value: 'https://127.0.0.1:47200/transfers' };
    expect((await stack.admin('POST', '/participants/perffsp1/endpoints', moved)).status).toBe(201);
    expect((await stack.admin('GET', '/participants/perffsp1/endpoints')).json).toEqual([moved]);
    expect(
      (await stack.admin('GET', '/participants/perffsp1/endpoints?type=FSPIOP_CALLBACK_URL_TRANSFER_POST'))
        .json,
    ).toEqual(moved);
    const unknownType = await stack.admin('POST', '/participants/perffsp1/endpoints', {
      type: 'NOPE',
      value: 'x',
    });
    expect([unknownType.status, error(unknownType)?.errorCode]).toEqual([400, '3100']);
    const badUrl = await stack.admin('POST', '/participants/perffsp1/endpoints', {
      type: 'FSPIOP_CALLBACK_URL_QUOTES',
      value: 'not a url',
    });
    expect([badUrl.status, error(badUrl)?.errorCode]).toEqual([400, '3100']);
  });

  it('serves health and Prometheus metrics', async () => {
    const health = await stack.admin('GET', '/health', undefined, { 'fspiop-source': '' });
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: 'OK' });
    const metrics = await fetch(`${stack.hub.urls.admin}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    for (const name of [
      'hub_transfers_total',
      'hub_transfer_prepare_to_commit_seconds',
      'hub_position',
      'hub_rejected_requests_total',
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });
});

describe('admin API: bad inputs get FSPIOP errors, never a crash or a hang', () => {
  let stack: TestStack;
  let settlementId = 0;
  beforeAll(async () => {
    stack = await startStack({ onboard: false });
    await onboardHub(stack);
    await onboardDfsp(stack, { id: 'perffsp1', endpoints: () => [] }, 1, {
      netDebitCap: 10,
      funds: 10,
      parties: 0,
    });
    const accounts = (await stack.admin('GET', '/participants/perffsp1/accounts')).json as Array<{
      id: number;
      ledgerAccountType: string;
    }>;
    settlementId = accounts.find((a) => a.ledgerAccountType === 'SETTLEMENT')?.id ?? 0;
  });
  afterAll(async () => {
    await stack?.close();
  });

  const json = { 'content-type': 'application/json', 'fspiop-source': HUB_OPERATOR };

  it('malformed JSON → 3101', async () => {
    const answer = await raw(`${stack.hub.urls.admin}/participants`, 'POST', '{"name": "x",', json);
    expect([answer.status, error(answer)?.errorCode]).toEqual([400, '3101']);
  });

  it('an FSPIOP vendor content type → 3101; no content type → 3102', async () => {
    const vendor = await raw(
      `${stack.hub.urls.admin}/participants`,
      'POST',
      '{"name":"perffsp9","currency":"USD"}',
      {
        'content-type': 'application/vnd.interoperability.participants+json;version=1.0',
        'fspiop-source': HUB_OPERATOR,
      },
    );
    expect([vendor.status, error(vendor)?.errorCode]).toEqual([400, '3101']);
    const none = await raw(
      `${stack.hub.urls.admin}/participants`,
      'POST',
      '{"name":"perffsp9","currency":"USD"}',
      {
        'fspiop-source': HUB_OPERATOR,
      },
    );
    expect([none.status, error(none)?.errorCode]).toEqual([400, '3102']);
  });

  it('missing FSPIOP-Source → 3102', async () => {
    const answer = await raw(`${stack.hub.urls.admin}/participants/perffsp1`, 'GET', undefined, {});
    expect([answer.status, error(answer)?.errorCode]).toEqual([400, '3102']);
  });

  it('unknown participant → 3200; unknown path → 3002/404; wrong method → 3000/405', async () => {
    const unknown = await stack.admin('GET', '/participants/nobody');
    expect([unknown.status, error(unknown)?.errorCode]).toEqual([400, '3200']);
    const limits = await stack.admin('POST', '/participants/nobody/initialPositionAndLimits', {
      currency: CURRENCY,
      limit: { type: 'NET_DEBIT_CAP', value: 1 },
    });
    expect([limits.status, error(limits)?.errorCode]).toEqual([400, '3200']);
    const path = await stack.admin('GET', '/participantz');
    expect([path.status, error(path)?.errorCode]).toEqual([404, '3002']);
    const method = await stack.admin('DELETE', '/participants');
    expect([method.status, error(method)?.errorCode]).toEqual([405, '3000']);
  });

  it('unknown body fields → 3100; enums are case-sensitive → 3101; required fields → 3102', async () => {
    const extra = await stack.admin('POST', '/participants', {
      name: 'perffsp9',
      currency: CURRENCY,
      colour: 'red',
    });
    expect([extra.status, error(extra)?.errorCode]).toEqual([400, '3100']);
    expect(error(extra)?.errorDescription).toBe('Generic validation error - "colour" is not allowed');
    const lower = await stack.admin('POST', '/settlementModels', {
      ...model,
      name: 'M2',
      settlementGranularity: 'net',
    });
    expect([lower.status, error(lower)?.errorCode]).toEqual([400, '3101']);
    const currency = await stack.admin('POST', '/participants', { name: 'perffsp9', currency: 'usd' });
    expect([currency.status, error(currency)?.errorCode]).toEqual([400, '3101']);
    const { autoPositionReset: _a, ...noReset } = model;
    const missing = await stack.admin('POST', '/settlementModels', { ...noReset, name: 'M3' });
    expect([missing.status, error(missing)?.errorCode]).toEqual([400, '3102']);
    expect(error(missing)?.errorDescription).toBe(
      'Missing mandatory element - "autoPositionReset" is required',
    );
    const limitType = await stack.admin('POST', '/participants/perffsp1/initialPositionAndLimits', {
      currency: CURRENCY,
      limit: { type: 'net_debit_cap', value: 1 },
    });
    expect([limitType.status, error(limitType)?.errorCode]).toEqual([400, '3101']);
  });

  it('settlement model names are letters and digits; the combination must be a valid one', async () => {
    const dashed = await stack.admin('POST', '/settlementModels', { ...model, name: 'DEFERRED-NET' });
    expect([dashed.status, error(dashed)?.errorCode]).toEqual([400, '3101']);
    const invalid = await stack.admin('POST', '/settlementModels', {
      ...model,
      name: 'ImmediateNet',
      settlementDelay: 'IMMEDIATE',
    });
    expect([invalid.status, error(invalid)?.errorCode]).toEqual([400, '3000']);
  });

  it('funds in: bad amounts → 3100, upper-case or missing transferId → 3101/3102, no currency → 3102', async () => {
    const path = `/participants/perffsp1/accounts/${settlementId}`;
    const base = {
      transferId: randomUUID(),
      externalReference: 'ref',
      action: 'recordFundsIn',
      reason: 'r',
      amount: { amount: 100, currency: CURRENCY },
    };
    for (const amount of ['abc', -5, 0, 1.00001]) {
      const answer = await stack.admin('POST', path, { ...base, amount: { amount, currency: CURRENCY } });
      expect([answer.status, error(answer)?.errorCode], `amount ${amount}`).toEqual([400, '3100']);
    }
    const upper = await stack.admin('POST', path, { ...base, transferId: randomUUID().toUpperCase() });
    expect([upper.status, error(upper)?.errorCode]).toEqual([400, '3101']);
    const { transferId: _t, ...noId } = base;
    const missingId = await stack.admin('POST', path, noId);
    expect([missingId.status, error(missingId)?.errorCode]).toEqual([400, '3102']);
    const noCurrency = await stack.admin('POST', path, { ...base, amount: { amount: 100 } });
    expect([noCurrency.status, error(noCurrency)?.errorCode]).toEqual([400, '3102']);
    const action = await stack.admin('POST', path, { ...base, action: 'recordfundsin' });
    expect([action.status, error(action)?.errorCode]).toEqual([400, '3101']);
    const badId = await stack.admin('POST', '/participants/perffsp1/accounts/abc', base);
    expect([badId.status, error(badId)?.errorCode]).toEqual([400, '3100']);
    const ok = await stack.admin('POST', path, { ...base, amount: { amount: '100.5', currency: CURRENCY } });
    expect(ok.status).toBe(202);
  });

  it('an oversized body is refused with 3104', async () => {
    const answer = await raw(
      `${stack.hub.urls.admin}/participants`,
      'POST',
      JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
      json,
    );
    expect([answer.status, error(answer)?.errorCode]).toEqual([400, '3104']);
  });
});
