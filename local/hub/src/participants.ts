/**
 * Participants as central-ledger's admin API manages them: the `Hub` participant and its hub
 * accounts, settlement models, DFSPs with their POSITION/SETTLEMENT accounts, limits, funds in and
 * callback endpoints. Balances live in the ledger; this module owns names, ids, activity and rules.
 *
 * Rules and answers mirror central-ledger 19.x (see README "Admin API"): errors are thrown as
 * FspiopError with the code and text central-ledger uses, including for "already exists".
 */
import { type CompiledEndpoint, compileEndpoint } from './callbacks.js';
import { Codes, FspiopError } from './fspiop/errors.js';
import type { Ledger } from './ledger.js';
import { toNumber } from './money.js';

/** central-ledger's name for the hub operator participant. */
export const HUB_PARTICIPANT = 'Hub';

export const LEDGER_ACCOUNT_TYPES = [
  'POSITION',
  'SETTLEMENT',
  'HUB_RECONCILIATION',
  'HUB_MULTILATERAL_SETTLEMENT',
  'INTERCHANGE_FEE',
  'INTERCHANGE_FEE_SETTLEMENT',
] as const;
export const HUB_ACCOUNT_TYPES: readonly string[] = ['HUB_MULTILATERAL_SETTLEMENT', 'HUB_RECONCILIATION'];

/** The endpoint types central-ledger seeds (seeds/endpointType.js). */
export const ENDPOINT_TYPES: ReadonlySet<string> = new Set([
  'ALARM_NOTIFICATION_URL',
  'ALARM_NOTIFICATION_TOPIC',
  'FSPIOP_CALLBACK_URL_TRANSFER_POST',
  'FSPIOP_CALLBACK_URL_TRANSFER_PUT',
  'FSPIOP_CALLBACK_URL_TRANSFER_ERROR',
  'NET_DEBIT_CAP_THRESHOLD_BREACH_EMAIL',
  'NET_DEBIT_CAP_ADJUSTMENT_EMAIL',
  'SETTLEMENT_TRANSFER_POSITION_CHANGE_EMAIL',
  'FSPIOP_CALLBACK_URL_PARTICIPANT_PUT',
  'FSPIOP_CALLBACK_URL_PARTICIPANT_SUB_ID_PUT',
  'FSPIOP_CALLBACK_URL_PARTICIPANT_PUT_ERROR',
  'FSPIOP_CALLBACK_URL_PARTICIPANT_SUB_ID_PUT_ERROR',
  'FSPIOP_CALLBACK_URL_PARTICIPANT_DELETE',
  'FSPIOP_CALLBACK_URL_PARTICIPANT_SUB_ID_DELETE',
  'FSPIOP_CALLBACK_URL_PARTICIPANT_BATCH_PUT',
  'FSPIOP_CALLBACK_URL_PARTICIPANT_BATCH_PUT_ERROR',
  'FSPIOP_CALLBACK_URL_PARTIES_GET',
  'FSPIOP_CALLBACK_URL_PARTIES_SUB_ID_GET',
  'FSPIOP_CALLBACK_URL_PARTIES_PUT',
  'FSPIOP_CALLBACK_URL_PARTIES_SUB_ID_PUT',
  'FSPIOP_CALLBACK_URL_PARTIES_PUT_ERROR',
  'FSPIOP_CALLBACK_URL_PARTIES_SUB_ID_PUT_ERROR',
  'FSPIOP_CALLBACK_URL_QUOTES',
  'FSPIOP_CALLBACK_URL_BULK_TRANSFER_POST',
  'FSPIOP_CALLBACK_URL_BULK_TRANSFER_PUT',
  'FSPIOP_CALLBACK_URL_BULK_TRANSFER_ERROR',
  'FSPIOP_CALLBACK_URL_AUTHORIZATIONS',
  'FSPIOP_CALLBACK_URL_TRX_REQ_SERVICE',
  'FSPIOP_CALLBACK_URL_BULK_QUOTES',
]);

export type EndpointType =
  | 'FSPIOP_CALLBACK_URL_PARTIES_GET'
  | 'FSPIOP_CALLBACK_URL_PARTIES_PUT'
  | 'FSPIOP_CALLBACK_URL_PARTIES_PUT_ERROR'
  | 'FSPIOP_CALLBACK_URL_QUOTES'
  | 'FSPIOP_CALLBACK_URL_TRANSFER_POST'
  | 'FSPIOP_CALLBACK_URL_TRANSFER_PUT'
  | 'FSPIOP_CALLBACK_URL_TRANSFER_ERROR';

