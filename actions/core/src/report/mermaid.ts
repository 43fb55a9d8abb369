/**
 * Mermaid `xychart-beta` charts that GitHub renders inline. The x axis is categorical (one label
 * per rung, in order of target rate), because a numeric x axis would space points evenly whatever
 * their rates. Mermaid's grammar accepts plain decimals only (no separators, exponents or nulls),
 * and a series shorter than the axis would shift onto the wrong labels, so a rung without e2e
 * samples is left out of the latency chart rather than plotted as a gap.
 */
import type { RungResult } from '../results/schema.js';
import { formatRateBrief } from './format.js';

export interface ChartOptions {
  /** Most rungs plotted; beyond it an evenly spaced sample (always with the lowest and highest rate). */
  maxPoints?: number;
}

export const DEFAULT_CHART_MAX_POINTS = 60;

type ChartRung = Pick<RungResult, 'index' | 'kind' | 'targetRate' | 'achievedRate' | 'latency'>;

/** Rungs in order of target rate (then run order), sampled down to maxPoints. */
export function chartRungs<T extends ChartRung>(
  rungs: readonly T[],
  maxPoints = DEFAULT_CHART_MAX_POINTS,
): T[] {
  const sorted = [...rungs].sort((a, b) => a.targetRate - b.targetRate || a.index - b.index);
  const limit = Math.max(2, Math.floor(maxPoints));
  if (sorted.length <= limit) return sorted;
  const picked = new Set<number>();
  for (let i = 0; i < limit; i++) picked.add(Math.round((i * (sorted.length - 1)) / (limit - 1)));
  return [...picked].sort((a, b) => a - b).flatMap((position) => sorted[position] ?? []);
}

/** One label per rung; a rate that occurs twice gets the rung number so labels stay distinct. */
function axisLabels(rungs: readonly ChartRung[]): string {
  const counts = new Map<number, number>();
  for (const rung of rungs) counts.set(rung.targetRate, (counts.get(rung.targetRate) ?? 0) + 1);
  const labels = rungs.map((rung) => {
    const rate = formatRateBrief(rung.targetRate);
    return (counts.get(rung.targetRate) ?? 0) > 1 ? `${rate} #${rung.index}` : rate;
  });
  return `[${labels.map((label) => `"${label.replace(/"/g, "'")}"`).join(', ')}]`;
}

function series(values: readonly number[], digits: number): string {
  return `[${values.map((value) => value.toFixed(digits)).join(', ')}]`;
}

/** A y range from 0 to 10 % above the highest value, rounded up to two significant digits. */
function yRange(values: readonly number[]): string {
  const max = Math.max(1, ...values);
  const top = max + max / 10;
  const step = Math.max(1, 10 ** (Math.floor(Math.log10(top)) - 1));
  return `0 --> ${Math.ceil(top / step) * step}`;
}

function fence(lines: string[]): string {
  return ['```mermaid', ...lines, '```'].join('\n');
}

const X_AXIS_TITLE = '"target rate (transfers/s)"';

/** e2e p95 and p99 by target rate, or undefined when no rung has both. */
export function renderLatencyChart(rungs: readonly ChartRung[]): string | undefined {
  const plotted = rungs.filter((rung) => rung.latency.e2e.p95 !== null && rung.latency.e2e.p99 !== null);
  if (plotted.length === 0) return undefined;
  const p95 = plotted.map((rung) => rung.latency.e2e.p95 ?? 0);
  const p99 = plotted.map((rung) => rung.latency.e2e.p99 ?? 0);
  return fence([
    'xychart-beta',
    '    title "End-to-end latency by target rate"',
    `    x-axis ${X_AXIS_TITLE} ${axisLabels(plotted)}`,
    `    y-axis "latency (ms)" ${yRange([...p95, ...p99])}`,
    `    line "e2e p95" ${series(p95, 0)}`,
    `    line "e2e p99" ${series(p99, 0)}`,
  ]);
}

/** Achieved rate as bars under the target rate as a line, or undefined when no rung has an achieved rate. */
export function renderRateChart(rungs: readonly ChartRung[]): string | undefined {
  const plotted = rungs.filter((rung) => rung.achievedRate !== null);
  if (plotted.length === 0) return undefined;
  const achieved = plotted.map((rung) => rung.achievedRate ?? 0);
  const target = plotted.map((rung) => rung.targetRate);
  return fence([
    'xychart-beta',
    '    title "Achieved vs target rate"',
    `    x-axis ${X_AXIS_TITLE} ${axisLabels(plotted)}`,
    `    y-axis "transfers/s" ${yRange([...achieved, ...target])}`,
    `    bar "achieved" ${series(achieved, 1)}`,
    `    line "target" ${series(target, 1)}`,
  ]);
}

function unplottedNote(count: number, what: string, chart: string): string | undefined {
  if (count === 0) return undefined;
  return `${count} rung${count === 1 ? ' has' : 's have'} no ${what} and ${count === 1 ? 'is' : 'are'} not in the ${chart} chart.`;
}

/** Both charts and a caption saying what is drawn and what is left out. */
export function renderCharts(rungs: readonly ChartRung[], options: ChartOptions = {}): string {
  if (rungs.length === 0) return 'No rung ran, so there is nothing to chart.';
  const shown = chartRungs(rungs, options.maxPoints);
  const latency = renderLatencyChart(shown);
  const rate = renderRateChart(shown);
  const noLatency = shown.filter((r) => r.latency.e2e.p95 === null || r.latency.e2e.p99 === null).length;
  const noRate = shown.filter((r) => r.achievedRate === null).length;
  const notes = [
    'Rungs in order of target rate.',
    latency === undefined
      ? 'No rung has e2e latency samples, so there is no latency chart.'
      : 'Latency: lower line e2e p95, upper line e2e p99 (ms).',
    rate === undefined
      ? 'No rung has a measured achieved rate, so there is no rate chart.'
      : 'Rate: bars achieved, line target (transfers/s).',
    latency === undefined ? undefined : unplottedNote(noLatency, 'e2e samples', 'latency'),
    rate === undefined ? undefined : unplottedNote(noRate, 'measured achieved rate', 'rate'),
    shown.length < rungs.length
      ? `Showing ${shown.length} of ${rungs.length} rungs, evenly spaced by rate; every rung is in results.json.`
      : undefined,
  ];
  const caption = `<sub>${notes.filter((note) => note !== undefined).join(' ')}</sub>`;
  return [latency, rate, caption].filter((part) => part !== undefined).join('\n\n');
}
