/**
 * Reads the RDS-managed master secret with the official Secrets Manager client (`GetSecretValue`):
 * the one permission is `secretsmanager:GetSecretValue` on that secret (and `kms:Decrypt` on its key).
 * The value is returned to the caller only; errors carry the ARN and AWS's error name, never the value.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type AwsClientSettings, awsClientConfig } from '../aws/client-config.js';

/** Fields of a Secrets Manager ARN: arn:<partition>:secretsmanager:<region>:<account>:secret:<name>. */
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):\d{12}:secret:.+$/;

export interface MasterSecretRequest {
  arn: string;
  /** Client settings besides the region, which comes from the ARN (credentials, endpoint in tests). */
  client?: Omit<AwsClientSettings, 'region'>;
}

/** The region of a Secrets Manager ARN; refuses anything else naming the input. */
export function secretRegion(arn: string): string {
  const region = SECRET_ARN.exec(arn)?.[1];
  if (region === undefined) {
    throw new Error(
      `input db-secret-arn: got ${JSON.stringify(arn)}; allowed: a Secrets Manager ARN (provision output db_master_user_secret_arn)`,
    );
  }
  return region;
}

export async function getSecretString(request: MasterSecretRequest): Promise<string> {
  const region = secretRegion(request.arn);
  const client = new SecretsManagerClient(awsClientConfig({ ...request.client, region }));
  let secret: string | undefined;
  try {
    secret = (await client.send(new GetSecretValueCommand({ SecretId: request.arn }))).SecretString;
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`secretsmanager:GetSecretValue on ${request.arn}: ${name} (${message})`);
  } finally {
    client.destroy();
  }
  if (typeof secret !== 'string') {
    throw new Error(`secretsmanager:GetSecretValue on ${request.arn}: the answer has no SecretString`);
  }
  return secret;
}
