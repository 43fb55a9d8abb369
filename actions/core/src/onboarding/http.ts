/**
 * The one HTTP seam of onboarding and verify-security: a method, a URL, headers and a body in; a
 * status, headers and a body out. Tests pass fakes; the real adapter is Node's built-in fetch with a
 * deadline on every request. Adapters that need a client certificate (mutual TLS) implement the same
 * interface over `node:https` (see `security/tls-client.ts`).
 */

export interface HttpRequestInit {
  headers?: Record<string, string>;
  /** Already serialised; sent exactly as given. */
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The response body as text ('' when there is none). */
  body: string;
}

export interface HttpClient {
  request(method: string, url: string, init?: HttpRequestInit): Promise<HttpResponse>;
}

export interface FetchHttpClientOptions {
  /** Deadline of one request, milliseconds. Default 15 000. */
  timeoutMs?: number;
}

/** The real adapter: `fetch` (undici) with a per-request deadline. Network failures reject. */
export function createFetchHttpClient(options: FetchHttpClientOptions = {}): HttpClient {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    async request(method, url, init = {}) {
      const response = await fetch(url, {
        method,
        headers: init.headers ?? {},
        ...(init.body === undefined ? {} : { body: init.body }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      return { status: response.status, headers, body: await response.text() };
    },
  };
}

/** Joins a base URL (with or without a path prefix or trailing slash) and an absolute path. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
