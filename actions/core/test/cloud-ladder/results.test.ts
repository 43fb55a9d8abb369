import { describe, expect, it } from 'vitest';
import { buildCloudResults, type CloudRunFacts } from '../../src/cloud-ladder/index.js';
import { smokeConfig } from './world.js';

const PLAINTEXT_RDS =
  'Database: the Mojaloop services reach MySQL (RDS) without TLS, inside the VPC (infrastructure.database.requireTls is false: Mojaloop 17.0.4 has no MySQL TLS setting).';

async function facts(
  edit: (config: CloudRunFacts['config']) => CloudRunFacts['config'],
): Promise<CloudRunFacts> {
  return {
    runId: 'r20261125-ab12',
    trigger: 'manual',
    config: edit(await smokeConfig()),
    startedAt: Date.parse('2026-11-25T10:00:00Z'),
    finishedAt: Date.parse('2026-11-25T10:05:00Z'),
    ladder: null,
    rungStarts: new Map(),
    notes: [],
    artifacts: [],
    security: null,
  };
}

describe('buildCloudResults hints about the database connection', () => {
  it('says the services reach RDS without TLS when requireTls is false', async () => {
    const results = buildCloudResults(await facts((config) => config));
    expect(results.config.mojaloop?.database).toBe('rds');
    expect(results.hints).toContain(PLAINTEXT_RDS);
  });

  // The in-cluster MySQL is the only hub database with which requireTls may be true (validation,
  // which results.json goes through too, refuses it with RDS); its smaller limit needs small pools.
  it.each([false, true])(
    'says nothing of it with the in-cluster MySQL (requireTls %s)',
    async (requireTls) => {
      const results = buildCloudResults(
        await facts((config) => ({
          ...config,
          infrastructure: {
            ...config.infrastructure,
            database: { ...config.infrastructure.database, requireTls },
          },
          mojaloop:
            config.mojaloop === undefined
              ? undefined
              : { ...config.mojaloop, database: 'in-cluster', dbPool: { min: 1, max: 3 } },
        })),
      );
      expect(results.config.mojaloop?.database).toBe('in-cluster');
      expect(results.hints.some((hint) => hint.startsWith('Database:'))).toBe(false);
    },
  );
});
