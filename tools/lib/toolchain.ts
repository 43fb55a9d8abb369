import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What `tools/bootstrap.sh` recorded about this machine in `.run/toolchain.env`. */
export interface Toolchain {
  values: Record<string, string>;
  /** Where the recorded file was, or null when bootstrap has not run here. */
  source: string | null;
}

/** Parses `KEY=value` lines; `#` comments and blank lines are ignored, quotes around values dropped. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) {
      value = value.slice(1, -1);
    }
    values[key] = value;
  }
  return values;
}

export function readToolchain(root: string): Toolchain {
  const file = path.join(root, '.run', 'toolchain.env');
  if (!existsSync(file)) return { values: {}, source: null };
  return { values: parseEnvFile(readFileSync(file, 'utf8')), source: file };
}

/** The environment gates run in: the bootstrap's tools dir first on PATH, Terraform's offline mirror config. */
export function gateEnvironment(toolchain: Toolchain, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  const toolsBin = toolchain.values.MLPERF_TOOLS_BIN;
  if (toolsBin) env.PATH = `${toolsBin}${path.delimiter}${base.PATH ?? ''}`;
  const tfConfig = toolchain.values.TF_CLI_CONFIG_FILE;
  if (tfConfig) env.TF_CLI_CONFIG_FILE = tfConfig;
  // Terraform must never reach out for a checkpoint or a provider during checks.
  env.CHECKPOINT_DISABLE = '1';
  // Captured output is read by people and by CI logs, not terminals.
  env.NO_COLOR = '1';
  delete env.FORCE_COLOR;
  return env;
}
