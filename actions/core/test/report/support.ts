// Helpers for reading a rendered report back: its tables, its Mermaid blocks and its sections.
import { expect } from 'vitest';
import {
  estimateRunCost,
  loadPricingTable,
  nodesByRole,
  type RungResult,
  type RunResults,
} from '../../src/index.js';
import { failingRung, finalize, posture, profile, rung } from '../results/support.js';

/** Cells of one table row, split on pipes that are not escaped. */
export function cells(row: string): string[] {
  const parts = row.trim().split(/(?<!\\)\|/);
  return parts.slice(1, -1).map((part) => part.trim());
}

/** Every table in `markdown`: runs of lines that start with a pipe, as rows of cells. */
export function tables(markdown: string): string[][][] {
  const found: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      current ??= [];
      current.push(cells(line));
    } else if (current !== undefined) {
      found.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) found.push(current);
  return found;
}

/** Asserts GitHub would read every table: a delimiter row, and each row as wide as the header. */
export function expectValidTables(markdown: string): void {
  const all = tables(markdown);
  expect(all.length).toBeGreaterThan(0);
  for (const table of all) {
    const [header, delimiter, ...rows] = table;
    expect(header, 'a table has a header').toBeDefined();
    expect(
      delimiter?.every((cell) => /^:?-+:?$/.test(cell)),
      `delimiter row of ${header?.join(' | ')}`,
    ).toBe(true);
    expect(delimiter).toHaveLength(header?.length ?? 0);
    for (const row of rows) expect(row, row.join(' | ')).toHaveLength(header?.length ?? 0);
  }
}

/** The body lines of every ```mermaid block. */
export function mermaidBlocks(markdown: string): string[][] {
  const blocks: string[][] = [];
  const pattern = /```mermaid\n([\s\S]*?)\n```/g;
  for (const match of markdown.matchAll(pattern)) blocks.push((match[1] ?? '').split('\n'));
  return blocks;
}

/** The table under a `### heading`. */
export function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`### ${heading}\n`);
  expect(start, `section ${heading}`).toBeGreaterThanOrEqual(0);
  const [table] = tables(markdown.slice(start));
  expect(table).toBeDefined();
  return table ?? [];
}

/** An AWS run at the published 1000 TPS figures (REFERENCE §1, round 2), with cost estimate and actual. */
export async function awsRun(): Promise<RunResults> {
  const config = await profile('aws-1000tps');
  const big = (index: number, rate: number, overrides: Partial<RungResult> = {}): RungResult => {
    const base = rung(index, rate);
    const load = rate / 1000;
    return {
      ...base,
      window: { ...base.window, warmupSeconds: 300, holdSeconds: 1200, drainSeconds: 120 },
      latency: {
        e2e: { p50: 300 + 200 * load, p95: 450 + 300 * load, p99: 560 + 380 * load },
        discovery: { p50: 10, p95: 20, p99: 30 },
        quote: { p50: 80, p95: 130, p99: 180 },
        transfer: { p50: 210 + 180 * load, p95: 330 + 270 * load, p99: 400 + 380 * load },
      },
      ...overrides,
    };
  };
  const target = big(3, 1000, {
    achievedRate: 999.8,
    successPercent: 99.96,
    completed: 1_199_806,
    failed: 480,
    failedByCode: { '2001': 300, '3100': 100 },
    droppedIterations: 12,
    droppedPercent: 0.001,
    hubCommitted: 1_199_790,
    latency: {
      e2e: { p50: 502, p95: 755, p99: 944 },
      discovery: { p50: 12, p95: 24, p99: 37 },
      quote: { p50: 95, p95: 160, p99: 217 },
      transfer: { p50: 390, p95: 601, p99: 783 },
    },
  });
  const estimate = estimateRunCost(config, loadPricingTable());
  return finalize({
    schemaVersion: 1,
    runId: '9876543210-1',
    startedAt: '2025-06-01T09:00:00Z',
    finishedAt: '2025-06-01T13:12:00Z',
    durationSeconds: 15_120,
    trigger: 'release',
    profile: 'aws-1000tps',
    config,
    environment: {
      provider: 'aws',
      region: 'eu-west-2',
      versions: {
        hub: 'mojaloop',
        mojaloop: '17.1.0',
        sdkSchemeAdapter: '18.0.2',
        k6: '1.4.2',
        node: '20.19.4',
      },
      sizing: { nodes: nodesByRole(config), dfspCount: 8 },
    },
    security: posture(),
    rungs: [big(1, 100), big(2, 500), target, { ...failingRung(4, 1200, 'stress') }],
    cost: {
      estimate,
      actual: { currency: 'USD', totalUsd: 61.37, source: 'AWS Cost Explorer, tag mlperf:run-id' },
    },
    hints: ['Transfer leg: 64 % of the time waits between Kafka stages; check consumer poll back-off.'],
    artifacts: [],
  });
}
