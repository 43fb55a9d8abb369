// The real cluster adapter over @kubernetes/client-node, against the loopback FAKE API server.
import { afterEach, describe, expect, it } from 'vitest';
import { createKubeApi } from '../../src/k8s/client.js';
import { applySupportsKind, createClusterObjects } from '../../src/mojaloop/cluster.js';
import {
  caManifests,
  dbInitJob,
  dfspCertificate,
  gatewayCertificate,
  gatewayManifests,
  hubCallbackClientCertificate,
  namespaceManifest,
  secretManifest,
} from '../../src/mojaloop/objects.js';
import { buildSecurityJob } from '../../src/mojaloop/security-job.js';
import { type FakeKubeApi, startFakeKubeApi } from '../k8s/fake-kube-api.js';

let fake: FakeKubeApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function objects() {
  fake = await startFakeKubeApi();
  const api = createKubeApi(
    { endpoint: fake.url, caBase64: '', token: fake.token, name: 'hub' },
    { allowInsecureHttp: true },
  );
  return { fake, cluster: createClusterObjects(api) };
}

describe('the cluster adapter', () => {
  it('knows every kind the deploy applies (a kind it does not know would stop a real deploy)', () => {
    const applied = [
      namespaceManifest('dfsps'),
      secretManifest('dfsps', 'x', { k: 'v' }),
      ...caManifests(),
      gatewayCertificate('gw.example'),
      dfspCertificate('perffsp1'),
      hubCallbackClientCertificate(),
      dbInitJob('db.example', 3306, ['central_ledger'], {}),
      ...gatewayManifests(['perffsp1', 'perffsp2'], 4001, true),
      ...gatewayManifests(['perffsp1'], 4001, false),
    ];
    expect(applied.map((m) => m.kind).filter((kind) => !applySupportsKind(kind))).toEqual([]);
    // The verify-security Job is created through the batch API directly, not through apply.
    expect(
      buildSecurityJob(
        'x',
        { script: 'x', currency: 'USD', foreignFspId: 'perffsp1', nodeSelector: {} },
        60_000,
      ).kind,
    ).toBe('Job');
  });

  it('applies the gateway, its source binding, routes and DestinationRules through the real client', async () => {
    const { fake, cluster } = await objects();
    const manifests = gatewayManifests(['perffsp1', 'perffsp2'], 4001, true);
    for (const manifest of manifests) expect(await cluster.apply(manifest, 'replace')).toBe('created');
    for (const manifest of manifests) expect(await cluster.apply(manifest, 'replace')).toBe('replaced');
    expect(
      fake.get('envoyfilters', 'istio-ingress', 'mlperf-fspiop-source-binding')?.spec.workloadSelector,
    ).toEqual({
      labels: { istio: 'ingressgateway' },
    });
    expect(fake.list('destinationrules', 'istio-ingress')).toHaveLength(2);
    expect(fake.get('gateways', 'istio-ingress', 'mlperf-hub')).toBeDefined();
    const paths = new Set(fake.requests.filter((r) => r.method === 'POST').map((r) => r.path));
    expect(paths).toContain('/apis/networking.istio.io/v1alpha3/namespaces/istio-ingress/envoyfilters');
    expect(paths).toContain('/apis/networking.istio.io/v1/namespaces/istio-ingress/destinationrules');
  });

  it('creates a Secret, keeps it when asked to, replaces it when asked to, and reads a key back', async () => {
    const { fake, cluster } = await objects();
    expect(
      await cluster.apply(secretManifest('dfsps', 'dfsp-ilp-secret', { secret: 'first' }), 'create-only'),
    ).toBe('created');
    expect(
      await cluster.apply(secretManifest('dfsps', 'dfsp-ilp-secret', { secret: 'second' }), 'create-only'),
    ).toBe('kept');
    expect(await cluster.readSecretKey('dfsps', 'dfsp-ilp-secret', 'secret')).toBe('first');
    expect(
      await cluster.apply(secretManifest('dfsps', 'dfsp-ilp-secret', { secret: 'third' }), 'replace'),
    ).toBe('replaced');
    expect(await cluster.readSecretKey('dfsps', 'dfsp-ilp-secret', 'secret')).toBe('third');
    expect(await cluster.readSecretKey('dfsps', 'dfsp-ilp-secret', 'other')).toBeNull();
    expect(await cluster.readSecretKey('dfsps', 'missing', 'secret')).toBeNull();
    const put = fake.requests.filter((r) => r.method === 'PUT');
    expect(put.map((r) => r.path)).toEqual(['/api/v1/namespaces/dfsps/secrets/dfsp-ilp-secret']);
  });

  it('applies cert-manager Certificates as custom objects', async () => {
    const { fake, cluster } = await objects();
    expect(await cluster.apply(dfspCertificate('perffsp1'), 'replace')).toBe('created');
    expect(await cluster.apply(dfspCertificate('perffsp1'), 'replace')).toBe('replaced');
    expect(fake.get('certificates', 'dfsps', 'perffsp1-mtls')?.spec.issuerRef).toEqual({
      name: 'mlperf-environment-ca',
      kind: 'ClusterIssuer',
      group: 'cert-manager.io',
    });
  });

  it('lists Services, reads a load balancer host, and says a Job is missing', async () => {
    const { fake, cluster } = await objects();
    fake.put('services', {
      metadata: { name: 'istio-ingressgateway', namespace: 'istio-ingress' },
      spec: { ports: [{ port: 80 }, { port: 443 }] },
      status: { loadBalancer: { ingress: [{ hostname: 'a1-hub.elb.amazonaws.com' }] } },
    });
    fake.put('services', {
      metadata: { name: 'kafka-headless', namespace: 'mojaloop' },
      spec: { clusterIP: 'None', ports: [{ port: 9092 }] },
    });
    expect(await cluster.loadBalancerHost('istio-ingress', 'istio-ingressgateway')).toBe(
      'a1-hub.elb.amazonaws.com',
    );
    expect(await cluster.loadBalancerHost('istio-ingress', 'nope')).toBeNull();
    expect(await cluster.listServices('mojaloop')).toEqual([
      { name: 'kafka-headless', ports: [9092], headless: true },
    ]);
    expect(await cluster.jobState('mojaloop', 'mojaloop-db-init')).toBe('missing');
  });

  it('names the object and the API answer on failure, never the token', async () => {
    const { fake, cluster } = await objects();
    // A cluster without cert-manager's CRDs: the API answers 404.
    fake.hide('clusterissuers');
    const [selfSigned] = caManifests();
    const error = await cluster.apply(selfSigned as never, 'create-only').catch((e: unknown) => e as Error);
    expect(String(error)).toMatch(/^Error: create ClusterIssuer mlperf-environment-ca-bootstrap: HTTP 404/);
    expect(String(error)).not.toContain(fake.token);
  });
});
