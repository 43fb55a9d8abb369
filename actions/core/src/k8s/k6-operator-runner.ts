/**
 * One rung on the load cluster through k6-operator, and the ladder engine's {@link RungRunner} on
 * top of it.
 *
 * `runRung` creates the rung's TestRun, waits (with a deadline — a restarted runner never gets the
 * start signal and the run hangs, REFERENCE §6) for `status.stage` `finished` or `error`, then reads
 * EVERY runner's exit code from its pod and its end-of-test summary from its log, and only then
 * deletes the TestRun. `finished` says nothing about the runners (REFERENCE §6 pitfall), so the exit
 * codes decide: the engine's `checkRunners` makes the rung INVALID for any code other than 0 or 99,
 * an unknown code (`exitCode: null`: never started, still running, unreadable) or a missing runner.
 * At the deadline everything created is deleted and the result carries a diagnosis naming each
 * runner pod that is not done, its container states and last events.
 */
import type { V1Job, V1Pod } from '@kubernetes/client-node';
import { type Clock, formatDuration, systemClock } from '../aws/clock.js';
import type { LoadSettings } from '../config/index.js';
import type { RungRun, RungRunner } from '../ladder/engine.js';
import type { RungPlan, RunnerExit } from '../ladder/types.js';
import { isKubeNotFound, type KubeApi } from './client.js';
import { diagnosePod, formatPodDiagnosis, mainReason } from './diagnose.js';
import {
  buildTestRun,
  K6_CONTAINER,
  K6_CR_LABEL,
  K6_GROUP,
  K6_RUNNER_LABEL,
  K6_VERSION,
  parseSummary,
  runnersForRate,
  TESTRUN_PLURAL,
  type TestRunManifest,
  type TestRunParams,
} from './testrun.js';

export interface RunRungOptions {
  clock?: Clock;
  /** Poll interval, ms. Default 5 000. */
  pollMs?: number;
  signal?: AbortSignal;
  /** Progress lines (stage changes). Never receives secrets. */
  log?: (line: string) => void;
}

export interface RunnerFact extends RunnerExit {
  /** Job name `<TestRun>-<i>`. */
  id: string;
  pod: string | null;
  /** Why `exitCode` is not 0, in words; `null` when it is 0. */
  problem: string | null;
}

export type RungRunResult =
  | {
      status: 'completed';
      testRun: string;
      /** The final stage: `finished` or `error`. */
      stage: string;
      run: RungRun & { runners: RunnerFact[] };
      /** One sentence per runner that did not exit 0 (99 included), and a stage `error`. */
      problems: string[];
    }
  | {
      status: 'deadline';
      testRun: string;
      stage: string | null;
      run: RungRun & { runners: RunnerFact[] };
      /** Markdown: the stage reached, then each runner pod that is not done with its reasons and events. */
      diagnosis: string;
    };

interface TestRunObject {
  status?: { stage?: string };
}

export class RungAbortedError extends Error {
  constructor(testRun: string) {
    super(`aborted; TestRun ${testRun} deleted`);
    this.name = 'RungAbortedError';
  }
}

const FINAL_STAGES: ReadonlySet<string> = new Set(['finished', 'error']);
const RUNNING_STAGES: ReadonlySet<string> = new Set(['started', 'stopped', 'finished']);

function customRef(namespace: string, name: string) {
  return { group: K6_GROUP, version: K6_VERSION, namespace, plural: TESTRUN_PLURAL, name };
}

async function getStage(api: KubeApi, namespace: string, name: string): Promise<string | null> {
  const object = (await api.custom.getNamespacedCustomObject(customRef(namespace, name))) as TestRunObject;
  return object.status?.stage ?? null;
}

/** Delete the TestRun; k6-operator's Jobs and pods follow by owner reference. 404 is fine. */
export async function deleteTestRun(api: KubeApi, namespace: string, name: string): Promise<void> {
  try {
    await api.custom.deleteNamespacedCustomObject({
      ...customRef(namespace, name),
      propagationPolicy: 'Background',
    });
  } catch (error) {
    if (!isKubeNotFound(error))
      throw new Error(`deleting TestRun ${namespace}/${name}: ${api.describe(error)}`);
  }
}

