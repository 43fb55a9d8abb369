import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunConfigSchema } from '../../src/config/schema.js';
import { K6OperatorRunner } from '../../src/k8s/k6-operator-runner.js';
import { type LadderConfig, runLadder } from '../../src/ladder/engine.js';
import type { PromQuery } from '../../src/prometheus/client.js';
import { FakeClock } from '../aws/fake-clock.js';
import { type FakeKubeApi, startFakeKubeApi } from './fake-kube-api.js';
import { apiFor, NS, RW_URL, TEST_ID } from './helpers.js';

const config: LadderConfig = {
  ladder: {
    rungs: [{ rate: 100, warmupSeconds: 30, holdSeconds: 60, drainSeconds: 10 }],
    stress: {
      enabled: false,
      stepPercent: 20,
      maxRate: 2000,
      maxRungs: 8,
      timeBudgetMinutes: 120,
      resolution: 50,
    },
  },
  slo: RunConfigSchema.shape.slo.parse(undefined),
  load: { runners: 2, preAllocatedVUs: 20, maxVUs: 200 },
};

const noProm: PromQuery = {
  instantQuery: async () => {
    throw new Error('Prometheus is not part of this test');
  },
};

describe('the ladder engine on the k6-operator runner (fake API)', () => {
  let fake: FakeKubeApi;
  beforeEach(async () => {
    fake = await startFakeKubeApi();
  });
  afterEach(async () => {
    await fake.close();
  });

  const runner = (clock: FakeClock) =>
    new K6OperatorRunner(apiFor(fake), {
      namespace: NS,
      testId: TEST_ID,
      load: config.load,
      script: { configMap: 'mlperf-k6-script', file: 'transfer.js' },
      prometheusRemoteWriteUrl: RW_URL,
      clock,
    });

  it('a runner that never starts makes the rung INVALID with the pod and reason in the verdict', async () => {
    fake.scriptK6Operator({
      runners: [
        { exitCode: 0 },
        { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image' } },
      ],
    });
    const clock = new FakeClock();
    const result = await runLadder(config, { runner: runner(clock), prom: noProm, clock, testId: TEST_ID });
    const [rung] = result.rungs;
    expect(rung?.outcome).toBe('INVALID');
    expect(rung?.invalidReasons.join('\n')).toMatch(/the load runner failed: TestRun .* did not finish/);
    expect(rung?.invalidReasons.join('\n')).toMatch(/-2-x2z9q \(Pending\): ImagePullBackOff/);
    expect(result.maxSustainableRate).toBeNull();
    expect(fake.list('testruns', NS)).toHaveLength(0);
  });

  it('a runner exiting 1 after a `finished` TestRun makes the rung INVALID (runnersClean false)', async () => {
    fake.scriptK6Operator({ runners: [{ exitCode: 0 }, { exitCode: 1 }] });
    const clock = new FakeClock();
    const result = await runLadder(config, { runner: runner(clock), prom: noProm, clock, testId: TEST_ID });
    const [rung] = result.rungs;
    expect(rung?.outcome).toBe('INVALID');
    expect(rung?.validity.runnersClean).toBe(false);
    expect(rung?.runners.map((r) => r.exitCode)).toEqual([0, 1]);
  });
});
