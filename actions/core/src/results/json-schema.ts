/**
 * JSON Schema of results.json for other readers (history store, dashboards). The committed copy
 * (run-results.schema.json beside this file) is checked against this by a test. Cross-field rules
 * (outcome invariants, the verdict the rungs imply) cannot be expressed there; parseRunResults
 * stays the authority.
 */
import { z } from 'zod';
import { RUN_RESULTS_SCHEMA_VERSION, RunResultsSchema } from './schema.js';

export const RUN_RESULTS_JSON_SCHEMA_FILE = 'actions/core/src/results/run-results.schema.json';

export function runResultsJsonSchema(): Record<string, unknown> {
  // `input`: defaulted fields (hints, artifacts, SLO defaults inside config) may be absent in a file.
  const schema = z.toJSONSchema(RunResultsSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    ...schema,
    title: `Mojaloop performance run results, schemaVersion ${RUN_RESULTS_SCHEMA_VERSION}`,
  };
}
