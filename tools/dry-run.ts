/**
 * npm run dry-run -- [--profile aws-1000tps] [--set path=value]… [--rates 100,500,1000]
 *   [--dfsp-count N] [--keep-infra true|false] [--cost-cap-usd N] [--run-id r123] [--json] …
 *
 * Walks the pipeline's phases with the configuration resolved exactly as validate-config resolves
 * it and prints what each phase would do. Calls nothing: no AWS, no GitHub, no network, no
 * credentials. The logic is the core's (`@mlperf/core/dryrun/index`); this file only reads the
 * command line, the profile directory, the chart pins (helm/versions.yaml), the list of values
 * files under helm/values/, the dfsp-fleet chart's version (helm/charts/dfsp-fleet/Chart.yaml), an
 * optional pricing file, and prints.
 * Exit 0 with the plan, 2 for bad input.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadPricingTable, type PricingTable } from '@mlperf/core/cost/pricing';
import {
  DRY_RUN_USAGE,
  DryRunInputError,
  DryRunOptionsError,
  type DryRunPlatformInput,
  givenChoices,
  type ParsedDryRunArgs,
  parseDryRunArgs,
  planDryRun,
  renderDryRunJson,
  renderDryRunText,
  resolveDryRunConfig,
} from '@mlperf/core/dryrun/index';
import { loadChartPins } from '@mlperf/core/platform/pins';
import { resolveRunId } from '@mlperf/core/terraform/run-meta';
import { parse } from 'yaml';
import { repoRoot } from './lib/paths.js';

const out = (text: string) => process.stdout.write(text);
const err = (line: string) => process.stderr.write(`${line}\n`);

class InputError extends Error {}

async function pricingFrom(file: string | undefined): Promise<PricingTable> {
  if (file === undefined) return loadPricingTable();
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.resolve(file), 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(
      `--pricing-file: got ${JSON.stringify(file)}; allowed: a readable JSON pricing table (${why})`,
    );
  }
  try {
    return loadPricingTable(raw);
  } catch (error) {
    throw new InputError(`--pricing-file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Relative to the working directory when inside it, so messages name `profiles/…`, `helm/…`. */
function shown(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative !== '' && !relative.startsWith('..') ? relative : absolute;
}

/** What the platform action reads from the repository: the chart pins and which values files exist. */
async function platformFiles(): Promise<DryRunPlatformInput> {
  const helmDir = path.join(repoRoot(), 'helm');
  const pinsFile = shown(path.join(helmDir, 'versions.yaml'));
  let pins: DryRunPlatformInput['pins'];
  try {
    pins = await loadChartPins(pinsFile);
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error));
  }
  const valuesDir = path.join(helmDir, 'values');
  const entries = await readdir(valuesDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const valuesFiles = entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(valuesDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
  // The mojaloop phase installs our own dfsp-fleet chart at the version its Chart.yaml states.
  const chartFile = path.join(helmDir, 'charts', 'dfsp-fleet', 'Chart.yaml');
  const chart = await readFile(chartFile, 'utf8').then(
    (text) => parse(text) as { version?: unknown } | null,
    () => null,
  );
  const version = typeof chart?.version === 'string' ? chart.version : undefined;
  return { pins, pinsFile, valuesFiles, ...(version === undefined ? {} : { dfspFleetVersion: version }) };
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed: ParsedDryRunArgs;
  try {
    parsed = parseDryRunArgs(argv);
  } catch (error) {
    if (!(error instanceof DryRunOptionsError)) throw error;
    err(error.message);
    err(DRY_RUN_USAGE);
    return 2;
  }
  if (parsed.help) {
    out(`${DRY_RUN_USAGE}\n`);
    return 0;
  }
  const { options } = parsed;
  const profilesDir = shown(path.join(repoRoot(), 'profiles'));
  const resolution = await resolveDryRunConfig({
    profile: options.profile,
    profilesDir,
    sets: options.sets,
    choices: options.choices,
  });
  if (!resolution.ok) {
    err(
      `dry run: invalid input (${resolution.errors.length} error${resolution.errors.length === 1 ? '' : 's'}):`,
    );
    for (const text of resolution.errors) err(text);
    return 2;
  }
  try {
    const now = new Date();
    const plan = await planDryRun({
      config: resolution.config,
      runId: options.runId ?? resolveRunId('', process.env, now),
      now,
      pricing: await pricingFrom(options.pricingFile),
      source: {
        profileFile: path.join(profilesDir, `${options.profile}.yaml`),
        sets: options.sets,
        choices: givenChoices(options.choices),
      },
      owner: options.owner ?? (process.env.GITHUB_ACTOR || undefined),
      ...(options.pipelineRoleArn ? { pipelineRoleArn: options.pipelineRoleArn } : {}),
      ...(options.stateBucket ? { stateBucket: options.stateBucket } : {}),
      ...(resolution.config.infrastructure.provider === 'aws' ? { platform: await platformFiles() } : {}),
    });
    out(options.json ? renderDryRunJson(plan) : renderDryRunText(plan));
    return 0;
  } catch (error) {
    if (error instanceof InputError || error instanceof DryRunInputError) {
      err(`dry run: invalid input (1 error):\n${error.message}`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
