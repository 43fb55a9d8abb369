/**
 * The "Compared with the previous comparable run" section: a few lines right after the verdict, so
 * a reviewer sees at once whether this run is worse than the last one, and by which rule.
 */
import type { ComparisonVerdict, RunComparison } from '../github/compare.js';
import { formatRateBrief } from './format.js';

const HEADLINE: Record<ComparisonVerdict, string> = {
  regression: '📉 **Regression**',
  improvement: '📈 **Improvement**',
  'no-change': '➖ **No significant change**',
  'no-baseline': 'ℹ️ **No baseline**',
};

/** Reasons listed before the rest are summarised as "… and N more". */
const REASONS_SHOWN = 5;

/** `2025-06-01 13:12 UTC`. */
function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function renderComparison(comparison: RunComparison): string {
  const { previous } = comparison;
  let headline: string;
  if (previous === undefined) {
    headline = `${HEADLINE[comparison.verdict]}: no earlier comparable run to compare with.`;
  } else {
    const sustained =
      previous.maxSustainableRate === null
        ? 'no rung passed'
        : `${formatRateBrief(previous.maxSustainableRate)} transfers/s sustained`;
    headline = `${HEADLINE[comparison.verdict]} against run \`${previous.runId}\` (finished ${when(previous.finishedAt)}, ${previous.outcome}, ${sustained}).`;
  }
  const shown = comparison.reasons.slice(0, REASONS_SHOWN).map((reason) => `- ${reason}`);
  const more = comparison.reasons.length - shown.length;
  if (more > 0) shown.push(`- … and ${more} more.`);
  const parts = ['### Compared with the previous comparable run', '', headline];
  if (shown.length > 0) parts.push('', ...shown);
  parts.push('', `<sub>Rule: ${comparison.rule}</sub>`);
  return parts.join('\n');
}
