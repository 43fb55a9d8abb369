/**
 * Health probes of the stack's processes. Every probe has its own timeout and every wait a deadline.
 */
import { request } from 'node:http';
import { connect, createServer } from 'node:net';

export const PROBE_TIMEOUT_MS = 1_500;

/** Resolves true when something accepts a TCP connection on 127.0.0.1:port. */
export function tcpOpen(port: number, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Redis `PING` → `+PONG`. */
export function redisPing(port: number, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/** Status code of `GET http://127.0.0.1:<port><path>`, or undefined when nothing answered in time. */
export function httpStatus(
  port: number,
  path: string,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'GET', agent: false, timeout: timeoutMs },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode));
        res.once('error', () => resolve(undefined));
      },
    );
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(undefined));
    req.end();
  });
}

export async function httpOk(port: number, path: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  return (await httpStatus(port, path, timeoutMs)) === 200;
}

/** Resolves true when 127.0.0.1:port can be bound right now (nothing listens there). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export type WaitOutcome = { ok: true } | { ok: false; reason: string };

/**
 * Repeats `probe` until it succeeds, `giveUp()` returns a reason (e.g. the process exited), or the
 * deadline passes. Bounded by `deadlineMs`; probes run one at a time.
 */
export async function waitUntilHealthy(
  probe: () => Promise<boolean>,
  options: { deadlineMs: number; intervalMs?: number; giveUp?: () => string | undefined },
): Promise<WaitOutcome> {
  const interval = options.intervalMs ?? 200;
  const deadline = Date.now() + options.deadlineMs;
  for (;;) {
    const stop = options.giveUp?.();
    if (stop) return { ok: false, reason: stop };
    if (await probe()) return { ok: true };
    const stopAfter = options.giveUp?.();
    if (stopAfter) return { ok: false, reason: stopAfter };
    if (Date.now() >= deadline) {
      return { ok: false, reason: `not healthy within ${Math.round(options.deadlineMs / 1000)} s` };
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
