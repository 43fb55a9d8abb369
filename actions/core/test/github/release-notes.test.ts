// The results block in release notes: appended, replaced in place, idempotent, the author's text kept
// byte for byte, the body limit respected by cutting only the section; and publishing a held release.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type GitHubRestClient,
  githubClientFromOctokit,
  RELEASE_BODY_LIMIT,
  setReleasePublished,
  upsertReleaseSection,
  withReleaseSection,
} from '../../src/github/index.js';
import { FakeGitHub } from './fake-github.js';

const OWNER = 'mojaloop';
const REPO = 'performance';
const START = '<!-- mlperf-results:aws-1000tps:start -->';
const END = '<!-- mlperf-results:aws-1000tps:end -->';

// CRLF, trailing spaces, no final newline: what a release author types in the web editor.
const BEFORE = '## What changed\r\n\r\n- Faster ledger  \r\n- Fixes #12\r\n';
const AFTER = '\r\n\r\n## Thanks\r\nTo everyone 🎉';

let github: FakeGitHub;
let client: GitHubRestClient;

beforeEach(() => {
  github = new FakeGitHub();
  github.addRepository(OWNER, REPO);
  client = githubClientFromOctokit(github.octokit());
});

function section(rate: number): string {
  return `### Performance\n\n✅ PASS at ${rate} transfers/s\n`;
}

