/**
 * An {@link HttpClient} that reaches Services inside the hub cluster through the Kubernetes API
 * server's service proxy (`<endpoint>/api/v1/namespaces/<ns>/services/<svc>:<port>/proxy/<path>`), so
 * the job onboards the hub's admin APIs without exposing them. The bearer token goes in the
 * Authorization header only; the cluster CA is the only trusted root. Neither the token nor any header
 * value appears in an error.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { HttpClient, HttpResponse } from '../onboarding/http.js';

export interface ApiServerAccess {
  /** https://… API server endpoint. */
  endpoint: string;
  /** Base64 PEM of the cluster CA (as EKS gives it). */
  caBase64: string;
  token: string;
}

export interface ServiceProxyOptions {
  /** Deadline of one request, ms. */
  timeoutMs: number;
  /** Accept a plain http:// endpoint: only for a loopback fake API server in tests. */
  allowInsecureHttp?: boolean;
}

/** The proxy base URL of a Service port; onboarding joins its API paths below it. */
export function serviceProxyUrl(
  endpoint: string,
  namespace: string,
  service: string,
  port: number | string,
): string {
  const base = endpoint.replace(/\/+$/, '');
  return `${base}/api/v1/namespaces/${encodeURIComponent(namespace)}/services/${encodeURIComponent(service)}:${encodeURIComponent(String(port))}/proxy`;
}

export function createServiceProxyHttpClient(
  access: ApiServerAccess,
  options: ServiceProxyOptions,
): HttpClient {
  const endpoint = access.endpoint.trim();
  const plain = endpoint.startsWith('http://');
  if (!endpoint.startsWith('https://') && !(plain && options.allowInsecureHttp === true)) {
    throw new Error(`API server endpoint: got ${JSON.stringify(endpoint)}; allowed: an https:// URL`);
  }
  if (access.token.trim() === '') throw new Error('API server token: got ""; allowed: a bearer token');
  const ca = plain ? undefined : Buffer.from(access.caBase64, 'base64').toString('utf8');
  if (!plain && !ca?.includes('BEGIN CERTIFICATE')) {
    throw new Error('API server certificate authority: allowed: base64 PEM data');
  }
  return {
    request(method, url, init = {}) {
      if (!url.startsWith(`${endpoint.replace(/\/+$/, '')}/`)) {
        return Promise.reject(
          new Error(
            `${method} ${url}: not below the API server endpoint; only proxied Services are reachable`,
          ),
        );
      }
      const target = new URL(url);
      const headers: Record<string, string> = {
        ...(init.headers ?? {}),
        Authorization: `Bearer ${access.token}`,
      };
      if (init.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(init.body));
      const send = plain ? httpRequest : httpsRequest;
      return new Promise<HttpResponse>((resolve, reject) => {
        const req = send(
          target,
          { method, headers, timeout: options.timeoutMs, ...(plain ? {} : { ca, rejectUnauthorized: true }) },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('error', reject);
            res.on('end', () => {
              const out: Record<string, string> = {};
              for (const [name, value] of Object.entries(res.headers)) {
                if (value !== undefined)
                  out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
              }
              resolve({
                status: res.statusCode ?? 0,
                headers: out,
                body: Buffer.concat(chunks).toString('utf8'),
              });
            });
          },
        );
        req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
        // Node's own messages name host and code, never the request headers.
        req.on('error', (error) => reject(new Error(`${method} ${target.pathname}: ${error.message}`)));
        if (init.body !== undefined) req.write(init.body);
        req.end();
      });
    },
  };
}
