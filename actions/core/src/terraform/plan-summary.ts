/**
 * A saved plan in a few lines: how many resources are added, changed, replaced and destroyed, by
 * resource type, from `terraform show -json <plan>`. Only addresses and types are read, never
 * attribute values, so the summary cannot leak a sensitive value.
 */
import { z } from 'zod';

const ResourceChange = z.object({
  address: z.string(),
  mode: z.string().optional(),
  type: z.string(),
  change: z.object({ actions: z.array(z.string()) }),
});

const PlanJson = z.object({
  format_version: z.string().optional(),
  terraform_version: z.string().optional(),
  resource_changes: z.array(ResourceChange).optional(),
});

export type ChangeKind = 'add' | 'change' | 'replace' | 'destroy';

export interface TypeCounts {
  type: string;
  add: number;
  change: number;
  replace: number;
  destroy: number;
}

export interface PlanSummary {
  terraformVersion: string | undefined;
  /** Terraform's own totals: a replacement counts as one add and one destroy. */
  add: number;
  change: number;
  destroy: number;
  replace: number;
  byType: TypeCounts[];
  /** Addresses being destroyed or replaced, worth a second look. */
  destructive: string[];
}

function kindOf(actions: readonly string[]): ChangeKind | undefined {
  const set = new Set(actions);
  if (set.has('create') && set.has('delete')) return 'replace';
  if (set.has('create')) return 'add';
  if (set.has('delete')) return 'destroy';
  if (set.has('update')) return 'change';
  return undefined; // no-op, read
}

export function summarizePlan(raw: unknown): PlanSummary {
  const parsed = PlanJson.safeParse(raw);
  if (!parsed.success)
    throw new Error('terraform show -json did not return a plan (no resource_changes list)');
  const byType = new Map<string, TypeCounts>();
  const destructive: string[] = [];
  for (const resource of parsed.data.resource_changes ?? []) {
    if (resource.mode === 'data') continue;
    const kind = kindOf(resource.change.actions);
    if (kind === undefined) continue;
    const counts = byType.get(resource.type) ?? {
      type: resource.type,
      add: 0,
      change: 0,
      replace: 0,
      destroy: 0,
    };
    counts[kind] += 1;
    byType.set(resource.type, counts);
    if (kind === 'destroy' || kind === 'replace') destructive.push(resource.address);
  }
  const rows = [...byType.values()].sort((a, b) => a.type.localeCompare(b.type));
  const sum = (key: ChangeKind) => rows.reduce((total, row) => total + row[key], 0);
  const replace = sum('replace');
  return {
    terraformVersion: parsed.data.terraform_version,
    add: sum('add') + replace,
    change: sum('change'),
    destroy: sum('destroy') + replace,
    replace,
    byType: rows,
    destructive: destructive.sort(),
  };
}

export function renderPlanMarkdown(summary: PlanSummary): string {
  const headline =
    `**Plan: ${summary.add} to add, ${summary.change} to change, ${summary.destroy} to destroy**` +
    (summary.replace > 0 ? ` (${summary.replace} replaced)` : '');
  const out = [headline];
  if (summary.terraformVersion !== undefined) out.push('', `Terraform ${summary.terraformVersion}`);
  if (summary.byType.length === 0) {
    out.push('', 'No changes: the stack matches the configuration.');
    return out.join('\n');
  }
  out.push(
    '',
    '| resource type | add | change | replace | destroy |',
    '|---|---:|---:|---:|---:|',
    ...summary.byType.map(
      (row) => `| \`${row.type}\` | ${row.add} | ${row.change} | ${row.replace} | ${row.destroy} |`,
    ),
  );
  if (summary.destructive.length > 0) {
    out.push('', 'Destroyed or replaced:', ...summary.destructive.map((address) => `- \`${address}\``));
  }
  return out.join('\n');
}
