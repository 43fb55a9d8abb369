import { describe, expect, it } from 'vitest';
import {
  buildTestRun,
  LOAD_NODE_SELECTOR,
  parseSummary,
  RUNNER_ENV,
  runnersForRate,
  testRunArguments,
  testRunName,
} from '../../src/k8s/testrun.js';
import { K6_TAGS } from '../../src/ladder/metrics.js';
import { LOAD, NS, RW_URL, rung, TEST_ID, testRunParams } from './helpers.js';

describe('runnersForRate', () => {
  it.each([
    [1, 50, 1],
    [50, 50, 1],
    [51, 50, 2],
    [100, 50, 2],
    [500, 200, 3],
    [1000, 200, 5],
    [0, 200, 1],
  ])('%i/s at %i/s per runner → %i runners', (rate, per, runners) => {
    expect(runnersForRate(rate, per)).toBe(runners);
  });

  it('refuses more runners than the node group has, naming the numbers', () => {
    expect(() => runnersForRate(1000, 100, 4)).toThrow(
      /1000\/s needs 10 runners at 100\/s each, more than the 4/,
    );
    expect(() => runnersForRate(10, 0)).toThrow(RangeError);
  });
});

describe('buildTestRun', () => {
  const manifest = buildTestRun(testRunParams(500, 3));

  it('is a k6.io/v1alpha1 TestRun with separate runners and the configMap script', () => {
    expect(manifest.apiVersion).toBe('k6.io/v1alpha1');
    expect(manifest.kind).toBe('TestRun');
    expect(manifest.metadata).toMatchObject({ name: testRunName(TEST_ID, rung(500)), namespace: NS });
    expect(manifest.spec.parallelism).toBe(3);
    expect(manifest.spec.separate).toBe(true);
    expect(manifest.spec.script).toEqual({ configMap: { name: 'mlperf-k6-script', file: 'transfer.js' } });
  });

  it('has no cleanup: post (it races log and exit collection)', () => {
    expect(manifest.spec).not.toHaveProperty('cleanup');
    expect(JSON.stringify(manifest)).not.toContain('cleanup');
  });

  it('places runner, initializer and starter on the tainted load-runners node group', () => {
    const expected = {
      nodeSelector: { 'mlperf/role': 'load-runners' },
      tolerations: [{ key: 'mlperf/role', operator: 'Equal', value: 'load-runners', effect: 'NoSchedule' }],
    };
    expect(LOAD_NODE_SELECTOR).toEqual({ 'mlperf/role': 'load-runners' });
    expect(manifest.spec.runner).toMatchObject(expected);
    expect(manifest.spec.initializer).toMatchObject(expected);
    expect(manifest.spec.starter).toMatchObject(expected);
  });

  it('writes to the hub Prometheus by remote write with native histograms', () => {
    const env = Object.fromEntries(
      (manifest.spec.runner.env ?? []).map((e) => [e.name, e.value ?? e.valueFrom]),
    );
    expect(env.K6_PROMETHEUS_RW_SERVER_URL).toBe(RW_URL);
    expect(env.K6_PROMETHEUS_RW_TREND_AS_NATIVE_HISTOGRAM).toBe('true');
    expect(manifest.spec.arguments).toContain('-o experimental-prometheus-rw');
    expect(env[RUNNER_ENV.testId]).toBe(TEST_ID);
    expect(env[RUNNER_ENV.rung]).toBe('1');
    expect(env[RUNNER_ENV.runner]).toEqual({ fieldRef: { fieldPath: "metadata.labels['job-name']" } });
  });

  it('tags every series with the run id and rung under the names metrics.ts reads', () => {
    expect(K6_TAGS.testId).toBe('testid');
    expect(manifest.spec.arguments.split(' ')).toEqual([
      '-o',
      'experimental-prometheus-rw',
      '--tag',
      `testid=${TEST_ID}`,
      '--tag',
      'rung=1',
    ]);
    expect(() => testRunArguments('bad id; rm', rung(1))).toThrow(/not a plain token/);
  });

  it('gives the script the TOTAL rate and VUs; k6 splits them by execution segment', () => {
    const env = (manifest.spec.runner.env ?? []).find((e) => e.name === RUNNER_ENV.options);
    const options = JSON.parse(env?.value ?? '{}');
    expect(options.scenarios.transfers).toMatchObject({
      executor: 'constant-arrival-rate',
      rate: 500,
      preAllocatedVUs: LOAD.preAllocatedVUs,
      maxVUs: LOAD.maxVUs,
      duration: '150s',
      gracefulStop: '15s',
    });
    expect(options.tags).toEqual({ testid: TEST_ID, rung: '1' });
  });

  it.each([
    [100, 1],
    [1000, 5],
    [2000, 10],
  ])('rung at %i/s → parallelism %i at 200/s per runner', (rate, parallelism) => {
    expect(buildTestRun(testRunParams(rate, runnersForRate(rate, 200))).spec.parallelism).toBe(parallelism);
  });

  it('rejects a parallelism below 1', () => {
    expect(() => buildTestRun(testRunParams(100, 0))).toThrow(/parallelism/);
  });

  it('names TestRuns DNS-safe and short enough for Job names', () => {
    const name = testRunName('Run_2026/11/25 ABC-very-long-identifier-that-goes-on-and-on', rung(1, 12));
    expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    expect(name.length).toBeLessThanOrEqual(40);
    expect(name.endsWith('-r12')).toBe(true);
  });
});

describe('parseSummary', () => {
  it('reads the JSON after the last marker line', () => {
    const log = ['noise', 'MLPERF_SUMMARY {"a":1}', 'more', 'MLPERF_SUMMARY {"a":2}', ''].join('\n');
    expect(parseSummary(log)).toEqual({ a: 2 });
  });
  it('is undefined without a marker or with broken JSON', () => {
    expect(parseSummary('just logs\n')).toBeUndefined();
    expect(parseSummary('MLPERF_SUMMARY {broken')).toBeUndefined();
  });
});
