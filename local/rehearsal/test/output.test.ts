import { describe, expect, it } from 'vitest';
import { ladderSkip, ladderSkipReason } from '../src/ladder.js';
import { displayPath, finalBlock, stepLine } from '../src/output.js';

describe('ladder skip', () => {
  it('finds k6 only as an executable file on PATH', () => {
    const files = new Set(['/opt/bin/k6']);
    expect(ladderSkip('/usr/bin::/opt/bin', (f) => files.has(f))).toEqual({
      reason: 'runner-not-built',
      k6Path: '/opt/bin/k6',
    });
    expect(ladderSkip('/usr/bin', (f) => files.has(f))).toEqual({ reason: 'k6-not-installed' });
    expect(ladderSkip('/nonexistent-dir')).toEqual({ reason: 'k6-not-installed' });
  });

  it('says why and what would run it', () => {
    expect(ladderSkipReason({ reason: 'k6-not-installed' }, [5, 10])).toBe(
      'k6 is not installed on this machine (no k6 on PATH; see README, "k6"), so no TPS rung ran (configured: 5, 10 transfers/s). Running the ladder needs k6 on PATH and the k6 runner, which is not built yet.',
    );
    expect(ladderSkipReason({ reason: 'runner-not-built', k6Path: '/x/k6' }, [5])).toMatch(
      /^the k6 runner is not built yet/,
    );
  });
});

describe('output', () => {
  it('prints one aligned line per step', () => {
    expect(stepLine('stack', 'ok', 12_345, '8 DFSPs up')).toBe('[2/7] stack     ok       12.3 s  8 DFSPs up');
    expect(stepLine('smoke', 'skipped', null, 'the stack did not start')).toBe(
      '[5/7] smoke     skipped          the stack did not start',
    );
  });

  it('shows paths relative to the working directory when inside it', () => {
    expect(displayPath('/repo/results/r1/results.json', '/repo')).toBe('results/r1/results.json');
    expect(displayPath('/tmp/r1/results.json', '/repo')).toBe('/tmp/r1/results.json');
  });

  it('ends with LADDER SKIPPED and the failed steps', () => {
    const lines = finalBlock({
      runId: 'rehearsal-1',
      totalMs: 5_000,
      results: null,
      posture: null,
      smoke: null,
      smokeSkipped: 'the stack did not start',
      ladder: { reason: 'k6-not-installed' },
      rates: [5],
      files: [],
      failures: [{ step: 'stack', message: 'hub did not start\nlog tail' }],
      exitCode: 1,
    });
    expect(lines).toEqual([
      '',
      '==== rehearsal rehearsal-1 (5.0 s) ====',
      'verdict: none — results.json was not written',
      'security posture: not verified (verify-security did not run)',
      'smoke: not run (the stack did not start)',
      expect.stringMatching(/^LADDER SKIPPED: k6 is not installed/),
      'rehearsal: FAILED (exit 1) — stack:',
      '  stack: hub did not start',
    ]);
  });
});
