import type { V1Job } from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KubeApi } from '../../src/k8s/client.js';
import {
  buildSecurityJob,
  IN_CLUSTER_HUB_URL,
  MAX_SCRIPT_BYTES,
  runSecurityJob,
  type SecurityJobInput,
  VERIFY_SECURITY_JOB,
  VERIFY_SECURITY_RECEIVER_URL,
} from '../../src/mojaloop/security-job.js';
import {
  SECURITY_ERROR_LINE,
  SECURITY_JOB_ENV,
  SECURITY_POSTURE_LINE,
} from '../../src/security/cluster-job-contract.js';
import { FakeClock } from '../aws/fake-clock.js';
import { type FakeKubeApi, startFakeKubeApi } from '../k8s/fake-kube-api.js';
import { apiFor } from '../k8s/helpers.js';
import { posture } from '../results/support.js';

const NS = VERIFY_SECURITY_JOB.namespace;
const SCRIPT = '// verify-security bundle\nconsole.log("x");\n';
const INPUT: SecurityJobInput = {
  script: SCRIPT,
  currency: 'USD',
  foreignFspId: 'perffsp1',
  nodeSelector: { 'mlperf/role': 'hub-services' },
};

describe('buildSecurityJob', () => {
  it('mounts the probe DFSPs’ certificates and all three JWS keys in the contract layout, read-only', () => {
    const job = buildSecurityJob('mlperf-verify-security-abc', INPUT, 300_000);
    const pod = job.spec?.template.spec;
    const container = pod?.containers[0];
    expect(container?.command).toEqual(['node', '/opt/mlperf/verify-security.mjs']);
    expect(Object.fromEntries((container?.env ?? []).map((e) => [e.name, e.value]))).toEqual({
      [SECURITY_JOB_ENV.hubUrl]: 'https://istio-ingressgateway.istio-ingress.svc.cluster.local',
      [SECURITY_JOB_ENV.currency]: 'USD',
      [SECURITY_JOB_ENV.receiverPort]: '8080',
      [SECURITY_JOB_ENV.receiverBaseUrl]: 'http://mlperf-verify-security.dfsps.svc.cluster.local:80',
      [SECURITY_JOB_ENV.foreignFspId]: 'perffsp1',
      [SECURITY_JOB_ENV.credentialsDir]: '/var/run/mlperf-verify',
    });
    expect(IN_CLUSTER_HUB_URL).toBe('https://istio-ingressgateway.istio-ingress.svc.cluster.local');
    expect(VERIFY_SECURITY_RECEIVER_URL).toBe('http://mlperf-verify-security.dfsps.svc.cluster.local:80');
    const mounts = Object.fromEntries((container?.volumeMounts ?? []).map((m) => [m.name, m.mountPath]));
    expect(mounts).toEqual({
      script: '/opt/mlperf',
      'mtls-perfprobe1': '/var/run/mlperf-verify/mtls/perfprobe1',
      'mtls-perfprobe2': '/var/run/mlperf-verify/mtls/perfprobe2',
      'jws-perfprobe1': '/var/run/mlperf-verify/jws/perfprobe1',
      'jws-perfprobe2': '/var/run/mlperf-verify/jws/perfprobe2',
      'jws-perffsp1': '/var/run/mlperf-verify/jws/perffsp1',
    });
    expect((container?.volumeMounts ?? []).every((m) => m.readOnly)).toBe(true);
    const secrets = Object.fromEntries(
      (pod?.volumes ?? []).filter((v) => v.secret).map((v) => [v.name, v.secret?.secretName]),
    );
    expect(secrets).toEqual({
      'mtls-perfprobe1': 'perfprobe1-mtls',
      'mtls-perfprobe2': 'perfprobe2-mtls',
      'jws-perfprobe1': 'perfprobe1-jws-signing-key',
      'jws-perfprobe2': 'perfprobe2-jws-signing-key',
      'jws-perffsp1': 'perffsp1-jws-signing-key',
    });
    // Locked down: non-root, no token, nothing writable, no capabilities, one attempt.
    expect(pod?.automountServiceAccountToken).toBe(false);
    expect(pod?.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 });
    expect(container?.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(job.spec?.backoffLimit).toBe(0);
    expect(job.spec?.activeDeadlineSeconds).toBe(300);
    expect(pod?.nodeSelector).toEqual({ 'mlperf/role': 'hub-services' });
    // No mesh sidecar: one would outlive the container and the Job would never complete.
    expect(job.spec?.template.metadata?.annotations).toEqual({ 'sidecar.istio.io/inject': 'false' });
  });

  it('refuses a script a ConfigMap cannot hold, a probe DFSP as the foreign signer and a bad currency', () => {
    expect(() =>
      buildSecurityJob('x', { ...INPUT, script: 'x'.repeat(MAX_SCRIPT_BYTES + 1) }, 60_000),
    ).toThrow(
      /verify-security script: got "921601 bytes"; allowed: a non-empty bundle of at most 921600 bytes/,
    );
    expect(() => buildSecurityJob('x', { ...INPUT, script: '' }, 60_000)).toThrow(/script: got "0 bytes"/);
    expect(() => buildSecurityJob('x', { ...INPUT, foreignFspId: 'perfprobe2' }, 60_000)).toThrow(
      /foreignFspId: got "perfprobe2"; allowed: a fleet DFSP id \(not a probe DFSP\)/,
    );
    expect(() => buildSecurityJob('x', { ...INPUT, currency: 'usd' }, 60_000)).toThrow(
      /currency: got "usd"; allowed: an ISO 4217 code/,
    );
  });
});

