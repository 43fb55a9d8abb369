import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Ledger, type PrepareInput, type TransferRecord } from '../src/ledger.js';
import { formatAmount, fromNumber, parseAmount } from '../src/money.js';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const fulfilment = createHash('sha256').update('preimage').digest('base64url');
const condition = createHash('sha256').update(Buffer.from(fulfilment, 'base64url')).digest('base64url');
const fulfils = (f: string, c: string) =>
  createHash('sha256').update(Buffer.from(f, 'base64url')).digest('base64url') === c;

function units(text: string): bigint {
  const value = parseAmount(text);
  if (value === null) throw new Error(`bad amount ${text}`);
  return value;
}

function ledgerWith(options: { ndc?: string; funds?: string; retentionMs?: number } = {}) {
  const settled: TransferRecord[] = [];
  const ledger = new Ledger({
    retentionMs: options.retentionMs ?? 60_000,
    fulfils,
    onSettled: (t) => settled.push(t),
  });
  for (const fsp of ['payer', 'payee']) {
    ledger.openAccount(fsp, 'USD', T0);
    expect(ledger.initialise(fsp, 'USD', units(options.ndc ?? '1000'), 0n, T0)).toBe('ok');
    expect(ledger.recordFundsIn(fsp, 'USD', `funds-${fsp}`, units(options.funds ?? '5000'), T0)).toBe(
      'applied',
    );
  }
  return { ledger, settled };
}

let seq = 0;
function prepareInput(overrides: Partial<PrepareInput> = {}): PrepareInput {
  seq += 1;
  return {
    transferId: `t-${seq}`,
    payerFsp: 'payer',
    payeeFsp: 'payee',
    currency: 'USD',
    amount: units('100'),
    condition,
    expiresAt: T0 + 30_000,
    hash: `hash-${seq}`,
    ...overrides,
  };
}

const position = (ledger: Ledger, fsp: string) => formatAmount(ledger.account(fsp, 'USD')?.position ?? 0n);

describe('money', () => {
  it('parses FSPIOP amounts exactly and rejects what the API pattern rejects', () => {
    expect(parseAmount('100')).toBe(1_000_000n);
    expect(parseAmount('0.0001')).toBe(1n);
    expect(parseAmount('123.45')).toBe(1_234_500n);
    for (const bad of ['100.50', '01', '1.00001', '-1', '1e3', '', ' 1', '1.'])
      expect(parseAmount(bad)).toBeNull();
    expect(formatAmount(1_234_500n)).toBe('123.45');
    expect(formatAmount(-5n)).toBe('-0.0005');
    expect(fromNumber(0.1)).toBe(1000n);
    expect(fromNumber(1.00001)).toBeNull();
    expect(fromNumber(Number.NaN)).toBeNull();
  });
});

