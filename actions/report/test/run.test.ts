// The report action end to end against a request-level fake of GitHub's REST API: results file or
// pipeline phases in, report files, job summary, sticky comment, history and release notes out.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingIo } from '../../_shell/test/recording-io.js';
import { githubClientFromOctokit, historyPath } from '../../core/src/github/index.js';
import { parseRunResults, serializeRunResults } from '../../core/src/index.js';
import { FakeGitHub } from '../../core/test/github/fake-github.js';
import { failingRung, localRun, profile } from '../../core/test/results/support.js';
import { Inputs, Outputs } from '../src/names.js';
import { run } from '../src/run.js';

const OWNER = 'mojaloop';
const REPO = 'performance';

const fakeIo = recordingIo;

let workspace: string;
let github: FakeGitHub;
const tokens: string[] = [];

function runtime() {
  return {
    github: (token: string) => {
      tokens.push(token);
      return githubClientFromOctokit(github.octokit());
    },
    now: () => new Date('2026-11-25T12:30:00Z'),
    env: {
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '99',
    },
    workspace,
  };
}

async function resultsFile(results: object): Promise<string> {
  const file = path.join(workspace, 'in', 'results.json');
  await rm(path.dirname(file), { recursive: true, force: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(file), { recursive: true }));
  await writeFile(file, serializeRunResults(results as Parameters<typeof serializeRunResults>[0]));
  return 'in/results.json';
}

beforeEach(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), 'report-ws-'));
  github = new FakeGitHub();
  github.addRepository(OWNER, REPO);
  tokens.length = 0;
});
afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

