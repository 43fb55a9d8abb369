/** Validation of an already-assembled configuration object (profile plus overrides). */
import { RunConfigError, type RunConfigErrorOptions } from './errors.js';
import { describeAllowed, toConfigIssues } from './issues.js';
import { type RunConfig, RunConfigSchema } from './schema.js';

/** Returns the configuration with defaults applied, or throws a RunConfigError listing every issue. */
export function validateRunConfig(input: unknown, options: RunConfigErrorOptions = {}): RunConfig {
  const result = RunConfigSchema.safeParse(input, { error: describeAllowed });
  if (result.success) return result.data;
  throw new RunConfigError(toConfigIssues(result.error.issues, input), options);
}
