import { describe, expect, it } from 'vitest';
import {
  buildRungQueries,
  type Clock,
  type LadderConfig,
  type LadderDeps,
  type LadderEvent,
  type PromInstantResult,
  type PromQuery,
  PromQueryError,
  RunConfigSchema,
  type RungPlan,
  type RungRun,
  type RungRunner,
  runLadder,
} from '../../src/index.js';

/** A clock whose sleeps return at once and move time forward. */
class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public time = Date.parse('2026-11-25T12:00:00Z')) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
}

/** How the fake world behaves at one rung. */
interface Behaviour {
  exitCodes?: (number | null)[];
  /** The runner throws this instead of returning. */
  throws?: Error;
  /** Ends the run this many seconds after load started (default: the full rung). */
  endsAfterSeconds?: number;
  /** Called while the rung runs (e.g. to press Ctrl-C). */
  during?: () => void;
  transferP99?: number;
  successPercent?: number;
  hubOffset?: number;
  /** Prometheus fails on every query of this rung. */
  promFails?: boolean;
  /** The runner gave this rung its own runner count (k6-operator sizing by rate). */
  expectedRunners?: number;
}

/** A hub that sustains up to `capacity`/s; above it the transfer p99 blows through 1 s. */
const capacityHub =
  (capacity: number) =>
  (plan: RungPlan): Behaviour =>
    plan.rate <= capacity ? {} : { transferP99: 1800 };

interface World {
  deps: LadderDeps;
  clock: FakeClock;
  ran: RungPlan[];
  lines: string[];
  events: LadderEvent[];
  queries: string[];
}

const TEST_ID = 'run-1';

function world(config: LadderConfig, behave: (plan: RungPlan) => Behaviour, signal?: AbortSignal): World {
  const clock = new FakeClock();
  const ran: RungPlan[] = [];
  const lines: string[] = [];
  const events: LadderEvent[] = [];
  const queries: string[] = [];
  const started = new Map<string, RungPlan>();
  const startedAt = new Map<string, number>();

  const runner: RungRunner = {
    async run(plan, runSignal): Promise<RungRun> {
      ran.push(plan);
      started.set(plan.id, plan);
      const behaviour = behave(plan);
      const loadStart = clock.now();
      startedAt.set(plan.id, loadStart);
      behaviour.during?.();
      if (behaviour.throws) throw behaviour.throws;
      if (runSignal.aborted) {
        await clock.sleep(1000);
        return { runners: [{ id: 'runner-1', exitCode: 105 }], startedAt: loadStart, endedAt: clock.now() };
      }
      await clock.sleep((behaviour.endsAfterSeconds ?? plan.totalSeconds) * 1000);
      const codes = behaviour.exitCodes ?? Array.from({ length: config.load.runners }, () => 0);
      return {
        runners: codes.map((exitCode, i) => ({ id: `runner-${i + 1}`, exitCode })),
        startedAt: loadStart,
        endedAt: clock.now(),
        ...(behaviour.expectedRunners === undefined ? {} : { expectedRunners: behaviour.expectedRunners }),
      };
    },
  };

  // Answer the reader's exact queries for each rung that ran, from the rung's behaviour.
  const prom: PromQuery = {
    async instantQuery(expr, time): Promise<PromInstantResult> {
      queries.push(expr);
      // Newest first: the hub query carries no rung label, and it belongs to the rung just run.
      for (const plan of [...started.values()].reverse()) {
        const q = buildRungQueries({ testId: TEST_ID, rungId: plan.id, windowSeconds: plan.holdSeconds });
        const b = behave(plan);
        if (
          !Object.values(q).flat().includes(expr) &&
          !JSON.stringify(q.latency).includes(JSON.stringify(expr))
        ) {
          continue;
        }
        if (b.promFails)
          throw new PromQueryError('Prometheus rejected the query (timeout): query timed out', expr);
        // Every query is evaluated at the end of the rung's steady window.
        expect(time).toBe((startedAt.get(plan.id) ?? 0) + plan.steady.endOffsetSeconds * 1000);
        const scheduled = plan.rate * plan.holdSeconds;
        const success = b.successPercent ?? 99.9;
        const completed = Math.round((scheduled * success) / 100);
        const values: Record<string, number | null> = {
          [q.achievedRate]: completed / plan.holdSeconds,
          [q.completed]: completed,
          [q.failed]: scheduled - completed,
          [q.successPercent]: success,
          [q.iterations]: scheduled,
          [q.dropped]: 0,
          [q.droppedPercent]: 0,
          [q.hubCommitted]: completed + (b.hubOffset ?? 0),
          [q.latency.e2e.p50]: 300,
          [q.latency.e2e.p95]: 600,
          [q.latency.e2e.p99]: 900,
          [q.latency.transfer.p99]: b.transferP99 ?? 700,
        };
        if (expr === q.failedByCode) {
          return {
            resultType: 'vector',
            samples: [{ labels: { fspiop_error_code: '5001' }, value: scheduled - completed }],
            warnings: [],
          };
        }
        const value = values[expr];
        return {
          resultType: 'vector',
          samples: value === undefined ? [] : [{ labels: {}, value }],
          warnings: [],
        };
      }
      throw new Error(`unexpected query ${expr}`);
    },
  };

  return {
    deps: {
      runner,
      prom,
      clock,
      testId: TEST_ID,
      signal,
      logger: {
        info(line, event) {
          lines.push(line);
          events.push(event);
        },
      },
    },
    clock,
    ran,
    lines,
    events,
    queries,
  };
}

