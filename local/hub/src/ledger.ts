/**
 * The hub's ledger: one POSITION/SETTLEMENT pair per DFSP and currency, net debit caps, and the
 * lifecycle of every transfer (reserve → commit | abort | expire). Pure: no I/O, no timers; the caller
 * passes the time (`now`, epoch milliseconds) to every operation, which is how tests inject a clock.
 *
 * Position semantics follow central-ledger:
 * - prepare: the payer's position grows by the amount when it fits both the liquidity cover
 *   (−SETTLEMENT value, i.e. the funds recorded in) and the net debit cap; else 4001 / 4200;
 * - commit: the payee's position shrinks by the amount;
 * - abort or expiry: the payer's position shrinks back.
 *
 * Memory stays bounded: a settled transfer is kept for `retentionMs` (for duplicate detection and
 * GET /transfers) and then evicted, while the counts by final state stay exact.
 */
import { Codes, type ErrorCodeSpec } from './fspiop/errors.js';
import { formatAmount } from './money.js';

export type FinalState = 'COMMITTED' | 'ABORTED' | 'EXPIRED';
export type TransferState = 'RESERVED' | FinalState;
export const FINAL_STATES: readonly FinalState[] = ['COMMITTED', 'ABORTED', 'EXPIRED'];

export interface LedgerError {
  readonly code: ErrorCodeSpec;
  readonly detail: string;
}

export interface PositionAccount {
  readonly fsp: string;
  readonly currency: string;
  /** POSITION account value; includes the amounts of transfers still reserved (as central-ledger). */
  position: bigint;
  /** SETTLEMENT account value: negative once funds are recorded in (central-ledger's sign). */
  settlement: bigint;
  /** Null until `initialise` (initialPositionAndLimits); the account is inactive until then. */
  netDebitCap: bigint | null;
  alarmPercentage: number;
  changedAt: number;
}

export interface TransferRecord {
  readonly transferId: string;
  readonly payerFsp: string;
  readonly payeeFsp: string;
  readonly currency: string;
  readonly amount: bigint;
  readonly condition: string;
  /** Expiration, epoch ms. */
  readonly expiresAt: number;
  /** When the hub accepted the prepare, epoch ms (hub clock). */
  readonly preparedAt: number;
  /** Fingerprint of the prepare message (duplicate detection). */
  readonly prepareHash: string;
  state: TransferState;
  /** When the transfer reached its final state; 0 while reserved. */
  settledAt: number;
  fulfilment: string | undefined;
  /** Fingerprint of the payee's fulfil or error message, once one was applied. */
  responseHash: string | undefined;
  /** Why it was aborted or expired. */
  reason: LedgerError | undefined;
}

export interface PrepareInput {
  transferId: string;
  payerFsp: string;
  payeeFsp: string;
  currency: string;
  amount: bigint;
  condition: string;
  expiresAt: number;
  hash: string;
  /** A validation failure found by the caller: the transfer is recorded as ABORTED with it. */
  rejection?: LedgerError;
}

export type PrepareOutcome =
  | { kind: 'reserved'; transfer: TransferRecord }
  | { kind: 'rejected'; transfer: TransferRecord; error: LedgerError }
  | { kind: 'duplicate'; transfer: TransferRecord }
  | { kind: 'modified'; transfer: TransferRecord };

export interface FulfilInput {
  transferId: string;
  /** FSPIOP-Source of the fulfil. */
  source: string;
  /** FSPIOP-Destination of the fulfil, when present. */
  destination: string | undefined;
  transferState: 'COMMITTED' | 'RESERVED' | 'ABORTED';
  fulfilment: string | undefined;
  hash: string;
}

export type FulfilOutcome =
  | { kind: 'committed'; transfer: TransferRecord; latencyMs: number }
  | { kind: 'rejected-by-payee'; transfer: TransferRecord }
  | { kind: 'invalid-fulfilment'; transfer: TransferRecord; error: LedgerError }
  | { kind: 'expired'; transfer: TransferRecord; error: LedgerError }
  | { kind: 'not-found'; error: LedgerError }
  | { kind: 'wrong-party'; transfer: TransferRecord; error: LedgerError }
  | { kind: 'duplicate'; transfer: TransferRecord }
  | { kind: 'modified'; transfer: TransferRecord; error: LedgerError }
  | { kind: 'not-reserved'; transfer: TransferRecord; error: LedgerError };

export interface AbortInput {
  transferId: string;
  source: string;
  destination: string | undefined;
  hash: string;
  reason: LedgerError;
}

