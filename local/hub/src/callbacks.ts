/**
 * Calls to DFSP APIs: endpoint templates as central-ledger stores them, rendered per request, and one
 * keep-alive client (HTTPS with the hub's client certificate, or HTTP for plain endpoints).
 *
 * A send never throws: it resolves to `{ok}` or to what went wrong, for the caller to turn into an
 * error callback or a metric. A request that fails because the peer closed a kept-alive connection is
 * retried once on a fresh one.
 */
import { Agent, type Dispatcher } from 'undici';
import type { TlsMaterial } from './tls.js';

type PathPart = string | { name: string };

export interface CompiledEndpoint {
  /** The value as registered. */
  readonly value: string;
  readonly protocol: 'http:' | 'https:';
  readonly hostname: string;
  readonly port: number;
  /** `scheme://host:port`, what the dispatcher keys its connection pools by (built once). */
  readonly origin: string;
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

  const host = hostname.includes(':') ? `[${hostname}]` : hostname;
  return {
    value,
    protocol,
    hostname,
    port,
    origin: `${protocol}//${host}:${port}`,
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
  /** Sent as given (names lower-case, values strings). */
  headers: Record<string, string | string[]>;
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

  /**
   * One request through `dispatch` with a handler that keeps only the status (and, for a non-2xx
   * answer, the start of its body): no response stream or header object is built per callback.
   */
  private attempt(request: CallbackRequest): Promise<Attempt> {
    return new Promise((resolve) => {
      this.dispatcher.dispatch(
        {
          origin: request.endpoint.origin,
          path: request.path,
          method: request.method as Dispatcher.HttpMethod,
          headers: request.headers,
          body: request.body ?? null,
        },
        new AttemptHandler(resolve),
      );
    });
  }

  close(): void {
    void this.dispatcher.destroy();
  }
}

interface Attempt {
  result: CallbackResult;
  retry: boolean;
}

/**
 * undici's own handler protocol (`onConnect` … `onComplete` / `onError`): the one its clients run on,
 * so nothing wraps it. Settles its attempt exactly once.
 */
class AttemptHandler implements Dispatcher.DispatchHandler {
  private status = 0;
  private errorBody: Buffer[] | undefined;
  private errorBodySize = 0;

  constructor(private readonly settle: (attempt: Attempt) => void) {}

  onConnect(): void {
    // undici calls this again if it re-sends the request (its pipeline head failed): start over.
    this.status = 0;
    this.errorBody = undefined;
    this.errorBodySize = 0;
  }

  /** Called once per informational (1xx) answer too: the last call is the final status. */
  onHeaders(statusCode: number): boolean {
    this.status = statusCode;
    this.errorBody = statusCode >= 200 && statusCode < 300 ? undefined : [];
    this.errorBodySize = 0;
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.errorBody && this.errorBodySize < MAX_ERROR_BODY) {
      this.errorBody.push(chunk);
      this.errorBodySize += chunk.length;
    }
    return true;
  }

  onComplete(): void {
    const status = this.status;
    if (!this.errorBody) {
      this.settle({ result: { ok: true, status }, retry: false });
      return;
    }
    const body = Buffer.concat(this.errorBody).subarray(0, MAX_ERROR_BODY);
    this.settle({ result: { ok: false, status, ...errorInformationOf(body) }, retry: false });
  }

  onError(error: Error): void {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT'
        ? `no answer within the callback timeout (${code})`
        : (code ?? error.message);
    this.settle({
      result: { ok: false, error: reason },
      retry: code !== undefined && STALE_CONNECTION.has(code),
    });
  }

  onUpgrade(): void {
    // Never asked for (no CONNECT, no Upgrade header); undici requires the method.
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
