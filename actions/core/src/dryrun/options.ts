/**
 * The dry run's command line. Pure: argv in, options out, or a DryRunOptionsError listing every bad
 * option at once, each as `--option: got <value>; allowed: <what would be accepted>` — the same
 * shape as a bad run configuration (config/errors.ts).
 */
import { parseOptions } from '../config/command-line.js';
import type { DispatchChoices } from '../config/dispatch.js';
import { type ConfigIssue, formatIssue } from '../config/errors.js';
import { RUN_ID_ALLOWED, RUN_ID_PATTERN } from '../terraform/run-meta.js';

/** The pipeline's default profile (perf-pipeline.yml, full-run.yml). */
export const DEFAULT_DRY_RUN_PROFILE = 'aws-1000tps';

export const DRY_RUN_USAGE = `usage: npm run dry-run -- [options]
Walks the pipeline's phases with the resolved configuration and prints what each would do.
Calls nothing: no AWS, no GitHub, no network, no credentials.

  --profile NAME             profile file profiles/NAME.yaml (default ${DEFAULT_DRY_RUN_PROFILE}, as the pipeline)
  --set PATH=VALUE           override a field, e.g. --set dfsps.count=4 (repeatable; the workflow's overrides)
  --rates LIST               ladder rates replacing the profile's, rising, e.g. 100,500,1000
  --dfsp-count N             number of DFSPs
  --keep-infra true|false    keep the stack after the run (teardown is skipped)
  --cost-cap-usd N           cost cap checked by preflight, US dollars
  --run-id ID                run id (default: r<GITHUB_RUN_ID> in Actions, else l<UTC time>, as preflight)
  --owner NAME               Owner tag (default: $GITHUB_ACTOR, else "unknown", as provision)
  --pipeline-role-arn ARN    role given cluster access (default: a placeholder; the job's OIDC role in the pipeline)
  --state-bucket NAME        Terraform state bucket (default: a placeholder; MLPERF_STATE_BUCKET in the pipeline)
  --pricing-file FILE        a pricing table (JSON, the shape of actions/core/src/cost/pricing.json) instead of the committed one
  --json                     print the plan as JSON instead of text
  -h, --help                 this text
Exit codes: 0 the plan was printed (also when the run would stop at preflight), 2 bad input.`;

export interface DryRunOptions {
  profile: string;
  sets: string[];
  choices: DispatchChoices;
  runId: string | undefined;
  owner: string | undefined;
  pipelineRoleArn: string | undefined;
  stateBucket: string | undefined;
  pricingFile: string | undefined;
  json: boolean;
}

export type ParsedDryRunArgs = { help: true } | { help: false; options: DryRunOptions };

export class DryRunOptionsError extends Error {
  override readonly name = 'DryRunOptionsError';
  constructor(readonly issues: readonly ConfigIssue[]) {
    const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
    super(
      [`Options are invalid (${count}):`, ...issues.map((issue) => `  ${formatIssue(issue)}`)].join('\n'),
    );
  }
}

const SPEC = {
  profile: { type: 'string' },
  set: { type: 'string', multiple: true },
  rates: { type: 'string' },
  'dfsp-count': { type: 'string' },
  'keep-infra': { type: 'string' },
  'cost-cap-usd': { type: 'string' },
  'run-id': { type: 'string' },
  owner: { type: 'string' },
  'pipeline-role-arn': { type: 'string' },
  'state-bucket': { type: 'string' },
  'pricing-file': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof SPEC;

export function parseDryRunArgs(argv: readonly string[]): ParsedDryRunArgs {
  const { values, issues } = parseOptions(argv, SPEC);
  if (values.help === true && issues.length === 0) return { help: true };

  const text = (name: OptionName): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const nonEmpty = (name: OptionName, allowed: string): string | undefined => {
    const raw = text(name);
    if (raw !== undefined && raw.trim() === '') issues.push({ path: `--${name}`, value: raw, allowed });
    return raw?.trim() || undefined;
  };

  const profile = nonEmpty('profile', 'a profile name such as aws-1000tps') ?? DEFAULT_DRY_RUN_PROFILE;
  const runId = nonEmpty('run-id', RUN_ID_ALLOWED);
  if (runId !== undefined && !RUN_ID_PATTERN.test(runId)) {
    issues.push({ path: '--run-id', value: runId, allowed: RUN_ID_ALLOWED });
  }
  const owner = nonEmpty('owner', 'an Owner tag value, e.g. your GitHub login');
  const pipelineRoleArn = nonEmpty(
    'pipeline-role-arn',
    'an IAM role ARN such as arn:aws:iam::123456789012:role/mlperf-pipeline',
  );
  const stateBucket = nonEmpty('state-bucket', 'an S3 bucket name');
  const pricingFile = nonEmpty('pricing-file', 'a path to a pricing table (JSON)');
  const sets = (values.set ?? []).filter((value): value is string => typeof value === 'string');

  if (issues.length > 0) throw new DryRunOptionsError(issues);
  // Choices stay strings, as GitHub passes workflow_dispatch inputs; the core parses them.
  const choices: DispatchChoices = {};
  const rates = text('rates');
  const dfspCount = text('dfsp-count');
  const keepInfra = text('keep-infra');
  const costCapUsd = text('cost-cap-usd');
  if (rates !== undefined) choices.rates = rates;
  if (dfspCount !== undefined) choices.dfspCount = dfspCount;
  if (keepInfra !== undefined) choices.keepInfra = keepInfra;
  if (costCapUsd !== undefined) choices.costCapUsd = costCapUsd;
  return {
    help: false,
    options: {
      profile,
      sets,
      choices,
      runId,
      owner,
      pipelineRoleArn,
      stateBucket,
      pricingFile,
      json: values.json === true,
    },
  };
}
