import { describe, expect, it } from 'vitest';
import {
  buildArrivalRateScenario,
  buildRungOptions,
  describeStage,
  executionSegment,
  executionSegmentSequence,
  type LoadSettings,
  planLadder,
  planStressRung,
  type RungStage,
  splitLoad,
  splitRate,
  stageAt,
  steadyWindow,
} from '../../src/index.js';

const LOAD: LoadSettings = { runners: 3, preAllocatedVUs: 300, maxVUs: 1600 };
const RUNGS = [
  { rate: 100, warmupSeconds: 120, holdSeconds: 300, drainSeconds: 60 },
  { rate: 500, warmupSeconds: 300, holdSeconds: 600, drainSeconds: 120 },
];

describe('planLadder', () => {
  it('numbers the configured rungs and places each steady window after the warm-up', () => {
    expect(planLadder({ rungs: RUNGS })).toEqual([
      {
        id: '1',
        ordinal: 1,
        kind: 'ladder',
        rate: 100,
        warmupSeconds: 120,
        holdSeconds: 300,
        drainSeconds: 60,
        loadSeconds: 420,
        totalSeconds: 480,
        steady: { startOffsetSeconds: 120, endOffsetSeconds: 420 },
      },
      {
        id: '2',
        ordinal: 2,
        kind: 'ladder',
        rate: 500,
        warmupSeconds: 300,
        holdSeconds: 600,
        drainSeconds: 120,
        loadSeconds: 900,
        totalSeconds: 1020,
        steady: { startOffsetSeconds: 300, endOffsetSeconds: 900 },
      },
    ]);
  });

  it('plans a stress rung with the timing of the template rung', () => {
    const plan = planStressRung(1200, RUNGS[1] as (typeof RUNGS)[number], 4);
    expect(plan).toMatchObject({ id: '4', ordinal: 4, kind: 'stress', rate: 1200, totalSeconds: 1020 });
  });
});

describe('steady window and stage', () => {
  const [plan] = planLadder({ rungs: RUNGS });
  if (plan === undefined) throw new Error('no plan');
  const start = Date.parse('2026-11-25T12:00:00Z');

  it('trims the warm-up at the start and the drain at the end', () => {
    expect(steadyWindow(plan, start)).toEqual({ start: start + 120_000, end: start + 420_000, seconds: 300 });
  });

  it.each([
    [null, 0, 'planned'],
    [start, -1, 'planned'],
    [start, 0, 'warming'],
    [start, 119_999, 'warming'],
    [start, 120_000, 'holding'],
    [start, 419_999, 'holding'],
    [start, 420_000, 'draining'],
    [start, 480_000, 'draining'],
  ] as const)('load started %s, +%d ms → %s', (startedAt, offset, stage) => {
    expect(stageAt(plan, startedAt, (startedAt ?? start) + offset)).toBe(stage);
  });

  it('describes every stage', () => {
    const stages: RungStage[] = ['planned', 'warming', 'holding', 'draining', 'evaluated'];
    const lines = stages.map((stage) => describeStage(stage, plan));
    expect(new Set(lines).size).toBe(stages.length);
    expect(lines[2]).toBe('holding 100/s for 300 s (the steady window)');
  });
});

describe('k6 options of a rung', () => {
  const plan = planLadder({ rungs: RUNGS })[1];
  if (plan === undefined) throw new Error('no plan');

  it('builds a constant-arrival-rate scenario: total rate, load for warm-up + hold, drain as gracefulStop', () => {
    expect(buildArrivalRateScenario(plan, LOAD)).toEqual({
      executor: 'constant-arrival-rate',
      rate: 500,
      timeUnit: '1s',
      duration: '900s',
      gracefulStop: '120s',
      preAllocatedVUs: 300,
      maxVUs: 1600,
      exec: 'transfer',
    });
  });

  it('tags every sample with the run id and the rung id and asks the summary for p(99)', () => {
    expect(buildRungOptions(plan, LOAD, 'run-42')).toEqual({
      scenarios: {
        transfers: {
          executor: 'constant-arrival-rate',
          rate: 500,
          timeUnit: '1s',
          duration: '900s',
          gracefulStop: '120s',
          preAllocatedVUs: 300,
          maxVUs: 1600,
          exec: 'transfer',
        },
      },
      tags: { testid: 'run-42', rung: '2' },
      summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'],
    });
  });
});

