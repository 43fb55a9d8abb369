/**
 * A fake DFSP for the hub tests: an inbound HTTPS server requiring a client certificate (as SDK 18
 * with INBOUND_MUTUAL_TLS_ENABLED) that records every request and checks its JWS with
 * sdk-standard-components 17.4's `Jws.validator` — the validator SDK 18 runs — and an outbound client
 * that builds and signs requests the way SDK 18's BaseRequests does (lower-case headers, vendor
 * content type version 1.0, accept version 1 except on PUT, `Jws.signer` on every request with a
 * body, GETs unsigned).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Agent, createServer, request, type Server } from 'node:https';
import Jws from '@mojaloop/sdk-standard-components/src/lib/jws/index.js';
import type { CertPair, TestPki } from '../../../../actions/core/test/security/pki.js';
import { JwsSigner as RawSigner } from '../../src/jws.js';

const quietLogger = { isDebugEnabled: () => false, debug: () => {} };

export interface Received {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: Buffer;
  json: unknown;
  /** Undefined when the SDK validator accepted the signature (or the request had no body). */
  jwsError: string | undefined;
}

export interface SendOptions {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: Record<string, unknown>;
  destination?: string;
  /** Claim another FSPIOP-Source than this DFSP's id. */
  source?: string;
  /** Sign with another participant's key. */
  signingKey?: string;
  /** Change the body after signing (tampering). */
  tamper?: (body: string) => string;
  /** Do not sign at all. */
  unsigned?: boolean;
  /**
   * Send these exact bytes, signed over the raw bytes (with the hub's own signer implementation: the
   * SDK signer only takes objects).
   */
  rawBody?: string;
  /** Present another client certificate, or none. */
  clientCert?: CertPair | null;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  json: unknown;
}

function flatHeaders(message: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(message.headers))
    out[name] = Array.isArray(value) ? value[0] : value;
  return out;
}

function resourceOf(path: string): string {
  return path.split('/')[1] ?? '';
}

export class FakeDfsp {
  readonly received: Received[] = [];
  private server: Server | undefined;
  private readonly agents = new Map<string, Agent>();
  private readonly signer: InstanceType<typeof Jws.signer>;
  private readonly validator: InstanceType<typeof Jws.validator>;
  port = 0;

  constructor(
    readonly id: string,
    private readonly pki: TestPki,
    private readonly hubUrl: string,
    validationKeyIds: readonly string[],
  ) {
    this.signer = new Jws.signer({ signingKey: pki.jwsPrivate(id), logger: quietLogger });
    const keys: Record<string, string> = {};
    for (const keyId of validationKeyIds) keys[keyId] = pki.jwsPublic(keyId);
    this.validator = new Jws.validator({ validationKeys: keys, logger: quietLogger });
  }

  get baseUrl(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer(
      {
        ca: this.pki.ca,
        cert: this.pki.dfspServer(this.id).cert,
        key: this.pki.dfspServer(this.id).key,
        requestCert: true,
        rejectUnauthorized: true,
      },
      (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = Buffer.concat(chunks);
          const headers = flatHeaders(req);
          let json: unknown;
          let jwsError: string | undefined;
          if (body.length > 0) {
            try {
              json = JSON.parse(body.toString('utf8'));
              // What SDK 18's inbound JWS middleware does: the parsed body, lower-case headers.
              this.validator.validate({ headers, body: json as Record<string, unknown> });
            } catch (error) {
              jwsError = (error as Error).message;
            }
          }
          this.received.push({
            method: req.method ?? '',
            path: req.url ?? '',
            headers,
            body,
            json,
            jwsError,
          });
          res.writeHead(req.method === 'PUT' || req.method === 'PATCH' ? 200 : 202, { 'content-length': 0 });
          res.end();
        });
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    this.server = server;
  }

