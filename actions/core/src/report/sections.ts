/**
 * The sections of a report, each a pure function of the results returning Markdown. render.ts
 * decides which ones to include and how much of each, so trimming never edits rendered text.
 */
import { markdownTable } from 'markdown-table';
import { stringify } from 'yaml';
import type { RunConfig } from '../config/index.js';
import { formatUsd, renderCostMarkdown } from '../cost/render.js';
import type { LatencyLeg, RungResult, RunResults } from '../results/schema.js';
import { abbreviateFailedSlo, configuredSlos, formatThreshold, SLO_DEFINITIONS } from '../results/slo.js';
import { ladderTargetRate } from '../results/verdict.js';
import { CONTROL_LABELS, CONTROLS, type ControlName, type ControlStatus } from '../security/posture.js';
import {
  cell,
  formatCount,
  formatMs,
  formatPercent,
  formatRate,
  formatRateBrief,
  formatSeconds,
  MISSING,
} from './format.js';

/** A GitHub table; delimiters are not padded, which keeps long tables short without changing how they render. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly string[],
): string {
  return markdownTable([header, ...rows], { align, alignDelimiters: false });
}

/** A collapsed block; the blank lines let GitHub render the Markdown inside. */
export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

// ---------------------------------------------------------------- verdict

const OUTCOME_ICON = { PASS: '✅', FAIL: '❌', INVALID: '⚠️' } as const;

/** `mTLS + JWS + ILP`, from the configured switches. */
export function securityLabel(security: RunConfig['security']): string {
  const parts: string[] = [];
  if (security.mtls) parts.push('mTLS');
  if (security.jwsSign) parts.push(security.jwsValidate ? 'JWS' : 'JWS signing (not validated)');
  if (security.ilp) parts.push('ILP');
  return parts.length === 0 ? 'no security controls' : parts.join(' + ');
}

/** `1,000 transfers/s with mTLS + JWS + ILP, 8 DFSPs`: what the run set out to prove. */
export function targetLabel(config: RunConfig): string {
  return `${formatRateBrief(ladderTargetRate(config))} transfers/s with ${securityLabel(config.security)}, ${config.dfsps.count} DFSPs`;
}

/** Whether the configuration expects the hub to enforce each control (expiry has no switch). */
function expected(config: RunConfig, control: ControlName): boolean {
  switch (control) {
    case 'mtls':
      return config.security.mtls;
    case 'jwsValidation':
      return config.security.jwsValidate;
    case 'ilp':
      return config.security.ilp;
    case 'expiry':
      return true;
  }
}

function securityLine(results: RunResults): string {
  const { security, config } = results;
  if (security === null) return '⚠️ **Security:** verify-security did not run, so no control is proven.';
  const wanted = CONTROLS.filter((control) => expected(config, control));
  const open = wanted.filter((control) => security.controls[control].status !== 'proven');
  if (open.length === 0) {
    const list = wanted.map((control) => CONTROL_LABELS[control]).join(', ');
    return `**Security:** every expected control proven by negative probes (${list}).`;
  }
  const list = open.map((control) => `${CONTROL_LABELS[control]} (${security.controls[control].status})`);
  return `⚠️ **Security:** expected but not proven: ${list.join(', ')}.`;
}

export function renderVerdict(results: RunResults): string {
  const { verdict, maxSustainableRate: max } = results;
  const heading = `## ${OUTCOME_ICON[verdict.outcome]} ${verdict.outcome} — ${targetLabel(results.config)}`;
  const maxLine =
    max.rate === null || max.basis === null
      ? '**Maximum sustainable rate:** none — no rung passed.'
      : `**Maximum sustainable rate:** ${formatRate(max.rate)} transfers/s (rung ${max.basis.index}, ${max.basis.kind}).`;
  const meta = `Profile \`${results.profile}\` · run \`${results.runId}\` · ${results.trigger} · ${results.rungs.length} rung${results.rungs.length === 1 ? '' : 's'}`;
  return [heading, '', maxLine, verdict.summary, '', securityLine(results), '', `<sub>${meta}</sub>`].join(
    '\n',
  );
}

// ---------------------------------------------------------------- rungs

export const RUNG_TABLE_HEADER = [
  'rung',
  'kind',
  'target /s',
  'achieved /s',
  'success %',
  'e2e p50 ms',
  'e2e p95 ms',
  'e2e p99 ms',
  'discovery p99 ms',
  'quote p99 ms',
  'transfer p99 ms',
  'dropped',
  'hub committed / completed',
  'outcome',
] as const;
const RUNG_TABLE_ALIGN = ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'];

const LISTED = 2;
const ITEM_LIMIT = 70;

