/**
 * An in-cluster HTTP probe: a short-lived batch/v1 Job whose one container calls a list of URLs a
 * few times each with curl and prints one machine-readable line per request. It serves the hub's
 * health-latency check (run on the hub cluster) and the load → hub connectivity check (run on the
 * load cluster) from the same code.
 *
 * The container runs a fixed POSIX `sh` script; the URLs reach it as arguments (`"$@"`) and the
 * counts as environment variables, so nothing a caller passes is ever parsed by the shell. Targets
 * are validated before any API call. Log format (stdout, one line each):
 *
 *   MLPERF_PROBE_START {"attempts":10,"targets":2}
 *   MLPERF_PROBE {"i":0,"target":1,"code":"200","seconds":"0.012345","exit":0}
 *
 * `code` is curl's `%{http_code}` (`000` when no response), `seconds` its `%{time_total}`, `exit`
 * curl's exit code (0 = a response arrived). curl's own error text goes to stderr, which the pod
 * log keeps for humans; the parser ignores it.
 *
 * RBAC on the target cluster: batch/jobs create, get, delete; pods list; pods/log get; events list
 * (diagnosis only).
 */
import { randomBytes } from 'node:crypto';
import type { V1Job, V1Toleration } from '@kubernetes/client-node';
import { type Clock, systemClock } from '../aws/clock.js';
import type { KubeApi } from './client.js';
import { JobAbortedError, type JobRunOutcome, runJobToEnd } from './job-run.js';
import { oneShotJob } from './pod-security.js';

export interface ProbeTarget {
  name: string;
  url: string;
  /** Accepted HTTP statuses; default 200–399. */
  expectStatus?: number[];
}

