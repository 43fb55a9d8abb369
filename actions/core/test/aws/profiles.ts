// The committed profiles, loaded as the pipeline loads them.
import { fileURLToPath } from 'node:url';
import { loadRunConfig, mergeOverrides, type RunConfig, validateRunConfig } from '../../src/index.js';

export const PROFILES_DIR = fileURLToPath(new URL('../../../../profiles/', import.meta.url));

export function profile(name: 'aws-1000tps' | 'aws-smoke' | 'local'): Promise<RunConfig> {
  return loadRunConfig({ profile: name, profilesDir: PROFILES_DIR });
}

/** A profile with some values changed, validated again. */
export async function profileWith(
  name: 'aws-1000tps' | 'aws-smoke',
  overrides: Record<string, unknown>,
): Promise<RunConfig> {
  return validateRunConfig(mergeOverrides(await profile(name), overrides));
}
