import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SloSchema } from '../../src/config/schema.js';
import type { KubeApi } from '../../src/k8s/client.js';
import { K6OperatorRunner, RungRunError, runRung } from '../../src/k8s/k6-operator-runner.js';
import { evaluateRung } from '../../src/slo/evaluate.js';
import { FakeClock } from '../aws/fake-clock.js';
import { type FakeKubeApi, startFakeKubeApi } from './fake-kube-api.js';
import { apiFor, LOAD, NS, RW_URL, rung, summaryLog, TEST_ID, testRunParams } from './helpers.js';

const FAST = { pollMs: 5 };

describe('runRung against a fake Kubernetes API', () => {
  let fake: FakeKubeApi;
  let api: KubeApi;
  let lines: string[];
  const log = (line: string) => lines.push(line);

  beforeEach(async () => {
    fake = await startFakeKubeApi();
    api = apiFor(fake);
    lines = [];
  });
  afterEach(async () => {
    // The token never appears in anything this module writes.
    expect(lines.join('\n')).not.toContain(fake.token);
    await fake.close();
  });

  it('3 runners exit 0: every exit code and parsed summary, then the TestRun is deleted', async () => {
    fake.scriptK6Operator({
      runners: [
        { exitCode: 0, log: summaryLog(100) },
        { exitCode: 0, log: summaryLog(101) },
        { exitCode: 0, log: summaryLog(102) },
      ],
    });
    const result = await runRung(api, testRunParams(300, 3), Date.now() + 10_000, { ...FAST, log });
    expect(result.status).toBe('completed');
    if (result.status !== 'completed') return;
    expect(result.stage).toBe('finished');
    expect(result.problems).toEqual([]);
    expect(result.run.runners.map((r) => [r.id, r.exitCode])).toEqual([
      [`${result.testRun}-1`, 0],
      [`${result.testRun}-2`, 0],
      [`${result.testRun}-3`, 0],
    ]);
    expect(
      result.run.runners.map(
        (r) =>
          (r.summary as { metrics: { iterations: { values: { count: number } } } }).metrics.iterations.values
            .count,
      ),
    ).toEqual([100, 101, 102]);
    expect(result.run.endedAt).toBeGreaterThanOrEqual(result.run.startedAt);

    // The manifest the fake received, over the real client.
    const create = fake.requests.find((r) => r.method === 'POST');
    expect(create?.path).toBe(`/apis/k6.io/v1alpha1/namespaces/${NS}/testruns`);
    expect(create?.body).toMatchObject({ kind: 'TestRun', spec: { parallelism: 3, separate: true } });
    expect(create?.authorization).toBe(`Bearer ${fake.token}`);

    // Logs were read BEFORE the delete; the delete came last.
    const logReads = fake.requests.filter((r) => r.path.endsWith('/log'));
    expect(logReads).toHaveLength(3);
    expect(logReads[0]?.query.container).toBe('k6');
    const deleteAt = fake.requests.findIndex((r) => r.method === 'DELETE');
    expect(deleteAt).toBeGreaterThan(
      fake.requests.lastIndexOf(logReads[2] as (typeof fake.requests)[number]),
    );
    expect(fake.deletedTestRuns).toEqual([`${NS}/${result.testRun}`]);
    expect(fake.list('pods', NS)).toHaveLength(0);
    expect(lines.some((l) => l.includes('stage finished'))).toBe(true);
  });

  it('one runner exits 99 (thresholds) and one exits 1 → the engine marks the rung INVALID', async () => {
    fake.scriptK6Operator({
      runners: [{ exitCode: 0, log: summaryLog(1) }, { exitCode: 99, log: summaryLog(2) }, { exitCode: 1 }],
    });
    const result = await runRung(api, testRunParams(300, 3), Date.now() + 10_000, { ...FAST, log });
    if (result.status !== 'completed') throw new Error('expected completed');
    expect(result.run.runners.map((r) => r.exitCode)).toEqual([0, 99, 1]);
    expect(result.problems).toEqual([
      expect.stringMatching(/-2: pod .*-2-\w+ exited 99/),
      expect.stringMatching(/-3: pod .*-3-\w+ exited 1 \(Error\)/),
    ]);
    const evaluation = evaluateRung(
      {
        rung: rung(300),
        expectedRunners: 3,
        runners: result.run.runners,
        startedAt: result.run.startedAt,
        endedAt: result.run.endedAt,
        measurement: null,
        aborted: false,
        invalidReasons: [],
      },
      SloSchema.parse({}),
    );
    expect(evaluation.outcome).toBe('INVALID');
    expect(evaluation.validity.runnersClean).toBe(false);
    expect(evaluation.invalidReasons.join('\n')).toMatch(/-3: exit 1/);
  });

  it('TestRun reaches finished although a runner job failed (REFERENCE pitfall): still caught', async () => {
    fake.scriptK6Operator({
      runners: [{ exitCode: 0 }, { exitCode: 108, reason: 'Error' }],
      finalStage: 'finished',
    });
    const result = await runRung(api, testRunParams(100, 2), Date.now() + 10_000, FAST);
    if (result.status !== 'completed') throw new Error('expected completed');
    expect(result.stage).toBe('finished');
    expect(result.run.runners[1]).toMatchObject({ exitCode: 108 });
    expect(result.problems.join('\n')).toMatch(/exited 108/);
  });

  it('a runner with no Job and no pod is reported with an unknown exit code', async () => {
    fake.scriptK6Operator({ runners: [{ exitCode: 0 }, { exitCode: 0 }], missing: [2] });
    const result = await runRung(api, testRunParams(100, 2), Date.now() + 10_000, FAST);
    if (result.status !== 'completed') throw new Error('expected completed');
    expect(result.run.runners[1]).toMatchObject({ exitCode: null });
    expect(result.problems.join('\n')).toMatch(/-2 is missing: no job and no pod/);
  });

  it('a runner that never starts (ImagePullBackOff) → deadline, diagnosis naming pod and reason, TestRun deleted', async () => {
    fake.scriptK6Operator({
      runners: [
        { exitCode: 0 },
        { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "grafana/k6:nope"' } },
        { exitCode: 0 },
      ],
    });
    const result = await runRung(api, testRunParams(300, 3), Date.now() + 300, { ...FAST, log });
    expect(result.status).toBe('deadline');
    if (result.status !== 'deadline') return;
    expect(result.stage).toBe('created');
    expect(result.diagnosis).toMatch(/did not finish within .* \(stage created\); deleted it\./);
    expect(result.diagnosis).toContain(`pod ${NS}/${result.testRun}-2-x2z9q (Pending): ImagePullBackOff`);
    expect(result.diagnosis).toContain('Back-off pulling image "grafana/k6:nope"');
    expect(result.diagnosis).toMatch(/event .*Warning Failed \(×4\)/);
    expect(result.run.runners.find((r) => r.id.endsWith('-2'))).toMatchObject({ exitCode: null });
    expect(fake.deletedTestRuns).toEqual([`${NS}/${result.testRun}`]);
    expect(fake.list('testruns', NS)).toHaveLength(0);
    expect(result.diagnosis).not.toContain(fake.token);
  });

  it('as the engine RungRunner: a deadline (rung length + 600 s slack) throws the diagnosis (→ INVALID)', async () => {
    fake.scriptK6Operator({
      runners: [{ waiting: { reason: 'ErrImagePull', message: 'pull access denied' } }],
    });
    const clock = new FakeClock();
    const runner = new K6OperatorRunner(api, {
      namespace: NS,
      testId: TEST_ID,
      load: { ...LOAD, runners: 1 },
      script: { configMap: 'mlperf-k6-script', file: 'transfer.js' },
      prometheusRemoteWriteUrl: RW_URL,
      clock,
    });
    const error = await runner.run(rung(100), new AbortController().signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RungRunError);
    // 165 s of rung + 600 s of slack, polled every 5 s.
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(765_000);
    expect((error as Error).message).toMatch(/did not finish within 13 min \(stage created\)/);
    expect((error as Error).message).toMatch(/ErrImagePull: pull access denied/);
    expect(fake.deletedTestRuns).toHaveLength(1);
  });

  it('as the engine RungRunner: parallelism from the per-runner rate, runner exits with summaries', async () => {
    fake.scriptK6Operator({ runners: [{ exitCode: 0, log: summaryLog(5) }, { exitCode: 0 }] });
    const runner = new K6OperatorRunner(api, {
      namespace: NS,
      testId: TEST_ID,
      load: LOAD,
      script: { configMap: 'mlperf-k6-script', file: 'transfer.js' },
      prometheusRemoteWriteUrl: RW_URL,
      perRunnerRate: 60,
      pollMs: 5,
    });
    expect(runner.parallelismFor(100)).toBe(2);
    const run = await runner.run(rung(100), new AbortController().signal);
    expect(run.runners).toHaveLength(2);
    expect(run.runners[0]?.summary).toBeDefined();
    expect(run.runners[1]).not.toHaveProperty('summary');
    expect(run.expectedRunners).toBe(2);
  });

  it('on abort deletes the TestRun and throws', async () => {
    fake.scriptK6Operator({ runners: [{ waiting: { reason: 'ContainerCreating', message: '' } }] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(
      runRung(api, testRunParams(100, 1), Date.now() + 10_000, { ...FAST, signal: controller.signal }),
    ).rejects.toThrow(/aborted; TestRun .* deleted/);
    expect(fake.deletedTestRuns).toHaveLength(1);
  });

  it('a rejected token: the error names the status, never the token', async () => {
    const bad = apiFor({ ...fake, token: 'wrong-token-XYZ' } as FakeKubeApi);
    const error = await runRung(bad, testRunParams(100, 1), Date.now() + 1000, FAST).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/creating TestRun .*: HTTP 401: Unauthorized/);
    expect((error as Error).message).not.toContain('wrong-token-XYZ');
    expect((error as Error).message).not.toContain(fake.token);
  });
});