const time = (value: Date | string | undefined | null): number | null => {
  if (value === undefined || value === null) return null;
  const ms = (value instanceof Date ? value : new Date(value)).getTime();
  return Number.isNaN(ms) ? null : ms;
};

const created = (pod: V1Pod): number => time(pod.metadata?.creationTimestamp) ?? 0;

function k6Status(pod: V1Pod) {
  const statuses = pod.status?.containerStatuses ?? [];
  return statuses.find((s) => s.name === K6_CONTAINER) ?? statuses[0];
}

interface Collected {
  runners: RunnerFact[];
  pods: Map<string, V1Pod>;
  earliestStart: number | null;
  latestEnd: number | null;
}

/** Every runner's exit code, pod and summary, read from the Jobs and pods of the TestRun. */
async function collectRunners(
  api: KubeApi,
  namespace: string,
  testRun: string,
  parallelism: number,
  readLogs: boolean,
): Promise<Collected> {
  const selector = `${K6_CR_LABEL}=${testRun},${K6_RUNNER_LABEL}=true`;
  const [podList, jobList] = await Promise.all([
    api.core.listNamespacedPod({ namespace, labelSelector: selector }),
    api.batch
      .listNamespacedJob({ namespace, labelSelector: selector })
      .catch(() => ({ items: [] as V1Job[] })),
  ]);
  const pods = podList.items ?? [];
  const jobs = new Map((jobList.items ?? []).map((job) => [job.metadata?.name ?? '', job]));
  const result: Collected = { runners: [], pods: new Map(), earliestStart: null, latestEnd: null };
  for (let i = 1; i <= parallelism; i += 1) {
    const id = `${testRun}-${i}`;
    const mine = pods
      .filter(
        (p) =>
          (p.metadata?.labels?.['job-name'] ?? '') === id || (p.metadata?.name ?? '').startsWith(`${id}-`),
      )
      .sort((a, b) => created(b) - created(a));
    const pod = mine[0];
    if (pod === undefined) {
      const job = jobs.get(id);
      const failed = job?.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
      const problem = job
        ? `job ${id} has no pod${failed ? ` (job failed: ${[failed.reason, failed.message].filter(Boolean).join(': ')})` : ''}`
        : `runner ${id} is missing: no job and no pod`;
      result.runners.push({ id, exitCode: null, pod: null, problem });
      continue;
    }
    const podName = pod.metadata?.name ?? id;
    result.pods.set(id, pod);
    const status = k6Status(pod);
    const terminated = status?.state?.terminated;
    if (terminated === undefined) {
      const waiting = status?.state?.waiting;
      const state = waiting
        ? `waiting ${waiting.reason ?? ''}`.trimEnd()
        : status?.state?.running
          ? 'still running'
          : `${pod.status?.phase ?? 'Unknown'}`;
      result.runners.push({
        id,
        exitCode: null,
        pod: podName,
        problem: `pod ${podName} never finished: ${state}`,
      });
      continue;
    }
    const start = time(terminated.startedAt);
    const end = time(terminated.finishedAt);
    if (start !== null) result.earliestStart = Math.min(result.earliestStart ?? start, start);
    if (end !== null) result.latestEnd = Math.max(result.latestEnd ?? end, end);
    const fact: RunnerFact = {
      id,
      exitCode: terminated.exitCode,
      pod: podName,
      problem:
        terminated.exitCode === 0
          ? null
          : `pod ${podName} exited ${terminated.exitCode}${terminated.reason ? ` (${terminated.reason})` : ''}`,
    };
    if (readLogs) {
      try {
        const log = await api.core.readNamespacedPodLog({
          namespace,
          name: podName,
          container: status?.name ?? K6_CONTAINER,
        });
        const summary = parseSummary(typeof log === 'string' ? log : String(log));
        if (summary !== undefined) fact.summary = summary;
      } catch {
        // The summary is a cross-check; its absence is not a runner failure.
      }
    }
    result.runners.push(fact);
  }
  return result;
}

