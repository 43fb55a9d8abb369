/**
 * The step summary of a job ($GITHUB_STEP_SUMMARY). GitHub refuses a summary over 1 MiB (counted in
 * UTF-8 bytes, not characters), and a refused summary loses the whole report, so it is cut at a
 * line break with a note instead.
 */
import { fitAtLineBreak, utf8Bytes } from './trim.js';

/** GitHub's limit on one step's summary, in UTF-8 bytes. */
export const JOB_SUMMARY_LIMIT_BYTES = 1024 * 1024;

export interface JobSummaryOptions {
  /** Largest summary in UTF-8 bytes (default 1 MiB). */
  limitBytes?: number;
  /** Named in the note when the summary had to be cut. */
  fullReportUrl?: string;
}

/** `markdown` if it fits the step-summary limit, else its leading whole lines and a note. */
export function jobSummaryMarkdown(markdown: string, options: JobSummaryOptions = {}): string {
  const limit = options.limitBytes ?? JOB_SUMMARY_LIMIT_BYTES;
  const where =
    options.fullReportUrl === undefined
      ? "report.md and results.json in this run's artifacts"
      : `[report.md and results.json](${options.fullReportUrl})`;
  const note = `---\n✂️ **Trimmed to fit GitHub's ${limit.toLocaleString('en-US')}-byte step-summary limit.** The full report: ${where}.`;
  return fitAtLineBreak(markdown, limit, note, utf8Bytes).text;
}
