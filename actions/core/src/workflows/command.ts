/**
 * Running external tools (actionlint and friends) behind an injectable function, plus finding them on
 * the PATH the way the gate runner sets it up: `$MLPERF_TOOLS_BIN` (where `tools/bootstrap.sh` puts the
 * pinned binaries) first, then the inherited PATH.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export interface CommandOutput {
  /** Exit code; 127 when the command could not be started, 1 when it was killed by a signal. */
  code: number;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Kill the command after this long; default 5 minutes. */
  timeoutMs?: number;
}

export type CommandRunner = (
  command: string,
  args: readonly string[],
  options: CommandOptions,
) => Promise<CommandOutput>;

/** The default runner: spawns the command without a shell and captures stdout and stderr apart. */
export const spawnCommand: CommandRunner = (command, args, options) =>
  new Promise((resolve) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const timeoutMs = options.timeoutMs ?? 5 * 60_000;
    const timer = setTimeout(() => {
      stderr += `\n${command} did not finish within ${timeoutMs} ms and was stopped\n`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: `${stderr}could not start ${command}: ${error.message}\n` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });

/** The directories searched for tools, in order: `$MLPERF_TOOLS_BIN`, then `$PATH`. */
export function toolSearchPath(env: NodeJS.ProcessEnv): string[] {
  const dirs = [env.MLPERF_TOOLS_BIN ?? '', ...(env.PATH ?? '').split(path.delimiter)];
  return dirs.filter((dir) => dir !== '');
}

/** `env` with `$MLPERF_TOOLS_BIN` prepended to PATH, so tools that call tools find the pinned ones. */
export function toolEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, PATH: toolSearchPath(env).join(path.delimiter) };
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The full path of executable `name` on the tool search path, or null. */
export function locateTool(
  name: string,
  env: NodeJS.ProcessEnv,
  isExecutable: (file: string) => boolean = isExecutableFile,
): string | null {
  for (const dir of toolSearchPath(env)) {
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** A required tool is not installed; the message says how to install it. */
export class ToolNotFoundError extends Error {
  constructor(
    readonly tool: string,
    readonly searched: readonly string[],
    toolsBin: string | undefined,
  ) {
    super(
      `${tool} not found in $MLPERF_TOOLS_BIN (${toolsBin ? toolsBin : 'not set'}) or on PATH ` +
        `(${searched.length} directories searched); run \`bash tools/bootstrap.sh\` to install the pinned tools`,
    );
    this.name = 'ToolNotFoundError';
  }
}