export interface ProbeToleration {
  key: string;
  operator: 'Equal' | 'Exists';
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface ProbeOptions {
  namespace: string;
  /** Requests per target, sequential. */
  attempts: number;
  /** Per-request timeout, ms. */
  requestTimeoutMs: number;
  /** Whole-job deadline, ms (create → logs read). */
  deadlineMs: number;
  /** Job name prefix; a short random/clock suffix is added. */
  namePrefix?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: ProbeToleration[];
  /** Container image; default {@link PROBE_IMAGE}. It must have `/bin/sh` and `curl`. */
  image?: string;
  clock?: Clock;
  /** Poll interval while the Job runs, ms. Default {@link DEFAULT_PROBE_POLL_MS}. */
  pollMs?: number;
  signal?: AbortSignal;
  /** Progress lines. Never receives secrets. */
  log?: (line: string) => void;
}

export interface ProbeTargetResult {
  name: string;
  url: string;
  /** Requests whose line is in the log (never more than were asked for). */
  attempts: number;
  /** Of those, requests that got a response with an accepted status. */
  ok: number;
  /** Latency over the `ok` requests, ms; `null` when none was ok. */
  medianMs: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  /** Statuses seen, e.g. { "200": 9, "503": 1, "error": 0 }; `error` = no HTTP response. */
  statuses: Record<string, number>;
  lastError: string | null;
  /** Requests asked for, when known (from the log's start line or the options). */
  requested?: number;
}

export interface ProbeReport {
  job: string;
  completed: boolean;
  results: ProbeTargetResult[];
  /** Markdown diagnosis when the job did not complete (pod states, events). */
  diagnosis: string | null;
  /** Why deleting the Job failed (its TTL removes it later); absent when it was deleted. */
  deleteError?: string;
}

/**
 * curl from the curl project's own image (Alpine, busybox `sh`). Pinned by tag only: the digest
 * could not be read from a registry where this was written; pin `@sha256:` once it is verified.
 */
export const PROBE_IMAGE = 'curlimages/curl:8.11.1';
export const PROBE_CONTAINER = 'probe';
/** Label on the Job and its pod, value = Job name: how the pod is found without the controller's labels. */
export const PROBE_JOB_LABEL = 'mlperf.io/probe-job';
export const PROBE_APP = 'mlperf-probe';
export const PROBE_LINE = 'MLPERF_PROBE';
export const PROBE_START_LINE = 'MLPERF_PROBE_START';
export const DEFAULT_PROBE_PREFIX = 'mlperf-probe';
/** A probe is a few seconds of work; polling faster only loads the API server. */
export const DEFAULT_PROBE_POLL_MS = 2_000;
/** Safety net when the runner dies before its own delete: Kubernetes removes the Job after this. */
export const PROBE_TTL_AFTER_FINISHED_SECONDS = 600;
/** `nobody`: any curl image runs as it, and `runAsNonRoot` needs a numeric user. */
export const PROBE_RUN_AS_USER = 65534;
/** Bounds that keep one probe a short job and its log small. */
export const MAX_PROBE_ATTEMPTS = 1_000;
export const MAX_PROBE_TARGETS = 50;
const MAX_URL_LENGTH = 2_048;
/** Room in a 63-character name for `-` and the suffix. */
const MAX_PREFIX_LENGTH = 52;
const DEFAULT_EXPECT_MIN = 200;
const DEFAULT_EXPECT_MAX = 399;

/** curl is tiny; no CPU limit, because throttling would add to the latency being measured. */
const PROBE_RESOURCES = {
  requests: { cpu: '10m', memory: '16Mi' },
  limits: { memory: '64Mi' },
};

/**
 * The container's script. Fixed text: URLs come in as "$@", counts as environment variables.
 * `-q` ignores any curlrc, `--globoff` keeps `[]{}` literal, `--proto` refuses anything but HTTP(S).
 */
export const PROBE_SCRIPT = [
  'set -u',
  `printf '${PROBE_START_LINE} {"attempts":%d,"targets":%d}\\n' "$MLPERF_PROBE_ATTEMPTS" "$#"`,
  'n=0',
  'while [ "$n" -lt "$MLPERF_PROBE_ATTEMPTS" ]; do',
  '  t=0',
  '  for url in "$@"; do',
  `    out=$(curl -q -sS --globoff --proto '=http,https' -o /dev/null --max-time "$MLPERF_PROBE_MAX_TIME" -w '%{http_code} %{time_total}' "$url")`,
  '    rc=$?',
  `    printf '${PROBE_LINE} {"i":%d,"target":%d,"code":"%s","seconds":"%s","exit":%d}\\n' "$n" "$t" "\${out%% *}" "\${out#* }" "$rc"`,
  '    t=$((t + 1))',
  '  done',
  '  n=$((n + 1))',
  'done',
].join('\n');

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** No whitespace, quotes, backslash or characters that are never literal in a URL. */
const URL_CHARS = /^https?:\/\/[^\s'"`\\<>{}|^]+$/;

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

function fail(field: string, value: unknown, allowed: string): never {
  throw new Error(`probe ${field}: ${show(value)} is not allowed; expected ${allowed}`);
}

function checkLabel(field: string, value: unknown, max: number): void {
  if (typeof value !== 'string' || value.length > max || !DNS_LABEL.test(value)) {
    fail(
      field,
      value,
      `lowercase letters, digits and '-', starting and ending alphanumeric, at most ${max} characters`,
    );
  }
}

function checkTarget(target: ProbeTarget, index: number): void {
  const at = `targets[${index}]`;
  checkLabel(`${at}.name`, target.name, 63);
  const url = target.url;
  const allowed = `an http:// or https:// URL of at most ${MAX_URL_LENGTH} characters, with a host, no credentials, no whitespace, quotes or backslashes`;
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH || !URL_CHARS.test(url))
    fail(`${at}.url`, url, allowed);
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (parsed === null) fail(`${at}.url`, url, allowed);
  if (!['http:', 'https:'].includes(parsed.protocol) || parsed.hostname === '')
    fail(`${at}.url`, url, allowed);
  // Credentials in a URL would be printed in the Job spec and in messages.
  if (parsed.username !== '' || parsed.password !== '')
    fail(`${at}.url`, '(a URL with credentials)', allowed);
  if (target.expectStatus !== undefined) {
    const statuses = target.expectStatus;
    if (
      !Array.isArray(statuses) ||
      statuses.length === 0 ||
      statuses.some((s) => !Number.isInteger(s) || s < 100 || s > 599)
    ) {
      fail(`${at}.expectStatus`, statuses, 'a non-empty list of HTTP statuses, integers 100–599');
    }
  }
}

function checkOptions(options: ProbeOptions): void {
  checkLabel('namespace', options.namespace, 63);
  if (!Number.isInteger(options.attempts) || options.attempts < 1 || options.attempts > MAX_PROBE_ATTEMPTS) {
    fail('attempts', options.attempts, `an integer from 1 to ${MAX_PROBE_ATTEMPTS}`);
  }
  if (!Number.isFinite(options.deadlineMs) || options.deadlineMs < 1_000) {
    fail('deadlineMs', options.deadlineMs, 'a number of milliseconds, at least 1000');
  }
  if (
    !Number.isFinite(options.requestTimeoutMs) ||
    options.requestTimeoutMs < 1 ||
    options.requestTimeoutMs > options.deadlineMs
  ) {
    fail(
      'requestTimeoutMs',
      options.requestTimeoutMs,
      `milliseconds from 1 to deadlineMs (${options.deadlineMs})`,
    );
  }
  if (options.pollMs !== undefined && (!Number.isFinite(options.pollMs) || options.pollMs <= 0)) {
    fail('pollMs', options.pollMs, 'a positive number of milliseconds');
  }
  if (options.image !== undefined && (options.image === '' || /\s/.test(options.image))) {
    fail('image', options.image, 'an image reference without whitespace');
  }
  (options.tolerations ?? []).forEach((t, i) => {
    if (t.operator === 'Exists' && t.value !== undefined) {
      fail(`tolerations[${i}].value`, t.value, 'no value with operator Exists');
    }
  });
}

function checkTargets(targets: ProbeTarget[]): void {
  if (!Array.isArray(targets) || targets.length === 0 || targets.length > MAX_PROBE_TARGETS) {
    fail(
      'targets',
      Array.isArray(targets) ? `${targets.length} targets` : targets,
      `1 to ${MAX_PROBE_TARGETS} targets`,
    );
  }
  targets.forEach(checkTarget);
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    if (seen.has(t.name)) fail(`targets[${i}].name`, t.name, 'a name no other target has');
    seen.add(t.name);
  });
}

