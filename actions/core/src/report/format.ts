/**
 * Number and cell formatting shared by the report and the verdict text, so a figure reads the same
 * everywhere: rates with one decimal, milliseconds as integers, percentages with two decimals,
 * thousands separators throughout, and "—" wherever a value is missing.
 */

/** Shown for a missing value (no samples, not reported by the hub). */
export const MISSING = '—';

const RATE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const BRIEF = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function present(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/** Transfers per second, one decimal: `1,000.0`. */
export function formatRate(value: number | null | undefined): string {
  return present(value) ? RATE.format(value) : MISSING;
}

/** Milliseconds, rounded to an integer: `1,240`. */
export function formatMs(value: number | null | undefined): string {
  return present(value) ? WHOLE.format(value) : MISSING;
}

/** A percentage without its sign, two decimals: `99.96`. */
export function formatPercent(value: number | null | undefined): string {
  return present(value) ? PERCENT.format(value) : MISSING;
}

/** A count: `1,199,806`. */
export function formatCount(value: number | null | undefined): string {
  return present(value) ? WHOLE.format(value) : MISSING;
}

/** A rate as people say it in prose: `1,000` for a whole number, `1,320.5` otherwise. */
export function formatRateBrief(value: number): string {
  return BRIEF.format(value);
}

/** Seconds as `45 s`, `12 min 30 s`, `1 h 5 min`. */
export function formatSeconds(seconds: number): string {
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours === 0) return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/**
 * Text made safe for one cell of a GitHub table: a pipe would end the cell, a newline the row,
 * and `<` could open an HTML tag. Long text is cut to `limit` characters with an ellipsis.
 */
export function cell(text: string, limit = Number.POSITIVE_INFINITY): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const cut = flat.length > limit ? `${flat.slice(0, Math.max(0, limit - 1)).trimEnd()}…` : flat;
  return cut.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}