export type AbortOutcome =
  | { kind: 'aborted'; transfer: TransferRecord }
  | { kind: 'not-found'; error: LedgerError }
  | { kind: 'wrong-party'; transfer: TransferRecord; error: LedgerError }
  | { kind: 'duplicate'; transfer: TransferRecord }
  | { kind: 'not-reserved'; transfer: TransferRecord; error: LedgerError };

export type FundsInOutcome = 'applied' | 'duplicate' | 'conflict' | 'no-account';

export interface LedgerOptions {
  /** How long a settled transfer stays queryable, ms. */
  retentionMs: number;
  /** sha256-style check of a fulfilment against a condition. */
  fulfils: (fulfilment: string, condition: string) => boolean;
  /** Called once per transfer when it reaches its final state. */
  onSettled?: (transfer: TransferRecord) => void;
}

function err(code: ErrorCodeSpec, detail: string): LedgerError {
  return { code, detail };
}

export class Ledger {
  private readonly accounts = new Map<string, Map<string, PositionAccount>>();
  private readonly reserved = new Map<string, TransferRecord>();
  /** Settled transfers in settlement order (eviction walks it from the front). */
  private readonly settled = new Map<string, TransferRecord>();
  private readonly fundsIn = new Map<string, { fsp: string; currency: string; amount: bigint }>();
  private readonly finalCounts: Record<FinalState, number> = { COMMITTED: 0, ABORTED: 0, EXPIRED: 0 };
  private preparedCount = 0;
  private readonly options: LedgerOptions;

  constructor(options: LedgerOptions) {
    if (!(options.retentionMs > 0)) throw new RangeError('retentionMs must be positive');
    this.options = options;
  }

  // ---- accounts ---------------------------------------------------------------------------------

  /** Creates the POSITION/SETTLEMENT pair of a DFSP and currency; no-op when it exists. */
  openAccount(fsp: string, currency: string, now: number): PositionAccount {
    let byCurrency = this.accounts.get(fsp);
    if (!byCurrency) {
      byCurrency = new Map();
      this.accounts.set(fsp, byCurrency);
    }
    let account = byCurrency.get(currency);
    if (!account) {
      account = {
        fsp,
        currency,
        position: 0n,
        settlement: 0n,
        netDebitCap: null,
        alarmPercentage: 10,
        changedAt: now,
      };
      byCurrency.set(currency, account);
    }
    return account;
  }

  account(fsp: string, currency: string): Readonly<PositionAccount> | undefined {
    return this.accounts.get(fsp)?.get(currency);
  }

  *allAccounts(): IterableIterator<Readonly<PositionAccount>> {
    for (const byCurrency of this.accounts.values()) yield* byCurrency.values();
  }

  /** initialPositionAndLimits: once per DFSP and currency. */
  initialise(
    fsp: string,
    currency: string,
    netDebitCap: bigint,
    initialPosition: bigint,
    now: number,
  ): 'ok' | 'no-account' | 'already-set' {
    const account = this.accounts.get(fsp)?.get(currency);
    if (!account) return 'no-account';
    if (account.netDebitCap !== null) return 'already-set';
    account.netDebitCap = netDebitCap;
    account.position = initialPosition;
    account.changedAt = now;
    return 'ok';
  }

  /** PUT /participants/{name}/limits: only after the initial limit was set. */
  adjustLimit(
    fsp: string,
    currency: string,
    netDebitCap: bigint,
    alarmPercentage: number,
    now: number,
  ): 'ok' | 'no-account' | 'no-limit' {
    const account = this.accounts.get(fsp)?.get(currency);
    if (!account) return 'no-account';
    if (account.netDebitCap === null) return 'no-limit';
    account.netDebitCap = netDebitCap;
    account.alarmPercentage = alarmPercentage;
    account.changedAt = now;
    return 'ok';
  }

  /** recordFundsIn: idempotent on the funds-in transfer id. */
  recordFundsIn(
    fsp: string,
    currency: string,
    transferId: string,
    amount: bigint,
    now: number,
  ): FundsInOutcome {
    const previous = this.fundsIn.get(transferId);
    if (previous) {
      const same = previous.fsp === fsp && previous.currency === currency && previous.amount === amount;
      return same ? 'duplicate' : 'conflict';
    }
    const account = this.accounts.get(fsp)?.get(currency);
    if (!account) return 'no-account';
    account.settlement -= amount;
    account.changedAt = now;
    this.fundsIn.set(transferId, { fsp, currency, amount });
    return 'applied';
  }

  // ---- transfers --------------------------------------------------------------------------------

  get(transferId: string): Readonly<TransferRecord> | undefined {
    return this.reserved.get(transferId) ?? this.settled.get(transferId);
  }