function config(
  overrides: { stress?: Partial<LadderConfig['ladder']['stress']>; runners?: number } = {},
): LadderConfig {
  return {
    ladder: {
      rungs: [
        { rate: 100, warmupSeconds: 60, holdSeconds: 120, drainSeconds: 30 },
        { rate: 500, warmupSeconds: 60, holdSeconds: 120, drainSeconds: 30 },
        { rate: 1000, warmupSeconds: 60, holdSeconds: 120, drainSeconds: 30 },
      ],
      stress: {
        enabled: false,
        stepPercent: 20,
        maxRate: 2000,
        maxRungs: 8,
        timeBudgetMinutes: 120,
        resolution: 50,
        ...overrides.stress,
      },
    },
    slo: RunConfigSchema.shape.slo.parse(undefined),
    load: { runners: overrides.runners ?? 2, preAllocatedVUs: 100, maxVUs: 2000 },
  };
}

describe('runLadder', () => {
  it('climbs every rung when all pass, and reports the top rung as the maximum', async () => {
    const w = world(config(), () => ({}));
    const result = await runLadder(config(), w.deps);
    expect(result.rungs.map((r) => [r.rung.rate, r.outcome])).toEqual([
      [100, 'PASS'],
      [500, 'PASS'],
      [1000, 'PASS'],
    ]);
    expect(result).toMatchObject({
      testId: TEST_ID,
      ladderPassed: true,
      maxSustainableRate: 1000,
      aborted: false,
      stress: { ran: false, stopReason: null },
    });
    // The 30 s drain already outlasts the 10 s settling time: no extra wait before querying.
    expect(w.clock.sleeps).toEqual([210_000, 210_000, 210_000]);
    expect(w.lines).toEqual([
      'rung 1 (ladder) 100/s: starting, 210 s',
      'rung 1 (ladder) 100/s: achieved 99.9/s, p95 e2e 600 ms, errors 0.10 % → PASS',
      'rung 2 (ladder) 500/s: starting, 210 s',
      'rung 2 (ladder) 500/s: achieved 499.5/s, p95 e2e 600 ms, errors 0.10 % → PASS',
      'rung 3 (ladder) 1000/s: starting, 210 s',
      'rung 3 (ladder) 1000/s: achieved 999.0/s, p95 e2e 600 ms, errors 0.10 % → PASS',
      'ladder done: maximum sustainable rate 1000/s',
    ]);
    expect(result.rungs[0]?.measurement?.failedByCode).toEqual({ '5001': 12 });
  });

  it('waits for the last samples to land when the drain is shorter than the settling time', async () => {
    const cfg = config();
    cfg.ladder.rungs = [{ rate: 5, warmupSeconds: 10, holdSeconds: 30, drainSeconds: 4 }];
    const w = world(cfg, () => ({}));
    const result = await runLadder(cfg, { ...w.deps, settleMs: 15_000 });
    expect(w.clock.sleeps).toEqual([44_000, 11_000]);
    expect(result.rungs[0]?.outcome).toBe('PASS');
  });

  it('stops at the first failing rung', async () => {
    const behave = (plan: RungPlan): Behaviour => (plan.rate === 500 ? { successPercent: 97 } : {});
    const w = world(config(), behave);
    const result = await runLadder(config({ stress: { enabled: true } }), w.deps);
    expect(w.ran.map((p) => p.rate)).toEqual([100, 500]);
    expect(result.rungs.map((r) => r.outcome)).toEqual(['PASS', 'FAIL']);
    expect(result.rungs[1]?.failedSlos).toEqual([
      { slo: 'successPercent', threshold: 99.5, observed: 97 },
      { slo: 'achievedRatePercent', threshold: 99, observed: 97 },
    ]);
    expect(result).toMatchObject({ ladderPassed: false, maxSustainableRate: 100, stress: { ran: false } });
    expect(w.lines[3]).toBe(
      'rung 2 (ladder) 500/s: achieved 485.0/s, p95 e2e 600 ms, errors 3.00 % → FAIL: successPercent observed 97 vs 99.5; achievedRatePercent observed 97 vs 99',
    );
  });

  it('stops at an invalid rung (a runner exited 107) and says why', async () => {
    const behave = (plan: RungPlan): Behaviour => (plan.rate === 500 ? { exitCodes: [0, 107] } : {});
    const w = world(config(), behave);
    const result = await runLadder(config(), w.deps);
    expect(w.ran.map((p) => p.rate)).toEqual([100, 500]);
    const invalid = result.rungs[1];
    expect(invalid?.outcome).toBe('INVALID');
    expect(invalid?.validity.runnersClean).toBe(false);
    expect(invalid?.invalidReasons).toEqual(['runner runner-2: exit 107, script exception']);
    expect(result.maxSustainableRate).toBe(100);
    expect(w.lines[3]).toMatch(/→ INVALID: runner runner-2: exit 107, script exception$/);
  });

  it('judges the runner count against what the runner gave the rung, when it says so', async () => {
    // Three runners at 500/s while the configuration says 2: valid only because the runner sized it.
    const sized = (plan: RungPlan): Behaviour =>
      plan.rate === 500 ? { exitCodes: [0, 0, 0], expectedRunners: 3 } : {};
    const result = await runLadder(config(), world(config(), sized).deps);
    expect(result.rungs.map((r) => r.outcome)).toEqual(['PASS', 'PASS', 'PASS']);
    const unsized = (plan: RungPlan): Behaviour => (plan.rate === 500 ? { exitCodes: [0, 0, 0] } : {});
    const strict = await runLadder(config(), world(config(), unsized).deps);
    expect(strict.rungs[1]?.outcome).toBe('INVALID');
    expect(strict.rungs[1]?.invalidReasons).toEqual(['3 runners reported, 2 expected']);
  });

  it('reads no rung as passing when the first one is invalid', async () => {
    const w = world(config(), () => ({ hubOffset: 500 }));
    const result = await runLadder(config(), w.deps);
    expect(result.rungs.map((r) => r.outcome)).toEqual(['INVALID']);
    expect(result.rungs[0]?.invalidReasons[0]).toMatch(/^hub committed 12488 but k6 completed 11988/);
    expect(result.maxSustainableRate).toBeNull();
    expect(w.lines.at(-1)).toBe('ladder done: maximum sustainable rate none (no rung passed)');
  });

  it('searches above a passing ladder and reports the bisected maximum', async () => {
    const cfg = config({ stress: { enabled: true } });
    const w = world(cfg, capacityHub(1370));
    const result = await runLadder(cfg, w.deps);
    expect(result.rungs.map((r) => `${r.rung.kind} ${r.rung.id} ${r.rung.rate} ${r.outcome}`)).toEqual([
      'ladder 1 100 PASS',
      'ladder 2 500 PASS',
      'ladder 3 1000 PASS',
      'stress 4 1200 PASS',
      'stress 5 1440 FAIL',
      'stress 6 1320 PASS',
      'stress 7 1380 FAIL',
      'stress 8 1350 PASS',
    ]);
    expect(result.maxSustainableRate).toBe(1350);
    expect(result.stress).toEqual({
      ran: true,
      stopReason: 'resolved',
      description: 'bisected to within 50/s (resolution)',
      lastPassRate: 1350,
      firstFailRate: 1380,
    });
    // Stress rungs reuse the last rung's timing and carry their own rung tag.
    expect(w.ran[4]).toMatchObject({ id: '5', kind: 'stress', holdSeconds: 120, totalSeconds: 210 });
    expect(w.queries.some((q) => q.includes('rung="8"'))).toBe(true);
    expect(w.lines).toContain('stress search: bisected to within 50/s (resolution)');
  });

  it('stops the stress search when its time budget is spent', async () => {
    // Each stress rung takes 210 s + 10 s settling = 3.67 min; an 8-minute budget starts three.
    const cfg = config({ stress: { enabled: true, timeBudgetMinutes: 8 } });
    const w = world(cfg, capacityHub(1370));
    const result = await runLadder(cfg, w.deps);
    expect(result.rungs.filter((r) => r.rung.kind === 'stress').map((r) => r.rung.rate)).toEqual([
      1200, 1440, 1320,
    ]);
    expect(result.stress.stopReason).toBe('time-budget');
    expect(result.maxSustainableRate).toBe(1320);
  });

  it('stops the stress search at an INVALID stress rung', async () => {
    const cfg = config({ stress: { enabled: true } });
    const behave = (plan: RungPlan): Behaviour =>
      plan.rate === 1440 ? { exitCodes: [0, null] } : capacityHub(1370)(plan);
    const w = world(cfg, behave);
    const result = await runLadder(cfg, w.deps);
    expect(result.rungs.map((r) => r.outcome)).toEqual(['PASS', 'PASS', 'PASS', 'PASS', 'INVALID']);
    expect(result.rungs[4]?.validity.runnersClean).toBe('unknown');
    expect(result.stress).toMatchObject({ stopReason: 'invalid', lastPassRate: 1200, firstFailRate: null });
    expect(result.maxSustainableRate).toBe(1200);
  });

  it('marks the rung aborted by Ctrl-C INVALID and starts nothing after it', async () => {
    const controller = new AbortController();
    const cfg = config({ stress: { enabled: true } });
    const behave = (plan: RungPlan): Behaviour =>
      plan.rate === 500 ? { during: () => controller.abort() } : {};
    const w = world(cfg, behave, controller.signal);
    const result = await runLadder(cfg, w.deps);
    expect(w.ran.map((p) => p.rate)).toEqual([100, 500]);
    expect(result.rungs.map((r) => r.outcome)).toEqual(['PASS', 'INVALID']);
    expect(result.rungs[1]?.invalidReasons[0]).toBe('aborted');
    expect(result.rungs[1]?.measurement).toBeNull();
    expect(result).toMatchObject({
      aborted: true,
      ladderPassed: false,
      maxSustainableRate: 100,
      stress: { ran: false },
    });
    expect(w.lines.at(-1)).toBe('ladder aborted: maximum sustainable rate 100/s');
    expect(w.queries.some((q) => q.includes('rung="2"'))).toBe(false);
  });

  it('stops the stress search on Ctrl-C, keeping what passed', async () => {
    const controller = new AbortController();
    const cfg = config({ stress: { enabled: true } });
    const behave = (plan: RungPlan): Behaviour =>
      plan.rate === 1440 ? { during: () => controller.abort() } : capacityHub(1370)(plan);
    const w = world(cfg, behave, controller.signal);
    const result = await runLadder(cfg, w.deps);
    expect(result.rungs.map((r) => `${r.rung.rate} ${r.outcome}`)).toEqual([
      '100 PASS',
      '500 PASS',
      '1000 PASS',
      '1200 PASS',
      '1440 INVALID',
    ]);
    expect(result).toMatchObject({
      aborted: true,
      ladderPassed: true,
      maxSustainableRate: 1200,
      stress: { ran: true, stopReason: 'aborted' },
    });
  });

  it('treats a runner that throws because of the abort as aborted', async () => {
    const controller = new AbortController();
    const behave = (plan: RungPlan): Behaviour =>
      plan.rate === 100
        ? {
            during: () => controller.abort(),
            throws: new DOMException('The operation was aborted', 'AbortError'),
          }
        : {};
    const w = world(config(), behave, controller.signal);
    const result = await runLadder(config(), w.deps);
    expect(result.rungs).toHaveLength(1);
    expect(result.rungs[0]).toMatchObject({ outcome: 'INVALID', startedAt: null, measurement: null });
    expect(result.rungs[0]?.invalidReasons[0]).toBe('aborted');
    expect(result.aborted).toBe(true);
  });

  it('runs nothing when aborted before the first rung', async () => {
    const controller = new AbortController();
    controller.abort();
    const w = world(config(), () => ({}), controller.signal);
    const result = await runLadder(config(), w.deps);
    expect(w.ran).toEqual([]);
    expect(result).toMatchObject({ rungs: [], aborted: true, maxSustainableRate: null });
  });

  it('makes a rung INVALID when the runner throws', async () => {
    const w = world(config(), () => ({ throws: new Error('TestRun stuck in stage "created" for 10 min') }));
    const result = await runLadder(config(), w.deps);
    expect(result.rungs[0]?.invalidReasons).toEqual([
      'the load runner failed: TestRun stuck in stage "created" for 10 min',
      '2 of 2 runner(s) missing: no exit status reported',
    ]);
    expect(result.rungs[0]?.outcome).toBe('INVALID');
  });

  it('makes a rung INVALID when its run ended before the steady window closed', async () => {
    const w = world(config(), () => ({ endsAfterSeconds: 90 }));
    const result = await runLadder(config(), w.deps);
    expect(result.rungs[0]?.invalidReasons).toEqual([
      'the run ended 90 s after load started, before the steady window closed at 180 s',
    ]);
    expect(w.queries).toEqual([]);
  });

  it('makes a rung INVALID when Prometheus cannot be read', async () => {
    const w = world(config(), () => ({ promFails: true }));
    const result = await runLadder(config(), w.deps);
    expect(result.rungs[0]?.outcome).toBe('INVALID');
    expect(result.rungs[0]?.invalidReasons[0]).toBe(
      'reading the steady window from Prometheus failed: Prometheus rejected the query (timeout): query timed out',
    );
  });

  it('emits one start and one result event per rung, then done', async () => {
    const w = world(config(), () => ({}));
    await runLadder(config(), w.deps);
    expect(w.events.map((e) => e.kind)).toEqual([
      'rung-start',
      'rung-done',
      'rung-start',
      'rung-done',
      'rung-start',
      'rung-done',
      'done',
    ]);
  });
});
