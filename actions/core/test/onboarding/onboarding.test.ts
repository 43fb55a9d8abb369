import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAdminTransport,
  createFetchHttpClient,
  createLedgerAdmin,
  createOracleAdmin,
  type DfspOnboardingSpec,
  FleetOnboardingError,
  LEDGER_TRANSFER_ID,
  OnboardingError,
  type OnboardingEvent,
  type OnboardingOptions,
  onboardDfsp,
  onboardFleet,
  onboardHub,
} from '../../src/onboarding/index.js';
import { FakeAdminServers } from './fake-admin-server.js';

const CURRENCY = 'XXX';
const inbound = (fspId: string) => `https://127.0.0.1:${47000 + 100 * Number(fspId.replace(/\D/g, ''))}`;
const fleetConfig = (count: number, partiesPerDfsp: number) => ({
  dfsps: { count, currency: CURRENCY, partiesPerDfsp, trafficMix: 'uniform' as const },
});

let fake: FakeAdminServers;

/** The error a promise rejects with; fails the test when it resolves. */
async function failureOf(promise: Promise<unknown>): Promise<OnboardingError> {
  try {
    await promise;
  } catch (error) {
    return error as OnboardingError;
  }
  throw new Error('expected a rejection');
}
let events: OnboardingEvent[];

function options(extra: Partial<OnboardingOptions> = {}): OnboardingOptions {
  const http = createFetchHttpClient({ timeoutMs: 5000 });
  const ledgerTransport = createAdminTransport(http, fake.ledgerUrl);
  const alsTransport = createAdminTransport(http, fake.alsUrl);
  return {
    ledger: createLedgerAdmin(ledgerTransport),
    oracle: createOracleAdmin({ alsAdmin: alsTransport, oracle: alsTransport }),
    runId: 'run-42',
    logger: { info: (_message, event) => events.push(event) },
    fundsInConfirmation: { timeoutMs: 2000, intervalMs: 10 },
    ...extra,
  };
}

function dfsp(name: string, extra: Partial<DfspOnboardingSpec> = {}): DfspOnboardingSpec {
  return {
    name,
    currency: CURRENCY,
    netDebitCap: 50_000,
    fundsIn: 100_000,
    callbackBaseUrl: inbound(name),
    parties: ['250300000001', '250300000002'],
    ...extra,
  };
}

/** Everything the fake holds, for before/after comparisons. */
function snapshot() {
  return JSON.stringify({
    hub: [...fake.hubAccounts].sort(),
    models: [...fake.settlementModels.values()],
    participants: [...fake.participants.values()].map((p) => ({
      ...p,
      endpoints: [...p.endpoints],
      limits: [...p.limits],
      initialised: [...p.initialised],
    })),
    funds: [...fake.fundsTransfers.keys()].sort(),
    oracles: fake.oracles,
    parties: [...fake.parties].sort(),
  });
}

beforeEach(async () => {
  fake = await new FakeAdminServers().start();
  events = [];
});

afterEach(async () => {
  await fake.stop();
});