  /** The callback endpoints onboarding registers for this DFSP (local/README.md). */
  endpoints(): Array<{ type: string; value: string }> {
    const base = this.baseUrl;
    return [
      {
        type: 'FSPIOP_CALLBACK_URL_PARTIES_GET',
        value: `${base}/parties/{{partyIdType}}/{{partyIdentifier}}`,
      },
      {
        type: 'FSPIOP_CALLBACK_URL_PARTIES_PUT',
        value: `${base}/parties/{{partyIdType}}/{{partyIdentifier}}`,
      },
      {
        type: 'FSPIOP_CALLBACK_URL_PARTIES_PUT_ERROR',
        value: `${base}/parties/{{partyIdType}}/{{partyIdentifier}}/error`,
      },
      { type: 'FSPIOP_CALLBACK_URL_QUOTES', value: base },
      { type: 'FSPIOP_CALLBACK_URL_TRANSFER_POST', value: `${base}/transfers` },
      { type: 'FSPIOP_CALLBACK_URL_TRANSFER_PUT', value: `${base}/transfers/{{transferId}}` },
      { type: 'FSPIOP_CALLBACK_URL_TRANSFER_ERROR', value: `${base}/transfers/{{transferId}}/error` },
    ];
  }

  private agent(cert: CertPair | null): Agent {
    const key = cert ? cert.certPath : 'none';
    let agent = this.agents.get(key);
    if (!agent) {
      agent = new Agent({
        ca: this.pki.ca,
        keepAlive: true,
        ...(cert ? { cert: cert.cert, key: cert.key } : {}),
      });
      this.agents.set(key, agent);
    }
    return agent;
  }

  /** Sends a request to the hub as SDK 18 would. Rejects on a transport failure (e.g. TLS refused). */
  send(options: SendOptions): Promise<Answer> {
    const resource = resourceOf(options.path);
    const headers: Record<string, string | undefined> = {
      'content-type': `application/vnd.interoperability.${resource}+json;version=1.0`,
      date: new Date().toUTCString(),
      'fspiop-source': options.source ?? this.id,
    };
    if (options.destination) headers['fspiop-destination'] = options.destination;
    if (options.method !== 'PUT')
      headers.accept = `application/vnd.interoperability.${resource}+json;version=1`;
    const reqOpts = {
      method: options.method,
      uri: `${this.hubUrl}${options.path}`,
      headers,
      body: options.body as unknown,
    };
    let payload: string | undefined;
    if (options.body !== undefined) {
      if (!options.unsigned) {
        const signer = options.signingKey
          ? new Jws.signer({ signingKey: options.signingKey, logger: quietLogger })
          : this.signer;
        signer.sign(reqOpts);
        payload = reqOpts.body as string;
      } else {
        payload = JSON.stringify(options.body);
      }
      if (options.tamper) payload = options.tamper(payload);
    }
    if (options.rawBody !== undefined) {
      payload = options.rawBody;
      headers['fspiop-uri'] = options.path;
      headers['fspiop-http-method'] = options.method;
      headers['fspiop-signature'] = new RawSigner(this.pki.jwsPrivate(this.id)).signSync(
        {
          uri: options.path,
          method: options.method,
          source: headers['fspiop-source'] as string,
          ...(options.destination ? { destination: options.destination } : {}),
          date: headers.date as string,
        },
        Buffer.from(payload),
      );
    }
    Object.assign(headers, options.headers);
    const cert = options.clientCert === undefined ? this.pki.dfspClient(this.id) : options.clientCert;
    const url = new URL(reqOpts.uri);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          hostname: url.hostname,
          port: url.port,
          path: url.pathname,
          method: options.method,
          agent: this.agent(cert),
          headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<
            string,
            string
          >,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: response.statusCode ?? 0, json: text ? JSON.parse(text) : undefined });
          });
        },
      );
      outgoing.setTimeout(5000, () => outgoing.destroy(new Error('timeout')));
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  /** Waits (bounded) for a received request matching `predicate`. */
  async waitFor(predicate: (r: Received) => boolean, timeoutMs = 5000): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    for (let round = 0; round < 10_000; round += 1) {
      const found = this.received.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(
      `${this.id}: nothing matching within ${timeoutMs} ms; received ${this.received.map((r) => `${r.method} ${r.path}`).join(', ')}`,
    );
  }

  async close(): Promise<void> {
    for (const agent of this.agents.values()) agent.destroy();
    const server = this.server;
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
  }
}

export function readPem(path: string): string {
  return readFileSync(path, 'utf8');
}
