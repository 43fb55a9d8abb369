import { describe, expect, it } from 'vitest';
import { decideVerdict, explainRung, ladderTargetRate, maxSustainableRate } from '../../src/index.js';
import { failingRung, invalidRung, profile, rung } from './support.js';

const config = await profile('local'); // ladder 5, 10, 20 transfers/s

describe('decideVerdict', () => {
  it('passes when every ladder rung passed, up to the target rung', () => {
    expect(ladderTargetRate(config)).toBe(20);
    expect(decideVerdict([rung(1, 5), rung(2, 10), rung(3, 20)], config)).toEqual({
      outcome: 'PASS',
      summary: 'Every ladder rung passed, up to the target of 20 transfers/s (rung 3).',
      decidingRung: 3,
    });
  });

  it('fails on the first failing ladder rung, naming its first failed SLO', () => {
    const verdict = decideVerdict([rung(1, 5), failingRung(2, 10), failingRung(3, 20)], config);
    expect(verdict).toEqual({
      outcome: 'FAIL',
      summary: 'Rung 2 (10 transfers/s) failed: transfer p99 1,240 ms is above the 1,000 ms ceiling.',
      decidingRung: 2,
    });
  });

  it('lets a valid failure decide over an invalid rung: the target was measured to fall short', () => {
    const verdict = decideVerdict([invalidRung(1, 5), failingRung(2, 10), rung(3, 20)], config);
    expect(verdict.outcome).toBe('FAIL');
    expect(verdict.decidingRung).toBe(2);
  });

  it('is invalid when a ladder rung is invalid and none failed', () => {
    expect(decideVerdict([rung(1, 5), invalidRung(2, 10), rung(3, 20)], config)).toEqual({
      outcome: 'INVALID',
      summary: 'Rung 2 (10 transfers/s) is invalid: hub committed 140, k6 completed 149.',
      decidingRung: 2,
    });
  });

  it('is invalid when the ladder stopped before the target rate', () => {
    expect(decideVerdict([rung(1, 5), rung(2, 10)], config)).toEqual({
      outcome: 'INVALID',
      summary:
        'The ladder stopped before the target: no rung ran at 20 transfers/s, so the target is not proven.',
      decidingRung: null,
    });
    expect(decideVerdict([], config).summary).toBe(
      'No ladder rung ran: no rung ran at 5, 10, 20 transfers/s, so the target is not proven.',
    );
  });

  it('ignores stress rungs: failing above the target is how the search ends', () => {
    const rungs = [
      rung(1, 5),
      rung(2, 10),
      rung(3, 20),
      rung(4, 30, { kind: 'stress' }),
      failingRung(5, 45, 'stress'),
    ];
    expect(decideVerdict(rungs, config).outcome).toBe('PASS');
    // A stress rung at the target rate does not stand in for the ladder rung.
    expect(decideVerdict([rung(1, 5), rung(2, 10), rung(3, 20, { kind: 'stress' })], config).outcome).toBe(
      'INVALID',
    );
  });

  it('explains every outcome in one sentence', () => {
    expect(explainRung(rung(1, 5))).toBe('Rung 1 (5 transfers/s) passed every SLO with a valid measurement.');
    const twoSlos = {
      ...failingRung(2, 10),
      failedSlos: [
        { slo: 'successPercent' as const, threshold: 99.5, observed: 97.25 },
        { slo: 'transferP99Ms' as const, threshold: 1000, observed: 1240 },
      ],
    };
    expect(explainRung(twoSlos)).toBe(
      'Rung 2 (10 transfers/s) failed: success 97.25 % is below the 99.50 % floor (and 1 more SLO).',
    );
    const reasons = {
      ...invalidRung(3, 20, 'runner 1 exited 107.'),
      invalidReasons: ['runner 1 exited 107.', 'x', 'y'],
    };
    expect(explainRung(reasons)).toBe(
      'Rung 3 (20 transfers/s) is invalid: runner 1 exited 107 (and 2 more reasons).',
    );
  });
});

describe('maxSustainableRate', () => {
  it('is the highest passing rate, ladder or stress, with the rung that proved it', () => {
    const rungs = [
      rung(1, 5),
      rung(2, 10),
      rung(3, 20),
      rung(4, 30, { kind: 'stress' }),
      failingRung(5, 45, 'stress'),
      rung(6, 37.5, { kind: 'stress' }),
    ];
    expect(maxSustainableRate(rungs)).toEqual({ rate: 37.5, basis: { index: 6, kind: 'stress' } });
  });

  it('counts only PASS rungs, takes the first at a repeated rate, and is null when none passed', () => {
    expect(maxSustainableRate([rung(1, 5), invalidRung(2, 10), rung(3, 5)])).toEqual({
      rate: 5,
      basis: { index: 1, kind: 'ladder' },
    });
    expect(maxSustainableRate([failingRung(1, 5), invalidRung(2, 10)])).toEqual({ rate: null, basis: null });
  });
});