describe('onboardFleet against the fake central-ledger and ALS', () => {
  it('onboards the hub and 8 DFSPs in full', async () => {
    const summary = await onboardFleet(fleetConfig(8, 25), inbound, {
      ...options({ partyBatchSize: 10 }),
      netDebitCap: 1_000_000,
      fundsIn: 2_000_000,
      oracleEndpoint: 'http://oracle.local/oracle',
      concurrency: 3,
    });

    expect(summary.hub).toEqual({
      currency: CURRENCY,
      hubAccounts: { HUB_MULTILATERAL_SETTLEMENT: 'created', HUB_RECONCILIATION: 'created' },
      settlementModel: { outcome: 'created', name: 'DEFERREDNETXXX' },
      oracle: 'created',
    });
    expect(summary.dfsps.map((d) => d.fspId)).toEqual([
      'perffsp1',
      'perffsp2',
      'perffsp3',
      'perffsp4',
      'perffsp5',
      'perffsp6',
      'perffsp7',
      'perffsp8',
    ]);
    for (const result of summary.dfsps) {
      expect(result.steps).toEqual({
        participant: 'created',
        positionAndLimits: 'created',
        settlementAccount: 'existing',
        fundsIn: 'created',
        endpoints: 'created',
        parties: 'created',
      });
      expect(result.endpoints).toEqual({ created: 11, updated: 0, existing: 0 });
      expect(result.parties).toEqual({ created: 25, existing: 0, requests: 3 });
      expect(result.fundsIn.transferId).toMatch(LEDGER_TRANSFER_ID);
      expect(fake.settlementValue(result.fspId, CURRENCY)).toBe(-2_000_000);
      expect(fake.participants.get(result.fspId)?.limits.get(CURRENCY)).toEqual({ value: 1_000_000 });
      expect(fake.participants.get(result.fspId)?.endpoints.get('FSPIOP_CALLBACK_URL_TRANSFER_PUT')).toBe(
        `${inbound(result.fspId)}/transfers/{{transferId}}`,
      );
    }
    expect(fake.parties.get('MSISDN:250800000024')).toBe('perffsp8');
    expect(fake.parties.size).toBe(200);
    expect(fake.oracles).toEqual([
      {
        oracleIdType: 'MSISDN',
        endpoint: { value: 'http://oracle.local/oracle', endpointType: 'URL' },
        currency: CURRENCY,
        isDefault: true,
      },
    ]);

    // The hub comes first and every write is JSON from the hub operator.
    const writes = fake.writes();
    expect(writes.slice(0, 3).map((w) => `${w.method} ${w.path}`)).toEqual([
      'POST /participants/Hub/accounts',
      'POST /participants/Hub/accounts',
      'POST /settlementModels',
    ]);
    for (const write of writes) {
      expect(write.headers['content-type']).toBe('application/json');
      expect(write.headers['fspiop-source']).toBe('hub_operator');
      expect(write.headers.accept).toBe('application/json');
    }
    expect(events.filter((e) => e.kind === 'dfsp-done')).toHaveLength(8);
  });

  it('is a no-op when run again: nothing changes and every step reports existing', async () => {
    const fleet = {
      netDebitCap: 1_000_000,
      fundsIn: 2_000_000,
      oracleEndpoint: 'http://oracle.local/oracle',
    };
    await onboardFleet(fleetConfig(8, 25), inbound, { ...options({ partyBatchSize: 10 }), ...fleet });
    const before = snapshot();
    const writesBefore = fake.writes().length;

    const again = await onboardFleet(fleetConfig(8, 25), inbound, {
      ...options({ partyBatchSize: 10, runId: 'another-run' }),
      ...fleet,
    });

    expect(snapshot()).toBe(before);
    expect(again.hub).toEqual({
      currency: CURRENCY,
      hubAccounts: { HUB_MULTILATERAL_SETTLEMENT: 'existing', HUB_RECONCILIATION: 'existing' },
      settlementModel: { outcome: 'existing', name: 'DEFERREDNETXXX' },
      oracle: 'existing',
    });
    for (const result of again.dfsps) {
      expect(Object.values(result.steps)).toEqual(Array(6).fill('existing'));
      expect(result.fundsIn.transferId).toBeUndefined();
      expect(result.parties).toEqual({ created: 0, existing: 25, requests: 3 });
    }
    // The repeat only asks (create calls answered "already exists"); no funds-in, no endpoint writes.
    const repeatWrites = fake.writes().slice(writesBefore);
    expect(repeatWrites.filter((w) => /\/accounts\/\d+$/.test(w.path))).toEqual([]);
    expect(repeatWrites.filter((w) => w.path.endsWith('/endpoints'))).toEqual([]);
    expect(repeatWrites.filter((w) => w.method === 'PUT')).toEqual([]);
  });

  it('collects failing DFSPs and still onboards the others', async () => {
    fake.failNext(
      'ledger',
      'POST',
      /^\/participants\/perffsp2\/endpoints$/,
      500,
      '2001',
      'Internal server error - db down',
    );
    const failure = await onboardFleet(fleetConfig(3, 0), inbound, {
      ...options(),
      netDebitCap: 1000,
      fundsIn: 1000,
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FleetOnboardingError);
    const fleetError = failure as FleetOnboardingError;
    expect(fleetError.succeeded).toEqual(['perffsp1', 'perffsp3']);
    expect(fleetError.message).toContain('onboarding failed for 1 of 3 DFSPs');
    expect(fleetError.failures[0]?.message).toBe(
      'perffsp2: register callback endpoints (FSPIOP_CALLBACK_URL_PARTIES_GET): POST /participants/perffsp2/endpoints → HTTP 500, FSPIOP 2001 "Internal server error - db down"',
    );
  });

  it('registers many parties in bounded bulk requests', async () => {
    await onboardHub({ currency: CURRENCY }, options());
    const result = await onboardFleet(fleetConfig(2, 5000), inbound, {
      ...options({ partyBatchSize: 1000 }),
      netDebitCap: 10,
      fundsIn: 10,
    });
    expect(result.dfsps.map((d) => d.parties)).toEqual([
      { created: 5000, existing: 0, requests: 5 },
      { created: 5000, existing: 0, requests: 5 },
    ]);
    expect(fake.bulkSizes).toEqual(Array(10).fill(1000));
    expect(fake.parties.size).toBe(10_000);
    const progress = events.filter((e) => e.kind === 'parties' && e.subject === 'perffsp1');
    expect(progress.map((e) => (e.kind === 'parties' ? `${e.request}/${e.requests}` : ''))).toEqual([
      '1/5',
      '2/5',
      '3/5',
      '4/5',
      '5/5',
    ]);
  });

  it('refuses a bulk size above what the oracle accepts', async () => {
    await onboardHub({ currency: CURRENCY }, options());
    const parties = Array.from({ length: 20 }, (_, n) => `2501000000${String(n).padStart(2, '0')}`);
    await expect(
      onboardDfsp(dfsp('perffsp1', { parties }), options({ partyBatchSize: 10_001 })),
    ).rejects.toThrow(/partyBatchSize must be an integer from 1 to 10000, got 10001/);
  });
});

describe('onboardDfsp', () => {
  beforeEach(async () => {
    await onboardHub({ currency: CURRENCY }, options());
  });

  it('registers few parties one by one and recognises them on a repeat', async () => {
    const first = await onboardDfsp(dfsp('perffsp3'), options());
    expect(first.parties).toEqual({ created: 2, existing: 0, requests: 2 });
    expect(fake.requests.filter((r) => r.server === 'als').map((r) => [r.path, r.body])).toEqual([
      ['/participants/MSISDN/250300000001', { fspId: 'perffsp3', currency: CURRENCY }],
      ['/participants/MSISDN/250300000002', { fspId: 'perffsp3', currency: CURRENCY }],
    ]);
    const again = await onboardDfsp(dfsp('perffsp3'), options());
    expect(again.parties).toEqual({ created: 0, existing: 2, requests: 2 });
    expect(again.steps.parties).toBe('existing');
  });

  it('does not repeat a funds-in that is accepted but not applied yet', async () => {
    await fake.stop();
    fake = await new FakeAdminServers({ fundsDelayMs: 300 }).start();
    await onboardHub({ currency: CURRENCY }, options());
    const noWait = options({ fundsInConfirmation: false });
    const first = await onboardDfsp(dfsp('perffsp1'), noWait);
    const second = await onboardDfsp(dfsp('perffsp1'), noWait);
    expect(second.fundsIn.transferId).toBe(first.fundsIn.transferId);
    const fundsPosts = fake.writes().filter((w) => /\/accounts\/\d+$/.test(w.path));
    expect(fundsPosts).toHaveLength(2);
    expect(fake.fundsTransfers.size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(fake.settlementValue('perffsp1', CURRENCY)).toBe(-100_000);
    // Once applied, a third run sees the balance and records nothing.
    const third = await onboardDfsp(dfsp('perffsp1'), noWait);
    expect(third.steps.fundsIn).toBe('existing');
    expect(third.fundsIn.balanceBefore).toBe(100_000);
  });

  it('sends funds-in with a lower-case UUID, a positive amount and its currency', async () => {
    await onboardDfsp(dfsp('perffsp1'), options());
    const post = fake.writes().find((w) => /\/accounts\/\d+$/.test(w.path));
    expect(post?.body).toMatchObject({
      action: 'recordFundsIn',
      amount: { amount: '100000', currency: CURRENCY },
      externalReference: 'mlperf-run-42',
    });
    expect((post?.body as { transferId?: string } | undefined)?.transferId).toMatch(LEDGER_TRANSFER_ID);
  });

  it('fails the funds-in step when the balance never arrives', async () => {
    await fake.stop();
    fake = await new FakeAdminServers({ fundsDelayMs: 60_000 }).start();
    await onboardHub({ currency: CURRENCY }, options());
    const failure = await failureOf(
      onboardDfsp(dfsp('perffsp1'), options({ fundsInConfirmation: { timeoutMs: 100, intervalMs: 20 } })),
    );
    expect(failure).toBeInstanceOf(OnboardingError);
    expect(failure.step).toBe('record funds in');
    expect(failure.message).toMatch(
      /^perffsp1: record funds in: funds-in [0-9a-f-]{36} of 100000 XXX was accepted but the settlement balance is 0, not 100000, after 100 ms$/,
    );
  });

  it('changes an existing net debit cap through PUT limits', async () => {
    await onboardDfsp(dfsp('perffsp1'), options());
    const again = await onboardDfsp(dfsp('perffsp1', { netDebitCap: 75_000 }), options());
    expect(again.steps.positionAndLimits).toBe('updated');
    expect(fake.participants.get('perffsp1')?.limits.get(CURRENCY)).toEqual({
      value: 75_000,
      alarmPercentage: 10,
    });
  });

  it('updates only endpoints whose URL changed', async () => {
    await onboardDfsp(dfsp('perffsp1'), options());
    const moved = await onboardDfsp(
      dfsp('perffsp1', { callbackBaseUrl: 'https://127.0.0.1:48100' }),
      options(),
    );
    expect(moved.endpoints).toEqual({ created: 0, updated: 11, existing: 0 });
    expect(moved.steps.endpoints).toBe('updated');
  });

  const failures = [
    {
      step: 'create participant',
      server: 'ledger' as const,
      method: 'POST',
      path: /^\/participants$/,
      call: 'POST /participants',
    },
    {
      step: 'set initial position and limits',
      server: 'ledger' as const,
      method: 'POST',
      path: /initialPositionAndLimits$/,
      call: 'POST /participants/perffsp3/initialPositionAndLimits',
    },
    {
      step: 'find settlement account',
      server: 'ledger' as const,
      method: 'GET',
      path: /\/accounts$/,
      call: 'GET /participants/perffsp3/accounts',
    },
    {
      step: 'record funds in',
      server: 'ledger' as const,
      method: 'POST',
      path: /\/accounts\/\d+$/,
      call: 'POST /participants/perffsp3/accounts/',
    },
    {
      step: 'register callback endpoints',
      server: 'ledger' as const,
      method: 'GET',
      path: /\/endpoints$/,
      call: 'GET /participants/perffsp3/endpoints',
    },
    {
      step: 'register party identifiers',
      server: 'als' as const,
      method: 'POST',
      path: /^\/participants\/MSISDN\//,
      call: 'POST /participants/MSISDN/250300000001',
    },
  ];

  it.each(failures)('names the step, the call and the answer when "$step" fails', async (failure) => {
    fake.failNext(
      failure.server,
      failure.method,
      failure.path,
      400,
      '3101',
      'Malformed syntax - "foo" is not allowed',
    );
    const error = await failureOf(onboardDfsp(dfsp('perffsp3'), options()));
    expect(error).toBeInstanceOf(OnboardingError);
    expect(error.subject).toBe('perffsp3');
    expect(error.step).toBe(failure.step);
    expect(error.status).toBe(400);
    expect(error.fspiopError).toEqual({
      errorCode: '3101',
      errorDescription: 'Malformed syntax - "foo" is not allowed',
    });
    expect(error.message.startsWith(`perffsp3: ${failure.step}`)).toBe(true);
    expect(error.message).toContain(failure.call);
    expect(error.message).toContain('→ HTTP 400, FSPIOP 3101 "Malformed syntax - "foo" is not allowed"');
    expect(error.message).not.toMatch(/transferId|externalReference|"fspId"/);
  });

  it('counts an identifier another DFSP already holds as existing, not as an error', async () => {
    const parties = Array.from({ length: 12 }, (_, n) => `2503000000${String(n).padStart(2, '0')}`);
    fake.parties.set('MSISDN:250300000005', 'perffsp9');
    const result = await onboardDfsp(dfsp('perffsp3', { parties }), options({ partyBatchSize: 5 }));
    expect(result.parties).toEqual({ created: 11, existing: 1, requests: 3 });
    expect(fake.bulkSizes).toEqual([5, 5, 2]);
  });

  it('reports the first party a bulk registration rejected', async () => {
    const parties = Array.from({ length: 12 }, (_, n) => `2503000000${String(n).padStart(2, '0')}`);
    fake.rejectedParties.set('250300000007', {
      code: '3003',
      description: 'Add Party information error - db timeout',
    });
    fake.rejectedParties.set('250300000008', {
      code: '3003',
      description: 'Add Party information error - db timeout',
    });
    const error = await failureOf(onboardDfsp(dfsp('perffsp3', { parties }), options({ partyBatchSize: 5 })));
    expect(error).toBeInstanceOf(OnboardingError);
    expect(error.message).toBe(
      'perffsp3: register party identifiers: POST /participants (request 2 of 3): 2 of 5 parties were not registered; first: 250300000007 FSPIOP 3003 "Add Party information error - db timeout"',
    );
  });

  it('reports a hub step failure with the hub as subject', async () => {
    fake.failNext('ledger', 'GET', /^\/settlementModels$/, 503, '1001', 'Destination communication error');
    const error = await failureOf(onboardHub({ currency: 'USD' }, options()));
    expect(error.message).toBe(
      'hub: create settlement model DEFERREDNETUSD: GET /settlementModels → HTTP 503, FSPIOP 1001 "Destination communication error"',
    );
  });

  it('accepts a settlement model that already serves the currency under another name', async () => {
    await fake.stop();
    fake = await new FakeAdminServers().start();
    const ledger = options().ledger;
    await ledger.createSettlementModel({
      name: 'DEFAULTDEFERREDNET',
      settlementGranularity: 'NET',
      settlementInterchange: 'MULTILATERAL',
      settlementDelay: 'DEFERRED',
      currency: 'USD',
      requireLiquidityCheck: true,
      ledgerAccountType: 'POSITION',
      autoPositionReset: true,
      settlementAccountType: 'SETTLEMENT',
    });
    const hub = await onboardHub({ currency: 'USD' }, options());
    expect(hub.settlementModel).toEqual({ outcome: 'existing', name: 'DEFAULTDEFERREDNET' });
    expect(fake.settlementModels.size).toBe(1);
  });
});

describe('the fake is as strict as the documented contract', () => {
  async function raw(method: string, path: string, body: unknown, contentType = 'application/json') {
    const response = await fetch(`${fake.ledgerUrl}${path}`, {
      method,
      headers: { 'content-type': contentType, 'fspiop-source': 'hub_operator' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text === '' ? {} : JSON.parse(text)) as { errorInformation?: Record<string, string> },
    };
  }

  it('rejects an FSPIOP vendor content type with 3101', async () => {
    const answer = await raw(
      'POST',
      '/participants/Hub/accounts',
      { type: 'HUB_RECONCILIATION', currency: 'XXX' },
      'application/vnd.interoperability.participants+json;version=1.0',
    );
    expect(answer).toEqual({
      status: 400,
      body: {
        errorInformation: {
          errorCode: '3101',
          errorDescription: 'Malformed syntax - Unsupported Media Type',
        },
      },
    });
  });

  it('rejects unknown fields, wrong enum case and a DFSP before the hub accounts', async () => {
    expect(
      (await raw('POST', '/participants/Hub/accounts', { type: 'HUB_RECONCILIATION', currency: 'XXX', x: 1 }))
        .body,
    ).toEqual({
      errorInformation: { errorCode: '3101', errorDescription: 'Malformed syntax - "x" is not allowed' },
    });
    const lowerCase = await raw('POST', '/settlementModels', {
      name: 'M1',
      settlementGranularity: 'NET',
      settlementInterchange: 'MULTILATERAL',
      settlementDelay: 'deferred',
      requireLiquidityCheck: true,
      ledgerAccountType: 'POSITION',
      autoPositionReset: true,
      settlementAccountType: 'SETTLEMENT',
    });
    expect(lowerCase.body.errorInformation?.errorCode).toBe('3101');
    const early = await raw('POST', '/participants', { name: 'perffsp1', currency: 'XXX' });
    expect(early.body.errorInformation?.errorDescription).toBe(
      'Add Party information error - Hub reconciliation account for the specified currency does not exist',
    );
  });

  it('sets initial position and limits only once', async () => {
    await onboardHub({ currency: CURRENCY }, options());
    await options().ledger.createParticipant('perffsp1', CURRENCY);
    const body = { currency: CURRENCY, limit: { type: 'NET_DEBIT_CAP', value: 10 }, initialPosition: 0 };
    expect((await raw('POST', '/participants/perffsp1/initialPositionAndLimits', body)).status).toBe(201);
    expect(await raw('POST', '/participants/perffsp1/initialPositionAndLimits', body)).toEqual({
      status: 500,
      body: {
        errorInformation: {
          errorCode: '2001',
          errorDescription: 'Internal server error - Participant Limit or Initial Position already set',
        },
      },
    });
  });
});