export interface Account {
  readonly id: number;
  readonly ledgerAccountType: string;
  readonly currency: string;
  /** 0/1 as central-ledger's database returns it. */
  isActive: 0 | 1;
  readonly createdDate: Date;
  readonly createdBy: string;
  /** Whether a position row exists (central lists an account's balance only once it has one). */
  hasPosition: boolean;
}

export interface Participant {
  readonly name: string;
  readonly createdDate: Date;
  isActive: 0 | 1;
  readonly isProxy: boolean;
  readonly accounts: Account[];
  readonly endpoints: Map<string, { value: string; compiled: CompiledEndpoint | null }>;
}

export interface SettlementModel {
  readonly settlementModelId: number;
  readonly name: string;
  readonly settlementGranularity: string;
  readonly settlementInterchange: string;
  readonly settlementDelay: string;
  readonly currency: string | null;
  readonly requireLiquidityCheck: boolean;
  readonly ledgerAccountType: string;
  readonly settlementAccountType: string;
  readonly autoPositionReset: boolean;
}

const VALID_SETTLEMENT_MODELS = [
  ['IMMEDIATE', 'GROSS', 'BILATERAL'],
  ['DEFERRED', 'GROSS', 'BILATERAL'],
  ['DEFERRED', 'NET', 'BILATERAL'],
  ['DEFERRED', 'NET', 'MULTILATERAL'],
] as const;

export interface LimitView {
  currency: string;
  limit: { type: 'NET_DEBIT_CAP'; value: number; alarmPercentage: number };
}

export interface AccountView {
  id: number;
  ledgerAccountType: string;
  currency: string;
  isActive: 0 | 1;
  value: number;
  reservedValue: number;
  changedDate: Date;
}

export class Participants {
  private readonly byName = new Map<string, Participant>();
  private readonly models: SettlementModel[] = [];
  /** HUB_RECONCILIATION balances by currency (grow with every funds in). */
  private readonly reconciliation = new Map<string, bigint>();
  private nextAccountId = 1;

  constructor(
    private readonly ledger: Ledger,
    private readonly clock: () => number = Date.now,
  ) {
    this.byName.set(HUB_PARTICIPANT, this.newParticipant(HUB_PARTICIPANT, false));
  }

  private newParticipant(name: string, isProxy: boolean): Participant {
    return {
      name,
      createdDate: new Date(this.clock()),
      isActive: 1,
      isProxy,
      accounts: [],
      endpoints: new Map(),
    };
  }

  private addAccount(participant: Participant, ledgerAccountType: string, currency: string, isActive: 0 | 1) {
    const account: Account = {
      id: this.nextAccountId++,
      ledgerAccountType,
      currency,
      isActive,
      createdDate: new Date(this.clock()),
      createdBy: 'unknown',
      hasPosition: isActive === 1,
    };
    participant.accounts.push(account);
    return account;
  }

  get(name: string): Participant | undefined {
    return this.byName.get(name);
  }

  list(): Participant[] {
    return [...this.byName.values()];
  }

  private require(name: string): Participant {
    const participant = this.byName.get(name);
    if (!participant) throw new FspiopError(Codes.ID_NOT_FOUND, 'The requested resource could not be found.');
    return participant;
  }

  // ---- hub accounts and settlement models ------------------------------------------------------

  createHubAccount(name: string, currency: string, type: string): Participant {
    const participant = this.byName.get(name);
    if (!participant) throw new FspiopError(Codes.ADD_PARTY_INFO_ERROR, 'Participant was not found.');
    if (!(LEDGER_ACCOUNT_TYPES as readonly string[]).includes(type)) {
      throw new FspiopError(Codes.ADD_PARTY_INFO_ERROR, 'Ledger account type was not found.');
    }
    if (participant.accounts.some((a) => a.currency === currency && a.ledgerAccountType === type)) {
      throw new FspiopError(Codes.ADD_PARTY_INFO_ERROR, 'Hub account has already been registered.');
    }
    if (name !== HUB_PARTICIPANT) {
      throw new FspiopError(
        Codes.ADD_PARTY_INFO_ERROR,
        'Endpoint is reserved for creation of Hub account types only.',
      );
    }
    if (!HUB_ACCOUNT_TYPES.includes(type)) {
      throw new FspiopError(
        Codes.ADD_PARTY_INFO_ERROR,
        'The requested hub operator account type is not allowed.',
      );
    }
    this.addAccount(participant, type, currency, 1);
    return participant;
  }

