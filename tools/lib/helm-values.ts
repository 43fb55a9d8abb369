/**
 * Checks our Helm values against the upstream chart's own values.yaml at the version we pin
 * (`helm/versions.yaml`), so a misspelt or moved key fails a test instead of being silently ignored by
 * Helm at install time.
 *
 * The rule, applied to every key path we set (`helm/values/<key>/<profile>.yaml`):
 * - a key must exist in the upstream map at the same place;
 * - upstream `{}` or an empty value (`key:` / `null`) is an open slot: anything may be set below it
 *   (`nodeSelector: {}`, `annotations: {}`, `replicaCount:`);
 * - the Kubernetes string maps in {@link FREE_FORM_KEYS} are open slots even when upstream fills them
 *   with a default (cert-manager's `nodeSelector: {kubernetes.io/os: linux}`): their keys are label or
 *   annotation names, not chart settings;
 * - a list replaces the upstream list wholesale, so its items are not checked; upstream must be a list
 *   (or an open slot) there;
 * - a map may not replace an upstream scalar or list, and a scalar or list may not replace an upstream
 *   map that has keys (the chart's templates would read fields that are no longer there);
 * - scalar types are not compared (charts quote and coerce freely).
 * - a subchart's own keys count only where the parent chart's values.yaml spells them out (we do not
 *   vendor subchart values, so e.g. kube-prometheus-stack's `grafana.nodeSelector` is rejected);
 * Keys that only appear in upstream comments (`# maxSize: 100000`) do not count: they are not defaults.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface PinnedChart {
  key: string;
  repo: string;
  chart: string;
  version: string;
  /** Where the defaults sit inside upstream values.yaml when not at the top (dot-separated). */
  valuesRoot?: string;
  verified: string;
}

export interface KeyProblem {
  /** Dot path of the key we set, list indexes as `[i]`. */
  path: string;
  reason: string;
}

type Plain = Record<string, unknown>;

function isMap(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (isMap(value)) return Object.keys(value).length === 0 ? 'an empty map' : 'a map';
  return `a scalar (${JSON.stringify(value)})`;
}

/** Label/annotation maps: any key may be added below them (see the rule above). */
export const FREE_FORM_KEYS: ReadonlySet<string> = new Set([
  'nodeSelector',
  'annotations',
  'labels',
  'podAnnotations',
  'podLabels',
  'selectorLabels',
]);

function isOpen(upstream: unknown): boolean {
  return (
    upstream === null || upstream === undefined || (isMap(upstream) && Object.keys(upstream).length === 0)
  );
}

function join(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

/** Every key path in `ours` that the rule above rejects against `upstream`. */
export function findUnknownKeys(ours: unknown, upstream: unknown, base = ''): KeyProblem[] {
  if (isOpen(upstream)) return [];
  if (isMap(ours)) {
    if (!isMap(upstream))
      return [{ path: base, reason: `we set a map where upstream has ${kind(upstream)}` }];
    const problems: KeyProblem[] = [];
    for (const [key, value] of Object.entries(ours)) {
      const at = join(base, key);
      if (!Object.hasOwn(upstream, key)) {
        problems.push({ path: at, reason: 'no such key upstream' });
        continue;
      }
      if (FREE_FORM_KEYS.has(key) && isMap(value) && isMap(upstream[key])) continue;
      problems.push(...findUnknownKeys(value, upstream[key], at));
    }
    return problems;
  }
  if (Array.isArray(ours)) {
    return Array.isArray(upstream)
      ? []
      : [{ path: base, reason: `we set a list where upstream has ${kind(upstream)}` }];
  }
  if (isMap(upstream) || Array.isArray(upstream)) {
    return [{ path: base, reason: `we set a scalar where upstream has ${kind(upstream)}` }];
  }
  return [];
}

/** The part of an upstream values document the chart's users set (see {@link PinnedChart.valuesRoot}). */
export function valuesRootOf(upstream: unknown, valuesRoot: string | undefined): unknown {
  if (!valuesRoot) return upstream;
  let node = upstream;
  for (const key of valuesRoot.split('.')) {
    if (!isMap(node) || !Object.hasOwn(node, key)) {
      throw new Error(`valuesRoot ${valuesRoot}: upstream values have no key ${key}`);
    }
    node = node[key];
  }
  return node;
}

export function readPinnedCharts(helmDir: string): PinnedChart[] {
  const doc: unknown = parse(readFileSync(path.join(helmDir, 'versions.yaml'), 'utf8'));
  if (!isMap(doc) || !Array.isArray(doc.charts))
    throw new Error('helm/versions.yaml: expected `charts:` list');
  return doc.charts.map((entry: unknown, i: number) => {
    if (!isMap(entry)) throw new Error(`helm/versions.yaml charts[${i}]: expected a map`);
    for (const field of ['key', 'repo', 'chart', 'version', 'verified']) {
      if (typeof entry[field] !== 'string' || entry[field] === '') {
        throw new Error(`helm/versions.yaml charts[${i}]: ${field} must be a non-empty string`);
      }
    }
    return entry as unknown as PinnedChart;
  });
}

/** `helm/upstream/<key>-<version>.values.yaml`: the vendored upstream values of a pinned chart. */
export function upstreamValuesFile(helmDir: string, chart: PinnedChart): string {
  return path.join(helmDir, 'upstream', `${chart.key}-${chart.version}.values.yaml`);
}

export interface ValuesFileProblem extends KeyProblem {
  file: string;
  chart: string;
}

/** Checks one of our values files against its pinned chart; problems name file, key path and version. */
export function checkValuesFile(helmDir: string, file: string, chart: PinnedChart): ValuesFileProblem[] {
  const upstream = valuesRootOf(
    parse(readFileSync(upstreamValuesFile(helmDir, chart), 'utf8')),
    chart.valuesRoot,
  );
  const ours: unknown = parse(readFileSync(file, 'utf8'));
  return findUnknownKeys(ours, upstream).map((p) => ({
    ...p,
    file: path.relative(path.dirname(helmDir), file),
    chart: `${chart.chart} ${chart.version}`,
  }));
}

export function formatProblem(p: ValuesFileProblem): string {
  return `${p.file}: ${p.path} — ${p.reason} in ${p.chart}`;
}

/** Our values files for upstream charts: `helm/values/<key>/*.yaml`. */
export function valuesFilesByKey(helmDir: string): Map<string, string[]> {
  const base = path.join(helmDir, 'values');
  const result = new Map<string, string[]>();
  for (const entry of readdirSync(base, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(base, entry.name);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => path.join(dir, f))
      .sort();
    result.set(entry.name, files);
  }
  return result;
}
