/**
 * Turns zod issues into ConfigIssues. Zod's message slot carries the "allowed" text: fields set it
 * themselves (see fields.ts); `describeAllowed` supplies it for everything else. Values are read
 * back from the original input by path, so the error shows what the author wrote, not a guess.
 */
import { z } from 'zod';
import { type ConfigIssue, formatPath } from './errors.js';

type RawIssue = z.core.$ZodRawIssue;

function listOf(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(', ');
}

function objectKeys(schema: unknown): string[] | undefined {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'null',
};

function sizeText(
  issue: { origin: string; inclusive?: boolean; exact?: boolean },
  bound: string,
  below: boolean,
) {
  const comparison = issue.exact ? '=' : below ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
  switch (issue.origin) {
    case 'array':
    case 'set':
      return `a list of ${issue.exact ? 'exactly' : below ? 'at least' : 'at most'} ${bound} item(s)`;
    case 'string':
      return `text of ${issue.exact ? 'exactly' : below ? 'at least' : 'at most'} ${bound} character(s)`;
    case 'int':
      return `an integer ${comparison} ${bound}`;
    default:
      return `a number ${comparison} ${bound}`;
  }
}

/**
 * Zod error map of last resort: phrases any issue kind as "what is allowed". Fields with their own
 * text never reach it; it exists so no issue can surface as zod's generic "Invalid input".
 */
export const describeAllowed = (issue: RawIssue): string => {
  switch (issue.code) {
    case 'invalid_type': {
      const keys = objectKeys(issue.inst);
      if (issue.expected === 'object' && keys !== undefined) return `a mapping with keys: ${keys.join(', ')}`;
      return TYPE_NAMES[issue.expected] ?? `a value of type ${issue.expected}`;
    }
    case 'too_small':
      return sizeText(issue, String(issue.minimum), true);
    case 'too_big':
      return sizeText(issue, String(issue.maximum), false);
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern !== undefined
        ? `text matching ${issue.pattern}`
        : `text in ${issue.format} format`;
    case 'not_multiple_of':
      return `a multiple of ${issue.divisor}`;
    case 'unrecognized_keys': {
      const keys = objectKeys(issue.inst);
      return keys === undefined ? 'no other keys' : `no keys other than: ${keys.join(', ')}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `exactly ${listOf(issue.values)}`
        : `one of: ${listOf(issue.values)}`;
    case 'invalid_union':
      return Array.isArray(issue.options) && issue.options.length > 0
        ? `one of: ${listOf(issue.options)}`
        : 'one of the accepted forms of this field';
    case 'invalid_key':
      return `keys of the accepted form (${issue.origin})`;
    case 'invalid_element':
      return `elements of the accepted form (${issue.origin})`;
    case 'custom':
      return 'a value that satisfies the rule for this field';
  }
};

/** Follows `path` through the original input; undefined when any step is missing. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * A union reports one list of issues per option. When exactly the options that accepted the
 * shape of the value complain only about its insides, those inner issues are the useful ones
 * (e.g. one bad pair in a traffic mix); otherwise the value fits no option at all.
 */
function innerIssuesOfUnion(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | undefined {
  if (issue.discriminator !== undefined) return undefined;
  const shaped = issue.errors.filter(
    (option) => option.length > 0 && option.every((inner) => inner.path.length > 0),
  );
  return shaped[0];
}

export function toConfigIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  prefix: readonly PropertyKey[] = [],
): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      // One line per unknown key, with the key in the path so it can be found and deleted.
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        out.push({ path: formatPath(keyPath), value: valueAt(input, keyPath), allowed: issue.message });
      }
      continue;
    }
    if (issue.code === 'invalid_union') {
      const inner = innerIssuesOfUnion(issue);
      if (inner !== undefined) {
        out.push(...toConfigIssues(inner, input, path));
        continue;
      }
    }
    out.push({ path: formatPath(path), value: valueAt(input, path), allowed: issue.message });
  }
  return out;
}
