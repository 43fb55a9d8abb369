import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  incompleteRunResults,
  parseNeeds,
  parseRunnerSummaries,
  phaseOutcomes,
  RESULTS_FILE,
  RUNNER_SUMMARIES_FILE,
  type RungRunners,
  type RunResults,
  readRunResults,
  renderReport,
  serializeRunResults,
  validateRunConfig,
} from '@mlperf/core';
import {
  appendHistory,
  compareWithPrevious,
  type GitHubRestClient,
  historyEntryFromResults,
  historyPath,
  jobSummaryMarkdown,
  type RunComparison,
  readHistory,
  setReleasePublished,
  upsertReleaseSection,
  upsertStickyComment,
} from '@mlperf/core/github/index';
import type { ActionIoOf } from '../../_shell/src/action-io.js';
import { Inputs, Outputs, PIPELINE_PHASES, SINK_KEY_PREFIX } from './names.js';

/** The slice of `@actions/core` this action uses, injected so tests can pass a fake. */
export type ActionIo = ActionIoOf<'getInput' | 'setOutput' | 'setFailed' | 'info' | 'writeSummary'>;

export interface ReportRuntime {
  /** A GitHub REST client for the token; only called when a sink needs GitHub. */
  github(token: string): GitHubRestClient;
  now(): Date;
  env: Readonly<Record<string, string | undefined>>;
  workspace: string;
}

const TRIGGERS = ['manual', 'pull_request', 'release', 'rehearsal'] as const;
type Trigger = (typeof TRIGGERS)[number];
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
/** Release notes hold more than a comment (about 125,000 characters); leave room for the user's text. */
const RELEASE_SECTION_LIMIT = 60_000;

export interface ReportSettings {
  configJson: string;
  runId: string;
  trigger: Trigger;
  startedAt: string | undefined;
  resultsPath: string | undefined;
  phasesJson: string;
  outputDir: string;
  token: string;
  prNumber: number | undefined;
  releaseId: number | undefined;
  publishOnPass: boolean;
  historyBranch: string | undefined;
  fullReportUrl: string | undefined;
  repository: { owner: string; repo: string } | undefined;
}

function refuse(input: string, value: string, allowed: string): never {
  throw new Error(`input ${input}: got ${JSON.stringify(value)}; allowed: ${allowed}`);
}

function optionalId(io: ActionIo, name: string, what: string): number | undefined {
  const raw = io.getInput(name).trim();
  if (raw === '') return undefined;
  if (!/^[1-9]\d*$/.test(raw)) refuse(name, raw, `${what} (a positive whole number), or empty`);
  return Number(raw);
}

function insideWorkspace(workspace: string, name: string, raw: string): string {
  const resolved = path.resolve(workspace, raw);
  const relative = path.relative(workspace, resolved);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    refuse(name, raw, 'a directory inside the workspace, e.g. mlperf-report');
  }
  return resolved;
}