/** A fresh Job name: the prefix, then clock and random characters (a re-run never collides). */
export function probeJobName(prefix: string, clock: Clock = systemClock): string {
  checkLabel('namePrefix', prefix, MAX_PREFIX_LENGTH);
  const time = clock.now().toString(36).slice(-6);
  const random = randomBytes(3).toString('hex').slice(0, 4);
  return `${prefix}-${time}${random}`;
}

/** seconds (curl's `--max-time` takes decimals) */
const seconds = (ms: number): string => String(Math.round(ms) / 1000);

/** The probe Job; pure. Throws naming the field, value and allowed form for any bad input. */
export function buildProbeJob(name: string, targets: ProbeTarget[], options: ProbeOptions): V1Job {
  checkLabel('job name', name, 63);
  checkOptions(options);
  checkTargets(targets);
  const labels = { 'app.kubernetes.io/name': PROBE_APP, [PROBE_JOB_LABEL]: name };
  const tolerations: V1Toleration[] | undefined = options.tolerations?.map((t) => ({ ...t }));
  return oneShotJob({
    name,
    namespace: options.namespace,
    labels,
    deadlineMs: options.deadlineMs,
    ttlSeconds: PROBE_TTL_AFTER_FINISHED_SECONDS,
    runAsUser: PROBE_RUN_AS_USER,
    container: {
      name: PROBE_CONTAINER,
      image: options.image ?? PROBE_IMAGE,
      command: ['/bin/sh', '-c', PROBE_SCRIPT, PROBE_APP, ...targets.map((t) => t.url)],
      env: [
        { name: 'MLPERF_PROBE_ATTEMPTS', value: String(options.attempts) },
        { name: 'MLPERF_PROBE_MAX_TIME', value: seconds(options.requestTimeoutMs) },
      ],
      resources: PROBE_RESOURCES,
    },
    pod: {
      ...(options.nodeSelector === undefined ? {} : { nodeSelector: { ...options.nodeSelector } }),
      ...(tolerations === undefined ? {} : { tolerations }),
    },
  });
}

// ------------------------------------------------------------------ parsing

/** curl exit codes a probe meets, in words. */
const CURL_ERRORS: Readonly<Record<number, string>> = {
  6: 'could not resolve host',
  7: 'could not connect',
  28: 'timed out',
  35: 'TLS handshake failed',
  52: 'empty reply from server',
  56: 'failure receiving data (connection reset?)',
  60: 'server certificate not trusted',
};

