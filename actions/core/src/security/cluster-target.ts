/**
 * The phase's end of the verify-security Job (cluster-job-contract.ts): the parser that reads the
 * Job's result line back from its log (the Job's own end is cluster-mounts.ts). It validates with the
 * results schema (zod and the run config, ~0.8 MB bundled), so the Job's entry never imports this
 * module, and security/index.ts does not re-export it.
 */
import { SecurityPostureSchema } from '../results/schema.js';
import { SECURITY_ERROR_LINE, SECURITY_POSTURE_LINE } from './cluster-job-contract.js';
import type { SecurityPosture } from './posture.js';

export type SecurityJobLogResult = { posture: SecurityPosture } | { error: string };

const MAX_ISSUES = 5;
const MAX_SHOWN = 300;

function lineOf(line: string, prefix: string): string | undefined {
  if (line === prefix) return '';
  return line.startsWith(`${prefix} `) ? line.slice(prefix.length + 1) : undefined;
}

function issuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the whole posture)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function clip(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/**
 * Reads the Job's result from its log: the last `MLPERF_SECURITY_POSTURE` or `MLPERF_SECURITY_ERROR`
 * line decides. A posture line must hold a SecurityPosture the results schema accepts; an error line,
 * no result line or an unreadable one gives `{ error }`, one sentence.
 */
export function parseSecurityJobLog(text: string): SecurityJobLogResult {
  const lines = text.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? '').trim();
    const failure = lineOf(line, SECURITY_ERROR_LINE);
    if (failure !== undefined) {
      return { error: `verify-security failed in the Job: ${failure.trim() || '(no message)'}` };
    }
    const json = lineOf(line, SECURITY_POSTURE_LINE);
    if (json === undefined) continue;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        error: `the Job's ${SECURITY_POSTURE_LINE} line is not JSON (${reason}): ${clip(json)}`,
      };
    }
    const parsed = SecurityPostureSchema.safeParse(value);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, MAX_ISSUES)
        .map((issue) => `${issuePath(issue.path)}: ${issue.message}`);
      const more = parsed.error.issues.length - issues.length;
      return {
        error: `the Job's ${SECURITY_POSTURE_LINE} line is not a valid security posture: ${issues.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`,
      };
    }
    return { posture: parsed.data };
  }
  const count = text.trim() === '' ? 0 : lines.filter((l) => l.trim() !== '').length;
  return {
    error: `the Job's log has no ${SECURITY_POSTURE_LINE} or ${SECURITY_ERROR_LINE} line (${count} non-empty line${count === 1 ? '' : 's'} of output)`,
  };
}
