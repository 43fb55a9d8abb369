/**
 * The report of one run as GitHub-flavoured Markdown: verdict first, then the charts, the per-rung
 * table, the bar it was judged by, the verified security posture, environment, duration and cost,
 * and the resolved configuration. One renderer serves every sink (job summary, sticky PR comment,
 * release notes, report.md).
 *
 * A sink with a size limit gets a trimmed report. Trimming follows a fixed order and stops at the
 * first step that fits: (1) the collapsed per-leg, failure, k6 runner and cost details, (2) the configuration
 * block, (3) rung rows beyond the first and last few (halving until it fits; the rung that decided
 * the verdict and the one that proved the maximum rate stay), (4) hints, artifacts and long
 * evidence, (5) every section but the verdict, charts and table, (6) the charts. The verdict, the
 * charts and the table header survive every step before (6); a trimmed report ends with a line
 * pointing at the full one. The comparison with the previous run, when given, sits right after the
 * verdict and is kept as long as the verdict is.
 */
import type { RunComparison } from '../github/compare.js';
import type { RunResults } from '../results/schema.js';
import { renderComparison } from './comparison.js';
import { formatCount } from './format.js';
import { DEFAULT_CHART_MAX_POINTS, renderCharts } from './mermaid.js';
import { type RungRunners, runnerTableLines } from './runner-table.js';
import {
  type RowSelection,
  renderArtifacts,
  renderConfig,
  renderDurationAndCost,
  renderEnvironment,
  renderFailureDetails,
  renderHints,
  renderLegDetails,
  renderPosture,
  renderRungTable,
  renderSlos,
  renderVerdict,
  rungRows,
} from './sections.js';

/** GitHub's limit on an issue or pull-request comment body, in characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface ReportOptions {
  /** Adds `<!-- mlperf-report:<key> -->` as the first line, so a sticky comment can be found and updated. */
  marker?: string;
  /** Longest report returned, in characters (default 65,536, a GitHub comment). */
  maxLength?: number;
  /** Where the full report and results.json are, named when the report had to be trimmed. */
  fullReportUrl?: string;
  /** Rung rows kept at the start of the table when rows must be omitted (default 10). */
  keepFirstRungs?: number;
  /** Rung rows kept at the end of the table when rows must be omitted (default 10). */
  keepLastRungs?: number;
  /** Most rungs plotted in a chart (default 60). */
  chartMaxPoints?: number;
  /** Longest evidence text in the posture table, in characters (default 300). */
  evidenceLimit?: number;
  /** The comparison with the previous comparable run, shown right after the verdict; every trimming step keeps it. */
  comparison?: RunComparison;
  /** Each rung's k6 runners (runner-summaries.json), shown folded with the details; the first trimmed. */
  runners?: readonly RungRunners[];
}

/** What a trimming step left out, in the order steps are taken. */
export type TrimStep = 'details' | 'config' | 'rung-rows' | 'extras' | 'sections' | 'charts' | 'cut';

export interface RenderedReport {
  markdown: string;
  /** Steps taken to fit maxLength; empty when the full report fits. */
  trimmed: TrimStep[];
  /** Rung rows replaced by "… K rungs omitted" rows. */
  omittedRungs: number;
}

const MARKER_KEY = /^[A-Za-z0-9](?:[A-Za-z0-9._:/]|-(?!-))*$/;

/** The hidden marker line of a sticky comment: `<!-- mlperf-report:<key> -->`. */
export function reportMarker(key: string): string {
  if (!MARKER_KEY.test(key)) {
    throw new Error(
      `report marker key ${JSON.stringify(key)} is not allowed: use letters, digits and . _ : / -, ` +
        'starting with a letter or digit, without "--" (it would end the HTML comment)',
    );
  }
  return `<!-- mlperf-report:${key} -->`;
}

interface Plan {
  details: boolean;
  config: boolean;
  rows: 'all' | { head: number; tail: number };
  extras: boolean;
  sections: boolean;
  charts: boolean;
}

const FULL: Plan = { details: true, config: true, rows: 'all', extras: true, sections: true, charts: true };

/** Every plan, from the full report to the barest, in trimming order. */
function plans(rungCount: number, head: number, tail: number): Plan[] {
  const out: Plan[] = [FULL, { ...FULL, details: false }, { ...FULL, details: false, config: false }];
  const lean = { ...FULL, details: false, config: false };
  let h = Math.max(0, Math.floor(head));
  let t = Math.max(0, Math.floor(tail));
  for (;;) {
    if (h + t < rungCount) out.push({ ...lean, rows: { head: h, tail: t } });
    if (h === 0 && t === 0) break;
    h = Math.floor(h / 2);
    t = Math.floor(t / 2);
  }
  const fewest = { ...lean, rows: { head: 0, tail: 0 } };
  out.push({ ...fewest, extras: false });
  out.push({ ...fewest, extras: false, sections: false });
  out.push({ ...fewest, extras: false, sections: false, charts: false });
  return out;
}

function stepsOf(plan: Plan, omitted: number): TrimStep[] {
  const steps: TrimStep[] = [];
  if (!plan.details) steps.push('details');
  if (!plan.config) steps.push('config');
  if (omitted > 0) steps.push('rung-rows');
  if (!plan.extras) steps.push('extras');
  if (!plan.sections) steps.push('sections');
  if (!plan.charts) steps.push('charts');
  return steps;
}

