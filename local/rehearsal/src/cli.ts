/**
 * npm run rehearse -- [--profile local] [--set path=value]… [--base-port P] [--results-dir D]
 *   [--run-dir D] [--smoke-rounds N] [--smoke-concurrency N] [--smoke-deadline S] [--sdk-log errors|all]
 *
 * The local rehearsal: validate the configuration, start the local stack, onboard it, verify its
 * security, push a smoke of real transfers through the SDKs, write results.json, report.md and
 * smoke.json. The TPS ladder is skipped (no k6 runner) and the output says so. Exit 0 when everything
 * that ran passed, 1 when a step failed, 2 for bad input (nothing started).
 */
import { OptionsError, parseCommandLine, USAGE } from './options.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    err(error.message);
    err(USAGE);
    return 2;
  }
  if (parsed.help) {
    out(USAGE);
    return 0;
  }
  // Loaded after the options are known: the stack and the core's clients take a moment to import.
  const { rehearse } = await import('./rehearse.js');
  return rehearse(parsed.options, { out, err, cwd: process.cwd() });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
