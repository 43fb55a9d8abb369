import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  HUB_PROMETHEUS,
  K6_RUN_NAMESPACE,
  LADDER_ENV,
  RUNNER_SUMMARIES_FILE,
  runCloudLadder,
  scriptConfigMapName,
} from '../../src/cloud-ladder/index.js';
import type { ProbeReport } from '../../src/k8s/probe.js';
import { LOAD_NODE_SELECTOR, LOAD_TOLERATIONS } from '../../src/k8s/testrun.js';
import { buildRungQueries } from '../../src/prometheus/promql.js';
import { readRunResults } from '../../src/results/io.js';
import type { KubeObject } from '../k8s/fake-kube-api.js';
import { NLB_HOST, promService, RUN_ID, SCRIPT_TEXT, startWorld, type World } from './world.js';

const CONFIG_MAP = scriptConfigMapName(RUN_ID);

describe('runCloudLadder (fake load and hub API servers, fake Prometheus behind the hub proxy)', () => {
  let w: World;
  beforeEach(async () => {
    w = await startWorld();
  });
  afterEach(async () => {
    await w.close();
  });

  const posts = (plural: string) =>
    w.load.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/${plural}`));
  const secrets = () => [w.load.token, w.hub.token];

  it('runs a one-rung ladder end to end: script ConfigMap, TestRun with the env contract, PromQL through the proxy, results, cleanup', async () => {
    const outcome = await runCloudLadder(w.deps, w.params);

    expect(outcome.failure).toBeNull();
    expect(outcome.remoteWriteUrl).toBe(`http://${NLB_HOST}:9090/api/v1/write`);

    // The script went into a ConfigMap in the k6 namespace, and the ConfigMap is gone at the end.
    const [cm] = posts('configmaps');
    expect(cm?.path).toBe(`/api/v1/namespaces/${K6_RUN_NAMESPACE}/configmaps`);
    const cmBody = (cm?.body ?? {}) as KubeObject;
    expect(cmBody.data).toEqual({ 'transfer.js': SCRIPT_TEXT });
    expect(cmBody.metadata?.name).toBe(CONFIG_MAP);
    expect(w.load.get('configmaps', K6_RUN_NAMESPACE, CONFIG_MAP)).toBeUndefined();
    expect(
      w.load.requests.some((r) => r.method === 'DELETE' && r.path.endsWith(`/configmaps/${CONFIG_MAP}`)),
    ).toBe(true);

    // One TestRun, mounting that ConfigMap, one runner at 10/s, with the script's env contract.
    const testRuns = posts('testruns');
    expect(testRuns).toHaveLength(1);
    const testRun = (testRuns[0]?.body ?? {}) as KubeObject;
    expect(testRun.metadata.namespace).toBe(K6_RUN_NAMESPACE);
    expect(testRun.spec.script).toEqual({ configMap: { name: CONFIG_MAP, file: 'transfer.js' } });
    expect(testRun.spec.parallelism).toBe(1);
    const env = Object.fromEntries(
      (testRun.spec.runner.env as Array<{ name: string; value?: string }>).map((e) => [e.name, e.value]),
    );
    expect(env.K6_PROMETHEUS_RW_SERVER_URL).toBe(`http://${NLB_HOST}:9090/api/v1/write`);
    expect(JSON.parse(env[LADDER_ENV.outboundUrls] ?? '{}')).toEqual(JSON.parse(w.params.outboundUrls));
    expect(JSON.parse(env[LADDER_ENV.fleet] ?? '{}')).toEqual({
      dfsps: ['perffsp1', 'perffsp2', 'perffsp3', 'perffsp4', 'perffsp5', 'perffsp6', 'perffsp7', 'perffsp8'],
      partiesPerDfsp: 10000,
      currency: 'USD',
      amount: '1',
      trafficMix: 'uniform',
    });
    expect(w.load.deletedTestRuns).toEqual([`${K6_RUN_NAMESPACE}/${testRun.metadata.name}`]);

    // The probe ran from the load node group before the rung, against every DFSP.
    expect(w.probeCalls).toHaveLength(1);
    expect(w.probeCalls[0]?.targets.map((t) => t.name)).toHaveLength(8);
    expect(w.probeCalls[0]?.options).toMatchObject({
      namespace: K6_RUN_NAMESPACE,
      nodeSelector: { ...LOAD_NODE_SELECTOR },
      tolerations: LOAD_TOLERATIONS.map((t) => ({ ...t })),
    });

    // PromQL went through the hub API server's proxy to the Prometheus Service, with the hub token.
    expect(w.proxied.length).toBeGreaterThan(10);
    for (const request of w.proxied) {
      expect(request).toMatchObject({
        namespace: HUB_PROMETHEUS.namespace,
        service: `http:${HUB_PROMETHEUS.service}:http-web`,
        path: 'api/v1/query',
        method: 'POST',
      });
    }
    const proxyRequests = w.hub.requests.filter((r) => r.path.includes('/proxy/'));
    expect(proxyRequests.every((r) => r.authorization === `Bearer ${w.hub.token}`)).toBe(true);

    // results.json: valid (read back through the schema), PASS, one rung.
    expect(outcome.resultsPath).toBe(path.join(w.params.resultsDir, 'results.json'));
    const results = await readRunResults(outcome.resultsPath);
    expect(results.verdict.outcome).toBe('PASS');
    expect(results.rungs).toHaveLength(1);
    expect(results.rungs[0]).toMatchObject({ index: 1, kind: 'ladder', targetRate: 10, outcome: 'PASS' });
    expect(results.maxSustainableRate.rate).toBe(10);
    expect(results.environment).toMatchObject({
      provider: 'aws',
      region: 'eu-west-2',
      sizing: { dfspCount: 8 },
    });
    expect(results.security).toBeNull();
    expect(results.hints.join('\n')).toContain(
      'Security as configured, not probed by the ladder phase: mTLS on',
    );
    expect(results.hints.join('\n')).toContain('Connectivity probe from the load node group passed');
    expect(results.artifacts.map((a) => a.name)).toEqual([RUNNER_SUMMARIES_FILE]);
    const summaries = JSON.parse(readFileSync(path.join(w.params.resultsDir, RUNNER_SUMMARIES_FILE), 'utf8'));
    expect(summaries[0].runners[0]).toMatchObject({ exitCode: 0, summary: { metrics: { iterations: {} } } });
    // The outcome carries the same array, for the action's step summary.
    expect(outcome.runners).toEqual(summaries);
    expect(outcome.runners).toMatchObject([{ rung: 1, rate: 10, runners: [{ exitCode: 0 }] }]);

    const everything = [...w.logs, readFileSync(outcome.resultsPath, 'utf8')].join('\n');
    for (const token of secrets()) expect(everything).not.toContain(token);
    expect(w.logs.some((l) => /rung 1 \(ladder\) 10\/s: .*PASS/.test(l))).toBe(true);
  });

  it('writes a FAIL verdict when the rung misses an SLO, and the phase itself succeeds', async () => {
    const q = buildRungQueries({ testId: RUN_ID, rungId: '1', windowSeconds: 60 });
    w.overrides.set(q.latency.transfer.p99, 1500);
    const outcome = await runCloudLadder(w.deps, w.params);
    expect(outcome.failure).toBeNull();
    const results = await readRunResults(outcome.resultsPath);
    expect(results.verdict).toMatchObject({ outcome: 'FAIL', decidingRung: 1 });
    expect(results.rungs[0]?.failedSlos).toEqual([{ slo: 'transferP99Ms', threshold: 1000, observed: 1500 }]);
    expect(results.maxSustainableRate).toEqual({ rate: null, basis: null });
  });

  it('stops on a failed probe: no TestRun, INVALID results naming the probe findings, ConfigMap deleted', async () => {
    w.deps.probe = async (_api, targets): Promise<ProbeReport> => ({
      job: 'mlperf-ladder-probe-x2',
      completed: true,
      diagnosis: null,
      results: targets.map((t, i) => ({
        name: t.name,
        url: t.url,
        attempts: 5,
        ok: i === 2 ? 0 : 5,
        medianMs: i === 2 ? null : 3,
        p95Ms: i === 2 ? null : 4,
        maxMs: i === 2 ? null : 5,
        statuses: (i === 2 ? { '000': 5, error: 5 } : { '200': 5, error: 0 }) as Record<string, number>,
        lastError: i === 2 ? 'curl exit 7: connection refused' : null,
        requested: 5,
      })),
    });
    const outcome = await runCloudLadder(w.deps, w.params);
    expect(outcome.failure).toMatch(
      /^connectivity probe failed: perffsp3 \(http:\/\/sdk-perffsp3\..*no successful request/,
    );
    expect(posts('testruns')).toHaveLength(0);
    expect(outcome.runners).toEqual([]);
    expect(w.load.get('configmaps', K6_RUN_NAMESPACE, CONFIG_MAP)).toBeUndefined();
    const results = await readRunResults(outcome.resultsPath);
    expect(results.verdict.outcome).toBe('INVALID');
    expect(results.rungs).toEqual([]);
    expect(results.hints[0]).toMatch(
      /^Connectivity probe .* failed, so no rung ran: perffsp3 .*connection refused/,
    );
  });

  it('runs the real probe Job (k8s/probe.ts) on the load node group and stops on a refused connection', async () => {
    const lines = ['MLPERF_PROBE_START {"attempts":5,"targets":8}'];
    for (let target = 0; target < 8; target += 1) {
      for (let i = 0; i < 5; i += 1) {
        const refused = target === 4;
        lines.push(
          `MLPERF_PROBE ${JSON.stringify({ i, target, code: refused ? '000' : '200', seconds: '0.004', exit: refused ? 7 : 0 })}`,
        );
      }
    }
    w.load.scriptJobs({ exitCode: 0, log: `${lines.join('\n')}\n` });
    const { probe: _fake, ...deps } = w.deps;
    const outcome = await runCloudLadder(deps, w.params);

    expect(posts('jobs').map((r) => r.path)).toEqual([`/apis/batch/v1/namespaces/${K6_RUN_NAMESPACE}/jobs`]);
    const [job] = posts('jobs').map((r) => r.body as KubeObject);
    expect(job?.spec?.template?.spec?.nodeSelector).toEqual({ ...LOAD_NODE_SELECTOR });
    expect(job?.spec?.template?.spec?.tolerations).toEqual(LOAD_TOLERATIONS.map((t) => ({ ...t })));
    expect(w.load.deletedJobs).toHaveLength(1);
    expect(outcome.failure).toMatch(
      /^connectivity probe failed: perffsp5 \(http:\/\/sdk-perffsp5\.[^)]*\): no successful request/,
    );
    expect(posts('testruns')).toHaveLength(0);
    expect(w.load.get('configmaps', K6_RUN_NAMESPACE, CONFIG_MAP)).toBeUndefined();
  });

  it('stops when the probe Job does not complete, with its diagnosis', async () => {
    w.deps.probe = async (): Promise<ProbeReport> => ({
      job: 'mlperf-ladder-probe-x3',
      completed: false,
      diagnosis: 'pod mlperf-ladder-probe-x3-abc (Pending): ImagePullBackOff',
      results: [],
    });
    const outcome = await runCloudLadder(w.deps, w.params);
    expect(outcome.failure).toContain(
      'probe Job mlperf-ladder-probe-x3 did not complete: pod mlperf-ladder-probe-x3-abc (Pending): ImagePullBackOff',
    );
    expect(posts('testruns')).toHaveLength(0);
    expect((await readRunResults(outcome.resultsPath)).verdict.outcome).toBe('INVALID');
  });

  it('deletes the TestRun and the ConfigMap when aborted mid-rung, and writes INVALID results', async () => {
    const controller = new AbortController();
    w.load.onRequest((request) => {
      if (request.method !== 'GET' || !request.path.includes('/testruns/')) return;
      const name = request.path.split('/').at(-1) ?? '';
      if (w.load.get('testruns', K6_RUN_NAMESPACE, name)?.status?.stage === 'started') controller.abort();
    });
    const outcome = await runCloudLadder({ ...w.deps, signal: controller.signal }, w.params);
    expect(controller.signal.aborted).toBe(true);
    expect(outcome.failure).toBe('the ladder was aborted (the job was cancelled)');
    expect(posts('testruns')).toHaveLength(1);
    expect(w.load.deletedTestRuns).toHaveLength(1);
    expect(w.load.list('testruns', K6_RUN_NAMESPACE)).toEqual([]);
    expect(w.load.get('configmaps', K6_RUN_NAMESPACE, CONFIG_MAP)).toBeUndefined();
    const results = await readRunResults(outcome.resultsPath);
    expect(results.verdict.outcome).toBe('INVALID');
    expect(results.rungs[0]?.outcome).toBe('INVALID');
    expect(results.rungs[0]?.invalidReasons.join(' ')).toMatch(/abort/);
    expect(results.hints).toContain('The ladder was aborted (the job was cancelled) before it finished.');
  });

  it('replaces a ConfigMap left by an earlier attempt of the same run', async () => {
    w.load.put('configmaps', {
      metadata: { name: CONFIG_MAP, namespace: K6_RUN_NAMESPACE },
      data: { 'transfer.js': 'old' },
    });
    const seen: unknown[] = [];
    w.load.onRequest((r) => {
      if (r.method === 'PUT') seen.push((r.body as KubeObject).data);
    });
    await runCloudLadder(w.deps, w.params);
    expect(seen).toEqual([{ 'transfer.js': SCRIPT_TEXT }]);
    expect(w.load.get('configmaps', K6_RUN_NAMESPACE, CONFIG_MAP)).toBeUndefined();
  });

  it('fails after a bounded wait when the Prometheus Service has no load balancer address, creating nothing', async () => {
    w.hub.put('services', promService(false));
    await expect(runCloudLadder(w.deps, w.params)).rejects.toThrow(
      `hub Prometheus: Service ${HUB_PROMETHEUS.namespace}/${HUB_PROMETHEUS.service} on the hub cluster has no load balancer address after 60 s`,
    );
    expect(w.clock.sleeps.reduce((a, b) => a + b, 0)).toBe(60_000);
    expect(w.load.requests).toEqual([]);
  });

  it('fails at once when the Prometheus Service is not a LoadBalancer', async () => {
    w.hub.put('services', promService(true, 'ClusterIP'));
    await expect(runCloudLadder(w.deps, w.params)).rejects.toThrow(
      /is of type ClusterIP; allowed: LoadBalancer \(prometheus\.service\.type in helm\/values\/kube-prometheus-stack/,
    );
    expect(w.clock.sleeps).toEqual([]);
    expect(w.load.requests).toEqual([]);
  });

  it('refuses a missing script file before any API call', async () => {
    await expect(
      runCloudLadder(w.deps, { ...w.params, scriptPath: path.join(w.dir, 'k6/dist/none.js') }),
    ).rejects.toThrow(/^input script: no file at .*none\.js; allowed: the bundled k6 script/);
    expect(w.load.requests).toEqual([]);
    expect(w.hub.requests).toEqual([]);
    expect(existsSync(w.params.resultsDir)).toBe(false);
  });

  it.each([
    ['not json', 'input outbound-urls: got "not json"; allowed: a JSON object'],
    ['["http://a"]', 'input outbound-urls: got ["http://a"]; allowed: a JSON object'],
    [
      JSON.stringify({ perffsp1: 'http://a:4001' }),
      'key "perffsp2" is missing; allowed: every DFSP of the run has its outbound URL',
    ],
  ])('refuses outbound-urls %s before any API call', async (text, message) => {
    await expect(runCloudLadder(w.deps, { ...w.params, outboundUrls: text })).rejects.toThrow(message);
    expect(w.load.requests).toEqual([]);
    expect(w.hub.requests).toEqual([]);
  });

  it('refuses a ladder rung that needs more runners than the load node group has nodes', async () => {
    await expect(runCloudLadder(w.deps, { ...w.params, perRunnerRate: 4 })).rejects.toThrow(
      'ladder.rungs[0].rate 10/s needs 3 k6 runners at 4/s each (load.perRunnerRate); allowed: at most 1, one per node of the load node group',
    );
    expect(w.load.requests).toEqual([]);
    expect(w.hub.requests).toEqual([]);
  });

  it('says in the hints when the stress search can go higher than the load node group can drive', async () => {
    const config = w.params.config;
    const outcome = await runCloudLadder(w.deps, {
      ...w.params,
      perRunnerRate: 100,
      config: {
        ...config,
        ladder: { ...config.ladder, stress: { ...config.ladder.stress, enabled: true, maxRate: 200 } },
      },
    });
    const results = await readRunResults(outcome.resultsPath);
    expect(results.hints).toContain(
      'Stress rungs above 100/s cannot run: 1 load node(s) × 100/s per runner (load.perRunnerRate), below ladder.stress.maxRate 200/s; such a rung ends INVALID and the search stops there.',
    );
    // The ladder passed; the first stress rung (12/s with stepPercent 25) still fits on one runner.
    expect(results.rungs[0]?.outcome).toBe('PASS');
  });

  it('refuses a run id that cannot be a k6 tag', async () => {
    await expect(runCloudLadder(w.deps, { ...w.params, runId: 'run 7; rm' })).rejects.toThrow(
      'input run-id: got "run 7; rm"; allowed: letters, digits',
    );
    expect(w.load.requests).toEqual([]);
  });
});
