/**
 * Checks our Helm values against the upstream chart's own values.yaml at the version we pin
 * (`helm/versions.yaml`), so a misspelt or moved key fails a test instead of being silently ignored by
 * Helm at install time.
 *
 * The rule (actions/core/src/platform/values-keys.ts), applied to every key path we set
 * (`helm/values/<key>/<profile>.yaml`):
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
import { findUnknownKeys, type KeyProblem } from '@mlperf/core/platform/values-keys';
import { parse } from 'yaml';

// The rule itself lives in the core, where the mojaloop phase applies it before install.
export { FREE_FORM_KEYS, findUnknownKeys, type KeyProblem } from '@mlperf/core/platform/values-keys';

export interface PinnedChart {
  key: string;
  repo: string;
  chart: string;
  version: string;
  /** Where the defaults sit inside upstream values.yaml when not at the top (dot-separated). */
  valuesRoot?: string;
  /**
   * `install`: the chart's values.yaml is not vendored (too large to fetch here); the phase that
   * installs it pulls the pinned version and checks our values against it before installing.
   */
  valuesCheck?: 'install';
  verified: string;
}

type Plain = Record<string, unknown>;

function isMap(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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

/** Keys of pinned charts whose values are checked at install time instead (see PinnedChart.valuesCheck). */
export function installCheckedKeys(helmDir: string): Set<string> {
  return new Set(
    readPinnedCharts(helmDir)
      .filter((chart) => chart.valuesCheck === 'install')
      .map((chart) => chart.key),
  );
}

/**
 * Our values files checked against a vendored or own chart: `helm/values/<key>/*.yaml`, leaving out
 * the charts checked at install time ({@link installCheckedKeys}).
 */
export function valuesFilesByKey(helmDir: string): Map<string, string[]> {
  const base = path.join(helmDir, 'values');
  const skip = installCheckedKeys(helmDir);
  const result = new Map<string, string[]>();
  for (const entry of readdirSync(base, { withFileTypes: true })) {
    if (!entry.isDirectory() || skip.has(entry.name)) continue;
    const dir = path.join(base, entry.name);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => path.join(dir, f))
      .sort();
    result.set(entry.name, files);
  }
  return result;
}
