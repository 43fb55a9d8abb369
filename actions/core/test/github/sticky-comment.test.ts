// The sticky PR comment against a request-level fake of GitHub: found on any page, updated in place,
// left alone when unchanged, the newest of several updated, and an over-long body cut to fit.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type GitHubRestClient,
  githubClientFromOctokit,
  upsertStickyComment,
} from '../../src/github/index.js';
import { composeReport, GITHUB_COMMENT_LIMIT, reportMarker } from '../../src/index.js';
import { localRun } from '../results/support.js';
import { FakeGitHub } from './fake-github.js';

const OWNER = 'mojaloop';
const REPO = 'performance';
const PR = 42;
const where = { owner: OWNER, repo: REPO, issueNumber: PR };

let github: FakeGitHub;
let client: GitHubRestClient;

beforeEach(() => {
  github = new FakeGitHub();
  github.addRepository(OWNER, REPO);
  client = githubClientFromOctokit(github.octokit());
});

function chatter(count: number, from = 1): string[] {
  return Array.from({ length: count }, (_, index) => `Looks good to me (${from + index})`);
}

describe('the fake serves comments page by page', () => {
  it('honours per_page and page, with Link headers Octokit follows', async () => {
    github.addComments(OWNER, REPO, PR, chatter(230));
    const octokit = github.octokit();
    const first = await octokit.rest.issues.listComments({
      owner: OWNER,
      repo: REPO,
      issue_number: PR,
      per_page: 100,
    });
    expect(first.data).toHaveLength(100);
    expect(first.headers.link).toContain('page=2>; rel="next"');
    expect(first.headers.link).toContain('page=3>; rel="last"');
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: PR,
      per_page: 100,
    });
    expect(all.map((comment) => comment.body)).toEqual(chatter(230));
    expect(github.made('GET', /\/comments$/).map((request) => request.query.get('page') ?? '1')).toEqual([
      '1',
      '1',
      '2',
      '3',
    ]);
  });
});

