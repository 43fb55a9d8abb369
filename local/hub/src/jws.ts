/**
 * FSPIOP JWS (Mojaloop API "Signature" document), verified over the RAW body bytes and produced the
 * way sdk-standard-components' `JwsSigner` produces it:
 *
 *   FSPIOP-Signature: {"signature":"<b64url sig>","protectedHeader":"<b64url JSON>"}
 *   signing input:    <protectedHeader> "." base64url(<body bytes>)
 *   protected header: alg, FSPIOP-URI, FSPIOP-HTTP-Method, FSPIOP-Source [, FSPIOP-Destination] [, Date]
 *
 * Why not the SDK's `Jws.validator`: the 17.x validator rebuilds the payload as
 * `JSON.stringify(parsedBody)` (handed the raw string it stringifies it again, quotes and all, so it
 * cannot check raw bytes), and the 19.x validator re-serialises with sorted keys and rejects SDK 18's
 * genuine signatures. Verifying the bytes that were sent is what the scheme specifies and costs one
 * `crypto.verify`.
 *
 * Besides the signature, the protected-header rules of the SDK validator apply (alg, FSPIOP-URI,
 * FSPIOP-HTTP-Method, FSPIOP-Source equal to their HTTP headers; Date and FSPIOP-Destination
 * consistent), plus two more: the protected FSPIOP-URI must equal the request path and
 * FSPIOP-HTTP-Method the request method, so a signed body cannot be replayed to another resource.
 */
import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';

/** Participant ids usable as key file names. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const B64URL = /^[A-Za-z0-9_-]+$/;

function algorithmOf(key: KeyObject): 'RS256' | 'ES256' | null {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  return null;
}

/**
 * Public keys by participant id, from `<dir>/<id>.pem` (a public key or a certificate). Loaded at
 * start; an id not found is looked up on disk again at most every `retryMs` (keys written after the
 * hub started are picked up without a restart).
 */
export class JwsKeyStore {
  private readonly keys = new Map<string, KeyObject>();
  private readonly misses = new Map<string, number>();

  constructor(
    private readonly dir: string,
    private readonly clock: () => number = Date.now,
    private readonly retryMs = 5000,
  ) {
    let files: string[] = [];
    try {
      files = readdirSync(dir);
    } catch {
      files = [];
    }
    for (const file of files) {
      if (!file.endsWith('.pem')) continue;
      const id = file.slice(0, -4);
      if (SAFE_ID.test(id)) this.load(id);
    }
  }

  private load(id: string): KeyObject | undefined {
    try {
      const key = createPublicKey(readFileSync(join(this.dir, `${id}.pem`)));
      if (algorithmOf(key) === null) return undefined;
      this.keys.set(id, key);
      this.misses.delete(id);
      return key;
    } catch {
      return undefined;
    }
  }

  get(id: string): KeyObject | undefined {
    const known = this.keys.get(id);
    if (known) return known;
    if (!SAFE_ID.test(id)) return undefined;
    const now = this.clock();
    const missedAt = this.misses.get(id);
    if (missedAt !== undefined && now - missedAt < this.retryMs) return undefined;
    const key = this.load(id);
    if (!key) {
      if (this.misses.size > 10_000) this.misses.clear();
      this.misses.set(id, now);
    }
    return key;
  }

  ids(): string[] {
    return [...this.keys.keys()];
  }
}

export interface JwsVerifyInput {
  /** The HTTP method the request actually used. */
  method: string;
  /** The request path, without query. */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Verifies inbound FSPIOP signatures. `verify` returns undefined when valid, else the reason. */
export class JwsVerifier {
  constructor(private readonly keys: JwsKeyStore) {}

  verify(input: JwsVerifyInput): string | undefined {
    const { headers } = input;
    const signatureHeader = header(headers, 'fspiop-signature');
    if (!signatureHeader) return 'FSPIOP-Signature header is missing';
    const source = header(headers, 'fspiop-source');
    if (!source) return 'FSPIOP-Source header is missing';
    const uri = header(headers, 'fspiop-uri');
    const httpMethod = header(headers, 'fspiop-http-method');
    if (!uri || !httpMethod) return 'FSPIOP-URI and FSPIOP-HTTP-Method headers are required with a signature';
    if (input.body.length === 0) return 'cannot verify a signature without a body';

    let signature: unknown;
    let protectedHeader: unknown;
    try {
      ({ signature, protectedHeader } = JSON.parse(signatureHeader) as Record<string, unknown>);
    } catch {
      return 'FSPIOP-Signature is not JSON';
    }
    if (typeof signature !== 'string' || !B64URL.test(signature)) return 'signature is not base64url';
    if (typeof protectedHeader !== 'string' || !B64URL.test(protectedHeader)) {
      return 'protectedHeader is not base64url';
    }
    let claims: Record<string, unknown>;
    try {
      const decoded: unknown = JSON.parse(Buffer.from(protectedHeader, 'base64url').toString('utf8'));
      if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded)) {
        return 'protected header is not a JSON object';
      }
      claims = decoded as Record<string, unknown>;
    } catch {
      return 'protected header is not JSON';
    }