describe('report action', () => {
  it('folds in the k6 runners the ladder wrote next to results.json, and leaves out a broken file', async () => {
    const results = await localRun();
    const inputs = {
      [Inputs.Config]: JSON.stringify(results.config),
      [Inputs.RunId]: 'ignored-when-results-exist',
      [Inputs.Trigger]: 'rehearsal',
      [Inputs.ResultsPath]: await resultsFile(results),
    };
    const beside = path.join(workspace, 'in', 'runner-summaries.json');
    await writeFile(
      beside,
      JSON.stringify([{ rung: 1, rate: 20, runners: [{ id: 'r1-1', exitCode: 0, summary: null }] }]),
    );
    const first = fakeIo(inputs);
    await run(first.io, runtime());
    expect(first.failures).toEqual([]);
    expect(first.summaries[0]).toContain('| 1 | 20/s | r1-1 | 0 | no summary |');

    await writeFile(beside, '[{"rung": "one"}]');
    const second = fakeIo(inputs);
    await run(second.io, runtime());
    expect(second.failures).toEqual([]);
    expect(second.summaries[0]).not.toContain('k6 runners:');
    expect(second.logs.join('\n')).toMatch(/k6 runner table left out: runner-summaries.json: 0.rung: /);
  });

  it('renders a results file into report.md, results.json and the job summary, without touching GitHub', async () => {
    const results = await localRun();
    const { io, outputs, failures, summaries } = fakeIo({
      [Inputs.Config]: JSON.stringify(results.config),
      [Inputs.RunId]: 'ignored-when-results-exist',
      [Inputs.Trigger]: 'rehearsal',
      [Inputs.ResultsPath]: await resultsFile(results),
    });
    await run(io, runtime());
    expect(failures).toEqual([]);
    expect(outputs[Outputs.Verdict]).toBe(results.verdict.outcome);
    expect(outputs[Outputs.RunId]).toBe(results.runId);
    expect(outputs[Outputs.MaxRate]).toBe(String(results.maxSustainableRate.rate));
    const report = await readFile(path.join(workspace, 'mlperf-report', 'report.md'), 'utf8');
    expect(summaries).toEqual([report]);
    expect(report).toContain(results.verdict.summary);
    const written = JSON.parse(await readFile(path.join(workspace, 'mlperf-report', 'results.json'), 'utf8'));
    expect(parseRunResults(written)).toEqual(results);
    expect(tokens).toEqual([]);
    expect(github.requests).toEqual([]);
  });

  it('reports where the pipeline stopped when there is no results file', async () => {
    const config = await profile('aws-smoke');
    const { io, outputs, failures } = fakeIo({
      [Inputs.Config]: JSON.stringify(config),
      [Inputs.RunId]: 'r99',
      [Inputs.Trigger]: 'manual',
      [Inputs.StartedAt]: '2026-11-25T12:00:00Z',
      [Inputs.ResultsPath]: 'mlperf-results/results.json',
      [Inputs.Phases]: JSON.stringify({
        config: { result: 'success', outputs: {} },
        preflight: { result: 'success', outputs: {} },
        provision: { result: 'failure', outputs: {} },
        rehearsal: { result: 'skipped', outputs: {} },
      }),
    });
    await run(io, runtime());
    expect(failures).toEqual([]);
    expect(outputs[Outputs.Verdict]).toBe('INVALID');
    const results = parseRunResults(
      JSON.parse(await readFile(path.join(workspace, 'mlperf-report', 'results.json'), 'utf8')),
    );
    expect(results.runId).toBe('r99');
    expect(results.durationSeconds).toBe(1800);
    expect(results.hints[0]).toBe('The run stopped at phase provision, which failed.');
  });

  it('names the needs of a caller that is not the pipeline (release gate) when the pipeline left nothing', async () => {
    const config = await profile('aws-smoke');
    const { io, failures } = fakeIo({
      [Inputs.Config]: JSON.stringify(config),
      [Inputs.RunId]: 'r5',
      [Inputs.Trigger]: 'release',
      [Inputs.Phases]: JSON.stringify({ release: { result: 'success' }, pipeline: { result: 'failure' } }),
    });
    await run(io, runtime());
    expect(failures).toEqual([]);
    const results = JSON.parse(await readFile(path.join(workspace, 'mlperf-report', 'results.json'), 'utf8'));
    expect(results.hints[0]).toBe('The run stopped at phase pipeline, which failed.');
  });

  it('keeps one sticky comment per profile on the pull request, updated in place on the next run', async () => {
    github.addComments(
      OWNER,
      REPO,
      7,
      Array.from({ length: 120 }, (_, i) => `review note ${i}`),
    );
    const first = await localRun();
    const inputs = {
      [Inputs.Config]: JSON.stringify(first.config),
      [Inputs.RunId]: 'x',
      [Inputs.Trigger]: 'pull_request',
      [Inputs.PrNumber]: '7',
      [Inputs.GithubToken]: 'ghs_job_token',
    };
    const one = fakeIo({ ...inputs, [Inputs.ResultsPath]: await resultsFile(first) });
    await run(one.io, runtime());
    expect(one.failures).toEqual([]);
    const second = await localRun([failingRung(1, 5)]);
    const two = fakeIo({ ...inputs, [Inputs.ResultsPath]: await resultsFile(second) });
    await run(two.io, runtime());
    expect(two.failures).toEqual([]);
    const marked = github
      .comments(OWNER, REPO, 7)
      .filter((c) => c.body.startsWith('<!-- mlperf-report:perf-local -->'));
    expect(marked).toHaveLength(1);
    expect(marked[0]?.body).toContain(second.verdict.summary);
    expect(one.outputs[Outputs.CommentUrl]).toBe(two.outputs[Outputs.CommentUrl]);
    expect(tokens).toEqual(['ghs_job_token', 'ghs_job_token']);
  });

  it('appends to the history, compares with the previous run, writes release notes and publishes on PASS', async () => {
    const release = github.addRelease(OWNER, REPO, {
      tag: 'v2.0.0-rc.1',
      body: 'Release notes.',
      prerelease: true,
    });
    const passing = await localRun();
    expect(passing.verdict.outcome).toBe('PASS');
    const base = {
      [Inputs.Config]: JSON.stringify(passing.config),
      [Inputs.RunId]: 'x',
      [Inputs.Trigger]: 'release',
      [Inputs.HistoryBranch]: 'perf-history',
      [Inputs.ReleaseId]: String(release),
      [Inputs.PublishOnPass]: 'true',
      [Inputs.GithubToken]: 'ghs_job_token',
    };
    const first = fakeIo({ ...base, [Inputs.ResultsPath]: await resultsFile(passing) });
    await run(first.io, runtime());
    expect(first.failures).toEqual([]);
    expect(first.outputs[Outputs.Regression]).toBe('no-baseline');
    expect(first.outputs[Outputs.Published]).toBe('true');
    expect(github.release(OWNER, REPO, release)).toMatchObject({ prerelease: false, draft: false });
    const notes = github.release(OWNER, REPO, release).body ?? '';
    expect(notes.startsWith('Release notes.')).toBe(true);
    expect(notes).toContain('<!-- mlperf-results:perf-local:start -->');

    const later = {
      ...passing,
      runId: 'rehearsal-later',
      startedAt: '2026-11-26T12:00:00Z',
      finishedAt: '2026-11-26T12:05:00Z',
    };
    const second = fakeIo({ ...base, [Inputs.ResultsPath]: await resultsFile(later) });
    await run(second.io, runtime());
    expect(second.failures).toEqual([]);
    expect(second.outputs[Outputs.Regression]).toBe('no-change');
    const history = github.file(OWNER, REPO, 'perf-history', historyPath(passing));
    expect(JSON.parse(history ?? '[]').map((entry: { runId: string }) => entry.runId)).toEqual([
      passing.runId,
      'rehearsal-later',
    ]);
  });

  it('holds the release when the verdict is not PASS', async () => {
    const release = github.addRelease(OWNER, REPO, { tag: 'v2.0.0-rc.2', body: null, prerelease: true });
    const failing = await localRun([failingRung(1, 5)]);
    const { io, outputs, failures } = fakeIo({
      [Inputs.Config]: JSON.stringify(failing.config),
      [Inputs.RunId]: 'x',
      [Inputs.Trigger]: 'release',
      [Inputs.ResultsPath]: await resultsFile(failing),
      [Inputs.ReleaseId]: String(release),
      [Inputs.PublishOnPass]: 'true',
      [Inputs.GithubToken]: 'ghs_job_token',
    });
    await run(io, runtime());
    expect(failures).toEqual([]);
    expect(outputs[Outputs.Verdict]).toBe('FAIL');
    expect(outputs[Outputs.Published]).toBe('false');
    expect(github.release(OWNER, REPO, release).prerelease).toBe(true);
    expect(github.release(OWNER, REPO, release).body).toContain(failing.verdict.summary);
  });

  it.each([
    [
      { [Inputs.Trigger]: 'nightly' },
      /input trigger: got "nightly"; allowed: manual, pull_request, release, rehearsal/,
    ],
    [{ [Inputs.PrNumber]: '0' }, /input pr-number: got "0"; allowed: a pull request number/],
    [{ [Inputs.ReleaseId]: 'v1' }, /input release-id: got "v1"; allowed: a release id/],
    [{ [Inputs.PublishOnPass]: 'yes' }, /input publish-on-pass: got "yes"; allowed: "true" or "false"/],
    [
      { [Inputs.PublishOnPass]: 'true' },
      /input release-id: got ""; allowed: a release id when publish-on-pass is true/,
    ],
    [{ [Inputs.StartedAt]: 'yesterday' }, /input started-at: got "yesterday"; allowed: an RFC 3339 time/],
    [
      { [Inputs.OutputDir]: '../elsewhere' },
      /input output-dir: got "..\/elsewhere"; allowed: a directory inside the workspace/,
    ],
    [{ [Inputs.Phases]: '{oops' }, /phases: got "\{oops"; allowed: the JSON of toJSON\(needs\)/],
    [{ [Inputs.RunId]: ' ' }, /input run-id: got ""; allowed: the id of this run/],
    [{ [Inputs.Config]: '{"profile":' }, /input config: got "\{\\"profile\\":"; allowed: the config output/],
  ])('refuses bad input %j before writing anything', async (bad, message) => {
    const config = await profile('aws-smoke');
    const { io, failures, outputs } = fakeIo({
      [Inputs.Config]: JSON.stringify(config),
      [Inputs.RunId]: 'r1',
      [Inputs.Trigger]: 'manual',
      ...bad,
    });
    await run(io, runtime());
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(message);
    expect(outputs).toEqual({});
    expect(github.requests).toEqual([]);
  });
});
