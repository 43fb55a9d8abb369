import path from 'node:path';
import type { AwsCredentials, Clock, SecurityPosture } from '@mlperf/core';
import {
  type CloudLadderDeps,
  DEFAULT_SCRIPT,
  type ProbeJob,
  parseOutboundUrls,
  type RungRunners,
  runCloudLadder,
  runnerTableLines,
} from '@mlperf/core/cloud-ladder/index';
import type { KubeApi, TokenRefresh } from '@mlperf/core/k8s/index';
import type { ClusterAccess } from '@mlperf/core/platform/index';
import type { PromQuery } from '@mlperf/core/prometheus/client';
import { type RunResults, SecurityPostureSchema } from '@mlperf/core/results/schema';
import type { CloudPhaseIo } from '../../_shell/src/action-io.js';
import {
  type Cluster,
  readCluster,
  readMinutes,
  refreshingClusterAccess,
} from '../../_shell/src/clusters.js';
import { type AwsRunConfig, readConfigInput, requireAws } from '../../_shell/src/config-input.js';
import { DEFAULT_RESULTS_DIR, DEFAULT_RUNG_TIMEOUT_MINUTES, Inputs, Outputs } from './names.js';

/** The slice of `@actions/core` this action uses, injected so tests can pass a fake. */
export type ActionIo = CloudPhaseIo;

/** A cluster with its first token and the means to renew it (the ladder outlives an EKS token). */
export interface ClusterSession {
  access: ClusterAccess;
  tokenRefresh: TokenRefresh;
}

/** The clients of the phase: Kubernetes on both clusters, PromQL on the hub (fakes in the tests). */
export interface LadderClients {
  load: KubeApi;
  hub: KubeApi;
  prom: PromQuery;
}

export interface LadderRuntime {
  credentials(): Promise<AwsCredentials>;
  connect(sessions: { load: ClusterSession; hub: ClusterSession }): LadderClients;
  clock: Clock;
  workspace: string;
  /** Aborted on SIGTERM/SIGINT (the job is cancelled): the runner deletes its TestRun. */
  signal?: AbortSignal;
  /** The connectivity probe; default the real Job. */
  probe?: ProbeJob;
}

const TRIGGERS = ['manual', 'pull_request', 'release'] as const;
type CloudTrigger = (typeof TRIGGERS)[number];

export interface LadderSettings {
  config: AwsRunConfig;
  runId: string;
  trigger: CloudTrigger;
  startedAt: number | undefined;
  hub: Cluster;
  load: Cluster;
  outboundUrls: string;
  scriptPath: string;
  resultsDir: string;
  perRunnerRate: number;
  rungSlackSeconds: number;
  security: SecurityPosture | null;
}

/** The deploy phase's `security-posture` output: empty when verify-security did not run. */
export function readSecurityPosture(text: string): SecurityPosture | null {
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(
      `input ${Inputs.SecurityPosture}: not JSON; allowed: the deploy-mojaloop output security-posture, or empty`,
    );
  }
  const parsed = SecurityPostureSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `input ${Inputs.SecurityPosture}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}; allowed: the deploy-mojaloop output security-posture, or empty`,
    );
  }
  return parsed.data;
}

/** The run configuration's `load.perRunnerRate` (the schema requires it on aws). */
function perRunnerRate(config: AwsRunConfig): number {
  const rate = config.load.perRunnerRate;
  if (rate === undefined) {
    throw new Error(
      `input ${Inputs.Config}: load.perRunnerRate: got nothing (missing); allowed: transfers/s per k6 runner pod`,
    );
  }
  return rate;
}