    const key = this.keys.get(source);
    if (!key) return `no JWS verification key for '${source}'`;
    const alg = algorithmOf(key);
    if (claims.alg !== alg) return `protected header alg must be ${alg}`;

    const mismatch = checkProtectedHeader(claims, headers, input, uri, httpMethod, source);
    if (mismatch) return mismatch;

    const signingInput = Buffer.from(`${protectedHeader}.${input.body.toString('base64url')}`, 'ascii');
    const signatureBytes = Buffer.from(signature, 'base64url');
    const valid =
      alg === 'RS256'
        ? verify('sha256', signingInput, key, signatureBytes)
        : verify('sha256', signingInput, { key, dsaEncoding: 'ieee-p1363' }, signatureBytes);
    return valid ? undefined : `signature does not verify with the key of '${source}'`;
  }
}

function checkProtectedHeader(
  claims: Record<string, unknown>,
  headers: IncomingHttpHeaders,
  input: JwsVerifyInput,
  uri: string,
  httpMethod: string,
  source: string,
): string | undefined {
  if (claims['FSPIOP-URI'] !== uri) return 'protected FSPIOP-URI does not match the FSPIOP-URI header';
  if (uri !== input.path) return 'FSPIOP-URI does not match the request path';
  if (claims['FSPIOP-HTTP-Method'] !== httpMethod) {
    return 'protected FSPIOP-HTTP-Method does not match the FSPIOP-HTTP-Method header';
  }
  if (httpMethod !== input.method) return 'FSPIOP-HTTP-Method does not match the request method';
  if (claims['FSPIOP-Source'] !== source)
    return 'protected FSPIOP-Source does not match the FSPIOP-Source header';
  const date = header(headers, 'date');
  if (claims.Date !== undefined && claims.Date !== date)
    return 'protected Date does not match the Date header';
  const destination = header(headers, 'fspiop-destination');
  if (destination !== undefined && claims['FSPIOP-Destination'] !== destination) {
    return 'protected FSPIOP-Destination does not match the FSPIOP-Destination header';
  }
  if (destination === undefined && claims['FSPIOP-Destination'] !== undefined) {
    return 'FSPIOP-Destination is protected but absent from the request';
  }
  return undefined;
}

export interface SignParams {
  /** The FSPIOP-URI, e.g. `/transfers/<id>/error`. */
  uri: string;
  method: string;
  source: string;
  destination?: string;
  date?: string;
}

/** Signs messages the hub originates. */
export class JwsSigner {
  private readonly key: KeyObject;
  private readonly alg: 'RS256' | 'ES256';

  constructor(privateKeyPem: string | Buffer) {
    this.key = createPrivateKey(privateKeyPem);
    const alg = algorithmOf(this.key);
    if (!alg) throw new Error('the JWS signing key must be RSA or EC P-256');
    this.alg = alg;
  }

  private signingInput(params: SignParams, body: Buffer): { protectedHeader: string; input: Buffer } {
    const claims: Record<string, string> = {
      alg: this.alg,
      'FSPIOP-URI': params.uri,
      'FSPIOP-HTTP-Method': params.method,
      'FSPIOP-Source': params.source,
    };
    if (params.destination) claims['FSPIOP-Destination'] = params.destination;
    if (params.date) claims.Date = params.date;
    const protectedHeader = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
    return {
      protectedHeader,
      input: Buffer.from(`${protectedHeader}.${body.toString('base64url')}`, 'ascii'),
    };
  }

  private keyInput() {
    return this.alg === 'RS256' ? this.key : { key: this.key, dsaEncoding: 'ieee-p1363' as const };
  }

  /** The FSPIOP-Signature header value, computed off the event loop (libuv thread pool). */
  sign(params: SignParams, body: Buffer): Promise<string> {
    const { protectedHeader, input } = this.signingInput(params, body);
    return new Promise((resolve, reject) => {
      sign('sha256', input, this.keyInput(), (error, signature) => {
        if (error) reject(error);
        else resolve(JSON.stringify({ signature: signature.toString('base64url'), protectedHeader }));
      });
    });
  }

  signSync(params: SignParams, body: Buffer): string {
    const { protectedHeader, input } = this.signingInput(params, body);
    const signature = sign('sha256', input, this.keyInput());
    return JSON.stringify({ signature: signature.toString('base64url'), protectedHeader });
  }
}
