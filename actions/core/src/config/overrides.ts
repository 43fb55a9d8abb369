/**
 * Overrides: `path.to.field=value` lines (from a workflow input or a CLI) and the deep merge that
 * lays them over a profile. Objects merge key by key; a list or scalar replaces what was there,
 * because merging two ladders element-wise would build a ladder nobody wrote.
 */
import { parse as parseYaml } from 'yaml';
import { type ConfigIssue, RunConfigError } from './errors.js';

export type Overrides = Record<string, unknown>;

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Assigning these would reach Object.prototype instead of creating a field.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const LINE_FORM = 'path.to.field=value, e.g. ladder.stress.enabled=false';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A new value: `overrides` laid over `base`; neither argument is modified. */
export function mergeOverrides(base: unknown, overrides: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(overrides)) return overrides === undefined ? base : overrides;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) define(out, key, value);
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    define(out, key, Object.hasOwn(out, key) ? mergeOverrides(out[key], value) : value);
  }
  return out;
}

// defineProperty keeps a key such as "__proto__" an ordinary own field (later rejected as unknown).
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * `['dfsps.count=4', 'ladder.rungs=[{rate: 5, ...}]']` → `{dfsps: {count: 4}, ladder: {rungs: [...]}}`.
 * Values are YAML (scalars or flow collections), so `false`, `4` and `[1, 2]` keep their types.
 * Blank lines and `#` comments are skipped; later lines win over earlier ones.
 */
export function parseOverrideAssignments(lines: readonly string[]): Overrides {
  const issues: ConfigIssue[] = [];
  let result: Overrides = {};
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `override line ${index + 1}`;
    const equals = line.indexOf('=');
    const keys = equals < 0 ? [] : line.slice(0, equals).trim().split('.');
    const bad = keys.find((key) => !FIELD.test(key) || FORBIDDEN.has(key));
    if (equals < 0 || keys.length === 0 || bad !== undefined) {
      const reason = bad === undefined ? '' : ` (${JSON.stringify(bad)} is not a field name)`;
      issues.push({ path: where, value: raw, allowed: `${LINE_FORM}${reason}` });
      return;
    }
    const text = line.slice(equals + 1).trim();
    if (text === '') {
      issues.push({ path: where, value: raw, allowed: `${LINE_FORM}, with a value after "="` });
      return;
    }
    let value: unknown;
    try {
      value = parseYaml(text, { prettyErrors: false });
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      issues.push({
        path: where,
        value: raw,
        allowed: `a YAML value after "=" such as 4, false or [1, 2] (${reason})`,
      });
      return;
    }
    const nested = keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Overrides;
    result = mergeOverrides(result, nested) as Overrides;
  });
  if (issues.length > 0) throw new RunConfigError(issues, { source: 'overrides' });
  return result;
}
