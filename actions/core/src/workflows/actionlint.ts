/**
 * Runs actionlint (https://github.com/rhysd/actionlint) and returns its problems as data.
 *
 * actionlint exits 0 when clean, 1 when it found problems, 2 for a bad command line and 3 for a fatal
 * error (an unreadable file, no project found). Only 0 is a pass. Output is requested as JSON so each
 * problem keeps its file, line and column; `report` renders them one per line for logs.
 */
import {
  type CommandRunner,
  locateTool,
  spawnCommand,
  ToolNotFoundError,
  toolEnvironment,
  toolSearchPath,
} from './command.js';

export interface ActionlintOptions {
  /** Working directory. Without `files`, actionlint checks the project's `.github/workflows` from here. */
  cwd: string;
  /** Workflow files to check (relative to `cwd` or absolute). */
  files?: readonly string[];
  /** Environment used to find and run the tool; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Command runner; default spawns the process. Tests inject a fake. */
  run?: CommandRunner;
  /** Full path of the actionlint binary; default: located on `$MLPERF_TOOLS_BIN` / `$PATH`. */
  binary?: string;
  /** shellcheck command for `run:` scripts; `''` disables it. Default: actionlint's (shellcheck on PATH). */
  shellcheck?: string;
  /** pyflakes command for Python scripts; `''` disables it. Default: actionlint's. */
  pyflakes?: string;
  /** An actionlint config file; default: actionlint's own lookup (`.github/actionlint.yaml`). */
  configFile?: string;
}

export interface ActionlintProblem {
  file: string;
  line: number;
  column: number;
  /** actionlint's rule, e.g. `expression`, `syntax-check`, `shellcheck`. */
  kind: string;
  message: string;
}

export interface ActionlintResult {
  /** True only when actionlint exited 0. */
  ok: boolean;
  exitCode: number;
  binary: string;
  problems: ActionlintProblem[];
  /** Human-readable: one `file:line:col: [kind] message` per problem, or actionlint's own error text. */
  report: string;
}

/** Builds the actionlint argument list (JSON output, no colour). */
export function actionlintArgs(
  options: Pick<ActionlintOptions, 'files' | 'shellcheck' | 'pyflakes' | 'configFile'>,
): string[] {
  const args = ['-no-color', '-format', '{{json .}}'];
  if (options.shellcheck !== undefined) args.push(`-shellcheck=${options.shellcheck}`);
  if (options.pyflakes !== undefined) args.push(`-pyflakes=${options.pyflakes}`);
  if (options.configFile !== undefined) args.push('-config-file', options.configFile);
  args.push(...(options.files ?? []));
  return args;
}

/**
 * Runs actionlint. Throws `ToolNotFoundError` (whose message says to run `bash tools/bootstrap.sh`) when
 * the binary is not installed; every other outcome is a result, with `ok` false unless the exit code is 0.
 */
export async function runActionlint(options: ActionlintOptions): Promise<ActionlintResult> {
  const env = options.env ?? process.env;
  const binary = options.binary ?? locateTool('actionlint', env);
  if (binary === null) throw new ToolNotFoundError('actionlint', toolSearchPath(env), env.MLPERF_TOOLS_BIN);
  const run = options.run ?? spawnCommand;
  const output = await run(binary, actionlintArgs(options), { cwd: options.cwd, env: toolEnvironment(env) });

  let problems: ActionlintProblem[] = [];
  let parseFailure: string | undefined;
  if (output.code === 0 || output.code === 1) {
    try {
      problems = parseActionlintJson(output.stdout);
    } catch (error) {
      parseFailure = `could not read actionlint's JSON output: ${(error as Error).message}`;
    }
  }
  const lines = problems.map(formatActionlintProblem);
  if (parseFailure !== undefined || (output.code !== 0 && problems.length === 0)) {
    lines.push(
      `actionlint exited ${output.code}${parseFailure ? ` (${parseFailure})` : ''}`,
      ...[output.stderr.trim(), output.stdout.trim()].filter(Boolean),
    );
  }
  return {
    ok: output.code === 0 && parseFailure === undefined,
    exitCode: output.code,
    binary,
    problems,
    report: lines.join('\n'),
  };
}

/** Parses `-format '{{json .}}'` output: a JSON array of problems (`[]` or `null` when clean). */
export function parseActionlintJson(stdout: string): ActionlintProblem[] {
  const text = stdout.trim();
  if (text === '' || text === 'null') return [];
  const data: unknown = JSON.parse(text);
  if (!Array.isArray(data)) throw new Error('expected a JSON array');
  return data.map((item: unknown, index) => {
    const entry = (item ?? {}) as Record<string, unknown>;
    const { filepath, line, column, kind, message } = entry;
    if (typeof filepath !== 'string' || typeof line !== 'number' || typeof message !== 'string') {
      throw new Error(`problem ${index} lacks filepath/line/message`);
    }
    return {
      file: filepath,
      line,
      column: typeof column === 'number' ? column : 0,
      kind: typeof kind === 'string' ? kind : 'unknown',
      message,
    };
  });
}

export function formatActionlintProblem(problem: ActionlintProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: [${problem.kind}] ${problem.message}`;
}
