/**
 * Checks of what a caller passes to a GitHub sink, made before any request, so a typo in a workflow
 * input fails with the field, the value and what is allowed instead of a bare 404 from GitHub.
 */
import { renderValue } from '../config/errors.js';
import { reportMarker } from '../report/render.js';

export class GitHubInputError extends Error {
  override readonly name = 'GitHubInputError';
}

function refuse(operation: string, field: string, value: unknown, allowed: string): never {
  throw new GitHubInputError(`${operation}: ${field}: got ${renderValue(value)}; allowed: ${allowed}`);
}

// GitHub logins: 1–39 letters, digits or single hyphens, not at either end.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const OWNER_ALLOWED =
  'a GitHub user or organisation name such as mojaloop (letters, digits and single inner hyphens, up to 39 characters)';
const REPO = /^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;
const REPO_ALLOWED =
  'a repository name such as performance (letters, digits, ".", "_" and "-", up to 100 characters)';
// A conservative subset of git's ref-name rules.
const BRANCH = /^(?!\/)(?!.*\/\/)(?!.*\.\.)(?!.*\/$)(?!.*\.lock$)(?!.*\/\.)[A-Za-z0-9._/-]{1,200}$/;
const BRANCH_ALLOWED =
  'a branch name such as mlperf-history (letters, digits, ".", "_", "-" and "/", without "..", "//" or a "/" at either end)';
const PATH_SEGMENT = /^(?!\.\.?$)[A-Za-z0-9._-]+$/;
const PATH_ALLOWED =
  'a relative file path such as history/local/20tps-8dfsps-mtls-jws-ilp.json (segments of letters, digits, ".", "_" and "-", no "." or ".." segments)';

export interface RepositoryName {
  owner: string;
  repo: string;
}

export function checkRepository(operation: string, { owner, repo }: RepositoryName): void {
  if (typeof owner !== 'string' || !OWNER.test(owner)) refuse(operation, 'owner', owner, OWNER_ALLOWED);
  if (typeof repo !== 'string' || !REPO.test(repo)) refuse(operation, 'repo', repo, REPO_ALLOWED);
}

/** An issue or pull-request number, a release id, a comment id: a whole number ≥ 1. */
export function checkPositiveInteger(operation: string, field: string, value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    refuse(operation, field, value, `a whole number ≥ 1 (${what})`);
  }
}

/** The marker line for `key`; a key that would break the HTML comment names the field. */
export function checkedMarker(operation: string, field: string, key: string): string {
  try {
    return reportMarker(key);
  } catch (error) {
    throw new GitHubInputError(`${operation}: ${field}: ${(error as Error).message}`);
  }
}

export function checkBranch(operation: string, branch: string): void {
  if (typeof branch !== 'string' || !BRANCH.test(branch)) refuse(operation, 'branch', branch, BRANCH_ALLOWED);
}

export function checkFilePath(operation: string, path: string): void {
  const valid =
    typeof path === 'string' &&
    path.length <= 1000 &&
    path.split('/').every((segment) => PATH_SEGMENT.test(segment));
  if (!valid) refuse(operation, 'path', path, PATH_ALLOWED);
}

export function checkUrl(operation: string, field: string, value: string | undefined): void {
  if (value === undefined) return;
  let ok = false;
  try {
    const url = new URL(value);
    ok = url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    ok = false;
  }
  if (!ok)
    refuse(operation, field, value, 'an absolute http(s) URL such as https://github.com/o/r/actions/runs/1');
}
