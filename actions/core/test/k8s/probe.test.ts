import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KubeApi } from '../../src/k8s/client.js';
import {
  buildProbeJob,
  judgeLatency,
  PROBE_CONTAINER,
  PROBE_IMAGE,
  PROBE_JOB_LABEL,
  PROBE_SCRIPT,
  ProbeAbortedError,
  type ProbeOptions,
  type ProbeTarget,
  type ProbeTargetResult,
  parseProbeLog,
  runProbeJob,
} from '../../src/k8s/probe.js';
import { FakeClock } from '../aws/fake-clock.js';
import { type FakeKubeApi, startFakeKubeApi } from './fake-kube-api.js';
import { apiFor } from './helpers.js';

const NS = 'mojaloop';
const TARGETS: ProbeTarget[] = [
  { name: 'central-ledger', url: 'http://central-ledger.mojaloop.svc:3001/health' },
  { name: 'account-lookup', url: 'http://account-lookup-service.mojaloop.svc/health' },
];
const OPTIONS: ProbeOptions = { namespace: NS, attempts: 3, requestTimeoutMs: 2_000, deadlineMs: 60_000 };

const line = (i: number, target: number, code: string, seconds: string, exit = 0): string =>
  `MLPERF_PROBE ${JSON.stringify({ i, target, code, seconds, exit })}`;
const start = (attempts: number, targets: number): string =>
  `MLPERF_PROBE_START ${JSON.stringify({ attempts, targets })}`;

function result(overrides: Partial<ProbeTargetResult>): ProbeTargetResult {
  return {
    name: 't',
    url: 'http://t/health',
    attempts: 3,
    ok: 3,
    medianMs: 10,
    p95Ms: 12,
    maxMs: 12,
    statuses: { '200': 3, error: 0 },
    lastError: null,
    requested: 3,
    ...overrides,
  };
}

