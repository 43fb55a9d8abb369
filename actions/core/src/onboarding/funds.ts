/**
 * Funds-in identity. central-ledger records funds in asynchronously (the HTTP call answers 202 and a
 * Kafka handler applies it) and drops a repeated transferId with the same content. A transferId
 * derived from the run id, the DFSP, the currency and the target balance therefore makes a repeat
 * of the same onboarding within a run harmless, even before the first funds-in has landed.
 */
import { createHash } from 'node:crypto';

/** Fixed namespace of this project's name-based UUIDs (a random v4 value chosen once). */
const FUNDS_IN_NAMESPACE = '3b0f6a52-8d1e-4c47-9a0b-6f2d5e7c1a94';

/** RFC 4122 name-based UUID, version 5 (SHA-1), in lower case. */
export function uuidV5(name: string, namespace: string = FUNDS_IN_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new RangeError(`namespace must be a UUID, got ${JSON.stringify(namespace)}`);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The transferId of the funds-in that brings `fspId`'s settlement account to `target` in `currency`. */
export function fundsInTransferId(runId: string, fspId: string, currency: string, target: string): string {
  return uuidV5(`funds-in|${runId}|${fspId}|${currency}|${target}`);
}

/** The pattern central-ledger's route applies to funds-in transferIds (lower-case UUID, v1–v7, or a ULID). */
export const LEDGER_TRANSFER_ID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-7][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$|^[0-9A-HJKMNP-TV-Z]{26})$/;

/**
 * Formats a non-negative amount the way Mojaloop amounts are written: no exponent, no trailing
 * zeros in the fraction, at most 4 decimals ("100.5", not "100.50").
 */
export function formatAmount(value: number): string {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`amount must be a finite number ≥ 0, got ${value}`);
  const fixed = value.toFixed(4);
  return fixed.replace(/\.?0+$/, '') || '0';
}