interface ProbeLine {
  i: number;
  target: number;
  code: string;
  seconds: string;
  exit: number;
}

function probeLine(text: string): ProbeLine | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const { i, target, code, seconds: s, exit } = v;
  if (!Number.isInteger(i) || !Number.isInteger(target) || !Number.isInteger(exit)) return null;
  if (typeof code !== 'string' || typeof s !== 'string') return null;
  return { i: i as number, target: target as number, code, seconds: s, exit: exit as number };
}

const accepted = (target: ProbeTarget, status: number): boolean =>
  target.expectStatus === undefined
    ? status >= DEFAULT_EXPECT_MIN && status <= DEFAULT_EXPECT_MAX
    : target.expectStatus.includes(status);

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return round3(value);
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return round3(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number);
}

function expectedText(target: ProbeTarget): string {
  return target.expectStatus === undefined
    ? `${DEFAULT_EXPECT_MIN}–${DEFAULT_EXPECT_MAX}`
    : target.expectStatus.join(', ');
}

/**
 * Per-target results from a probe log; pure. Only lines that are there count: a missing line is a
 * request that did not happen, a repeated `(i, target)` counts once, lines beyond the start line's
 * `attempts` or for an unknown target are ignored. Latency is over the accepted responses.
 */
export function parseProbeLog(log: string, targets: ProbeTarget[]): ProbeTargetResult[] {
  let requested: number | undefined;
  const seen = new Set<string>();
  const perTarget = targets.map(() => [] as ProbeLine[]);
  for (const raw of log.split('\n')) {
    const line = raw.trim();
    if (line.startsWith(`${PROBE_START_LINE} `)) {
      const start = probeStart(line.slice(PROBE_START_LINE.length + 1));
      if (start !== null && requested === undefined) requested = start;
      continue;
    }
    if (!line.startsWith(`${PROBE_LINE} `)) continue;
    const parsed = probeLine(line.slice(PROBE_LINE.length + 1));
    if (parsed === null || parsed.i < 0 || (requested !== undefined && parsed.i >= requested)) continue;
    const bucket = perTarget[parsed.target];
    const key = `${parsed.i}/${parsed.target}`;
    if (bucket === undefined || seen.has(key)) continue;
    seen.add(key);
    bucket.push(parsed);
  }
  return targets.map((target, index) => {
    const lines = (perTarget[index] ?? []).sort((a, b) => a.i - b.i);
    const statuses: Record<string, number> = { error: 0 };
    const latencies: number[] = [];
    let lastError: string | null = null;
    for (const line of lines) {
      const status = /^\d{3}$/.test(line.code) ? Number(line.code) : 0;
      const secs = /^\d+(\.\d+)?$/.test(line.seconds) ? Number(line.seconds) : Number.NaN;
      if (line.exit !== 0 || status === 0) {
        statuses.error = (statuses.error ?? 0) + 1;
        const why = CURL_ERRORS[line.exit];
        lastError =
          line.exit === 0
            ? `attempt ${line.i}: no HTTP status`
            : `attempt ${line.i}: curl exit ${line.exit}${why ? ` (${why})` : ''}`;
        continue;
      }
      statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
      if (!accepted(target, status)) {
        lastError = `attempt ${line.i}: HTTP ${status}, expected ${expectedText(target)}`;
        continue;
      }
      if (Number.isFinite(secs)) latencies.push(secs * 1000);
      else lastError = `attempt ${line.i}: unreadable time ${show(line.seconds)}`;
    }
    latencies.sort((a, b) => a - b);
    const result: ProbeTargetResult = {
      name: target.name,
      url: target.url,
      attempts: lines.length,
      ok: latencies.length,
      medianMs: median(latencies),
      p95Ms: percentile(latencies, 95),
      maxMs: latencies.length === 0 ? null : round3(latencies[latencies.length - 1] as number),
      statuses,
      lastError,
    };
    if (requested !== undefined) result.requested = requested;
    return result;
  });
}

