/**
 * The `config` input every phase action after validate-config takes: the resolved run configuration as
 * JSON, validated again here with the one schema (a hand-edited or stale value is refused, naming the
 * field), and for the AWS phases, refused when it is a local configuration.
 */
import { type RunConfig, validateRunConfig } from '@mlperf/core';

export type AwsRunConfig = RunConfig & { infrastructure: { provider: 'aws' } };

export function readConfigInput(getInput: (name: string) => string, name = 'config'): RunConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(getInput(name));
  } catch {
    throw new Error(`input ${name} is not JSON; pass the config output of the validate-config action`);
  }
  return validateRunConfig(parsed, { source: `input ${name}` });
}

/** `why` completes "…; allowed: aws (<why>)", e.g. "a local run has no platform phase". */
export function requireAws(config: RunConfig, why: string): AwsRunConfig {
  if (config.infrastructure.provider !== 'aws') {
    throw new Error(
      `infrastructure.provider: got ${JSON.stringify(config.infrastructure.provider)}; allowed: aws (${why})`,
    );
  }
  return config as AwsRunConfig;
}