  prepare(input: PrepareInput, now: number): PrepareOutcome {
    const existing = this.get(input.transferId) as TransferRecord | undefined;
    if (existing) {
      return existing.prepareHash === input.hash
        ? { kind: 'duplicate', transfer: existing }
        : { kind: 'modified', transfer: existing };
    }
    this.preparedCount += 1;
    const transfer: TransferRecord = {
      transferId: input.transferId,
      payerFsp: input.payerFsp,
      payeeFsp: input.payeeFsp,
      currency: input.currency,
      amount: input.amount,
      condition: input.condition,
      expiresAt: input.expiresAt,
      preparedAt: now,
      prepareHash: input.hash,
      state: 'RESERVED',
      settledAt: 0,
      fulfilment: undefined,
      responseHash: undefined,
      reason: undefined,
    };
    const error = input.rejection ?? this.checkPrepare(input, now);
    if (error) {
      this.settle(transfer, 'ABORTED', now, error);
      return { kind: 'rejected', transfer, error };
    }
    const payer = this.accounts.get(input.payerFsp)?.get(input.currency) as PositionAccount;
    payer.position += input.amount;
    payer.changedAt = now;
    this.reserved.set(transfer.transferId, transfer);
    return { kind: 'reserved', transfer };
  }

  private checkPrepare(input: PrepareInput, now: number): LedgerError | undefined {
    if (input.payerFsp === input.payeeFsp) {
      return err(
        Codes.VALIDATION_ERROR,
        'Payer FSP and Payee FSP should be different, unless on-us tranfers are allowed by the Scheme',
      );
    }
    if (input.expiresAt <= now) {
      return err(
        Codes.TRANSFER_EXPIRED,
        `expiration ${new Date(input.expiresAt).toISOString()} is already past`,
      );
    }
    if (!(input.amount > 0n)) return err(Codes.VALIDATION_ERROR, 'amount must be positive');
    const payer = this.accounts.get(input.payerFsp)?.get(input.currency);
    if (!payer || payer.netDebitCap === null) {
      return err(
        Codes.VALIDATION_ERROR,
        `Participant ${input.payerFsp} ${input.currency} account is inactive`,
      );
    }
    const payee = this.accounts.get(input.payeeFsp)?.get(input.currency);
    if (!payee || payee.netDebitCap === null) {
      return err(
        Codes.VALIDATION_ERROR,
        `Participant ${input.payeeFsp} ${input.currency} account is inactive`,
      );
    }
    const liquidityCover = -payer.settlement;
    if (liquidityCover - payer.position < input.amount) {
      return err(
        Codes.PAYER_FSP_INSUFFICIENT_LIQUIDITY,
        `${input.payerFsp} available ${formatAmount(liquidityCover - payer.position)} ${input.currency}`,
      );
    }
    if (payer.netDebitCap - payer.position < input.amount) {
      return err(
        Codes.PAYER_LIMIT_ERROR,
        `${input.payerFsp} net debit cap ${formatAmount(payer.netDebitCap)} ${input.currency} reached`,
      );
    }
    return undefined;
  }

  fulfil(input: FulfilInput, now: number): FulfilOutcome {
    const transfer = this.get(input.transferId) as TransferRecord | undefined;
    if (!transfer) {
      return { kind: 'not-found', error: err(Codes.TRANSFER_ID_NOT_FOUND, `transfer ${input.transferId}`) };
    }
    const partyError = this.checkParties(transfer, input.source, input.destination);
    if (partyError) return { kind: 'wrong-party', transfer, error: partyError };
    if (transfer.responseHash === input.hash) return { kind: 'duplicate', transfer };
    if (transfer.state !== 'RESERVED') {
      if (transfer.responseHash !== undefined) {
        return {
          kind: 'modified',
          transfer,
          error: err(Codes.MODIFIED_REQUEST, 'a different response for this transfer was already applied'),
        };
      }
      return {
        kind: 'not-reserved',
        transfer,
        error: err(Codes.VALIDATION_ERROR, `non-RESERVED transfer state ${transfer.state}`),
      };
    }
    transfer.responseHash = input.hash;
    if (input.transferState === 'ABORTED') {
      this.settle(transfer, 'ABORTED', now, err(Codes.VALIDATION_ERROR, 'payee sent transferState ABORTED'));
      return { kind: 'rejected-by-payee', transfer };
    }
    if (!input.fulfilment || !this.options.fulfils(input.fulfilment, transfer.condition)) {
      const error = err(Codes.VALIDATION_ERROR, 'invalid fulfilment');
      this.settle(transfer, 'ABORTED', now, error);
      return { kind: 'invalid-fulfilment', transfer, error };
    }
    if (transfer.expiresAt <= now) {
      const error = err(Codes.TRANSFER_EXPIRED, 'fulfil received after the transfer expired');
      this.settle(transfer, 'EXPIRED', now, error);
      return { kind: 'expired', transfer, error };
    }
    transfer.fulfilment = input.fulfilment;
    this.settle(transfer, 'COMMITTED', now, undefined);
    return { kind: 'committed', transfer, latencyMs: now - transfer.preparedAt };
  }

