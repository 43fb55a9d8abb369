/**
 * The rehearsal's command line. Pure: argv in, options out, or an OptionsError listing every bad
 * option at once, each as `--option: got <value>; allowed: <what would be accepted>` (the same shape
 * as a bad run configuration).
 */
import { parseOptions } from '@mlperf/core/config/command-line';
import { type ConfigIssue, formatIssue } from '@mlperf/core/config/errors';

export const DEFAULT_PROFILE = 'local';
export const DEFAULT_SMOKE_DEADLINE_SECONDS = 180;

export const USAGE = `usage: npm run rehearse -- [options]
  --profile NAME              profile file profiles/NAME.yaml (default ${DEFAULT_PROFILE}); infrastructure.provider must be local
  --set PATH=VALUE            override a field of the profile, e.g. --set dfsps.count=4 (repeatable)
  --config-file FILE          a resolved run configuration as JSON (validate-config's output), instead of --profile/--set
  --base-port P               first port of the local stack (default the stack's, 20000)
  --results-dir DIR           where results.json, report.md and smoke.json go (default results/<run id>)
  --run-dir DIR               the stack's run directory, kept afterwards (default a temporary one, removed)
  --smoke-rounds N            transfers per ordered payer→payee pair (default 1)
  --smoke-concurrency N       smoke transfers in flight (default the DFSP count)
  --smoke-deadline SECONDS    the whole smoke's deadline (default ${DEFAULT_SMOKE_DEADLINE_SECONDS})
  --sdk-log errors|all        SDK log volume (default errors)
  -h, --help                  this text
Exit codes: 0 everything that ran passed (the ladder is skipped: no k6 runner), 1 a step failed, 2 bad input.`;

export interface RehearsalOptions {
  profile: string;
  /** `path=value` lines for the core's parseOverrideAssignments, in the order given. */
  sets: string[];
  /** A resolved configuration (JSON) used instead of profile + sets; the pipeline passes its own. */
  configFile: string | undefined;
  /** Undefined: the stack's default. */
  basePort: number | undefined;
  resultsDir: string | undefined;
  runDir: string | undefined;
  smokeRounds: number;
  /** Undefined: the DFSP count. */
  smokeConcurrency: number | undefined;
  smokeDeadlineSeconds: number;
  sdkLog: 'errors' | 'all';
}

export type ParsedCommandLine = { help: true } | { help: false; options: RehearsalOptions };

export class OptionsError extends Error {
  override readonly name = 'OptionsError';
  constructor(readonly issues: readonly ConfigIssue[]) {
    const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
    super([`Options are invalid (${count}):`, ...issues.map((i) => `  ${formatIssue(i)}`)].join('\n'));
  }
}

const SPEC = {
  profile: { type: 'string' },
  set: { type: 'string', multiple: true },
  'config-file': { type: 'string' },
  'base-port': { type: 'string' },
  'results-dir': { type: 'string' },
  'run-dir': { type: 'string' },
  'smoke-rounds': { type: 'string' },
  'smoke-concurrency': { type: 'string' },
  'smoke-deadline': { type: 'string' },
  'sdk-log': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof SPEC;

export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const { values, issues } = parseOptions(argv, SPEC);
  if (values.help === true && issues.length === 0) return { help: true };

  const text = (name: OptionName): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const integer = (name: OptionName, min: number, max: number, what: string): number | undefined => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    const n = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      issues.push({ path: `--${name}`, value: raw, allowed: `an integer from ${min} to ${max} (${what})` });
      return undefined;
    }
    return n;
  };
  const nonEmpty = (name: OptionName, what: string): string | undefined => {
    const raw = text(name);
    if (raw !== undefined && raw.trim() === '') issues.push({ path: `--${name}`, value: raw, allowed: what });
    return raw;
  };

  const basePort = integer('base-port', 1024, 65_535, 'the first port of the stack');
  const smokeRounds = integer('smoke-rounds', 1, 20, 'transfers per ordered pair') ?? 1;
  const smokeConcurrency = integer('smoke-concurrency', 1, 256, 'transfers in flight');
  const smokeDeadlineSeconds =
    integer('smoke-deadline', 1, 3_600, 'seconds') ?? DEFAULT_SMOKE_DEADLINE_SECONDS;
  const resultsDir = nonEmpty('results-dir', 'a directory path');
  const runDir = nonEmpty('run-dir', 'a directory path');
  const profile = nonEmpty('profile', 'a profile name such as local') ?? DEFAULT_PROFILE;
  const sdkLog = text('sdk-log') ?? 'errors';
  if (sdkLog !== 'errors' && sdkLog !== 'all') {
    issues.push({ path: '--sdk-log', value: sdkLog, allowed: 'one of: errors, all' });
  }
  const sets = (values.set ?? []).filter((value): value is string => typeof value === 'string');
  const configFile = nonEmpty('config-file', 'a path to a JSON run configuration');
  if (configFile !== undefined && (text('profile') !== undefined || sets.length > 0)) {
    issues.push({
      path: '--config-file',
      value: configFile,
      allowed: 'a resolved configuration on its own: --profile and --set do not combine with it',
    });
  }

  if (issues.length > 0) throw new OptionsError(issues);
  return {
    help: false,
    options: {
      profile,
      sets,
      configFile,
      basePort,
      resultsDir,
      runDir,
      smokeRounds,
      smokeConcurrency,
      smokeDeadlineSeconds,
      sdkLog: sdkLog as 'errors' | 'all',
    },
  };
}
