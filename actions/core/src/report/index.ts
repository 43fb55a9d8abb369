// The report renderer: one run's results as GitHub-flavoured Markdown for every sink.
export { renderComparison } from './comparison.js';
export {
  cell,
  formatCount,
  formatMs,
  formatPercent,
  formatRate,
  formatRateBrief,
  formatSeconds,
  MISSING,
} from './format.js';
export {
  type ChartOptions,
  chartRungs,
  DEFAULT_CHART_MAX_POINTS,
  renderCharts,
  renderLatencyChart,
  renderRateChart,
} from './mermaid.js';
export {
  composeReport,
  GITHUB_COMMENT_LIMIT,
  type RenderedReport,
  type ReportOptions,
  renderReport,
  reportMarker,
  type TrimStep,
} from './render.js';
export {
  MAX_RUNNER_ROWS,
  parseRunnerSummaries,
  RUNNER_SUMMARIES_FILE,
  type RungRunners,
  type RunnerSummaryEntry,
  runnerTableLines,
} from './runner-table.js';
export {
  outcomeCell,
  RUNG_TABLE_HEADER,
  renderPosture,
  renderRungTable,
  renderSlos,
  renderVerdict,
  rungRow,
  securityLabel,
  targetLabel,
} from './sections.js';