describe('upsertStickyComment', () => {
  it('creates the comment with the marker on its first line when there is none', async () => {
    github.addComments(OWNER, REPO, PR, chatter(3));
    const result = await upsertStickyComment(client, { ...where, marker: 'pr', body: '## ✅ PASS\n' });
    expect(result.action).toBe('created');
    const created = github.comments(OWNER, REPO, PR).at(-1);
    expect(created?.id).toBe(result.commentId);
    expect(created?.body).toBe('<!-- mlperf-report:pr -->\n## ✅ PASS\n');
    expect(result.url).toBe(
      `https://github.test/${OWNER}/${REPO}/pull/${PR}#issuecomment-${result.commentId}`,
    );
    expect(github.made('POST', /\/issues\/42\/comments$/)).toHaveLength(1);
  });

  it('finds the marker comment on page 3 of 250 comments and updates it in place', async () => {
    github.addComments(OWNER, REPO, PR, chatter(220));
    const [sticky] = github.addComments(OWNER, REPO, PR, ['<!-- mlperf-report:pr -->\nold report']);
    github.addComments(OWNER, REPO, PR, chatter(29, 221));
    const result = await upsertStickyComment(client, { ...where, marker: 'pr', body: 'new report' });

    expect(result).toMatchObject({ action: 'updated', commentId: sticky, duplicateCommentIds: [] });
    const stored = github.comments(OWNER, REPO, PR);
    expect(stored).toHaveLength(250);
    expect(stored.find((comment) => comment.id === sticky)?.body).toBe(
      '<!-- mlperf-report:pr -->\nnew report',
    );
    const pages = github.made('GET', /\/comments$/);
    expect(pages.map((request) => request.query.get('per_page') ?? '100')).toEqual(['100', '100', '100']);
    expect(pages.map((request) => request.query.get('page') ?? '1')).toEqual(['1', '2', '3']);
    expect(github.made('PATCH', new RegExp(`/issues/comments/${sticky}$`))).toHaveLength(1);
    expect(github.made('POST', /comments$/)).toHaveLength(0);
  });

  it('keeps a body that already starts with the marker, and finds a marker anywhere on the first line', async () => {
    const [sticky] = github.addComments(OWNER, REPO, PR, ['Heads up <!-- mlperf-report:pr --> old']);
    const body = `${reportMarker('pr')}\n## report\n`;
    const result = await upsertStickyComment(client, { ...where, marker: 'pr', body });
    expect(result).toMatchObject({ action: 'updated', commentId: sticky });
    expect(github.comments(OWNER, REPO, PR)[0]?.body).toBe(body);
  });

  it('ignores a marker below the first line and markers of other keys', async () => {
    github.addComments(OWNER, REPO, PR, [
      'quoting the bot:\n<!-- mlperf-report:pr -->',
      '<!-- mlperf-report:pr-nightly -->\nanother series',
    ]);
    const result = await upsertStickyComment(client, { ...where, marker: 'pr', body: 'report' });
    expect(result.action).toBe('created');
    expect(github.comments(OWNER, REPO, PR)).toHaveLength(3);
  });

  it('makes no PATCH when the body is unchanged', async () => {
    const first = await upsertStickyComment(client, { ...where, marker: 'pr', body: 'same report\n' });
    const again = await upsertStickyComment(client, { ...where, marker: 'pr', body: 'same report\n' });
    expect(again).toMatchObject({ action: 'unchanged', commentId: first.commentId, url: first.url });
    expect(github.made('PATCH', /.*/)).toHaveLength(0);
    expect(github.made('POST', /.*/)).toHaveLength(1);
  });

  it('updates the newest of two marker comments and names the other', async () => {
    const [older] = github.addComments(OWNER, REPO, PR, ['<!-- mlperf-report:pr -->\nfirst']);
    github.addComments(OWNER, REPO, PR, chatter(2));
    const [newer] = github.addComments(OWNER, REPO, PR, ['<!-- mlperf-report:pr -->\nsecond']);
    const result = await upsertStickyComment(client, { ...where, marker: 'pr', body: 'third' });
    expect(result).toMatchObject({ action: 'updated', commentId: newer, duplicateCommentIds: [older] });
    expect(result.note).toContain(`updated the newest (${newer})`);
    expect(result.note).toContain(`left ${older} alone`);
    const bodies = github.comments(OWNER, REPO, PR).map((comment) => comment.body);
    expect(bodies[0]).toBe('<!-- mlperf-report:pr -->\nfirst');
    expect(bodies[3]).toBe('<!-- mlperf-report:pr -->\nthird');
  });

  it('trims an over-long body at a line break under 65,536 characters, with a link to the full report', async () => {
    const line = `| ${'x'.repeat(97)} |`;
    const body = Array.from({ length: 1000 }, (_, index) => `${line} ${index}`).join('\n');
    expect(body.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    const url = 'https://github.test/mojaloop/performance/actions/runs/7';
    const result = await upsertStickyComment(client, { ...where, marker: 'pr', body, fullReportUrl: url });

    expect(result).toMatchObject({ action: 'created', trimmed: true });
    const stored = github.comments(OWNER, REPO, PR)[0]?.body ?? '';
    expect(stored.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(stored.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT - 300);
    expect(stored.startsWith('<!-- mlperf-report:pr -->\n')).toBe(true);
    const lines = stored.split('\n');
    expect(lines.at(-2)).toBe(
      `✂️ **Trimmed to fit GitHub's 65,536-character comment limit.** The full report: [report.md and results.json](${url}).`,
    );
    // Every kept row is whole: the cut fell on a line break.
    const rows = lines.filter((candidate) => candidate.startsWith('|'));
    for (const row of rows) expect(row).toMatch(/^\| x{97} \| \d+$/);
  });

  it('sends a rendered report as is when the renderer already fit it', async () => {
    const results = await localRun();
    const { markdown } = composeReport(results, { marker: 'pr' });
    const result = await upsertStickyComment(client, { ...where, marker: 'pr', body: markdown });
    expect(result.trimmed).toBe(false);
    expect(github.comments(OWNER, REPO, PR)[0]?.body).toBe(markdown);
  });
});
