import { describe, expect, it } from 'vitest';
import {
  checkCounts,
  checkOfferedLoad,
  checkRunners,
  countTolerance,
  DEFAULT_VALIDITY_OPTIONS,
  decideOutcome,
  describeExitCode,
  evaluateRung,
  evaluateSlos,
  type Fact,
  type FailedSlo,
  planRung,
  RunConfigSchema,
  type RungEvaluationInput,
  type RungMeasurement,
  type RunnerExit,
  type SloSettings,
} from '../../src/index.js';

const SLO: SloSettings = RunConfigSchema.shape.slo.parse(undefined);
const PLAN = planRung(1000, { warmupSeconds: 300, holdSeconds: 1200, drainSeconds: 120 }, 3, 'ladder');
const START = Date.parse('2026-11-25T12:00:00Z');

/** A healthy 1000/s rung over a 1200 s window (the whitepaper's round-2 numbers, roughly). */
function healthy(): RungMeasurement {
  return {
    targetRate: 1000,
    window: { start: START + 300_000, end: START + 1_500_000, seconds: 1200 },
    achievedRate: 999.6,
    successPercent: 99.96,
    completed: 1_199_520,
    failed: 480,
    failedByCode: { '5001': 480 },
    iterations: 1_200_000,
    droppedIterations: 0,
    droppedPercent: 0,
    latency: {
      e2e: { p50: 502, p95: 755, p99: 944 },
      discovery: { p50: 12, p95: 25, p99: 37 },
      quote: { p50: 90, p95: 160, p99: 217 },
      transfer: { p50: 300, p95: 610, p99: 783 },
    },
    hubCommitted: 1_199_530,
  };
}

const CLEAN: RunnerExit[] = [{ id: 'runner-1', exitCode: 0 }];

function input(overrides: Partial<RungEvaluationInput> = {}): RungEvaluationInput {
  return {
    rung: PLAN,
    measurement: healthy(),
    runners: CLEAN,
    expectedRunners: 1,
    startedAt: START,
    endedAt: START + 1_620_000,
    ...overrides,
  };
}

const withMeasurement = (change: (m: RungMeasurement) => void): RungEvaluationInput => {
  const m = healthy();
  change(m);
  return input({ measurement: m });
};

describe('evaluateRung: a healthy rung', () => {
  it('passes, with every validity fact true and nothing to explain', () => {
    const evaluation = evaluateRung(input(), SLO);
    expect(evaluation).toEqual({
      rung: PLAN,
      stage: 'evaluated',
      startedAt: START,
      endedAt: START + 1_620_000,
      runners: CLEAN,
      measurement: healthy(),
      validity: { runnersClean: true, countsAgree: true, droppedWithinBounds: true, reasons: [] },
      outcome: 'PASS',
      failedSlos: [],
      invalidReasons: [],
      notes: [],
    });
  });
});

