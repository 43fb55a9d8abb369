import { describe, expect, it } from 'vitest';
import { listPorts, stackPorts } from '../src/ports.js';

describe('stackPorts', () => {
  it('follows the port table of local/README.md', () => {
    expect(stackPorts(47000, 2)).toEqual({
      base: 47000,
      redis: 47001,
      prometheus: 47090,
      hub: { fspiop: 47010, admin: 47011, als: 47012 },
      dfsps: [
        {
          index: 1,
          fspId: 'perffsp1',
          inbound: 47100,
          outbound: 47101,
          metrics: 47104,
          backend: 47105,
          redis: 47106,
        },
        {
          index: 2,
          fspId: 'perffsp2',
          inbound: 47200,
          outbound: 47201,
          metrics: 47204,
          backend: 47205,
          redis: 47206,
        },
      ],
    });
  });

  it('gives distinct ports for the largest fleet', () => {
    const ports = stackPorts(1024, 99);
    const all = [
      ...listPorts(ports, { prometheus: true }).map(([, port]) => port),
      ...listPorts(ports, { redis: 'shared' }).map(([, port]) => port),
    ];
    const distinct = new Set(all);
    expect(distinct.size).toBe(1 + 4 + 5 * 99);
    expect(Math.max(...distinct)).toBe(1024 + 9906);
  });

  it('is pure', () => {
    expect(stackPorts(50000, 8)).toEqual(stackPorts(50000, 8));
  });

  it('rejects impossible plans with the reason', () => {
    expect(() => stackPorts(47000, 0)).toThrow(/DFSP count/);
    expect(() => stackPorts(47000, 100)).toThrow(/from 1 to 99/);
    expect(() => stackPorts(47000.5, 2)).toThrow(/base port/);
    expect(() => stackPorts(80, 2)).toThrow(/≥ 1024/);
    expect(() => stackPorts(65000, 8)).toThrow(/up to 65806/);
    expect(() => stackPorts(65535 - 806, 8)).not.toThrow();
  });

  it('names every port for clash messages, Prometheus only when asked, Redis as configured', () => {
    const names = listPorts(stackPorts(47000, 1), { redis: 'shared' }).map(([name]) => name);
    expect(names).toEqual([
      'redis',
      'hub FSPIOP API',
      'hub admin API',
      'hub ALS admin API',
      'perffsp1 SDK inbound',
      'perffsp1 SDK outbound',
      'perffsp1 SDK metrics',
      'perffsp1 backend',
    ]);
    expect(listPorts(stackPorts(47000, 1), { prometheus: true })).toContainEqual(['prometheus', 47090]);
    const perDfsp = listPorts(stackPorts(47000, 1));
    expect(perDfsp).toContainEqual(['perffsp1 Redis', 47106]);
    expect(perDfsp.map(([name]) => name)).not.toContain('redis');
  });
});