/** Run one rung's TestRun to its end or `deadline` (epoch ms); see the module comment. */
export async function runRung(
  api: KubeApi,
  params: TestRunParams,
  deadline: number,
  options: RunRungOptions = {},
): Promise<RungRunResult> {
  const clock = options.clock ?? systemClock;
  const pollMs = options.pollMs ?? 5_000;
  const log = options.log ?? (() => {});
  const manifest: TestRunManifest = buildTestRun(params);
  const { namespace, name } = manifest.metadata;
  const began = clock.now();
  try {
    await api.custom.createNamespacedCustomObject({
      group: K6_GROUP,
      version: K6_VERSION,
      namespace,
      plural: TESTRUN_PLURAL,
      body: manifest,
    });
  } catch (error) {
    throw new Error(`creating TestRun ${namespace}/${name}: ${api.describe(error)}`);
  }
  log(
    `TestRun ${namespace}/${name}: created, ${manifest.spec.parallelism} runner(s) at ${params.rung.rate}/s total`,
  );

  let stage: string | null = null;
  let startedAt: number | null = null;
  let gone = false;
  try {
    for (;;) {
      if (options.signal?.aborted) throw new RungAbortedError(name);
      let next: string | null;
      try {
        next = await getStage(api, namespace, name);
      } catch (error) {
        if (!isKubeNotFound(error))
          throw new Error(`reading TestRun ${namespace}/${name}: ${api.describe(error)}`);
        gone = true;
        break;
      }
      if (next !== stage) {
        log(`TestRun ${namespace}/${name}: stage ${next ?? '(none)'}`);
        stage = next;
      }
      if (startedAt === null && stage !== null && RUNNING_STAGES.has(stage)) startedAt = clock.now();
      if (stage !== null && FINAL_STAGES.has(stage)) break;
      const left = deadline - clock.now();
      if (left <= 0) {
        return await deadlineResult(api, manifest, stage, began, clock);
      }
      await clock.sleep(Math.min(pollMs, left));
    }
  } catch (error) {
    await deleteTestRun(api, namespace, name).catch(() => {});
    throw error;
  }

  const collected = await collectRunners(api, namespace, name, manifest.spec.parallelism, true).catch(
    async (error: unknown) => {
      await deleteTestRun(api, namespace, name).catch(() => {});
      throw new Error(`reading the runners of TestRun ${namespace}/${name}: ${api.describe(error)}`);
    },
  );
  await deleteTestRun(api, namespace, name);
  const problems = collected.runners.flatMap((r) =>
    r.problem === null ? [] : [`runner ${r.id}: ${r.problem}`],
  );
  if (gone) problems.unshift(`TestRun ${namespace}/${name} disappeared before it finished`);
  if (stage === 'error') problems.unshift(`TestRun ${namespace}/${name} ended in stage error`);
  const endedAt = collected.latestEnd ?? clock.now();
  return {
    status: 'completed',
    testRun: name,
    stage: gone ? 'deleted' : (stage ?? 'unknown'),
    run: {
      runners: collected.runners,
      startedAt: startedAt ?? collected.earliestStart ?? endedAt,
      endedAt,
    },
    problems,
  };
}

