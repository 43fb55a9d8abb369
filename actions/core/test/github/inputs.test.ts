// Bad inputs fail before any request, naming the operation, the field, the value and what is allowed.
import { describe, expect, it } from 'vitest';
import {
  appendHistory,
  GitHubInputError,
  githubClientFromOctokit,
  readHistory,
  setReleasePublished,
  upsertReleaseSection,
  upsertStickyComment,
} from '../../src/github/index.js';
import { FakeGitHub } from './fake-github.js';

const github = new FakeGitHub();
github.addRepository('mojaloop', 'performance');
const client = githubClientFromOctokit(github.octokit());

const comment = { owner: 'mojaloop', repo: 'performance', issueNumber: 1, marker: 'pr', body: 'b' };
const release = { owner: 'mojaloop', repo: 'performance', releaseId: 5, key: 'k', section: 's' };
const history = { owner: 'mojaloop', repo: 'performance', branch: 'mlperf-history', path: 'history/a.json' };

async function refusal(action: () => Promise<unknown>): Promise<string> {
  const before = github.requests.length;
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(GitHubInputError);
    expect(github.requests.length, 'no request is made').toBe(before);
    return (error as Error).message;
  }
  throw new Error('expected a GitHubInputError');
}

describe('bad inputs', () => {
  it.each([
    ['owner', { owner: '' }, 'owner: got ""; allowed: a GitHub user or organisation name such as mojaloop'],
    ['owner', { owner: '-mojaloop' }, 'owner: got "-mojaloop"; allowed: a GitHub user'],
    ['repo', { repo: '' }, 'repo: got ""; allowed: a repository name such as performance'],
    ['repo', { repo: 'perf/ormance' }, 'repo: got "perf/ormance"; allowed: a repository name'],
    [
      'issueNumber',
      { issueNumber: 0 },
      'issueNumber: got 0; allowed: a whole number ≥ 1 (a pull request or issue number)',
    ],
    ['issueNumber', { issueNumber: -3 }, 'issueNumber: got -3; allowed: a whole number ≥ 1'],
    ['issueNumber', { issueNumber: 1.5 }, 'issueNumber: got 1.5; allowed: a whole number ≥ 1'],
    [
      'marker',
      { marker: 'pr report' },
      'marker: report marker key "pr report" is not allowed: use letters, digits',
    ],
    ['marker', { marker: 'a--b' }, 'marker: report marker key "a--b" is not allowed'],
    [
      'fullReportUrl',
      { fullReportUrl: 'runs/7' },
      'fullReportUrl: got "runs/7"; allowed: an absolute http(s) URL',
    ],
  ])('upsertStickyComment refuses a bad %s', async (_field, change, expected) => {
    const message = await refusal(() => upsertStickyComment(client, { ...comment, ...change }));
    expect(message).toContain(`upsertStickyComment: ${expected}`);
  });

  it.each([
    ['releaseId', { releaseId: 0 }, 'releaseId: got 0; allowed: a whole number ≥ 1 (a release id)'],
    ['key', { key: 'two words' }, 'key: report marker key "two words" is not allowed'],
    ['owner', { owner: 'a b' }, 'owner: got "a b"; allowed: a GitHub user or organisation name'],
  ])('upsertReleaseSection refuses a bad %s', async (_field, change, expected) => {
    const message = await refusal(() => upsertReleaseSection(client, { ...release, ...change }));
    expect(message).toContain(`upsertReleaseSection: ${expected}`);
  });

  it('setReleasePublished refuses a bad release id', async () => {
    const message = await refusal(() =>
      setReleasePublished(client, { owner: 'mojaloop', repo: 'performance', releaseId: -1 }),
    );
    expect(message).toBe(
      'setReleasePublished: releaseId: got -1; allowed: a whole number ≥ 1 (a release id)',
    );
  });

  it.each([
    [
      'branch',
      { branch: 'history..old' },
      'branch: got "history..old"; allowed: a branch name such as mlperf-history',
    ],
    ['branch', { branch: '' }, 'branch: got ""; allowed: a branch name'],
    ['path', { path: '/history/a.json' }, 'path: got "/history/a.json"; allowed: a relative file path'],
    ['path', { path: 'history/../a.json' }, 'path: got "history/../a.json"; allowed: a relative file path'],
    ['repo', { repo: '..' }, 'repo: got ".."; allowed: a repository name'],
  ])('readHistory and appendHistory refuse a bad %s', async (_field, change, expected) => {
    expect(await refusal(() => readHistory(client, { ...history, ...change }))).toContain(
      `readHistory: ${expected}`,
    );
    const entry = {
      series: 's',
      runId: 'r',
      finishedAt: '2025-06-01T12:00:00Z',
      trigger: 'manual' as const,
      outcome: 'PASS' as const,
      maxSustainableRate: 1,
      rungs: [],
    };
    expect(await refusal(() => appendHistory(client, { ...history, ...change }, entry))).toContain(
      `appendHistory: ${expected}`,
    );
  });
});
