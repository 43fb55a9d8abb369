import { describe, expect, it } from 'vitest';
import { getSecretString } from '../../src/mojaloop/master-secret.js';
import { parseMasterSecret } from '../../src/mojaloop/objects.js';

const ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:rds!db-1a2b3c-AbCdEf';
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-real-secret', sessionToken: 'tok' };

/** FAKE Secrets Manager endpoint: records the request, answers as scripted. */
function fakeFetch(status: number, body: unknown) {
  const calls: Array<{ url: string; headers: Record<string, string>; body: string }> = [];
  const fetcher = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({
      url: String(url),
      headers: init?.headers as Record<string, string>,
      body: String(init?.body),
    });
    return new Response(JSON.stringify(body), { status });
  }) as typeof fetch;
  return { fetcher, calls };
}

describe('the RDS master secret', () => {
  it('is read with a SigV4-signed GetSecretValue in the secret region', async () => {
    const { fetcher, calls } = fakeFetch(200, {
      SecretString: '{"username":"mlperf_admin","password":"p@ss"}',
    });
    const text = await getSecretString({ arn: ARN, credentials: CREDENTIALS, fetch: fetcher });
    expect(parseMasterSecret(text, ARN)).toEqual({ username: 'mlperf_admin', password: 'p@ss' });
    expect(calls[0]?.url).toBe('https://secretsmanager.eu-west-2.amazonaws.com/');
    expect(calls[0]?.body).toBe(JSON.stringify({ SecretId: ARN }));
    expect(calls[0]?.headers['x-amz-target']).toBe('secretsmanager.GetSecretValue');
    expect(calls[0]?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-2\/secretsmanager\/aws4_request, SignedHeaders=[^,]*x-amz-target[^,]*, Signature=[0-9a-f]{64}$/,
    );
    expect(calls[0]?.headers['x-amz-security-token']).toBe('tok');
  });

  it('names the ARN and the AWS error, never a value', async () => {
    const { fetcher } = fakeFetch(400, {
      __type: 'com.amazonaws#AccessDeniedException',
      message: 'not authorized to perform secretsmanager:GetSecretValue',
    });
    await expect(getSecretString({ arn: ARN, credentials: CREDENTIALS, fetch: fetcher })).rejects.toThrow(
      `secretsmanager:GetSecretValue on ${ARN}: AccessDeniedException (not authorized to perform secretsmanager:GetSecretValue)`,
    );
    await expect(
      getSecretString({ arn: 'mlperf-db', credentials: CREDENTIALS, fetch: fetcher }),
    ).rejects.toThrow('input db-secret-arn: got "mlperf-db"; allowed: a Secrets Manager ARN');
    expect(() => parseMasterSecret('{"username":"u"}', ARN)).toThrow(
      `secret ${ARN}: missing username or password`,
    );
    expect(() => parseMasterSecret('hunter2', ARN)).toThrow(/not JSON/);
    try {
      parseMasterSecret('hunter2', ARN);
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });
});
