/**
 * Running a short batch/v1 Job to its end and reading its log: create, poll with a deadline, read the
 * log of the pod that tells the story, diagnose when it did not complete, and delete the Job
 * (background propagation) on every path — success, failure, deadline, error, abort. The HTTP probe
 * (probe.ts) and the in-cluster verify-security Job (mojaloop/security-job.ts) both run through it;
 * each parses the log its own way.
 *
 * RBAC: batch/jobs create, get, delete; pods list; pods/log get; events list (diagnosis only).
 */
import type { V1Job, V1Pod } from '@kubernetes/client-node';
import { type Clock, formatDuration } from '../aws/clock.js';
import { isKubeNotFound, type KubeApi } from './client.js';
import { diagnosePod, formatPodDiagnosis, lastEvents } from './diagnose.js';

export interface JobRunOptions {
  /** How messages name the Job, e.g. `probe` → "probe Job mojaloop/x: created". */
  what: string;
  /** Label on the pod whose value is the Job's name: how the pod is found. */
  podLabel: string;
  /** The container whose log is read. */
  container: string;
  /** Whole run, ms (create → log read). */
  deadlineMs: number;
  clock: Clock;
  pollMs: number;
  signal?: AbortSignal;
  /** Progress lines. Never receives secrets. */
  log: (line: string) => void;
  /** The TTL the Job carries, for the message when deleting it fails. */
  ttlSeconds: number;
}

export interface JobRunOutcome {
  job: string;
  /** The Job succeeded. */
  completed: boolean;
  /** The container's log; null when it could not be read (see `logProblem`). */
  log: string | null;
  logProblem: string | null;
  /** Markdown diagnosis when the Job did not complete (pod states, events). */
  diagnosis: string | null;
  /** Why deleting the Job failed (its TTL removes it later); absent when it was deleted. */
  deleteError?: string;
}

export class JobAbortedError extends Error {
  constructor(what: string, ref: string, created: boolean) {
    super(created ? `${what} aborted; Job ${ref} deleted` : `${what} aborted before Job ${ref} was created`);
    this.name = 'JobAbortedError';
  }
}

type JobEnd =
  | { state: 'succeeded' | 'failed'; job: V1Job }
  | { state: 'deadline'; job: V1Job | null; readError: string | null }
  | { state: 'gone' };

function jobState(job: V1Job): 'succeeded' | 'failed' | null {
  const conditions = job.status?.conditions ?? [];
  const is = (type: string) => conditions.some((c) => c.type === type && c.status === 'True');
  if (is('Failed') || (job.status?.failed ?? 0) > 0) return 'failed';
  if (is('Complete') || (job.status?.succeeded ?? 0) > 0) return 'succeeded';
  return null;
}

