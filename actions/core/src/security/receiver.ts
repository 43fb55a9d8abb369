/**
 * The probes' own callback receiver: a small HTTP(S) server that stands in for the inbound API of
 * the probe DFSPs, so verify-security can see what the hub sends them. Each probe DFSP has a path
 * prefix (`<base>/perfprobe1/…`); onboarding registers `callbackBaseUrl(fspId)` as that DFSP's
 * callback base. It answers 202 to POST and 200 to PUT/PATCH at once, records what arrived (bounded)
 * and lets a probe wait for a matching callback with a deadline.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface ReceivedCallback {
  /** The probe DFSP the hub addressed (first path segment). */
  fspId: string;
  method: string;
  /** Path after the DFSP prefix, e.g. `/transfers/<id>/error`. */
  path: string;
  headers: Record<string, string>;
  rawBody: string;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  at: number;
}

export interface ReceiverOptions {
  /** Interface to bind. Tests and the local stack use 127.0.0.1. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /**
   * URL the hub reaches the receiver at, when it differs from `http(s)://host:port` (e.g. a
   * Kubernetes Service in front of an in-cluster probe job).
   */
  publicBaseUrl?: string;
  /** Server certificate (PEM) for HTTPS; the hub's callback client must trust its CA. Omit for HTTP. */
  tls?: { certPem: string; keyPem: string; caPem?: string } | null;
  /** Most callbacks kept. Default 500. */
  capacity?: number;
}

type Waiter = {
  match: (callback: ReceivedCallback) => boolean;
  resolve: (callback: ReceivedCallback | undefined) => void;
  timer: NodeJS.Timeout;
};

const MAX_BODY_BYTES = 1_000_000;

export class ProbeReceiver {
  private readonly records: ReceivedCallback[] = [];
  private readonly waiters = new Set<Waiter>();
  private constructor(
    private readonly server: http.Server | https.Server,
    readonly baseUrl: string,
    private readonly capacity: number,
  ) {}

  static async start(options: ReceiverOptions): Promise<ProbeReceiver> {
    let receiver: ProbeReceiver | undefined;
    const handler = (req: IncomingMessage, res: ServerResponse) => receiver?.handle(req, res);
    const server = options.tls
      ? https.createServer(
          {
            cert: options.tls.certPem,
            key: options.tls.keyPem,
            ...(options.tls.caPem ? { ca: options.tls.caPem } : {}),
            minVersion: 'TLSv1.2',
          },
          handler,
        )
      : http.createServer(handler);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const scheme = options.tls ? 'https' : 'http';
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    const base = (options.publicBaseUrl ?? `${scheme}://${host}:${port}`).replace(/\/+$/, '');
    receiver = new ProbeReceiver(server, base, options.capacity ?? 500);
    return receiver;
  }

  /** The callback base to register for a probe DFSP. */
  callbackBaseUrl(fspId: string): string {
    return `${this.baseUrl}/${encodeURIComponent(fspId)}`;
  }

  received(): readonly ReceivedCallback[] {
    return this.records;
  }

  /** The first callback (already received or arriving before the deadline) that matches, else undefined. */
  waitFor(
    match: (callback: ReceivedCallback) => boolean,
    timeoutMs: number,
  ): Promise<ReceivedCallback | undefined> {
    const found = this.records.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        match,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(undefined);
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(undefined);
    }
    this.waiters.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      const method = req.method ?? 'GET';
      res.writeHead(method === 'POST' ? 202 : 200).end();
      const url = new URL(req.url ?? '/', 'http://receiver');
      const [first = '', ...rest] = url.pathname.split('/').filter(Boolean);
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = rawBody === '' ? undefined : JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      this.record({
        fspId: decodeURIComponent(first),
        method,
        path: `/${rest.join('/')}`,
        headers,
        rawBody,
        body,
        at: Date.now(),
      });
    });
  }

  private record(callback: ReceivedCallback): void {
    this.records.push(callback);
    if (this.records.length > this.capacity) this.records.shift();
    for (const waiter of this.waiters) {
      if (waiter.match(callback)) {
        clearTimeout(waiter.timer);
        this.waiters.delete(waiter);
        waiter.resolve(callback);
      }
    }
  }
}
