import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRunConfig } from '../../src/config/load.js';
import {
  type ClusterRole,
  helmUpgradeArgs,
  installPlatform,
  kubeconfigYaml,
  LOAD_INFRA_RELEASES,
  loadChartPins,
  PLATFORM_RELEASES,
  parseChartPins,
  planPlatform,
  type StackValues,
  writeKubeconfig,
} from '../../src/platform/index.js';
import type { CommandOptions, CommandResult, CommandRunner } from '../../src/terraform/runner.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const PINS_FILE = path.join(ROOT, 'helm/versions.yaml');
const VALUES_DIR = path.join(ROOT, 'helm/values');
const profile = (name: 'aws-smoke' | 'aws-1000tps' | 'local') =>
  loadRunConfig({ profile: name, profilesDir: path.join(ROOT, 'profiles') });

/** What the provision action outputs for a stack (the test's; shapes as EKS and EC2 give them). */
const STACK: StackValues = {
  hubClusterName: 'mlperf-r7-hub',
  vpcId: 'vpc-0a1b2c3d4e5f67890',
  hubIngressSecurityGroupId: 'sg-0a1b2c3d4e5f67890',
  hubPrometheusSecurityGroupId: 'sg-1a2b3c4d5e6f78901',
};

async function plan(
  name: 'aws-smoke' | 'aws-1000tps' | 'local' = 'aws-1000tps',
  stack: StackValues | undefined = STACK,
) {
  return planPlatform({
    config: await profile(name),
    pins: await loadChartPins(PINS_FILE),
    valuesDir: VALUES_DIR,
    pinsFile: PINS_FILE,
    exists: existsSync,
    ...(stack === undefined ? {} : { stack }),
  });
}

/** Helm that succeeds, recording its arguments; `failOn` makes one release's install fail. */
class FakeHelm implements CommandRunner {
  readonly calls: string[][] = [];
  constructor(private readonly failOn?: string) {}
  async run(command: string, args: readonly string[], _options: CommandOptions): Promise<CommandResult> {
    expect(command).toBe('helm');
    this.calls.push([...args]);
    if (args[2] === this.failOn) {
      return { exitCode: 1, stdout: '', stderr: 'Error: INSTALLATION FAILED: context deadline exceeded' };
    }
    return { exitCode: 0, stdout: `Release "${args[2]}" has been upgraded.`, stderr: '' };
  }
}