describe('SLOs (defaults of ARCHITECTURE §5)', () => {
  it.each<[string, (m: RungMeasurement) => void, FailedSlo[]]>([
    [
      'success below 99.5 %',
      (m) => (m.successPercent = 99.4),
      [{ slo: 'successPercent', threshold: 99.5, observed: 99.4 }],
    ],
    [
      'achieved below 99 % of target',
      (m) => (m.achievedRate = 989.9),
      [{ slo: 'achievedRatePercent', threshold: 99, observed: 98.99 }],
    ],
    [
      'transfer p99 above 1 s',
      (m) => (m.latency.transfer.p99 = 1000.5),
      [{ slo: 'transferP99Ms', threshold: 1000, observed: 1000.5 }],
    ],
    [
      'dropped above 1 %',
      (m) => {
        m.droppedIterations = 14_000;
        m.iterations = 1_186_000;
        m.droppedPercent = 1.1667;
      },
      [{ slo: 'maxDroppedPercent', threshold: 1, observed: 1.1667 }],
    ],
  ])('%s → FAIL', (_, change, failed) => {
    const evaluation = evaluateRung(withMeasurement(change), SLO);
    expect(evaluation.outcome).toBe('FAIL');
    expect(evaluation.failedSlos).toHaveLength(1);
    expect(evaluation.failedSlos[0]?.slo).toBe(failed[0]?.slo);
    expect(evaluation.failedSlos[0]?.threshold).toBe(failed[0]?.threshold);
    expect(evaluation.failedSlos[0]?.observed).toBeCloseTo(failed[0]?.observed ?? Number.NaN, 6);
    expect(evaluation.invalidReasons).toEqual([]);
  });

  it.each<[string, (m: RungMeasurement) => void]>([
    ['success exactly 99.5 %', (m) => (m.successPercent = 99.5)],
    ['achieved exactly 99 % of target (990 of 1000)', (m) => (m.achievedRate = 990)],
    ['transfer p99 exactly 1 s', (m) => (m.latency.transfer.p99 = 1000)],
    ['dropped exactly 1 %', (m) => (m.droppedPercent = 1)],
    [
      'e2e and other legs slow, with no e2e SLO configured',
      (m) => (m.latency.e2e = { p50: 5000, p95: 9000, p99: 9999 }),
    ],
    ['a missing percentile no SLO needs', (m) => (m.latency.quote = { p50: null, p95: null, p99: null })],
  ])('%s → PASS (boundaries hold)', (_, change) => {
    expect(evaluateRung(withMeasurement(change), SLO).outcome).toBe('PASS');
  });

  it('checks each configured e2e percentile', () => {
    const slo: SloSettings = { ...SLO, e2e: { p50Ms: 500, p95Ms: 800, p99Ms: 1000 } };
    expect(evaluateSlos(healthy(), slo).failedSlos).toEqual([
      { slo: 'e2eP50Ms', threshold: 500, observed: 502 },
    ]);
    const fast = healthy();
    fast.latency.e2e = { p50: 400, p95: 800, p99: 1000 };
    expect(evaluateSlos(fast, slo)).toEqual({ failedSlos: [], missing: [] });
  });

  it('reports every failed SLO at once', () => {
    const m = healthy();
    m.successPercent = 90;
    m.achievedRate = 500;
    m.latency.transfer.p99 = 4000;
    m.droppedPercent = 30;
    expect(evaluateSlos(m, SLO).failedSlos.map((f) => f.slo)).toEqual([
      'successPercent',
      'achievedRatePercent',
      'transferP99Ms',
      'maxDroppedPercent',
    ]);
  });
});

describe('missing samples are INVALID, never PASS', () => {
  it.each<[string, (m: RungMeasurement) => void, string]>([
    ['transfer p99', (m) => (m.latency.transfer.p99 = null), 'transfer p99: no samples in the steady window'],
    ['success rate', (m) => (m.successPercent = null), 'success rate: no samples in the steady window'],
    ['achieved rate', (m) => (m.achievedRate = null), 'achieved rate: no samples in the steady window'],
  ])('%s missing', (_, change, reason) => {
    const evaluation = evaluateRung(withMeasurement(change), SLO);
    expect(evaluation.outcome).toBe('INVALID');
    expect(evaluation.invalidReasons).toContain(reason);
  });

  it('a configured e2e percentile without samples', () => {
    const slo: SloSettings = { ...SLO, e2e: { p95Ms: 800 } };
    const evaluation = evaluateRung(
      withMeasurement((m) => (m.latency.e2e.p95 = null)),
      slo,
    );
    expect(evaluation.outcome).toBe('INVALID');
    expect(evaluation.invalidReasons).toEqual(['e2e p95: no samples in the steady window']);
  });

  it('dropped iterations not measured: the fact is unknown and the rung INVALID', () => {
    const evaluation = evaluateRung(
      withMeasurement((m) => {
        m.droppedIterations = null;
        m.droppedPercent = null;
      }),
      SLO,
    );
    expect(evaluation.validity.droppedWithinBounds).toBe('unknown');
    expect(evaluation.outcome).toBe('INVALID');
  });

  it('nothing measured at all', () => {
    const evaluation = evaluateRung(input({ measurement: null }), SLO);
    expect(evaluation.outcome).toBe('INVALID');
    expect(evaluation.validity).toMatchObject({ countsAgree: 'unknown', droppedWithinBounds: 'unknown' });
    expect(evaluation.invalidReasons).toEqual(['nothing was measured']);
  });

  it('INVALID wins over FAIL', () => {
    const evaluation = evaluateRung(
      {
        ...withMeasurement((m) => (m.successPercent = 50)),
        runners: [{ id: 'runner-1', exitCode: 107 }],
      },
      SLO,
    );
    expect(evaluation.failedSlos.map((f) => f.slo)).toEqual(['successPercent']);
    expect(evaluation.outcome).toBe('INVALID');
  });
});

