/**
 * JSON Schema of the run configuration, for editors: profiles point at the committed copy
 * (profiles/run-config.schema.json) so authors get completion and checks while typing.
 * Cross-field rules cannot be expressed there; validateRunConfig stays the authority.
 */
import { z } from 'zod';
import { RunConfigSchema } from './schema.js';

export function runConfigJsonSchema(): Record<string, unknown> {
  // `input`: defaulted fields are optional in a file, as they are for validateRunConfig.
  const schema = z.toJSONSchema(RunConfigSchema, { io: 'input', target: 'draft-2020-12' });
  return { ...schema, title: 'Mojaloop performance run configuration' };
}
