/**
 * Run history kept as JSON files on a dedicated branch through the Contents API: no database, and
 * every change is a commit anyone can read. Two runs finishing at once both read, then both write;
 * the second write carries a stale blob sha and GitHub refuses it (409), so the writer reads again
 * and retries, a bounded number of times. A missing branch or file is an empty history; the first
 * write creates the file, and the branch from the default branch's head.
 */
import { z } from 'zod';
import { formatPath } from '../config/errors.js';
import { type GitHubRestClient, httpStatus, messageOf } from './client.js';
import { type HistoryEntry, HistoryEntrySchema } from './history-entry.js';
import { checkBranch, checkFilePath, checkRepository } from './inputs.js';

/** Entries kept per series file; older ones are dropped on write. */
export const HISTORY_LIMIT = 100;
/** Writes tried before giving up on a conflict with another writer. */
export const HISTORY_WRITE_ATTEMPTS = 3;
/** The branch the pipeline keeps history on unless told otherwise. */
export const DEFAULT_HISTORY_BRANCH = 'mlperf-history';

export interface HistoryLocation {
  owner: string;
  repo: string;
  /** The dedicated branch, e.g. mlperf-history. */
  branch: string;
  /** The series file, e.g. history/aws-1000tps/1000tps-8dfsps-mtls-jws-ilp.json (see historyPath). */
  path: string;
}

export interface HistorySnapshot {
  /** Oldest first. */
  entries: HistoryEntry[];
  /** Blob sha of the file as read; null when there is no file (or no branch) yet. */
  sha: string | null;
}

/** Another writer kept winning: every attempt met a newer file than the one read. */
export class HistoryConflictError extends Error {
  override readonly name = 'HistoryConflictError';
}

function where(location: HistoryLocation): string {
  return `${location.path} on branch ${location.branch} of ${location.owner}/${location.repo}`;
}

function checkLocation(operation: string, location: HistoryLocation): void {
  checkRepository(operation, location);
  checkBranch(operation, location.branch);
  checkFilePath(operation, location.path);
}

const HistoryFileSchema = z.array(HistoryEntrySchema);

function parseHistory(text: string, location: HistoryLocation): HistoryEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`history file ${where(location)} is not JSON (${messageOf(error)}); fix or remove it`);
  }
  const parsed = HistoryFileSchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const at = issue === undefined ? '' : ` at ${formatPath(issue.path)}: ${issue.message}`;
    throw new Error(
      `history file ${where(location)} is not a list of history entries${at}; fix or remove it`,
    );
  }
  return parsed.data;
}

/** The file's entries, and its sha for the next write; a missing branch or file is empty history. */
async function readSnapshot(client: GitHubRestClient, location: HistoryLocation): Promise<HistorySnapshot> {
  let data: Awaited<ReturnType<GitHubRestClient['getContent']>>;
  try {
    data = await client.getContent({
      owner: location.owner,
      repo: location.repo,
      path: location.path,
      ref: location.branch,
    });
  } catch (error) {
    if (httpStatus(error) === 404) return { entries: [], sha: null };
    throw new Error(`reading history file ${where(location)}: ${messageOf(error)}`);
  }
  if (Array.isArray(data) || data.type !== 'file') {
    throw new Error(
      `history file ${where(location)} is a ${Array.isArray(data) ? 'directory' : data.type}, not a file`,
    );
  }
  if (!('content' in data) || data.encoding !== 'base64') {
    // The Contents API leaves `content` empty (encoding "none") for files over 1 MB.
    throw new Error(
      `history file ${where(location)} came back without base64 content (encoding ${JSON.stringify(data.encoding)}); it may be over the Contents API's 1 MB limit`,
    );
  }
  const text = Buffer.from(data.content, 'base64').toString('utf8');
  return { entries: parseHistory(text, location), sha: data.sha };
}

export async function readHistory(
  client: GitHubRestClient,
  location: HistoryLocation,
): Promise<HistoryEntry[]> {
  checkLocation('readHistory', location);
  return (await readSnapshot(client, location)).entries;
}

/** Creates the branch from the default branch's head when it does not exist; true when it did so. */
async function ensureBranch(client: GitHubRestClient, location: HistoryLocation): Promise<boolean> {
  const repo = { owner: location.owner, repo: location.repo };
  try {
    await client.getRef({ ...repo, ref: `heads/${location.branch}` });
    return false;
  } catch (error) {
    if (httpStatus(error) !== 404) {
      throw new Error(
        `looking up branch ${location.branch} of ${repo.owner}/${repo.repo}: ${messageOf(error)}`,
      );
    }
  }
  const { default_branch: base } = await client.getRepository(repo);
  const head = await client.getRef({ ...repo, ref: `heads/${base}` });
  try {
    await client.createRef({ ...repo, ref: `refs/heads/${location.branch}`, sha: head.object.sha });
    return true;
  } catch (error) {
    // 422 "Reference already exists": another writer created it first, which is just as good.
    if (httpStatus(error) === 422) return false;
    throw new Error(
      `creating branch ${location.branch} of ${repo.owner}/${repo.repo} from ${base}: ${messageOf(error)}`,
    );
  }
}

