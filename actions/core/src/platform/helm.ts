/**
 * Helm invocations of the platform phase. `upgrade --install` is idempotent, so a re-run of the phase
 * (or of the whole workflow attempt) converges instead of failing on an existing release. Readiness is
 * not left to `--wait`: the phase waits itself with a deadline and, on timeout, says which pods are
 * unready and why. Values that depend on the stack (cluster name, region, VPC) follow the values files
 * as `--set-string`, so they are never written in the repository.
 */
import type { CommandRunner } from '../terraform/runner.js';
import type { PlannedInstall } from './plan.js';

/** How long Helm itself may take to apply one release's manifests (not to wait for readiness). */
export const HELM_APPLY_TIMEOUT = '10m';

export function helmUpgradeArgs(install: PlannedInstall, kubeconfig: string): string[] {
  const { pin } = install;
  const chart = pin.repo.startsWith('oci://') ? `${pin.repo.replace(/\/$/, '')}/${pin.chart}` : pin.chart;
  return [
    'upgrade',
    '--install',
    install.release,
    chart,
    ...(pin.repo.startsWith('oci://') ? [] : ['--repo', pin.repo]),
    '--version',
    pin.version,
    '--namespace',
    install.namespace,
    '--create-namespace',
    '--kubeconfig',
    kubeconfig,
    '--timeout',
    HELM_APPLY_TIMEOUT,
    ...install.valuesFiles.flatMap((file) => ['--values', file]),
    // --set-string: stack values are strings (a cluster name of digits must not become a number).
    ...(install.setValues ?? []).flatMap((set) => ['--set-string', `${set.key}=${set.value}`]),
  ];
}

export class HelmError extends Error {
  override readonly name = 'HelmError';
}

/** Runs one install; throws naming the release, chart, version and Helm's last words on failure. */
export async function helmUpgrade(
  runner: CommandRunner,
  install: PlannedInstall,
  kubeconfig: string,
  cwd: string,
): Promise<void> {
  const result = await runner.run('helm', helmUpgradeArgs(install, kubeconfig), { cwd, stream: true });
  if (result.exitCode !== 0) {
    const tail = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-8).join('\n');
    throw new HelmError(
      `helm upgrade --install ${install.release} (${install.pin.chart} ${install.pin.version}) in ${install.cluster}/${install.namespace} exited ${result.exitCode}:\n${tail}`,
    );
  }
}
