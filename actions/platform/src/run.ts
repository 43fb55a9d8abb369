import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AwsCredentials, Clock, CommandRunner } from '@mlperf/core';
import {
  type ClusterAccess,
  installPlatform,
  type KubeconfigFile,
  loadChartPins,
  planPlatform,
  type ReadinessResult,
  readStackOutputsInput,
  type StackValues,
  writeKubeconfig,
} from '@mlperf/core/platform/index';
import type { CloudPhaseIo } from '../../_shell/src/action-io.js';
import { type Cluster, clusterAccess, readCluster, readMinutes } from '../../_shell/src/clusters.js';
import { type AwsRunConfig, readConfigInput, requireAws } from '../../_shell/src/config-input.js';
import { Inputs, Outputs } from './names.js';

/** The slice of `@actions/core` this action uses, injected so tests can pass a fake. */
export type ActionIo = CloudPhaseIo;

/**
 * Waits until the workloads of one namespace of a cluster are ready (only the Deployment `deployment`
 * when given), or the deadline passes.
 */
export type Readiness = (
  namespace: string,
  deadline: number,
  deployment?: string,
) => Promise<ReadinessResult>;

export interface PlatformRuntime {
  credentials(): Promise<AwsCredentials>;
  /** The Kubernetes API readiness check for one cluster. */
  readiness(cluster: ClusterAccess): Readiness;
  runner: CommandRunner;
  clock: Clock;
  workspace: string;
}

/** The stack values the charts need beyond the hub cluster's name (see STACK_VALUE_RULES). */
const STACK_FIELDS = ['vpcId', 'hubIngressSecurityGroupId', 'hubPrometheusSecurityGroupId'] as const;

export interface PlatformSettings {
  config: AwsRunConfig;
  hub: Cluster;
  /** From the stack-outputs input. */
  stack: Omit<StackValues, 'hubClusterName'>;
  readinessTimeoutMs: number;
  helmDir: string;
}

export function readInputs(io: ActionIo, workspace: string): PlatformSettings {
  const config = requireAws(
    readConfigInput((name) => io.getInput(name), Inputs.Config),
    'a local run has no platform phase',
  );
  const minutes = readMinutes((name) => io.getInput(name), Inputs.ReadinessTimeoutMinutes, 15);
  return {
    config,
    hub: readCluster((name) => io.getInput(name), 'hub'),
    stack: readStackOutputsInput(io.getInput(Inputs.StackOutputs), Inputs.StackOutputs, STACK_FIELDS),
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
    // Every stack value, typed as complete: the plan may hold no placeholder here (dry run only).
    const stack: StackValues = { hubClusterName: settings.hub.name, ...settings.stack };
    const plan = planPlatform({
      config: settings.config,
      pins: await loadChartPins(pinsFile),
      valuesDir: path.join(settings.helmDir, 'values'),
      pinsFile,
      exists: existsSync,
      stack,
    });
    const region = settings.config.infrastructure.region;
    const hub = await clusterAccess(
      settings.hub,
      region,
      () => runtime.credentials(),
      (value) => io.setSecret(value),
    );
    const kubeconfig = await writeKubeconfig(hub);
    files.push(kubeconfig);
    const readiness = runtime.readiness(hub);
    const result = await installPlatform(
      plan,
      {
        runner: runtime.runner,
        clock: runtime.clock,
        kubeconfig: () => kubeconfig.path,
        waitReady: (_role, namespace, deadline, deployment) => readiness(namespace, deadline, deployment),
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
