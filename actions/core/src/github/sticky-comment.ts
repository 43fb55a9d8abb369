/**
 * One pull-request (or issue) comment per report key, updated in place on every run instead of a
 * new comment each time. The comment is found by a hidden marker on its first line
 * (`<!-- mlperf-report:<key> -->`, from the renderer's reportMarker), searched across every page of
 * the issue's comments, since a busy pull request easily has more than one page.
 */
import { formatCount } from '../report/format.js';
import { GITHUB_COMMENT_LIMIT } from '../report/render.js';
import type { GitHubRestClient, IssueComment } from './client.js';
import { checkedMarker, checkPositiveInteger, checkRepository, checkUrl } from './inputs.js';
import { fitAtLineBreak } from './trim.js';

export interface StickyCommentRequest {
  owner: string;
  repo: string;
  /** The pull request or issue to comment on. */
  issueNumber: number;
  /** Key of the hidden marker `<!-- mlperf-report:<key> -->` that identifies this comment. */
  marker: string;
  /** The comment; the marker line is added as its first line when the body does not start with it. */
  body: string;
  /** Linked from the closing note when the body had to be cut to GitHub's comment limit. */
  fullReportUrl?: string;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  commentId: number;
  /** The comment on github.com. */
  url: string;
  /** Other comments that carry the same marker, left alone (the newest one is the sticky one). */
  duplicateCommentIds: number[];
  /** Whether the body was cut to fit GitHub's limit of 65,536 characters. */
  trimmed: boolean;
  /** A sentence worth logging when something was unusual (duplicates), otherwise absent. */
  note?: string;
}

const OPERATION = 'upsertStickyComment';
const PER_PAGE = 100;

function firstLine(text: string | undefined): string {
  if (text === undefined) return '';
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}

/** The body as it will be sent: marker first, cut at a line break when it is too long for a comment. */
export function stickyCommentBody(
  markerLine: string,
  body: string,
  fullReportUrl?: string,
): { body: string; trimmed: boolean } {
  const marked = firstLine(body).includes(markerLine) ? body : `${markerLine}\n${body}`;
  const where =
    fullReportUrl === undefined
      ? "report.md and results.json in this run's artifacts"
      : `[report.md and results.json](${fullReportUrl})`;
  const note = `---\n✂️ **Trimmed to fit GitHub's ${formatCount(GITHUB_COMMENT_LIMIT)}-character comment limit.** The full report: ${where}.`;
  const fitted = fitAtLineBreak(marked, GITHUB_COMMENT_LIMIT, note);
  return { body: fitted.text, trimmed: fitted.trimmed };
}

/** Every comment on the issue whose first line carries the marker, oldest first. */
async function markedComments(
  client: GitHubRestClient,
  request: StickyCommentRequest,
  markerLine: string,
): Promise<IssueComment[]> {
  const found: IssueComment[] = [];
  const pages = client.listIssueCommentPages({
    owner: request.owner,
    repo: request.repo,
    issue_number: request.issueNumber,
    per_page: PER_PAGE,
  });
  for await (const page of pages) {
    for (const comment of page) if (firstLine(comment.body).includes(markerLine)) found.push(comment);
  }
  return found.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
}

export async function upsertStickyComment(
  client: GitHubRestClient,
  request: StickyCommentRequest,
): Promise<StickyCommentResult> {
  checkRepository(OPERATION, request);
  checkPositiveInteger(OPERATION, 'issueNumber', request.issueNumber, 'a pull request or issue number');
  const markerLine = checkedMarker(OPERATION, 'marker', request.marker);
  checkUrl(OPERATION, 'fullReportUrl', request.fullReportUrl);
  if (typeof request.body !== 'string') {
    throw new TypeError(`${OPERATION}: body: expected the comment text, got ${typeof request.body}`);
  }
  const { body, trimmed } = stickyCommentBody(markerLine, request.body, request.fullReportUrl);

  const marked = await markedComments(client, request, markerLine);
  const newest = marked.at(-1);
  const repo = { owner: request.owner, repo: request.repo };
  if (newest === undefined) {
    const created = await client.createIssueComment({ ...repo, issue_number: request.issueNumber, body });
    return {
      action: 'created',
      commentId: created.id,
      url: created.html_url,
      duplicateCommentIds: [],
      trimmed,
    };
  }

  const duplicates = marked.slice(0, -1).map((comment) => comment.id);
  const note =
    duplicates.length === 0
      ? undefined
      : `${marked.length} comments carry the marker ${markerLine}; updated the newest (${newest.id}) and left ${duplicates.join(', ')} alone.`;
  const base = {
    commentId: newest.id,
    duplicateCommentIds: duplicates,
    trimmed,
    ...(note === undefined ? {} : { note }),
  };
  if (newest.body === body) return { action: 'unchanged', url: newest.html_url, ...base };
  const updated = await client.updateIssueComment({ ...repo, comment_id: newest.id, body });
  return { action: 'updated', url: updated.html_url, ...base };
}
