/**
 * Phase 03: installs the planned releases in order, each followed by a readiness wait with a deadline
 * on its namespace (or only its Deployment, when it shares the namespace); stops at the first failure
 * with what went wrong (Helm's words, or the wait's diagnosis of unready pods). The readiness check is
 * injected (the Kubernetes API in the action).
 */
import type { Clock } from '../aws/clock.js';
import type { CommandRunner } from '../terraform/runner.js';
import { helmUpgrade } from './helm.js';
import type { ClusterRole, PlannedInstall } from './plan.js';

export interface ReadinessResult {
  ready: boolean;
  /** Text for the job summary when not ready: unready pods, container states, last events. */
  diagnosis?: string;
}

export interface PlatformDeps {
  runner: CommandRunner;
  clock: Clock;
  kubeconfig(cluster: ClusterRole): string;
  /** `deployment`: wait for that Deployment only (see PlatformRelease.readyDeployment). */
  waitReady(
    cluster: ClusterRole,
    namespace: string,
    deadline: number,
    deployment?: string,
  ): Promise<ReadinessResult>;
  log?(line: string): void;
}

export interface InstallOutcome {
  key: string;
  release: string;
  cluster: ClusterRole;
  namespace: string;
  chart: string;
  version: string;
  seconds: number;
}

export interface PlatformResult {
  ok: boolean;
  installed: InstallOutcome[];
  /** The release that failed, and why. */
  failure?: { key: string; step: 'helm' | 'readiness'; message: string };
}

export async function installPlatform(
  plan: readonly PlannedInstall[],
  deps: PlatformDeps,
  options: { cwd: string; readinessTimeoutMs: number },
): Promise<PlatformResult> {
  const unresolved = plan.flatMap((install) =>
    (install.setValues ?? [])
      .filter((set) => set.placeholder)
      .map((set) => `${install.key}: ${set.key} ${set.value}`),
  );
  if (unresolved.length > 0) {
    // The dry run plans without the stack: its placeholders must never reach Helm.
    throw new Error(
      `platform plan without stack values (${unresolved.join(', ')}); allowed: a plan made with the provisioned stack's values`,
    );
  }
  const installed: InstallOutcome[] = [];
  for (const install of plan) {
    const started = deps.clock.now();
    deps.log?.(
      `installing ${install.release} (${install.pin.chart} ${install.pin.version}) on the ${install.cluster} cluster`,
    );
    try {
      await helmUpgrade(deps.runner, install, deps.kubeconfig(install.cluster), options.cwd);
    } catch (error) {
      return {
        ok: false,
        installed,
        failure: { key: install.key, step: 'helm', message: (error as Error).message },
      };
    }
    const readiness =
      install.workloads === false
        ? { ready: true }
        : await deps.waitReady(
            install.cluster,
            install.namespace,
            deps.clock.now() + options.readinessTimeoutMs,
            install.readyDeployment,
          );
    if (!readiness.ready) {
      const minutes = Math.round(options.readinessTimeoutMs / 60_000);
      const what =
        install.readyDeployment === undefined ? install.release : `Deployment ${install.readyDeployment}`;
      return {
        ok: false,
        installed,
        failure: {
          key: install.key,
          step: 'readiness',
          message: `${what} in ${install.cluster}/${install.namespace} was not ready within ${minutes} min${readiness.diagnosis ? `:\n${readiness.diagnosis}` : ''}`,
        },
      };
    }
    installed.push({
      key: install.key,
      release: install.release,
      cluster: install.cluster,
      namespace: install.namespace,
      chart: install.pin.chart,
      version: install.pin.version,
      seconds: Math.round((deps.clock.now() - started) / 1000),
    });
  }
  return { ok: true, installed };
}
