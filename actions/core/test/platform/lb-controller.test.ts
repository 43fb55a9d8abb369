import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRunConfig } from '../../src/config/load.js';
import {
  type ChartPin,
  HELM_APPLY_TIMEOUT,
  helmPathParts,
  helmUpgradeArgs,
  installPlatform,
  LOAD_INFRA_RELEASES,
  loadChartPins,
  PLATFORM_RELEASES,
  type PlannedInstall,
  type PlatformRelease,
  planPlatform,
  type StackValues,
  stackValuesDocument,
} from '../../src/platform/index.js';
import { findUnknownKeys } from '../../src/platform/values-keys.js';
import type { CommandOptions, CommandResult, CommandRunner } from '../../src/terraform/runner.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const HELM_DIR = path.join(ROOT, 'helm');
const PINS_FILE = path.join(HELM_DIR, 'versions.yaml');
const VALUES_DIR = path.join(HELM_DIR, 'values');
const KEY = 'aws-load-balancer-controller';
/** Provision outputs of a stack, shaped as EKS and EC2 give them (made up for the test). */
const STACK: StackValues = {
  hubClusterName: 'mlperf-r7-hub',
  vpcId: 'vpc-0a1b2c3d4e5f67890',
  hubIngressSecurityGroupId: 'sg-0a1b2c3d4e5f67890',
  hubPrometheusSecurityGroupId: 'sg-1a2b3c4d5e6f78901',
};
/** The releases whose Services are internal NLBs, with the stack value that names their security group. */
const NLB_RELEASES = ['istio-gateway', 'kube-prometheus-stack'];

type Profile = 'aws-smoke' | 'aws-1000tps';

async function plan(profile: Profile, stack?: Partial<StackValues>) {
  return planPlatform({
    config: await loadRunConfig({ profile, profilesDir: path.join(ROOT, 'profiles') }),
    pins: await loadChartPins(PINS_FILE),
    valuesDir: VALUES_DIR,
    pinsFile: PINS_FILE,
    exists: existsSync,
    ...(stack === undefined ? {} : { stack }),
  });
}

function lbController(installs: readonly PlannedInstall[]): PlannedInstall {
  const found = installs.find((i) => i.key === KEY);
  if (found === undefined) throw new Error(`no ${KEY} in the plan`);
  return found;
}

/** The chart's vendored values.yaml, at its valuesRoot (helm/README.md). */
function upstreamValues(pin: ChartPin): unknown {
  const file = path.join(HELM_DIR, 'upstream', `${pin.key}-${pin.version}.values.yaml`);
  let node: unknown = parse(readFileSync(file, 'utf8'));
  for (const key of pin.valuesRoot?.split('.') ?? []) node = (node as Record<string, unknown>)[key];
  return node;
}

class RecordingHelm implements CommandRunner {
  readonly calls: string[][] = [];
  async run(_command: string, args: readonly string[], _options: CommandOptions): Promise<CommandResult> {
    this.calls.push([...args]);
    return { exitCode: 0, stdout: '', stderr: '' };
  }
}

const clock = () => {
  let now = Date.parse('2026-11-25T20:00:00Z');
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
};

