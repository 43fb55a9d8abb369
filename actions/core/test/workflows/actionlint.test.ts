import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { gateEnvironment, readToolchain } from '../../../../tools/lib/toolchain.js';
import { actionlintArgs, parseActionlintJson, runActionlint } from '../../src/workflows/actionlint.js';
import {
  type CommandOutput,
  type CommandRunner,
  locateTool,
  ToolNotFoundError,
} from '../../src/workflows/command.js';
import { fixtureVariant, lineOf, removeVariants } from './fixture-dirs.js';

const scratch: string[] = [];
afterAll(async () => {
  await removeVariants();
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mlperf-actionlint-'));
  scratch.push(dir);
  return dir;
}

// The real binary, found the way the gate runner finds it: the tools dir recorded by the bootstrap in
// .run/toolchain.env and $MLPERF_TOOLS_BIN first, then PATH. When it is missing these tests fail with
// ToolNotFoundError, whose message says to run `bash tools/bootstrap.sh`.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const gateEnv = gateEnvironment(readToolchain(ROOT), process.env);

describe('actionlint gate (real actionlint)', () => {
  it('fails a workflow with an unterminated ${{ expression and points at its line', async () => {
    const dir = await fixtureVariant('actionlint');
    const result = await runActionlint({ cwd: dir, files: ['broken-expression.yml'], env: gateEnv });
    const line = await lineOf(dir, 'broken-expression.yml', 'PR_NUMBER:');
    expect(result.ok).toBe(false);
    expect(result.exitCode).toBe(1);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ file: 'broken-expression.yml', line, kind: 'expression' }),
    );
    expect(result.report).toContain(`broken-expression.yml:${line}:`);
  });

  it('passes the same workflow with the expression closed', async () => {
    const dir = await fixtureVariant('actionlint');
    const result = await runActionlint({ cwd: dir, files: ['fixed-expression.yml'], env: gateEnv });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.exitCode).toBe(0);
  });

  it('uses fixtures that differ only in that expression (and their header comment)', async () => {
    const dir = await fixtureVariant('actionlint');
    const fixed = (await readFile(path.join(dir, 'fixed-expression.yml'), 'utf8')).split('\n');
    const broken = (await readFile(path.join(dir, 'broken-expression.yml'), 'utf8')).split('\n');
    expect(broken).toHaveLength(fixed.length);
    const differing = fixed.flatMap((text, i) => (text === broken[i] ? [] : [i + 1]));
    const line = await lineOf(dir, 'broken-expression.yml', 'PR_NUMBER:');
    expect(differing).toEqual([1, line]);
    expect(fixed[line - 1]).toBe(`${broken[line - 1]} }}`);
  });
});

describe('runActionlint with an injected runner', () => {
  const problem = {
    message: 'property "nope" is not defined',
    filepath: 'ci.yml',
    line: 12,
    column: 20,
    kind: 'expression',
    snippet: '...',
    end_column: 24,
  };

  it('asks for JSON output and reports each problem as file:line:col: [kind] message', async () => {
    const calls: { command: string; args: readonly string[]; path: string | undefined }[] = [];
    const run: CommandRunner = async (command, args, options) => {
      calls.push({ command, args, path: options.env.PATH });
      return { code: 1, stdout: JSON.stringify([problem]), stderr: '' };
    };
    const result = await runActionlint({
      cwd: '/repo',
      files: ['ci.yml'],
      binary: '/tools/actionlint',
      env: { PATH: '/usr/bin', MLPERF_TOOLS_BIN: '/tools' },
      run,
    });
    expect(calls).toEqual([
      {
        command: '/tools/actionlint',
        args: ['-no-color', '-format', '{{json .}}', 'ci.yml'],
        path: `/tools${path.delimiter}/usr/bin`,
      },
    ]);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { file: 'ci.yml', line: 12, column: 20, kind: 'expression', message: 'property "nope" is not defined' },
    ]);
    expect(result.report).toBe('ci.yml:12:20: [expression] property "nope" is not defined');
  });

  it('passes only on exit 0 with no problems', async () => {
    const clean: CommandRunner = async () => ({ code: 0, stdout: '[]\n', stderr: '' });
    expect((await runActionlint({ cwd: '/', binary: 'x', run: clean })).ok).toBe(true);
    const garbled: CommandRunner = async () => ({ code: 0, stdout: 'not json', stderr: '' });
    const result = await runActionlint({ cwd: '/', binary: 'x', run: garbled });
    expect(result.ok).toBe(false);
    expect(result.report).toContain("could not read actionlint's JSON output");
  });

  it("fails with actionlint's own message on a fatal error (exit 3)", async () => {
    const fatal: CommandRunner = async (): Promise<CommandOutput> => ({
      code: 3,
      stdout: '',
      stderr: 'could not read "gone.yml": no such file or directory\n',
    });
    const result = await runActionlint({ cwd: '/', binary: 'x', files: ['gone.yml'], run: fatal });
    expect(result.ok).toBe(false);
    expect(result.exitCode).toBe(3);
    expect(result.report).toContain('actionlint exited 3');
    expect(result.report).toContain('could not read "gone.yml"');
  });

  it('passes optional settings through as flags', () => {
    expect(actionlintArgs({ shellcheck: '', pyflakes: '', configFile: 'a.yaml', files: ['w.yml'] })).toEqual([
      '-no-color',
      '-format',
      '{{json .}}',
      '-shellcheck=',
      '-pyflakes=',
      '-config-file',
      'a.yaml',
      'w.yml',
    ]);
  });

  it('rejects JSON problems without a file, line or message', () => {
    expect(parseActionlintJson('null')).toEqual([]);
    expect(() => parseActionlintJson('[{"message":"m"}]')).toThrow(/lacks filepath/);
    expect(() => parseActionlintJson('{}')).toThrow(/array/);
  });
});

describe('locating actionlint', () => {
  it('finds the binary in $MLPERF_TOOLS_BIN before PATH and runs it', async () => {
    const tools = await scratchDir();
    const other = await scratchDir();
    const fake = (label: string) =>
      `#!/bin/sh\necho '[{"message":"${label}","filepath":"w.yml","line":3,"column":1,"kind":"syntax-check"}]'\nexit 1\n`;
    for (const [dir, label] of [
      [tools, 'from tools bin'],
      [other, 'from PATH'],
    ] as const) {
      await writeFile(path.join(dir, 'actionlint'), fake(label));
      await chmod(path.join(dir, 'actionlint'), 0o755);
    }
    const env = { PATH: other, MLPERF_TOOLS_BIN: tools };
    expect(locateTool('actionlint', env)).toBe(path.join(tools, 'actionlint'));
    const result = await runActionlint({ cwd: tools, env });
    expect(result.problems.map((p) => p.message)).toEqual(['from tools bin']);
    expect(result.report).toBe('w.yml:3:1: [syntax-check] from tools bin');
  });

  it('skips files that are not executable', async () => {
    const dir = await scratchDir();
    await writeFile(path.join(dir, 'actionlint'), 'not executable');
    await chmod(path.join(dir, 'actionlint'), 0o644);
    expect(locateTool('actionlint', { PATH: dir })).toBeNull();
  });

  it('fails, naming the bootstrap, when actionlint is not installed', async () => {
    const empty = await scratchDir();
    const attempt = runActionlint({ cwd: empty, env: { PATH: empty } });
    await expect(attempt).rejects.toBeInstanceOf(ToolNotFoundError);
    await expect(attempt).rejects.toThrow('run `bash tools/bootstrap.sh`');
  });
});