function listCell(items: readonly string[]): string {
  const shown = items.slice(0, LISTED).map((item) => cell(item, ITEM_LIMIT));
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; +${more} more` : shown.join('; ');
}

export function outcomeCell(rung: RungResult): string {
  const label = `${OUTCOME_ICON[rung.outcome]} ${rung.outcome}`;
  switch (rung.outcome) {
    case 'PASS':
      return label;
    case 'FAIL':
      return `${label}: ${listCell(rung.failedSlos.map(abbreviateFailedSlo))}`;
    case 'INVALID':
      return `${label}: ${listCell(rung.invalidReasons)}`;
  }
}

export function rungRow(rung: RungResult): string[] {
  const { e2e, discovery, quote, transfer } = rung.latency;
  return [
    String(rung.index),
    rung.kind,
    formatRate(rung.targetRate),
    formatRate(rung.achievedRate),
    formatPercent(rung.successPercent),
    formatMs(e2e.p50),
    formatMs(e2e.p95),
    formatMs(e2e.p99),
    formatMs(discovery.p99),
    formatMs(quote.p99),
    formatMs(transfer.p99),
    rung.droppedIterations === null
      ? MISSING
      : `${formatCount(rung.droppedIterations)} (${formatPercent(rung.droppedPercent)} %)`,
    `${formatCount(rung.hubCommitted)} / ${formatCount(rung.completed)}`,
    outcomeCell(rung),
  ];
}

/** Which rung rows a table shows: all, or the first `head`, the last `tail` and the pinned ones. */
export type RowSelection = 'all' | { head: number; tail: number; pinned: ReadonlySet<number> };

export interface RungRows {
  rows: string[][];
  omitted: number;
}

/** Rows for the rung table; each run of left-out rungs becomes one "… K rungs omitted" row. */
export function rungRows(rungs: readonly RungResult[], selection: RowSelection): RungRows {
  if (selection === 'all') return { rows: rungs.map(rungRow), omitted: 0 };
  const rows: string[][] = [];
  let gap = 0;
  let omitted = 0;
  const flush = () => {
    if (gap === 0) return;
    const text = `… ${formatCount(gap)} rung${gap === 1 ? '' : 's'} omitted — see results.json`;
    rows.push([text, ...RUNG_TABLE_HEADER.slice(1).map(() => '')]);
    omitted += gap;
    gap = 0;
  };
  rungs.forEach((rung, position) => {
    const keep =
      position < selection.head ||
      position >= rungs.length - selection.tail ||
      selection.pinned.has(rung.index);
    if (keep) {
      flush();
      rows.push(rungRow(rung));
    } else {
      gap += 1;
    }
  });
  flush();
  return { rows, omitted };
}

export function renderRungTable(rows: readonly (readonly string[])[]): string {
  return [
    '### Rungs',
    '',
    table(RUNG_TABLE_HEADER, rows, RUNG_TABLE_ALIGN),
    '',
    "<sub>Over each rung's steady window. Latencies in ms; dropped = k6 dropped iterations (share of scheduled); " +
      "hub committed / completed compares the hub's count of committed transfers with k6's completed count.</sub>",
  ].join('\n');
}

const LEGS: readonly LatencyLeg[] = ['discovery', 'quote', 'transfer', 'e2e'];

/** p50 / p95 / p99 of every leg, collapsed. */
export function renderLegDetails(rungs: readonly RungResult[]): string {
  const header = [
    'rung',
    'target /s',
    ...LEGS.flatMap((leg) => ['p50', 'p95', 'p99'].map((p) => `${leg} ${p}`)),
  ];
  const rows = rungs.map((rung) => [
    String(rung.index),
    formatRate(rung.targetRate),
    ...LEGS.flatMap((leg) => {
      const latency = rung.latency[leg];
      return [formatMs(latency.p50), formatMs(latency.p95), formatMs(latency.p99)];
    }),
  ]);
  return details(
    'Per-leg latency (p50 / p95 / p99, ms)',
    table(
      header,
      rows,
      header.map(() => 'r'),
    ),
  );
}

/** Failed transfers by FSPIOP code per rung, collapsed; undefined when nothing failed. */
export function renderFailureDetails(rungs: readonly RungResult[]): string | undefined {
  const rows: string[][] = [];
  for (const rung of rungs) {
    if (rung.failed === null || rung.failed === 0) continue;
    const codes = Object.entries(rung.failedByCode).sort(([a], [b]) => (a < b ? -1 : 1));
    const classified = codes.reduce((sum, [, count]) => sum + count, 0);
    if (rung.failed > classified) codes.push(['unclassified', rung.failed - classified]);
    for (const [code, count] of codes) {
      rows.push([String(rung.index), formatRate(rung.targetRate), cell(code), formatCount(count)]);
    }
  }
  if (rows.length === 0) return undefined;
  return details(
    'Failed transfers by error code',
    table(['rung', 'target /s', 'FSPIOP code', 'failed'], rows, ['r', 'r', 'l', 'r']),
  );
}

// ---------------------------------------------------------------- the bar, posture, environment

export function renderSlos(config: RunConfig): string {
  const rows = configuredSlos(config.slo).map(({ slo, threshold }) => [
    SLO_DEFINITIONS[slo].label,
    formatThreshold(slo, threshold),
    SLO_DEFINITIONS[slo].meaning,
  ]);
  return [
    '### The bar',
    '',
    table(['SLO', 'threshold', 'measured as'], rows, ['l', 'r', 'l']),
    '',
    'A rung passes only when every SLO holds over its steady window **and** the measurement is valid: every ' +
      "load runner finished cleanly, the hub's committed count agrees with k6's completed count, and dropped " +
      'iterations stay within bounds. The verdict is PASS only when every ladder rung passed, up to the target rate.',
  ].join('\n');
}

const STATUS_LABEL: Record<ControlStatus, string> = {
  proven: '✅ proven',
  failed: '❌ failed',
  'not-proven': '⚠️ not proven',
};

export function renderPosture(results: RunResults, evidenceLimit: number): string {
  const { security, config } = results;
  if (security === null) {
    return '### Verified security posture\n\nverify-security did not run in this run: no control is proven.';
  }
  const rows = CONTROLS.map((control) => [
    CONTROL_LABELS[control],
    control === 'expiry' ? 'always' : expected(config, control) ? 'yes' : 'no',
    STATUS_LABEL[security.controls[control].status],
    cell(security.controls[control].evidence, evidenceLimit),
  ]);
  const baseline = security.baseline.committed
    ? 'a valid transfer committed'
    : `the valid baseline transfer did not commit (${cell(security.baseline.observed, 120)})`;
  return [
    '### Verified security posture',
    '',
    table(['control', 'expected', 'status', 'evidence'], rows, ['l', 'l', 'l', 'l']),
    '',
    `<sub>Proven by negative probes against ${cell(security.hubUrl)} at ${security.checkedAt}; baseline: ${baseline}. ` +
      'A control is proven only when every probe of it was refused for the expected reason.</sub>',
  ].join('\n');
}

export function renderEnvironment(results: RunResults): string {
  const { environment: env, config } = results;
  const { versions } = env;
  const hub =
    versions.hub === 'emulator'
      ? 'hub emulator'
      : versions.hub === 'mojaloop'
        ? `Mojaloop ${versions.mojaloop ?? MISSING}`
        : (versions.mojaloop ?? MISSING);
  const rows: string[][] = [
    ['provider', env.provider === 'aws' ? `aws (${env.region ?? MISSING})` : 'local (one machine)'],
    ['hub', hub],
    ['SDK scheme adapter', versions.sdkSchemeAdapter ?? MISSING],
    ['k6', versions.k6 ?? MISSING],
    ['Node.js', versions.node ?? MISSING],
    ['DFSPs', `${env.sizing.dfspCount} (${config.dfsps.currency})`],
    ['load runners', `${config.load.runners} (VUs ${config.load.preAllocatedVUs}–${config.load.maxVUs})`],
    ...env.sizing.nodes.map((node) => [
      `nodes: ${cell(node.role)}`,
      node.instanceType === undefined
        ? formatCount(node.count)
        : `${node.count} × ${cell(node.instanceType)}`,
    ]),
  ];
  return ['### Environment', '', table(['item', 'value'], rows, ['l', 'l'])].join('\n');
}

export function renderDurationAndCost(results: RunResults, breakdown: boolean): string {
  const lines = [
    '### Duration and cost',
    '',
    `Ran ${formatSeconds(results.durationSeconds)}, from ${results.startedAt} to ${results.finishedAt}.`,
  ];
  const cost = results.cost;
  if (cost?.estimate !== undefined) {
    const e = cost.estimate;
    const unverified = e.usesUnverifiedPrices ? ' Some prices are not confirmed by a cited source.' : '';
    lines.push(
      '',
      `Estimated cost: **${formatUsd(e.total)}** (${e.hours.toFixed(2)} h at ${formatUsd(e.hourly)}/h in ${e.region}, prices compiled ${e.pricingRetrieved}).${unverified}`,
    );
  }
  if (cost?.actual !== undefined) {
    lines.push('', `Actual cost: **${formatUsd(cost.actual.totalUsd)}** (${cell(cost.actual.source)}).`);
  }
  if (cost?.estimate !== undefined && breakdown) {
    lines.push('', details('Cost estimate breakdown', renderCostMarkdown(cost.estimate)));
  }
  return lines.join('\n');
}

export function renderHints(hints: readonly string[]): string | undefined {
  if (hints.length === 0) return undefined;
  return ['### Bottleneck hints', '', ...hints.map((hint) => `- ${hint.replace(/\s*\n\s*/g, ' ')}`)].join(
    '\n',
  );
}

export function renderArtifacts(results: RunResults): string | undefined {
  if (results.artifacts.length === 0) return undefined;
  const items = results.artifacts.map((artifact) =>
    artifact.description === undefined || artifact.description === ''
      ? `- \`${artifact.name}\``
      : `- \`${artifact.name}\` — ${artifact.description.replace(/\s*\n\s*/g, ' ')}`,
  );
  return ['### Artifacts', '', ...items].join('\n');
}

export function renderConfig(config: RunConfig): string {
  const yaml = stringify(config, { lineWidth: 0 }).trimEnd();
  return details(
    `Resolved configuration (profile <code>${config.profile}</code>)`,
    `\`\`\`yaml\n${yaml}\n\`\`\``,
  );
}
