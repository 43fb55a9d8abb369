import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CommandRunner, EKS_TOKEN_PREFIX, loadRunConfig } from '@mlperf/core';
import { describe, expect, it } from 'vitest';
import { KubeconfigReadingHelm, movingClock, TEST_CA } from '../../_shell/test/kube-phase.js';
import { recordingIo } from '../../_shell/test/recording-io.js';
import { Inputs, Outputs } from '../src/names.js';
import { type PlatformRuntime, run } from '../src/run.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CA = TEST_CA;

/** The provision action's `outputs` output for a stack (made-up ids, shaped as EC2 gives them). */
const STACK_OUTPUTS = {
  hub: { name: 'mlperf-r7-hub', endpoint: 'https://HUB.gr7.eu-west-2.eks.amazonaws.com' },
  load: { name: 'mlperf-r7-load', endpoint: 'https://LOAD.gr7.eu-west-2.eks.amazonaws.com' },
  vpcId: 'vpc-0a1b2c3d4e5f67890',
  dbEndpoint: 'db.example.internal:3306',
  cacheEndpoint: 'cache.example.internal',
  hubIngressSecurityGroupId: 'sg-0a1b2c3d4e5f67890',
  hubPrometheusSecurityGroupId: 'sg-1a2b3c4d',
  dbMasterSecretArn: null,
};
const stackOutputs = (changes: Record<string, unknown> = {}) =>
  JSON.stringify({ ...STACK_OUTPUTS, ...changes });
const SG_ANNOTATION = 'service\\.beta\\.kubernetes\\.io/aws-load-balancer-security-groups';

async function inputs(extra: Record<string, string> = {}) {
  const config = await loadRunConfig({ profile: 'aws-smoke', profilesDir: path.join(ROOT, 'profiles') });
  return {
    [Inputs.Config]: JSON.stringify(config),
    [Inputs.HubClusterName]: 'mlperf-r7-hub',
    [Inputs.HubClusterEndpoint]: 'https://HUB.gr7.eu-west-2.eks.amazonaws.com',
    [Inputs.HubClusterCa]: CA,
    [Inputs.StackOutputs]: stackOutputs(),
    ...extra,
  };
}

function runtime(
  helm: CommandRunner,
  ready: (cluster: string, namespace: string) => boolean,
  waits: Array<[string, string | undefined]> = [],
): PlatformRuntime {
  return {
    credentials: async () => ({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'not-a-real-secret',
      sessionToken: 'tok',
    }),
    readiness: (cluster) => async (namespace, _deadline, deployment) => {
      waits.push([namespace, deployment]);
      return ready(cluster.name, namespace)
        ? { ready: true }
        : { ready: false, diagnosis: `pod in ${namespace}: CrashLoopBackOff (exit 1, 5 restarts)` };
    },
    runner: helm,
    clock: movingClock(),
    workspace: ROOT,
  };
}

