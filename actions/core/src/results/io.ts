/**
 * Reading and writing `results.json`. Both directions validate: a writer cannot persist results
 * that contradict themselves, and a reader gets every problem at once, each naming the JSON path,
 * the value found and what is allowed (the same shape as a bad run configuration).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { type ConfigIssue, formatIssue, formatPath } from '../config/errors.js';
import { describeAllowed, toConfigIssues } from '../config/issues.js';
import {
  RUN_RESULTS_SCHEMA_VERSION,
  type RunResults,
  type RunResultsInput,
  RunResultsSchema,
} from './schema.js';

/** The file name of a run's results inside its run folder or artifact. */
export const RESULTS_FILE = 'results.json';

export interface RunResultsErrorOptions {
  /** Where the results came from (a file path), named in the first line of the message. */
  source?: string;
}

export class RunResultsError extends Error {
  override readonly name = 'RunResultsError';
  readonly issues: readonly ConfigIssue[];
  readonly source: string | undefined;

  constructor(issues: readonly ConfigIssue[], options: RunResultsErrorOptions = {}) {
    const origin = options.source === undefined ? 'Run results' : `Run results from ${options.source}`;
    const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
    super(
      [`${origin} are invalid (${count}):`, ...issues.map((issue) => `  ${formatIssue(issue)}`)].join('\n'),
    );
    this.issues = issues;
    this.source = options.source;
  }
}

/** Refuses a file from a newer writer before anything else, so its fields are never misread. */
function refuseNewerVersion(input: unknown, options: RunResultsErrorOptions): void {
  if (input === null || typeof input !== 'object' || !('schemaVersion' in input)) return;
  const version = input.schemaVersion;
  if (typeof version === 'number' && version > RUN_RESULTS_SCHEMA_VERSION) {
    throw new RunResultsError(
      [
        {
          path: 'schemaVersion',
          value: version,
          allowed: `at most ${RUN_RESULTS_SCHEMA_VERSION}: the file was written by a newer @mlperf/core than this reader; read it with that version or newer`,
        },
      ],
      options,
    );
  }
}

/** Validates parsed JSON (or an object built in memory) and returns the results with defaults applied. */
export function parseRunResults(input: unknown, options: RunResultsErrorOptions = {}): RunResults {
  refuseNewerVersion(input, options);
  const result = RunResultsSchema.safeParse(input, { error: describeAllowed });
  if (result.success) return result.data;
  throw new RunResultsError(toIssues(result.error.issues, input), options);
}

/** As for a run configuration, except that a bad map key is shown as the key, with the rule for keys. */
function toIssues(issues: readonly z.core.$ZodIssue[], input: unknown): ConfigIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_key') return toConfigIssues([issue], input);
    const rule = issue.issues[0]?.message ?? issue.message;
    return [{ path: formatPath(issue.path), value: issue.path.at(-1), allowed: `a key that is ${rule}` }];
  });
}

export async function readRunResults(file: string): Promise<RunResults> {
  const text = await readFile(file, 'utf8');
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RunResultsError(
      [{ path: '(root)', value: text.slice(0, 40), allowed: `a JSON document (${reason})` }],
      { source: file },
    );
  }
  return parseRunResults(input, { source: file });
}

/**
 * The JSON text of validated results: two-space indent, keys in schema order (the order zod builds
 * its output in), map-like fields sorted, and a final newline, so equal results give equal bytes.
 */
export function serializeRunResults(results: RunResultsInput): string {
  const parsed = parseRunResults(results);
  const rungs = parsed.rungs.map((rung) => ({ ...rung, failedByCode: sortKeys(rung.failedByCode) }));
  return `${JSON.stringify({ ...parsed, rungs }, null, 2)}\n`;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Writes `<dir>/results.json` (creating dir) and returns its path. Throws RunResultsError for invalid results. */
export async function writeRunResults(dir: string, results: RunResultsInput): Promise<string> {
  const text = serializeRunResults(results);
  await mkdir(dir, { recursive: true });
  const file = join(dir, RESULTS_FILE);
  await writeFile(file, text);
  return file;
}
