/**
 * The one error a bad run configuration produces. Preflight prints its message as is, so every
 * issue must say where (path), what was given (value) and what would have been accepted (allowed).
 */

export interface ConfigIssue {
  /** Where the problem is, e.g. `ladder.rungs[1].rate`; `(root)` for the document itself. */
  path: string;
  /** The offending value exactly as it appeared in the input; `undefined` when it was missing. */
  value: unknown;
  /** What would have been accepted, phrased to complete "allowed: …". */
  allowed: string;
}

export interface RunConfigErrorOptions {
  /** Where the configuration came from (a file, overrides), named in the first line of the message. */
  source?: string;
}

const VALUE_LIMIT = 80;

export class RunConfigError extends Error {
  override readonly name = 'RunConfigError';
  readonly issues: readonly ConfigIssue[];
  readonly source: string | undefined;

  constructor(issues: readonly ConfigIssue[], options: RunConfigErrorOptions = {}) {
    super(formatMessage(issues, options.source));
    this.issues = issues;
    this.source = options.source;
  }
}

function formatMessage(issues: readonly ConfigIssue[], source: string | undefined): string {
  const origin = source === undefined ? 'Run configuration' : `Run configuration from ${source}`;
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  const lines = issues.map((issue) => `  ${formatIssue(issue)}`);
  return [`${origin} is invalid (${count}):`, ...lines].join('\n');
}

export function formatIssue(issue: ConfigIssue): string {
  return `${issue.path}: got ${renderValue(issue.value)}; allowed: ${issue.allowed}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['ladder', 'rungs', 1, 'rate']` → `ladder.rungs[1].rate`, the spelling a YAML author searches for. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/**
 * Compact, single-line rendering of an input value. Written by hand rather than JSON.stringify
 * because YAML can yield values JSON would misreport (`.inf` would print as `null`).
 */
export function renderValue(value: unknown): string {
  if (value === undefined) return 'nothing (missing)';
  const text = render(value, new Set());
  return text.length > VALUE_LIMIT ? `${text.slice(0, VALUE_LIMIT - 1)}…` : text;
}

function render(value: unknown, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return value.toString();
    case 'function':
      return '[function]';
  }
  if (value === null) return 'null';
  const object = value as object;
  // YAML aliases can build cycles; render a cycle instead of recursing forever.
  if (seen.has(object)) return '[circular]';
  seen.add(object);
  try {
    if (Array.isArray(object)) return `[${object.map((item) => render(item, seen)).join(',')}]`;
    if (object instanceof Date) return JSON.stringify(object.toISOString());
    const entries = Object.entries(object).map(
      ([key, item]) => `${JSON.stringify(key)}:${render(item, seen)}`,
    );
    return `{${entries.join(',')}}`;
  } finally {
    seen.delete(object);
  }
}
