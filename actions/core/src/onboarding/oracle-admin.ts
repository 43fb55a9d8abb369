/**
 * The ALS side of onboarding: the ALS admin API (`POST /oracles`, from account-lookup-service's
 * `src/interface/admin-swagger.yaml`) and the oracle's participant API, where party identifiers are
 * registered one by one (`POST /participants/{Type}/{ID}` `{fspId, currency}`) or in bulk
 * (`POST /participants` `{requestId, partyList: [{partyIdType, partyIdentifier, fspId}]}`, at most
 * 10 000 parties per request in the MSISDN oracle's definition; the optional top-level `currency` is
 * left out because the MSISDN oracle ignores it and the local hub does not take it).
 */
import { type AdminTransport, seg } from './admin-transport.js';
import type { FspiopErrorInfo } from './errors.js';

/** `POST /oracles` body. */
export interface OracleSpec {
  oracleIdType: string;
  endpoint: { value: string; endpointType: 'URL' };
  currency?: string;
  isDefault: boolean;
}

export interface PartyRegistration {
  partyIdType: string;
  partyIdentifier: string;
  fspId: string;
}

/** Per-party outcome of a bulk registration; `error` set when that party was not created. */
export interface PartyResult {
  partyIdentifier: string;
  error?: FspiopErrorInfo;
}

export interface OracleAdmin {
  createOracle(spec: OracleSpec): Promise<void>;
  registerParty(party: PartyRegistration, currency: string): Promise<void>;
  /**
   * One bulk request. Returns the per-party results the oracle reported; when it answered 2xx
   * without a party list, every party is taken as created.
   */
  registerParties(requestId: string, parties: PartyRegistration[]): Promise<PartyResult[]>;
}

/** Largest bulk request the MSISDN oracle's API definition allows (`partyList.maxItems`). */
export const MAX_BULK_PARTIES = 10_000;

export interface OracleAdminTransports {
  /** ALS admin API (oracles). */
  alsAdmin: AdminTransport;
  /** Where party identifiers are registered: the oracle itself, or the local hub's ALS port. */
  oracle: AdminTransport;
}

export function createOracleAdmin({ alsAdmin, oracle }: OracleAdminTransports): OracleAdmin {
  return {
    async createOracle(spec) {
      await alsAdmin.call({ method: 'POST', path: '/oracles', body: { ...spec } });
    },

    async registerParty({ partyIdType, partyIdentifier, fspId }, currency) {
      await oracle.call({
        method: 'POST',
        path: `/participants/${seg(partyIdType)}/${seg(partyIdentifier)}`,
        body: { fspId, currency },
      });
    },

    async registerParties(requestId, parties) {
      if (parties.length > MAX_BULK_PARTIES) {
        throw new RangeError(
          `a bulk registration holds at most ${MAX_BULK_PARTIES} parties, got ${parties.length}`,
        );
      }
      const body = await oracle.call({
        method: 'POST',
        path: '/participants',
        body: {
          requestId,
          partyList: parties.map(({ partyIdType, partyIdentifier, fspId }) => ({
            partyIdType,
            partyIdentifier,
            fspId,
          })),
        },
      });
      const list = (body as { partyList?: unknown } | undefined)?.partyList;
      if (!Array.isArray(list)) return parties.map((p) => ({ partyIdentifier: p.partyIdentifier }));
      return list.map((item): PartyResult => {
        const entry = (item ?? {}) as { partyId?: { partyIdentifier?: unknown }; errorInformation?: unknown };
        const partyIdentifier = String(entry.partyId?.partyIdentifier ?? '');
        const info = entry.errorInformation as
          | { errorCode?: unknown; errorDescription?: unknown }
          | undefined;
        if (info === undefined || info === null) return { partyIdentifier };
        return {
          partyIdentifier,
          error: {
            errorCode: String(info.errorCode ?? ''),
            errorDescription: String(info.errorDescription ?? ''),
          },
        };
      });
    },
  };
}
