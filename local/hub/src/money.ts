/**
 * Exact amounts: every value is a bigint count of 1/10 000 of the currency unit (central-ledger keeps
 * four decimal places). No floating point touches a position.
 */

export const SCALE = 10_000n;
const SCALE_DIGITS = 4;

/** The FSPIOP `Amount` type: no leading zeros, at most 18 integer digits, no trailing fraction zeros. */
export const AMOUNT_PATTERN = /^([0]|([1-9][0-9]{0,17}))([.][0-9]{0,3}[1-9])?$/;

/** Parses an FSPIOP amount string; null when it does not match the API's pattern. */
export function parseAmount(text: string): bigint | null {
  if (!AMOUNT_PATTERN.test(text)) return null;
  const dot = text.indexOf('.');
  if (dot < 0) return BigInt(text) * SCALE;
  const fraction = text.slice(dot + 1).padEnd(SCALE_DIGITS, '0');
  return BigInt(text.slice(0, dot)) * SCALE + BigInt(fraction);
}

/** Largest magnitude accepted from a JSON number (keeps `value × 10⁴` an exact double). */
const MAX_NUMBER = 90_000_000_000;

/**
 * Converts a JSON number (admin API values) into scaled units. Null when it is not finite, too large,
 * or has more than four decimal places.
 */
export function fromNumber(value: number): bigint | null {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_NUMBER) return null;
  const scaled = value * 10_000;
  const rounded = Math.round(scaled);
  if (Math.abs(scaled - rounded) > 1e-6) return null;
  return BigInt(rounded);
}

/** Scaled units as a JSON number (what central-ledger's admin API returns for values). */
export function toNumber(value: bigint): number {
  return Number(value) / 10_000;
}

/** Scaled units as an FSPIOP amount string (`-` prefixed when negative). */
export function formatAmount(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / SCALE;
  const fraction = (abs % SCALE).toString().padStart(SCALE_DIGITS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