describe('runSecurityJob against a fake Kubernetes API', () => {
  let fake: FakeKubeApi;
  let api: KubeApi;
  let clock: FakeClock;
  let lines: string[];
  const options = (deadlineMs = 60_000) => ({
    deadlineMs,
    clock,
    pollMs: 1_000,
    log: (line: string) => lines.push(line),
  });
  const leftovers = () => ({
    configMaps: fake.list('configmaps', NS).map((o) => o.metadata.name),
    services: fake.list('services', NS).map((o) => o.metadata.name),
    jobs: fake.list('jobs', NS).map((o) => o.metadata.name),
  });
  const nothingLeft = { configMaps: [], services: [], jobs: [] };

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

  it('runs the Job behind its receiver Service, reads the posture from the log, and removes everything', async () => {
    const proven = posture();
    fake.scriptJobs({
      exitCode: 0,
      log: `listening on 8080\n${SECURITY_POSTURE_LINE} ${JSON.stringify(proven)}\n`,
      runningReads: 2,
    });
    let seen: { configMap?: unknown; service?: unknown; job?: V1Job } = {};
    fake.onRequest((request) => {
      // What the cluster held while the Job ran.
      if (request.method === 'GET' && request.path.includes('/jobs/') && seen.job === undefined) {
        seen = {
          configMap: fake.get('configmaps', NS, VERIFY_SECURITY_JOB.configMap),
          service: fake.get('services', NS, VERIFY_SECURITY_JOB.service),
          job: fake.list('jobs', NS)[0] as V1Job,
        };
      }
    });
    const outcome = await runSecurityJob(api, INPUT, options());
    expect(outcome).toEqual({ posture: proven, problem: null, cleanupProblems: [] });
    expect(seen.configMap).toMatchObject({ data: { 'verify-security.mjs': SCRIPT } });
    expect(seen.service).toMatchObject({
      spec: {
        selector: { 'app.kubernetes.io/name': 'mlperf-verify-security' },
        ports: [{ port: 80, targetPort: 8080 }],
      },
    });
    // The Service selects the Job's pod.
    expect(seen.job?.spec?.template.metadata?.labels).toMatchObject({
      'app.kubernetes.io/name': 'mlperf-verify-security',
    });
    expect(leftovers()).toEqual(nothingLeft);
    expect(fake.deletedJobs).toHaveLength(1);
  });

  it('replaces a ConfigMap and a Service left over from an earlier run', async () => {
    const stale = (kind: string) => ({
      apiVersion: 'v1',
      kind,
      metadata: {
        name: kind === 'Service' ? VERIFY_SECURITY_JOB.service : VERIFY_SECURITY_JOB.configMap,
        namespace: NS,
      },
      ...(kind === 'Service'
        ? { spec: { selector: { app: 'old' } } }
        : { data: { 'verify-security.mjs': 'old' } }),
    });
    fake.put('configmaps', stale('ConfigMap'));
    fake.put('services', stale('Service'));
    let script: unknown;
    fake.onRequest((request) => {
      if (request.method === 'GET' && request.path.includes('/jobs/'))
        script = fake.get('configmaps', NS, VERIFY_SECURITY_JOB.configMap)?.data;
    });
    fake.scriptJobs({ exitCode: 0, log: `${SECURITY_POSTURE_LINE} ${JSON.stringify(posture())}\n` });
    const outcome = await runSecurityJob(api, INPUT, options());
    expect(outcome.posture).not.toBeNull();
    expect(script).toEqual({ 'verify-security.mjs': SCRIPT });
    expect(leftovers()).toEqual(nothingLeft);
  });

  it('a Job that reports its own error: no posture, its message and the diagnosis', async () => {
    fake.scriptJobs({
      exitCode: 1,
      log: `${SECURITY_ERROR_LINE} ${SECURITY_JOB_ENV.hubUrl}: got "ftp://x"; allowed: an http(s) URL\n`,
    });
    const outcome = await runSecurityJob(api, INPUT, options());
    expect(outcome.posture).toBeNull();
    expect(outcome.problem).toContain('got "ftp://x"; allowed: an http(s) URL');
    expect(outcome.problem).toMatch(/Verify-security Job dfsps\/mlperf-verify-security-\w+ failed/);
    expect(outcome.problem).toMatch(/container verify-security: terminated Error \(exit 1\)/);
    expect(leftovers()).toEqual(nothingLeft);
  });

  it('a pod that never starts: the deadline, a diagnosis naming the image pull, everything removed', async () => {
    fake.scriptJobs({
      waiting: {
        reason: 'ImagePullBackOff',
        message: `Back-off pulling image "${VERIFY_SECURITY_JOB.image}"`,
      },
    });
    const outcome = await runSecurityJob(api, INPUT, options(10_000));
    expect(outcome.posture).toBeNull();
    expect(outcome.problem).toMatch(/did not finish within 10 s; deleted it\./);
    expect(outcome.problem).toMatch(/\(Pending\): ImagePullBackOff/);
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(leftovers()).toEqual(nothingLeft);
  });

  it('a posture line that breaks the results schema is refused, not trusted', async () => {
    const forged = {
      ...posture(),
      controls: { ...posture().controls, mtls: { status: 'proven', evidence: 'trust me', probes: [] } },
    };
    fake.scriptJobs({ exitCode: 0, log: `${SECURITY_POSTURE_LINE} ${JSON.stringify(forged)}\n` });
    const outcome = await runSecurityJob(api, INPUT, options());
    expect(outcome.posture).toBeNull();
    expect(outcome.problem).toMatch(/controls\.mtls\.status/);
  });

  it('bad input is refused before any API call', async () => {
    await expect(runSecurityJob(api, { ...INPUT, foreignFspId: 'perfprobe1' }, options())).rejects.toThrow(
      /foreignFspId/,
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('the namespace missing: the API error, and nothing left behind', async () => {
    fake.hide('configmaps');
    const outcome = await runSecurityJob(api, INPUT, options());
    expect(outcome.posture).toBeNull();
    expect(outcome.problem).toMatch(/404|not found/i);
    expect(fake.requests.filter((r) => r.path.includes('/jobs'))).toHaveLength(0);
  });
});
