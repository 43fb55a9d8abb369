/** The janitor's job summary: one table row per stack it saw, then the details of what failed. */
import { formatDuration } from '../aws/clock.js';
import { RUN_ID_TAG } from '../aws/tags.js';
import { renderTeardownMarkdown } from '../terraform/teardown.js';
import { PROJECT_TAG, PROJECT_TAG_VALUE } from './discover.js';
import type { FailedStack, JanitorResult, RemovedStack, SkippedStack } from './janitor.js';

/** Table-cell text: one line, pipes escaped. */
function cell(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/\|/g, '\\|').trim();
}

function expiredSince(expiresAt: string | undefined, overdueMs: number | undefined): string {
  if (expiresAt === undefined) return '—';
  if (overdueMs === undefined) return `not yet (${expiresAt})`;
  return `${expiresAt} (${formatDuration(overdueMs)} ago)`;
}

interface Row {
  order: number;
  runId: string;
  owner: string;
  since: string;
  outcome: string;
}

function owner(stack: { owners: string[] }): string {
  return stack.owners.join(', ') || 'unknown';
}

function removedRow(stack: RemovedStack): Row {
  return {
    order: 1,
    runId: stack.runId,
    owner: owner(stack),
    since: expiredSince(stack.expiresAt, stack.overdueMs),
    outcome: `✅ removed (terraform destroy: ${stack.destroyAttempts} attempt(s))`,
  };
}

function failedRow(stack: FailedStack): Row {
  return {
    order: 0,
    runId: stack.runId,
    owner: owner(stack),
    since: expiredSince(stack.expiresAt, stack.overdueMs),
    outcome: `❌ failed at ${stack.step}: ${stack.reason}`,
  };
}

const SKIPPED: Record<
  SkippedStack['reason'],
  { order: number; label: (s: SkippedStack, max: number) => string }
> = {
  'dry-run': { order: 2, label: () => '🔍 would be removed (dry run)' },
  'over-limit': { order: 3, label: (_s, max) => `⏭️ left for the next run (max-stacks ${max})` },
  'needs-human': { order: 4, label: (s) => `⚠️ needs a person: ${s.detail}` },
  alive: { order: 5, label: (s) => `⏳ kept: ${s.detail}` },
};

function skippedRow(stack: SkippedStack, maxStacks: number): Row {
  const kind = SKIPPED[stack.reason];
  return {
    order: kind.order,
    runId: stack.runId,
    owner: owner(stack),
    since: expiredSince(stack.expiresAt, stack.overdueMs),
    outcome: kind.label(stack, maxStacks),
  };
}

export function renderJanitorMarkdown(result: JanitorResult): string {
  const title =
    `## Janitor${result.dryRun ? ' (dry run)' : ''}: ` +
    `${result.removed.length} removed, ${result.failed.length} failed, ${result.skipped.length} skipped`;
  const out = [
    title,
    '',
    `Stacks tagged \`${RUN_ID_TAG}\` and \`${PROJECT_TAG}=${PROJECT_TAG_VALUE}\` in ${result.regions.map((r) => `\`${r}\``).join(', ')} at ${result.now}; at most ${result.maxStacks} removed per run, the longest overdue first.`,
  ];
  if (result.regionErrors.length > 0) {
    out.push(
      '',
      '**Listing failed** (stacks there were not seen):',
      ...result.regionErrors.map((e) => `- \`${e.region}\`: ${cell(e.reason)}`),
    );
  }
  const rows = [
    ...result.failed.map(failedRow),
    ...result.removed.map(removedRow),
    ...result.skipped.map((s) => skippedRow(s, result.maxStacks)),
  ].sort((a, b) => a.order - b.order || (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0));
  if (rows.length === 0) {
    out.push('', 'No run stacks found.');
  } else {
    out.push(
      '',
      '| run id | owner | expired since | outcome |',
      '|---|---|---|---|',
      ...rows.map((r) => `| \`${r.runId}\` | ${cell(r.owner)} | ${cell(r.since)} | ${cell(r.outcome)} |`),
    );
  }
  for (const stack of result.failed) {
    const body = [`\`\`\`\n${stack.reason}\n\`\`\``];
    if (stack.teardown !== undefined) body.push(renderTeardownMarkdown(stack.teardown));
    out.push(
      '',
      `<details><summary>${stack.runId}: failed at ${stack.step}</summary>\n\n${body.join('\n\n')}\n</details>`,
    );
  }
  return `${out.join('\n')}\n`;
}
