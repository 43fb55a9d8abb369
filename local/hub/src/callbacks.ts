/**
 * Calls to DFSP APIs: endpoint templates as central-ledger stores them, rendered per request, and one
 * keep-alive client (HTTPS with the hub's client certificate, or HTTP for plain endpoints).
 *
 * A send never throws: it resolves to `{ok}` or to what went wrong, for the caller to turn into an
 * error callback or a metric. A request that fails because the peer closed a kept-alive connection is
 * retried once on a fresh one.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import { Agent, type Dispatcher } from 'undici';
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
/**
 * Transport errors that mean the peer closed a kept-alive connection as the request went out. The
 * request is sent once more on a fresh connection: losing a callback would strand a transfer, while a
 * repeated one is answered as a duplicate by FSPIOP receivers.
 */
const STALE_CONNECTION = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

/**
 * undici rather than node:https: it is Node's own HTTP client engine, and the hub spends a large part
 * of its CPU sending callbacks (measured with local/bench/hub-cost.ts).
 */
export class CallbackClient {
  private readonly dispatcher: Agent;

  constructor(options: CallbackClientOptions) {
    this.dispatcher = new Agent({
      connections: options.maxSockets,
      keepAliveTimeout: IDLE_SOCKET_MS,
      keepAliveMaxTimeout: IDLE_SOCKET_MS,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connectTimeout: options.timeoutMs,
      connect: options.tls
        ? { ca: options.tls.ca, cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }
        : {},
    });
  }

  async send(request: CallbackRequest): Promise<CallbackResult> {
    const first = await this.attempt(request);
    if (first.retry) return (await this.attempt(request)).result;
    return first.result;
  }

  private async attempt(request: CallbackRequest): Promise<{ result: CallbackResult; retry: boolean }> {
    const { endpoint } = request;
    const host = endpoint.hostname.includes(':') ? `[${endpoint.hostname}]` : endpoint.hostname;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers[name] = typeof value === 'number' ? String(value) : value;
    }
    try {
      const response = await this.dispatcher.request({
        origin: `${endpoint.protocol}//${host}:${endpoint.port}`,
        path: request.path,
        method: request.method as Dispatcher.HttpMethod,
        headers,
        body: request.body ?? null,
      });
      const status = response.statusCode;
      if (status >= 200 && status < 300) {
        await response.body.dump();
        return { result: { ok: true, status }, retry: false };
      }
      const body = Buffer.from(await response.body.arrayBuffer()).subarray(0, MAX_ERROR_BODY);
      return { result: { ok: false, status, ...errorInformationOf(body) }, retry: false };
    } catch (error) {
      const code = (error as { code?: string }).code;
      const reason =
        code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT'
          ? `no answer within the callback timeout (${code})`
          : (code ?? (error as Error).message);
      return {
        result: { ok: false, error: reason },
        retry: code !== undefined && STALE_CONNECTION.has(code),
      };
    }
  }

  close(): void {
    void this.dispatcher.destroy();
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
