/**
 * ILP checks of the hub: a fulfilment matches a condition when base64url(sha256(fulfilment bytes))
 * equals it (32-byte preimage); and a prepare's ILP packet (ILP v1, decoded with the `Ilp` class of
 * sdk-standard-components 17.4 that SDK 18 uses to build it) must describe the transfer.
 *
 * What the packet check holds against the transfer (the checks of the SDK's
 * `validateIlpAgainstTransferRequest`, made safe for missing fields):
 * - the packet is an ILP v1 payment whose data is a JSON transaction object;
 * - transaction `amount.amount` and `amount.currency` equal the transfer's;
 * - transaction payee `partyIdInfo.fspId`, when present, equals `payeeFsp`, and the packet's ILP
 *   address is then `g.<payeeFsp>.…`; the payer's `fspId`, when present, equals `payerFsp`.
 * The condition itself cannot be tied to the packet without the payee's ILP secret; the payee SDK does
 * that (`CHECK_ILP`) and the hub checks the fulfilment against the condition at commit.
 */
import { hash } from 'node:crypto';
import Ilp from '@mojaloop/sdk-standard-components/src/lib/ilp/index.js';

const CONDITION = /^[A-Za-z0-9_-]{43}$/;

/** sha256(fulfilment) == condition, both base64url; false for anything malformed. */
export function fulfilmentMatches(fulfilment: string, condition: string): boolean {
  if (!CONDITION.test(fulfilment) || !CONDITION.test(condition)) return false;
  const preimage = Buffer.from(fulfilment, 'base64url');
  if (preimage.length !== 32) return false;
  return hash('sha256', preimage, 'base64url') === condition;
}

/** A condition is the base64url of 32 bytes. */
export function isCondition(value: string): boolean {
  return CONDITION.test(value) && Buffer.from(value, 'base64url').length === 32;
}

export interface TransferTerms {
  payerFsp: string;
  payeeFsp: string;
  amount: { amount: string; currency: string };
}

// The decoder needs no secret; it is only used to read packets.
const decoder = new Ilp({ secret: 'hub-decoder-has-no-secret' });

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function fspIdOf(party: unknown): unknown {
  return record(record(party)?.partyIdInfo)?.fspId;
}

/** Returns undefined when the packet describes the transfer, else what does not match. */
export function checkIlpPacket(ilpPacket: string, transfer: TransferTerms): string | undefined {
  let account: string;
  let transaction: Record<string, unknown> | undefined;
  try {
    account = decoder.decodeIlpPacket(ilpPacket).account;
    transaction = record(decoder.getTransactionObject(ilpPacket));
  } catch (error) {
    return `ILP packet cannot be decoded (${(error as Error).message})`;
  }
  if (!transaction) return 'ILP packet data is not a transaction object';
  const amount = record(transaction.amount);
  if (!amount || amount.amount !== transfer.amount.amount)
    return 'ILP packet amount does not match the transfer';
  if (amount.currency !== transfer.amount.currency) return 'ILP packet currency does not match the transfer';
  const payeeFsp = fspIdOf(transaction.payee);
  if (payeeFsp !== undefined) {
    if (payeeFsp !== transfer.payeeFsp) return 'ILP packet payee FSP does not match payeeFsp';
    if (!account.startsWith(`g.${transfer.payeeFsp}.`)) return 'ILP address does not name the payee FSP';
  }
  const payerFsp = fspIdOf(transaction.payer);
  if (payerFsp !== undefined && payerFsp !== transfer.payerFsp) {
    return 'ILP packet payer FSP does not match payerFsp';
  }
  return undefined;
}
