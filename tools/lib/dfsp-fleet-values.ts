/**
 * The values of our `helm/charts/dfsp-fleet` chart for one run configuration: which DFSPs exist, how
 * many SDK replicas each gets, and the security switches. `helm/values/dfsp-fleet/<profile>.yaml` is
 * this function's output for each profile, committed and checked by tools/test/helm-dfsp-fleet.test.ts.
 *
 *   npx tsx tools/lib/dfsp-fleet-values.ts aws-1000tps   prints the values for a profile
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRunConfig } from '@mlperf/core/config/index';
import type { RunConfig } from '@mlperf/core/config/schema';
import { dfspIds } from '@mlperf/core/fleet/names';
import { stringify } from 'yaml';
import { repoRoot } from './paths.js';

/**
 * Transfers per second (outbound plus inbound) one SDK replica carries. From the whitepaper's passing
 * 1000 TPS run (REFERENCE §1): 12 SDK replicas served a DFSP seeing ~125/s each way.
 */
export const TRANSFERS_PER_SDK_REPLICA = 10;

export interface DfspFleetValues {
  dfsps: { id: string; sdkReplicas: number }[];
  currency: string;
  security: { mtls: boolean; jwsSign: boolean; jwsValidate: boolean; ilp: boolean };
}

/** Replicas follow the top rung's rate split evenly over the DFSPs (the stress search may exceed it). */
export function dfspFleetValues(config: RunConfig): DfspFleetValues {
  const topRate = Math.max(...config.ladder.rungs.map((rung) => rung.rate));
  const perDfsp = topRate / config.dfsps.count;
  const sdkReplicas = Math.max(1, Math.ceil(perDfsp / TRANSFERS_PER_SDK_REPLICA));
  const { mtls, jwsSign, jwsValidate, ilp } = config.security;
  return {
    dfsps: dfspIds(config.dfsps.count).map((id) => ({ id, sdkReplicas })),
    currency: config.dfsps.currency,
    security: { mtls, jwsSign, jwsValidate, ilp },
  };
}

/** The committed file's text for a profile: a header saying it is generated, then the values. */
export async function renderDfspFleetValues(profile: string): Promise<string> {
  const config = await loadRunConfig({ profile, profilesDir: path.join(repoRoot(), 'profiles') });
  const header = [
    `# Generated from profiles/${profile}.yaml by tools/lib/dfsp-fleet-values.ts; do not edit by hand.`,
    `# Regenerate: npx tsx tools/lib/dfsp-fleet-values.ts ${profile} > helm/values/dfsp-fleet/${profile}.yaml`,
  ];
  return `${header.join('\n')}\n${stringify(dfspFleetValues(config))}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const profile = process.argv[2];
  if (!profile) throw new Error('usage: tsx tools/lib/dfsp-fleet-values.ts <profile>');
  process.stdout.write(await renderDfspFleetValues(profile));
}
