import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  checkValuesFile,
  findUnknownKeys,
  formatProblem,
  type PinnedChart,
  readPinnedCharts,
  upstreamValuesFile,
  valuesFilesByKey,
} from '../lib/helm-values.js';
import { repoRoot } from '../lib/paths.js';

const helmDir = path.join(repoRoot(), 'helm');
const pinned = readPinnedCharts(helmDir);
const byKey = valuesFilesByKey(helmDir);
const PROFILES = ['aws-smoke', 'aws-1000tps'];

/** Our own charts are checked against their own values.yaml, with the same rule. */
function ownChart(key: string): PinnedChart | undefined {
  const chartYaml = path.join(helmDir, 'charts', key, 'Chart.yaml');
  if (!existsSync(chartYaml)) return undefined;
  const meta = parse(readFileSync(chartYaml, 'utf8')) as { version: string };
  return { key, repo: 'helm/charts', chart: key, version: meta.version, verified: 'this repository' };
}

describe('helm/versions.yaml', () => {
  it('pins each upstream chart once, with an exact version', () => {
    const keys = pinned.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const want of [
      'istio-base',
      'istiod',
      'istio-gateway',
      'cert-manager',
      'argo-cd',
      'kube-prometheus-stack',
      'k6-operator',
      'mojaloop',
    ]) {
      expect(keys).toContain(want);
    }
    for (const chart of pinned) expect(chart.version, chart.key).toMatch(/^v?\d+\.\d+\.\d+$/);
  });

  it('has a folder under helm/values only for pinned charts or our own charts', () => {
    for (const key of byKey.keys()) {
      expect(pinned.some((c) => c.key === key) || ownChart(key) !== undefined, key).toBe(true);
    }
  });
});

describe('every key we set exists in the pinned chart', () => {
  const cases = [...byKey.entries()].flatMap(([key, files]) =>
    files.map((file) => ({ key, file: path.relative(helmDir, file), abs: file })),
  );

  it('has values for every profile of every chart we configure', () => {
    for (const [key, files] of byKey) {
      expect(files.map((f) => path.basename(f, '.yaml')).sort(), key).toEqual([...PROFILES].sort());
    }
  });

  it.each(cases)('$file', ({ key, abs }) => {
    const upstreamChart = pinned.find((c) => c.key === key);
    const chart = upstreamChart ?? ownChart(key);
    if (!chart) throw new Error(`no pinned or own chart for helm/values/${key}`);
    if (upstreamChart) {
      expect(
        existsSync(upstreamValuesFile(helmDir, upstreamChart)),
        `vendor ${path.relative(helmDir, upstreamValuesFile(helmDir, upstreamChart))}`,
      ).toBe(true);
    }
    const problems = upstreamChart
      ? checkValuesFile(helmDir, abs, upstreamChart)
      : findUnknownKeys(
          parse(readFileSync(abs, 'utf8')),
          parse(readFileSync(path.join(helmDir, 'charts', key, 'values.yaml'), 'utf8')),
        ).map((p) => ({
          ...p,
          file: path.relative(repoRoot(), abs),
          chart: `${chart.chart} ${chart.version}`,
        }));
    expect(problems.map(formatProblem)).toEqual([]);
  });
});

describe('the key-existence rule', () => {
  const upstream = {
    replicaCount: null,
    nodeSelector: {},
    service: { type: 'ClusterIP', ports: [{ name: 'http', port: 80 }] },
    prometheus: { prometheusSpec: { enableFeatures: [], retention: '10d' } },
  };

  it('accepts keys that exist, open maps, empty slots and whole lists', () => {
    expect(
      findUnknownKeys(
        {
          replicaCount: 3,
          nodeSelector: { 'mlperf/role': 'dfsps' },
          service: { type: 'LoadBalancer', ports: [{ name: 'x', port: 1, extra: true }] },
          prometheus: { prometheusSpec: { enableFeatures: ['native-histograms'] } },
        },
        upstream,
      ),
    ).toEqual([]);
  });

  it('rejects a misspelt key, a map over a scalar, a scalar over a map and a map over a list', () => {
    expect(
      findUnknownKeys(
        {
          prometheus: { prometheusSpec: { enableRemoteWriteReciever: true, retention: { days: 2 } } },
          service: 'LoadBalancer',
          replicaCount: 1,
        },
        { ...upstream, service: { type: 'ClusterIP' } },
      ),
    ).toEqual([
      { path: 'prometheus.prometheusSpec.enableRemoteWriteReciever', reason: 'no such key upstream' },
      {
        path: 'prometheus.prometheusSpec.retention',
        reason: 'we set a map where upstream has a scalar ("10d")',
      },
      { path: 'service', reason: 'we set a scalar where upstream has a map' },
    ]);
    expect(findUnknownKeys({ ports: { http: 80 } }, { ports: [{ port: 80 }] })).toEqual([
      { path: 'ports', reason: 'we set a map where upstream has a list' },
    ]);
  });

  it('fails a deliberately wrong values file naming the file, the key path and the chart version', () => {
    const kps = pinned.find((c) => c.key === 'kube-prometheus-stack');
    if (!kps) throw new Error('kube-prometheus-stack is not pinned');
    const dir = mkdtempSync(path.join(tmpdir(), 'helm-values-'));
    const wrong = path.join(dir, 'wrong.yaml');
    // `prometheusSpec` is the real key; `prometheusSpecs` is the kind of typo Helm ignores silently.
    writeFileSync(wrong, 'prometheus:\n  prometheusSpecs:\n    enableRemoteWriteReceiver: true\n');
    const lines = checkValuesFile(helmDir, wrong, kps).map(formatProblem);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('wrong.yaml');
    expect(lines[0]).toContain('prometheus.prometheusSpecs');
    expect(lines[0]).toContain(`kube-prometheus-stack ${kps.version}`);
  });

  it('treats label and annotation maps as open even when upstream fills them with a default', () => {
    const withDefault = { nodeSelector: { 'kubernetes.io/os': 'linux' }, webhook: { timeout: 30 } };
    expect(findUnknownKeys({ nodeSelector: { 'mlperf/role': 'hub-services' } }, withDefault)).toEqual([]);
    expect(findUnknownKeys({ webhook: { timeoutSeconds: 10 } }, withDefault)).toEqual([
      { path: 'webhook.timeoutSeconds', reason: 'no such key upstream' },
    ]);
  });

  it('reads Istio defaults under their valuesRoot, where users never write it', () => {
    const gateway = pinned.find((c) => c.key === 'istio-gateway');
    if (!gateway) throw new Error('istio-gateway is not pinned');
    const dir = mkdtempSync(path.join(tmpdir(), 'helm-values-'));
    const nested = path.join(dir, 'nested.yaml');
    writeFileSync(nested, '_internal_defaults_do_not_set:\n  replicaCount: 2\n');
    expect(checkValuesFile(helmDir, nested, gateway).map((p) => p.path)).toEqual([
      '_internal_defaults_do_not_set',
    ]);
  });
});