/** One entry per line: small diffs between commits, and readable on github.com. */
export function serializeHistory(entries: readonly HistoryEntry[]): string {
  if (entries.length === 0) return '[]\n';
  return `[\n${entries.map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`;
}

/** The entries after adding `entry`: a re-run of the same runId replaces it; oldest dropped past `limit`. */
export function withHistoryEntry(
  entries: readonly HistoryEntry[],
  entry: HistoryEntry,
  limit = HISTORY_LIMIT,
): HistoryEntry[] {
  const next = [...entries.filter((existing) => existing.runId !== entry.runId), entry];
  // Stable sort: entries finishing at the same instant keep the order they were written in.
  next.sort((a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt));
  return next.slice(-limit);
}

export interface AppendHistoryOptions {
  /** Entries kept in the file (default 100). */
  maxEntries?: number;
  /** Writes tried when another writer gets in first (default 3). */
  maxAttempts?: number;
  /** The commit message (default names the run and the series). */
  message?: string;
}

export interface AppendHistoryResult {
  action: 'written' | 'unchanged';
  path: string;
  branch: string;
  /** Entries in the file after the write. */
  entries: number;
  /** The commit made; absent when nothing changed. */
  commitSha?: string;
  /** Writes tried, from 1. */
  attempts: number;
  createdBranch: boolean;
  createdFile: boolean;
}

export async function appendHistory(
  client: GitHubRestClient,
  location: HistoryLocation,
  entry: HistoryEntry,
  options: AppendHistoryOptions = {},
): Promise<AppendHistoryResult> {
  const operation = 'appendHistory';
  checkLocation(operation, location);
  const entryCheck = HistoryEntrySchema.safeParse(entry);
  if (!entryCheck.success) {
    const [issue] = entryCheck.error.issues;
    throw new TypeError(
      `${operation}: entry${issue === undefined ? '' : ` at ${formatPath(issue.path)}: ${issue.message}`}; build it with historyEntryFromResults`,
    );
  }
  const maxEntries = options.maxEntries ?? HISTORY_LIMIT;
  const maxAttempts = options.maxAttempts ?? HISTORY_WRITE_ATTEMPTS;
  const message = options.message ?? `mlperf history: run ${entry.runId} (${entry.series})`;
  const base = { path: location.path, branch: location.branch };

  let createdBranch = false;
  let branchChecked = false;
  let lastConflict = '';
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const snapshot = await readSnapshot(client, location);
    if (snapshot.sha === null && !branchChecked) {
      createdBranch = await ensureBranch(client, location);
      branchChecked = true;
    }
    const entries = withHistoryEntry(snapshot.entries, entry, maxEntries);
    const content = serializeHistory(entries);
    if (snapshot.sha !== null && content === serializeHistory(snapshot.entries)) {
      return {
        ...base,
        action: 'unchanged',
        entries: entries.length,
        attempts: attempt,
        createdBranch,
        createdFile: false,
      };
    }
    try {
      const written = await client.createOrUpdateFileContents({
        owner: location.owner,
        repo: location.repo,
        path: location.path,
        branch: location.branch,
        message,
        content: Buffer.from(content, 'utf8').toString('base64'),
        ...(snapshot.sha !== null && { sha: snapshot.sha }),
      });
      return {
        ...base,
        action: 'written',
        entries: entries.length,
        ...(written.commit.sha !== undefined && { commitSha: written.commit.sha }),
        attempts: attempt,
        createdBranch,
        createdFile: snapshot.sha === null,
      };
    } catch (error) {
      const status = httpStatus(error);
      // 409: the sha is stale; 422: the file appeared since it was read as missing. Read again.
      if (status !== 409 && status !== 422) {
        throw new Error(`writing history file ${where(location)}: ${messageOf(error)}`);
      }
      lastConflict = `HTTP ${status}: ${messageOf(error)}`;
    }
  }
  throw new HistoryConflictError(
    `history file ${where(location)}: all ${maxAttempts} attempts to write it met a newer version written by someone else (last: ${lastConflict}); nothing was written for run ${entry.runId}. Re-run the step.`,
  );
}
