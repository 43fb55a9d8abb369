/**
 * JSON calls to the hub's admin APIs with the headers they expect. Central-ledger's admin routes take
 * `Content-Type: application/json` only (an FSPIOP vendor type is rejected with 3101); the ALS admin
 * API also requires `Date`. Every call carries `FSPIOP-Source: hub_operator`.
 */
import { HUB_OPERATOR } from '../fleet/names.js';
import { AdminApiError } from './errors.js';
import { type HttpClient, joinUrl } from './http.js';

export interface AdminCall {
  method: 'GET' | 'POST' | 'PUT';
  /** Absolute path below the base URL, query string included. */
  path: string;
  body?: unknown;
}

export interface AdminTransport {
  /** Sends the call; a 2xx answer returns the parsed body (undefined when empty), anything else throws AdminApiError. */
  call(call: AdminCall): Promise<unknown>;
}

export function adminHeaders(now: Date = new Date()): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'FSPIOP-Source': HUB_OPERATOR,
    Date: now.toUTCString(),
  };
}

export function createAdminTransport(http: HttpClient, baseUrl: string): AdminTransport {
  return {
    async call({ method, path, body }) {
      const headers = adminHeaders();
      if (body === undefined) delete headers['Content-Type'];
      let response: Awaited<ReturnType<HttpClient['request']>>;
      try {
        response = await http.request(method, joinUrl(baseUrl, path), {
          headers,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (cause) {
        throw new AdminApiError({ method, path, status: 0, cause });
      }
      if (response.status < 200 || response.status > 299) {
        throw new AdminApiError({ method, path, status: response.status, body: response.body });
      }
      if (response.body.trim() === '') return undefined;
      try {
        return JSON.parse(response.body) as unknown;
      } catch {
        throw new AdminApiError({ method, path, status: response.status, body: response.body });
      }
    },
  };
}

/** Path segment encoding for names and identifiers taken from configuration. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