export function readInputs(io: ActionIo, runtime: ReportRuntime): ReportSettings {
  const trigger = io.getInput(Inputs.Trigger).trim();
  if (!(TRIGGERS as readonly string[]).includes(trigger))
    refuse(Inputs.Trigger, trigger, TRIGGERS.join(', '));
  const startedAt = io.getInput(Inputs.StartedAt).trim();
  if (startedAt !== '' && !RFC3339.test(startedAt)) {
    refuse(Inputs.StartedAt, startedAt, 'an RFC 3339 time such as 2026-11-25T18:00:00Z, or empty');
  }
  const runId = io.getInput(Inputs.RunId).trim();
  if (runId === '') refuse(Inputs.RunId, runId, 'the id of this run, e.g. r1234567890');
  const publish = io.getInput(Inputs.PublishOnPass).trim() || 'false';
  if (publish !== 'true' && publish !== 'false') refuse(Inputs.PublishOnPass, publish, '"true" or "false"');
  const releaseId = optionalId(io, Inputs.ReleaseId, 'a release id');
  if (publish === 'true' && releaseId === undefined) {
    refuse(Inputs.ReleaseId, '', 'a release id when publish-on-pass is true');
  }
  const historyBranch = io.getInput(Inputs.HistoryBranch).trim() || undefined;
  const prNumber = optionalId(io, Inputs.PrNumber, 'a pull request number');
  const needsGitHub = prNumber !== undefined || releaseId !== undefined || historyBranch !== undefined;
  const slug = runtime.env.GITHUB_REPOSITORY ?? '';
  const [owner, repo, ...rest] = slug.split('/');
  const repository = owner && repo && rest.length === 0 ? { owner, repo } : undefined;
  if (needsGitHub && repository === undefined) {
    throw new Error(
      `GITHUB_REPOSITORY: got ${JSON.stringify(slug)}; allowed: owner/name (set by GitHub Actions), needed for the comment, release or history`,
    );
  }
  const token = io.getInput(Inputs.GithubToken).trim();
  if (needsGitHub && token === '') refuse(Inputs.GithubToken, '', 'a token (default: the job token)');
  const resultsPath = io.getInput(Inputs.ResultsPath).trim();
  const { GITHUB_SERVER_URL: server, GITHUB_RUN_ID: runNumber } = runtime.env;
  const fullReportUrl =
    io.getInput(Inputs.FullReportUrl).trim() ||
    (server && slug && runNumber ? `${server}/${slug}/actions/runs/${runNumber}` : undefined);
  return {
    configJson: io.getInput(Inputs.Config),
    runId,
    trigger: trigger as Trigger,
    startedAt: startedAt || undefined,
    resultsPath: resultsPath === '' ? undefined : path.resolve(runtime.workspace, resultsPath),
    phasesJson: io.getInput(Inputs.Phases),
    outputDir: insideWorkspace(
      runtime.workspace,
      Inputs.OutputDir,
      io.getInput(Inputs.OutputDir).trim() || 'mlperf-report',
    ),
    token,
    prNumber,
    releaseId,
    publishOnPass: publish === 'true',
    historyBranch,
    fullReportUrl,
    repository,
  };
}

/** The run's results file, or results saying where the pipeline stopped when there is none. */
async function resultsOf(
  settings: ReportSettings,
  runtime: ReportRuntime,
  io: ActionIo,
): Promise<RunResults> {
  if (settings.resultsPath !== undefined && existsSync(settings.resultsPath)) {
    return readRunResults(settings.resultsPath);
  }
  io.info(
    `no results file${settings.resultsPath ? ` at ${settings.resultsPath}` : ''}: reporting from the phases`,
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(settings.configJson);
  } catch {
    refuse(Inputs.Config, settings.configJson.slice(0, 40), 'the config output of validate-config (JSON)');
  }
  const config = validateRunConfig(parsed, { source: `input ${Inputs.Config}` });
  const known: readonly string[] = PIPELINE_PHASES[config.infrastructure.provider];
  // Called from a job that needs the pipeline itself (release-gate), the needs are not its phases.
  const needs = parseNeeds(settings.phasesJson);
  const present = known.filter((name) => name in needs);
  const order = present.length > 0 ? known : Object.keys(needs);
  const now = runtime
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  return incompleteRunResults({
    config,
    runId: settings.runId,
    trigger: settings.trigger,
    startedAt: settings.startedAt ?? now,
    finishedAt: now,
    phases: phaseOutcomes(needs, order),
  });
}

/**
 * The k6 runners the ladder wrote next to results.json (runner-summaries.json), for the report's
 * folded runner table; none when the file is absent or not what the ladder writes (said in the log).
 */
async function runnersBeside(resultsPath: string | undefined, io: ActionIo): Promise<RungRunners[]> {
  if (resultsPath === undefined) return [];
  const file = path.join(path.dirname(resultsPath), RUNNER_SUMMARIES_FILE);
  if (!existsSync(file)) return [];
  const parsed = parseRunnerSummaries(await readFile(file, 'utf8'));
  if ('error' in parsed) {
    io.info(`k6 runner table left out: ${parsed.error}`);
    return [];
  }
  return parsed.runners;
}

