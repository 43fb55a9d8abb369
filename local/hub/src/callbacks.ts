/**
 * Calls to DFSP APIs: endpoint templates as central-ledger stores them, rendered per request, and one
 * keep-alive client (HTTPS with the hub's client certificate, or HTTP for plain endpoints).
 *
 * A send never throws: it resolves to `{ok}` or to what went wrong, for the caller to turn into an
 * error callback or a metric. A request that fails on a reused keep-alive socket (the peer closed it
 * while idle) is retried once on a fresh one, the pattern Node documents for keep-alive races.
 */
import {
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { TlsMaterial } from './tls.js';

type PathPart = string | { name: string };

export interface CompiledEndpoint {
  /** The value as registered. */
  readonly value: string;
  readonly protocol: 'http:' | 'https:';
  readonly hostname: string;
  readonly port: number;
  /** The path with placeholders substituted (URI-encoded); `suffix` is appended after one '/'. */
  path(vars?: Readonly<Record<string, string>>, suffix?: string): string;
}

const TEMPLATE = /^(https?):\/\/([^/?#]+)([^?#]*)$/;
const PLACEHOLDER = /{{\s*([A-Za-z][A-Za-z0-9]*)\s*}}/g;

/** Compiles an endpoint value such as `https://127.0.0.1:47100/transfers/{{transferId}}/error`. */
export function compileEndpoint(value: string): CompiledEndpoint | null {
  const match = TEMPLATE.exec(value.trim());
  if (!match) return null;
  const [, scheme, authority, rawPath] = match as unknown as [string, string, string, string];
  let url: URL;
  try {
    url = new URL(`${scheme}://${authority}/`);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const protocol = url.protocol as 'http:' | 'https:';
  const port = url.port ? Number(url.port) : protocol === 'https:' ? 443 : 80;
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;

  const parts: PathPart[] = [];
  let last = 0;
  for (const placeholder of rawPath.matchAll(PLACEHOLDER)) {
    const index = placeholder.index ?? 0;
    if (index > last) parts.push(rawPath.slice(last, index));
    parts.push({ name: placeholder[1] as string });
    last = index + placeholder[0].length;
  }
  if (last < rawPath.length) parts.push(rawPath.slice(last));
  if (parts.some((part) => typeof part === 'string' && /[{}]/.test(part))) return null;

  return {
    value,
    protocol,
    hostname,
    port,
    path(vars, suffix) {
      let path = '';
      for (const part of parts) {
        path += typeof part === 'string' ? part : encodeURIComponent(vars?.[part.name] ?? '');
      }
      if (suffix) path = (path.endsWith('/') ? path.slice(0, -1) : path) + suffix;
      return path === '' ? '/' : path;
    },
  };
}

export interface CallbackRequest {
  endpoint: CompiledEndpoint;
  path: string;
  method: string;
  headers: OutgoingHttpHeaders;
  body?: Buffer;
}

export interface CallbackResult {
  ok: boolean;
  status?: number;
  /** Transport failure (no HTTP answer). */
  error?: string;
  /** The FSPIOP error a non-2xx answer carried, when it had one. */
  errorCode?: string;
  errorDescription?: string;
}

export interface CallbackClientOptions {
  tls: TlsMaterial | null;
  timeoutMs: number;
  maxSockets: number;
}

const MAX_ERROR_BODY = 4096;
/** Shorter than Node's default server keep-alive timeout (5 s), which SDK 18's servers keep. */
const IDLE_SOCKET_MS = 4000;

export class CallbackClient {
  private readonly https: HttpsAgent;
  private readonly http: HttpAgent;
  private readonly timeoutMs: number;

  constructor(options: CallbackClientOptions) {
    const pool = {
      keepAlive: true,
      maxSockets: options.maxSockets,
      maxFreeSockets: options.maxSockets,
      scheduling: 'lifo' as const,
      timeout: IDLE_SOCKET_MS,
    };
    this.https = new HttpsAgent({
      ...pool,
      ...(options.tls ? { ca: options.tls.ca, cert: options.tls.cert, key: options.tls.key } : {}),
      minVersion: 'TLSv1.2',
    });
    this.http = new HttpAgent(pool);
    this.timeoutMs = options.timeoutMs;
  }

  async send(request: CallbackRequest): Promise<CallbackResult> {
    const first = await this.attempt(request);
    if (first.retry) return (await this.attempt(request)).result;
    return first.result;
  }

  private attempt(request: CallbackRequest): Promise<{ result: CallbackResult; retry: boolean }> {
    const { endpoint } = request;
    const secure = endpoint.protocol === 'https:';
    const headers: OutgoingHttpHeaders = { ...request.headers, 'content-length': request.body?.length ?? 0 };
    return new Promise((resolve) => {
      let settled = false;
      const done = (result: CallbackResult, retry = false) => {
        if (settled) return;
        settled = true;
        resolve({ result, retry });
      };
      const options = {
        agent: secure ? this.https : this.http,
        hostname: endpoint.hostname,
        port: endpoint.port,
        path: request.path,
        method: request.method,
        headers,
      };
      const onResponse = (response: IncomingMessage) => {
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) {
          response.resume();
          response.on('end', () => done({ ok: true, status }));
          response.on('error', () => done({ ok: true, status }));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_ERROR_BODY) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () => done({ ok: false, status, ...errorInformationOf(Buffer.concat(chunks)) }));
        response.on('error', () => done({ ok: false, status }));
      };
      const outgoing = secure ? httpsRequest(options, onResponse) : httpRequest(options, onResponse);
      outgoing.setTimeout(this.timeoutMs, () =>
        outgoing.destroy(new Error(`no answer within ${this.timeoutMs} ms`)),
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        const retry = outgoing.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        done({ ok: false, error: error.code ?? error.message }, retry);
      });
      outgoing.end(request.body);
    });
  }

  close(): void {
    this.https.destroy();
    this.http.destroy();
  }
}

function errorInformationOf(body: Buffer): Pick<CallbackResult, 'errorCode' | 'errorDescription'> {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as {
      errorInformation?: { errorCode?: unknown; errorDescription?: unknown };
    };
    const info = parsed.errorInformation;
    if (info && typeof info.errorCode === 'string') {
      return {
        errorCode: info.errorCode,
        errorDescription: typeof info.errorDescription === 'string' ? info.errorDescription : '',
      };
    }
  } catch {
    // not an FSPIOP error body
  }
  return {};
}
