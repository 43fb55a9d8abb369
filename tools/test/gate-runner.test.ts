import { describe, expect, it } from 'vitest';
import { formatGateLine, type Gate, runGates, summaryLine, tail } from '../lib/gate-runner.js';
import { parseEnvFile } from '../lib/toolchain.js';

describe('gate runner', () => {
  it('counts passes, failures and skips, and keeps going after a failure', async () => {
    const gates: Gate[] = [
      { name: 'a', run: async () => ({ status: 'pass' }) },
      { name: 'b', run: async () => ({ status: 'fail', detail: 'broken' }) },
      { name: 'c', run: async () => ({ status: 'skip', reason: 'no charts yet' }) },
      {
        name: 'd',
        run: async () => {
          throw new Error('exploded');
        },
      },
    ];
    const lines: string[] = [];
    const reports = await runGates(gates, (line) => lines.push(line));
    expect(reports.map((r) => r.outcome.status)).toEqual(['pass', 'fail', 'skip', 'fail']);
    expect(summaryLine(reports)).toBe('gates: 1 passed, 2 failed, 1 skipped');
    expect(lines[2]).toBe('SKIPPED c — no charts yet');
    expect(lines[3]).toContain('exploded');
  });

  it('prints the failure detail under the gate line', () => {
    const line = formatGateLine({
      name: 'lint',
      seconds: 1.25,
      outcome: { status: 'fail', detail: 'x.ts:1 bad' },
    });
    expect(line).toBe('FAIL    lint (1.3 s)\n        x.ts:1 bad');
  });

  it('keeps the last non-empty lines of output', () => {
    expect(tail('a\n\nb\nc\n\n', 2)).toBe('b\nc');
  });
});

describe('toolchain.env parsing', () => {
  it('reads KEY=value lines, strips quotes and ignores comments', () => {
    const text =
      '# recorded by bootstrap\nTERRAFORM_CHECKS=skip\nTERRAFORM_SKIP_REASON="no provider mirror"\n\nBROKEN\n';
    expect(parseEnvFile(text)).toEqual({
      TERRAFORM_CHECKS: 'skip',
      TERRAFORM_SKIP_REASON: 'no provider mirror',
    });
  });
});