/** Sleep `ms` on the clock, or less when the signal aborts. */
async function pause(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return clock.sleep(ms);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve;
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([clock.sleep(ms), aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

const time = (value: Date | string | undefined): number => {
  if (value === undefined) return 0;
  const ms = (value instanceof Date ? value : new Date(value)).getTime();
  return Number.isNaN(ms) ? 0 : ms;
};

/** The pod whose log tells the story: one whose container ended, else the newest. */
function pickPod(pods: V1Pod[], container: string): V1Pod | undefined {
  const ended = (p: V1Pod) =>
    (p.status?.containerStatuses ?? []).some((s) => s.name === container && s.state?.terminated);
  const byAge = [...pods].sort(
    (a, b) => time(b.metadata?.creationTimestamp) - time(a.metadata?.creationTimestamp),
  );
  return byAge.find(ended) ?? byAge[0];
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Creates `job` (its namespace and name from its metadata), waits for its end or the deadline, reads
 * the log and deletes the Job. An aborted signal throws {@link JobAbortedError}; a failed create
 * throws (nothing of ours to delete).
 */
export async function runJobToEnd(api: KubeApi, job: V1Job, options: JobRunOptions): Promise<JobRunOutcome> {
  const { clock, signal, what } = options;
  const namespace = job.metadata?.namespace ?? '';
  const name = job.metadata?.name ?? '';
  const ref = `${namespace}/${name}`;
  if (signal?.aborted) throw new JobAbortedError(what, ref, false);

  const began = clock.now();
  const deadline = began + options.deadlineMs;
  try {
    await api.batch.createNamespacedJob({ namespace, body: job });
  } catch (error) {
    // Not created (a 409 would be someone else's Job): nothing of ours to delete.
    throw new Error(`creating ${what} Job ${ref} on the ${api.cluster} cluster: ${api.describe(error)}`);
  }
  options.log(`${what} Job ${ref}: created`);

  let outcome: JobRunOutcome | undefined;
  try {
    const end = await waitForJob(api, namespace, name, deadline, options);
    options.log(`${what} Job ${ref}: ${end.state}`);
    const read = await readLog(api, namespace, name, options);
    const completed = end.state === 'succeeded';
    outcome = {
      job: name,
      completed,
      log: read.log,
      logProblem: read.problem,
      diagnosis: completed
        ? null
        : await diagnoseJob(api, namespace, name, end, clock.now() - began, read.problem, options),
    };
    return outcome;
  } finally {
    try {
      await api.batch.deleteNamespacedJob({ namespace, name, propagationPolicy: 'Background' });
      options.log(`${what} Job ${ref}: deleted`);
    } catch (error) {
      if (!isKubeNotFound(error)) {
        const message = `deleting ${what} Job ${ref}: ${api.describe(error)} (its TTL of ${options.ttlSeconds} s removes it)`;
        options.log(message);
        if (outcome !== undefined) outcome.deleteError = message;
      }
    }
  }
}

async function waitForJob(
  api: KubeApi,
  namespace: string,
  name: string,
  deadline: number,
  options: JobRunOptions,
): Promise<JobEnd> {
  const { clock, signal } = options;
  let last: V1Job | null = null;
  let readError: string | null = null;
  for (;;) {
    if (signal?.aborted) throw new JobAbortedError(options.what, `${namespace}/${name}`, true);
    try {
      last = await api.batch.readNamespacedJob({ namespace, name });
      readError = null;
      const state = jobState(last);
      if (state !== null) return { state, job: last };
    } catch (error) {
      if (isKubeNotFound(error)) return { state: 'gone' };
      // A blip of the API server is not the Job's fault: keep polling until the deadline.
      readError = api.describe(error);
    }
    const left = deadline - clock.now();
    if (left <= 0) return { state: 'deadline', job: last, readError };
    await pause(clock, Math.min(options.pollMs, left), signal);
  }
}

async function readLog(
  api: KubeApi,
  namespace: string,
  name: string,
  options: JobRunOptions,
): Promise<{ log: string | null; problem: string | null }> {
  let pod: V1Pod | undefined;
  try {
    const pods = await api.core.listNamespacedPod({
      namespace,
      labelSelector: `${options.podLabel}=${name}`,
    });
    pod = pickPod(pods.items ?? [], options.container);
  } catch (error) {
    return { log: null, problem: `listing the ${options.what} pods failed: ${api.describe(error)}` };
  }
  if (pod === undefined) return { log: null, problem: `no ${options.what} pod was created` };
  const podName = pod.metadata?.name ?? '';
  try {
    const log = await api.core.readNamespacedPodLog({
      namespace,
      name: podName,
      container: options.container,
    });
    return { log: typeof log === 'string' ? log : String(log), problem: null };
  } catch (error) {
    return { log: null, problem: `reading the log of pod ${podName} failed: ${api.describe(error)}` };
  }
}

async function diagnoseJob(
  api: KubeApi,
  namespace: string,
  name: string,
  end: JobEnd,
  elapsedMs: number,
  logProblem: string | null,
  options: JobRunOptions,
): Promise<string> {
  const ref = `${namespace}/${name}`;
  const title = `${capitalize(options.what)} Job ${ref}`;
  const lines: string[] = [];
  if (end.state === 'gone') lines.push(`${title} disappeared before it ended (deleted by someone else?).`);
  else if (end.state === 'deadline')
    lines.push(`${title} did not finish within ${formatDuration(elapsedMs)}; deleted it.`);
  else {
    const failed = end.job.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
    const why = [failed?.reason, failed?.message].filter(Boolean).join(': ');
    lines.push(`${title} failed${why ? ` (${why})` : ''}.`);
  }
  if (end.state === 'deadline' && end.readError !== null)
    lines.push(`- reading the Job failed: ${end.readError}`);
  if (logProblem !== null) lines.push(`- ${logProblem}`);
  try {
    const pods = (
      await api.core.listNamespacedPod({ namespace, labelSelector: `${options.podLabel}=${name}` })
    ).items;
    for (const pod of pods ?? []) lines.push(...formatPodDiagnosis(await diagnosePod(api, pod)));
  } catch (error) {
    lines.push(`- listing the ${options.what} pods failed: ${api.describe(error)}`);
  }
  // Why a pod was never made (quota, admission, bad spec) is told on the Job's events.
  const events = await lastEvents(api, namespace, 'Job', name);
  for (const e of events) lines.push(`- Job event ${e.type} ${e.reason}: ${e.message}`);
  return lines.join('\n');
}
