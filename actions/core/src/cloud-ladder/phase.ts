/**
 * Phase 07, the TPS ladder on the load cluster (ARCHITECTURE §4–§6): the k6 script in a ConfigMap,
 * the hub Prometheus's remote-write address from its internal NLB, a connectivity probe from the load
 * node group to every DFSP's SDK outbound API, then the ladder engine on k6-operator, and the run's
 * results.json. The ConfigMap is deleted whatever happens; an abort (the job is cancelled) reaches the
 * runner, which deletes its TestRun.
 *
 * Outcomes:
 * - bad input (run id, outbound URLs, script file) and a hub Prometheus without an address throw
 *   before anything is created on the load cluster;
 * - a failed probe writes results with no rung (verdict INVALID, the probe's findings in the hints)
 *   and reports `failure`; no TestRun is created;
 * - otherwise the ladder runs and its results are written; `failure` is set only when it was aborted.
 *   FAIL and INVALID rungs are the verdict's business, not a failure of the phase.
 *
 * RBAC: load cluster, namespace {@link K6_RUN_NAMESPACE}: configmaps create/update/delete,
 * testruns (k6.io) create/get/delete, jobs create/get/list/delete, pods list/get, pods/log get,
 * events list. Hub cluster, namespace monitoring: services get, services/proxy create (POST of
 * PromQL), events list.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../aws/clock.js';
import type { AwsInfrastructure, RunConfig } from '../config/index.js';
import { dfspIds } from '../fleet/names.js';
import type { KubeApi } from '../k8s/client.js';
import { K6OperatorRunner } from '../k8s/k6-operator-runner.js';
import {
  judgeLatency,
  type ProbeReport,
  type ProbeTarget,
  type ProbeTargetResult,
  runProbeJob,
} from '../k8s/probe.js';
import { SCRIPT_ENV } from '../k8s/runner-env.js';
import { LOAD_NODE_SELECTOR, LOAD_TOLERATIONS, runnersForRate } from '../k8s/testrun.js';
import { type LadderResult, runLadder } from '../ladder/engine.js';
import type { PromQuery } from '../prometheus/client.js';
import { RUNNER_SUMMARIES_FILE, type RungRunners } from '../report/runner-table.js';
import { writeRunResults } from '../results/io.js';
import type { RunArtifact, RunResults } from '../results/schema.js';
import type { SecurityPosture } from '../security/posture.js';
import { parseOutboundUrls } from './outbound-urls.js';
import { findRemoteWriteUrl } from './prometheus.js';
import { buildCloudResults } from './results.js';
import { applyScriptConfigMap, deleteScriptConfigMap, readK6Script, scriptConfigMapName } from './script.js';
import { K6_RUN_NAMESPACE, PROBE, TRANSFER_AMOUNT } from './settings.js';

/** Env the ladder adds to every runner: the k6 script's contract. */
export const LADDER_ENV = SCRIPT_ENV;

/** Run ids become k6 tags and object names: letters, digits, `.`, `_`, `-`, from a letter or digit. */
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export type ProbeJob = typeof runProbeJob;

export interface CloudLadderDeps {
  load: KubeApi;
  hub: KubeApi;
  /** PromQL on the hub Prometheus (createHubPromQuery in the action). */
  prom: PromQuery;
  clock: Clock;
  /** The connectivity probe; default the real Job (k8s/probe.ts). */
  probe?: ProbeJob;
  signal?: AbortSignal;
  /** Progress lines; never receives a secret. */
  log: (line: string) => void;
}

export interface CloudLadderParams {
  config: RunConfig & { infrastructure: AwsInfrastructure };
  runId: string;
  trigger: RunResults['trigger'];
  /** Epoch ms the pipeline run started (results' startedAt); default when this phase started. */
  startedAt?: number;
  /** The `outbound-urls` input as given (JSON text). */
  outboundUrls: string;
  /** Path of the bundled k6 script. */
  scriptPath: string;
  resultsDir: string;
  /** Transfers/s per runner pod: parallelism is ⌈rate / this⌉. */
  perRunnerRate: number;
  /** The posture verify-security proved in phase 04, for results.json; null when it did not run. */
  security: SecurityPosture | null;
  /** Time a rung may take beyond its own length (scheduling, image pull, collection), seconds. */
  rungSlackSeconds: number;
  /** Tuning for tests; defaults are the runner's, the engine's and findRemoteWriteUrl's. */
  pollMs?: number;
  settleMs?: number;
  loadBalancerWaitMs?: number;
  loadBalancerPollMs?: number;
  probePollMs?: number;
}

export interface CloudLadderOutcome {
  resultsPath: string;
  results: RunResults;
  /** Why the phase did not do its job (probe failed, aborted); `null` when the ladder ran to its end. */
  failure: string | null;
  /** The TestRuns' remote-write target, for the log and summary. */
  remoteWriteUrl: string;
  /** Each rung's runners as written to {@link RUNNER_SUMMARIES_FILE}; empty when the ladder never ran. */
  runners: RungRunners[];
}

