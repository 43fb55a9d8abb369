import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { getSecretString } from '../../src/mojaloop/master-secret.js';
import { parseMasterSecret } from '../../src/mojaloop/objects.js';

const ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:rds!db-1a2b3c-AbCdEf';
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-real-secret', sessionToken: 'tok' };

// FAKE Secrets Manager: aws-sdk-client-mock answers the real client's commands in-process.
const secrets = mockClient(SecretsManagerClient);
afterEach(() => secrets.reset());

describe('the RDS master secret', () => {
  it('is read with GetSecretValue for exactly that ARN, in the region the ARN names', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolves({ SecretString: '{"username":"mlperf_admin","password":"p@ss"}' });
    const text = await getSecretString({ arn: ARN, client: { credentials: CREDENTIALS } });
    expect(parseMasterSecret(text, ARN)).toEqual({ username: 'mlperf_admin', password: 'p@ss' });
    const calls = secrets.commandCalls(GetSecretValueCommand);
    expect(calls.map((call) => call.args[0].input)).toEqual([{ SecretId: ARN }]);
    expect(await calls[0]?.thisValue.config.region()).toBe('eu-west-2');
  });

  it('names the ARN and the AWS error, never a value', async () => {
    const denied = Object.assign(new Error('not authorized to perform secretsmanager:GetSecretValue'), {
      name: 'AccessDeniedException',
    });
    secrets.on(GetSecretValueCommand).rejects(denied);
    await expect(
      getSecretString({ arn: ARN, client: { credentials: CREDENTIALS, maxAttempts: 1 } }),
    ).rejects.toThrow(
      `secretsmanager:GetSecretValue on ${ARN}: AccessDeniedException (not authorized to perform secretsmanager:GetSecretValue)`,
    );
    secrets.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1]) });
    await expect(getSecretString({ arn: ARN, client: { credentials: CREDENTIALS } })).rejects.toThrow(
      `secretsmanager:GetSecretValue on ${ARN}: the answer has no SecretString`,
    );
    await expect(getSecretString({ arn: 'mlperf-db' })).rejects.toThrow(
      'input db-secret-arn: got "mlperf-db"; allowed: a Secrets Manager ARN',
    );
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
