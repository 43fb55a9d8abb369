// The committed JSON Schema of results.json must match the zod schema. To regenerate it, run this file
// with UPDATE_RUN_RESULTS_SCHEMA=1, then format it with biome (the comparison is of parsed JSON).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RUN_RESULTS_JSON_SCHEMA_FILE, runResultsJsonSchema } from '../../src/index.js';

const FILE = fileURLToPath(new URL(`../../../../${RUN_RESULTS_JSON_SCHEMA_FILE}`, import.meta.url));

describe('run-results.schema.json', () => {
  it('is up to date with the zod schema', async () => {
    const generated = runResultsJsonSchema();
    if (process.env.UPDATE_RUN_RESULTS_SCHEMA === '1') {
      await writeFile(FILE, `${JSON.stringify(generated, null, 2)}\n`);
    }
    const committed: unknown = JSON.parse(await readFile(FILE, 'utf8'));
    expect(committed, 'stale: rerun with UPDATE_RUN_RESULTS_SCHEMA=1').toEqual(generated);
  });

  it('pins the version and rejects unknown keys', () => {
    const schema = runResultsJsonSchema() as {
      $schema: string;
      additionalProperties?: boolean;
      required: string[];
      properties: { schemaVersion: { const?: number }; rungs: { items: { required: string[] } } };
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.schemaVersion.const).toBe(1);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'runId', 'rungs', 'verdict']));
    expect(schema.required).not.toContain('hints');
    expect(schema.properties.rungs.items.required).toEqual(
      expect.arrayContaining(['outcome', 'validity', 'failedSlos', 'invalidReasons', 'latency']),
    );
  });
});
