import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKubeApi, type ExpiringToken } from '../../src/k8s/client.js';
import { type FakeKubeApi, startFakeKubeApi } from './fake-kube-api.js';

/** The fake accepts only `FRESH`; the client starts with `STALE`, as a job does after 15 minutes. */
const FRESH = 'k8s-aws-v1.fresh-token-FRESH123';
const STALE = 'k8s-aws-v1.stale-token-STALE456';
const T0 = Date.parse('2026-11-25T22:00:00Z');

describe('createKubeApi with tokenRefresh (hour-long phases outlive an EKS token)', () => {
  let fake: FakeKubeApi;
  let now: number;
  let mints: number;
  const mint = async (): Promise<ExpiringToken> => {
    mints += 1;
    return { token: FRESH, expiresAt: new Date(now + 14 * 60_000).toISOString() };
  };
  beforeEach(async () => {
    fake = await startFakeKubeApi(FRESH);
    now = T0;
    mints = 0;
  });
  afterEach(async () => {
    await fake.close();
  });

  function api(initialExpiresAt: string) {
    return createKubeApi(
      { endpoint: fake.url, caBase64: '', token: STALE, name: 'load' },
      { allowInsecureHttp: true, tokenRefresh: { mint, initialExpiresAt, now: () => now } },
    );
  }

  it('presents the first token until a minute before its expiry, then mints once for concurrent calls', async () => {
    const load = api(new Date(T0 + 10 * 60_000).toISOString());
    // Still good: the stale token goes out and this fake refuses it.
    await expect(load.core.listNamespacedPod({ namespace: 'x' })).rejects.toMatchObject({ code: 401 });
    expect(mints).toBe(0);
    expect(fake.requests.at(-1)?.authorization).toBe(`Bearer ${STALE}`);

    now = T0 + 9 * 60_000 + 1; // inside the one-minute margin
    await Promise.all([
      load.core.listNamespacedPod({ namespace: 'x' }),
      load.core.listNamespacedPod({ namespace: 'y' }),
      load.core.listNamespacedPod({ namespace: 'z' }),
    ]);
    expect(mints).toBe(1);
    expect(fake.requests.slice(-3).map((r) => r.authorization)).toEqual(Array(3).fill(`Bearer ${FRESH}`));

    now += 5 * 60_000; // the fresh token has 14 minutes: no new mint
    await load.core.listNamespacedPod({ namespace: 'x' });
    expect(mints).toBe(1);
  });

  it('mints again when the minted token nears its own expiry', async () => {
    const load = api(new Date(T0).toISOString());
    await load.core.listNamespacedPod({ namespace: 'x' });
    now += 13 * 60_000 + 1;
    await load.core.listNamespacedPod({ namespace: 'x' });
    expect(mints).toBe(2);
  });

  it('redacts minted tokens from messages too', async () => {
    const load = api(new Date(T0).toISOString());
    await load.core.listNamespacedPod({ namespace: 'x' });
    expect(load.describe(new Error(`request with ${FRESH} and ${STALE}`))).toBe('request with *** and ***');
  });

  it('a failing mint fails the call with the mint error and the next call tries again', async () => {
    let fail = true;
    const load = createKubeApi(
      { endpoint: fake.url, caBase64: '', token: STALE, name: 'load' },
      {
        allowInsecureHttp: true,
        tokenRefresh: {
          initialExpiresAt: new Date(T0).toISOString(),
          now: () => now,
          mint: async () => {
            if (fail) throw new Error('sts: ExpiredToken');
            return mint();
          },
        },
      },
    );
    await expect(load.core.listNamespacedPod({ namespace: 'x' })).rejects.toThrow(/ExpiredToken/);
    fail = false;
    await expect(load.core.listNamespacedPod({ namespace: 'x' })).resolves.toBeDefined();
  });
});
