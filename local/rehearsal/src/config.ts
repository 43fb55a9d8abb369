/**
 * The rehearsal's run configuration: a profile with `--set` overrides, loaded and validated by the
 * core (every issue names field, value and what is allowed), and refused unless it is for this
 * machine (`infrastructure.provider: local`). The base port is checked against the DFSP count here,
 * before anything starts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RunConfigError } from '@mlperf/core/config/errors';
import { loadRunConfig, parseOverrideAssignments } from '@mlperf/core/config/load';
import type { RunConfig } from '@mlperf/core/config/schema';
import { validateRunConfig } from '@mlperf/core/config/validate';
import { REPO_ROOT } from '../../stack/src/paths.js';
import { DEFAULT_BASE_PORT, stackPorts } from '../../stack/src/ports.js';

export const PROFILES_DIR = join(REPO_ROOT, 'profiles');

export interface RehearsalConfigInput {
  profile: string;
  sets: readonly string[];
  /** A resolved configuration (JSON file) used instead of profile + sets. */
  configFile?: string | undefined;
  basePort?: number | undefined;
  profilesDir?: string;
}

export interface RehearsalConfig {
  config: RunConfig;
  basePort: number;
}

/** Throws RunConfigError (bad profile, override, value, provider or base port); starts nothing. */
export async function loadRehearsalConfig(input: RehearsalConfigInput): Promise<RehearsalConfig> {
  const config =
    input.configFile !== undefined
      ? await readConfigFile(input.configFile)
      : await loadRunConfig({
          profile: input.profile,
          profilesDir: input.profilesDir ?? PROFILES_DIR,
          overrides: parseOverrideAssignments(input.sets),
        });
  assertLocal(config);
  const basePort = input.basePort ?? DEFAULT_BASE_PORT;
  try {
    stackPorts(basePort, config.dfsps.count);
  } catch (error) {
    throw new RunConfigError(
      [
        {
          path: '--base-port',
          value: basePort,
          allowed: `a base port whose plan fits ${config.dfsps.count} DFSPs (${error instanceof Error ? error.message : String(error)})`,
        },
      ],
      { source: 'options' },
    );
  }
  return { config, basePort };
}

/** A configuration resolved elsewhere (the pipeline's config job), validated again by the one schema. */
async function readConfigFile(file: string): Promise<RunConfig> {
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new RunConfigError(
      [{ path: '--config-file', value: file, allowed: `a readable JSON file (${(error as Error).message})` }],
      { source: 'options' },
    );
  }
  return validateRunConfig(input, { source: file });
}

/** The rehearsal runs on this machine only: a cloud configuration belongs to the pipeline. */
export function assertLocal(config: RunConfig): void {
  const provider = config.infrastructure.provider;
  if (provider === 'local') return;
  throw new RunConfigError(
    [
      {
        path: 'infrastructure.provider',
        value: provider,
        allowed: `local (the rehearsal runs on this machine; profile ${config.profile} is for the ${provider} pipeline)`,
      },
    ],
    { source: `profile ${config.profile}` },
  );
}
