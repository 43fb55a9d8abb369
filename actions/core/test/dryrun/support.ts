// Shared by the dry-run tests: profiles resolved as the pipeline resolves them, planned at a fixed time.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { DispatchChoices } from '../../src/config/dispatch.js';
import type { RunConfig } from '../../src/config/index.js';
import { loadPricingTable } from '../../src/cost/pricing.js';
import { type DryRunInput, type DryRunPlatformInput, planDryRun } from '../../src/dryrun/plan.js';
import { resolveDryRunConfig } from '../../src/dryrun/resolve.js';
import type { DryRunPhase, DryRunPlan, PhaseName } from '../../src/dryrun/types.js';
import { loadChartPins } from '../../src/platform/pins.js';

export const PROFILES_DIR = fileURLToPath(new URL('../../../../profiles/', import.meta.url));
export const RUN_ID = 'r123';
export const NOW = new Date('2026-11-25T18:00:00Z');
export const pricing = loadPricingTable();
export const HELM_DIR = fileURLToPath(new URL('../../../../helm/', import.meta.url));
export const PINS_FILE = path.join(HELM_DIR, 'versions.yaml');
export const VALUES_DIR = path.join(HELM_DIR, 'values');
export const DFSP_FLEET_CHART = path.join(HELM_DIR, 'charts', 'dfsp-fleet', 'Chart.yaml');

/** The repository's chart pins and values files, as the CLI reads them for the planner. */
export async function platformFiles(): Promise<DryRunPlatformInput> {
  const entries = await readdir(VALUES_DIR, { recursive: true, withFileTypes: true });
  const chart = parse(await readFile(DFSP_FLEET_CHART, 'utf8')) as { version: string };
  return {
    pins: await loadChartPins(PINS_FILE),
    pinsFile: 'helm/versions.yaml',
    dfspFleetVersion: chart.version,
    valuesFiles: entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(VALUES_DIR, path.join(entry.parentPath, entry.name))),
  };
}

export async function resolved(
  profile: string,
  sets: string[] = [],
  choices: DispatchChoices = {},
): Promise<RunConfig> {
  const resolution = await resolveDryRunConfig({ profile, profilesDir: PROFILES_DIR, sets, choices });
  if (!resolution.ok) throw new Error(resolution.errors.join('\n'));
  return resolution.config;
}

export async function plan(config: RunConfig, extra: Partial<DryRunInput> = {}): Promise<DryRunPlan> {
  return planDryRun({ config, runId: RUN_ID, now: NOW, pricing, platform: await platformFiles(), ...extra });
}

/** The phase of that name, typed by its name. */
export function phase<N extends PhaseName>(plan: DryRunPlan, name: N): Extract<DryRunPhase, { name: N }> {
  const found = plan.phases.find((p) => p.name === name);
  if (found === undefined)
    throw new Error(`no phase ${name} in ${plan.phases.map((p) => p.name).join(', ')}`);
  return found as Extract<DryRunPhase, { name: N }>;
}