  createSettlementModel(model: Omit<SettlementModel, 'settlementModelId'>): void {
    const valid = VALID_SETTLEMENT_MODELS.some(
      ([delay, granularity, interchange]) =>
        delay === model.settlementDelay &&
        granularity === model.settlementGranularity &&
        interchange === model.settlementInterchange,
    );
    if (!valid) {
      throw new FspiopError(
        Codes.CLIENT_ERROR,
        'Invalid settlement model definition - delay-granularity-interchange combination is not supported',
      );
    }
    if (!(LEDGER_ACCOUNT_TYPES as readonly string[]).includes(model.ledgerAccountType)) {
      throw new FspiopError(Codes.ADD_PARTY_INFO_ERROR, 'Ledger account type was not found');
    }
    if (this.models.some((m) => m.name === model.name)) {
      throw new FspiopError(Codes.CLIENT_ERROR, 'Settlement Model already exists');
    }
    this.models.push({ ...model, settlementModelId: this.models.length + 1 });
  }

  settlementModels(): readonly SettlementModel[] {
    return this.models;
  }

  // ---- DFSPs -----------------------------------------------------------------------------------

  create(name: string, currency: string, isProxy: boolean): Participant {
    const hub = this.byName.get(HUB_PARTICIPANT) as Participant;
    const hubHas = (type: string) =>
      hub.accounts.some((a) => a.currency === currency && a.ledgerAccountType === type);
    if (!hubHas('HUB_RECONCILIATION')) {
      throw new FspiopError(
        Codes.ADD_PARTY_INFO_ERROR,
        'Hub reconciliation account for the specified currency does not exist',
      );
    }
    if (!hubHas('HUB_MULTILATERAL_SETTLEMENT')) {
      throw new FspiopError(
        Codes.ADD_PARTY_INFO_ERROR,
        'Hub multilateral net settlement account for the specified currency does not exist',
      );
    }
    const existing = this.byName.get(name);
    if (existing?.accounts.some((a) => a.currency === currency)) {
      throw new FspiopError(Codes.CLIENT_ERROR, 'Participant currency has already been registered');
    }
    let models = this.models.filter((m) => m.currency === currency);
    if (models.length === 0) models = this.models.filter((m) => m.currency === null);
    if (models.length === 0) {
      throw new FspiopError(
        Codes.GENERIC_SETTLEMENT_ERROR,
        'Unable to find a matching or default, Settlement Model',
      );
    }
    const participant = existing ?? this.newParticipant(name, isProxy);
    this.byName.set(name, participant);
    for (const model of models) {
      for (const type of [model.ledgerAccountType, model.settlementAccountType]) {
        if (!participant.accounts.some((a) => a.currency === currency && a.ledgerAccountType === type)) {
          this.addAccount(participant, type, currency, 0);
        }
      }
      if (model.ledgerAccountType === 'POSITION') this.ledger.openAccount(name, currency, this.clock());
    }
    return participant;
  }

  setEndpoint(name: string, type: string, value: string): void {
    const participant = this.require(name);
    if (!ENDPOINT_TYPES.has(type))
      throw new FspiopError(Codes.VALIDATION_ERROR, `Unknown endpoint type ${type}`);
    let compiled: CompiledEndpoint | null = null;
    if (type.startsWith('FSPIOP_CALLBACK_URL')) {
      compiled = compileEndpoint(value);
      if (!compiled) {
        throw new FspiopError(
          Codes.VALIDATION_ERROR,
          `${type} value is not an http(s) URL template: ${value}`,
        );
      }
    }
    participant.endpoints.set(type, { value, compiled });
  }

  /** The compiled callback endpoint of a participant, if registered. Hot path. */
  endpoint(name: string, type: EndpointType): CompiledEndpoint | undefined {
    return this.byName.get(name)?.endpoints.get(type)?.compiled ?? undefined;
  }

  // ---- limits, positions, funds -----------------------------------------------------------------