const STEP_WORDS: Record<TrimStep, string> = {
  details: 'per-leg, failure, k6 runner and cost details',
  config: 'the resolved configuration',
  'rung-rows': 'rung rows',
  extras: 'bottleneck hints, artifact list and long evidence',
  sections: 'the SLO, security, environment and cost sections',
  charts: 'the charts',
  cut: 'the end of the text',
};

function trimNote(
  steps: readonly TrimStep[],
  omitted: number,
  total: number,
  options: ReportOptions,
): string {
  const left = steps.map((step) =>
    step === 'rung-rows' ? `${formatCount(omitted)} of ${formatCount(total)} rung rows` : STEP_WORDS[step],
  );
  const limit = formatCount(options.maxLength ?? GITHUB_COMMENT_LIMIT);
  const where =
    options.fullReportUrl === undefined
      ? "report.md and results.json in this run's artifacts"
      : `[report.md and results.json](${options.fullReportUrl})`;
  return `---\n✂️ **Trimmed to fit ${limit} characters**, leaving out ${left.join('; ')}. The full report: ${where}.`;
}

function assemble(results: RunResults, options: ReportOptions, plan: Plan, withNote = true): RenderedReport {
  const parts: string[] = [];
  if (options.marker !== undefined) parts.push(reportMarker(options.marker));
  parts.push(renderVerdict(results));
  if (options.comparison !== undefined) parts.push(renderComparison(options.comparison));
  if (plan.charts)
    parts.push(
      renderCharts(results.rungs, { maxPoints: options.chartMaxPoints ?? DEFAULT_CHART_MAX_POINTS }),
    );

  const pinned = new Set<number>();
  if (results.verdict.decidingRung !== null) pinned.add(results.verdict.decidingRung);
  if (results.maxSustainableRate.basis !== null) pinned.add(results.maxSustainableRate.basis.index);
  const selection: RowSelection = plan.rows === 'all' ? 'all' : { ...plan.rows, pinned };
  const { rows, omitted } = rungRows(results.rungs, selection);
  parts.push(renderRungTable(rows));

  if (plan.details && results.rungs.length > 0) {
    parts.push(renderLegDetails(results.rungs));
    const failures = renderFailureDetails(results.rungs);
    if (failures !== undefined) parts.push(failures);
    const runners = runnerTableLines(options.runners ?? []);
    if (runners.length > 0) {
      parts.push(
        [
          '<details><summary>k6 runners: each one’s exit and own end-of-test summary (the cross-check of the PromQL figures)</summary>',
          '',
          ...runners,
          '',
          '</details>',
        ].join('\n'),
      );
    }
  }
  if (plan.sections) {
    if (plan.extras) {
      const hints = renderHints(results.hints);
      if (hints !== undefined) parts.push(hints);
    }
    parts.push(renderSlos(results.config));
    parts.push(renderPosture(results, plan.extras ? (options.evidenceLimit ?? 300) : 80));
    parts.push(renderEnvironment(results));
    parts.push(renderDurationAndCost(results, plan.details));
    if (plan.extras) {
      const artifacts = renderArtifacts(results);
      if (artifacts !== undefined) parts.push(artifacts);
    } else if (results.hints.length > 0 || results.artifacts.length > 0) {
      parts.push(
        `${results.hints.length} bottleneck hint(s) and ${results.artifacts.length} artifact(s) are listed in results.json.`,
      );
    }
    if (plan.config) parts.push(renderConfig(results.config));
  }
  const trimmed = stepsOf(plan, omitted);
  if (withNote && trimmed.length > 0) parts.push(trimNote(trimmed, omitted, results.rungs.length, options));
  return { markdown: `${parts.join('\n\n')}\n`, trimmed, omittedRungs: omitted };
}

/** The report with the details of what was trimmed to fit `maxLength`. */
export function composeReport(results: RunResults, options: ReportOptions = {}): RenderedReport {
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const candidates = plans(results.rungs.length, options.keepFirstRungs ?? 10, options.keepLastRungs ?? 10);
  for (const plan of candidates) {
    const report = assemble(results, options, plan);
    if (report.markdown.length <= maxLength) return report;
  }
  // Nothing fits (a limit smaller than the verdict itself): cut the barest report at a line break,
  // keeping its first lines (marker, verdict) and, when there is room, the pointer to the full report.
  const bare = assemble(results, options, candidates[candidates.length - 1] ?? FULL, false);
  const trimmed: TrimStep[] = [...bare.trimmed, 'cut'];
  const note = `\n\n${trimNote(trimmed, bare.omittedRungs, results.rungs.length, options)}\n`;
  const room = maxLength - note.length;
  const body = bare.markdown.slice(0, room > 0 ? room : maxLength);
  const end = body.lastIndexOf('\n');
  const kept = end > 0 ? body.slice(0, end) : body;
  return { markdown: room > 0 ? `${kept}${note}` : kept, trimmed, omittedRungs: bare.omittedRungs };
}

/** The report as Markdown, at most `options.maxLength` characters (default 65,536). */
export function renderReport(results: RunResults, options: ReportOptions = {}): string {
  return composeReport(results, options).markdown;
}
