// Shared test helpers: a known-good configuration to break one field at a time, and path editing.
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { RunConfigError } from '../../src/index.js';

export const PROFILES_DIR = fileURLToPath(new URL('../../../../profiles/', import.meta.url));

type Doc = Record<string, unknown>;

/** A valid AWS configuration written out in full (no defaults relied on except where a test says so). */
export function validAwsConfig(): Doc {
  const group = (instanceType: string, min: number, desired: number, max: number) => ({
    instanceType,
    minSize: min,
    desiredSize: desired,
    maxSize: max,
  });
  return {
    profile: 'test-aws',
    infrastructure: {
      provider: 'aws',
      region: 'eu-west-2',
      hub: {
        nodeGroups: {
          hubServices: group('m7i.2xlarge', 10, 10, 12),
          kafka: group('m7i.2xlarge', 3, 3, 3),
          dfsps: group('c7i.4xlarge', 7, 7, 8),
          monitoring: group('m7i.2xlarge', 2, 2, 2),
        },
      },
      load: { nodeGroups: { loadRunners: group('m7i.2xlarge', 1, 1, 2) } },
      database: {
        instanceClass: 'db.m6i.2xlarge',
        allocatedStorageGb: 400,
        multiAz: true,
        requireTls: false,
      },
      cache: { nodeType: 'cache.m7g.large', replicas: 1 },
      natGateways: 'one-per-az',
    },
    dfsps: {
      count: 8,
      currency: 'USD',
      partiesPerDfsp: 200000,
      trafficMix: [
        { payer: 1, payee: 2, weight: 3 },
        { payer: 2, payee: 1, weight: 1 },
        { payer: 3, payee: 8, weight: 1.5 },
      ],
    },
    security: { mtls: true, jwsSign: true, jwsValidate: true, ilp: true },
    ladder: {
      rungs: [
        { rate: 100, warmupSeconds: 120, holdSeconds: 300, drainSeconds: 60 },
        { rate: 500, warmupSeconds: 300, holdSeconds: 600, drainSeconds: 120 },
        { rate: 1000, warmupSeconds: 300, holdSeconds: 1200, drainSeconds: 120 },
      ],
      stress: {
        enabled: true,
        stepPercent: 20,
        maxRate: 2000,
        maxRungs: 6,
        timeBudgetMinutes: 120,
        resolution: 50,
      },
    },
    slo: {
      successPercent: 99.5,
      achievedRatePercent: 99,
      transferP99Ms: 1000,
      e2e: { p50Ms: 600, p95Ms: 900, p99Ms: 1200 },
      maxDroppedPercent: 1,
    },
    load: { runners: 1, preAllocatedVUs: 1500, maxVUs: 4000, perRunnerRate: 1000 },
    costCapUsd: 150,
    keepInfra: false,
    mojaloop: {
      replicas: {
        mlApiAdapter: 10,
        notification: 30,
        centralLedgerAdmin: 2,
        prepare: 12,
        positionBatch: 8,
        fulfil: 12,
        accountLookup: 10,
        oracle: 10,
        quotingService: 10,
        quotes: 12,
      },
      positionBatchSize: 100,
      dbPool: { min: 10, max: 20 },
      database: 'rds',
      kafka: { replicationFactor: 3 },
    },
  };
}

/** `'ladder.rungs[0].rate'` → `['ladder', 'rungs', 0, 'rate']`. */
function keysOf(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key));
}

function parentOf(doc: Doc, keys: (string | number)[]): Record<string | number, unknown> {
  let node: unknown = doc;
  for (const key of keys.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  return node as Record<string | number, unknown>;
}

/** A copy of `doc` with the value at `path` replaced (or added). */
export function withValue(doc: Doc, path: string, value: unknown): Doc {
  const copy = structuredClone(doc);
  const keys = keysOf(path);
  parentOf(copy, keys)[keys[keys.length - 1] as string | number] = value;
  return copy;
}

/** A copy of `doc` without the field at `path`. */
export function without(doc: Doc, path: string): Doc {
  const copy = structuredClone(doc);
  const keys = keysOf(path);
  delete parentOf(copy, keys)[keys[keys.length - 1] as string | number];
  return copy;
}

/** Runs `action`, expects a RunConfigError and returns it. */
export async function configError(action: () => unknown): Promise<RunConfigError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(RunConfigError);
    return error as RunConfigError;
  }
  throw new Error('expected a RunConfigError, but nothing was thrown');
}

/** The message line for `path`, asserting the rendered value and a fragment of the allowed text. */
export function expectIssueLine(error: RunConfigError, path: string, value: string, allowed: string): void {
  const prefix = `  ${path}: got ${value}; allowed: `;
  const line = error.message.split('\n').find((candidate) => candidate.startsWith(prefix));
  expect(line, `no line starting with ${JSON.stringify(prefix)} in:\n${error.message}`).toBeDefined();
  expect(line).toContain(allowed);
}