describe('runnersClean', () => {
  it.each<[string, RunnerExit[], number, Fact, string[], string[]]>([
    [
      'all exit 0',
      [
        { id: 'a', exitCode: 0 },
        { id: 'b', exitCode: 0 },
      ],
      2,
      true,
      [],
      [],
    ],
    [
      'exit 99: thresholds failed is a clean exit, with a note',
      [{ id: 'a', exitCode: 99 }],
      1,
      true,
      [],
      [
        'runner a: k6 thresholds failed (exit 99, thresholds failed); the verdict comes from the SLOs over the steady window',
      ],
    ],
    [
      'exit 107 names the runner and the code',
      [
        { id: 'a', exitCode: 0 },
        { id: 'b', exitCode: 107 },
      ],
      2,
      false,
      ['runner b: exit 107, script exception'],
      [],
    ],
    ['exit 104', [{ id: 'a', exitCode: 104 }], 1, false, ['runner a: exit 104, invalid configuration'], []],
    [
      'exit 108',
      [{ id: 'a', exitCode: 108 }],
      1,
      false,
      ['runner a: exit 108, script aborted (test.abort())'],
      [],
    ],
    ['an exit code k6 does not document', [{ id: 'a', exitCode: 137 }], 1, false, ['runner a: exit 137'], []],
    ['status unknown', [{ id: 'a', exitCode: null }], 1, 'unknown', ['runner a: exit status unknown'], []],
    [
      'a runner missing',
      [{ id: 'a', exitCode: 0 }],
      3,
      false,
      ['2 of 3 runner(s) missing: no exit status reported'],
      [],
    ],
    ['no runner at all', [], 1, false, ['1 of 1 runner(s) missing: no exit status reported'], []],
    [
      'a runner reported twice',
      [
        { id: 'a', exitCode: 0 },
        { id: 'a', exitCode: 0 },
      ],
      2,
      false,
      ['runner a reported more than once', '1 of 2 runner(s) missing: no exit status reported'],
      [],
    ],
    [
      'more runners than expected',
      [
        { id: 'a', exitCode: 0 },
        { id: 'b', exitCode: 0 },
      ],
      1,
      false,
      ['2 runners reported, 1 expected'],
      [],
    ],
    [
      'a failure outweighs an unknown',
      [
        { id: 'a', exitCode: null },
        { id: 'b', exitCode: 1 },
      ],
      2,
      false,
      ['runner a: exit status unknown', 'runner b: exit 1'],
      [],
    ],
  ])('%s', (_, runners, expected, fact, reasons, notes) => {
    expect(checkRunners(runners, expected)).toEqual({ fact, reasons, notes });
  });

  it('an unclean runner makes the rung INVALID with the reason', () => {
    const evaluation = evaluateRung(input({ runners: [{ id: 'runner-1', exitCode: 107 }] }), SLO);
    expect(evaluation.outcome).toBe('INVALID');
    expect(evaluation.invalidReasons).toEqual(['runner runner-1: exit 107, script exception']);
  });

  it('exit 99 alone still passes on the SLOs, and says so', () => {
    const evaluation = evaluateRung(input({ runners: [{ id: 'runner-1', exitCode: 99 }] }), SLO);
    expect(evaluation.outcome).toBe('PASS');
    expect(evaluation.notes).toHaveLength(1);
  });

  it('describes exit codes', () => {
    expect(describeExitCode(105)).toBe('exit 105, aborted by a signal');
    expect(describeExitCode(2)).toBe('exit 2');
  });
});

describe('countsAgree: hub committed vs k6 completed, within the in-flight tolerance', () => {
  it('tolerance is max(⌈rate × 2 s⌉, ⌈1 % of the count⌉)', () => {
    expect(countTolerance(5, 150, DEFAULT_VALIDITY_OPTIONS)).toBe(10);
    expect(countTolerance(1000, 1_199_520, DEFAULT_VALIDITY_OPTIONS)).toBe(11_996);
    expect(countTolerance(1000, 10_000, DEFAULT_VALIDITY_OPTIONS)).toBe(2000);
    expect(countTolerance(7, 0, { inflightSeconds: 0.5, countTolerancePercent: 1 })).toBe(4);
  });

  const measured = (hubCommitted: number | null, completed: number | null, rate = 5): RungMeasurement => ({
    ...healthy(),
    targetRate: rate,
    hubCommitted,
    completed,
  });

  it.each<[number | null, number | null, Fact]>([
    [150, 150, true],
    [160, 150, true],
    [140, 150, true],
    [161, 150, false],
    [139, 150, false],
    [0, 150, false],
    [null, 150, 'unknown'],
    [150, null, 'unknown'],
  ])('hub %s vs k6 %s at 5/s → %s', (hub, k6, fact) => {
    expect(checkCounts(measured(hub, k6), DEFAULT_VALIDITY_OPTIONS).fact).toBe(fact);
  });

  it('says both counts and the tolerance when they disagree', () => {
    expect(checkCounts(measured(200, 150), DEFAULT_VALIDITY_OPTIONS).reasons).toEqual([
      'hub committed 200 but k6 completed 150 (difference 50, tolerance 10)',
    ]);
  });

  it('a disagreement makes the rung INVALID even when every SLO holds', () => {
    const evaluation = evaluateRung(
      withMeasurement((m) => (m.hubCommitted = 1_100_000)),
      SLO,
    );
    expect(evaluation.failedSlos).toEqual([]);
    expect(evaluation.validity.countsAgree).toBe(false);
    expect(evaluation.outcome).toBe('INVALID');
  });
});

