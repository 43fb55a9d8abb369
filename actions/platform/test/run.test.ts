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

async function inputs(extra: Record<string, string> = {}) {
  const config = await loadRunConfig({ profile: 'aws-smoke', profilesDir: path.join(ROOT, 'profiles') });
  return {
    [Inputs.Config]: JSON.stringify(config),
    [Inputs.HubClusterName]: 'mlperf-r7-hub',
    [Inputs.HubClusterEndpoint]: 'https://HUB.gr7.eu-west-2.eks.amazonaws.com',
    [Inputs.HubClusterCa]: CA,
    ...extra,
  };
}

function runtime(
  helm: CommandRunner,
  ready: (cluster: string, namespace: string) => boolean,
): PlatformRuntime {
  return {
    credentials: async () => ({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'not-a-real-secret',
      sessionToken: 'tok',
    }),
    readiness: (cluster) => async (namespace) =>
      ready(cluster.name, namespace)
        ? { ready: true }
        : { ready: false, diagnosis: `pod in ${namespace}: CrashLoopBackOff (exit 1, 5 restarts)` },
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
