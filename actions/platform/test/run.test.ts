import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CommandOptions,
  type CommandResult,
  type CommandRunner,
  EKS_TOKEN_PREFIX,
  loadRunConfig,
} from '@mlperf/core';
import { describe, expect, it } from 'vitest';
import { recordingIo } from '../../_shell/test/recording-io.js';
import { Inputs, Outputs } from '../src/names.js';
import { type PlatformRuntime, run } from '../src/run.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CA = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64');

/** Helm that reads the kubeconfig it is given (as the real one would) and succeeds. */
class FakeHelm implements CommandRunner {
  readonly kubeconfigs: Array<{ path: string; text: string }> = [];
  readonly releases: string[] = [];
  async run(_command: string, args: readonly string[], _options: CommandOptions): Promise<CommandResult> {
    const file = args[args.indexOf('--kubeconfig') + 1] ?? '';
    this.kubeconfigs.push({ path: file, text: readFileSync(file, 'utf8') });
    this.releases.push(args[2] ?? '');
    return { exitCode: 0, stdout: '', stderr: '' };
  }
}

async function inputs(extra: Record<string, string> = {}) {
  const config = await loadRunConfig({ profile: 'aws-smoke', profilesDir: path.join(ROOT, 'profiles') });
  return {
    [Inputs.Config]: JSON.stringify(config),
    [Inputs.HubClusterName]: 'mlperf-r7-hub',
    [Inputs.HubClusterEndpoint]: 'https://HUB.gr7.eu-west-2.eks.amazonaws.com',
    [Inputs.HubClusterCa]: CA,
    [Inputs.LoadClusterName]: 'mlperf-r7-load',
    [Inputs.LoadClusterEndpoint]: 'https://LOAD.gr7.eu-west-2.eks.amazonaws.com',
    [Inputs.LoadClusterCa]: CA,
    ...extra,
  };
}

function runtime(
  helm: CommandRunner,
  ready: (cluster: string, namespace: string) => boolean,
): PlatformRuntime {
  let now = Date.parse('2026-11-25T20:00:00Z');
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
    clock: {
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    },
    workspace: ROOT,
  };
}

describe('platform action', () => {
  it('mints a token per cluster, masks it, hands Helm owner-only kubeconfigs and removes them afterwards', async () => {
    const helm = new FakeHelm();
    const { io, outputs, failures, secrets, summaries, logs } = recordingIo(await inputs());
    await run(
      io,
      runtime(helm, () => true),
    );
    expect(failures).toEqual([]);
    expect(secrets).toHaveLength(2);
    expect(secrets.every((token) => token.startsWith(EKS_TOKEN_PREFIX))).toBe(true);
    // Hub releases get the hub cluster's token, k6-operator the load cluster's.
    const byRelease = new Map(helm.releases.map((release, i) => [release, helm.kubeconfigs[i]?.text ?? '']));
    expect(byRelease.get('monitoring')).toContain(secrets[0]);
    expect(byRelease.get('monitoring')).toContain('https://HUB.gr7.eu-west-2.eks.amazonaws.com');
    expect(byRelease.get('k6-operator')).toContain(secrets[1]);
    expect(helm.kubeconfigs.every((file) => !existsSync(file.path))).toBe(true);
    const installed = JSON.parse(outputs[Outputs.Installed] ?? '[]');
    expect(installed.map((i: { release: string }) => i.release)).toEqual(helm.releases);
    expect(summaries[0]).toContain('## Platform: installed');
    for (const line of [...logs, ...summaries])
      for (const token of secrets) expect(line).not.toContain(token);
  });

  it('fails with the readiness diagnosis, keeps what was installed in the output, and still removes the kubeconfigs', async () => {
    const helm = new FakeHelm();
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
    expect(helm.kubeconfigs.every((file) => !existsSync(file.path))).toBe(true);
  });

  it.each([
    [
      { [Inputs.HubClusterEndpoint]: 'http://hub' },
      'input hub-cluster-endpoint: got "http://hub"; allowed: an https:// URL',
    ],
    [{ [Inputs.LoadClusterName]: ' ' }, 'input load-cluster-name: got ""; allowed: the EKS cluster name'],
    [
      { [Inputs.ReadinessTimeoutMinutes]: '0' },
      'input readiness-timeout-minutes: got "0"; allowed: minutes above 0',
    ],
    [{ [Inputs.Config]: '{' }, 'input config is not JSON'],
  ])('refuses bad input %j before minting or installing anything', async (bad, message) => {
    const helm = new FakeHelm();
    const { io, failures, secrets } = recordingIo(await inputs(bad));
    await run(
      io,
      runtime(helm, () => true),
    );
    expect(failures[0]).toContain(message);
    expect(secrets).toEqual([]);
    expect(helm.releases).toEqual([]);
  });

  it('refuses a local configuration', async () => {
    const config = await loadRunConfig({ profile: 'local', profilesDir: path.join(ROOT, 'profiles') });
    const { io, failures } = recordingIo(await inputs({ [Inputs.Config]: JSON.stringify(config) }));
    await run(
      io,
      runtime(new FakeHelm(), () => true),
    );
    expect(failures[0]).toMatch(/infrastructure\.provider: got "local"; allowed: aws/);
  });
});
