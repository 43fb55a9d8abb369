import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CommandRunner, loadRunConfig } from '@mlperf/core';
import { describe, expect, it } from 'vitest';
import { KubeconfigReadingHelm, movingClock, TEST_CA } from '../../_shell/test/kube-phase.js';
import { recordingIo } from '../../_shell/test/recording-io.js';
import { Inputs, Outputs } from '../src/names.js';
import { type LoadInfraKube, type LoadInfraRuntime, run } from '../src/run.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CA = TEST_CA;

async function inputs(extra: Record<string, string> = {}) {
  const config = await loadRunConfig({ profile: 'aws-smoke', profilesDir: path.join(ROOT, 'profiles') });
  return {
    [Inputs.Config]: JSON.stringify(config),
    'hub-cluster-name': 'mlperf-r7-hub',
    'hub-cluster-endpoint': 'https://HUB.gr7.eu-west-2.eks.amazonaws.com',
    'hub-cluster-ca': CA,
    'load-cluster-name': 'mlperf-r7-load',
    'load-cluster-endpoint': 'https://LOAD.gr7.eu-west-2.eks.amazonaws.com',
    'load-cluster-ca': CA,
    ...extra,
  };
}

function runtime(
  helm: CommandRunner,
  kube: Partial<LoadInfraKube> = {},
): LoadInfraRuntime & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    credentials: async () => ({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'not-a-real-secret',
      sessionToken: 'tok',
    }),
    kube: {
      readiness: (load) => async (namespace) => {
        seen.push(`ready ${load.name}/${namespace}`);
        return { ready: true };
      },
      testRunServed: async (load) => {
        seen.push(`crd ${load.name}`);
        return true;
      },
      assertNoK6OnHub: async (hub) => {
        seen.push(`hub ${hub.name}`);
      },
      ...kube,
    },
    runner: helm,
    clock: movingClock(),
    workspace: ROOT,
  };
}

describe('load-infra action', () => {
  it('installs k6-operator on the load cluster only, waits for it, checks the TestRun resource and the hub', async () => {
    const helm = new KubeconfigReadingHelm();
    const rt = runtime(helm);
    const { io, outputs, failures, secrets, summaries, logs } = recordingIo(await inputs());
    await run(io, rt);
    expect(failures).toEqual([]);
    expect(helm.calls.map((c) => c.args.slice(0, 4))).toEqual([
      ['upgrade', '--install', 'k6-operator', 'k6-operator'],
    ]);
    const [call] = helm.calls;
    expect(call?.kubeconfig).toContain('https://LOAD.gr7.eu-west-2.eks.amazonaws.com');
    expect(call?.kubeconfig).toContain(secrets[0]);
    expect(call?.kubeconfig).not.toContain(secrets[1]);
    expect(existsSync(call?.path ?? '')).toBe(false);
    expect(rt.seen).toEqual([
      'ready mlperf-r7-load/k6-operator-system',
      'crd mlperf-r7-load',
      'hub mlperf-r7-hub',
    ]);
    expect(outputs[Outputs.HubClean]).toBe('true');
    expect(JSON.parse(outputs[Outputs.Installed] ?? '[]')).toMatchObject([
      { key: 'k6-operator', cluster: 'load' },
    ]);
    expect(summaries[0]).toContain(
      'Connectivity probe to the hub gateway: run by the ladder phase before its first rung',
    );
    for (const line of [...logs, ...summaries])
      for (const token of secrets) expect(line).not.toContain(token);
  });

  it('fails naming the k6 found on the hub cluster, with hub-clean false', async () => {
    const { io, outputs, failures } = recordingIo(await inputs());
    await run(
      io,
      runtime(new KubeconfigReadingHelm(), {
        assertNoK6OnHub: async () => {
          throw new Error('k6 on the hub cluster: pod default/k6-rung-1-1 (Running)');
        },
      }),
    );
    expect(failures).toEqual(['k6 on the hub cluster: pod default/k6-rung-1-1 (Running)']);
    expect(outputs[Outputs.HubClean]).toBe('false');
  });

  it('fails when the TestRun resource is not served, and when k6-operator is not ready (with the diagnosis)', async () => {
    const crd = recordingIo(await inputs());
    await run(
      crd.io,
      runtime(new KubeconfigReadingHelm(), {
        testRunServed: async () => 'HTTP 404: the server could not find the requested resource',
      }),
    );
    expect(crd.failures[0]).toBe(
      "load-infra: k6-operator's TestRun resource is not served on mlperf-r7-load: HTTP 404: the server could not find the requested resource",
    );
    const notReady = recordingIo(await inputs());
    await run(
      notReady.io,
      runtime(new KubeconfigReadingHelm(), {
        readiness: () => async () => ({
          ready: false,
          diagnosis: 'pod k6-operator-controller-manager-1: ImagePullBackOff',
        }),
      }),
    );
    expect(notReady.failures[0]).toMatch(
      /^load-infra: k6-operator failed at readiness: k6-operator in load\/k6-operator-system was not ready within 15 min:\npod k6-operator-controller-manager-1: ImagePullBackOff$/,
    );
    expect(notReady.summaries[0]).toContain('**k6-operator** failed at readiness');
  });

  it.each([
    [
      { 'load-cluster-endpoint': 'http://load' },
      'input load-cluster-endpoint: got "http://load"; allowed: an https:// URL',
    ],
    [{ 'hub-cluster-ca': '' }, 'input hub-cluster-ca: got ""; allowed: the base64 certificate authority'],
    [
      { [Inputs.ReadinessTimeoutMinutes]: '500' },
      'input readiness-timeout-minutes: got "500"; allowed: minutes above 0, at most 120',
    ],
  ])('refuses bad input %j before minting or installing anything', async (bad, message) => {
    const helm = new KubeconfigReadingHelm();
    const { io, failures, secrets } = recordingIo(await inputs(bad));
    await run(io, runtime(helm));
    expect(failures[0]).toContain(message);
    expect(secrets).toEqual([]);
    expect(helm.calls).toEqual([]);
  });
});
