/**
 * FAKE hub FSPIOP API for verify-security tests, on 127.0.0.1 only. It is not the local hub
 * emulator (`local/hub`); it holds just enough of a switch to route one transfer and to enforce, or
 * — with `weak` flags — deliberately skip, each control the probes test:
 * - mutual TLS: client certificates from the test CA are required, and the certificate's CN must
 *   equal FSPIOP-Source (403 otherwise);
 * - JWS: FSPIOP-Signature is verified over the raw body bytes with the source's public key, and the
 *   protected header must match the FSPIOP headers (400, 3105 otherwise);
 * - ILP: the fulfilment must hash to the prepare's condition (else the transfer is aborted with 3100
 *   "invalid fulfilment" callbacks to payee and payer);
 * - expiry: an already-expired prepare is answered 202 and then refused with a 3303 callback; a
 *   reserved transfer is aborted at its expiration with 3303 callbacks, and a later fulfilment too.
 * Accepted prepares are forwarded to the payee's registered callback base; commits are notified to
 * the payer with PUT /transfers/{id}.
 */
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';

export interface WeakSpots {
  /** Complete TLS handshakes without a client certificate (and then accept the request). */
  acceptNoClientCertificate?: boolean;
  /** Do not compare the client certificate's CN with FSPIOP-Source. */
  ignoreCertificateSource?: boolean;
  /** Do not validate JWS at all. */
  skipJws?: boolean;
  /** Commit whatever fulfilment the payee sends. */
  acceptWrongFulfilment?: boolean;
  /** Never expire anything. */
  ignoreExpiry?: boolean;
}

export interface FakeHubOptions {
  /** null: plain HTTP (no mutual TLS at all). */
  tls: { certPem: string; keyPem: string; caPem: string } | null;
  /** CA the hub trusts when calling DFSP callback endpoints over HTTPS. */
  callbackCaPem?: string;
  jwsPublicKeys: Record<string, string>;
  /** fspId → callback base URL (what onboarding registered). */
  endpoints: Record<string, string>;
  weak?: WeakSpots;
}

interface Transfer {
  prepare: { transferId: string; payerFsp: string; payeeFsp: string; condition: string; expiration: string };
  state: 'RESERVED' | 'COMMITTED' | 'ABORTED';
}

