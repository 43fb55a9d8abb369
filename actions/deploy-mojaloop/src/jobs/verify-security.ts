/**
 * The verify-security Job's script (bundled to dist/jobs/verify-security.mjs, delivered in a
 * ConfigMap, run by `node` in the hub cluster). It reads its env and credential mounts
 * (security/cluster-job-contract.ts), runs the probes and prints exactly one line on stdout: the
 * posture (exit 0, whatever the posture says) or the reason it could not run (exit 1). verifySecurity
 * bounds every request and wait itself.
 */
import { readFile } from 'node:fs/promises';
import {
  formatSecurityJobError,
  formatSecurityJobLine,
  securityTargetFromMounts,
  verifySecurity,
} from '@mlperf/core/security/index';

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

let finished = false;

/** Prints the one result line and exits once it is written (open sockets must not keep the pod up). */
function finish(line: string, code: number): void {
  if (finished) return;
  finished = true;
  process.stdout.write(`${line}\n`, () => process.exit(code));
}

const fail = (error: unknown) =>
  finish(formatSecurityJobError(error instanceof Error ? error.message : String(error)), 1);

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

try {
  const target = await securityTargetFromMounts(process.env, readText);
  finish(formatSecurityJobLine(await verifySecurity(target)), 0);
} catch (error) {
  fail(error);
}