describe('ledger', () => {
  it('reserves on prepare and moves both positions on commit', () => {
    const { ledger, settled } = ledgerWith();
    const input = prepareInput();
    expect(ledger.prepare(input, T0).kind).toBe('reserved');
    expect(position(ledger, 'payer')).toBe('100');
    expect(position(ledger, 'payee')).toBe('0');

    const outcome = ledger.fulfil(
      {
        transferId: input.transferId,
        source: 'payee',
        destination: 'payer',
        transferState: 'COMMITTED',
        fulfilment,
        hash: 'f1',
      },
      T0 + 250,
    );
    expect(outcome.kind).toBe('committed');
    if (outcome.kind === 'committed') expect(outcome.latencyMs).toBe(250);
    expect(position(ledger, 'payer')).toBe('100');
    expect(position(ledger, 'payee')).toBe('-100');
    expect(ledger.counts()).toMatchObject({ COMMITTED: 1, ABORTED: 0, EXPIRED: 0, prepared: 1, reserved: 0 });
    expect(settled.map((t) => t.state)).toEqual(['COMMITTED']);
  });

  it('accepts a RESERVED fulfil as a commit (v1.1 reserve notification)', () => {
    const { ledger } = ledgerWith();
    const input = prepareInput();
    ledger.prepare(input, T0);
    const outcome = ledger.fulfil(
      {
        transferId: input.transferId,
        source: 'payee',
        destination: undefined,
        transferState: 'RESERVED',
        fulfilment,
        hash: 'f',
      },
      T0 + 1,
    );
    expect(outcome.kind).toBe('committed');
  });

  it('aborts on a wrong fulfilment and releases the reservation', () => {
    const { ledger } = ledgerWith();
    const input = prepareInput();
    ledger.prepare(input, T0);
    const outcome = ledger.fulfil(
      {
        transferId: input.transferId,
        source: 'payee',
        destination: 'payer',
        transferState: 'COMMITTED',
        fulfilment: createHash('sha256').update('other').digest('base64url'),
        hash: 'f',
      },
      T0 + 1,
    );
    expect(outcome.kind).toBe('invalid-fulfilment');
    if (outcome.kind === 'invalid-fulfilment') expect(outcome.error.code.code).toBe('3100');
    expect(position(ledger, 'payer')).toBe('0');
    expect(position(ledger, 'payee')).toBe('0');
    expect(ledger.get(input.transferId)?.state).toBe('ABORTED');
  });

  it('aborts on the payee error callback and on a PUT with transferState ABORTED', () => {
    const { ledger } = ledgerWith();
    const a = prepareInput();
    const b = prepareInput();
    ledger.prepare(a, T0);
    ledger.prepare(b, T0);
    expect(position(ledger, 'payer')).toBe('200');
    const reason = {
      code: { code: '5104', message: 'Payee rejected transaction', status: 400 },
      detail: 'no',
    };
    expect(
      ledger.abort(
        { transferId: a.transferId, source: 'payee', destination: 'payer', hash: 'e', reason },
        T0 + 1,
      ).kind,
    ).toBe('aborted');
    expect(
      ledger.fulfil(
        {
          transferId: b.transferId,
          source: 'payee',
          destination: 'payer',
          transferState: 'ABORTED',
          fulfilment: undefined,
          hash: 'x',
        },
        T0 + 1,
      ).kind,
    ).toBe('rejected-by-payee');
    expect(position(ledger, 'payer')).toBe('0');
    expect(ledger.counts().ABORTED).toBe(2);
  });

  it('refuses a fulfil from anyone but the payee, or addressed to anyone but the payer, without state change', () => {
    const { ledger } = ledgerWith();
    const input = prepareInput();
    ledger.prepare(input, T0);
    const base = {
      transferId: input.transferId,
      transferState: 'COMMITTED' as const,
      fulfilment,
      hash: 'f',
    };
    expect(ledger.fulfil({ ...base, source: 'payer', destination: 'payer' }, T0).kind).toBe('wrong-party');
    expect(ledger.fulfil({ ...base, source: 'payee', destination: 'mallory' }, T0).kind).toBe('wrong-party');
    expect(ledger.get(input.transferId)?.state).toBe('RESERVED');
  });

  it('rejects with 4200 when the net debit cap would be exceeded, and 4001 when liquidity is short', () => {
    const { ledger } = ledgerWith({ ndc: '150', funds: '5000' });
    expect(ledger.prepare(prepareInput(), T0).kind).toBe('reserved');
    const overCap = ledger.prepare(prepareInput(), T0);
    expect(overCap.kind).toBe('rejected');
    if (overCap.kind === 'rejected') expect(overCap.error.code.code).toBe('4200');
    expect(position(ledger, 'payer')).toBe('100');

    const poor = ledgerWith({ ndc: '10000', funds: '150' }).ledger;
    expect(poor.prepare(prepareInput(), T0).kind).toBe('reserved');
    const short = poor.prepare(prepareInput(), T0);
    expect(short.kind).toBe('rejected');
    if (short.kind === 'rejected') expect(short.error.code.code).toBe('4001');
  });

  it('a raised limit (PUT limits) lets transfers through again', () => {
    const { ledger } = ledgerWith({ ndc: '100' });
    ledger.prepare(prepareInput(), T0);
    expect(ledger.prepare(prepareInput(), T0).kind).toBe('rejected');
    expect(ledger.adjustLimit('payer', 'USD', units('300'), 10, T0)).toBe('ok');
    expect(ledger.prepare(prepareInput(), T0).kind).toBe('reserved');
  });

  it('sets initial position and limits once per DFSP and currency', () => {
    const ledger = new Ledger({ retentionMs: 1000, fulfils });
    expect(ledger.initialise('x', 'USD', 1n, 0n, T0)).toBe('no-account');
    ledger.openAccount('x', 'USD', T0);
    expect(ledger.adjustLimit('x', 'USD', 1n, 10, T0)).toBe('no-limit');
    expect(ledger.initialise('x', 'USD', 1n, 0n, T0)).toBe('ok');
    expect(ledger.initialise('x', 'USD', 2n, 0n, T0)).toBe('already-set');
  });

  it('records funds in idempotently per funds-in transfer id', () => {
    const ledger = new Ledger({ retentionMs: 1000, fulfils });
    ledger.openAccount('x', 'USD', T0);
    expect(ledger.recordFundsIn('x', 'USD', 'f1', 5n, T0)).toBe('applied');
    expect(ledger.recordFundsIn('x', 'USD', 'f1', 5n, T0)).toBe('duplicate');
    expect(ledger.recordFundsIn('x', 'USD', 'f1', 6n, T0)).toBe('conflict');
    expect(ledger.recordFundsIn('y', 'USD', 'f2', 6n, T0)).toBe('no-account');
    expect(ledger.account('x', 'USD')?.settlement).toBe(-5n);
  });

  it('rejects a prepare whose expiration has passed (3303) and an inactive account (3100)', () => {
    const { ledger } = ledgerWith();
    const late = ledger.prepare(prepareInput({ expiresAt: T0 - 1 }), T0);
    expect(late.kind === 'rejected' && late.error.code.code).toBe('3303');
    const unknown = ledger.prepare(prepareInput({ payeeFsp: 'nobody' }), T0);
    expect(unknown.kind === 'rejected' && unknown.error.code.code).toBe('3100');
    const onUs = ledger.prepare(prepareInput({ payeeFsp: 'payer' }), T0);
    expect(onUs.kind === 'rejected' && onUs.error.detail).toMatch(/should be different/);
    expect(position(ledger, 'payer')).toBe('0');
    expect(ledger.counts().ABORTED).toBe(3);
  });

  it('records a caller rejection as ABORTED without touching positions', () => {
    const { ledger } = ledgerWith();
    const rejection = {
      code: { code: '3100', message: 'Generic validation error', status: 400 },
      detail: 'ilp',
    };
    const outcome = ledger.prepare(prepareInput({ rejection }), T0);
    expect(outcome.kind).toBe('rejected');
    expect(position(ledger, 'payer')).toBe('0');
  });

  it('expires reserved transfers at their expiration and a late fulfil cannot commit', () => {
    const { ledger, settled } = ledgerWith();
    const early = prepareInput({ expiresAt: T0 + 1000 });
    const late = prepareInput({ expiresAt: T0 + 5000 });
    ledger.prepare(early, T0);
    ledger.prepare(late, T0);
    expect(ledger.expire(T0 + 999)).toHaveLength(0);
    const expired = ledger.expire(T0 + 1000);
    expect(expired.map((t) => t.transferId)).toEqual([early.transferId]);
    expect(position(ledger, 'payer')).toBe('100');

    const outcome = ledger.fulfil(
      {
        transferId: late.transferId,
        source: 'payee',
        destination: 'payer',
        transferState: 'COMMITTED',
        fulfilment,
        hash: 'f',
      },
      T0 + 5000,
    );
    expect(outcome.kind).toBe('expired');
    if (outcome.kind === 'expired') expect(outcome.error.code.code).toBe('3303');
    expect(position(ledger, 'payer')).toBe('0');
    expect(settled.map((t) => t.state)).toEqual(['EXPIRED', 'EXPIRED']);
    expect(ledger.counts().EXPIRED).toBe(2);
  });

  it('treats duplicates idempotently and flags modified resends', () => {
    const { ledger } = ledgerWith();
    const input = prepareInput();
    ledger.prepare(input, T0);
    expect(ledger.prepare(input, T0).kind).toBe('duplicate');
    expect(ledger.prepare({ ...input, hash: 'other' }, T0).kind).toBe('modified');
    expect(position(ledger, 'payer')).toBe('100');
    expect(ledger.counts().prepared).toBe(1);

    const fulfil = {
      transferId: input.transferId,
      source: 'payee',
      destination: 'payer',
      transferState: 'COMMITTED' as const,
      fulfilment,
      hash: 'f1',
    };
    expect(ledger.fulfil(fulfil, T0 + 1).kind).toBe('committed');
    expect(ledger.fulfil(fulfil, T0 + 2).kind).toBe('duplicate');
    expect(ledger.fulfil({ ...fulfil, hash: 'f2' }, T0 + 3).kind).toBe('modified');
    expect(ledger.prepare(input, T0 + 4).kind).toBe('duplicate');
    expect(position(ledger, 'payee')).toBe('-100');
    expect(ledger.counts().COMMITTED).toBe(1);
  });

  it('answers not-found for unknown ids; a second response after an abort is not-reserved or modified', () => {
    const { ledger } = ledgerWith();
    const input = prepareInput();
    ledger.prepare(input, T0);
    const reason = { code: { code: '5000', message: 'Generic Payee error', status: 400 }, detail: 'x' };
    expect(
      ledger.abort({ transferId: 'nope', source: 'payee', destination: undefined, hash: 'h', reason }, T0)
        .kind,
    ).toBe('not-found');
    ledger.abort(
      { transferId: input.transferId, source: 'payee', destination: undefined, hash: 'h', reason },
      T0,
    );
    expect(
      ledger.abort(
        { transferId: input.transferId, source: 'payee', destination: undefined, hash: 'h2', reason },
        T0,
      ).kind,
    ).toBe('not-reserved');
    expect(
      ledger.fulfil(
        {
          transferId: input.transferId,
          source: 'payee',
          destination: undefined,
          transferState: 'COMMITTED',
          fulfilment,
          hash: 'z',
        },
        T0,
      ).kind,
    ).toBe('modified');
  });

  it('evicts settled transfers after the retention (injected clock) while counts stay exact', () => {
    const { ledger } = ledgerWith({ retentionMs: 10_000, ndc: '1000000', funds: '1000000' });
    const ids: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const input = prepareInput({ amount: units('1'), expiresAt: T0 + 60_000 });
      ids.push(input.transferId);
      ledger.prepare(input, T0 + i);
      ledger.fulfil(
        {
          transferId: input.transferId,
          source: 'payee',
          destination: 'payer',
          transferState: 'COMMITTED',
          fulfilment,
          hash: `f${i}`,
        },
        T0 + i,
      );
    }
    const stillReserved = prepareInput({ expiresAt: T0 + 60_000 });
    ledger.prepare(stillReserved, T0);
    expect(ledger.size()).toEqual({ reserved: 1, settled: 50 });

    expect(ledger.evict(T0 + 10_000 + 24)).toBe(25);
    expect(ledger.get(ids[24] as string)).toBeUndefined();
    expect(ledger.get(ids[25] as string)?.state).toBe('COMMITTED');
    expect(ledger.evict(T0 + 100_000)).toBe(25);
    expect(ledger.size()).toEqual({ reserved: 1, settled: 0 });
    expect(ledger.get(stillReserved.transferId)?.state).toBe('RESERVED');
    expect(ledger.counts()).toMatchObject({ COMMITTED: 50, prepared: 51, reserved: 1 });
    expect(position(ledger, 'payer')).toBe('150');
    expect(position(ledger, 'payee')).toBe('-50');
    // After eviction the id is unknown: a late fulfil is answered as not found.
    expect(
      ledger.fulfil(
        {
          transferId: ids[0] as string,
          source: 'payee',
          destination: 'payer',
          transferState: 'COMMITTED',
          fulfilment,
          hash: 'f0',
        },
        T0 + 100_000,
      ).kind,
    ).toBe('not-found');
  });
});
