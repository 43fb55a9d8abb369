/** Markdown for a cost estimate: one table of lines, the run length and every assumption. */
import { formatDuration } from '../aws/clock.js';
import type { CostEstimate } from './estimate.js';
import { PRICING_FILE } from './pricing.js';

export function formatUsd(value: number): string {
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function formatUnitPrice(value: number): string {
  // Small unit prices (per GiB-hour) need more digits to be readable.
  const digits = value >= 0.1 ? 4 : value >= 0.001 ? 5 : 7;
  return `$${Number(value.toFixed(digits))}`;
}

function formatQuantity(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function renderCostMarkdown(estimate: CostEstimate): string {
  const rows = estimate.lines.map((line) => {
    const mark = line.verified ? '' : ' †';
    const per = line.per === 'hour' ? `/${line.unit}-h` : `/${line.unit}`;
    const hourly = line.per === 'hour' ? formatUsd(line.hourlyUsd) : '—';
    return `| ${line.item} | ${formatQuantity(line.quantity)} ${line.unit} | ${formatUnitPrice(line.unitUsd)}${per}${mark} | ${hourly} | ${formatUsd(line.totalUsd)} |`;
  });
  const d = estimate.duration;
  const lines = [
    `| item | quantity | unit price | per hour | run total |`,
    `|---|---:|---:|---:|---:|`,
    ...rows,
    `| **total** | | | **${formatUsd(estimate.hourly)}** | **${formatUsd(estimate.total)}** |`,
    '',
    `Run length ${estimate.hours.toFixed(2)} h: setup ${formatDuration(d.setupSeconds * 1000)}, ` +
      `rungs ${formatDuration(d.ladderSeconds * 1000)}, stress ${formatDuration(d.stressSeconds * 1000)}, ` +
      `teardown ${formatDuration(d.teardownSeconds * 1000)}. Prices in ${estimate.region}, ${estimate.currency}, ` +
      `from \`${PRICING_FILE}\` (compiled ${estimate.pricingRetrieved}).`,
  ];
  if (estimate.usesUnverifiedPrices) {
    lines.push(
      '',
      '† price not confirmed by a cited source (`"verified": false` in the pricing table); check it before relying on the total.',
    );
  }
  lines.push('', 'Assumptions:', ...estimate.assumptions.map((text) => `- ${text}`));
  return lines.join('\n');
}
