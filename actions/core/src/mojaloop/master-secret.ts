/**
 * Reads the RDS-managed master secret (Secrets Manager `GetSecretValue`) with a SigV4-signed request,
 * so the deploy needs no extra SDK package: the one permission is `secretsmanager:GetSecretValue` on
 * that secret (and `kms:Decrypt` on its key). The value is returned to the caller only; errors carry the
 * ARN and AWS's error type, never the value.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentials } from '../aws/client-config.js';

type SourceData = string | ArrayBuffer | ArrayBufferView;

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** SHA-256 / HMAC-SHA-256 over node:crypto in the shape the SigV4 signer expects. */
class Sha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(this.secret));
  }
  update(data: SourceData): void {
    this.hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/** Fields of a Secrets Manager ARN: arn:<partition>:secretsmanager:<region>:<account>:secret:<name>. */
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):\d{12}:secret:.+$/;

export interface MasterSecretRequest {
  arn: string;
  credentials: AwsCredentials | (() => Promise<AwsCredentials>);
  /** Injected for tests; default global fetch. */
  fetch?: typeof fetch;
  /** Default `https://secretsmanager.<region>.amazonaws.com`. */
  endpoint?: string;
  timeoutMs?: number;
}

export async function getSecretString(request: MasterSecretRequest): Promise<string> {
  const match = SECRET_ARN.exec(request.arn);
  if (!match?.[1]) {
    throw new Error(
      `input db-secret-arn: got ${JSON.stringify(request.arn)}; allowed: a Secrets Manager ARN (provision output db_master_user_secret_arn)`,
    );
  }
  const region = match[1];
  const endpoint = new URL(request.endpoint ?? `https://secretsmanager.${region}.amazonaws.com`);
  const credentials =
    typeof request.credentials === 'function' ? await request.credentials() : request.credentials;
  const body = JSON.stringify({ SecretId: request.arn });
  const signer = new SignatureV4({
    service: 'secretsmanager',
    region,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
    },
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: true,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
    path: '/',
    headers: {
      host: endpoint.host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'secretsmanager.GetSecretValue',
    },
    body,
  });
  const response = await (request.fetch ?? fetch)(endpoint.toString(), {
    method: 'POST',
    headers: signed.headers as Record<string, string>,
    body,
    signal: AbortSignal.timeout(request.timeoutMs ?? 15_000),
  });
  const text = await response.text();
  let parsed: { SecretString?: unknown; __type?: unknown; message?: unknown; Message?: unknown } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    // an error page; reported by status below
  }
  if (!response.ok) {
    const type =
      typeof parsed.__type === 'string' ? parsed.__type.split('#').pop() : `HTTP ${response.status}`;
    const message = parsed.message ?? parsed.Message;
    throw new Error(
      `secretsmanager:GetSecretValue on ${request.arn}: ${type}${typeof message === 'string' ? ` (${message})` : ''}`,
    );
  }
  if (typeof parsed.SecretString !== 'string') {
    throw new Error(`secretsmanager:GetSecretValue on ${request.arn}: the answer has no SecretString`);
  }
  return parsed.SecretString;
}
