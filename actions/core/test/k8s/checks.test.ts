import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertNoK6OnHubCluster, K6OnHubClusterError } from '../../src/k8s/checks.js';
import {
  createKubeApi,
  type KubeApi,
  kubeConfigFromCluster,
  kubeErrorMessage,
  redact,
} from '../../src/k8s/client.js';
import { type FakeKubeApi, startFakeKubeApi } from './fake-kube-api.js';
import { apiFor } from './helpers.js';

describe('assertNoK6OnHubCluster', () => {
  let fake: FakeKubeApi;
  let hub: KubeApi;
  beforeEach(async () => {
    fake = await startFakeKubeApi();
    hub = apiFor(fake, 'hub');
  });
  afterEach(async () => {
    await fake.close();
  });

  it('passes on a hub with no k6 pods and no TestRuns', async () => {
    fake.put('pods', {
      metadata: { name: 'central-ledger-0', namespace: 'mojaloop', labels: { app: 'central-ledger' } },
    });
    await expect(assertNoK6OnHubCluster(hub)).resolves.toBeUndefined();
    expect(fake.requests.some((r) => r.path === '/api/v1/pods' && r.query.labelSelector === 'k6_cr')).toBe(
      true,
    );
    expect(fake.requests.some((r) => r.path === '/apis/k6.io/v1alpha1/testruns')).toBe(true);
  });

  it('fails naming every k6 pod and TestRun it finds', async () => {
    fake.put('pods', {
      metadata: {
        name: 'rogue-1-abcde',
        namespace: 'default',
        labels: { app: 'k6', k6_cr: 'rogue', runner: 'true' },
      },
      status: { phase: 'Running' },
    });
    fake.put('pods', {
      metadata: {
        name: 'rogue-initializer-xyz',
        namespace: 'default',
        labels: { app: 'k6', k6_cr: 'rogue' },
      },
      status: { phase: 'Pending' },
    });
    fake.put('testruns', { metadata: { name: 'rogue', namespace: 'default' }, spec: { parallelism: 1 } });
    const error = await assertNoK6OnHubCluster(hub).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(K6OnHubClusterError);
    const message = (error as Error).message;
    expect(message).toContain('default/rogue-1-abcde (Running)');
    expect(message).toContain('default/rogue-initializer-xyz (Pending)');
    expect(message).toContain('TestRun(s) default/rogue');
    expect(message).not.toContain(fake.token);
  });

  it('a hub without the TestRun CRD (404 Status) still checks pods', async () => {
    fake.hide('testruns');
    await expect(assertNoK6OnHubCluster(hub)).resolves.toBeUndefined();
    fake.put('pods', {
      metadata: { name: 'k6-x-1-abc', namespace: 'load', labels: { k6_cr: 'k6-x', runner: 'true' } },
      status: { phase: 'Running' },
    });
    await expect(assertNoK6OnHubCluster(hub)).rejects.toThrow(/k6-operator pod\(s\) load\/k6-x-1-abc/);
  });

  it('an error from the API names the cluster and status but not the token', async () => {
    const bad = createKubeApi(
      { endpoint: fake.url, caBase64: '', token: 'hub-token-SHOULD-NOT-LEAK', name: 'hub' },
      { allowInsecureHttp: true },
    );
    const error = await assertNoK6OnHubCluster(bad).catch((e: unknown) => e);
    expect((error as Error).message).toBe('listing k6 pods on the hub cluster: HTTP 401: Unauthorized');
  });
});

describe('kubeConfigFromCluster', () => {
  const ca = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64');

  it('builds one cluster, one token user and a current context from coordinates, no file', () => {
    const kc = kubeConfigFromCluster({
      endpoint: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com',
      caBase64: ca,
      token: 'k8s-aws-v1.tok',
      name: 'load',
    });
    expect(kc.getCurrentCluster()).toMatchObject({
      name: 'load',
      server: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com',
      caData: ca,
      skipTLSVerify: false,
    });
    expect(kc.getCurrentUser()).toMatchObject({ token: 'k8s-aws-v1.tok' });
    expect(kc.getCurrentContext()).toBe('load');
  });

  it('refuses plain http unless explicitly allowed (fakes only), an empty token or an empty CA', () => {
    expect(() => kubeConfigFromCluster({ endpoint: 'http://1.2.3.4', caBase64: ca, token: 't' })).toThrow(
      /https/,
    );
    expect(() => kubeConfigFromCluster({ endpoint: 'https://x', caBase64: ca, token: ' ' })).toThrow(
      /token is empty/,
    );
    expect(() => kubeConfigFromCluster({ endpoint: 'https://x', caBase64: '', token: 'secret-t' })).toThrow(
      /certificate authority/,
    );
    try {
      kubeConfigFromCluster({ endpoint: 'ftp://x', caBase64: ca, token: 'secret-t' });
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-t');
    }
  });

  it('redacts the token and Bearer values from messages', () => {
    expect(redact('Authorization: Bearer abc.def-ghi and abc.def-ghi', ['abc.def-ghi'])).toBe(
      'Authorization: Bearer *** and ***',
    );
    expect(kubeErrorMessage(new Error('plain'))).toBe('plain');
    const api = createKubeApi({ endpoint: 'https://x', caBase64: ca, token: 'tok-123', name: 'hub' });
    expect(api.describe(new Error('failed with tok-123'))).toBe('failed with ***');
  });
});