export async function run(io: ActionIo, runtime: ReportRuntime): Promise<void> {
  let step = 'reading inputs';
  try {
    const settings = readInputs(io, runtime);
    step = 'reading the results';
    const results = await resultsOf(settings, runtime, io);
    const client = settings.repository ? () => runtime.github(settings.token) : undefined;
    const repository = settings.repository ?? { owner: '', repo: '' };

    let comparison: RunComparison | undefined;
    if (settings.historyBranch !== undefined && client) {
      step = 'reading the history store';
      const location = { ...repository, branch: settings.historyBranch, path: historyPath(results) };
      const history = await readHistory(client(), location);
      comparison = compareWithPrevious(results, history, results.config.report.regression);
      io.info(
        `history ${location.branch}:${location.path}: ${history.length} entries; ${comparison.verdict}`,
      );
    }

    step = 'writing the report';
    const runners = await runnersBeside(settings.resultsPath, io);
    const reportOptions = {
      ...(comparison ? { comparison } : {}),
      ...(runners.length > 0 ? { runners } : {}),
      ...(settings.fullReportUrl ? { fullReportUrl: settings.fullReportUrl } : {}),
    };
    const markdown = renderReport(results, reportOptions);
    await mkdir(settings.outputDir, { recursive: true });
    const reportPath = path.join(settings.outputDir, 'report.md');
    const resultsPath = path.join(settings.outputDir, RESULTS_FILE);
    await writeFile(reportPath, markdown);
    await writeFile(resultsPath, serializeRunResults(results));
    await io.writeSummary(jobSummaryMarkdown(markdown));

    const key = `${SINK_KEY_PREFIX}-${results.profile}`;
    if (settings.prNumber !== undefined && client) {
      step = 'writing the pull-request comment';
      const comment = await upsertStickyComment(client(), {
        ...repository,
        issueNumber: settings.prNumber,
        marker: key,
        body: markdown,
        ...(settings.fullReportUrl ? { fullReportUrl: settings.fullReportUrl } : {}),
      });
      io.info(`PR comment ${comment.action}: ${comment.url}${comment.note ? ` (${comment.note})` : ''}`);
      io.setOutput(Outputs.CommentUrl, comment.url);
    }
    if (settings.historyBranch !== undefined && client) {
      step = 'appending to the history store';
      const location = { ...repository, branch: settings.historyBranch, path: historyPath(results) };
      const written = await appendHistory(client(), location, historyEntryFromResults(results));
      io.info(`history ${written.action}: ${written.branch}:${written.path} (${written.entries} entries)`);
    }
    let published = false;
    if (settings.releaseId !== undefined && client) {
      step = 'writing the release notes';
      const section = renderReport(results, { ...reportOptions, maxLength: RELEASE_SECTION_LIMIT });
      const notes = await upsertReleaseSection(client(), {
        ...repository,
        releaseId: settings.releaseId,
        key,
        section,
      });
      io.info(`release notes ${notes.action}: ${notes.url}`);
      if (settings.publishOnPass && results.verdict.outcome === 'PASS') {
        step = 'publishing the release';
        const release = await setReleasePublished(client(), { ...repository, releaseId: settings.releaseId });
        published = !release.draft && !release.prerelease;
        io.info(`release published: ${release.url}`);
      } else if (settings.publishOnPass) {
        io.info(`release held: verdict ${results.verdict.outcome}`);
      }
    }

    io.setOutput(Outputs.Verdict, results.verdict.outcome);
    io.setOutput(Outputs.Summary, results.verdict.summary);
    io.setOutput(
      Outputs.MaxRate,
      results.maxSustainableRate.rate === null ? '' : String(results.maxSustainableRate.rate),
    );
    io.setOutput(Outputs.RunId, results.runId);
    io.setOutput(Outputs.ReportPath, reportPath);
    io.setOutput(Outputs.ResultsPath, resultsPath);
    io.setOutput(Outputs.Regression, comparison?.verdict ?? '');
    io.setOutput(Outputs.Published, String(published));
    io.info(`verdict ${results.verdict.outcome}: ${results.verdict.summary}`);
  } catch (error) {
    io.setFailed(`report: ${step}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
