import { describe, expect, it } from 'vitest';
import { renderPlanMarkdown, summarizePlan } from '../../src/index.js';

const change = (address: string, type: string, actions: string[], mode = 'managed') => ({
  address,
  mode,
  type,
  change: { actions, after: { secret: 'do-not-print' } },
});

describe('plan summary', () => {
  const plan = {
    format_version: '1.2',
    terraform_version: '1.10.5',
    resource_changes: [
      change('data.aws_availability_zones.available', 'aws_availability_zones', ['read'], 'data'),
      change('aws_vpc.this', 'aws_vpc', ['create']),
      change('aws_subnet.public[0]', 'aws_subnet', ['create']),
      change('aws_subnet.public[1]', 'aws_subnet', ['create']),
      change('aws_eks_node_group.this["kafka"]', 'aws_eks_node_group', ['update']),
      change('aws_launch_template.this["kafka"]', 'aws_launch_template', ['delete', 'create']),
      change('aws_security_group_rule.old', 'aws_security_group_rule', ['delete']),
      change('aws_iam_role.node', 'aws_iam_role', ['no-op']),
    ],
  };

  it('counts like Terraform does: a replacement is one add and one destroy', () => {
    expect(summarizePlan(plan)).toEqual({
      terraformVersion: '1.10.5',
      add: 4,
      change: 1,
      destroy: 2,
      replace: 1,
      byType: [
        { type: 'aws_eks_node_group', add: 0, change: 1, replace: 0, destroy: 0 },
        { type: 'aws_launch_template', add: 0, change: 0, replace: 1, destroy: 0 },
        { type: 'aws_security_group_rule', add: 0, change: 0, replace: 0, destroy: 1 },
        { type: 'aws_subnet', add: 2, change: 0, replace: 0, destroy: 0 },
        { type: 'aws_vpc', add: 1, change: 0, replace: 0, destroy: 0 },
      ],
      destructive: ['aws_launch_template.this["kafka"]', 'aws_security_group_rule.old'],
    });
  });

  it('renders a table by resource type without any attribute value', () => {
    const markdown = renderPlanMarkdown(summarizePlan(plan));
    expect(markdown.split('\n').slice(0, 6)).toEqual([
      '**Plan: 4 to add, 1 to change, 2 to destroy** (1 replaced)',
      '',
      'Terraform 1.10.5',
      '',
      '| resource type | add | change | replace | destroy |',
      '|---|---:|---:|---:|---:|',
    ]);
    expect(markdown).toContain('| `aws_subnet` | 2 | 0 | 0 | 0 |');
    expect(markdown).toContain('- `aws_security_group_rule.old`');
    expect(markdown).not.toContain('do-not-print');
  });

  it('says so when nothing changes, and refuses what is not a plan', () => {
    expect(renderPlanMarkdown(summarizePlan({ resource_changes: [] }))).toContain('No changes');
    expect(() => summarizePlan({ resource_changes: 'nope' })).toThrow(/did not return a plan/);
  });
});
