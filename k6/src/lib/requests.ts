/**
 * The three calls of one transfer through the payer's SDK outbound API (REFERENCE §2; the same
 * shapes as local/stack/src/sdk-client.ts): `GET /parties/MSISDN/{id}`, `POST /quotes`,
 * `POST /simpleTransfers`. Pure: ids come in as random bytes so tests can pin them.
 */
import { PARTY_ID_TYPE } from '../../../actions/core/src/fleet/names.js';
import type { TransferParties } from './traffic.js';

/** The `name` tag of each leg's HTTP samples (one series per leg instead of one per URL). */
export const REQUEST_NAMES = {
  party: 'sdk_get_parties',
  quote: 'sdk_post_quotes',
  transfer: 'sdk_post_simple_transfers',
} as const;

export const UUID_BYTES = 16;

/** An RFC 4122 version-4 UUID from 16 random bytes (the SDK 18 definition accepts UUIDs, not ULIDs). */
export function uuidV4(bytes: Uint8Array): string {
  if (bytes.length !== UUID_BYTES)
    throw new RangeError(`a UUID needs ${UUID_BYTES} bytes, got ${bytes.length}`);
  const b = Array.from(bytes);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40; // version 4
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = b.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** ISO-8601 with milliseconds, `seconds` after `nowMs`. */
export function expiration(nowMs: number, seconds: number): string {
  return new Date(nowMs + seconds * 1000).toISOString();
}

export function partyLookupUrl(outboundUrl: string, partyId: string): string {
  return `${outboundUrl}/parties/${PARTY_ID_TYPE}/${encodeURIComponent(partyId)}`;
}

export const quotesUrl = (outboundUrl: string): string => `${outboundUrl}/quotes`;
export const simpleTransfersUrl = (outboundUrl: string): string => `${outboundUrl}/simpleTransfers`;

export interface Money {
  amount: string;
  currency: string;
}

/** `POST /quotes`: `fspId` is the payee DFSP; the transaction id doubles as the transfer id. */
export function quoteRequest(
  parties: TransferParties,
  ids: { quoteId: string; transferId: string },
  money: Money,
): Record<string, unknown> {
  return {
    fspId: parties.payee.id,
    quotesPostRequest: {
      quoteId: ids.quoteId,
      // SDK 18's payee finds the quote under the transfer id unless the two ids are allowed to differ.
      transactionId: ids.transferId,
      payer: {
        partyIdInfo: {
          partyIdType: PARTY_ID_TYPE,
          partyIdentifier: parties.payerId,
          fspId: parties.payer.id,
        },
      },
      payee: {
        partyIdInfo: {
          partyIdType: PARTY_ID_TYPE,
          partyIdentifier: parties.payeeId,
          fspId: parties.payee.id,
        },
      },
      amountType: 'SEND',
      amount: { amount: money.amount, currency: money.currency },
      transactionType: { scenario: 'TRANSFER', initiator: 'PAYER', initiatorType: 'CONSUMER' },
    },
  };
}

/** `POST /simpleTransfers`, echoing the quote's ILP packet, condition and transfer amount. */
export function transferRequest(
  parties: TransferParties,
  transfer: { transferId: string; amount: Money; ilpPacket: string; condition: string; expiration: string },
): Record<string, unknown> {
  return {
    fspId: parties.payee.id,
    transfersPostRequest: {
      transferId: transfer.transferId,
      payerFsp: parties.payer.id,
      payeeFsp: parties.payee.id,
      amount: { amount: transfer.amount.amount, currency: transfer.amount.currency },
      ilpPacket: transfer.ilpPacket,
      condition: transfer.condition,
      expiration: transfer.expiration,
    },
  };
}