function clock() {
  let now = Date.parse('2026-11-25T20:00:00Z');
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

describe('platform plan', () => {
  it('installs the platform charts on the hub cluster and k6-operator (load-infra) only on the load cluster', async () => {
    const planned = await plan();
    const pins = await loadChartPins(PINS_FILE);
    expect(planned.map((p) => p.key)).toEqual(PLATFORM_RELEASES.map((r) => r.key));
    expect(new Set(planned.map((p) => p.cluster))).toEqual(new Set(['hub']));
    const loadInfra = planPlatform({
      config: await profile('aws-smoke'),
      pins,
      valuesDir: VALUES_DIR,
      pinsFile: PINS_FILE,
      exists: existsSync,
      releases: LOAD_INFRA_RELEASES,
    });
    expect(loadInfra.map((p) => [p.key, p.cluster, p.namespace])).toEqual([
      ['k6-operator', 'load', 'k6-operator-system'],
    ]);
    expect(loadInfra[0]?.valuesFiles).toEqual([path.join(VALUES_DIR, 'k6-operator', 'aws-smoke.yaml')]);
    for (const install of planned) expect(install.pin).toEqual(pins.get(install.key));
  });

  it('passes our values file for the profile when one exists, and only then', async () => {
    for (const install of await plan('aws-smoke')) {
      const file = path.join(VALUES_DIR, install.key, 'aws-smoke.yaml');
      expect(install.valuesFiles).toEqual(existsSync(file) ? [file] : []);
    }
    // At least the monitoring stack has values: native histograms and the remote-write receiver.
    const monitoring = (await plan('aws-smoke')).find((p) => p.key === 'kube-prometheus-stack');
    expect(monitoring?.valuesFiles).toHaveLength(1);
  });

  it('refuses a local configuration and a chart without a pin, naming what is missing', async () => {
    await expect(plan('local')).rejects.toThrow(/infrastructure\.provider: got "local"; allowed: aws/);
    const pins = await loadChartPins(PINS_FILE);
    pins.delete('cert-manager');
    const config = await profile('aws-smoke');
    expect(() =>
      planPlatform({ config, pins, valuesDir: VALUES_DIR, pinsFile: 'v.yaml', exists: () => false }),
    ).toThrow('v.yaml: no chart pinned for cert-manager');
  });

  it('validates the pins file, naming the entry and field', () => {
    const good = {
      key: 'a',
      repo: 'https://charts.example.org',
      chart: 'a',
      version: '1.2.3',
      verified: 'tag 1.2.3',
    };
    expect(parseChartPins(JSON.stringify({ charts: [good] }), 'v.yaml').get('a')?.version).toBe('1.2.3');
    expect(() =>
      parseChartPins(JSON.stringify({ charts: [{ ...good, version: 'latest' }] }), 'v.yaml'),
    ).toThrow(/v\.yaml: charts\.0\.version: an exact chart version/);
    expect(() =>
      parseChartPins(JSON.stringify({ charts: [{ ...good, repo: 'http://x' }] }), 'v.yaml'),
    ).toThrow(/charts\.0\.repo/);
    expect(() => parseChartPins(JSON.stringify({ charts: [good, good] }), 'v.yaml')).toThrow(
      /the key a appears twice/,
    );
    expect(() => parseChartPins('charts: [', 'v.yaml')).toThrow(/v\.yaml: not YAML/);
  });
});

describe('helm invocations', () => {
  it('upgrade --install with the pinned repo, version, namespace and values, no --wait', async () => {
    const monitoring = (await plan('aws-smoke')).find((p) => p.key === 'kube-prometheus-stack');
    if (!monitoring) throw new Error('no monitoring release');
    const args = helmUpgradeArgs(monitoring, '/tmp/k/hub.kubeconfig');
    expect(args.slice(0, 4)).toEqual(['upgrade', '--install', 'monitoring', 'kube-prometheus-stack']);
    expect(args).toEqual(
      expect.arrayContaining([
        '--repo',
        monitoring.pin.repo,
        '--version',
        monitoring.pin.version,
        '--create-namespace',
      ]),
    );
    expect(args.join(' ')).toContain(`--values ${monitoring.valuesFiles[0]}`);
    expect(args).not.toContain('--wait');
    const oci = { ...monitoring, pin: { ...monitoring.pin, repo: 'oci://registry.example.org/charts/' } };
    expect(helmUpgradeArgs(oci, 'k').slice(3, 5)).toEqual([
      'oci://registry.example.org/charts/kube-prometheus-stack',
      '--version',
    ]);
  });
});

describe('installPlatform', () => {
  const kubeconfig = (cluster: ClusterRole) => `/tmp/${cluster}.kubeconfig`;

  it('installs in order, each followed by a readiness wait on its namespace and cluster', async () => {
    const helm = new FakeHelm();
    const waits: string[] = [];
    const planned = await plan();
    const result = await installPlatform(
      planned,
      {
        runner: helm,
        clock: clock(),
        kubeconfig,
        waitReady: async (cluster, namespace) => {
          waits.push(`${cluster}/${namespace}`);
          return { ready: true };
        },
      },
      { cwd: ROOT, readinessTimeoutMs: 600_000 },
    );
    expect(result.ok).toBe(true);
    expect(helm.calls.map((args) => args[2])).toEqual(planned.map((p) => p.release));
    expect(helm.calls.map((args) => args[args.indexOf('--kubeconfig') + 1])).toEqual(
      planned.map(() => '/tmp/hub.kubeconfig'),
    );
    // istio-base installs CRDs only: nothing to wait for.
    expect(waits).toEqual(
      planned.filter((p) => p.key !== 'istio-base').map((p) => `${p.cluster}/${p.namespace}`),
    );
    expect(result.installed).toHaveLength(planned.length);
  });

  it('stops at a failing Helm install, naming the release, chart, version and what Helm said', async () => {
    const helm = new FakeHelm('cert-manager');
    const result = await installPlatform(
      await plan(),
      { runner: helm, clock: clock(), kubeconfig, waitReady: async () => ({ ready: true }) },
      { cwd: ROOT, readinessTimeoutMs: 600_000 },
    );
    expect(result.ok).toBe(false);
    expect(result.failure).toMatchObject({ key: 'cert-manager', step: 'helm' });
    expect(result.failure?.message).toMatch(
      /cert-manager \(cert-manager v?[\d.]+\) in hub\/cert-manager exited 1:\nError: INSTALLATION FAILED/,
    );
    expect(result.installed.map((i) => i.key)).toEqual([
      'aws-load-balancer-controller',
      'istio-base',
      'istiod',
      'istio-gateway',
    ]);
    expect(helm.calls).toHaveLength(5);
  });

  it('stops with the diagnosis when a release does not become ready before its deadline', async () => {
    const time = clock();
    const deadlines: number[] = [];
    const result = await installPlatform(
      await plan(),
      {
        runner: new FakeHelm(),
        clock: time,
        kubeconfig,
        waitReady: async (_cluster, namespace, deadline) => {
          deadlines.push(deadline - time.now());
          return namespace === 'istio-system' || namespace === 'kube-system'
            ? { ready: true }
            : { ready: false, diagnosis: 'pod istio-ingressgateway-abc: ImagePullBackOff' };
        },
      },
      { cwd: ROOT, readinessTimeoutMs: 300_000 },
    );
    expect(result.failure).toMatchObject({ key: 'istio-gateway', step: 'readiness' });
    expect(result.failure?.message).toBe(
      'istio-ingressgateway in hub/istio-ingress was not ready within 5 min:\npod istio-ingressgateway-abc: ImagePullBackOff',
    );
    expect(deadlines.every((ms) => ms === 300_000)).toBe(true);
  });
});

describe('kubeconfig for Helm', () => {
  const cluster = {
    name: 'mlperf-r7-hub',
    endpoint: 'https://ABC.gr7.eu-west-2.eks.amazonaws.com',
    caBase64: Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString(
      'base64',
    ),
    token: 'k8s-aws-v1.not-a-real-token',
  };

  it('holds the endpoint, CA and token, in an owner-only file that is removed afterwards', async () => {
    const file = await writeKubeconfig(cluster);
    try {
      const doc = parse(await readFile(file.path, 'utf8'));
      expect(doc['current-context']).toBe('mlperf-r7-hub');
      expect(doc.clusters[0].cluster).toEqual({
        server: cluster.endpoint,
        'certificate-authority-data': cluster.caBase64,
      });
      expect(doc.users[0].user.token).toBe(cluster.token);
      expect((await stat(file.path)).mode & 0o777).toBe(0o600);
    } finally {
      await file.remove();
    }
    expect(existsSync(file.path)).toBe(false);
  });

  it('refuses a non-https endpoint or a CA that is not base64, without showing the token', () => {
    const bad = () => kubeconfigYaml({ ...cluster, endpoint: 'http://x' });
    expect(bad).toThrow('cluster mlperf-r7-hub: endpoint: got "http://x"; allowed: an https:// URL');
    expect(() => kubeconfigYaml({ ...cluster, caBase64: '<pem>' })).toThrow(/allowed: base64 PEM data/);
    try {
      bad();
    } catch (error) {
      expect(String(error)).not.toContain(cluster.token);
    }
  });
});
