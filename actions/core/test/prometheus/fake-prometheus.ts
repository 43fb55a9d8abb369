/**
 * FAKE Prometheus HTTP API for tests, on 127.0.0.1 only. It answers `/api/v1/query` (GET or POST
 * form) with whatever the test's handler returns, shaped as the documented envelope
 * `{status, data:{resultType, result}}` or `{status:"error", errorType, error}`, and records every
 * request. It evaluates no PromQL: it is NOT Prometheus, only a test double for the client.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeQuery {
  method: string;
  contentType: string | undefined;
  query: string;
  time: string | null;
}

export interface FakeReply {
  status: number;
  /** Sent as JSON unless a string. */
  body: unknown;
}

export interface FakePrometheus {
  baseUrl: string;
  requests: FakeQuery[];
  close(): Promise<void>;
}

export const vectorOf = (...samples: [Record<string, string>, string][]): FakeReply => ({
  status: 200,
  body: {
    status: 'success',
    data: {
      resultType: 'vector',
      result: samples.map(([metric, value]) => ({ metric, value: [1795600000, value] })),
    },
  },
});

export const errorOf = (status: number, errorType: string, error: string): FakeReply => ({
  status,
  body: { status: 'error', errorType, error },
});

export async function startFakePrometheus(handler: (query: FakeQuery) => FakeReply): Promise<FakePrometheus> {
  const requests: FakeQuery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      if (url.pathname !== '/api/v1/query') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
        return;
      }
      const params =
        req.method === 'POST'
          ? new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
          : url.searchParams;
      const query: FakeQuery = {
        method: req.method ?? '',
        contentType: req.headers['content-type'],
        query: params.get('query') ?? '',
        time: params.get('time'),
      };
      requests.push(query);
      const reply = handler(query);
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res
        .writeHead(reply.status, {
          'content-type': typeof reply.body === 'string' ? 'text/plain' : 'application/json',
        })
        .end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
