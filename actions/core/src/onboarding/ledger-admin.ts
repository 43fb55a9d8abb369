/**
 * The slice of central-ledger's admin API (19.x) that onboarding uses, as a narrow interface with a
 * real adapter over HttpClient. Field names, enum values and paths follow central-ledger's route
 * validation (`src/api/participants/routes.js`, `src/api/settlementModels/routes.js`): bodies carry
 * no other keys, because the real service rejects unknown keys with 3101.
 */
import { type AdminTransport, seg } from './admin-transport.js';
import { AdminApiError } from './errors.js';

export type HubAccountType = 'HUB_MULTILATERAL_SETTLEMENT' | 'HUB_RECONCILIATION';

/** `POST /settlementModels` body (all keys central-ledger 19.x accepts; enums are case-sensitive). */
export interface SettlementModelSpec {
  /** Letters and digits only, 2–30 characters. */
  name: string;
  settlementGranularity: 'GROSS' | 'NET';
  settlementInterchange: 'BILATERAL' | 'MULTILATERAL';
  settlementDelay: 'IMMEDIATE' | 'DEFERRED';
  currency?: string;
  requireLiquidityCheck: boolean;
  /** Ledger account type the model settles, e.g. `POSITION`. */
  ledgerAccountType: string;
  autoPositionReset: boolean;
  settlementAccountType: 'SETTLEMENT' | 'INTERCHANGE_FEE_SETTLEMENT';
}

/** A settlement model as `GET /settlementModels` lists it (normalised). */
export interface SettlementModelInfo {
  name: string;
  /** null for a default model that applies to every currency. */
  currency: string | null;
  /** central-ledger answers the type's name under `ledgerAccountTypeId`; both spellings are read. */
  ledgerAccountType: string | undefined;
}

/** One row of `GET /participants/{name}/accounts`. */
export interface ParticipantAccount {
  id: number;
  ledgerAccountType: string;
  currency: string;
  isActive: boolean;
  /**
   * Balance as central-ledger keeps it: a settlement account that received funds in holds a
   * NEGATIVE value (the DFSP's credit), e.g. -5000 after recording 5000 in.
   */
  value: number;
  reservedValue: number;
}

export interface CallbackEndpoint {
  type: string;
  value: string;
}

/** `POST /participants/{name}/accounts/{id}` body for `recordFundsIn`. */
export interface FundsInRequest {
  /** Lower-case UUID (v1–v7 layout). */
  transferId: string;
  externalReference: string;
  reason: string;
  amount: { amount: string; currency: string };
}

export interface LedgerAdmin {
  createHubAccount(currency: string, type: HubAccountType): Promise<void>;
  listSettlementModels(): Promise<SettlementModelInfo[]>;
  createSettlementModel(model: SettlementModelSpec): Promise<void>;
  createParticipant(name: string, currency: string): Promise<void>;
  setInitialPositionAndLimits(
    name: string,
    request: { currency: string; netDebitCap: number; initialPosition: number },
  ): Promise<void>;
  /** The NET_DEBIT_CAP of a DFSP and currency, or undefined when none is set. */
  getNetDebitCap(name: string, currency: string): Promise<number | undefined>;
  /** `PUT /participants/{name}/limits`: the way to change a limit after the initial one. */
  adjustNetDebitCap(name: string, currency: string, value: number, alarmPercentage: number): Promise<void>;
  listAccounts(name: string): Promise<ParticipantAccount[]>;
  recordFundsIn(name: string, accountId: number, request: FundsInRequest): Promise<void>;
  listEndpoints(name: string): Promise<CallbackEndpoint[]>;
  addEndpoint(name: string, endpoint: CallbackEndpoint): Promise<void>;
}

/** The central-ledger name of the hub participant (`Config.HUB_NAME` default). */
export const HUB_PARTICIPANT = 'Hub';

export function createLedgerAdmin(transport: AdminTransport): LedgerAdmin {
  const post = async (path: string, body: unknown) => {
    await transport.call({ method: 'POST', path, body });
  };
  const getList = async (path: string): Promise<Record<string, unknown>[]> => {
    const body = await transport.call({ method: 'GET', path });
    if (!Array.isArray(body)) {
      throw new AdminApiError({ method: 'GET', path, status: 200, body: 'expected a JSON array' });
    }
    return body.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
  };

  return {
    createHubAccount: (currency, type) =>
      post(`/participants/${seg(HUB_PARTICIPANT)}/accounts`, { type, currency }),

    async listSettlementModels() {
      const rows = await getList('/settlementModels');
      return rows.map((row) => ({
        name: String(row.name ?? ''),
        currency: typeof row.currency === 'string' ? row.currency : null,
        ledgerAccountType:
          typeof row.ledgerAccountType === 'string'
            ? row.ledgerAccountType
            : typeof row.ledgerAccountTypeId === 'string'
              ? row.ledgerAccountTypeId
              : undefined,
      }));
    },

    createSettlementModel: (model) => post('/settlementModels', { ...model }),

    createParticipant: (name, currency) => post('/participants', { name, currency }),

    setInitialPositionAndLimits: (name, { currency, netDebitCap, initialPosition }) =>
      post(`/participants/${seg(name)}/initialPositionAndLimits`, {
        currency,
        limit: { type: 'NET_DEBIT_CAP', value: netDebitCap },
        initialPosition,
      }),

    async getNetDebitCap(name, currency) {
      const query = `currency=${seg(currency)}&type=NET_DEBIT_CAP`;
      const rows = await getList(`/participants/${seg(name)}/limits?${query}`);
      for (const row of rows) {
        const limit = row.limit as Record<string, unknown> | undefined;
        if (limit?.type === 'NET_DEBIT_CAP' && (row.currency === undefined || row.currency === currency)) {
          const value = Number(limit.value);
          if (Number.isFinite(value)) return value;
        }
      }
      return undefined;
    },

    adjustNetDebitCap: async (name, currency, value, alarmPercentage) => {
      await transport.call({
        method: 'PUT',
        path: `/participants/${seg(name)}/limits`,
        body: { currency, limit: { type: 'NET_DEBIT_CAP', value, alarmPercentage } },
      });
    },

    async listAccounts(name) {
      const rows = await getList(`/participants/${seg(name)}/accounts`);
      return rows.map((row) => ({
        id: Number(row.id),
        ledgerAccountType: String(row.ledgerAccountType ?? ''),
        currency: String(row.currency ?? ''),
        isActive: row.isActive === true || row.isActive === 1,
        value: Number(row.value ?? 0),
        reservedValue: Number(row.reservedValue ?? 0),
      }));
    },

    recordFundsIn: (name, accountId, { transferId, externalReference, reason, amount }) =>
      post(`/participants/${seg(name)}/accounts/${accountId}`, {
        transferId,
        externalReference,
        action: 'recordFundsIn',
        reason,
        amount: { amount: amount.amount, currency: amount.currency },
      }),

    async listEndpoints(name) {
      const rows = await getList(`/participants/${seg(name)}/endpoints`);
      return rows.map((row) => ({ type: String(row.type ?? ''), value: String(row.value ?? '') }));
    },

    addEndpoint: (name, { type, value }) => post(`/participants/${seg(name)}/endpoints`, { type, value }),
  };
}
