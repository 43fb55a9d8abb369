// The whole deploy through the REAL cluster adapter (createClusterObjects over @kubernetes/client-node)
// against the loopback FAKE API server: every object the deploy applies goes through the request
// paths a cluster would see. (deploy.test.ts drives the same deploy with an in-memory FakeCluster.)
import { afterEach, describe, expect, it } from 'vitest';
import { createClusterObjects } from '../../src/mojaloop/cluster.js';
import { deployMojaloop } from '../../src/mojaloop/deploy.js';
import { type FakeKubeApi, startFakeKubeApi } from '../k8s/fake-kube-api.js';
import { apiFor } from '../k8s/helpers.js';
import { CREDENTIALS, deps, FakeHelm, FLEET, INFRA, OPTIONS, ROOT, setup } from './deploy-support.js';

const GATEWAY_HOST = 'a1b2c3-hub.elb.eu-west-2.amazonaws.com';

let fake: FakeKubeApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function deployOnFake(api: FakeKubeApi) {
  const { config, plan, chartValues } = await setup();
  const objects = createClusterObjects(apiFor(api, 'hub'));
  return deployMojaloop(
    { config, plan, infra: INFRA, databaseCredentials: CREDENTIALS, cwd: ROOT, fleetRunValues: FLEET },
    deps(new FakeHelm(chartValues), objects),
    OPTIONS,
  );
}

describe('deployMojaloop through the real cluster adapter', () => {
  it('applies every object over the Kubernetes API, and a second run keeps or replaces them', async () => {
    fake = await startFakeKubeApi();
    // The schema Job succeeds; the gateway's Service has its load balancer host.
    fake.scriptJobs({ exitCode: 0 });
    fake.put('services', {
      metadata: { name: 'istio-ingressgateway', namespace: 'istio-ingress' },
      spec: { type: 'LoadBalancer', ports: [{ port: 80 }, { port: 443 }] },
      status: { loadBalancer: { ingress: [{ hostname: GATEWAY_HOST }] } },
    });

    const first = await deployOnFake(fake);
    expect(first.failure).toBeUndefined();
    expect(first).toMatchObject({ ok: true, gatewayHost: GATEWAY_HOST });
    expect(first.objects.created).toBeGreaterThan(30);

    const names = (plural: string, namespace?: string) =>
      (fake as FakeKubeApi)
        .list(plural, namespace)
        .map((o) => o.metadata.name)
        .sort();
    expect(names('namespaces')).toEqual(['dfsps', 'mojaloop']);
    expect(names('clusterissuers')).toEqual(['mlperf-environment-ca', 'mlperf-environment-ca-bootstrap']);
    expect(names('certificates', 'dfsps')).toEqual(
      expect.arrayContaining(['perffsp1-mtls', 'perffsp8-mtls', 'perfprobe1-mtls', 'perfprobe2-mtls']),
    );
    expect(names('secrets', 'dfsps')).toEqual(
      expect.arrayContaining([
        'perfprobe1-jws-signing-key',
        'perffsp1-jws-signing-key',
        'dfsp-jws-public-keys',
      ]),
    );
    expect(names('envoyfilters', 'istio-ingress')).toEqual(['mlperf-fspiop-source-binding']);
    expect(names('destinationrules', 'istio-ingress')).toHaveLength(8);
    expect(names('jobs', 'mojaloop')).toEqual(['mojaloop-db-init']);

    // Safe to re-run: nothing is created twice, keys are kept, routes replaced.
    const second = await deployOnFake(fake);
    expect(second.failure).toBeUndefined();
    expect(second.objects.created).toBe(0);
    expect(second.objects.kept).toBeGreaterThan(0);
    expect(second.objects.replaced).toBeGreaterThan(0);
    // No request carried anything but the fake's own bearer token.
    expect(fake.requests.every((r) => r.authorization === `Bearer ${fake?.token}`)).toBe(true);
  });
});
