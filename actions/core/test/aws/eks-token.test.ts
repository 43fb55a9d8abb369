import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEksToken, EKS_TOKEN_PREFIX, stsHostname } from '../../src/index.js';

// Fixed, obviously fake credentials and a fixed clock: the token is fully determined by them.
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEXAMPLE//session+token=',
};
const NOW = new Date('2026-11-25T17:42:50.123Z');

function decode(token: string): URL {
  expect(token.startsWith(EKS_TOKEN_PREFIX)).toBe(true);
  const encoded = token.slice(EKS_TOKEN_PREFIX.length);
  expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, no padding
  return new URL(Buffer.from(encoded, 'base64url').toString('utf8'));
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const rfc3986 = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** SigV4 for a presigned GET, written out independently of the signer under test. */
function expectedSignature(url: URL, cluster: string, secret: string, region: string): string {
  const params = [...url.searchParams.entries()].filter(([key]) => key !== 'X-Amz-Signature');
  const canonicalQuery = params
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(([a], [b]) => ((a ?? '') < (b ?? '') ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [
    'GET',
    '/',
    canonicalQuery,
    `host:${url.hostname}\nx-k8s-aws-id:${cluster}\n`,
    'host;x-k8s-aws-id',
    createHash('sha256').update('').digest('hex'),
  ].join('\n');
  const date = url.searchParams.get('X-Amz-Date') ?? '';
  const scope = `${date.slice(0, 8)}/${region}/sts/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    date,
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date.slice(0, 8)), region), 'sts'), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

describe('EKS token', () => {
  it('is a presigned STS GetCallerIdentity URL, signed over the cluster header, expiring in 60 s', async () => {
    const { token, expiresAt } = await createEksToken({
      clusterName: 'mlperf-r42-hub',
      region: 'eu-west-2',
      credentials: CREDENTIALS,
      now: NOW,
    });
    const url = decode(token);
    expect(url.origin).toBe('https://sts.eu-west-2.amazonaws.com');
    expect(url.pathname).toBe('/');
    expect(
      Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k !== 'X-Amz-Signature')),
    ).toEqual({
      Action: 'GetCallerIdentity',
      Version: '2011-06-15',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIDEXAMPLE/20261125/eu-west-2/sts/aws4_request',
      'X-Amz-Date': '20261125T174250Z',
      'X-Amz-Expires': '60',
      'X-Amz-SignedHeaders': 'host;x-k8s-aws-id',
      'X-Amz-Security-Token': CREDENTIALS.sessionToken,
    });
    expect(url.searchParams.get('X-Amz-Signature')).toBe(
      expectedSignature(url, 'mlperf-r42-hub', CREDENTIALS.secretAccessKey, 'eu-west-2'),
    );
    expect(expiresAt).toBe('2026-11-25T17:56:50.123Z');
    // The secret never appears in the token.
    expect(Buffer.from(token.slice(EKS_TOKEN_PREFIX.length), 'base64url').toString()).not.toContain(
      CREDENTIALS.secretAccessKey,
    );
  });

  it('is the same for the same inputs and differs per cluster (the header is signed)', async () => {
    const make = (clusterName: string) =>
      createEksToken({ clusterName, region: 'eu-west-2', credentials: async () => CREDENTIALS, now: NOW });
    const [a, again, b] = await Promise.all([make('hub'), make('hub'), make('load')]);
    expect(again.token).toBe(a.token);
    expect(b.token).not.toBe(a.token);
    const urlB = decode(b.token);
    expect(urlB.searchParams.get('X-Amz-Signature')).toBe(
      expectedSignature(urlB, 'load', CREDENTIALS.secretAccessKey, 'eu-west-2'),
    );
  });

  it('leaves out the security token for long-lived keys and uses the partition of the region', async () => {
    const { token } = await createEksToken({
      clusterName: 'c',
      region: 'cn-north-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      now: NOW,
    });
    const url = decode(token);
    expect(url.hostname).toBe('sts.cn-north-1.amazonaws.com.cn');
    expect(url.searchParams.has('X-Amz-Security-Token')).toBe(false);
    expect(stsHostname('us-gov-west-1')).toBe('sts.us-gov-west-1.amazonaws.com');
  });

  it('refuses an empty cluster name', async () => {
    await expect(
      createEksToken({ clusterName: ' ', region: 'eu-west-2', credentials: CREDENTIALS }),
    ).rejects.toThrow(/cluster name/);
  });
});
