// The committed JSON Schema (for editors) must match the zod schema. To regenerate it, run this file
// with UPDATE_RUN_CONFIG_SCHEMA=1, then format it with biome (the comparison is of parsed JSON).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConfigJsonSchema } from '../../src/index.js';
import { PROFILES_DIR } from './support.js';

const FILE = join(PROFILES_DIR, 'run-config.schema.json');

describe('profiles/run-config.schema.json', () => {
  it('is up to date with the zod schema', async () => {
    const generated = runConfigJsonSchema();
    if (process.env.UPDATE_RUN_CONFIG_SCHEMA === '1') {
      await writeFile(FILE, `${JSON.stringify(generated, null, 2)}\n`);
    }
    const committed: unknown = JSON.parse(await readFile(FILE, 'utf8'));
    expect(committed, 'stale: rerun with UPDATE_RUN_CONFIG_SCHEMA=1').toEqual(generated);
  });

  it('describes units and rejects unknown keys', () => {
    const schema = runConfigJsonSchema() as {
      additionalProperties?: boolean;
      properties: { costCapUsd: { description?: string }; ladder: { properties: Record<string, unknown> } };
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.costCapUsd.description).toContain('US dollars');
    expect(Object.keys(schema.properties.ladder.properties)).toEqual(['rungs', 'stress']);
  });
});
