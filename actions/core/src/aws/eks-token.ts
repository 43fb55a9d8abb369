/**
 * The bearer token EKS accepts from an IAM principal, as `aws eks get-token` makes it:
 * `k8s-aws-v1.` + base64url(a presigned STS GetCallerIdentity URL) without padding. The URL is
 * signed with SigV4 from the caller's credentials, carries the cluster name in the signed
 * `x-k8s-aws-id` header and expires after 60 seconds (X-Amz-Expires). The API server checks the
 * signing time itself and accepts a token for about 15 minutes, so later phases mint a new one
 * per use rather than keeping it.
 *
 * The token is a credential: never log it. The action shells mask it before publishing.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentials } from './client-config.js';

export const EKS_TOKEN_PREFIX = 'k8s-aws-v1.';
/** X-Amz-Expires of the presigned URL, seconds. */
export const EKS_TOKEN_URL_EXPIRY_SECONDS = 60;
/** How long after signing a consumer may still present the token; EKS allows 15 min, keep a margin. */
export const EKS_TOKEN_USABLE_MS = 14 * 60 * 1000;
const CLUSTER_ID_HEADER = 'x-k8s-aws-id';

type SourceData = string | ArrayBuffer | ArrayBufferView;

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** SHA-256 (or HMAC-SHA-256 with a secret) over node:crypto, in the shape the SigV4 signer expects. */
class NodeSha256 {
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

/** The STS endpoint host of a region in its partition. */
export function stsHostname(region: string): string {
  if (region.startsWith('cn-')) return `sts.${region}.amazonaws.com.cn`;
  if (region.startsWith('us-isob-')) return `sts.${region}.sc2s.sgov.gov`;
  if (region.startsWith('us-iso-')) return `sts.${region}.c2s.ic.gov`;
  return `sts.${region}.amazonaws.com`;
}

/** RFC 3986 query encoding, as SigV4 canonicalises it. */
function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export interface EksTokenRequest {
  clusterName: string;
  region: string;
  credentials: AwsCredentials | (() => Promise<AwsCredentials>);
  /** Signing time; defaults to now. */
  now?: Date;
}

export interface EksToken {
  token: string;
  /** When a consumer should stop presenting it (RFC 3339). */
  expiresAt: string;
}

export async function createEksToken(request: EksTokenRequest): Promise<EksToken> {
  const { clusterName, region } = request;
  if (clusterName.trim() === '') throw new Error('an EKS token needs a cluster name');
  const credentials =
    typeof request.credentials === 'function' ? await request.credentials() : request.credentials;
  const signingDate = request.now ?? new Date();
  const hostname = stsHostname(region);
  const signer = new SignatureV4({
    service: 'sts',
    region,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
    },
    sha256: NodeSha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
  const presigned = await signer.presign(
    {
      method: 'GET',
      protocol: 'https:',
      hostname,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host: hostname, [CLUSTER_ID_HEADER]: clusterName },
    },
    { expiresIn: EKS_TOKEN_URL_EXPIRY_SECONDS, signingDate },
  );
  const query = Object.entries(presigned.query ?? {})
    .flatMap(([key, value]) => (Array.isArray(value) ? value.map((v) => [key, v]) : [[key, value]]))
    .filter((pair): pair is [string, string] => typeof pair[1] === 'string')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${encodeRfc3986(key)}=${encodeRfc3986(value)}`)
    .join('&');
  const url = `https://${hostname}/?${query}`;
  return {
    token: EKS_TOKEN_PREFIX + Buffer.from(url, 'utf8').toString('base64url'),
    expiresAt: new Date(signingDate.getTime() + EKS_TOKEN_USABLE_MS).toISOString(),
  };
}
