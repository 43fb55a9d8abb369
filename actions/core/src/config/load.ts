/**
 * Profiles on disk: `<profilesDir>/<name>.yaml`, read, overlaid with overrides and validated.
 * Every failure, from a bad name to a YAML typo, is a RunConfigError so preflight reports it the
 * same way as a bad value.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { RunConfigError } from './errors.js';
import { mergeOverrides, type Overrides } from './overrides.js';
import { PROFILE_NAME, PROFILE_NAME_ALLOWED, type RunConfig } from './schema.js';
import { validateRunConfig } from './validate.js';

export { parseOverrideAssignments } from './overrides.js';
export { validateRunConfig } from './validate.js';

const EXTENSION = '.yaml';

export interface LoadRunConfigOptions {
  /** Profile name: the file name without `.yaml`. */
  profile: string;
  profilesDir: string;
  /** Laid over the profile before validation (see mergeOverrides). */
  overrides?: Overrides;
}

/** Names of the loadable profiles in `profilesDir`, sorted; files whose names are not valid profile names are skipped. */
export async function listProfiles(profilesDir: string): Promise<string[]> {
  const entries = await readdir(profilesDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(EXTENSION))
    .map((entry) => entry.name.slice(0, -EXTENSION.length))
    .filter((name) => PROFILE_NAME.test(name))
    .sort();
}

export async function loadRunConfig(options: LoadRunConfigOptions): Promise<RunConfig> {
  const { profile, profilesDir, overrides } = options;
  // Checked before any filesystem access, so "../secrets" never becomes a path.
  if (!PROFILE_NAME.test(profile)) {
    throw new RunConfigError([
      { path: 'profile', value: profile, allowed: `${PROFILE_NAME_ALLOWED}; no path separators or ".."` },
    ]);
  }
  const file = join(profilesDir, `${profile}${EXTENSION}`);
  const text = await readProfile(file, profile, profilesDir);
  const document = parseYamlFile(text, file);
  const hasOverrides = overrides !== undefined && Object.keys(overrides).length > 0;
  const merged = hasOverrides ? mergeOverrides(document, overrides) : document;
  return validateRunConfig(merged, { source: hasOverrides ? `${file} with overrides` : file });
}

async function readProfile(file: string, profile: string, profilesDir: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const available = await listProfiles(profilesDir);
    const allowed =
      available.length === 0
        ? `a profile file in ${profilesDir} (none found)`
        : `one of: ${available.join(', ')}`;
    throw new RunConfigError([{ path: 'profile', value: profile, allowed }]);
  }
}

/** Parses one YAML document; syntax errors are reported as `<file>:<line>:<column>` with the line's text. */
function parseYamlFile(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length === 0) return document.toJS();
  const lines = text.split(/\r?\n/);
  const issues = document.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return {
      path: `${file}:${line}:${col}`,
      value: lines[line - 1] ?? '',
      allowed: `valid YAML (${error.message.split('\n')[0]})`,
    };
  });
  throw new RunConfigError(issues, { source: file });
}
