/**
 * Phase 01, the preflight: who is calling, whether the account's quotas fit the stack, and what
 * the run will cost. Its verdict is `stop` — with one reason per problem — before anything is
 * spent when a quota is short or the estimate exceeds the configured cost cap.
 */
import type { RunConfig } from '../config/index.js';
import { type CostEstimate, type EstimateOptions, estimateRunCost, roundUsd } from '../cost/estimate.js';
import { loadPricingTable, type PricingTable } from '../cost/pricing.js';
import { formatUsd, renderCostMarkdown } from '../cost/render.js';
import type { AwsIdentity, CallerIdentity } from './identity.js';
import {
  type AwsQuotas,
  type AwsUsage,
  checkQuotas,
  DEFAULT_STACK_LAYOUT,
  type QuotaRow,
  quotaNeeds,
  quotaShortfalls,
  type StackLayout,
} from './quotas.js';

export interface PreflightClients {
  identity: AwsIdentity;
  quotas: AwsQuotas;
  usage: AwsUsage;
}

export interface PreflightOptions {
  runId: string;
  pricing?: PricingTable;
  layout?: StackLayout;
  duration?: EstimateOptions['duration'];
}

export type PreflightVerdict = { status: 'ok' } | { status: 'stop'; reasons: string[] };

export interface PreflightResult {
  profile: string;
  provider: 'aws' | 'local';
  runId: string;
  region?: string;
  identity?: Pick<CallerIdentity, 'account' | 'arn'>;
  quotas: QuotaRow[];
  cost?: CostEstimate;
  costCapUsd: number;
  verdict: PreflightVerdict;
  /** Plain statements for the reader, e.g. why nothing was checked. */
  notes: string[];
}

export const LOCAL_NOTE = 'nothing to check: local run (no cloud account, no quotas, no spend)';

/**
 * Runs the checks. For the local provider nothing touches AWS. AWS errors (access denied,
 * exhausted retries) propagate as AwsAccessDeniedError / AwsCallError naming the API action.
 */
export async function runPreflight(
  config: RunConfig,
  clients: PreflightClients | undefined,
  options: PreflightOptions,
): Promise<PreflightResult> {
  const infra = config.infrastructure;
  const base = { profile: config.profile, runId: options.runId, costCapUsd: config.costCapUsd };
  if (infra.provider === 'local') {
    return { ...base, provider: 'local', quotas: [], verdict: { status: 'ok' }, notes: [LOCAL_NOTE] };
  }
  if (clients === undefined) throw new Error('the AWS preflight needs AWS clients');
  const layout = options.layout ?? DEFAULT_STACK_LAYOUT;
  // Pure checks first: an unpriced region or instance type fails before any API call.
  const pricing = options.pricing ?? loadPricingTable();
  const cost = estimateRunCost(config, pricing, {
    layout,
    ...(options.duration ? { duration: options.duration } : {}),
  });
  const needs = quotaNeeds(infra, layout);

  const identity = await clients.identity.getCallerIdentity();
  const quotas = await checkQuotas(needs, clients.quotas, clients.usage);

  const reasons = quotaShortfalls(quotas, infra.region);
  if (cost.total > config.costCapUsd) {
    reasons.push(
      `cost cap exceeded: the run is estimated at ${formatUsd(cost.total)} (${formatUsd(cost.hourly)}/h for ${cost.hours.toFixed(2)} h), ` +
        `above costCapUsd ${formatUsd(config.costCapUsd)}; shorten the ladder or the stress budget, shrink the node groups, or raise costCapUsd`,
    );
  }
  return {
    ...base,
    provider: 'aws',
    region: infra.region,
    identity: { account: identity.account, arn: identity.arn },
    quotas,
    cost,
    verdict: reasons.length === 0 ? { status: 'ok' } : { status: 'stop', reasons },
    notes: [],
  };
}

/** The estimate in whole cents, as published in the action output. */
export function estimateUsd(result: PreflightResult): number {
  return result.cost === undefined ? 0 : roundUsd(result.cost.total);
}

export function renderPreflightMarkdown(result: PreflightResult): string {
  const out: string[] = [`## Preflight: ${result.profile} (run ${result.runId})`, ''];
  if (result.verdict.status === 'ok') {
    out.push('**Verdict: ok** — nothing found that would stop the run.');
  } else {
    out.push('**Verdict: stop** — nothing was provisioned and nothing was spent.', '');
    for (const reason of result.verdict.reasons) out.push(`- ${reason}`);
  }
  for (const note of result.notes) out.push('', note);
  if (result.identity !== undefined) {
    out.push(
      '',
      '### Identity',
      '',
      `- account \`${result.identity.account}\``,
      `- caller \`${result.identity.arn}\``,
    );
    if (result.region !== undefined) out.push(`- region \`${result.region}\``);
  }
  if (result.quotas.length > 0) {
    out.push(
      '',
      '### Service quotas',
      '',
      '| quota | code | needed | quota value | in use | available | ok |',
      '|---|---|---:|---:|---:|---:|:---:|',
      ...result.quotas.map(
        (row) =>
          `| ${row.name} | \`${row.code}\` | ${row.needed} | ${row.quota} | ${row.inUse} | ${row.available} | ${row.ok ? '✅' : '❌'} |`,
      ),
      '',
      ...result.quotas.map((row) => `- ${row.name}: ${row.detail}`),
    );
  }
  if (result.cost !== undefined) {
    out.push(
      '',
      `### Cost estimate: ${formatUsd(result.cost.total)} (cap ${formatUsd(result.costCapUsd)})`,
      '',
      renderCostMarkdown(result.cost),
    );
  }
  return `${out.join('\n')}\n`;
}
