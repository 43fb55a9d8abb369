// The history branch through the Contents API of a request-level fake: empty when missing, created on
// first write, appended, capped, retried on a stale sha, and a clear error when retries run out.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  appendHistory,
  type GitHubRestClient,
  githubClientFromOctokit,
  HistoryConflictError,
  type HistoryEntry,
  historyEntryFromResults,
  historyPath,
  historySeries,
  readHistory,
  securityTag,
  serializeHistory,
} from '../../src/github/index.js';
import { awsRun } from '../report/support.js';
import { failingRung, localRun, rung } from '../results/support.js';
import { blobSha, FakeGitHub } from './fake-github.js';

const OWNER = 'mojaloop';
const REPO = 'performance';
const BRANCH = 'mlperf-history';
const PATH = 'history/local/20tps-8dfsps-mtls-jws-ilp.json';
const location = { owner: OWNER, repo: REPO, branch: BRANCH, path: PATH };

let github: FakeGitHub;
let client: GitHubRestClient;

beforeEach(() => {
  github = new FakeGitHub();
  github.addRepository(OWNER, REPO);
  client = githubClientFromOctokit(github.octokit());
});

/** An entry of the local series, `minutes` after noon on 1 June 2025. */
async function entry(runId: string, minutes: number): Promise<HistoryEntry> {
  const results = await localRun();
  return {
    ...historyEntryFromResults(results),
    runId,
    finishedAt: new Date(Date.parse('2025-06-01T12:00:00Z') + minutes * 60_000).toISOString(),
  };
}

function stored(branch = BRANCH): HistoryEntry[] {
  const text = github.file(OWNER, REPO, branch, PATH);
  if (text === undefined) throw new Error(`no ${PATH} on ${branch}`);
  return JSON.parse(text) as HistoryEntry[];
}

describe('series and entries', () => {
  it('files a run under profile, target rate, DFSP count and security switches', async () => {
    const local = await localRun();
    expect(historySeries(local)).toBe('local/20tps-8dfsps-mtls-jws-ilp');
    expect(historyPath(local)).toBe(PATH);
    expect(historyPath(await awsRun(), 'perf/')).toBe('perf/aws-1000tps/1000tps-8dfsps-mtls-jws-ilp.json');
    expect(securityTag({ mtls: false, jwsSign: true, jwsValidate: false, ilp: false })).toBe('jwssign');
    expect(securityTag({ mtls: false, jwsSign: false, jwsValidate: false, ilp: false })).toBe('no-security');
  });

  it('keeps the compact figures of each rung', async () => {
    const results = await localRun([rung(1, 5), rung(2, 10), failingRung(3, 20)]);
    const compact = historyEntryFromResults(results);
    expect(compact).toMatchObject({
      series: 'local/20tps-8dfsps-mtls-jws-ilp',
      runId: results.runId,
      finishedAt: results.finishedAt,
      trigger: 'rehearsal',
      outcome: 'FAIL',
      maxSustainableRate: 10,
    });
    expect(compact.rungs[2]).toEqual({
      index: 3,
      kind: 'ladder',
      targetRate: 20,
      achievedRate: 19.9,
      successPercent: 99.96,
      transferP95Ms: 1100,
      transferP99Ms: 1240,
      e2eP95Ms: 300,
      e2eP99Ms: 400,
      outcome: 'FAIL',
    });
  });
});

