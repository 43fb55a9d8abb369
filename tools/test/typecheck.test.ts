import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../lib/gate-runner.js';
import { repoRoot } from '../lib/paths.js';

const root = repoRoot();
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
const fixture = (name: string) =>
  path.join(root, 'tools', 'test', 'fixtures', 'typecheck', name, 'tsconfig.json');

describe('type-check gate (strict settings of tsconfig.base.json)', () => {
  it('fails on a wrong property type and an implicit any', async () => {
    const result = await runCommand(tsc, ['--noEmit', '-p', fixture('bad')], { cwd: root, env: process.env });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/rung\.ts\(5,\d+\): error TS2322/);
    expect(result.output).toMatch(/rung\.ts\(6,\d+\): error TS7006/);
  });

  it('passes once the defect is fixed', async () => {
    const result = await runCommand(tsc, ['--noEmit', '-p', fixture('good')], {
      cwd: root,
      env: process.env,
    });
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });
});
