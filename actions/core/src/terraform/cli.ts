/**
 * The Terraform commands the pipeline runs, each non-interactive (`-input=false`, TF_IN_AUTOMATION).
 * Human-facing commands stream unmodified; `show -json` and `output -json` are captured with
 * `-no-color` and never printed, since both can carry sensitive values.
 */
import type { CommandRunner } from './runner.js';

export interface BackendConfig {
  /** S3 bucket holding the state. */
  bucket: string;
  /** Object key of the state, e.g. `mlperf/r123/terraform.tfstate`. */
  key: string;
  region: string;
}

export interface TerraformOptions {
  /** The root stack, e.g. `<workspace>/terraform/envs/perf`. */
  workingDir: string;
  runner: CommandRunner;
  /** The terraform binary; `terraform` on PATH by default. */
  binary?: string;
  /** How long to wait for the state lock before failing, e.g. `5m`. */
  lockTimeout?: string;
}

const ESC = String.fromCharCode(27);
const ESCAPES = new RegExp(`${ESC}\\[[0-9;]*[A-Za-z]`, 'g');

export function stripAnsi(text: string): string {
  return text.replace(ESCAPES, '');
}

/** The last lines of a command's output, without colour codes, for an error message. */
export function tail(text: string, lines = 25): string {
  const all = stripAnsi(text).trimEnd().split(/\r?\n/);
  return all.slice(-lines).join('\n');
}

export class TerraformError extends Error {
  override readonly name = 'TerraformError';
  constructor(
    readonly subcommand: string,
    readonly exitCode: number,
    /** stdout and stderr of the failed command, colour codes removed. */
    readonly output: string,
  ) {
    super(`terraform ${subcommand} failed (exit ${exitCode}). Last lines of its output:\n${tail(output)}`);
  }
}

export class Terraform {
  private readonly binary: string;
  private readonly lockTimeout: string;
  constructor(private readonly options: TerraformOptions) {
    this.binary = options.binary ?? 'terraform';
    this.lockTimeout = options.lockTimeout ?? '5m';
  }

  private async exec(subcommand: string, args: readonly string[], stream: boolean): Promise<string> {
    const result = await this.options.runner.run(this.binary, [subcommand, ...args], {
      cwd: this.options.workingDir,
      env: { TF_IN_AUTOMATION: '1', TF_INPUT: '0' },
      stream,
    });
    if (result.exitCode !== 0) {
      throw new TerraformError(subcommand, result.exitCode, `${result.stdout}\n${result.stderr}`);
    }
    return result.stdout;
  }

  /** `terraform init` against the S3 backend with S3-native state locking (`use_lockfile`). */
  async init(backend: BackendConfig): Promise<void> {
    await this.exec(
      'init',
      [
        '-input=false',
        `-backend-config=bucket=${backend.bucket}`,
        `-backend-config=key=${backend.key}`,
        `-backend-config=region=${backend.region}`,
        '-backend-config=use_lockfile=true',
      ],
      true,
    );
  }

  async plan(varFile: string, planFile: string): Promise<void> {
    await this.exec(
      'plan',
      ['-input=false', `-lock-timeout=${this.lockTimeout}`, `-var-file=${varFile}`, `-out=${planFile}`],
      true,
    );
  }

  /** The saved plan as JSON (Terraform's machine-readable plan representation). */
  async showPlanJson(planFile: string): Promise<unknown> {
    return parseJson('show -json', await this.exec('show', ['-json', '-no-color', planFile], false));
  }

  /** Applies exactly the saved plan. */
  async apply(planFile: string): Promise<void> {
    await this.exec(
      'apply',
      ['-input=false', `-lock-timeout=${this.lockTimeout}`, '-auto-approve', planFile],
      true,
    );
  }

  /** Root module outputs: `{ name: { value, type, sensitive } }`. */
  async outputJson(): Promise<unknown> {
    return parseJson('output -json', await this.exec('output', ['-json', '-no-color'], false));
  }

  async destroy(varFile: string): Promise<void> {
    await this.exec(
      'destroy',
      ['-input=false', `-lock-timeout=${this.lockTimeout}`, '-auto-approve', `-var-file=${varFile}`],
      true,
    );
  }
}

function parseJson(command: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // The text may hold sensitive values: say how long it was, not what it said.
    throw new Error(`terraform ${command} did not print valid JSON (${text.length} characters)`);
  }
}
