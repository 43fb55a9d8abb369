// Onboarding through the API server's service proxy, against the loopback FAKE API server.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { onboardOnCluster, resolveHubAdminServices, sdkCallbackBase } from '../../src/mojaloop/onboard.js';
import { createServiceProxyHttpClient, serviceProxyUrl } from '../../src/mojaloop/proxy-http.js';
import { createAdminTransport } from '../../src/onboarding/index.js';
import { type FakeKubeApi, type ServiceProxyRequest, startFakeKubeApi } from '../k8s/fake-kube-api.js';

let api: FakeKubeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('the service proxy HTTP client', () => {
  it('reaches a Service through the API server with the bearer token and the body as sent', async () => {
    api = await startFakeKubeApi();
    const seen: ServiceProxyRequest[] = [];
    api.serveProxy((request) => {
      seen.push(request);
      return { status: 201, body: { name: 'perffsp1' } };
    });
    const http = createServiceProxyHttpClient(
      { endpoint: api.url, caBase64: '', token: api.token },
      { timeoutMs: 2_000, allowInsecureHttp: true },
    );
    const admin = createAdminTransport(
      http,
      serviceProxyUrl(api.url, 'mojaloop', 'moja-centralledger-service', 80),
    );
    await expect(
      admin.call({ method: 'POST', path: '/participants', body: { name: 'perffsp1', currency: 'USD' } }),
    ).resolves.toEqual({ name: 'perffsp1' });
    expect(seen).toEqual([
      {
        namespace: 'mojaloop',
        service: 'moja-centralledger-service:80',
        path: 'participants',
        method: 'POST',
        body: { name: 'perffsp1', currency: 'USD' },
      },
    ]);
    const recorded = api.requests.at(-1);
    expect(recorded?.authorization).toBe(`Bearer ${api.token}`);
  });

  it('passes the API server answer through (a wrong token is a 401, not a crash) and never shows the token', async () => {
    api = await startFakeKubeApi();
    api.serveProxy(() => ({ status: 200, body: {} }));
    const http = createServiceProxyHttpClient(
      { endpoint: api.url, caBase64: '', token: 'wrong-token-XYZ' },
      { timeoutMs: 2_000, allowInsecureHttp: true },
    );
    const response = await http.request('GET', `${serviceProxyUrl(api.url, 'mojaloop', 'x', 80)}/health`);
    expect(response.status).toBe(401);
    const admin = createAdminTransport(http, serviceProxyUrl(api.url, 'mojaloop', 'x', 80));
    const error = await admin
      .call({ method: 'GET', path: '/participants' })
      .catch((e: unknown) => e as Error);
    expect(String(error)).not.toContain('wrong-token-XYZ');
  });

  it('refuses URLs outside the API server, plain http outside tests, and an empty token', async () => {
    api = await startFakeKubeApi();
    const http = createServiceProxyHttpClient(
      { endpoint: api.url, caBase64: '', token: api.token },
      { timeoutMs: 2_000, allowInsecureHttp: true },
    );
    await expect(http.request('GET', 'http://169.254.169.254/latest/meta-data')).rejects.toThrow(
      /not below the API server endpoint/,
    );
    expect(() =>
      createServiceProxyHttpClient({ endpoint: api?.url ?? '', caBase64: '', token: 't' }, { timeoutMs: 1 }),
    ).toThrow(/API server endpoint: got "http:\/\/127\.0\.0\.1:\d+"; allowed: an https:\/\/ URL/);
    expect(() =>
      createServiceProxyHttpClient(
        { endpoint: 'https://hub', caBase64: 'bm90IGEgY2VydA==', token: 't' },
        { timeoutMs: 1 },
      ),
    ).toThrow(/certificate authority: allowed: base64 PEM data/);
    expect(() =>
      createServiceProxyHttpClient({ endpoint: 'https://hub', caBase64: '', token: ' ' }, { timeoutMs: 1 }),
    ).toThrow(/token: got ""/);
  });

  it('reports a request that gets no answer in time, without headers', async () => {
    // A loopback server that accepts and never answers: the client's deadline must end the request.
    const silent = createServer(() => {});
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const http = createServiceProxyHttpClient(
        { endpoint, caBase64: '', token: 'tok-SECRET-1' },
        { timeoutMs: 100, allowInsecureHttp: true },
      );
      const error = await http
        .request('GET', `${serviceProxyUrl(endpoint, 'mojaloop', 'x', 80)}/health`)
        .catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(Error);
      expect(String(error)).toMatch(
        /GET \/api\/v1\/namespaces\/mojaloop\/services\/x:80\/proxy\/health: no answer within 100 ms/,
      );
      expect(String(error)).not.toContain('tok-SECRET-1');
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe('onboarding on the cluster', () => {
  it('refuses to guess when an admin Service is missing, naming what exists', () => {
    expect(() =>
      resolveHubAdminServices([{ name: 'moja-centralledger-service' }, { name: 'kafka' }]),
    ).toThrow(
      'namespace mojaloop: no Service *account-lookup-service-admin, *als-msisdn-oracle; found: kafka, moja-centralledger-service',
    );
  });

  it('sends the ledger, ALS admin and oracle calls to their Services through the proxy', async () => {
    api = await startFakeKubeApi();
    const services = resolveHubAdminServices(
      [
        'moja-centralledger-service',
        'moja-account-lookup-service',
        'moja-account-lookup-service-admin',
        'moja-als-msisdn-oracle',
        'kafka',
      ].map((name) => ({ name })),
    );
    const proxied = new Set<string>();
    api.serveProxy((request) => {
      proxied.add(request.service);
      // A hub that refuses everything: enough to see where the first calls go.
      return {
        status: 500,
        body: { errorInformation: { errorCode: '2001', errorDescription: 'Internal server error' } },
      };
    });
    const http = createServiceProxyHttpClient(
      { endpoint: api.url, caBase64: '', token: api.token },
      { timeoutMs: 2_000, allowInsecureHttp: true },
    );
    await expect(
      onboardOnCluster(
        {
          dfsps: { count: 2, currency: 'USD', partiesPerDfsp: 10, trafficMix: 'uniform' },
          security: { mtls: true, jwsSign: true, jwsValidate: true, ilp: true },
        },
        http,
        { endpoint: api.url, runId: 'r1', services },
      ),
    ).rejects.toThrow();
    expect(services).toEqual({
      ledger: 'moja-centralledger-service',
      alsAdmin: 'moja-account-lookup-service-admin',
      oracle: 'moja-als-msisdn-oracle',
    });
    expect([...proxied]).toEqual(['moja-centralledger-service:80']);
    // With mTLS the switch posts to the gateway, which adds the hub's client certificate.
    expect(sdkCallbackBase('perffsp2', true)).toBe(
      'http://istio-ingressgateway.istio-ingress.svc.cluster.local/callbacks/perffsp2',
    );
    expect(sdkCallbackBase('perffsp2', false)).toBe('http://perffsp2-sdk.dfsps.svc.cluster.local:4000');
  });
});
