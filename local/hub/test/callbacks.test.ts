/**
 * The callback client against a real loopback HTTP server: what reaches the DFSP, and how each kind of
 * outcome (2xx, FSPIOP error answer, other error answer, no answer, refused connection, a kept-alive
 * connection closed under the request) comes back to the caller.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CallbackClient, type CompiledEndpoint, compileEndpoint } from '../src/callbacks.js';
import { closeServer } from '../src/http.js';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}

type Answer = (request: IncomingMessage, response: ServerResponse, body: string, index: number) => void;

async function serve(answer: Answer): Promise<{ server: Server; port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: request.method, url: request.url, headers: request.headers, body });
      answer(request, response, body, seen.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

function endpointAt(port: number): CompiledEndpoint {
  const endpoint = compileEndpoint(`http://127.0.0.1:${port}/transfers/{{transferId}}`);
  if (!endpoint) throw new Error('endpoint did not compile');
  return endpoint;
}

const servers: Server[] = [];
const clients: CallbackClient[] = [];

function client(timeoutMs = 2000): CallbackClient {
  const made = new CallbackClient({ tls: null, timeoutMs, maxSockets: 4 });
  clients.push(made);
  return made;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(servers.splice(0).map((s) => closeServer(s)));
});

const BODY = Buffer.from('{"transferState":"COMMITTED"}');
const HEADERS = {
  'content-type': 'application/vnd.interoperability.transfers+json;version=1.1',
  'fspiop-source': 'perffsp2',
  'fspiop-destination': 'perffsp1',
};

/** The callback most cases send: `PUT /transfers/x` with the standard headers and body. */
function putTransfer(port: number) {
  return client().send({
    endpoint: endpointAt(port),
    path: '/transfers/x',
    method: 'PUT',
    headers: HEADERS,
    body: BODY,
  });
}

describe('CallbackClient', () => {
  it('compiles the origin once, bracketing IPv6 hosts', () => {
    expect(compileEndpoint('https://[::1]:4443/x')?.origin).toBe('https://[::1]:4443');
    expect(compileEndpoint('http://dfsp.example/x')?.origin).toBe('http://dfsp.example:80');
  });

  it('sends method, path, headers and body unchanged and reports a 2xx as ok', async () => {
    const { server, port, seen } = await serve((_q, response) => {
      response.writeHead(200, { 'content-length': 0 });
      response.end();
    });
    servers.push(server);
    const endpoint = endpointAt(port);
    const result = await client().send({
      endpoint,
      path: endpoint.path({ transferId: 'abc' }),
      method: 'PUT',
      headers: HEADERS,
      body: BODY,
    });
    expect(result).toEqual({ ok: true, status: 200 });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('PUT');
    expect(seen[0]?.url).toBe('/transfers/abc');
    expect(seen[0]?.body).toBe(BODY.toString('utf8'));
    expect(seen[0]?.headers).toMatchObject(HEADERS);
  });

  it('judges the final status when an informational answer comes first', async () => {
    const { server, port } = await serve((_q, response) => {
      response.writeEarlyHints({ link: '</x>; rel=preload' });
      response.writeHead(200, { 'content-length': 0 });
      response.end();
    });
    servers.push(server);
    const result = await putTransfer(port);
    expect(result).toEqual({ ok: true, status: 200 });
  });

  it('returns the FSPIOP error of a non-2xx answer', async () => {
    const { server, port } = await serve((_q, response) => {
      const text = JSON.stringify({ errorInformation: { errorCode: '3100', errorDescription: 'Bad thing' } });
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(text);
    });
    servers.push(server);
    const result = await putTransfer(port);
    expect(result).toEqual({ ok: false, status: 400, errorCode: '3100', errorDescription: 'Bad thing' });
  });

  it('reads a large non-FSPIOP error answer to the end and reports only the status', async () => {
    const { server, port } = await serve((_q, response) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('x'.repeat(100_000));
    });
    servers.push(server);
    const result = await putTransfer(port);
    expect(result).toEqual({ ok: false, status: 500 });
  });

  it('reports a refused connection as a transport error', async () => {
    const { server, port } = await serve(() => {});
    await closeServer(server);
    const result = await putTransfer(port);
    expect(result.ok).toBe(false);
    expect(result.status).toBeUndefined();
    expect(result.error).toBe('ECONNREFUSED');
  });

  it('gives up after the callback timeout when no answer comes', async () => {
    const { server, port } = await serve(() => {
      // never answers
    });
    servers.push(server);
    const endpoint = endpointAt(port);
    const started = Date.now();
    const result = await client(300).send({
      endpoint,
      path: '/transfers/x',
      method: 'PUT',
      headers: HEADERS,
      body: BODY,
    });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/no answer within the callback timeout \(UND_ERR_HEADERS_TIMEOUT\)/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('sends once more on a fresh connection when the peer drops the connection under the request', async () => {
    const { server, port, seen } = await serve((request, response, _body, index) => {
      if (index === 0) {
        request.socket.destroy();
        return;
      }
      response.writeHead(202, { 'content-length': 0 });
      response.end();
    });
    servers.push(server);
    const result = await putTransfer(port);
    expect(result).toEqual({ ok: true, status: 202 });
    expect(seen).toHaveLength(2);
  });

  it('does not retry an error answer', async () => {
    const { server, port, seen } = await serve((_q, response) => {
      response.writeHead(503, { 'content-length': 0 });
      response.end();
    });
    servers.push(server);
    const result = await putTransfer(port);
    expect(result).toEqual({ ok: false, status: 503 });
    expect(seen).toHaveLength(1);
  });
});
