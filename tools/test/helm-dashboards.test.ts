import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SERIES_NAMES, K6_TAGS } from '@mlperf/core/ladder/metrics';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../lib/paths.js';

const dashboardsDir = path.join(repoRoot(), 'helm', 'dashboards');
const dashboardFiles = readdirSync(dashboardsDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** Series we define (the ladder's reader) or document (helm/dashboards/metrics.yaml, with sources). */
function knownSeries(): Set<string> {
  const names = DEFAULT_SERIES_NAMES;
  const known = new Set<string>([
    names.completed,
    names.failed,
    names.dropped,
    names.iterations,
    ...Object.values(names.trends),
  ]);
  const documented = parse(readFileSync(path.join(dashboardsDir, 'metrics.yaml'), 'utf8')) as {
    histograms: { name: string; source: string }[];
  };
  for (const { name, source } of documented.histograms) {
    if (!source) throw new Error(`metrics.yaml: ${name} has no source`);
    for (const suffix of ['_bucket', '_sum', '_count']) known.add(`${name}${suffix}`);
  }
  return known;
}

const PROMQL_WORDS = new Set([
  'sum',
  'rate',
  'irate',
  'increase',
  'histogram_quantile',
  'label_values',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'avg',
  'max',
  'min',
  'count',
  'topk',
  'bottomk',
  'offset',
]);

/** Metric names in a PromQL expression (or a Grafana `label_values(...)` query). */
function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // label values and strings
    .replace(/\{[^}]*\}/g, '') // label matchers
    .replace(/\[[^\]]*\]/g, '') // range selectors
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '') // grouping label lists
    .replace(/\$\w+/g, ''); // dashboard variables
  // label_values(<metric>, <label>): the second argument is a label, not a series.
  const withoutLabelArg = stripped.replace(/(label_values\([^,)]*),[^)]*\)/g, '$1)');
  const tokens = withoutLabelArg.match(/[A-Za-z_:][A-Za-z0-9_:]*/g) ?? [];
  return tokens.filter((t) => !PROMQL_WORDS.has(t) && !/^\d/.test(t));
}

interface Target {
  expr?: string;
}
interface Panel {
  title?: string;
  targets?: Target[];
  panels?: Panel[];
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating?: { list: { name: string; query?: unknown }[] };
}

function expressions(dashboard: Dashboard): { where: string; expr: string }[] {
  const found: { where: string; expr: string }[] = [];
  const walk = (panels: Panel[]) => {
    for (const panel of panels) {
      for (const target of panel.targets ?? []) {
        if (target.expr) found.push({ where: `panel "${panel.title}"`, expr: target.expr });
      }
      walk(panel.panels ?? []);
    }
  };
  walk(dashboard.panels);
  for (const variable of dashboard.templating?.list ?? []) {
    if (typeof variable.query === 'string' && variable.query.includes('(')) {
      found.push({ where: `variable $${variable.name}`, expr: variable.query });
    }
  }
  return found;
}

describe('metric name extraction', () => {
  it('finds series and ignores functions, labels, ranges and variables', () => {
    expect(
      metricNames(
        'histogram_quantile(0.99, sum by (le) (rate(moja_cl_transfer_prepare_bucket{success="true", x=~"$ns"}[$__rate_interval])))',
      ),
    ).toEqual(['moja_cl_transfer_prepare_bucket']);
    expect(metricNames('label_values(k6_iterations_total{testid=~"$testid"}, rung)')).toEqual([
      'k6_iterations_total',
    ]);
    expect(metricNames('sum(rate(a_total[1m])) / sum(rate(b_total[1m]))')).toEqual(['a_total', 'b_total']);
  });
});

describe('helm/dashboards', () => {
  const known = knownSeries();

  it('has the k6 legs and Mojaloop transfer-path dashboards', () => {
    expect(dashboardFiles).toEqual(['k6-legs.json', 'mojaloop-transfer-path.json']);
  });

  it.each(dashboardFiles)('%s parses and uses only metrics we define or document', (file) => {
    const dashboard = JSON.parse(readFileSync(path.join(dashboardsDir, file), 'utf8')) as Dashboard;
    expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(dashboard.title).not.toBe('');
    const exprs = expressions(dashboard);
    expect(exprs.length).toBeGreaterThan(0);
    const unknown = exprs.flatMap(({ where, expr }) =>
      metricNames(expr)
        .filter((name) => !known.has(name))
        .map((name) => `${file} ${where}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('shows every k6 leg and the error-code breakdown', () => {
    const text = readFileSync(path.join(dashboardsDir, 'k6-legs.json'), 'utf8');
    for (const series of Object.values(DEFAULT_SERIES_NAMES.trends)) expect(text).toContain(series);
    expect(text).toContain(K6_TAGS.errorCode);
  });

  it('flags a series nobody defines (the check can fail)', () => {
    const names = metricNames('sum(rate(k6_transfer_time_total{testid="x"}[1m]))');
    expect(names.filter((n) => !known.has(n))).toEqual(['k6_transfer_time_total']);
  });
});
