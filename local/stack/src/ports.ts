/**
 * The port plan of a local stack (local/README.md, "Ports"). Pure: the same base and count always give
 * the same ports, and every port of a plan is distinct.
 */
import { dfspId } from '@mlperf/core/fleet/names';

export const DEFAULT_BASE_PORT = 20000;
/** partyIdentifier() encodes the DFSP index in two digits. */
export const MAX_DFSPS = 99;

export interface DfspPorts {
  index: number;
  fspId: string;
  /** SDK inbound FSPIOP API (HTTPS, mutual TLS). */
  inbound: number;
  /** SDK outbound API (HTTP; what k6 calls). */
  outbound: number;
  /** SDK Prometheus metrics. */
  metrics: number;
  /** Backend simulator (HTTP). */
  backend: number;
  /** The SDK's own Redis, when each DFSP has one (RedisMode 'per-dfsp', the default). */
  redis: number;
}

/**
 * 'per-dfsp': one Redis per SDK (base + 100·i + 6), as each DFSP has its own cache in a real deployment.
 * 'shared': one Redis for all SDKs at base + 1. SDK 18's pub/sub channels (`tf_<transferId>`, …) are
 * not scoped to a DFSP, so with a shared Redis the payee SDK's copy of a callback reaches the payer SDK
 * too (see README).
 */
export type RedisMode = 'per-dfsp' | 'shared';

export interface StackPorts {
  base: number;
  redis: number;
  prometheus: number;
  hub: { fspiop: number; admin: number; als: number };
  dfsps: DfspPorts[];
}

export function stackPorts(base: number, count: number): StackPorts {
  if (!Number.isInteger(base) || base < 1024) {
    throw new RangeError(`base port must be an integer ≥ 1024, got ${base}`);
  }
  if (!Number.isInteger(count) || count < 1 || count > MAX_DFSPS) {
    throw new RangeError(`DFSP count must be an integer from 1 to ${MAX_DFSPS}, got ${count}`);
  }
  const highest = base + 100 * count + 6;
  if (highest > 65_535) {
    throw new RangeError(
      `base port ${base} with ${count} DFSPs needs ports up to ${highest}; the highest is 65535 (use a base ≤ ${65_535 - 100 * count - 6})`,
    );
  }
  return {
    base,
    redis: base + 1,
    prometheus: base + 90,
    hub: { fspiop: base + 10, admin: base + 11, als: base + 12 },
    dfsps: Array.from({ length: count }, (_, i) => {
      const index = i + 1;
      const at = base + 100 * index;
      return {
        index,
        fspId: dfspId(index),
        inbound: at,
        outbound: at + 1,
        metrics: at + 4,
        backend: at + 5,
        redis: at + 6,
      };
    }),
  };
}

/** Every port of a plan with the name of what listens there (for clash checks and messages). */
export function listPorts(
  ports: StackPorts,
  options: { prometheus?: boolean; redis?: RedisMode } = {},
): Array<[string, number]> {
  const perDfspRedis = (options.redis ?? 'per-dfsp') === 'per-dfsp';
  const list: Array<[string, number]> = [
    ...(perDfspRedis ? [] : ([['redis', ports.redis]] as Array<[string, number]>)),
    ['hub FSPIOP API', ports.hub.fspiop],
    ['hub admin API', ports.hub.admin],
    ['hub ALS admin API', ports.hub.als],
  ];
  if (options.prometheus) list.push(['prometheus', ports.prometheus]);
  for (const d of ports.dfsps) {
    list.push(
      [`${d.fspId} SDK inbound`, d.inbound],
      [`${d.fspId} SDK outbound`, d.outbound],
      [`${d.fspId} SDK metrics`, d.metrics],
      [`${d.fspId} backend`, d.backend],
    );
    if (perDfspRedis) list.push([`${d.fspId} Redis`, d.redis]);
  }
  return list;
}
