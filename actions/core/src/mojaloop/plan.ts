/**
 * What the mojaloop phase (04) installs on the hub cluster, in order, with the exact Helm commands:
 * 1. `example-mojaloop-backend` (Kafka with one partition per consumer replica; MySQL only when the
 *    profile says in-cluster),
 * 2. the `mojaloop` umbrella (central-ledger, ml-api-adapter, ALS, oracle, quoting),
 * 3. our `dfsp-fleet` chart (SDK scheme adapters and simulator backends of every DFSP).
 * Each Mojaloop chart gets the committed profile values and then the run values (database host,
 * Kafka address), written by the deploy; the dfsp-fleet chart its generated profile values and the
 * run's Redis address.
 * Pure: the filesystem is only asked whether a file exists.
 *
 * Helm directly, not Argo CD applications: the phase must know when each release is applied and ready
 * before the next starts, check keys before installing, and report a diagnosis in the same job; an Argo
 * CD Application would move that into a controller the job can only poll (helm/README.md).
 */
import path from 'node:path';
import type { RunConfig } from '../config/index.js';
import { helmUpgradeArgs } from '../platform/helm.js';
import type { ChartPin } from '../platform/pins.js';
import type { PlannedInstall } from '../platform/plan.js';
import { CHART_KEYS, DFSP_FLEET_CHART_DIR, DFSP_NAMESPACE, MOJALOOP_NAMESPACE, RELEASES } from './names.js';

export type MojaloopReleaseKey = 'example-mojaloop-backend' | 'mojaloop' | 'dfsp-fleet';

export interface PlannedMojaloopInstall extends PlannedInstall {
  key: MojaloopReleaseKey;
  /** A chart in this repository (a path), installed without --repo/--version. */
  local?: true;
  /** The run values file this release takes last (written by the deploy), when it has one. */
  runValuesFile?: string;
  /** `helm upgrade --install` arguments, kubeconfig included; `--wait=false`: the phase waits itself. */
  args: string[];
}

export interface MojaloopPlanInput {
  config: RunConfig;
  pins: ReadonlyMap<string, ChartPin>;
  /** The repository's helm directory (versions.yaml, values/, charts/). */
  helmDir: string;
  pinsFile: string;
  /** Where the deploy writes the run values files (a private temporary directory). */
  runValuesDir: string;
  kubeconfig: string;
  /** Version of our dfsp-fleet chart (its Chart.yaml), for the record. */
  dfspFleetVersion: string;
  exists(file: string): boolean;
}

/** Committed profile values of the umbrella and backend charts (tools/lib/mojaloop-values.ts). */
export function mojaloopValuesFiles(helmDir: string, profile: string): { umbrella: string; backend: string } {
  return {
    umbrella: path.join(helmDir, 'values', 'mojaloop', `${profile}.yaml`),
    backend: path.join(helmDir, 'values', 'mojaloop', 'backend', `${profile}.yaml`),
  };
}

/** Helm's own readiness wait is off: the phase waits with a deadline and explains what is unready. */
const NO_HELM_WAIT = '--wait=false';

function withoutRepoAndVersion(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--repo' || args[i] === '--version') {
      i++;
      continue;
    }
    out.push(args[i] as string);
  }
  return out;
}

export function planMojaloop(input: MojaloopPlanInput): PlannedMojaloopInstall[] {
  const { config, helmDir } = input;
  if (config.infrastructure.provider !== 'aws') {
    throw new Error(
      `infrastructure.provider: got ${JSON.stringify(config.infrastructure.provider)}; allowed: aws (a local run deploys no hub: the rehearsal stack stands in for it)`,
    );
  }
  if (config.mojaloop === undefined) {
    throw new Error(
      'mojaloop: got nothing (missing); allowed: a mojaloop section (required for the aws provider)',
    );
  }
  const pin = (key: string): ChartPin => {
    const found = input.pins.get(key);
    if (found === undefined) {
      throw new Error(
        `${input.pinsFile}: no chart pinned for ${key}; allowed: an entry {key: ${key}, repo, chart, version, verified}`,
      );
    }
    return found;
  };
  const committed = mojaloopValuesFiles(helmDir, config.profile);
  const fleetValues = path.join(helmDir, 'values', 'dfsp-fleet', `${config.profile}.yaml`);
  for (const file of [committed.umbrella, committed.backend, fleetValues]) {
    if (!input.exists(file)) {
      throw new Error(
        `${file}: missing; allowed: the generated values of profile ${config.profile} (npx tsx tools/lib/${file.includes('dfsp-fleet') ? 'dfsp-fleet' : 'mojaloop'}-values.ts)`,
      );
    }
  }
  const releases: Array<Omit<PlannedMojaloopInstall, 'args'>> = [
    {
      key: CHART_KEYS.backend,
      release: RELEASES.backend,
      namespace: MOJALOOP_NAMESPACE,
      cluster: 'hub',
      pin: pin(CHART_KEYS.backend),
      valuesFiles: [committed.backend, path.join(input.runValuesDir, 'backend.yaml')],
      runValuesFile: path.join(input.runValuesDir, 'backend.yaml'),
    },
    {
      key: CHART_KEYS.mojaloop,
      release: RELEASES.mojaloop,
      namespace: MOJALOOP_NAMESPACE,
      cluster: 'hub',
      pin: pin(CHART_KEYS.mojaloop),
      valuesFiles: [committed.umbrella, path.join(input.runValuesDir, 'mojaloop.yaml')],
      runValuesFile: path.join(input.runValuesDir, 'mojaloop.yaml'),
    },
    {
      key: 'dfsp-fleet',
      release: RELEASES.dfspFleet,
      namespace: DFSP_NAMESPACE,
      cluster: 'hub',
      pin: {
        key: 'dfsp-fleet',
        repo: 'https://localhost/unused',
        chart: path.join(helmDir, DFSP_FLEET_CHART_DIR),
        version: input.dfspFleetVersion,
        verified: 'this repository',
      },
      valuesFiles: [fleetValues, path.join(input.runValuesDir, 'dfsp-fleet.yaml')],
      runValuesFile: path.join(input.runValuesDir, 'dfsp-fleet.yaml'),
      local: true,
    },
  ];
  return releases.map((release) => {
    const base = helmUpgradeArgs(release, input.kubeconfig);
    return { ...release, args: [...(release.local ? withoutRepoAndVersion(base) : base), NO_HELM_WAIT] };
  });
}