function probeStart(text: string): number | null {
  try {
    const value = JSON.parse(text) as { attempts?: unknown };
    return Number.isInteger(value.attempts) && (value.attempts as number) >= 0
      ? (value.attempts as number)
      : null;
  } catch {
    return null;
  }
}

/**
 * Pass when every target answered every requested attempt with an accepted status and its median
 * is at most `maxMedianMs` (exactly at the bound passes). One sentence per failing target.
 */
export function judgeLatency(
  results: ProbeTargetResult[],
  maxMedianMs: number,
): { passed: boolean; problems: string[] } {
  const problems: string[] = [];
  if (results.length === 0) problems.push('no probe results at all');
  for (const r of results) {
    const requested = Math.max(r.requested ?? r.attempts, r.attempts);
    if (r.attempts === 0 || r.ok === 0) {
      problems.push(
        `${r.name} (${r.url}): no successful request in ${r.attempts} of ${requested} attempt(s)${r.lastError ? `; last error: ${r.lastError}` : ''}.`,
      );
      continue;
    }
    if (r.ok < requested) {
      const missing = requested - r.attempts;
      problems.push(
        `${r.name} (${r.url}): ${r.ok} of ${requested} attempt(s) ok${missing > 0 ? ` (${missing} missing from the log)` : ''}${r.lastError ? `; last error: ${r.lastError}` : ''}.`,
      );
      continue;
    }
    if (r.medianMs !== null && r.medianMs > maxMedianMs) {
      problems.push(`${r.name} (${r.url}): median ${r.medianMs} ms is over the ${maxMedianMs} ms bound.`);
    }
  }
  return { passed: problems.length === 0, problems };
}

// ------------------------------------------------------------------ running

export class ProbeAbortedError extends JobAbortedError {
  constructor(job: string, created: boolean) {
    super('probe', job, created);
    this.name = 'ProbeAbortedError';
  }
}

function emptyResults(targets: ProbeTarget[], attempts: number, why: string): ProbeTargetResult[] {
  return targets.map((t) => ({
    name: t.name,
    url: t.url,
    attempts: 0,
    ok: 0,
    medianMs: null,
    p95Ms: null,
    maxMs: null,
    statuses: { error: 0 },
    lastError: why,
    requested: attempts,
  }));
}

/**
 * Create the probe Job, wait for it to end (or the deadline), read its pod's log, parse it, and
 * delete the Job (background propagation) in every case — success, failure, deadline, error, abort.
 * Bad targets or options throw before any API call; an aborted signal throws {@link ProbeAbortedError}.
 */
export async function runProbeJob(
  api: KubeApi,
  targets: ProbeTarget[],
  options: ProbeOptions,
): Promise<ProbeReport> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});
  const { namespace, signal } = options;
  const name = probeJobName(options.namePrefix ?? DEFAULT_PROBE_PREFIX, clock);
  const body = buildProbeJob(name, targets, options);
  if (signal?.aborted) throw new ProbeAbortedError(`${namespace}/${name}`, false);
  log(`probe Job ${namespace}/${name}: ${targets.length} target(s) × ${options.attempts} request(s)`);
  let outcome: JobRunOutcome;
  try {
    outcome = await runJobToEnd(api, body, {
      what: 'probe',
      podLabel: PROBE_JOB_LABEL,
      container: PROBE_CONTAINER,
      deadlineMs: options.deadlineMs,
      clock,
      pollMs: options.pollMs ?? DEFAULT_PROBE_POLL_MS,
      ...(signal === undefined ? {} : { signal }),
      log,
      ttlSeconds: PROBE_TTL_AFTER_FINISHED_SECONDS,
    });
  } catch (error) {
    if (error instanceof JobAbortedError && !(error instanceof ProbeAbortedError)) {
      throw new ProbeAbortedError(`${namespace}/${name}`, true);
    }
    throw error;
  }
  const results =
    outcome.log === null
      ? emptyResults(targets, options.attempts, outcome.logProblem ?? 'no log')
      : parseProbeLog(outcome.log, targets).map((r) => ({
          ...r,
          requested: r.requested ?? options.attempts,
        }));
  return {
    job: outcome.job,
    completed: outcome.completed,
    results,
    diagnosis: outcome.diagnosis,
    ...(outcome.deleteError === undefined ? {} : { deleteError: outcome.deleteError }),
  };
}
