import { existsSync } from 'node:fs';
import path from 'node:path';
import { type AwsCredentials, type Clock, type CommandRunner, createEksToken } from '@mlperf/core';
import {
  type ClusterAccess,
  type ClusterRole,
  installPlatform,
  type KubeconfigFile,
  loadChartPins,
  planPlatform,
  type ReadinessResult,
  writeKubeconfig,
} from '@mlperf/core/platform/index';
import { type AwsRunConfig, readConfigInput, requireAws } from '../../_shell/src/config-input.js';
import { Inputs, Outputs } from './names.js';

/** The slice of `@actions/core` this action uses, injected so tests can pass a fake. */
export interface ActionIo {
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  setFailed(message: string): void;
  info(message: string): void;
  writeSummary(markdown: string): Promise<void>;
}

/** Waits until the workloads of one namespace of a cluster are ready, or the deadline passes. */
export type Readiness = (namespace: string, deadline: number) => Promise<ReadinessResult>;

export interface PlatformRuntime {
  credentials(): Promise<AwsCredentials>;
  /** The Kubernetes API readiness check for one cluster. */
  readiness(cluster: ClusterAccess): Readiness;
  runner: CommandRunner;
  clock: Clock;
  workspace: string;
}

interface Cluster {
  name: string;
  endpoint: string;
  caBase64: string;
}

export interface PlatformSettings {
  config: AwsRunConfig;
  clusters: Record<ClusterRole, Cluster>;
  readinessTimeoutMs: number;
  helmDir: string;
}

function required(io: ActionIo, name: string, allowed: string): string {
  const value = io.getInput(name).trim();
  if (value === '') throw new Error(`input ${name}: got ""; allowed: ${allowed}`);
  return value;
}

export function readInputs(io: ActionIo, workspace: string): PlatformSettings {
  const config = requireAws(
    readConfigInput((name) => io.getInput(name), Inputs.Config),
    'a local run has no platform phase',
  );
  const cluster = (name: string, endpoint: string, ca: string): Cluster => {
    const access = {
      name: required(io, name, 'the EKS cluster name (provision output)'),
      endpoint: required(io, endpoint, 'the https:// API endpoint (provision output)'),
      caBase64: required(io, ca, 'the base64 certificate authority (provision output)'),
    };
    if (!access.endpoint.startsWith('https://')) {
      throw new Error(`input ${endpoint}: got ${JSON.stringify(access.endpoint)}; allowed: an https:// URL`);
    }
    return access;
  };
  const minutesRaw = io.getInput(Inputs.ReadinessTimeoutMinutes).trim() || '15';
  const minutes = Number(minutesRaw);
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 120) {
    throw new Error(
      `input ${Inputs.ReadinessTimeoutMinutes}: got ${JSON.stringify(minutesRaw)}; allowed: minutes above 0, at most 120`,
    );
  }
  return {
    config,
    clusters: {
      hub: cluster(Inputs.HubClusterName, Inputs.HubClusterEndpoint, Inputs.HubClusterCa),
      load: cluster(Inputs.LoadClusterName, Inputs.LoadClusterEndpoint, Inputs.LoadClusterCa),
    },
    readinessTimeoutMs: minutes * 60_000,
    helmDir: path.resolve(workspace, io.getInput(Inputs.HelmDir).trim() || 'helm'),
  };
}

function summaryOf(result: Awaited<ReturnType<typeof installPlatform>>): string {
  const rows = result.installed.map(
    (i) => `| ${i.release} | ${i.cluster} | ${i.namespace} | ${i.chart} ${i.version} | ${i.seconds} s |`,
  );
  const lines = [
    `## Platform: ${result.ok ? 'installed' : 'FAILED'}`,
    '',
    '| release | cluster | namespace | chart | took |',
    '|---|---|---|---|---|',
    ...rows,
  ];
  if (result.failure) {
    lines.push(
      '',
      `**${result.failure.key}** failed at ${result.failure.step}:`,
      '',
      '```',
      result.failure.message,
      '```',
    );
  }
  return `${lines.join('\n')}\n`;
}

export async function run(io: ActionIo, runtime: PlatformRuntime): Promise<void> {
  const files: KubeconfigFile[] = [];
  try {
    const settings = readInputs(io, runtime.workspace);
    const pinsFile = path.join(settings.helmDir, 'versions.yaml');
    const plan = planPlatform({
      config: settings.config,
      pins: await loadChartPins(pinsFile),
      valuesDir: path.join(settings.helmDir, 'values'),
      pinsFile,
      exists: existsSync,
    });
    const region = settings.config.infrastructure.region;
    const access = {} as Record<ClusterRole, ClusterAccess>;
    const kubeconfigs = {} as Record<ClusterRole, string>;
    const readiness = {} as Record<ClusterRole, Readiness>;
    for (const role of ['hub', 'load'] as const) {
      const cluster = settings.clusters[role];
      const { token } = await createEksToken({
        clusterName: cluster.name,
        region,
        credentials: () => runtime.credentials(),
      });
      io.setSecret(token);
      access[role] = { ...cluster, token };
      const file = await writeKubeconfig(access[role]);
      files.push(file);
      kubeconfigs[role] = file.path;
      readiness[role] = runtime.readiness(access[role]);
    }
    const result = await installPlatform(
      plan,
      {
        runner: runtime.runner,
        clock: runtime.clock,
        kubeconfig: (role) => kubeconfigs[role],
        waitReady: (role, namespace, deadline) => readiness[role](namespace, deadline),
        log: (line) => io.info(line),
      },
      { cwd: runtime.workspace, readinessTimeoutMs: settings.readinessTimeoutMs },
    );
    await io.writeSummary(summaryOf(result));
    io.setOutput(Outputs.Installed, JSON.stringify(result.installed));
    if (!result.ok && result.failure) {
      io.setFailed(
        `platform: ${result.failure.key} failed at ${result.failure.step}: ${result.failure.message}`,
      );
    }
  } catch (error) {
    io.setFailed(error instanceof Error ? error.message : String(error));
  } finally {
    for (const file of files) await file.remove();
  }
}
