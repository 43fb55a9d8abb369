/**
 * What the platform phase (03) installs on the hub cluster, in order: Istio, cert-manager, Argo CD and
 * kube-prometheus-stack; and what the load-infra phase (05) installs on the load cluster: k6-operator
 * (k6 never runs on the hub cluster). Each release uses its pinned chart and, when it exists, our values file for the run's
 * profile (`helm/values/<key>/<profile>.yaml`). Pure: the filesystem is asked only whether a values
 * file exists.
 */
import path from 'node:path';
import type { RunConfig } from '../config/index.js';
import type { ChartPin } from './pins.js';

export type ClusterRole = 'hub' | 'load';

export interface PlatformRelease {
  /** Key in helm/versions.yaml and folder under helm/values/. */
  key: string;
  /** Helm release name. */
  release: string;
  namespace: string;
  cluster: ClusterRole;
  /** False for a chart that installs no workloads (CRDs only), so there is nothing to wait for. */
  workloads?: false;
}

/** In install order: CRDs and the mesh first, what depends on them after. */
export const PLATFORM_RELEASES: readonly PlatformRelease[] = [
  { key: 'istio-base', release: 'istio-base', namespace: 'istio-system', cluster: 'hub', workloads: false },
  { key: 'istiod', release: 'istiod', namespace: 'istio-system', cluster: 'hub' },
  { key: 'istio-gateway', release: 'istio-ingressgateway', namespace: 'istio-ingress', cluster: 'hub' },
  { key: 'cert-manager', release: 'cert-manager', namespace: 'cert-manager', cluster: 'hub' },
  { key: 'argo-cd', release: 'argo-cd', namespace: 'argocd', cluster: 'hub' },
  { key: 'kube-prometheus-stack', release: 'monitoring', namespace: 'monitoring', cluster: 'hub' },
];

/** Phase 05 on the load cluster. */
export const LOAD_INFRA_RELEASES: readonly PlatformRelease[] = [
  { key: 'k6-operator', release: 'k6-operator', namespace: 'k6-operator-system', cluster: 'load' },
];

export interface PlannedInstall extends PlatformRelease {
  pin: ChartPin;
  /** Absolute paths of the values files passed with -f, in order. */
  valuesFiles: string[];
}

export interface PlatformPlanInput {
  config: RunConfig;
  pins: ReadonlyMap<string, ChartPin>;
  /** The repository's helm/values directory. */
  valuesDir: string;
  /** Where the pins came from, for error messages. */
  pinsFile: string;
  exists(file: string): boolean;
  releases?: readonly PlatformRelease[];
}

export function planPlatform(input: PlatformPlanInput): PlannedInstall[] {
  const { config } = input;
  if (config.infrastructure.provider !== 'aws') {
    throw new Error(
      `infrastructure.provider: got ${JSON.stringify(config.infrastructure.provider)}; allowed: aws (a local run has no platform phase: the rehearsal stack stands in for it)`,
    );
  }
  return (input.releases ?? PLATFORM_RELEASES).map((release) => {
    const pin = input.pins.get(release.key);
    if (pin === undefined) {
      throw new Error(
        `${input.pinsFile}: no chart pinned for ${release.key}; allowed: an entry {key: ${release.key}, repo, chart, version, verified}`,
      );
    }
    const values = path.join(input.valuesDir, release.key, `${config.profile}.yaml`);
    return { ...release, pin, valuesFiles: input.exists(values) ? [values] : [] };
  });
}