describe('the AWS Load Balancer Controller in the platform plan', () => {
  it('is the first release, on the hub in kube-system, before every chart that makes a LoadBalancer Service', async () => {
    const keys = (await plan('aws-1000tps', STACK)).map((i) => i.key);
    expect(keys[0]).toBe(KEY);
    expect(keys.indexOf(KEY)).toBeLessThan(keys.indexOf('istio-gateway'));
    expect(keys.indexOf(KEY)).toBeLessThan(keys.indexOf('kube-prometheus-stack'));
    expect(PLATFORM_RELEASES[0]).toMatchObject({
      key: KEY,
      release: KEY,
      namespace: 'kube-system',
      cluster: 'hub',
      // The chart names its Deployment after a release whose name contains the chart name.
      readyDeployment: KEY,
    });
    expect(LOAD_INFRA_RELEASES.map((r) => r.key)).not.toContain(KEY);
  });

  for (const profile of ['aws-smoke', 'aws-1000tps'] as const) {
    it(`${profile}: helm upgrade --install with our values file, then the stack values as --set-string`, async () => {
      const install = lbController(await plan(profile, STACK));
      const config = await loadRunConfig({ profile, profilesDir: path.join(ROOT, 'profiles') });
      if (config.infrastructure.provider !== 'aws') throw new Error('not an aws profile');
      expect(helmUpgradeArgs(install, '/tmp/k/hub.kubeconfig')).toEqual([
        'upgrade',
        '--install',
        'aws-load-balancer-controller',
        'aws-load-balancer-controller',
        '--repo',
        'https://aws.github.io/eks-charts',
        '--version',
        install.pin.version,
        '--namespace',
        'kube-system',
        '--create-namespace',
        '--kubeconfig',
        '/tmp/k/hub.kubeconfig',
        '--timeout',
        HELM_APPLY_TIMEOUT,
        '--values',
        path.join(VALUES_DIR, KEY, `${profile}.yaml`),
        '--set-string',
        'clusterName=mlperf-r7-hub',
        '--set-string',
        `region=${config.infrastructure.region}`,
        '--set-string',
        'vpcId=vpc-0a1b2c3d4e5f67890',
      ]);
    });
  }

  it('refuses stack values that are not what provision outputs, naming the value, its origin and what is allowed', async () => {
    await expect(plan('aws-smoke', { ...STACK, vpcId: 'subnet-0a1b2c3d' })).rejects.toThrow(
      'aws-load-balancer-controller: vpcId (provision outputs.vpcId): got "subnet-0a1b2c3d"; allowed: a VPC id such as vpc-0123456789abcdef0',
    );
    // A comma would split Helm's --set-string into a second key.
    await expect(plan('aws-smoke', { ...STACK, hubClusterName: 'hub,replicaCount=0' })).rejects.toThrow(
      /clusterName \(provision output hub-cluster-name\): got "hub,replicaCount=0"; allowed: an EKS cluster name/,
    );
  });

  it('without the stack (the dry run) shows where each value would come from, and installPlatform refuses that plan', async () => {
    const installs = await plan('aws-smoke');
    const args = helmUpgradeArgs(lbController(installs), 'k');
    expect(args.slice(-6)).toEqual([
      '--set-string',
      'clusterName=<provision output hub-cluster-name>',
      '--set-string',
      expect.stringMatching(/^region=[a-z]{2}-[a-z]+-\d$/),
      '--set-string',
      'vpcId=<provision outputs.vpcId>',
    ]);
    // The controller and the two charts whose Services become NLBs take stack values.
    expect(installs.filter((i) => i.setValues !== undefined).map((i) => i.key)).toEqual([
      KEY,
      ...NLB_RELEASES,
    ]);
    const helm = new RecordingHelm();
    await expect(
      installPlatform(
        installs,
        { runner: helm, clock: clock(), kubeconfig: () => 'k', waitReady: async () => ({ ready: true }) },
        { cwd: ROOT, readinessTimeoutMs: 60_000 },
      ),
    ).rejects.toThrow(
      /platform plan without stack values \(aws-load-balancer-controller: clusterName <provision output hub-cluster-name>, aws-load-balancer-controller: vpcId <provision outputs.vpcId>, istio-gateway: .*<provision outputs.hubIngressSecurityGroupId>, kube-prometheus-stack: .*<provision outputs.hubPrometheusSecurityGroupId>\)/,
    );
    expect(helm.calls).toEqual([]);
    // The dry run knows the cluster name it expects, not the VPC: only the unknown one is a placeholder.
    const partial = lbController(await plan('aws-smoke', { hubClusterName: 'mlperf-r7-hub' }));
    expect(partial.setValues?.map((set) => [set.key, set.value, set.placeholder ?? false])).toEqual([
      ['clusterName', 'mlperf-r7-hub', false],
      ['region', expect.any(String), false],
      ['vpcId', '<provision outputs.vpcId>', true],
    ]);
  });

  it('waits for its Deployment only (kube-system holds EKS add-ons) and names it when it is not ready', async () => {
    const waits: Array<[string, string | undefined]> = [];
    const helm = new RecordingHelm();
    const result = await installPlatform(
      await plan('aws-smoke', STACK),
      {
        runner: helm,
        clock: clock(),
        kubeconfig: () => '/tmp/hub.kubeconfig',
        waitReady: async (_cluster, namespace, _deadline, deployment) => {
          waits.push([namespace, deployment]);
          return deployment === KEY
            ? { ready: false, diagnosis: 'Deployment kube-system/aws-load-balancer-controller: 0 of 2 ready' }
            : { ready: true };
        },
      },
      { cwd: ROOT, readinessTimeoutMs: 600_000 },
    );
    expect(waits).toEqual([['kube-system', KEY]]);
    // Nothing after it was installed: no Service of type LoadBalancer without its webhook.
    expect(helm.calls.map((args) => args[2])).toEqual([KEY]);
    expect(result.installed).toEqual([]);
    expect(result.failure).toEqual({
      key: KEY,
      step: 'readiness',
      message:
        'Deployment aws-load-balancer-controller in hub/kube-system was not ready within 10 min:\nDeployment kube-system/aws-load-balancer-controller: 0 of 2 ready',
    });
  });
});