/** `MLPERF_FLEET`: which DFSPs trade and what each transfer carries. */
export function fleetEnv(config: RunConfig): string {
  return JSON.stringify({
    dfsps: dfspIds(config.dfsps.count),
    partiesPerDfsp: config.dfsps.partiesPerDfsp,
    currency: config.dfsps.currency,
    amount: TRANSFER_AMOUNT,
    trafficMix: config.dfsps.trafficMix,
  });
}

function formatProbeResult(r: ProbeTargetResult): string {
  const ms = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v)} ms`);
  const statuses = Object.entries(r.statuses)
    .filter(([, n]) => n > 0)
    .map(([code, n]) => `${code}×${n}`)
    .join(' ');
  return `${r.name} ${r.url}: ${r.ok}/${r.requested ?? r.attempts} ok, median ${ms(r.medianMs)}, p95 ${ms(r.p95Ms)}${statuses ? ` (${statuses})` : ''}`;
}

/** Pass, or the sentences that say why not. */
export function judgeProbe(report: ProbeReport): { passed: boolean; problems: string[] } {
  if (!report.completed) {
    return {
      passed: false,
      problems: [`probe Job ${report.job} did not complete: ${report.diagnosis ?? 'no diagnosis'}`],
    };
  }
  return judgeLatency(report.results, PROBE.maxMedianMs);
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function runCloudLadder(
  deps: CloudLadderDeps,
  params: CloudLadderParams,
): Promise<CloudLadderOutcome> {
  const { clock, log } = deps;
  const began = clock.now();
  const startedAt = params.startedAt ?? began;
  const signal = deps.signal ?? new AbortController().signal;

  // Everything that can be refused is refused before anything is created.
  if (!RUN_ID.test(params.runId)) {
    throw new Error(
      `input run-id: got ${JSON.stringify(params.runId)}; allowed: letters, digits, ".", "_" and "-", starting with a letter or digit`,
    );
  }
  const cfg = params.config;
  const outboundUrls = parseOutboundUrls(params.outboundUrls, cfg.dfsps.count);
  if (!Number.isFinite(params.perRunnerRate) || params.perRunnerRate <= 0) {
    throw new Error(
      `load.perRunnerRate: got ${params.perRunnerRate}; allowed: transfers/s per k6 runner, above 0`,
    );
  }
  // `separate: true` puts one runner per node, so the node group's size caps the runners of a rung.
  const maxRunners = cfg.infrastructure.load.nodeGroups.loadRunners.desiredSize;
  cfg.ladder.rungs.forEach((rung, index) => {
    const needed = runnersForRate(rung.rate, params.perRunnerRate);
    if (needed > maxRunners) {
      throw new Error(
        `ladder.rungs[${index}].rate ${rung.rate}/s needs ${needed} k6 runners at ${params.perRunnerRate}/s each (load.perRunnerRate); allowed: at most ${maxRunners}, one per node of the load node group (infrastructure.load.nodeGroups.loadRunners.desiredSize)`,
      );
    }
  });
  const script = await readK6Script(params.scriptPath);
  log(`k6 script ${params.scriptPath}: ${script.bytes} bytes`);

  const remoteWriteUrl = await findRemoteWriteUrl(deps.hub, {
    clock,
    signal,
    log,
    ...(params.loadBalancerWaitMs === undefined ? {} : { waitMs: params.loadBalancerWaitMs }),
    ...(params.loadBalancerPollMs === undefined ? {} : { pollMs: params.loadBalancerPollMs }),
  });
  log(`hub Prometheus remote write: ${remoteWriteUrl}`);

  const configMap = {
    namespace: K6_RUN_NAMESPACE,
    name: scriptConfigMapName(params.runId),
    labels: { 'mlperf/testid': params.runId, 'app.kubernetes.io/managed-by': 'mlperf-ladder' },
  };
  const notes: string[] = [];
  const stress = cfg.ladder.stress;
  const ceiling = maxRunners * params.perRunnerRate;
  if (stress.enabled && stress.maxRate > ceiling) {
    // Not refused: the ladder itself fits; only the top of the stress search cannot run.
    const note = `Stress rungs above ${ceiling}/s cannot run: ${maxRunners} load node(s) × ${params.perRunnerRate}/s per runner (load.perRunnerRate), below ladder.stress.maxRate ${stress.maxRate}/s; such a rung ends INVALID and the search stops there.`;
    notes.push(note);
    log(`warning: ${note}`);
  }
  const artifacts: RunArtifact[] = [];
  let ladder: LadderResult | null = null;
  let failure: string | null = null;
  let runners: RungRunners[] = [];
  const rungStarts = new Map<string, number>();
  try {
    await applyScriptConfigMap(deps.load, configMap, script);
    log(`ConfigMap ${configMap.namespace}/${configMap.name}: holds ${script.file}`);

    const probe = await runConnectivityProbe(deps, outboundUrls, signal);
    notes.push(...probe.notes);
    if (!probe.passed) {
      failure = `connectivity probe failed: ${probe.problems.join(' ')}`;
      log(failure);
    } else {
      const runner = new K6OperatorRunner(deps.load, {
        namespace: K6_RUN_NAMESPACE,
        testId: params.runId,
        load: cfg.load,
        script: { configMap: configMap.name, file: script.file },
        prometheusRemoteWriteUrl: remoteWriteUrl,
        env: {
          [LADDER_ENV.outboundUrls]: JSON.stringify(outboundUrls),
          [LADDER_ENV.fleet]: fleetEnv(cfg),
        },
        perRunnerRate: params.perRunnerRate,
        maxRunners,
        slackSeconds: params.rungSlackSeconds,
        clock,
        log,
        ...(params.pollMs === undefined ? {} : { pollMs: params.pollMs }),
      });
      ladder = await runLadder(cfg, {
        runner,
        prom: deps.prom,
        clock,
        testId: params.runId,
        signal,
        logger: {
          info(line, event) {
            if (event.kind === 'rung-start') rungStarts.set(event.rung.id, clock.now());
            log(line);
          },
        },
        ...(params.settleMs === undefined ? {} : { settleMs: params.settleMs }),
      });
      if (ladder.aborted) failure = 'the ladder was aborted (the job was cancelled)';
      runners = ladder.rungs.map((e, position) => ({
        rung: position + 1,
        rate: e.rung.rate,
        runners: e.runners.map((r) => ({ id: r.id, exitCode: r.exitCode, summary: r.summary ?? null })),
      }));
      await writeArtifact(params.resultsDir, RUNNER_SUMMARIES_FILE, runners);
      artifacts.push({
        name: RUNNER_SUMMARIES_FILE,
        description:
          "Each runner's exit code and k6 end-of-test summary per rung: the cross-check of the PromQL figures",
      });
    }
  } finally {
    await deleteScriptConfigMap(deps.load, configMap).then(
      () => log(`ConfigMap ${configMap.namespace}/${configMap.name}: deleted`),
      (error: unknown) => log(`warning: ${message(error)}`),
    );
  }

  const results = buildCloudResults({
    runId: params.runId,
    trigger: params.trigger,
    config: cfg,
    startedAt,
    finishedAt: clock.now(),
    ladder,
    rungStarts,
    notes,
    artifacts,
    security: params.security,
  });
  const resultsPath = await writeRunResults(params.resultsDir, results);
  log(`results: ${resultsPath} — verdict ${results.verdict.outcome}: ${results.verdict.summary}`);
  return { resultsPath, results, failure, remoteWriteUrl, runners };
}

async function writeArtifact(dir: string, file: string, data: unknown): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, file), `${JSON.stringify(data, null, 2)}\n`);
}

interface ProbeVerdict {
  passed: boolean;
  problems: string[];
  notes: string[];
}

async function runConnectivityProbe(
  deps: CloudLadderDeps,
  outboundUrls: Record<string, string>,
  signal: AbortSignal,
): Promise<ProbeVerdict> {
  const targets: ProbeTarget[] = Object.entries(outboundUrls).map(([name, url]) => ({
    name,
    url,
    expectStatus: [...PROBE.expectStatus],
  }));
  deps.log(`connectivity probe: ${targets.length} DFSP outbound API(s) from the load node group`);
  let report: ProbeReport;
  try {
    report = await (deps.probe ?? runProbeJob)(deps.load, targets, {
      namespace: K6_RUN_NAMESPACE,
      attempts: PROBE.attempts,
      requestTimeoutMs: PROBE.requestTimeoutMs,
      deadlineMs: PROBE.deadlineMs,
      namePrefix: 'mlperf-ladder-probe',
      nodeSelector: { ...LOAD_NODE_SELECTOR },
      tolerations: LOAD_TOLERATIONS.map((t) => ({ ...t })),
      clock: deps.clock,
      signal,
      log: deps.log,
    });
  } catch (error) {
    const problem = `the connectivity probe could not run: ${deps.load.describe(error)}`;
    return {
      passed: false,
      problems: [problem],
      notes: [`Connectivity probe failed, so no rung ran: ${problem}.`],
    };
  }
  for (const r of report.results) deps.log(`probe ${formatProbeResult(r)}`);
  const verdict = judgeProbe(report);
  const lines = report.results.map(formatProbeResult).join('; ');
  const notes = verdict.passed
    ? [`Connectivity probe from the load node group passed (median ≤ ${PROBE.maxMedianMs} ms): ${lines}.`]
    : [
        `Connectivity probe from the load node group to the DFSPs' SDK outbound APIs failed, so no rung ran: ${verdict.problems.join(' ')}${lines ? ` Results: ${lines}.` : ''}`,
      ];
  return { ...verdict, notes };
}
