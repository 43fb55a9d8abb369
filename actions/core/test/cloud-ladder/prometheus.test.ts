import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createHubPromQuery,
  findRemoteWriteUrl,
  HUB_PROMETHEUS,
  kubePrometheusStackFullname,
  serviceProxyBaseUrl,
} from '../../src/cloud-ladder/index.js';
import { PromQueryError } from '../../src/prometheus/client.js';
import { FakeClock } from '../aws/fake-clock.js';
import { type FakeKubeApi, startFakeKubeApi } from '../k8s/fake-kube-api.js';
import { apiFor } from '../k8s/helpers.js';
import { createTestPki, type TestPki } from '../security/pki.js';

const TOKEN = 'k8s-aws-v1.hub-token-SECRET-A';
const FRESH = 'k8s-aws-v1.hub-token-SECRET-B';

describe('hub Prometheus names', () => {
  it('follows the chart: release "monitoring" → monitoring-kube-prometheus-prometheus, port http-web', () => {
    expect(HUB_PROMETHEUS).toEqual({
      namespace: 'monitoring',
      service: 'monitoring-kube-prometheus-prometheus',
      portName: 'http-web',
      port: 9090,
    });
    expect(kubePrometheusStackFullname('kube-prometheus-stack')).toBe('kube-prometheus-stack');
    expect(kubePrometheusStackFullname('mon')).toBe('mon-kube-prometheus-stack');
    expect(serviceProxyBaseUrl('https://ABC.gr7.eu-west-2.eks.amazonaws.com/')).toBe(
      'https://ABC.gr7.eu-west-2.eks.amazonaws.com/api/v1/namespaces/monitoring/services/http:monitoring-kube-prometheus-prometheus:http-web/proxy/',
    );
  });
});