describe('stack values are checked against the pinned chart like a values file', () => {
  const withStackValues = [...PLATFORM_RELEASES, ...LOAD_INFRA_RELEASES].filter(
    (r) => r.stackValues !== undefined,
  );

  it('every --set-string key exists in the vendored upstream values.yaml', async () => {
    const pins = await loadChartPins(PINS_FILE);
    const sgAnnotation = 'service.beta.kubernetes.io/aws-load-balancer-security-groups';
    const expected: Record<string, unknown> = {
      [KEY]: { clusterName: 'hubClusterName', region: 'region', vpcId: 'vpcId' },
      // An escaped dot stays inside the annotation name: one key below `annotations`.
      'istio-gateway': { service: { annotations: { [sgAnnotation]: 'hubIngressSecurityGroupId' } } },
      'kube-prometheus-stack': {
        prometheus: { service: { annotations: { [sgAnnotation]: 'hubPrometheusSecurityGroupId' } } },
      },
    };
    expect(withStackValues.map((r) => r.key)).toEqual(Object.keys(expected));
    for (const release of withStackValues) {
      const pin = pins.get(release.key);
      if (pin === undefined) throw new Error(`${release.key} is not pinned`);
      expect(stackValuesDocument(release)).toEqual(expected[release.key]);
      expect(findUnknownKeys(stackValuesDocument(release), upstreamValues(pin))).toEqual([]);
    }
  });

  it('would reject a misspelt or nested stack key', async () => {
    const pin = (await loadChartPins(PINS_FILE)).get(KEY);
    if (pin === undefined) throw new Error(`${KEY} is not pinned`);
    const wrong: PlatformRelease = {
      key: KEY,
      release: KEY,
      namespace: 'kube-system',
      cluster: 'hub',
      stackValues: { vpcID: 'vpcId', 'serviceAccount.region': 'region' },
    };
    expect(stackValuesDocument(wrong)).toEqual({ vpcID: 'vpcId', serviceAccount: { region: 'region' } });
    expect(findUnknownKeys(stackValuesDocument(wrong), upstreamValues(pin))).toEqual([
      { path: 'vpcID', reason: 'no such key upstream' },
      { path: 'serviceAccount.region', reason: 'no such key upstream' },
    ]);
  });

  it('our values files never set a stack key, and name the pod identity service account', () => {
    for (const profile of ['aws-smoke', 'aws-1000tps']) {
      for (const release of withStackValues) {
        const file = path.join(VALUES_DIR, release.key, `${profile}.yaml`);
        const values = existsSync(file) ? parse(readFileSync(file, 'utf8')) : {};
        for (const key of Object.keys(release.stackValues ?? {}))
          expect(values, `${release.key}/${profile}`).not.toHaveProperty(helmPathParts(key));
      }
      const values = parse(readFileSync(path.join(VALUES_DIR, KEY, `${profile}.yaml`), 'utf8'));
      // terraform/envs/perf/main.tf pod_identity_roles.lb-controller: kube-system/aws-load-balancer-controller.
      expect(values.serviceAccount).toEqual({ create: true, name: 'aws-load-balancer-controller' });
      expect(values.replicaCount).toBe(2);
      expect(values.nodeSelector).toEqual({ 'mlperf/role': 'hub-services' });
    }
  });
});
