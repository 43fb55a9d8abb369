/**
 * What "healthy" means for each process of a stack, as probes of its endpoints. Used by the
 * supervisor while starting and by `cli status` from outside.
 */
import { httpOk, redisPing, tcpOpen } from './health.js';
import type { RedisMode, StackPorts } from './ports.js';

export interface Probe {
  process: string;
  endpoint: string;
  probe: () => Promise<boolean>;
}

/** Name, port pairs of the Redis servers of a stack. */
export function redisServers(ports: StackPorts, mode: RedisMode): Array<{ name: string; port: number }> {
  return mode === 'shared'
    ? [{ name: 'redis', port: ports.redis }]
    : ports.dfsps.map((d) => ({ name: `redis-${d.fspId}`, port: d.redis }));
}

export function healthPlan(
  ports: StackPorts,
  options: { prometheus?: boolean; redis?: RedisMode } = {},
): Probe[] {
  const plan: Probe[] = [
    ...redisServers(ports, options.redis ?? 'per-dfsp').map(({ name, port }) => ({
      process: name,
      endpoint: `redis PING 127.0.0.1:${port}`,
      probe: () => redisPing(port),
    })),
    {
      process: 'hub',
      endpoint: `GET http://127.0.0.1:${ports.hub.admin}/health`,
      probe: () => httpOk(ports.hub.admin, '/health'),
    },
  ];
  for (const d of ports.dfsps) {
    plan.push(
      {
        process: `backend-${d.fspId}`,
        endpoint: `GET http://127.0.0.1:${d.backend}/health`,
        probe: () => httpOk(d.backend, '/health'),
      },
      {
        process: `sdk-${d.fspId}`,
        endpoint: `GET http://127.0.0.1:${d.outbound}/`,
        probe: () => httpOk(d.outbound, '/'),
      },
      {
        process: `sdk-${d.fspId}`,
        endpoint: `GET http://127.0.0.1:${d.metrics}/metrics`,
        probe: () => httpOk(d.metrics, '/metrics'),
      },
      { process: `sdk-${d.fspId}`, endpoint: `TCP 127.0.0.1:${d.inbound}`, probe: () => tcpOpen(d.inbound) },
    );
  }
  if (options.prometheus) {
    plan.push({
      process: 'prometheus',
      endpoint: `GET http://127.0.0.1:${ports.prometheus}/-/ready`,
      probe: () => httpOk(ports.prometheus, '/-/ready'),
    });
  }
  return plan;
}

/** Runs every probe of the plan at once. */
export async function checkHealth(
  plan: readonly Probe[],
): Promise<Array<{ process: string; endpoint: string; ok: boolean }>> {
  return Promise.all(
    plan.map(async (p) => ({ process: p.process, endpoint: p.endpoint, ok: await p.probe() })),
  );
}