describe('execution segments', () => {
  it.each([
    [1, 1, '0:1'],
    [1, 2, '0:1/2'],
    [2, 2, '1/2:1'],
    [1, 3, '0:1/3'],
    [2, 3, '1/3:2/3'],
    [3, 3, '2/3:1'],
    [2, 4, '1/4:1/2'],
    [3, 4, '1/2:3/4'],
  ])('runner %d of %d → %s', (index, parallelism, segment) => {
    expect(executionSegment(index, parallelism)).toBe(segment);
  });

  it('lists the segment sequence', () => {
    expect(executionSegmentSequence(4)).toBe('0,1/4,1/2,3/4,1');
    expect(executionSegmentSequence(1)).toBe('0,1');
  });

  it('refuses runner indexes and parallelism out of range', () => {
    expect(() => executionSegment(0, 3)).toThrow(RangeError);
    expect(() => executionSegment(4, 3)).toThrow(RangeError);
    expect(() => executionSegment(1, 0)).toThrow(RangeError);
    expect(() => splitRate(10.5, 2)).toThrow(RangeError);
  });

  /** Parse "a/b" or "0"/"1" as an exact fraction. */
  const parse = (text: string): [bigint, bigint] => {
    const [n, d] = text.split('/');
    return [BigInt(n ?? '0'), BigInt(d ?? '1')];
  };

  it('tiles [0, 1] without gap or overlap', () => {
    for (let n = 1; n <= 12; n++) {
      let end: [bigint, bigint] = [0n, 1n];
      for (let i = 1; i <= n; i++) {
        const [from, to] = executionSegment(i, n).split(':') as [string, string];
        const f = parse(from);
        expect(f[0] * end[1]).toBe(end[0] * f[1]); // this segment starts where the last one ended
        end = parse(to);
      }
      expect(end[0]).toBe(end[1]); // the last one ends at 1
    }
  });
});

describe('splitRate: the per-runner rates k6 derives from the total', () => {
  it('gives each runner its segment share: 1000/s over 3 runners', () => {
    expect(splitRate(1000, 3)).toEqual([333, 333, 334]);
  });

  it('sums to the total for every total and parallelism, each share within one of total/n', () => {
    for (const total of [0, 1, 5, 7, 20, 99, 100, 500, 999, 1000, 1001, 1903, 2000, 12_345]) {
      for (let n = 1; n <= 16; n++) {
        const shares = splitRate(total, n);
        expect(shares).toHaveLength(n);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        for (const share of shares) expect(Math.abs(share - total / n)).toBeLessThan(1);
      }
    }
  });

  it('splits rate and VUs of a rung across the configured runners', () => {
    const plan = planLadder({
      rungs: [{ rate: 1000, warmupSeconds: 1, holdSeconds: 1, drainSeconds: 0 }],
    })[0];
    if (plan === undefined) throw new Error('no plan');
    const shares = splitLoad(plan, LOAD);
    expect(shares).toEqual([
      { runner: 1, segment: '0:1/3', rate: 333, preAllocatedVUs: 100, maxVUs: 533 },
      { runner: 2, segment: '1/3:2/3', rate: 333, preAllocatedVUs: 100, maxVUs: 533 },
      { runner: 3, segment: '2/3:1', rate: 334, preAllocatedVUs: 100, maxVUs: 534 },
    ]);
    expect(shares.reduce((sum, share) => sum + share.rate, 0)).toBe(plan.rate);
    expect(shares.reduce((sum, share) => sum + share.maxVUs, 0)).toBe(LOAD.maxVUs);
  });
});
