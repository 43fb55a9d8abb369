import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type CostEstimate,
  type CostEstimateSchema,
  type FailedSlo,
  type FailedSloResult,
  parseRunResults,
  RunResultsError,
  type SecurityPosture,
  type SecurityPostureSchema,
  type SloId,
  type SloName,
} from '../../src/index.js';
import { failingRung, invalidRung, localRun, posture, probes, rung } from './support.js';

/** Parses `input`, expects a RunResultsError and returns its message lines. */
function issues(input: unknown): string[] {
  try {
    parseRunResults(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RunResultsError);
    return (error as RunResultsError).message.split('\n').slice(1);
  }
  throw new Error('expected a RunResultsError, but the results were accepted');
}

describe('the results schema', () => {
  it('accepts a run built from its rungs and returns it unchanged', async () => {
    const run = await localRun();
    expect(parseRunResults(run)).toEqual(run);
  });

  it('matches the types the rest of the core uses', () => {
    expectTypeOf<z.infer<typeof SecurityPostureSchema>>().toEqualTypeOf<SecurityPosture>();
    expectTypeOf<z.infer<typeof CostEstimateSchema>>().toEqualTypeOf<CostEstimate>();
    // The SLO evaluator's names and failed-SLO records are copied into results without renaming.
    expectTypeOf<SloId>().toEqualTypeOf<SloName>();
    expectTypeOf<FailedSlo>().toExtend<FailedSloResult>();
  });

  it('refuses a PASS rung with a validity fact that is not true', async () => {
    const run = await localRun();
    run.rungs[1] = rung(2, 10, {
      validity: {
        runnersClean: true,
        countsAgree: 'unknown',
        droppedWithinBounds: true,
        reasons: ['no hub count'],
      },
    });
    expect(issues(run)).toEqual([
      '  rungs[1].outcome: got "PASS"; allowed: FAIL or INVALID: PASS needs every validity fact true, and validity.countsAgree is "unknown"',
    ]);
  });

  it('refuses a PASS rung that lists a failed SLO', async () => {
    const run = await localRun();
    run.rungs[0] = rung(1, 5, { failedSlos: [{ slo: 'successPercent', threshold: 99.5, observed: 98 }] });
    expect(issues(run)).toEqual([
      '  rungs[0].outcome: got "PASS"; allowed: FAIL or INVALID: PASS needs no failed SLO, and failedSlos lists successPercent',
    ]);
  });

  it('requires a reason for INVALID and a failed SLO for FAIL, and reasons only for INVALID', async () => {
    const run = await localRun([
      rung(1, 5, { outcome: 'INVALID' }),
      rung(2, 10, { outcome: 'FAIL' }),
      { ...failingRung(3, 20), invalidReasons: ['runner 1 exited 107'] },
    ]);
    const lines = issues(run);
    expect(lines).toContain(
      '  rungs[0].invalidReasons: got []; allowed: at least one reason when outcome is INVALID',
    );
    expect(lines).toContain(
      '  rungs[1].failedSlos: got []; allowed: at least one failed SLO {slo, threshold, observed} when outcome is FAIL',
    );
    expect(lines).toContain(
      '  rungs[2].invalidReasons: got ["runner 1 exited 107"]; allowed: an empty list: outcome is FAIL, and only INVALID has reasons',
    );
  });

  it('refuses a verdict or a maximum rate the rungs do not imply', async () => {
    const run = await localRun([rung(1, 5), rung(2, 10), failingRung(3, 20)]);
    const claimed = { ...run, verdict: { outcome: 'PASS', summary: 'all good', decidingRung: 3 } };
    expect(issues(claimed)).toEqual([
      '  verdict.outcome: got "PASS"; allowed: FAIL, the verdict the rungs imply: Rung 3 (20 transfers/s) failed: transfer p99 1,240 ms is above the 1,000 ms ceiling.',
    ]);
    const inflated = { ...run, maxSustainableRate: { rate: 20, basis: { index: 3, kind: 'ladder' } } };
    expect(issues(inflated)).toEqual([
      '  maxSustainableRate.rate: got 20; allowed: 10, the highest target rate of a passing rung',
    ]);
  });

  it('numbers rungs from 1 in the order they ran', async () => {
    const run = await localRun([rung(1, 5), rung(3, 10), rung(3, 20)]);
    expect(issues(run)).toEqual([
      '  rungs[1].index: got 3; allowed: 2: rungs are numbered from 1 in the order they ran',
    ]);
  });

  it('refuses a control marked proven that its probes do not prove', async () => {
    const run = await localRun();
    const security = posture(probes({ 'no-client-certificate': probeNotRun() }));
    security.controls.mtls.status = 'proven';
    expect(issues({ ...run, security })).toEqual([
      '  security.controls.mtls.status: got "proven"; allowed: not-proven, the status its probes imply',
    ]);
  });

  it('checks measurements: percentile order, failure codes, timestamps and enums', async () => {
    const run = await localRun();
    const bad = structuredClone(run) as unknown as Record<string, unknown> & {
      rungs: Record<string, unknown>[];
    };
    bad.trigger = 'cron';
    bad.startedAt = '2025-06-01 12:00';
    const first = bad.rungs[0] as ReturnType<typeof rung>;
    first.latency.quote = { p50: 40, p95: 30, p99: 92 };
    first.failed = 2;
    first.failedByCode = { '3100': 2, 'Not A Code': 1 };
    const lines = issues(bad);
    expect(lines).toContain(
      '  trigger: got "cron"; allowed: one of: manual, pull_request, release, rehearsal',
    );
    expect(lines).toContain(
      '  startedAt: got "2025-06-01 12:00"; allowed: an ISO 8601 timestamp with a zone, such as 2025-06-01T12:00:00Z',
    );
    expect(lines).toContain(
      '  rungs[0].latency.quote.p95: got 30; allowed: a number ≥ p50 (40); percentiles do not decrease',
    );
    expect(lines).toContain(
      '  rungs[0].failedByCode["Not A Code"]: got "Not A Code"; allowed: a key that is an FSPIOP error code of four digits (e.g. 3100) or a label such as timeout',
    );
  });

  it('refuses failure counts by code that add up to more than the failures', async () => {
    const run = await localRun([
      rung(1, 5, { failed: 3, failedByCode: { '3100': 2, timeout: 2 } }),
      rung(2, 10),
      rung(3, 20),
    ]);
    expect(issues(run)).toEqual([
      '  rungs[0].failedByCode: got {"3100":2,"timeout":2}; allowed: counts summing to at most failed (3); they add up to 4',
    ]);
  });

  it('accepts null for figures that were not measured, and says so when the type is wrong', async () => {
    const unmeasured = invalidRung(3, 20, 'no k6 samples in the steady window');
    const run = await localRun([
      rung(1, 5),
      rung(2, 10),
      {
        ...unmeasured,
        achievedRate: null,
        successPercent: null,
        completed: null,
        failed: null,
        droppedIterations: null,
        droppedPercent: null,
        hubCommitted: null,
        latency: {
          e2e: { p50: null, p95: null, p99: null },
          discovery: { p50: null, p95: null, p99: null },
          quote: { p50: null, p95: null, p99: null },
          transfer: { p50: null, p95: null, p99: null },
        },
      },
    ]);
    expect(parseRunResults(run).rungs[2]?.achievedRate).toBeNull();
    const wrong = structuredClone(run);
    (wrong.rungs[0] as unknown as Record<string, unknown>).completed = 'many';
    expect(issues(wrong)).toEqual([
      '  rungs[0].completed: got "many"; allowed: an integer ≥ 0 (transfers), or null when it was not measured',
    ]);
  });

  it('ties the environment to the configuration', async () => {
    const run = await localRun();
    const aws = { ...run, environment: { ...run.environment, provider: 'aws' as const } };
    expect(issues(aws)).toEqual([
      '  environment.region: got nothing (missing); allowed: an AWS region name such as eu-west-2 (required when provider is aws)',
      '  environment.provider: got "aws"; allowed: local, the provider of config',
    ]);
  });

  it('reports unknown keys by name and every issue at once', async () => {
    const run = { ...(await localRun()), verdictText: 'PASS', runId: '' };
    expect(issues(run)).toEqual([
      '  runId: got ""; allowed: letters, digits, ".", "_" and "-", starting with a letter or digit',
      '  verdictText: got "PASS"; allowed: no keys other than: schemaVersion, runId, startedAt, finishedAt, durationSeconds, trigger, profile, config, environment, security, rungs, verdict, maxSustainableRate, cost, hints, artifacts',
    ]);
  });
});

function probeNotRun() {
  return {
    name: 'no-client-certificate' as const,
    control: 'mtls' as const,
    expected: 'refused',
    observed: 'could not connect',
    outcome: 'not-run' as const,
    passed: false,
  };
}