describe('platform action', () => {
  it('mints a hub token, masks it, hands Helm an owner-only kubeconfig and removes it afterwards', async () => {
    const helm = new KubeconfigReadingHelm();
    const { io, outputs, failures, secrets, summaries, logs } = recordingIo(await inputs());
    await run(
      io,
      runtime(helm, () => true),
    );
    expect(failures).toEqual([]);
    expect(secrets).toHaveLength(1);
    expect(secrets.every((token) => token.startsWith(EKS_TOKEN_PREFIX))).toBe(true);
    // Every release goes to the hub cluster with the hub token; k6-operator is load-infra's.
    expect(helm.calls.map((c) => c.release)).not.toContain('k6-operator');
    for (const file of helm.calls) {
      expect(file.kubeconfig).toContain(secrets[0]);
      expect(file.kubeconfig).toContain('https://HUB.gr7.eu-west-2.eks.amazonaws.com');
    }
    expect(helm.calls.every((file) => !existsSync(file.path))).toBe(true);
    const installed = JSON.parse(outputs[Outputs.Installed] ?? '[]');
    expect(installed.map((i: { release: string }) => i.release)).toEqual(helm.calls.map((c) => c.release));
    expect(summaries[0]).toContain('## Platform: installed');
    for (const line of [...logs, ...summaries])
      for (const token of secrets) expect(line).not.toContain(token);
  });

  it('installs the load balancer controller first with the stack values, and waits for its Deployment alone', async () => {
    const helm = new KubeconfigReadingHelm();
    const waits: Array<[string, string | undefined]> = [];
    const config = await loadRunConfig({ profile: 'aws-smoke', profilesDir: path.join(ROOT, 'profiles') });
    if (config.infrastructure.provider !== 'aws') throw new Error('not an aws profile');
    const { io, failures } = recordingIo(await inputs());
    await run(
      io,
      runtime(helm, () => true, waits),
    );
    expect(failures).toEqual([]);
    const first = helm.calls[0];
    expect(first?.release).toBe('aws-load-balancer-controller');
    expect(first?.args.slice(-6)).toEqual([
      '--set-string',
      'clusterName=mlperf-r7-hub',
      '--set-string',
      `region=${config.infrastructure.region}`,
      '--set-string',
      'vpcId=vpc-0a1b2c3d4e5f67890',
    ]);
    expect(first?.args).toContain(path.join(ROOT, 'helm/values/aws-load-balancer-controller/aws-smoke.yaml'));
    // The two NLB Services get the security groups Terraform made for them; no other release takes
    // stack values. Only the controller's wait is narrowed to its Deployment.
    const setStrings = Object.fromEntries(
      helm.calls.map((call) => [
        call.release,
        call.args.filter((_arg, i) => call.args[i - 1] === '--set-string'),
      ]),
    );
    expect(setStrings).toEqual({
      'aws-load-balancer-controller': expect.any(Array),
      'istio-base': [],
      istiod: [],
      'istio-ingressgateway': [`service.annotations.${SG_ANNOTATION}=sg-0a1b2c3d4e5f67890`],
      'cert-manager': [],
      'argo-cd': [],
      monitoring: [`prometheus.service.annotations.${SG_ANNOTATION}=sg-1a2b3c4d`],
    });
    expect(waits[0]).toEqual(['kube-system', 'aws-load-balancer-controller']);
    expect(waits.slice(1).every(([, deployment]) => deployment === undefined)).toBe(true);
  });

  it('fails with the readiness diagnosis, keeps what was installed in the output, and still removes the kubeconfigs', async () => {
    const helm = new KubeconfigReadingHelm();
    const { io, outputs, failures, summaries } = recordingIo(await inputs());
    await run(
      io,
      runtime(helm, (_cluster, namespace) => namespace !== 'cert-manager'),
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(
      /^platform: cert-manager failed at readiness: cert-manager in hub\/cert-manager was not ready within 15 min:\npod in cert-manager: CrashLoopBackOff/,
    );
    expect(JSON.parse(outputs[Outputs.Installed] ?? '[]').map((i: { key: string }) => i.key)).toEqual([
      'aws-load-balancer-controller',
      'istio-base',
      'istiod',
      'istio-gateway',
    ]);
    expect(summaries[0]).toContain('## Platform: FAILED');
    expect(helm.calls.every((file) => !existsSync(file.path))).toBe(true);
  });

  it.each([
    [
      { [Inputs.HubClusterEndpoint]: 'http://hub' },
      'input hub-cluster-endpoint: got "http://hub"; allowed: an https:// URL',
    ],
    [{ [Inputs.HubClusterName]: ' ' }, 'input hub-cluster-name: got ""; allowed: the EKS cluster name'],
    [
      { [Inputs.ReadinessTimeoutMinutes]: '0' },
      'input readiness-timeout-minutes: got "0"; allowed: minutes above 0',
    ],
    [{ [Inputs.Config]: '{' }, 'input config is not JSON'],
    [
      { [Inputs.StackOutputs]: stackOutputs({ vpcId: 'vpc-XYZ' }) },
      'input stack-outputs: field vpcId: got "vpc-XYZ"; allowed: a VPC id such as vpc-0123456789abcdef0',
    ],
    [
      { [Inputs.StackOutputs]: '' },
      'input stack-outputs is not JSON; allowed: the outputs output of the provision action',
    ],
    [
      // A provision action from before the load balancers' security groups existed.
      { [Inputs.StackOutputs]: stackOutputs({ hubPrometheusSecurityGroupId: undefined }) },
      'input stack-outputs: field hubPrometheusSecurityGroupId: missing; allowed: a security group id such as sg-0123456789abcdef0',
    ],
    [
      { [Inputs.StackOutputs]: stackOutputs({ hubIngressSecurityGroupId: 'sg-0a1b2c3d,sg-5e6f7a8b' }) },
      'input stack-outputs: field hubIngressSecurityGroupId: got "sg-0a1b2c3d,sg-5e6f7a8b"; allowed: a security group id',
    ],
    [
      { [Inputs.HubClusterName]: 'hub cluster' },
      'clusterName (provision output hub-cluster-name): got "hub cluster"; allowed: an EKS cluster name',
    ],
  ])('refuses bad input %j before minting or installing anything', async (bad, message) => {
    const helm = new KubeconfigReadingHelm();
    const { io, failures, secrets } = recordingIo(await inputs(bad));
    await run(
      io,
      runtime(helm, () => true),
    );
    expect(failures[0]).toContain(message);
    expect(secrets).toEqual([]);
    expect(helm.calls.map((c) => c.release)).toEqual([]);
  });

  it('refuses a local configuration', async () => {
    const config = await loadRunConfig({ profile: 'local', profilesDir: path.join(ROOT, 'profiles') });
    const { io, failures } = recordingIo(await inputs({ [Inputs.Config]: JSON.stringify(config) }));
    await run(
      io,
      runtime(new KubeconfigReadingHelm(), () => true),
    );
    expect(failures[0]).toMatch(/infrastructure\.provider: got "local"; allowed: aws/);
  });
});