export function readInputs(io: ActionIo, workspace: string): LadderSettings {
  const getInput = (name: string) => io.getInput(name);
  const config = requireAws(readConfigInput(getInput, Inputs.Config), 'a local run has no load cluster');
  const runId = io.getInput(Inputs.RunId).trim();
  if (runId === '') throw new Error(`input ${Inputs.RunId}: got ""; allowed: the run id (preflight output)`);
  const trigger = io.getInput(Inputs.Trigger).trim();
  if (!(TRIGGERS as readonly string[]).includes(trigger)) {
    throw new Error(
      `input ${Inputs.Trigger}: got ${JSON.stringify(trigger)}; allowed: ${TRIGGERS.join(', ')}`,
    );
  }
  const startedRaw = io.getInput(Inputs.StartedAt).trim();
  const startedAt = startedRaw === '' ? undefined : Date.parse(startedRaw);
  if (startedAt !== undefined && Number.isNaN(startedAt)) {
    throw new Error(
      `input ${Inputs.StartedAt}: got ${JSON.stringify(startedRaw)}; allowed: an RFC 3339 time such as 2026-11-25T20:00:00Z, or empty`,
    );
  }
  const outboundUrls = io.getInput(Inputs.OutboundUrls);
  // Refused here too, so bad input costs no token and touches no cluster.
  parseOutboundUrls(outboundUrls, config.dfsps.count, Inputs.OutboundUrls);
  return {
    config,
    runId,
    trigger: trigger as CloudTrigger,
    startedAt,
    hub: readCluster(getInput, 'hub'),
    load: readCluster(getInput, 'load'),
    outboundUrls,
    scriptPath: path.resolve(workspace, io.getInput(Inputs.Script).trim() || DEFAULT_SCRIPT),
    resultsDir: path.resolve(workspace, io.getInput(Inputs.ResultsDir).trim() || DEFAULT_RESULTS_DIR),
    perRunnerRate: perRunnerRate(config),
    rungSlackSeconds: readMinutes(getInput, Inputs.RungTimeoutMinutes, DEFAULT_RUNG_TIMEOUT_MINUTES) * 60,
    security: readSecurityPosture(io.getInput(Inputs.SecurityPosture)),
  };
}

function summarize(
  results: RunResults,
  resultsPath: string,
  remoteWriteUrl: string | null,
  runners: readonly RungRunners[],
): string[] {
  const lines = [
    '## TPS ladder',
    '',
    `**${results.verdict.outcome}**: ${results.verdict.summary}`,
    '',
    `- maximum sustainable rate: ${results.maxSustainableRate.rate === null ? 'none' : `${results.maxSustainableRate.rate} transfers/s`}`,
  ];
  for (const rung of results.rungs) {
    const achieved = rung.achievedRate === null ? 'n/a' : `${rung.achievedRate.toFixed(1)}/s`;
    const p99 = rung.latency.transfer.p99 === null ? 'n/a' : `${Math.round(rung.latency.transfer.p99)} ms`;
    lines.push(
      `- rung ${rung.index} (${rung.kind}) ${rung.targetRate}/s: achieved ${achieved}, transfer p99 ${p99} → ${rung.outcome}`,
    );
  }
  if (remoteWriteUrl !== null) lines.push(`- k6 remote write: ${remoteWriteUrl}`);
  lines.push(`- results: \`${resultsPath}\``, '');
  const table = runnerTableLines(runners);
  if (table.length > 0) lines.push('### k6 runners', '', ...table, '');
  lines.push(...results.hints.map((h) => `> ${h}`));
  return lines;
}

export async function run(io: ActionIo, runtime: LadderRuntime): Promise<void> {
  let summary: string[] = [];
  try {
    const settings = readInputs(io, runtime.workspace);
    const region = settings.config.infrastructure.region;
    const mask = (value: string) => io.setSecret(value);
    const credentials = () => runtime.credentials();
    const load = await refreshingClusterAccess(settings.load, region, credentials, mask);
    const hub = await refreshingClusterAccess(settings.hub, region, credentials, mask);
    const clients = runtime.connect({ load, hub });
    const deps: CloudLadderDeps = {
      ...clients,
      clock: runtime.clock,
      log: (line) => io.info(line),
      ...(runtime.signal === undefined ? {} : { signal: runtime.signal }),
      ...(runtime.probe === undefined ? {} : { probe: runtime.probe }),
    };
    const outcome = await runCloudLadder(deps, {
      config: settings.config,
      runId: settings.runId,
      trigger: settings.trigger,
      ...(settings.startedAt === undefined ? {} : { startedAt: settings.startedAt }),
      outboundUrls: settings.outboundUrls,
      scriptPath: settings.scriptPath,
      resultsDir: settings.resultsDir,
      perRunnerRate: settings.perRunnerRate,
      rungSlackSeconds: settings.rungSlackSeconds,
      security: settings.security,
    });
    const { results } = outcome;
    io.setOutput(Outputs.ResultsPath, outcome.resultsPath);
    io.setOutput(Outputs.Verdict, results.verdict.outcome);
    io.setOutput(
      Outputs.MaxRate,
      results.maxSustainableRate.rate === null ? '' : String(results.maxSustainableRate.rate),
    );
    io.setOutput(Outputs.Rungs, String(results.rungs.length));
    summary = summarize(
      results,
      path.relative(runtime.workspace, outcome.resultsPath),
      outcome.remoteWriteUrl,
      outcome.runners,
    );
    if (outcome.failure !== null) throw new Error(`ladder: ${outcome.failure}`);
  } catch (error) {
    io.setFailed(error instanceof Error ? error.message : String(error));
  } finally {
    if (summary.length > 0) await io.writeSummary(`${summary.join('\n')}\n`);
  }
}
