/**
 * The performance results inside a release's notes: a block between two hidden markers that each
 * run replaces, leaving everything the release author wrote before and after it byte for byte.
 * Writing is skipped when nothing changed, so re-running a release job is harmless. And the small
 * PATCH that lets a held release publish once the gate passed.
 */
import { formatCount } from '../report/format.js';
import type { GitHubRestClient } from './client.js';
import { checkedMarker, checkPositiveInteger, checkRepository, checkUrl } from './inputs.js';
import { fitAtLineBreak } from './trim.js';

/** GitHub's limit on a release body, in characters. */
export const RELEASE_BODY_LIMIT = 125_000;

export interface ReleaseSectionMarkers {
  start: string;
  end: string;
}

function markersFor(operation: string, key: string): ReleaseSectionMarkers {
  checkedMarker(operation, 'key', key);
  return { start: `<!-- mlperf-results:${key}:start -->`, end: `<!-- mlperf-results:${key}:end -->` };
}

/** `<!-- mlperf-results:<key>:start -->` and `…:end -->`; the key follows reportMarker's rules. */
export function releaseSectionMarkers(key: string): ReleaseSectionMarkers {
  return markersFor('releaseSectionMarkers', key);
}

export interface ReleaseSectionOptions {
  /** Longest body, in characters (default 125,000). */
  limit?: number;
  /** Linked from the note when the section had to be cut to fit. */
  fullResultsUrl?: string;
}

export interface ReleaseBodyEdit {
  body: string;
  action: 'appended' | 'replaced' | 'unchanged';
  /** Whether the section was cut to fit the limit. */
  trimmed: boolean;
}

/** Where the marked block sits in `body`, or undefined when it has none; refuses a damaged block. */
function findBlock(body: string, markers: ReleaseSectionMarkers): { from: number; to: number } | undefined {
  const from = body.indexOf(markers.start);
  const endAt = body.indexOf(markers.end, from === -1 ? 0 : from + markers.start.length);
  if (from === -1 && body.indexOf(markers.end) === -1) return undefined;
  if (from === -1 || endAt === -1) {
    const missing = from === -1 ? markers.start : markers.end;
    throw new Error(
      `the release notes have a damaged results block: ${missing} is missing. Restore it or remove the other marker, then re-run; nothing was written`,
    );
  }
  const to = endAt + markers.end.length;
  if (body.indexOf(markers.start, to) !== -1) {
    throw new Error(
      `the release notes hold two results blocks starting with ${markers.start}. Remove one, then re-run; nothing was written`,
    );
  }
  return { from, to };
}

/** A blank line between the author's text and an appended block, without touching the text itself. */
function separatorAfter(text: string): string {
  if (text === '' || text.endsWith('\n\n')) return '';
  return text.endsWith('\n') ? '\n' : '\n\n';
}

/** `body` with the marked section set to `section`: a pure function, so idempotence is easy to see. */
export function withReleaseSection(
  body: string,
  key: string,
  section: string,
  options: ReleaseSectionOptions = {},
): ReleaseBodyEdit {
  const markers = markersFor('withReleaseSection', key);
  const limit = options.limit ?? RELEASE_BODY_LIMIT;
  const block = findBlock(body, markers);
  const before = block === undefined ? `${body}${separatorAfter(body)}` : body.slice(0, block.from);
  const after = block === undefined ? '' : body.slice(block.to);
  const content = section.replace(/\n+$/, '');
  const wrap = (inner: string) => `${before}${markers.start}\n${inner}\n${markers.end}${after}`;

  let next = wrap(content);
  let trimmed = false;
  if (next.length > limit) {
    // Only the section is ever cut; the author's text is not ours to shorten.
    const room = limit - wrap('').length;
    const where =
      options.fullResultsUrl === undefined
        ? "this run's artifacts"
        : `[the full results](${options.fullResultsUrl})`;
    const note = `✂️ Trimmed to fit GitHub's ${formatCount(limit)}-character limit on release notes; see ${where}.`;
    if (room < note.length + 8) {
      throw new Error(
        `the release notes are ${formatCount(body.length)} characters without the results section, which leaves no room under GitHub's ${formatCount(limit)}-character limit; shorten them, then re-run; nothing was written`,
      );
    }
    next = wrap(fitAtLineBreak(content, room, note).text.replace(/\n+$/, ''));
    trimmed = true;
  }
  const action = next === body ? 'unchanged' : block === undefined ? 'appended' : 'replaced';
  return { body: next, action, trimmed };
}

export interface ReleaseSectionRequest extends ReleaseSectionOptions {
  owner: string;
  repo: string;
  releaseId: number;
  /** Names the block, so several series can share one release. */
  key: string;
  /** The Markdown placed between the markers. */
  section: string;
}

export interface ReleaseSectionResult {
  action: ReleaseBodyEdit['action'];
  releaseId: number;
  url: string;
  trimmed: boolean;
}

export async function upsertReleaseSection(
  client: GitHubRestClient,
  request: ReleaseSectionRequest,
): Promise<ReleaseSectionResult> {
  const operation = 'upsertReleaseSection';
  checkRepository(operation, request);
  checkPositiveInteger(operation, 'releaseId', request.releaseId, 'a release id');
  markersFor(operation, request.key);
  checkUrl(operation, 'fullResultsUrl', request.fullResultsUrl);

  const where = { owner: request.owner, repo: request.repo, release_id: request.releaseId };
  const release = await client.getRelease(where);
  let edit: ReleaseBodyEdit;
  try {
    edit = withReleaseSection(release.body ?? '', request.key, request.section, request);
  } catch (error) {
    throw new Error(
      `${operation}: release ${release.tag_name} (${release.html_url}): ${(error as Error).message}`,
    );
  }
  const result = { action: edit.action, releaseId: release.id, trimmed: edit.trimmed };
  if (edit.action === 'unchanged') return { ...result, url: release.html_url };
  const updated = await client.updateRelease({ ...where, body: edit.body });
  return { ...result, url: updated.html_url };
}

export interface PublishReleaseRequest {
  owner: string;
  repo: string;
  releaseId: number;
  /** Default false: the release is no longer marked as a pre-release. */
  prerelease?: boolean;
  /** Default false: the release is published. */
  draft?: boolean;
}

export interface PublishReleaseResult {
  releaseId: number;
  url: string;
  draft: boolean;
  prerelease: boolean;
}

/** Lets a release held by the performance gate publish: PATCH draft and prerelease. */
export async function setReleasePublished(
  client: GitHubRestClient,
  request: PublishReleaseRequest,
): Promise<PublishReleaseResult> {
  const operation = 'setReleasePublished';
  checkRepository(operation, request);
  checkPositiveInteger(operation, 'releaseId', request.releaseId, 'a release id');
  const updated = await client.updateRelease({
    owner: request.owner,
    repo: request.repo,
    release_id: request.releaseId,
    draft: request.draft ?? false,
    prerelease: request.prerelease ?? false,
  });
  return {
    releaseId: updated.id,
    url: updated.html_url,
    draft: updated.draft,
    prerelease: updated.prerelease,
  };
}
