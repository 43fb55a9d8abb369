/**
 * Field builders that carry their own "allowed" text. Zod reports only the bound that failed
 * (`>= 2`); a reader fixing a profile wants the whole rule (`an integer from 2 to 64`), so each
 * builder states it once and attaches it to the type check and every bound.
 */
import { z } from 'zod';

export interface Bounds {
  /** Inclusive lower bound. */
  min?: number;
  /** Exclusive lower bound. */
  gt?: number;
  /** Inclusive upper bound. */
  max?: number;
}

export function boundsText({ min, gt, max }: Bounds): string {
  if (min !== undefined && max !== undefined) return `from ${min} to ${max}`;
  const parts: string[] = [];
  if (min !== undefined) parts.push(`≥ ${min}`);
  if (gt !== undefined) parts.push(`> ${gt}`);
  if (max !== undefined) parts.push(`≤ ${max}`);
  return parts.join(' and ');
}

function phrase(noun: string, bounds: Bounds, unit: string | undefined): string {
  const range = boundsText(bounds);
  const base = range === '' ? noun : `${noun} ${range}`;
  return unit === undefined ? base : `${base} (${unit})`;
}

/** A whole number within bounds; `unit` is shown in the allowed text, e.g. "transfers/s". */
export function integer(bounds: Bounds, unit?: string) {
  const allowed = phrase('an integer', bounds, unit);
  let schema = z.int({ error: allowed });
  if (bounds.min !== undefined) schema = schema.min(bounds.min, { error: allowed });
  if (bounds.gt !== undefined) schema = schema.gt(bounds.gt, { error: allowed });
  if (bounds.max !== undefined) schema = schema.max(bounds.max, { error: allowed });
  return schema;
}

/** Any finite number within bounds. */
export function decimal(bounds: Bounds, unit?: string) {
  const allowed = phrase('a number', bounds, unit);
  let schema = z.number({ error: allowed });
  if (bounds.min !== undefined) schema = schema.min(bounds.min, { error: allowed });
  if (bounds.gt !== undefined) schema = schema.gt(bounds.gt, { error: allowed });
  if (bounds.max !== undefined) schema = schema.max(bounds.max, { error: allowed });
  return schema;
}

/** A string matching `pattern`; `allowed` describes the pattern in words, with an example. */
export function patterned(pattern: RegExp, allowed: string) {
  return z.string({ error: allowed }).regex(pattern, { error: allowed });
}