describe('readHistory', () => {
  it('reads a missing branch as empty history', async () => {
    expect(await readHistory(client, location)).toEqual([]);
    expect(github.made('GET', /\/contents\//)[0]?.query.get('ref')).toBe(BRANCH);
  });

  it('reads a missing file on an existing branch as empty history', async () => {
    github.commitFile(OWNER, REPO, 'main', 'other.txt', 'x');
    expect(await readHistory(client, { ...location, branch: 'main' })).toEqual([]);
  });

  it('refuses a file that is not a list of entries, naming it', async () => {
    github.commitFile(OWNER, REPO, 'main', PATH, '[{"runId": 7}]');
    await expect(readHistory(client, { ...location, branch: 'main' })).rejects.toThrow(
      `history file ${PATH} on branch main of mojaloop/performance is not a list of history entries at [0]`,
    );
    github.commitFile(OWNER, REPO, 'main', PATH, 'not json');
    await expect(readHistory(client, { ...location, branch: 'main' })).rejects.toThrow(/is not JSON/);
  });

  it('refuses a directory', async () => {
    github.commitFile(OWNER, REPO, 'main', `${PATH}/inner.json`, '[]');
    await expect(readHistory(client, { ...location, branch: 'main' })).rejects.toThrow(/is a directory/);
  });
});

describe('appendHistory', () => {
  it('creates the branch from the default branch head and the file on the first write', async () => {
    const mainHead = github.branchHead(OWNER, REPO, 'main');
    const first = await entry('run-1', 1);
    const result = await appendHistory(client, location, first);

    expect(result).toMatchObject({
      action: 'written',
      path: PATH,
      branch: BRANCH,
      entries: 1,
      attempts: 1,
      createdBranch: true,
      createdFile: true,
    });
    expect(result.commitSha).toBe(github.branchHead(OWNER, REPO, BRANCH));
    const created = github.made('POST', /\/git\/refs$/);
    expect(created.map((request) => request.body)).toEqual([{ ref: `refs/heads/${BRANCH}`, sha: mainHead }]);
    expect(github.file(OWNER, REPO, BRANCH, 'README.md')).toBe('# performance\n');
    expect(stored()).toEqual([first]);
    const put = github.made('PUT', /\/contents\//)[0];
    expect(put?.body).toMatchObject({
      branch: BRANCH,
      message: 'mlperf history: run run-1 (local/20tps-8dfsps-mtls-jws-ilp)',
    });
    expect(put?.body).not.toHaveProperty('sha');
  });

  it('appends a second run with the sha of what it read, on the existing branch', async () => {
    const first = await entry('run-1', 1);
    const second = await entry('run-2', 2);
    await appendHistory(client, location, first);
    const before = github.file(OWNER, REPO, BRANCH, PATH) ?? '';
    const result = await appendHistory(client, location, second);

    expect(result).toMatchObject({ action: 'written', entries: 2, createdBranch: false, createdFile: false });
    expect(github.made('PUT', /\/contents\//)[1]?.body?.sha).toBe(blobSha(before));
    expect(github.made('POST', /\/git\/refs$/)).toHaveLength(1);
    expect(await readHistory(client, location)).toEqual([first, second]);
    expect(github.file(OWNER, REPO, BRANCH, PATH)).toBe(serializeHistory([first, second]));
  });

  it('makes no commit when the same run is appended again', async () => {
    const first = await entry('run-1', 1);
    await appendHistory(client, location, first);
    const again = await appendHistory(client, location, first);
    expect(again).toMatchObject({ action: 'unchanged', entries: 1 });
    expect(again.commitSha).toBeUndefined();
    expect(github.made('PUT', /\/contents\//)).toHaveLength(1);
  });

  it('keeps only the last 100 entries', async () => {
    const base = await entry('old', 0);
    const old = Array.from({ length: 100 }, (_, index) => ({
      ...base,
      runId: `old-${index}`,
      finishedAt: new Date(Date.parse(base.finishedAt) + index * 60_000).toISOString(),
    }));
    github.commitFile(OWNER, REPO, 'main', PATH, serializeHistory(old));
    const latest = await entry('latest', 500);
    const result = await appendHistory(client, { ...location, branch: 'main' }, latest);
    expect(result.entries).toBe(100);
    const kept = stored('main');
    expect(kept).toHaveLength(100);
    expect(kept[0]?.runId).toBe('old-1');
    expect(kept.at(-1)?.runId).toBe('latest');
  });

  it('re-reads and retries when another writer committed between read and write (409)', async () => {
    await appendHistory(client, location, await entry('run-1', 1));
    const theirs = await entry('theirs', 2);
    const ours = await entry('ours', 3);
    let raced = false;
    github.beforeRequest = (request) => {
      if (request.method === 'PUT' && !raced) {
        raced = true;
        github.commitFile(OWNER, REPO, BRANCH, PATH, serializeHistory([...stored(), theirs]));
      }
    };
    const result = await appendHistory(client, location, ours);

    expect(result).toMatchObject({ action: 'written', attempts: 2, entries: 3 });
    expect(stored().map((item) => item.runId)).toEqual(['run-1', 'theirs', 'ours']);
    expect(github.made('PUT', /\/contents\//).length).toBe(3);
  });

  it('retries when the file appeared after it was read as missing (422, no sha)', async () => {
    const theirs = await entry('theirs', 1);
    github.beforeRequest = (request) => {
      if (request.method === 'PUT' && github.file(OWNER, REPO, BRANCH, PATH) === undefined) {
        github.commitFile(OWNER, REPO, BRANCH, PATH, serializeHistory([theirs]));
      }
    };
    const result = await appendHistory(client, location, await entry('ours', 2));
    expect(result).toMatchObject({ attempts: 2, createdBranch: true, createdFile: false });
    expect(stored().map((item) => item.runId)).toEqual(['theirs', 'ours']);
  });

  it('gives up after 3 conflicting attempts with an error naming the path, writing nothing', async () => {
    await appendHistory(client, location, await entry('run-1', 1));
    let other = 0;
    github.beforeRequest = (request) => {
      if (request.method !== 'PUT') return;
      other++;
      const current = stored();
      github.commitFile(
        OWNER,
        REPO,
        BRANCH,
        PATH,
        serializeHistory([...current, { ...current[0], runId: `other-${other}` } as HistoryEntry]),
      );
    };
    const failure = appendHistory(client, location, await entry('ours', 9));
    await expect(failure).rejects.toBeInstanceOf(HistoryConflictError);
    await expect(failure).rejects.toThrow(
      `history file ${PATH} on branch ${BRANCH} of ${OWNER}/${REPO}: all 3 attempts to write it met a newer version`,
    );
    await expect(failure).rejects.toThrow(/HTTP 409.*nothing was written for run ours/);
    expect(stored().map((item) => item.runId)).not.toContain('ours');
    expect(github.made('PUT', /\/contents\//)).toHaveLength(4);
  });

  it('honours a different number of attempts', async () => {
    let writes = 0;
    github.beforeRequest = (request) => {
      if (request.method === 'PUT')
        github.commitFile(OWNER, REPO, 'main', PATH, `[]\n${' '.repeat(++writes)}`);
    };
    await expect(
      appendHistory(client, { ...location, branch: 'main' }, await entry('ours', 1), { maxAttempts: 5 }),
    ).rejects.toThrow(/all 5 attempts/);
  });

  it('refuses an entry that is not a history entry', async () => {
    const bad = { ...(await entry('run-1', 1)), finishedAt: 'yesterday' };
    await expect(appendHistory(client, location, bad)).rejects.toThrow(/appendHistory: entry at finishedAt/);
    expect(github.requests).toHaveLength(0);
  });
});
