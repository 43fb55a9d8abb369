/**
 * Names shared by onboarding, the local stack, the load script and the report: DFSP ids, the hub's
 * own FSPIOP name, and each DFSP's provisioned range of payee identifiers.
 */

/** The FSPIOP-Source the hub uses for messages it originates (errors, its own callbacks). */
export const HUB_FSP_ID = 'switch';

/** The hub operator's name on admin calls (central-ledger's convention). */
export const HUB_OPERATOR = 'hub_operator';

/** Party identifier type used for every provisioned payee. */
export const PARTY_ID_TYPE = 'MSISDN';

/** DFSP id for a 1-based index: perffsp1 … perffspN (lower case, letters and digits only). */
export function dfspId(index: number): string {
  if (!Number.isInteger(index) || index < 1)
    throw new RangeError(`DFSP index must be an integer ≥ 1, got ${index}`);
  return `perffsp${index}`;
}

/** All DFSP ids of a fleet of `count` DFSPs, in index order. */
export function dfspIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => dfspId(i + 1));
}

/**
 * The `n`-th (0-based) payee identifier owned by DFSP `index`: a 12-digit MSISDN whose first digits
 * name the DFSP, so identifiers never collide between DFSPs and the owner is readable in logs.
 * DFSP 3, n = 42 → "250300000042".
 */
export function partyIdentifier(index: number, n: number): string {
  if (!Number.isInteger(index) || index < 1 || index > 99) {
    throw new RangeError(`DFSP index must be an integer from 1 to 99, got ${index}`);
  }
  if (!Number.isInteger(n) || n < 0 || n > 99_999_999) {
    throw new RangeError(`party number must be an integer from 0 to 99999999, got ${n}`);
  }
  return `25${String(index).padStart(2, '0')}${String(n).padStart(8, '0')}`;
}

/** The DFSP index that owns a provisioned identifier, or null when it is not one of ours. */
export function ownerOfPartyIdentifier(identifier: string): number | null {
  const match = /^25(\d{2})\d{8}$/.exec(identifier);
  if (!match?.[1]) return null;
  const index = Number(match[1]);
  return index >= 1 ? index : null;
}