  initialPositionAndLimits(
    name: string,
    currency: string,
    netDebitCap: bigint,
    initialPosition: bigint,
  ): void {
    const participant = this.byName.get(name);
    const position = participant?.accounts.find(
      (a) => a.currency === currency && a.ledgerAccountType === 'POSITION',
    );
    const settlement = participant?.accounts.find(
      (a) => a.currency === currency && a.ledgerAccountType === 'SETTLEMENT',
    );
    if (!participant || !position || !settlement) {
      throw new FspiopError(Codes.ID_NOT_FOUND, 'The requested participant could not be found.');
    }
    const outcome = this.ledger.initialise(name, currency, netDebitCap, initialPosition, this.clock());
    if (outcome !== 'ok') {
      throw new FspiopError(Codes.INTERNAL_SERVER_ERROR, 'Participant Limit or Initial Position already set');
    }
    for (const account of [position, settlement]) {
      account.isActive = 1;
      account.hasPosition = true;
    }
  }

  adjustLimit(name: string, currency: string, netDebitCap: bigint, alarmPercentage: number): LimitView {
    const participant = this.byName.get(name);
    if (!participant?.accounts.some((a) => a.currency === currency && a.ledgerAccountType === 'POSITION')) {
      throw new FspiopError(Codes.ID_NOT_FOUND, 'The requested participant could not be found.');
    }
    const outcome = this.ledger.adjustLimit(name, currency, netDebitCap, alarmPercentage, this.clock());
    if (outcome !== 'ok')
      throw new FspiopError(Codes.INTERNAL_SERVER_ERROR, 'Participant Limit does not exist');
    return { currency, limit: { type: 'NET_DEBIT_CAP', value: toNumber(netDebitCap), alarmPercentage } };
  }

  limits(name: string, currency?: string): LimitView[] {
    const participant = this.require(name);
    const views: LimitView[] = [];
    for (const account of participant.accounts) {
      if (account.ledgerAccountType !== 'POSITION') continue;
      if (currency !== undefined && account.currency !== currency) continue;
      const balance = this.ledger.account(name, account.currency);
      if (!balance || balance.netDebitCap === null) continue;
      views.push({
        currency: account.currency,
        limit: {
          type: 'NET_DEBIT_CAP',
          value: toNumber(balance.netDebitCap),
          alarmPercentage: balance.alarmPercentage,
        },
      });
    }
    return views;
  }

  accounts(name: string, currency?: string): AccountView[] {
    const participant = this.require(name);
    const views: AccountView[] = [];
    for (const account of participant.accounts) {
      if (!account.hasPosition) continue;
      if (currency !== undefined && account.currency !== currency) continue;
      const balance = this.ledger.account(name, account.currency);
      let value = 0n;
      if (account.ledgerAccountType === 'POSITION') value = balance?.position ?? 0n;
      else if (account.ledgerAccountType === 'SETTLEMENT') value = balance?.settlement ?? 0n;
      else if (account.ledgerAccountType === 'HUB_RECONCILIATION') {
        value = this.reconciliation.get(account.currency) ?? 0n;
      }
      views.push({
        id: account.id,
        ledgerAccountType: account.ledgerAccountType,
        currency: account.currency,
        isActive: account.isActive,
        value: toNumber(value),
        reservedValue: 0,
        changedDate: new Date(balance?.changedAt ?? account.createdDate.getTime()),
      });
    }
    return views;
  }

  recordFundsIn(name: string, accountId: number, transferId: string, amount: bigint, currency: string): void {
    const participant = this.byName.get(name);
    if (!participant)
      throw new FspiopError(Codes.ID_NOT_FOUND, 'The requested participant could not be found.');
    if (participant.isActive !== 1) {
      throw new FspiopError(Codes.INTERNAL_SERVER_ERROR, 'Participant is currently set inactive');
    }
    const account = participant.accounts.find((a) => a.id === accountId && a.currency === currency);
    if (!account) {
      throw new FspiopError(
        Codes.INTERNAL_SERVER_ERROR,
        'The account does not match participant or currency specified',
      );
    }
    if (account.isActive !== 1)
      throw new FspiopError(Codes.INTERNAL_SERVER_ERROR, 'Account is currently set inactive');
    if (account.ledgerAccountType !== 'SETTLEMENT') {
      throw new FspiopError(Codes.INTERNAL_SERVER_ERROR, 'Account is not SETTLEMENT type');
    }
    const outcome = this.ledger.recordFundsIn(name, currency, transferId, amount, this.clock());
    if (outcome === 'conflict') {
      throw new FspiopError(
        Codes.MODIFIED_REQUEST,
        `funds-in transferId ${transferId} was used with other values`,
      );
    }
    if (outcome === 'applied') {
      this.reconciliation.set(currency, (this.reconciliation.get(currency) ?? 0n) + amount);
    }
  }
}