describe('droppedWithinBounds: k6 offered the target load', () => {
  const offered = (iterations: number | null, dropped: number | null): RungMeasurement => ({
    ...healthy(),
    iterations,
    droppedIterations: dropped,
  });

  it.each<[number | null, number | null, Fact]>([
    [1_200_000, 0, true],
    [1_100_000, 100_000, true], // heavy dropping is an SLO failure, not an invalid measurement
    [1_188_000, 0, true], // 1 % short: within tolerance
    [1_187_000, 0, false],
    [3_600_000, 0, false], // 3 runners each offering the total instead of a third
    [null, 0, 'unknown'],
    [1_200_000, null, 'unknown'],
  ])('%s finished + %s dropped at 1000/s over 1200 s → %s', (iterations, dropped, fact) => {
    expect(checkOfferedLoad(offered(iterations, dropped), DEFAULT_VALIDITY_OPTIONS).fact).toBe(fact);
  });

  it('explains a rate that was multiplied instead of split', () => {
    expect(checkOfferedLoad(offered(3_600_000, 0), DEFAULT_VALIDITY_OPTIONS).reasons).toEqual([
      'k6 scheduled 3600000 iterations (3600000 finished + 0 dropped) where 1000/s × 1200 s = 1200000 (tolerance 12000); the offered rate was not the target',
    ]);
  });

  it('an overloaded hub that drops iterations FAILs, so the stress search can bisect it', () => {
    const evaluation = evaluateRung(
      withMeasurement((m) => {
        m.iterations = 1_000_000;
        m.droppedIterations = 200_000;
        m.droppedPercent = 16.7;
        m.achievedRate = 833;
        m.completed = 999_600;
        m.hubCommitted = 999_600;
      }),
      SLO,
    );
    expect(evaluation.validity.droppedWithinBounds).toBe(true);
    expect(evaluation.outcome).toBe('FAIL');
    expect(evaluation.failedSlos.map((f) => f.slo)).toEqual(['achievedRatePercent', 'maxDroppedPercent']);
  });
});

describe('aborted and externally invalid rungs', () => {
  it('an aborted rung is INVALID even with perfect numbers', () => {
    const evaluation = evaluateRung(input({ aborted: true }), SLO);
    expect(evaluation.outcome).toBe('INVALID');
    expect(evaluation.invalidReasons).toEqual(['aborted']);
  });

  it('reasons from outside the measurement are kept first', () => {
    const evaluation = evaluateRung(
      input({ measurement: null, runners: [], invalidReasons: ['the load runner failed: boom'] }),
      SLO,
    );
    expect(evaluation.invalidReasons).toEqual([
      'the load runner failed: boom',
      '1 of 1 runner(s) missing: no exit status reported',
    ]);
  });
});

describe('decideOutcome: INVALID never reads as PASS', () => {
  const facts: Fact[] = [true, false, 'unknown'];
  const failed: FailedSlo[] = [{ slo: 'transferP99Ms', threshold: 1000, observed: 2000 }];
  for (const runnersClean of facts) {
    for (const countsAgree of facts) {
      for (const droppedWithinBounds of facts) {
        for (const slos of [[], failed]) {
          for (const reasons of [[], ['aborted']]) {
            const allTrue = runnersClean === true && countsAgree === true && droppedWithinBounds === true;
            const expected = !allTrue || reasons.length > 0 ? 'INVALID' : slos.length > 0 ? 'FAIL' : 'PASS';
            it(`runners ${runnersClean}, counts ${countsAgree}, dropped ${droppedWithinBounds}, ${slos.length} failed SLO(s), ${reasons.length} reason(s) → ${expected}`, () => {
              const validity = { runnersClean, countsAgree, droppedWithinBounds, reasons: [] };
              expect(decideOutcome(validity, slos, reasons)).toBe(expected);
            });
          }
        }
      }
    }
  }
});