async function deadlineResult(
  api: KubeApi,
  manifest: TestRunManifest,
  stage: string | null,
  began: number,
  clock: Clock,
): Promise<RungRunResult> {
  const { namespace, name } = manifest.metadata;
  const lines = [
    `TestRun ${namespace}/${name} did not finish within ${formatDuration(clock.now() - began)} (stage ${stage ?? 'none'}); deleted it.`,
  ];
  let runners: RunnerFact[] = [];
  try {
    const collected = await collectRunners(api, namespace, name, manifest.spec.parallelism, false);
    runners = collected.runners;
    for (const runner of runners) {
      const pod = collected.pods.get(runner.id);
      if (runner.exitCode === 0) continue;
      if (pod === undefined) {
        lines.push(`- runner ${runner.id}: ${runner.problem ?? 'missing'}`);
        continue;
      }
      const diagnosis = await diagnosePod(api, pod);
      const reason = diagnosis.phase === 'Running' ? 'running, no exit yet' : mainReason(diagnosis);
      lines.push(`- runner ${runner.id}: ${reason}`);
      lines.push(...formatPodDiagnosis(diagnosis, 2));
    }
    // Initializer and starter pods that are stuck explain a run that never got as far as runners.
    const helpers = await api.core.listNamespacedPod({ namespace, labelSelector: `${K6_CR_LABEL}=${name}` });
    for (const pod of helpers.items ?? []) {
      if (pod.metadata?.labels?.[K6_RUNNER_LABEL] === 'true') continue;
      if (pod.status?.phase === 'Succeeded') continue;
      const diagnosis = await diagnosePod(api, pod);
      lines.push(`- ${pod.metadata?.name ?? 'pod'}: ${mainReason(diagnosis)}`);
      lines.push(...formatPodDiagnosis(diagnosis, 2));
    }
  } catch (error) {
    lines.push(`- reading the runner pods failed: ${api.describe(error)}`);
  }
  await deleteTestRun(api, namespace, name).catch((error: unknown) => {
    lines[0] = lines[0]?.replace('deleted it.', `deleting it failed: ${api.describe(error)}`) ?? '';
  });
  const now = clock.now();
  return {
    status: 'deadline',
    testRun: name,
    stage,
    run: { runners, startedAt: now, endedAt: now },
    diagnosis: lines.join('\n'),
  };
}

/** Raised by {@link K6OperatorRunner.run} when a rung cannot yield runner facts. */
export class RungRunError extends Error {
  constructor(
    message: string,
    readonly result: RungRunResult,
  ) {
    super(message);
    this.name = 'RungRunError';
  }
}

export interface K6OperatorRunnerSettings
  extends Omit<TestRunParams, 'rung' | 'parallelism' | 'name' | 'load'> {
  load: LoadSettings;
  /**
   * Per-runner capacity, transfers/s. With it, parallelism is ⌈rate / perRunnerRate⌉ (and the rung
   * expects that many runners); without it, `load.runners`.
   */
  perRunnerRate?: number;
  /** Cap on runners (the load node group's size; `separate: true` puts one runner per node). */
  maxRunners?: number;
  /** Time allowed beyond the rung's own length for scheduling, init and collection. Default 600 s. */
  slackSeconds?: number;
  clock?: Clock;
  pollMs?: number;
  log?: (line: string) => void;
}

/**
 * The ladder engine's runner on k6-operator. A rung past its deadline, or a TestRun in stage `error`
 * with no runner exit to judge, throws {@link RungRunError} with the diagnosis — the engine turns it
 * into an INVALID rung with that text as the reason.
 */
export class K6OperatorRunner implements RungRunner {
  constructor(
    private readonly api: KubeApi,
    private readonly settings: K6OperatorRunnerSettings,
  ) {}

  parallelismFor(rate: number): number {
    const { perRunnerRate, maxRunners, load } = this.settings;
    return perRunnerRate === undefined ? load.runners : runnersForRate(rate, perRunnerRate, maxRunners);
  }

  async run(rung: RungPlan, signal: AbortSignal): Promise<RungRun> {
    const {
      clock = systemClock,
      slackSeconds = 600,
      perRunnerRate: _p,
      maxRunners: _m,
      pollMs,
      log,
      ...rest
    } = this.settings;
    const deadline = clock.now() + (rung.totalSeconds + slackSeconds) * 1000;
    const parallelism = this.parallelismFor(rung.rate);
    const result = await runRung(this.api, { ...rest, rung, parallelism }, deadline, {
      clock,
      signal,
      ...(pollMs === undefined ? {} : { pollMs }),
      ...(log === undefined ? {} : { log }),
    });
    if (result.status === 'deadline') throw new RungRunError(result.diagnosis, result);
    if (result.stage === 'error' && result.run.runners.every((r) => r.exitCode === null)) {
      throw new RungRunError(result.problems.join('; '), result);
    }
    const runners: RunnerExit[] = result.run.runners.map(({ id, exitCode, summary }) =>
      summary === undefined ? { id, exitCode } : { id, exitCode, summary },
    );
    return {
      runners,
      startedAt: result.run.startedAt,
      endedAt: result.run.endedAt,
      expectedRunners: parallelism,
    };
  }
}
