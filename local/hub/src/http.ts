/**
 * Plumbing shared by the hub's raw `node:http` servers: bounded body reading, answers, path splitting.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:net';
import { Codes, type ErrorBody, FspiopError } from './fspiop/errors.js';

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes`);
  }
}

/** Reads the whole body, refusing (and stopping the upload) past `limit` bytes. */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.reject(new BodyTooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    request.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!failed) resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    });
    request.on('error', (error) => {
      if (!failed) {
        failed = true;
        reject(error);
      }
    });
  });
}

/** Path segments of a request URL (query dropped, empty segments removed, not decoded). */
export function pathSegments(url: string | undefined): { path: string; segments: string[] } {
  const raw = url ?? '/';
  const query = raw.indexOf('?');
  const path = query < 0 ? raw : raw.slice(0, query);
  return { path, segments: path.split('/').filter((s) => s.length > 0) };
}

/** The query parameters of a request URL. */
export function queryOf(url: string | undefined): URLSearchParams {
  const raw = url ?? '';
  const query = raw.indexOf('?');
  return new URLSearchParams(query < 0 ? '' : raw.slice(query + 1));
}

/** Built once: a flat name/value list is what Node's header writer takes without copying. */
const EMPTY_BODY_HEADERS = ['content-length', '0'];

export function sendEmpty(response: ServerResponse, status: number): void {
  response.writeHead(status, EMPTY_BODY_HEADERS);
  response.end();
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

export function sendError(response: ServerResponse, error: FspiopError): void {
  sendJson(response, error.status, error.toBody() satisfies ErrorBody);
}

/** Answers an unexpected failure as 2001 without leaking internals. */
export function sendUnexpected(response: ServerResponse): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  sendError(response, new FspiopError(Codes.INTERNAL_SERVER_ERROR));
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export function closeServer(server: Server & { closeAllConnections?: () => void }): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections?.();
  });
}