describe('createHubPromQuery over https with the cluster CA (loopback API-server stand-in)', () => {
  let pki: TestPki;
  let other: TestPki;
  let server: Server;
  let endpoint: string;
  const seen: Array<{ path: string; authorization: string | undefined; body: string }> = [];

  beforeAll(async () => {
    pki = createTestPki([]);
    other = createTestPki([]);
    server = createHttpsServer({ cert: pki.hub.certPem, key: pki.hub.keyPem }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({
          path: req.url ?? '',
          authorization: req.headers.authorization,
          body: Buffer.concat(chunks).toString(),
        });
        if (
          req.headers.authorization !== `Bearer ${FRESH}` &&
          req.headers.authorization !== `Bearer ${TOKEN}`
        ) {
          // Text that echoes the header, so only redaction keeps the token out of the error.
          res.writeHead(401, { 'content-type': 'text/plain' });
          res.end(`Unauthorized: ${req.headers.authorization}`);
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            status: 'success',
            data: { resultType: 'vector', result: [{ metric: {}, value: [1, '42'] }] },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    pki.dispose();
    other.dispose();
  });
  afterEach(() => {
    seen.length = 0;
  });

  const ca = (p: TestPki) => Buffer.from(p.caPem).toString('base64');

  it('trusts the cluster CA, posts the query to the service proxy with the bearer token', async () => {
    const prom = createHubPromQuery({ endpoint, caBase64: ca(pki), token: TOKEN });
    const result = await prom.instantQuery('sum(up)', 1_795_600_000_000);
    expect(result.samples[0]?.value).toBe(42);
    expect(seen).toEqual([
      {
        path: '/api/v1/namespaces/monitoring/services/http:monitoring-kube-prometheus-prometheus:http-web/proxy/api/v1/query',
        authorization: `Bearer ${TOKEN}`,
        body: 'query=sum%28up%29&time=1795600000.000',
      },
    ]);
  });

  it('refuses a server whose certificate another CA signed, without the token in the error', async () => {
    const prom = createHubPromQuery({ endpoint, caBase64: ca(other), token: TOKEN });
    const error = await prom.instantQuery('up', 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PromQueryError);
    expect((error as Error).message).toMatch(/^Prometheus at https:\/\/127\.0\.0\.1:\d+ unreachable/);
    expect(seen).toEqual([]);
  });

  it('refuses plain http unless allowed (tests only)', async () => {
    const prom = createHubPromQuery({ endpoint: 'http://127.0.0.1:1', caBase64: '', token: TOKEN });
    await expect(prom.instantQuery('up', 0)).rejects.toThrow(/https:\/\/ endpoint is required/);
  });

  it('renews the token before it expires, once, and redacts every token from errors', async () => {
    let now = Date.parse('2026-11-25T22:00:00Z');
    let mints = 0;
    const prom = createHubPromQuery(
      { endpoint, caBase64: ca(pki), token: TOKEN },
      {
        tokenRefresh: {
          initialExpiresAt: new Date(now + 14 * 60_000).toISOString(),
          now: () => now,
          mint: async () => {
            mints += 1;
            return { token: FRESH, expiresAt: new Date(now + 14 * 60_000).toISOString() };
          },
        },
      },
    );
    await prom.instantQuery('up', 0);
    now += 13 * 60_000 + 1; // inside the one-minute margin
    await Promise.all([prom.instantQuery('up', 0), prom.instantQuery('up', 0)]);
    expect(mints).toBe(1);
    expect(seen.map((s) => s.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${FRESH}`,
      `Bearer ${FRESH}`,
    ]);

    // A 401 whose body echoes the header: the message keeps the status, never the token.
    const bad = createHubPromQuery({ endpoint, caBase64: ca(pki), token: 'k8s-aws-v1.WRONG-SECRET-C' });
    const error = (await bad.instantQuery('up', 0).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('HTTP 401 with a body that is not JSON: Unauthorized: Bearer ***');
    expect(error.message).not.toContain('WRONG-SECRET-C');
  });
});

describe('findRemoteWriteUrl (fake hub API server)', () => {
  let hub: FakeKubeApi;
  afterEach(async () => {
    await hub.close();
  });

  it('uses the ip when the load balancer has no hostname, and the Service port named http-web', async () => {
    hub = await startFakeKubeApi();
    hub.put('services', {
      metadata: { name: HUB_PROMETHEUS.service, namespace: HUB_PROMETHEUS.namespace },
      spec: { type: 'LoadBalancer', ports: [{ name: 'http-web', port: 9091 }] },
      status: { loadBalancer: { ingress: [{ ip: '10.40.97.12' }] } },
    });
    const url = await findRemoteWriteUrl(apiFor(hub, 'hub'), { clock: new FakeClock() });
    expect(url).toBe('http://10.40.97.12:9091/api/v1/write');
  });

  it('waits for the address and then uses it', async () => {
    hub = await startFakeKubeApi();
    const service = {
      metadata: { name: HUB_PROMETHEUS.service, namespace: HUB_PROMETHEUS.namespace },
      spec: { type: 'LoadBalancer', ports: [{ name: 'http-web', port: 9090 }] },
      status: { loadBalancer: {} },
    };
    hub.put('services', service);
    let reads = 0;
    hub.onRequest((r) => {
      if (r.path.endsWith(`/services/${HUB_PROMETHEUS.service}`) && ++reads === 3) {
        hub.put('services', {
          ...service,
          status: { loadBalancer: { ingress: [{ hostname: 'nlb.example' }] } },
        });
      }
    });
    const clock = new FakeClock();
    const lines: string[] = [];
    const url = await findRemoteWriteUrl(apiFor(hub, 'hub'), {
      clock,
      pollMs: 10_000,
      log: (l) => lines.push(l),
    });
    expect(url).toBe('http://nlb.example:9090/api/v1/write');
    expect(clock.sleeps).toEqual([10_000, 10_000]);
    expect(lines).toHaveLength(1);
  });

  it('names the platform phase when the Service does not exist', async () => {
    hub = await startFakeKubeApi();
    await expect(findRemoteWriteUrl(apiFor(hub, 'hub'), { clock: new FakeClock() })).rejects.toThrow(
      'hub Prometheus: Service monitoring/monitoring-kube-prometheus-prometheus on the hub cluster not found; the platform phase installs it',
    );
  });

  it("adds the Service's events to the timeout error", async () => {
    hub = await startFakeKubeApi();
    hub.put('services', {
      metadata: { name: HUB_PROMETHEUS.service, namespace: HUB_PROMETHEUS.namespace },
      spec: { type: 'LoadBalancer' },
      status: {},
    });
    hub.put('events', {
      metadata: { name: 'svc.evt1', namespace: HUB_PROMETHEUS.namespace },
      involvedObject: { kind: 'Service', name: HUB_PROMETHEUS.service, namespace: HUB_PROMETHEUS.namespace },
      type: 'Warning',
      reason: 'FailedBuildModel',
      message: 'no subnets found for internal load balancer',
    });
    await expect(
      findRemoteWriteUrl(apiFor(hub, 'hub'), { clock: new FakeClock(), waitMs: 30_000, pollMs: 10_000 }),
    ).rejects.toThrow(
      /no load balancer address after 30 s; .*\n- event Warning FailedBuildModel: no subnets found for internal load balancer$/,
    );
  });
});
