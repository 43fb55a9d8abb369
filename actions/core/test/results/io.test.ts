import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  parseRunResults,
  RESULTS_FILE,
  RunResultsError,
  readRunResults,
  serializeRunResults,
  writeRunResults,
} from '../../src/index.js';
import { localRun, rung } from './support.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlperf-results-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A deep copy with every object's keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reversed(item)]),
  );
}

async function readError(file: string): Promise<RunResultsError> {
  try {
    await readRunResults(file);
  } catch (error) {
    expect(error).toBeInstanceOf(RunResultsError);
    return error as RunResultsError;
  }
  throw new Error('expected a RunResultsError');
}

describe('writeRunResults and readRunResults', () => {
  it('round-trips a run through results.json', async () => {
    const run = await localRun([
      rung(1, 5, { failed: 3, failedByCode: { timeout: 1, '3100': 2 } }),
      rung(2, 10),
      rung(3, 20),
    ]);
    const file = await writeRunResults(join(dir, 'runs', 'r1'), run);
    expect(file).toBe(join(dir, 'runs', 'r1', RESULTS_FILE));
    expect(await readRunResults(file)).toEqual(run);
  });

  it('writes pretty JSON in a stable key order, whatever order the keys came in', async () => {
    const run = await localRun([
      rung(1, 5, { failed: 3, failedByCode: { timeout: 1, '3100': 2 } }),
      rung(2, 10),
      rung(3, 20),
    ]);
    const text = serializeRunResults(run);
    expect(serializeRunResults(reversed(run) as typeof run)).toBe(text);
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "runId": "rehearsal-20250601T120000Z",\n')).toBe(
      true,
    );
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('"failedByCode": {\n        "3100": 2,\n        "timeout": 1\n      }');
    await writeRunResults(dir, reversed(run) as typeof run);
    expect(await readFile(join(dir, RESULTS_FILE), 'utf8')).toBe(text);
  });

  it('fills defaulted lists and refuses to write results that contradict themselves', async () => {
    const { hints: _hints, artifacts: _artifacts, ...bare } = await localRun();
    expect(parseRunResults(bare)).toMatchObject({ hints: [], artifacts: [] });
    const claimed = { ...bare, verdict: { outcome: 'FAIL' as const, summary: 'no', decidingRung: 1 } };
    await expect(writeRunResults(dir, claimed)).rejects.toThrow(RunResultsError);
    await expect(stat(join(dir, RESULTS_FILE))).rejects.toThrow(/ENOENT/);
  });

  it('names the file, the path, the value and what is allowed', async () => {
    const run = await localRun();
    const file = join(dir, RESULTS_FILE);
    await writeFile(file, JSON.stringify({ ...run, durationSeconds: -5, trigger: 'nightly' }));
    const error = await readError(file);
    expect(error.message).toBe(
      [
        `Run results from ${file} are invalid (2 issues):`,
        '  durationSeconds: got -5; allowed: a number ≥ 0 (seconds)',
        '  trigger: got "nightly"; allowed: one of: manual, pull_request, release, rehearsal',
      ].join('\n'),
    );
    expect(error.issues[0]).toEqual({
      path: 'durationSeconds',
      value: -5,
      allowed: 'a number ≥ 0 (seconds)',
    });
  });

  it('refuses a file from a newer schema version with a clear message', async () => {
    const file = join(dir, RESULTS_FILE);
    await writeFile(file, JSON.stringify({ schemaVersion: 2, runId: 'r', somethingNew: true }));
    const error = await readError(file);
    expect(error.issues).toHaveLength(1);
    expect(error.message).toContain(
      'schemaVersion: got 2; allowed: at most 1: the file was written by a newer @mlperf/core than this reader',
    );
  });

  it('refuses a missing or older schema version, and text that is not JSON', async () => {
    const run = await localRun();
    const { schemaVersion: _version, ...unversioned } = run;
    expect(() => parseRunResults(unversioned)).toThrow(
      'schemaVersion: got nothing (missing); allowed: exactly 1',
    );
    expect(() => parseRunResults({ ...run, schemaVersion: 0 })).toThrow(
      'schemaVersion: got 0; allowed: exactly 1',
    );

    const file = join(dir, RESULTS_FILE);
    await writeFile(file, '{"schemaVersion": 1,');
    const error = await readError(file);
    expect(error.message).toMatch(
      new RegExp(
        `^Run results from ${file} are invalid \\(1 issue\\):\\n {2}\\(root\\): got "\\{\\\\"schemaVersion\\\\": 1,"; allowed: a JSON document \\(`,
      ),
    );
  });

  it('lets a missing file fail with the file system error', async () => {
    await expect(readRunResults(join(dir, 'absent.json'))).rejects.toThrow(/ENOENT/);
  });
});