describe('buildProbeJob', () => {
  const job = buildProbeJob('mlperf-probe-abc123', TARGETS, {
    ...OPTIONS,
    deadlineMs: 90_500,
    nodeSelector: { 'mlperf.io/role': 'load-runners' },
    tolerations: [{ key: 'mlperf.io/role', operator: 'Equal', value: 'load-runners', effect: 'NoSchedule' }],
  });
  const pod = job.spec?.template.spec;
  const container = pod?.containers[0];

  it('is a valid batch/v1 Job that runs once, ends by its deadline and is cleaned up by TTL', () => {
    expect(job.apiVersion).toBe('batch/v1');
    expect(job.kind).toBe('Job');
    expect(job.metadata).toMatchObject({ name: 'mlperf-probe-abc123', namespace: NS });
    expect(job.metadata?.name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
    expect(job.spec).toMatchObject({
      backoffLimit: 0,
      activeDeadlineSeconds: 91,
      ttlSecondsAfterFinished: 600,
    });
    // The pod template carries the label the runner finds the pod by, and the selector-free Job
    // (the controller adds its own) is what the API server accepts.
    expect(job.spec?.template.metadata?.labels?.[PROBE_JOB_LABEL]).toBe('mlperf-probe-abc123');
    expect(job.spec?.selector).toBeUndefined();
    expect(pod?.restartPolicy).toBe('Never');
    expect(pod?.containers).toHaveLength(1);
    // No mesh sidecar: one would outlive the container and the Job would never complete.
    expect(job.spec?.template.metadata?.annotations).toEqual({ 'sidecar.istio.io/inject': 'false' });
  });

  it('runs locked down: non-root, read-only root, no capabilities, no service-account token', () => {
    expect(pod?.automountServiceAccountToken).toBe(false);
    expect(pod?.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod?.securityContext?.runAsUser).toBeGreaterThan(0);
    expect(container?.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(container?.resources?.requests).toEqual({ cpu: '10m', memory: '16Mi' });
    // No CPU limit: throttling would inflate the latency being measured.
    expect(container?.resources?.limits?.cpu).toBeUndefined();
  });

  it('passes URLs as arguments and counts as env, never inside the script text', () => {
    expect(container?.name).toBe(PROBE_CONTAINER);
    expect(container?.image).toBe(PROBE_IMAGE);
    expect(PROBE_IMAGE).toMatch(/^curlimages\/curl:\d+\.\d+\.\d+/);
    expect(container?.command?.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(container?.command?.[2]).toBe(PROBE_SCRIPT);
    expect(container?.command?.slice(4)).toEqual(TARGETS.map((t) => t.url));
    for (const t of TARGETS) expect(PROBE_SCRIPT).not.toContain(t.url);
    expect(container?.env).toEqual([
      { name: 'MLPERF_PROBE_ATTEMPTS', value: '3' },
      { name: 'MLPERF_PROBE_MAX_TIME', value: '2' },
    ]);
    expect(pod?.nodeSelector).toEqual({ 'mlperf.io/role': 'load-runners' });
    expect(pod?.tolerations).toEqual([
      { key: 'mlperf.io/role', operator: 'Equal', value: 'load-runners', effect: 'NoSchedule' },
    ]);
  });

  it('is pure: same input, same Job; a custom image and a fractional timeout are honoured', () => {
    const a = buildProbeJob('p-1', TARGETS, {
      ...OPTIONS,
      image: 'registry.local/curl:1',
      requestTimeoutMs: 250,
    });
    const b = buildProbeJob('p-1', TARGETS, {
      ...OPTIONS,
      image: 'registry.local/curl:1',
      requestTimeoutMs: 250,
    });
    expect(a).toEqual(b);
    const c = a.spec?.template.spec?.containers[0];
    expect(c?.image).toBe('registry.local/curl:1');
    expect(c?.env?.find((e) => e.name === 'MLPERF_PROBE_MAX_TIME')?.value).toBe('0.25');
  });

  it.each<[string, ProbeTarget[], Partial<ProbeOptions>, RegExp]>([
    [
      'ftp URL',
      [{ name: 'a', url: 'ftp://h/x' }],
      {},
      /targets\[0\]\.url: "ftp:\/\/h\/x" is not allowed; expected an http/,
    ],
    ['quote in URL', [{ name: 'a', url: "http://h/x'; rm -rf /" }], {}, /targets\[0\]\.url/],
    ['whitespace in URL', [{ name: 'a', url: 'http://h/a b' }], {}, /targets\[0\]\.url: "http:\/\/h\/a b"/],
    ['backtick in URL', [{ name: 'a', url: 'http://h/`id`' }], {}, /targets\[0\]\.url/],
    ['no host', [{ name: 'a', url: 'http://' }], {}, /targets\[0\]\.url/],
    [
      'bad name',
      [{ name: 'Central_Ledger', url: 'http://h/' }],
      {},
      /targets\[0\]\.name: "Central_Ledger".*lowercase/,
    ],
    [
      'duplicate name',
      [
        { name: 'a', url: 'http://h/' },
        { name: 'a', url: 'http://g/' },
      ],
      {},
      /targets\[1\]\.name: "a".*no other target/,
    ],
    ['no targets', [], {}, /targets: "0 targets".*1 to 50/],
    ['bad expectStatus', [{ name: 'a', url: 'http://h/', expectStatus: [700] }], {}, /expectStatus: \[700\]/],
    ['empty expectStatus', [{ name: 'a', url: 'http://h/', expectStatus: [] }], {}, /expectStatus: \[\]/],
    ['zero attempts', TARGETS, { attempts: 0 }, /attempts: 0 is not allowed; expected an integer from 1/],
    ['fractional attempts', TARGETS, { attempts: 2.5 }, /attempts: 2.5/],
    ['timeout over deadline', TARGETS, { requestTimeoutMs: 120_000 }, /requestTimeoutMs: 120000/],
    ['tiny deadline', TARGETS, { deadlineMs: 10 }, /deadlineMs: 10/],
    ['bad namespace', TARGETS, { namespace: 'Mojaloop' }, /namespace: "Mojaloop"/],
    [
      'Exists with value',
      TARGETS,
      { tolerations: [{ key: 'k', operator: 'Exists', value: 'v', effect: 'NoSchedule' }] },
      /tolerations\[0\]\.value: "v"/,
    ],
  ])('rejects %s, naming the field, value and allowed form', (_, targets, options, message) => {
    expect(() => buildProbeJob('p-1', targets, { ...OPTIONS, ...options })).toThrow(message);
  });

  it('never echoes credentials from a URL', () => {
    let message = '';
    try {
      buildProbeJob('p-1', [{ name: 'a', url: 'https://admin:hunter2@h/health' }], OPTIONS);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/targets\[0\]\.url: "\(a URL with credentials\)"/);
    expect(message).not.toContain('hunter2');
  });
});

describe('parseProbeLog', () => {
  it('counts each request once, per target, with median, nearest-rank p95 and max over accepted ones', () => {
    const log = [
      'some unrelated line',
      start(4, 2),
      line(0, 0, '200', '0.010000'),
      line(0, 1, '200', '0.100000'),
      line(1, 0, '200', '0.020000'),
      line(1, 0, '200', '9.999999'), // a repeated (i, target) counts once
      line(1, 1, '503', '0.005000'),
      line(2, 0, '204', '0.030000'),
      line(2, 1, '000', '2.000123', 28),
      line(3, 0, '200', ''),
      line(3, 1, '000', '0.000100', 7),
      line(4, 0, '200', '0.001'), // beyond the 4 attempts asked for
      line(0, 7, '200', '0.001'), // unknown target
      'MLPERF_PROBE {not json',
      'curl: (28) Operation timed out after 2000 milliseconds with 0 bytes received',
    ].join('\n');
    const [a, b] = parseProbeLog(log, TARGETS);
    expect(a).toEqual({
      name: 'central-ledger',
      url: TARGETS[0]?.url,
      attempts: 4,
      ok: 3, // line 3's seconds field is unreadable
      medianMs: 20,
      p95Ms: 30,
      maxMs: 30,
      statuses: { '200': 3, '204': 1, error: 0 },
      lastError: 'attempt 3: unreadable time ""',
      requested: 4,
    });
    expect(b).toMatchObject({
      attempts: 4,
      ok: 1,
      medianMs: 100,
      p95Ms: 100,
      maxMs: 100,
      statuses: { '200': 1, '503': 1, error: 2 },
      lastError: 'attempt 3: curl exit 7 (could not connect)',
    });
  });

  it('averages the two middle values for an even count; honours expectStatus', () => {
    const targets: ProbeTarget[] = [{ name: 'gone', url: 'http://h/missing', expectStatus: [404] }];
    const log = [
      line(0, 0, '404', '0.001'),
      line(1, 0, '404', '0.002'),
      line(2, 0, '404', '0.004'),
      line(3, 0, '404', '0.010'),
      line(4, 0, '200', '0.001'),
    ].join('\n');
    const [r] = parseProbeLog(log, targets);
    expect(r).toMatchObject({ attempts: 5, ok: 4, medianMs: 3, p95Ms: 10, maxMs: 10 });
    expect(r?.lastError).toBe('attempt 4: HTTP 200, expected 404');
  });

  it('an empty log is zero attempts, never invented ones', () => {
    const results = parseProbeLog('', TARGETS);
    expect(results.map((r) => [r.attempts, r.ok, r.medianMs, r.requested])).toEqual([
      [0, 0, null, undefined],
      [0, 0, null, undefined],
    ]);
  });
});

describe('judgeLatency', () => {
  it('passes a median exactly at the bound and fails one just over it', () => {
    expect(judgeLatency([result({ medianMs: 50 })], 50)).toEqual({ passed: true, problems: [] });
    const over = judgeLatency([result({ name: 'ledger', medianMs: 50.001 })], 50);
    expect(over.passed).toBe(false);
    expect(over.problems).toEqual(['ledger (http://t/health): median 50.001 ms is over the 50 ms bound.']);
  });

  it('fails a target with no successful attempt, one with errors, one with missing lines, and no results', () => {
    const { passed, problems } = judgeLatency(
      [
        result({ name: 'down', ok: 0, medianMs: null, lastError: 'attempt 2: curl exit 28 (timed out)' }),
        result({ name: 'flaky', ok: 2, lastError: 'attempt 1: HTTP 503, expected 200–399' }),
        result({ name: 'short', attempts: 2, ok: 2, requested: 3 }),
        result({ name: 'fine' }),
      ],
      50,
    );
    expect(passed).toBe(false);
    expect(problems).toEqual([
      'down (http://t/health): no successful request in 3 of 3 attempt(s); last error: attempt 2: curl exit 28 (timed out).',
      'flaky (http://t/health): 2 of 3 attempt(s) ok; last error: attempt 1: HTTP 503, expected 200–399.',
      'short (http://t/health): 2 of 3 attempt(s) ok (1 missing from the log).',
    ]);
    expect(judgeLatency([], 50)).toEqual({ passed: false, problems: ['no probe results at all'] });
  });
});

describe('runProbeJob against a fake Kubernetes API', () => {
  let fake: FakeKubeApi;
  let api: KubeApi;
  let clock: FakeClock;
  let lines: string[];
  const log = (text: string) => lines.push(text);

  beforeEach(async () => {
    fake = await startFakeKubeApi();
    api = apiFor(fake, 'hub');
    clock = new FakeClock();
    lines = [];
  });
  afterEach(async () => {
    expect(lines.join('\n')).not.toContain(fake.token);
    await fake.close();
  });

  const opts = (extra: Partial<ProbeOptions> = {}): ProbeOptions => ({
    ...OPTIONS,
    clock,
    pollMs: 1_000,
    log,
    ...extra,
  });
  const deletes = () => fake.requests.filter((r) => r.method === 'DELETE');

  it('a successful run: Job created, polled, log read, parsed, then the Job deleted in the background', async () => {
    const probeLog = [
      start(3, 2),
      ...[0, 1, 2].flatMap((i) => [line(i, 0, '200', `0.00${i + 4}`), line(i, 1, '200', `0.01${i}`)]),
      '',
    ].join('\n');
    fake.scriptJobs({ exitCode: 0, log: probeLog, runningReads: 3 });
    const report = await runProbeJob(api, TARGETS, opts({ namePrefix: 'hub-health' }));

    expect(report.completed).toBe(true);
    expect(report.diagnosis).toBeNull();
    expect(report.deleteError).toBeUndefined();
    expect(report.job).toMatch(/^hub-health-[a-z0-9]{10}$/);
    expect(report.results.map((r) => [r.name, r.attempts, r.ok, r.medianMs, r.maxMs])).toEqual([
      ['central-ledger', 3, 3, 5, 6],
      ['account-lookup', 3, 3, 11, 12],
    ]);
    expect(judgeLatency(report.results, 50).passed).toBe(true);

    const create = fake.requests.find((r) => r.method === 'POST');
    expect(create?.path).toBe(`/apis/batch/v1/namespaces/${NS}/jobs`);
    expect(create?.authorization).toBe(`Bearer ${fake.token}`);
    expect(create?.body).toMatchObject({ kind: 'Job', spec: { backoffLimit: 0 } });
    // Polled until the scripted controller ended the Job (3 reads), sleeping on the injected clock.
    expect(
      fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/jobs/${report.job}`)),
    ).toHaveLength(3);
    expect(clock.sleeps).toEqual([1_000, 1_000]);
    const logRead = fake.requests.find((r) => r.path.endsWith('/log'));
    expect(logRead?.query.container).toBe(PROBE_CONTAINER);
    // The delete came last, in the background, and took the pod with it.
    expect(fake.requests.at(-1)?.method).toBe('DELETE');
    expect(deletes()).toHaveLength(1);
    expect(deletes()[0]?.query.propagationPolicy).toBe('Background');
    expect(fake.deletedJobs).toEqual([`${NS}/${report.job}`]);
    expect(fake.list('pods', NS)).toHaveLength(0);
    expect(lines.some((l) => l.includes('created'))).toBe(true);
  });

  it('errors, timeouts and missing lines are counted honestly and judged', async () => {
    const probeLog = [
      start(3, 2),
      line(0, 0, '200', '0.004'),
      line(0, 1, '000', '2.001', 28),
      line(1, 0, '200', '0.005'),
      line(1, 1, '503', '0.003'),
      line(2, 1, '200', '0.020'),
      // target 0, attempt 2: missing
    ].join('\n');
    fake.scriptJobs({ exitCode: 0, log: probeLog });
    const report = await runProbeJob(api, TARGETS, opts());
    expect(report.completed).toBe(true);
    const [ledger, als] = report.results;
    expect(ledger).toMatchObject({ attempts: 2, ok: 2, requested: 3, medianMs: 4.5 });
    expect(als).toMatchObject({
      attempts: 3,
      ok: 1,
      statuses: { '200': 1, '503': 1, error: 1 },
      lastError: 'attempt 1: HTTP 503, expected 200–399',
    });
    const judged = judgeLatency(report.results, 50);
    expect(judged.passed).toBe(false);
    expect(judged.problems).toEqual([
      `central-ledger (${TARGETS[0]?.url}): 2 of 3 attempt(s) ok (1 missing from the log).`,
      `account-lookup (${TARGETS[1]?.url}): 1 of 3 attempt(s) ok; last error: attempt 1: HTTP 503, expected 200–399.`,
    ]);
    expect(fake.deletedJobs).toHaveLength(1);
  });

  it('a pod that never starts: deadline, a diagnosis with the pod state and events, the Job deleted', async () => {
    fake.scriptJobs({
      waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "curlimages/curl:8.11.1"' },
    });
    const report = await runProbeJob(api, TARGETS, opts({ deadlineMs: 10_000 }));
    expect(report.completed).toBe(false);
    expect(report.diagnosis).toMatch(/did not finish within 10 s; deleted it\./);
    expect(report.diagnosis).toMatch(/- pod mojaloop\/mlperf-probe-[\w-]+ \(Pending\): ImagePullBackOff/);
    expect(report.diagnosis).toMatch(/event .*Warning Failed \(×4\): Back-off pulling image/);
    expect(report.results.every((r) => r.attempts === 0 && r.ok === 0 && r.requested === 3)).toBe(true);
    expect(judgeLatency(report.results, 50).problems[0]).toMatch(/no successful request in 0 of 3/);
    // Bounded by the deadline on the injected clock: 10 polls of 1 s.
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(fake.deletedJobs).toEqual([`${NS}/${report.job}`]);
    expect(fake.list('pods', NS)).toHaveLength(0);
  });

  it('no pod at all (admission refused it): the Job events explain it', async () => {
    fake.scriptJobs({
      noPod: { reason: 'FailedCreate', message: 'pods "x" is forbidden: violates PodSecurity "restricted"' },
    });
    const report = await runProbeJob(api, TARGETS, opts({ deadlineMs: 5_000 }));
    expect(report.completed).toBe(false);
    expect(report.diagnosis).toMatch(/- no probe pod was created/);
    expect(report.diagnosis).toMatch(/- Job event Warning FailedCreate: pods "x" is forbidden/);
    expect(report.results[0]?.lastError).toBe('no probe pod was created');
    expect(fake.deletedJobs).toHaveLength(1);
  });

  it('a failed Job keeps the lines it printed and says why it failed', async () => {
    fake.scriptJobs({
      exitCode: 2,
      log: [start(3, 2), line(0, 0, '200', '0.003'), 'sh: syntax error'].join('\n'),
    });
    const report = await runProbeJob(api, TARGETS, opts());
    expect(report.completed).toBe(false);
    expect(report.diagnosis).toMatch(
      /failed \(BackoffLimitExceeded: Job has reached the specified backoff limit\)/,
    );
    expect(report.diagnosis).toMatch(/container probe: terminated Error \(exit 2\)/);
    expect(report.results.map((r) => r.attempts)).toEqual([1, 0]);
    expect(fake.deletedJobs).toHaveLength(1);
  });

  it('abort while running: ProbeAbortedError and the Job is deleted', async () => {
    fake.scriptJobs({ exitCode: 0, runningReads: 1_000 });
    const controller = new AbortController();
    fake.onRequest((r) => {
      if (r.method === 'GET' && r.path.includes('/jobs/')) controller.abort();
    });
    await expect(runProbeJob(api, TARGETS, opts({ signal: controller.signal }))).rejects.toBeInstanceOf(
      ProbeAbortedError,
    );
    expect(fake.deletedJobs).toHaveLength(1);
    expect(deletes()[0]?.query.propagationPolicy).toBe('Background');
  });

  it('an abort during a long poll sleep on the real clock ends the wait at once', async () => {
    fake.scriptJobs({ exitCode: 0, runningReads: 1_000 });
    const controller = new AbortController();
    fake.onRequest((r) => {
      if (r.method === 'GET' && r.path.includes('/jobs/')) setTimeout(() => controller.abort(), 20);
    });
    const began = Date.now();
    await expect(
      runProbeJob(api, TARGETS, { ...OPTIONS, pollMs: 30_000, log, signal: controller.signal }),
    ).rejects.toBeInstanceOf(ProbeAbortedError);
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(fake.deletedJobs).toHaveLength(1);
  });

  it('a failing Job read is retried; a failing delete is reported, not thrown', async () => {
    fake.scriptJobs({ exitCode: 0, log: [start(3, 2), line(0, 0, '200', '0.001')].join('\n') });
    let jobReads = 0;
    fake.onRequest((r) => {
      if (r.method === 'GET' && r.path.includes('/jobs/') && ++jobReads === 1) throw new Error('etcd hiccup');
      if (r.method === 'DELETE') throw new Error('delete refused by the fake');
    });
    const report = await runProbeJob(api, TARGETS, opts());
    expect(report.completed).toBe(true);
    expect(jobReads).toBe(2);
    expect(report.results[0]?.attempts).toBe(1);
    expect(report.deleteError).toMatch(
      /deleting probe Job mojaloop\/mlperf-probe-[\w-]+: HTTP 500.*TTL of 600 s/,
    );
    expect(lines.join('\n')).toContain('delete refused by the fake');
  });

  it('an already aborted signal, or bad targets, make no API call at all', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runProbeJob(api, TARGETS, opts({ signal: controller.signal }))).rejects.toThrow(
      /aborted before Job/,
    );
    await expect(runProbeJob(api, [{ name: 'x', url: 'http://h/"q"' }], opts())).rejects.toThrow(
      /targets\[0\]\.url/,
    );
    await expect(runProbeJob(api, TARGETS, opts({ namePrefix: 'Bad Prefix' }))).rejects.toThrow(
      /namePrefix: "Bad Prefix"/,
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('a refused create throws naming the Job and deletes nothing', async () => {
    fake.hide('jobs');
    await expect(runProbeJob(api, TARGETS, opts())).rejects.toThrow(
      /creating probe Job mojaloop\/mlperf-probe-\w+ on the hub cluster: HTTP 404/,
    );
    expect(deletes()).toHaveLength(0);
  });
});

// The real script, run by a real POSIX sh with a real curl against loopback servers only.
const SH = '/bin/sh';
const haveCurl = existsSync('/usr/bin/curl') || existsSync('/bin/curl');

// tools/bootstrap.sh installs curl (tools/versions.env TOOL_CURL); without it this is a setup defect,
// so the suite fails naming it instead of skipping.
it('has the sh and curl the real-script tests need (tools/bootstrap.sh installs curl)', () => {
  expect({ sh: existsSync(SH), curl: haveCurl }).toEqual({ sh: true, curl: true });
});

describe.skipIf(!haveCurl || !existsSync(SH))(
  'PROBE_SCRIPT with the local sh and curl (loopback only)',
  () => {
    let server: Server;
    let base: string;
    let closedPort: number;
    const SLOW_MS = 1_500;

    beforeEach(async () => {
      const spare = createServer();
      await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
      closedPort = (spare.address() as AddressInfo).port;
      await new Promise<void>((resolve) => spare.close(() => resolve()));
      server = createServer((req, res) => {
        if (req.url === '/slow') {
          const timer = setTimeout(() => res.end('late'), SLOW_MS);
          res.on('close', () => clearTimeout(timer));
          return;
        }
        res.statusCode = req.url === '/health' ? 200 : 503;
        res.end('x');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterEach(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('prints one parseable line per request: 200, 503, a timeout and a refused connection', async () => {
      const targets: ProbeTarget[] = [
        { name: 'ok', url: `${base}/health` },
        { name: 'sick', url: `${base}/broken?a=[1]&b=2` },
        { name: 'slow', url: `${base}/slow` },
        { name: 'refused', url: `http://127.0.0.1:${closedPort}/health` },
      ];
      const job = buildProbeJob('p-local', targets, { ...OPTIONS, attempts: 2, requestTimeoutMs: 300 });
      const container = job.spec?.template.spec?.containers[0];
      const env = Object.fromEntries((container?.env ?? []).map((e) => [e.name, e.value ?? '']));
      const [, flag, script, ...args] = container?.command ?? [];
      const output = await new Promise<string>((resolve, reject) => {
        execFile(
          SH,
          [flag as string, script as string, ...args],
          { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, timeout: 10_000 },
          (error, stdout, stderr) => (error ? reject(error) : resolve(stdout + stderr)),
        );
      });
      const [ok, sick, slow, refused] = parseProbeLog(output, targets);
      expect(ok).toMatchObject({ attempts: 2, ok: 2, statuses: { '200': 2, error: 0 }, requested: 2 });
      expect(ok?.medianMs).toBeGreaterThan(0);
      expect(ok?.medianMs).toBeLessThan(300);
      expect(sick).toMatchObject({ attempts: 2, ok: 0, statuses: { '503': 2, error: 0 } });
      expect(slow).toMatchObject({ attempts: 2, ok: 0, statuses: { error: 2 } });
      expect(slow?.lastError).toBe('attempt 1: curl exit 28 (timed out)');
      expect(refused).toMatchObject({ attempts: 2, ok: 0, statuses: { error: 2 } });
      expect(refused?.lastError).toBe('attempt 1: curl exit 7 (could not connect)');
    });
  },
);