export class FakeHub {
  url = '';
  readonly transfers = new Map<string, Transfer>();
  /** Requests the hub answered, for assertions (method, path, status). */
  readonly log: { method: string; path: string; status: number }[] = [];
  private server: http.Server | https.Server | undefined;
  private timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: FakeHubOptions) {}

  async start(): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    const { tls, weak } = this.options;
    this.server = tls
      ? https.createServer(
          {
            cert: tls.certPem,
            key: tls.keyPem,
            ca: tls.caPem,
            requestCert: true,
            rejectUnauthorized: !weak?.acceptNoClientCertificate,
          },
          handler,
        )
      : http.createServer(handler);
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    this.url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    const path = new URL(req.url ?? '/', 'http://hub').pathname;
    const answer = (status: number, code?: string, description?: string) => {
      this.log.push({ method: req.method ?? '', path, status });
      res.writeHead(status, code ? { 'content-type': 'application/json' } : {});
      res.end(
        code ? JSON.stringify({ errorInformation: { errorCode: code, errorDescription: description } }) : '',
      );
    };
    const headers = req.headers;
    const source = String(headers['fspiop-source'] ?? '');
    const weak = this.options.weak ?? {};

    // Mutual TLS identity.
    if (this.options.tls) {
      const cert = (req.socket as TLSSocket).getPeerCertificate();
      const cn = cert && 'subject' in cert ? cert.subject?.CN : undefined;
      if (cn && cn !== source && !weak.ignoreCertificateSource) {
        return answer(
          403,
          '3000',
          'Generic client error - client certificate does not belong to FSPIOP-Source',
        );
      }
    }

    // JWS over the raw body.
    if (!weak.skipJws) {
      const problem = this.jwsProblem(req.method ?? '', path, headers, raw, source);
      if (problem) return answer(400, '3105', `Invalid signature - ${problem}`);
    }

    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return answer(400, '3101', 'Malformed syntax - body is not JSON');
    }

    if (req.method === 'POST' && path === '/transfers') return this.prepare(body, raw, headers, answer);
    const fulfil = /^\/transfers\/([^/]+)$/.exec(path);
    if (req.method === 'PUT' && fulfil?.[1]) return this.fulfil(fulfil[1], body, answer);
    return answer(404, '3002', 'Unknown URI');
  }

  private jwsProblem(
    method: string,
    path: string,
    headers: IncomingMessage['headers'],
    raw: string,
    source: string,
  ): string | undefined {
    const signature = headers['fspiop-signature'];
    if (typeof signature !== 'string') return 'no FSPIOP-Signature';
    const key = this.options.jwsPublicKeys[source];
    if (!key) return `no key for ${source}`;
    let parts: { protectedHeader: string; signature: string };
    let protectedHeader: Record<string, unknown>;
    try {
      parts = JSON.parse(signature) as { protectedHeader: string; signature: string };
      protectedHeader = JSON.parse(Buffer.from(parts.protectedHeader, 'base64url').toString('utf8'));
    } catch {
      return 'unreadable FSPIOP-Signature';
    }
    if (protectedHeader.alg !== 'RS256') return 'alg must be RS256';
    if (protectedHeader['FSPIOP-URI'] !== headers['fspiop-uri'] || headers['fspiop-uri'] !== path)
      return 'FSPIOP-URI';
    if (protectedHeader['FSPIOP-HTTP-Method'] !== method) return 'FSPIOP-HTTP-Method';
    if (protectedHeader['FSPIOP-Source'] !== source) return 'FSPIOP-Source';
    if (
      (protectedHeader['FSPIOP-Destination'] ?? undefined) !== (headers['fspiop-destination'] ?? undefined)
    ) {
      return 'FSPIOP-Destination';
    }
    const signed = Buffer.from(`${parts.protectedHeader}.${Buffer.from(raw, 'utf8').toString('base64url')}`);
    const ok = verifySignature(
      'RSA-SHA256',
      signed,
      createPublicKey(key),
      Buffer.from(parts.signature, 'base64url'),
    );
    return ok ? undefined : 'signature does not match';
  }

  private prepare(
    body: Record<string, unknown>,
    raw: string,
    headers: IncomingMessage['headers'],
    answer: (status: number, code?: string, description?: string) => void,
  ): void {
    const prepare = body as unknown as Transfer['prepare'];
    const expires = Date.parse(prepare.expiration);
    answer(202);
    if (!this.options.weak?.ignoreExpiry && !(expires > Date.now())) {
      this.callback(prepare.payerFsp, `/transfers/${prepare.transferId}/error`, 'PUT', {
        errorInformation: { errorCode: '3303', errorDescription: 'Transfer expired' },
      });
      return;
    }
    const transfer: Transfer = { prepare, state: 'RESERVED' };
    this.transfers.set(prepare.transferId, transfer);
    const forwarded: Record<string, string> = {};
    for (const name of ['content-type', 'date', 'fspiop-source', 'fspiop-destination', 'fspiop-signature']) {
      const value = headers[name];
      if (typeof value === 'string') forwarded[name] = value;
    }
    this.callback(prepare.payeeFsp, '/transfers', 'POST', raw, forwarded);
    if (!this.options.weak?.ignoreExpiry) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (transfer.state !== 'RESERVED') return;
        transfer.state = 'ABORTED';
        const error = { errorInformation: { errorCode: '3303', errorDescription: 'Transfer expired' } };
        this.callback(prepare.payerFsp, `/transfers/${prepare.transferId}/error`, 'PUT', error);
        this.callback(prepare.payeeFsp, `/transfers/${prepare.transferId}/error`, 'PUT', error);
      }, expires - Date.now());
      this.timers.add(timer);
    }
  }

  private fulfil(
    transferId: string,
    body: Record<string, unknown>,
    answer: (status: number, code?: string, description?: string) => void,
  ): void {
    const transfer = this.transfers.get(transferId);
    if (!transfer) {
      answer(404, '3208', 'Transfer ID not found');
      return;
    }
    const { prepare } = transfer;
    answer(200);
    const weak = this.options.weak ?? {};
    const expired = Date.parse(prepare.expiration) <= Date.now();
    if (transfer.state === 'ABORTED' || (expired && !weak.ignoreExpiry)) {
      transfer.state = 'ABORTED';
      this.callback(prepare.payeeFsp, `/transfers/${transferId}/error`, 'PUT', {
        errorInformation: { errorCode: '3303', errorDescription: 'Transfer expired' },
      });
      return;
    }
    const fulfilment = String(body.fulfilment ?? '');
    const condition = createHash('sha256').update(Buffer.from(fulfilment, 'base64url')).digest('base64url');
    if (condition !== prepare.condition && !weak.acceptWrongFulfilment) {
      transfer.state = 'ABORTED';
      const error = {
        errorInformation: {
          errorCode: '3100',
          errorDescription: 'Generic validation error - invalid fulfilment',
        },
      };
      this.callback(prepare.payeeFsp, `/transfers/${transferId}/error`, 'PUT', error);
      this.callback(prepare.payerFsp, `/transfers/${transferId}/error`, 'PUT', error);
      return;
    }
    transfer.state = 'COMMITTED';
    this.callback(prepare.payerFsp, `/transfers/${transferId}`, 'PUT', {
      fulfilment,
      completedTimestamp: new Date().toISOString(),
      transferState: 'COMMITTED',
    });
  }

  /** Fire-and-forget callback to a DFSP's registered base. */
  private callback(
    fspId: string,
    path: string,
    method: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    const base = this.options.endpoints[fspId];
    if (!base) return;
    const target = new URL(`${base}${path}`);
    const payload = typeof body === 'string' ? body : JSON.stringify(body);
    const options: https.RequestOptions = {
      method,
      agent: false,
      headers: {
        'content-type': 'application/vnd.interoperability.transfers+json;version=1.0',
        date: new Date().toUTCString(),
        'fspiop-source': 'switch',
        'fspiop-destination': fspId,
        ...headers,
        'content-length': String(Buffer.byteLength(payload)),
      },
      ...(target.protocol === 'https:' && this.options.callbackCaPem
        ? { ca: this.options.callbackCaPem }
        : {}),
    };
    const request = (target.protocol === 'https:' ? https : http).request(target, options, (res) =>
      res.resume(),
    );
    request.on('error', () => undefined);
    request.setTimeout(5000, () => request.destroy());
    request.end(payload);
  }
}
