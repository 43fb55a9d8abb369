/**
 * Command-line options read with `node:util` parseArgs in non-strict mode, so that every problem is
 * collected and reported at once in the configuration's own format (`--option: got …; allowed: …`)
 * instead of parseArgs stopping at the first. Shared by the CLIs (rehearsal, dry run).
 */
import { parseArgs } from 'node:util';
import type { ConfigIssue } from './errors.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
}

export interface ParsedOptions<S extends Record<string, OptionSpec>> {
  values: ReturnType<
    typeof parseArgs<{ args: string[]; options: S; strict: false; allowPositionals: true }>
  >['values'];
  issues: ConfigIssue[];
}

/** The values given, and an issue for every positional, unknown, valueless, doubled or misplaced option. */
export function parseOptions<S extends Record<string, OptionSpec>>(
  argv: readonly string[],
  spec: S,
): ParsedOptions<S> {
  const known = Object.keys(spec).map((name) => `--${name}`);
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: spec,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind === 'positional') {
      issues.push({ path: 'arguments', value: token.value, allowed: `options only (${known.join(', ')})` });
      continue;
    }
    if (token.kind !== 'option') continue;
    const option = (spec as Record<string, OptionSpec>)[token.name];
    if (option === undefined) {
      issues.push({ path: 'options', value: token.rawName, allowed: `one of: ${known.join(', ')}` });
    } else if (option.type === 'string' && token.value === undefined) {
      issues.push({ path: `--${token.name}`, value: undefined, allowed: 'a value after the option' });
    } else if (option.type === 'string' && !token.inlineValue && token.value?.startsWith('-')) {
      // Without strict parsing `--profile --json` would read "--json" as the profile.
      issues.push({
        path: `--${token.name}`,
        value: token.value,
        allowed: `a value after the option, not another option (write --${token.name}=VALUE for a value starting with "-")`,
      });
    } else if (option.type === 'boolean' && token.value !== undefined) {
      issues.push({ path: `--${token.name}`, value: token.value, allowed: 'no value' });
    } else if (option.multiple !== true && seen.has(token.name)) {
      issues.push({ path: `--${token.name}`, value: token.value ?? true, allowed: 'the option once' });
    }
    seen.add(token.name);
  }
  return { values: values as ParsedOptions<S>['values'], issues };
}