  /** The payee's PUT /transfers/{id}/error. */
  abort(input: AbortInput, now: number): AbortOutcome {
    const transfer = this.get(input.transferId) as TransferRecord | undefined;
    if (!transfer) {
      return { kind: 'not-found', error: err(Codes.TRANSFER_ID_NOT_FOUND, `transfer ${input.transferId}`) };
    }
    const partyError = this.checkParties(transfer, input.source, input.destination);
    if (partyError) return { kind: 'wrong-party', transfer, error: partyError };
    if (transfer.responseHash === input.hash) return { kind: 'duplicate', transfer };
    if (transfer.state !== 'RESERVED') {
      return {
        kind: 'not-reserved',
        transfer,
        error: err(Codes.VALIDATION_ERROR, `non-RESERVED transfer state ${transfer.state}`),
      };
    }
    transfer.responseHash = input.hash;
    this.settle(transfer, 'ABORTED', now, input.reason);
    return { kind: 'aborted', transfer };
  }

  private checkParties(
    transfer: TransferRecord,
    source: string,
    destination: string | undefined,
  ): LedgerError | undefined {
    if (source !== transfer.payeeFsp) {
      return err(
        Codes.VALIDATION_ERROR,
        'FSPIOP-Source does not match payee fsp on the Fulfil callback response',
      );
    }
    if (destination !== undefined && destination !== transfer.payerFsp) {
      return err(
        Codes.VALIDATION_ERROR,
        'FSPIOP-Destination does not match payer fsp on the Fulfil callback response',
      );
    }
    return undefined;
  }

  /** The hub gives up on a reserved transfer (its prepare could not be delivered to the payee). */
  abandon(transferId: string, reason: LedgerError, now: number): TransferRecord | undefined {
    const transfer = this.reserved.get(transferId);
    if (!transfer) return undefined;
    this.settle(transfer, 'ABORTED', now, reason);
    return transfer;
  }

  /** Expires every reserved transfer whose expiration has passed; returns them. */
  expire(now: number): TransferRecord[] {
    const expired: TransferRecord[] = [];
    for (const transfer of this.reserved.values()) {
      if (transfer.expiresAt <= now) expired.push(transfer);
    }
    for (const transfer of expired) {
      this.settle(transfer, 'EXPIRED', now, err(Codes.TRANSFER_EXPIRED, 'no fulfil before expiration'));
    }
    return expired;
  }

  /** Drops settled transfers older than the retention; returns how many. */
  evict(now: number): number {
    const horizon = now - this.options.retentionMs;
    let evicted = 0;
    for (const [transferId, transfer] of this.settled) {
      if (transfer.settledAt > horizon) break;
      this.settled.delete(transferId);
      evicted += 1;
    }
    return evicted;
  }

  private settle(
    transfer: TransferRecord,
    state: FinalState,
    now: number,
    reason: LedgerError | undefined,
  ): void {
    const wasReserved = transfer.state === 'RESERVED' && this.reserved.delete(transfer.transferId);
    if (wasReserved) {
      if (state === 'COMMITTED') {
        const payee = this.accounts.get(transfer.payeeFsp)?.get(transfer.currency);
        if (payee) {
          payee.position -= transfer.amount;
          payee.changedAt = now;
        }
      } else {
        const payer = this.accounts.get(transfer.payerFsp)?.get(transfer.currency);
        if (payer) {
          payer.position -= transfer.amount;
          payer.changedAt = now;
        }
      }
    }
    transfer.state = state;
    transfer.settledAt = now;
    transfer.reason = reason;
    this.settled.set(transfer.transferId, transfer);
    this.finalCounts[state] += 1;
    this.options.onSettled?.(transfer);
  }

  // ---- figures ----------------------------------------------------------------------------------

  /** Transfers by final state since start (exact; unaffected by eviction). */
  counts(): Readonly<Record<FinalState, number>> & { prepared: number; reserved: number } {
    return { ...this.finalCounts, prepared: this.preparedCount, reserved: this.reserved.size };
  }

  /** Transfers currently held in memory. */
  size(): { reserved: number; settled: number } {
    return { reserved: this.reserved.size, settled: this.settled.size };
  }
}
