/**
 * Checks the reusable-workflow contracts of a workflow directory (default `.github/workflows`):
 *
 *   tsx tools/check-workflows.ts [dir]
 *
 * Prints one finding per line as `file:line: [rule] message` and exits 1 when there are any; otherwise
 * prints `workflow contracts: N workflows, M reusable calls checked, 0 findings`. Exits 2 when the
 * directory cannot be read.
 */
import { checkWorkflowDirectory, formatFinding } from '@mlperf/core/workflows/contract';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h') || args.length > 1) {
  console.log('usage: tsx tools/check-workflows.ts [workflow-dir]   (default .github/workflows)');
  process.exit(args.length > 1 ? 2 : 0);
}
const dir = args[0] ?? '.github/workflows';

try {
  const report = await checkWorkflowDirectory(dir);
  for (const finding of report.findings) console.log(formatFinding(finding));
  const n = report.findings.length;
  const summary = `workflow contracts: ${report.workflows} workflows, ${report.reusableCalls} reusable calls checked, ${n} finding${n === 1 ? '' : 's'}`;
  console.log(summary);
  if (n > 0) process.exitCode = 1;
} catch (error) {
  console.error(`check-workflows: ${(error as Error).message}`);
  process.exitCode = 2;
}
