import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupAlive, httpStatus } from '../src/index.js';
import { stackPorts } from '../src/ports.js';
import { startPrometheus } from '../src/prometheus.js';
import { listeners as listening } from './helpers.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mlperf-prometheus-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('local Prometheus', () => {
  it('starts on loopback, answers /-/ready, accepts remote writes, and stops', async () => {
    const ports = stackPorts(24500, 2);
    const prometheus = await startPrometheus({ runDir: join(root, 'run'), ports, scrapeIntervalSeconds: 1 });
    try {
      expect(prometheus.url).toBe('http://127.0.0.1:24590');
      expect(await httpStatus(24590, '/-/ready')).toBe(200);
      expect(listening([24590])).toEqual(['127.0.0.1:24590']);
      const config = JSON.parse(await readFile(prometheus.configPath, 'utf8'));
      expect(config.scrape_configs.map((job: { job_name: string }) => job.job_name)).toEqual([
        'hub',
        'sdk',
        'prometheus',
      ]);
      // The remote-write receiver is on: an empty body is a bad request, not a 404.
      const write = await fetch(`${prometheus.url}/api/v1/write`, {
        method: 'POST',
        body: new Uint8Array(),
        signal: AbortSignal.timeout(5_000),
      });
      expect(write.status).not.toBe(404);
      // Its own target is scraped and up.
      const query = async () => {
        const res = await fetch(`${prometheus.url}/api/v1/query?query=up{job="prometheus"}`, {
          signal: AbortSignal.timeout(5_000),
        });
        return ((await res.json()) as { data: { result: Array<{ value: [number, string] }> } }).data.result;
      };
      let result = await query();
      for (let i = 0; i < 50 && result.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        result = await query();
      }
      expect(result[0]?.value[1]).toBe('1');
    } finally {
      await prometheus.stop();
    }
    expect(groupAlive(prometheus.process.pid)).toBe(false);
    expect(listening([24590])).toEqual([]);
  }, 60_000);
});
