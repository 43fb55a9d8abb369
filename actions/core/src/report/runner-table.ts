/**
 * The k6 runners of each rung as Markdown for the step summary: one table row per runner with its
 * exit code and the figures of its own end-of-test summary (k6 `handleSummary` data), and per rung
 * the runners' sum of completed transfers — the cross-check of the PromQL figures, read by eye.
 *
 * A summary is whatever the runner printed, so it is read defensively: a missing or odd figure shows
 * the report's `—`, nothing here throws.
 */
import { z } from 'zod';
import { K6_COUNTERS, K6_TRENDS } from '../ladder/metrics.js';
import { cell, MISSING } from './format.js';

/** The artifact phase.ts writes the runners to (the `mlperf-results` upload). */
export const RUNNER_SUMMARIES_FILE = 'runner-summaries.json';

/** One runner of a rung as `runner-summaries.json` holds it. */
export interface RunnerSummaryEntry {
  id: string;
  /** `null` when the pod's exit code could not be read. */
  exitCode: number | null;
  /** The k6 end-of-test summary as printed; `null` when the runner printed none. */
  summary: unknown;
}

/** The runners of one rung: the elements of `runner-summaries.json`. */
export interface RungRunners {
  /** 1-based position of the rung in the run. */
  rung: number;
  /** Target rate of the rung, transfers/s. */
  rate: number;
  runners: RunnerSummaryEntry[];
}

const RungRunnersListSchema = z.array(
  z.object({
    rung: z.number().int().min(1),
    rate: z.number().min(0),
    runners: z.array(
      z.object({ id: z.string(), exitCode: z.number().int().nullable(), summary: z.unknown() }),
    ),
  }),
);

/**
 * Reads `runner-summaries.json` (as text): the runners, or why the file is not what phase.ts writes
 * (the first schema issue, by path). The summaries themselves stay `unknown` and are read defensively.
 */
export function parseRunnerSummaries(text: string): { runners: RungRunners[] } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `${RUNNER_SUMMARIES_FILE} is not JSON (${(error as Error).message})` };
  }
  const parsed = RungRunnersListSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      error: `${RUNNER_SUMMARIES_FILE}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  return {
    runners: parsed.data.map((r) => ({
      ...r,
      runners: r.runners.map((x) => ({ id: x.id, exitCode: x.exitCode, summary: x.summary ?? null })),
    })),
  };
}

/** Table rows beyond this are left out, so the step summary stays small. */
export const MAX_RUNNER_ROWS = 200;

const NONE = MISSING;

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `summary.metrics[name].values[key]` when it is a finite number ≥ 0; otherwise `null`. */
function metricValue(summary: unknown, name: string, key: string): number | null {
  if (!isRecord(summary)) return null;
  const metrics = summary.metrics;
  if (!isRecord(metrics)) return null;
  const metric = metrics[name];
  if (!isRecord(metric)) return null;
  const values = metric.values;
  if (!isRecord(values)) return null;
  const value = values[key];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

const counterOf = (summary: unknown, name: string): number | null => metricValue(summary, name, 'count');

const formatCount = (value: number | null): string =>
  value === null ? NONE : count.format(Math.round(value));

const formatMs = (value: number | null): string =>
  value === null ? NONE : `${count.format(Math.round(value))} ms`;

function row(entry: RungRunners, runner: RunnerSummaryEntry): string {
  const exit = runner.exitCode === null ? 'unknown' : String(runner.exitCode);
  const head = [String(entry.rung), `${count.format(entry.rate)}/s`, cell(runner.id, 80), exit];
  const figures =
    runner.summary === null || runner.summary === undefined
      ? ['no summary', NONE, NONE, NONE]
      : [
          formatCount(counterOf(runner.summary, K6_COUNTERS.completed)),
          formatCount(counterOf(runner.summary, K6_COUNTERS.failed)),
          formatCount(counterOf(runner.summary, K6_COUNTERS.dropped)),
          formatMs(metricValue(runner.summary, K6_TRENDS.e2e, 'p(99)')),
        ];
  return `| ${[...head, ...figures].join(' | ')} |`;
}

function sumLine(entry: RungRunners): string {
  const prefix = `- rung ${entry.rung} (${count.format(entry.rate)}/s): runners' sum of completed`;
  if (entry.runners.length === 0) return `${prefix}: no runner`;
  const figures = entry.runners
    .map((r) => counterOf(r.summary, K6_COUNTERS.completed))
    .filter((v): v is number => v !== null);
  if (figures.length === 0) return `${prefix} ${NONE} (no runner reported it)`;
  const sum = figures.reduce((a, b) => a + b, 0);
  return `${prefix} ${formatCount(sum)} (${figures.length} of ${entry.runners.length} runner(s) reported it)`;
}

/**
 * Markdown lines: the runner table (at most `maxRows` rows, then a line saying how many were left out)
 * and one "runners' sum" line per rung. No lines when no rung ran.
 */
export function runnerTableLines(rungs: readonly RungRunners[], maxRows: number = MAX_RUNNER_ROWS): string[] {
  if (rungs.length === 0) return [];
  const lines: string[] = [];
  const total = rungs.reduce((n, r) => n + r.runners.length, 0);
  if (total > 0) {
    lines.push(
      '| rung | rate | runner | exit | completed | failed | dropped | e2e p99 |',
      '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    );
    let shown = 0;
    for (const entry of rungs) {
      for (const runner of entry.runners) {
        if (shown >= maxRows) break;
        lines.push(row(entry, runner));
        shown += 1;
      }
    }
    if (total > shown) {
      lines.push(
        '',
        `${count.format(total - shown)} more runner row(s) left out; see ${RUNNER_SUMMARIES_FILE}.`,
      );
    }
    lines.push('');
  }
  for (const entry of rungs) lines.push(sumLine(entry));
  return lines;
}
