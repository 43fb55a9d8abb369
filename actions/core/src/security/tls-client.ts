/**
 * An HttpClient over `node:https` (or `node:http` for http: URLs) that can present a client
 * certificate, for FSPIOP calls into a hub that requires mutual TLS. Every request opens its own
 * connection (no keep-alive), so each probe's TLS handshake is its own evidence. Failures are
 * TransportErrors classified by what they prove: the peer refused us, the peer was unreachable, we
 * did not trust the peer, or the deadline passed.
 */
import http from 'node:http';
import https from 'node:https';
import type { HttpClient, HttpResponse } from '../onboarding/http.js';

export interface TlsClientOptions {
  /** CA bundle the server certificate must chain to (PEM). */
  caPem?: string;
  /** Client certificate and key (PEM); omit both to connect without a client certificate. */
  certPem?: string;
  keyPem?: string;
  /** Deadline of one request, milliseconds. Default 10 000. */
  timeoutMs?: number;
}

/**
 * - `refused`: the server closed or failed the TLS handshake or connection (what a hub requiring a
 *   client certificate does to a client without one);
 * - `unreachable`: nothing answered at the address;
 * - `untrusted-server`: we rejected the server's certificate (wrong CA, name or dates);
 * - `timeout`: no answer before the deadline;
 * - `other`: anything else.
 */
export type TransportFailure = 'refused' | 'unreachable' | 'untrusted-server' | 'timeout' | 'other';

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    readonly failure: TransportFailure,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
]);
const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
]);

/** Maps a socket/TLS error to what it proves. */
export function classifyTransportError(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const err = error as { code?: unknown; message?: unknown };
  const code = typeof err?.code === 'string' ? err.code : 'UNKNOWN';
  const message = typeof err?.message === 'string' ? err.message : String(error);
  let failure: TransportFailure = 'other';
  if (UNREACHABLE.has(code)) failure = 'unreachable';
  else if (UNTRUSTED.has(code)) failure = 'untrusted-server';
  else if (
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    code === 'EPROTO' ||
    code.startsWith('ERR_SSL_') ||
    /socket hang up|alert|handshake/i.test(message)
  ) {
    failure = 'refused';
  }
  return new TransportError(failure, code, `${code}: ${conciseReason(message)}`);
}

/** The readable part of a socket/OpenSSL message: the TLS alert when there is one, else its first line. */
function conciseReason(message: string): string {
  const alert = /(?:tlsv1\d?|sslv3) alert [a-z ]+/i.exec(message);
  if (alert) return alert[0].trim();
  const line = message.split('\n')[0]?.trim() ?? '';
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

export function createTlsHttpClient(options: TlsClientOptions = {}): HttpClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    request(method, url, init = {}) {
      return new Promise<HttpResponse>((resolve, reject) => {
        const target = new URL(url);
        const isHttps = target.protocol === 'https:';
        const requestOptions: https.RequestOptions = {
          method,
          headers: {
            ...(init.headers ?? {}),
            ...(init.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(init.body)) }),
          },
          agent: false,
          ...(isHttps
            ? {
                ...(options.caPem ? { ca: options.caPem } : {}),
                ...(options.certPem ? { cert: options.certPem } : {}),
                ...(options.keyPem ? { key: options.keyPem } : {}),
                rejectUnauthorized: true,
                minVersion: 'TLSv1.2' as const,
              }
            : {}),
        };
        let settled = false;
        const finish = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          outcome();
        };
        const request = (isHttps ? https : http).request(target, requestOptions, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(response.headers)) {
              if (value !== undefined)
                headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
            }
            finish(() =>
              resolve({
                status: response.statusCode ?? 0,
                headers,
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
          });
          response.on('error', (error) => finish(() => reject(classifyTransportError(error))));
        });
        const timer = setTimeout(() => {
          const error = new TransportError('timeout', 'ETIMEDOUT', `no answer within ${timeoutMs} ms`);
          request.destroy(error);
          finish(() => reject(error));
        }, timeoutMs);
        request.on('error', (error) => finish(() => reject(classifyTransportError(error))));
        if (init.body !== undefined) request.write(init.body);
        request.end();
      });
    },
  };
}
