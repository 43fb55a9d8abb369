import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCommand } from '../../src/workflows/command.js';
import { fixtureVariant, lineOf, removeVariants } from './fixture-dirs.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

afterAll(removeVariants);

function cli(...args: string[]) {
  return spawnCommand(TSX, [path.join(ROOT, 'tools', 'check-workflows.ts'), ...args], {
    cwd: ROOT,
    env: process.env,
  });
}

describe('tools/check-workflows.ts', () => {
  it('prints the summary and exits 0 when the contracts hold', async () => {
    const dir = await fixtureVariant('contract/good');
    const result = await cli(dir);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(
      'workflow contracts: 2 workflows, 2 reusable calls checked, 0 findings',
    );
    expect(result.code).toBe(0);
  });

  it('prints file:line: [rule] message per finding and exits 1', async () => {
    const dir = await fixtureVariant('contract/good', {
      'pipeline.yml': [['      target-tps: 100\n', '']],
      'rung.yml': [['jobs.run.outputs.verdict }}', 'jobs.run.outputs.verdicts }}']],
    });
    const result = await cli(dir);
    const usesLine = await lineOf(
      dir,
      'pipeline.yml',
      'uses: ./.github/workflows/rung.yml',
      'needs: prepare',
    );
    const outputLine = await lineOf(dir, 'rung.yml', 'jobs.run.outputs.verdicts');
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]?.startsWith(`${path.join(dir, 'pipeline.yml')}:${usesLine}: [input-missing] `)).toBe(
      true,
    );
    expect(lines[0]).toContain('"target-tps"');
    expect(lines[1]?.startsWith(`${path.join(dir, 'rung.yml')}:${outputLine}: [call-output-unknown] `)).toBe(
      true,
    );
    expect(lines[1]).toContain('"verdicts"');
    expect(lines[2]).toBe('workflow contracts: 2 workflows, 2 reusable calls checked, 2 findings');
    expect(result.code).toBe(1);
  });

  it('exits 2 when the directory cannot be read', async () => {
    const result = await cli(path.join(ROOT, 'no-such-workflow-dir'));
    expect(result.stderr).toContain('cannot read workflow directory');
    expect(result.code).toBe(2);
  });
});
