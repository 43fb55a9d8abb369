import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AwsCredentials, Clock, CommandRunner } from '@mlperf/core';
import {
  type ClusterAccess,
  installPlatform,
  type KubeconfigFile,
  LOAD_INFRA_RELEASES,
  loadChartPins,
  planPlatform,
  type ReadinessResult,
  writeKubeconfig,
} from '@mlperf/core/platform/index';
import type { CloudPhaseIo } from '../../_shell/src/action-io.js';
import { type Cluster, clusterAccess, readCluster, readMinutes } from '../../_shell/src/clusters.js';
import { type AwsRunConfig, readConfigInput, requireAws } from '../../_shell/src/config-input.js';
import { Inputs, Outputs } from './names.js';

/** The slice of `@actions/core` this action uses, injected so tests can pass a fake. */
export type ActionIo = CloudPhaseIo;

/** The Kubernetes API of the checks, per cluster (fakes in the tests). */
export interface LoadInfraKube {
  readiness(load: ClusterAccess): (namespace: string, deadline: number) => Promise<ReadinessResult>;
  /** Whether the load cluster serves k6-operator's TestRun resource; a reason when it does not. */
  testRunServed(load: ClusterAccess): Promise<true | string>;
  /** Throws naming every k6 pod and TestRun found on the hub cluster. */
  assertNoK6OnHub(hub: ClusterAccess): Promise<void>;
}

export interface LoadInfraRuntime {
  credentials(): Promise<AwsCredentials>;
  kube: LoadInfraKube;
  runner: CommandRunner;
  clock: Clock;
  workspace: string;
}

export interface LoadInfraSettings {
  config: AwsRunConfig;
  hub: Cluster;
  load: Cluster;
  readinessTimeoutMs: number;
  helmDir: string;
}

export function readInputs(io: ActionIo, workspace: string): LoadInfraSettings {
  const getInput = (name: string) => io.getInput(name);
  return {
    config: requireAws(readConfigInput(getInput, Inputs.Config), 'a local run has no load cluster'),
    hub: readCluster(getInput, 'hub'),
    load: readCluster(getInput, 'load'),
    readinessTimeoutMs: readMinutes(getInput, Inputs.ReadinessTimeoutMinutes, 15) * 60_000,
    helmDir: path.resolve(workspace, io.getInput(Inputs.HelmDir).trim() || 'helm'),
  };
}

const PROBE_NOT_RUN =
  'Connectivity probe to the hub gateway: run by the ladder phase before its first rung (the gateway address comes from the Mojaloop phase).';

export async function run(io: ActionIo, runtime: LoadInfraRuntime): Promise<void> {
  let kubeconfig: KubeconfigFile | undefined;
  const summary: string[] = ['## Load infrastructure', ''];
  try {
    const settings = readInputs(io, runtime.workspace);
    const pinsFile = path.join(settings.helmDir, 'versions.yaml');
    const plan = planPlatform({
      config: settings.config,
      pins: await loadChartPins(pinsFile),
      valuesDir: path.join(settings.helmDir, 'values'),
      pinsFile,
      exists: existsSync,
      releases: LOAD_INFRA_RELEASES,
    });
    const region = settings.config.infrastructure.region;
    const mask = (value: string) => io.setSecret(value);
    const load = await clusterAccess(settings.load, region, () => runtime.credentials(), mask);
    const hub = await clusterAccess(settings.hub, region, () => runtime.credentials(), mask);
    kubeconfig = await writeKubeconfig(load);
    const file = kubeconfig.path;
    const readiness = runtime.kube.readiness(load);
    const result = await installPlatform(
      plan,
      {
        runner: runtime.runner,
        clock: runtime.clock,
        kubeconfig: () => file,
        waitReady: (_role, namespace, deadline) => readiness(namespace, deadline),
        log: (line) => io.info(line),
      },
      { cwd: runtime.workspace, readinessTimeoutMs: settings.readinessTimeoutMs },
    );
    io.setOutput(Outputs.Installed, JSON.stringify(result.installed));
    for (const i of result.installed) {
      summary.push(
        `- installed ${i.release} (${i.chart} ${i.version}) in ${i.cluster}/${i.namespace} in ${i.seconds} s`,
      );
    }
    if (!result.ok && result.failure) {
      summary.push(
        '',
        `**${result.failure.key}** failed at ${result.failure.step}:`,
        '',
        '```',
        result.failure.message,
        '```',
      );
      throw new Error(
        `load-infra: ${result.failure.key} failed at ${result.failure.step}: ${result.failure.message}`,
      );
    }
    const served = await runtime.kube.testRunServed(load);
    if (served !== true)
      throw new Error(`load-infra: k6-operator's TestRun resource is not served on ${load.name}: ${served}`);
    summary.push(`- k6-operator's TestRun resource is served on ${load.name}`);
    try {
      await runtime.kube.assertNoK6OnHub(hub);
      io.setOutput(Outputs.HubClean, 'true');
      summary.push(`- no k6 pod or TestRun on the hub cluster ${hub.name}`);
    } catch (error) {
      io.setOutput(Outputs.HubClean, 'false');
      throw error;
    }
    summary.push('', PROBE_NOT_RUN);
  } catch (error) {
    io.setFailed(error instanceof Error ? error.message : String(error));
  } finally {
    await kubeconfig?.remove();
    if (summary.length > 2) await io.writeSummary(`${summary.join('\n')}\n`);
  }
}
