/**
 * The rehearsal's files in its results directory: results.json (validated by the core's writer),
 * report.md (the core's renderer) and, when the smoke ran, smoke.json (per pair outcomes).
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { renderReport } from '@mlperf/core/report/render';
import { writeRunResults } from '@mlperf/core/results/io';
import type { RunResults } from '@mlperf/core/results/schema';
import { sdkEntry } from '../../stack/src/paths.js';
import { buildRehearsalResults, type RehearsalFacts } from './results.js';

export interface WrittenFile {
  name: string;
  /** How the final block names it. */
  label: string;
  path: string;
}

export async function writeRehearsalFiles(
  dir: string,
  facts: Omit<RehearsalFacts, 'artifacts' | 'versions' | 'finishedAt'>,
): Promise<{ results: RunResults; files: WrittenFile[] }> {
  await mkdir(dir, { recursive: true });
  const results = buildRehearsalResults({
    ...facts,
    finishedAt: new Date(),
    versions: { node: process.version, sdkSchemeAdapter: sdkVersion() },
    artifacts: [
      { name: 'report.md', description: 'The Markdown report of this rehearsal' },
      ...(facts.smoke === null
        ? []
        : [{ name: 'smoke.json', description: 'Per payer→payee pair outcome of the smoke transfers' }]),
    ],
  });
  const files: WrittenFile[] = [
    { name: 'results.json', label: 'results', path: await writeRunResults(dir, results) },
  ];
  const report = join(dir, 'report.md');
  await writeFile(report, renderReport(results));
  files.push({ name: 'report.md', label: 'report', path: report });
  if (facts.smoke !== null) {
    const { outcomes, ...summary } = facts.smoke;
    const smokeFile = join(dir, 'smoke.json');
    await writeFile(smokeFile, `${JSON.stringify({ runId: facts.runId, ...summary, outcomes }, null, 2)}\n`);
    files.push({ name: 'smoke.json', label: 'smoke', path: smokeFile });
  }
  return { results, files };
}

/** The installed @mojaloop/sdk-scheme-adapter's version (its entry point is src/index.js). */
export function sdkVersion(): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(dirname(sdkEntry()), '..', 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof manifest.version === 'string' ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}