describe('upsertReleaseSection', () => {
  it('appends the marked block after the author text, then replaces only its inside', async () => {
    const id = github.addRelease(OWNER, REPO, { tag: 'v17.1.0', body: BEFORE.trimEnd() });
    const request = { owner: OWNER, repo: REPO, releaseId: id, key: 'aws-1000tps' };

    const appended = await upsertReleaseSection(client, { ...request, section: section(1000) });
    expect(appended).toMatchObject({ action: 'appended', releaseId: id, trimmed: false });
    expect(appended.url).toBe(`https://github.test/${OWNER}/${REPO}/releases/tag/v17.1.0`);
    expect(github.release(OWNER, REPO, id).body).toBe(
      `${BEFORE.trimEnd()}\n\n${START}\n### Performance\n\n✅ PASS at 1000 transfers/s\n${END}`,
    );

    // The author adds text after the block; the next run must keep both sides byte for byte.
    const withAfter = `${github.release(OWNER, REPO, id).body}${AFTER}`;
    github.release(OWNER, REPO, id).body = withAfter;
    const replaced = await upsertReleaseSection(client, { ...request, section: section(1200) });
    expect(replaced.action).toBe('replaced');
    const body = github.release(OWNER, REPO, id).body ?? '';
    expect(body.startsWith(`${BEFORE.trimEnd()}\n\n${START}\n`)).toBe(true);
    expect(body.endsWith(`${END}${AFTER}`)).toBe(true);
    expect(body).toContain('✅ PASS at 1200 transfers/s');
    expect(body).not.toContain('1000 transfers/s');
  });

  it('is idempotent: the same section twice leaves the body byte-identical and makes no write', async () => {
    const id = github.addRelease(OWNER, REPO, { tag: 'v1', body: `${BEFORE}${START}\nold\n${END}${AFTER}` });
    const request = { owner: OWNER, repo: REPO, releaseId: id, key: 'aws-1000tps', section: section(1000) };
    await upsertReleaseSection(client, request);
    const once = github.release(OWNER, REPO, id).body;
    const twice = await upsertReleaseSection(client, request);
    expect(twice.action).toBe('unchanged');
    expect(github.release(OWNER, REPO, id).body).toBe(once);
    expect(github.made('PATCH', /\/releases\//)).toHaveLength(1);
    expect(once).toBe(`${BEFORE}${START}\n${section(1000).trimEnd()}\n${END}${AFTER}`);
  });

  it('starts an empty (null) body with the block alone, and keeps blocks of other keys', async () => {
    const id = github.addRelease(OWNER, REPO, { tag: 'v1', body: null });
    await upsertReleaseSection(client, {
      owner: OWNER,
      repo: REPO,
      releaseId: id,
      key: 'local',
      section: 'a',
    });
    await upsertReleaseSection(client, {
      owner: OWNER,
      repo: REPO,
      releaseId: id,
      key: 'aws-smoke',
      section: 'b',
    });
    await upsertReleaseSection(client, {
      owner: OWNER,
      repo: REPO,
      releaseId: id,
      key: 'local',
      section: 'c',
    });
    expect(github.release(OWNER, REPO, id).body).toBe(
      [
        '<!-- mlperf-results:local:start -->',
        'c',
        '<!-- mlperf-results:local:end -->',
        '',
        '<!-- mlperf-results:aws-smoke:start -->',
        'b',
        '<!-- mlperf-results:aws-smoke:end -->',
      ].join('\n'),
    );
  });

  it('keeps the body within 125,000 characters by cutting the section, never the author text', async () => {
    const author = `${'Release notes line.\n'.repeat(5000)}`; // 100,000 characters
    const id = github.addRelease(OWNER, REPO, { tag: 'v1', body: author });
    const big = Array.from({ length: 2000 }, (_, index) => `| rung ${index} | ${'9'.repeat(20)} |`).join(
      '\n',
    );
    const url = 'https://github.test/mojaloop/performance/actions/runs/9';
    const result = await upsertReleaseSection(client, {
      owner: OWNER,
      repo: REPO,
      releaseId: id,
      key: 'aws-1000tps',
      section: big,
      fullResultsUrl: url,
    });
    expect(result).toMatchObject({ action: 'appended', trimmed: true });
    const body = github.release(OWNER, REPO, id).body ?? '';
    expect(body.length).toBeLessThanOrEqual(RELEASE_BODY_LIMIT);
    expect(body.startsWith(author)).toBe(true);
    expect(body.endsWith(`[the full results](${url}).\n${END}`)).toBe(true);
    const inside = body.slice(body.indexOf(START) + START.length, body.indexOf(END));
    for (const row of inside.split('\n').filter((line) => line.startsWith('|'))) {
      expect(row).toMatch(/^\| rung \d+ \| 9{20} \|$/);
    }
  });

  it('refuses, without writing, when the author text alone leaves no room', async () => {
    const id = github.addRelease(OWNER, REPO, { tag: 'v1', body: 'x'.repeat(RELEASE_BODY_LIMIT - 50) });
    await expect(
      upsertReleaseSection(client, { owner: OWNER, repo: REPO, releaseId: id, key: 'k', section: 'results' }),
    ).rejects.toThrow(/release v1 .*124,950 characters without the results section.*nothing was written/);
    expect(github.made('PATCH', /.*/)).toHaveLength(0);
  });

  it('refuses a damaged block instead of guessing where it ends', async () => {
    const id = github.addRelease(OWNER, REPO, { tag: 'v2', body: `intro\n${START}\nhalf a block` });
    await expect(
      upsertReleaseSection(client, {
        owner: OWNER,
        repo: REPO,
        releaseId: id,
        key: 'aws-1000tps',
        section: 's',
      }),
    ).rejects.toThrow(`${END} is missing`);
    expect(github.release(OWNER, REPO, id).body).toBe(`intro\n${START}\nhalf a block`);
  });

  it('names a missing release', async () => {
    await expect(
      upsertReleaseSection(client, { owner: OWNER, repo: REPO, releaseId: 999_999, key: 'k', section: 's' }),
    ).rejects.toMatchObject({ status: 404 });
    expect(github.logged.join('\n')).toMatch(
      /^error: GET \/repos\/mojaloop\/performance\/releases\/999999 - 404/m,
    );
  });
});

describe('withReleaseSection (pure)', () => {
  it('adds one blank line between text and block, whatever the text ends with', () => {
    expect(withReleaseSection('text', 'k', 's').body).toMatch(/^text\n\n<!--/);
    expect(withReleaseSection('text\n', 'k', 's').body).toMatch(/^text\n\n<!--/);
    expect(withReleaseSection('text\n\n', 'k', 's').body).toMatch(/^text\n\n<!--/);
  });

  it('honours a smaller limit', () => {
    const edit = withReleaseSection('', 'k', 'line\n'.repeat(100), { limit: 300 });
    expect(edit.trimmed).toBe(true);
    expect(edit.body.length).toBeLessThanOrEqual(300);
    expect(edit.body).toContain("this run's artifacts");
  });
});

describe('setReleasePublished', () => {
  it('publishes a held draft pre-release', async () => {
    const id = github.addRelease(OWNER, REPO, { tag: 'v3', body: 'notes', draft: true, prerelease: true });
    const result = await setReleasePublished(client, { owner: OWNER, repo: REPO, releaseId: id });
    expect(result).toEqual({
      releaseId: id,
      url: `https://github.test/${OWNER}/${REPO}/releases/tag/v3`,
      draft: false,
      prerelease: false,
    });
    expect(github.release(OWNER, REPO, id)).toMatchObject({ draft: false, prerelease: false, body: 'notes' });
    expect(github.release(OWNER, REPO, id).publishedAt).not.toBeNull();
    expect(github.made('PATCH', new RegExp(`/releases/${id}$`))[0]?.body).toEqual({
      draft: false,
      prerelease: false,
    });
  });
});
