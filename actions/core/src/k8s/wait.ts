/**
 * Wait until every Deployment, StatefulSet and DaemonSet in some namespaces is ready, with a
 * deadline. On timeout: a diagnosis naming each unready workload, each of its unready pods with its
 * container states and last events, as Markdown for the job summary.
 */
import type {
  V1DaemonSet,
  V1Deployment,
  V1LabelSelector,
  V1Pod,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { type Clock, formatDuration, systemClock } from '../aws/clock.js';
import type { KubeApi } from './client.js';
import { diagnosePod, formatPodDiagnosis, type PodDiagnosis, podReady } from './diagnose.js';

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet';

export interface WorkloadStatus {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  desired: number;
  ready: number;
  /** Why it is not ready, e.g. `1 of 3 ready`; `null` when ready. */
  problem: string | null;
  selector: V1LabelSelector | undefined;
}

export interface WaitForReadyOptions {
  namespaces: string[];
  /** Epoch ms. */
  deadline: number;
  clock?: Clock;
  /** Default 5 000 ms. */
  pollMs?: number;
  /** Events per pod in the diagnosis. Default 5. */
  eventLimit?: number;
  /** A namespace with no workloads at all counts as not ready (default true: nothing was deployed). */
  requireWorkloads?: boolean;
}

export type WaitForReadyResult =
  | { ready: true; workloads: WorkloadStatus[] }
  | { ready: false; workloads: WorkloadStatus[]; pods: PodDiagnosis[]; diagnosis: string };

function generationProblem(
  metadata: { generation?: number } | undefined,
  observed: number | undefined,
): string | null {
  const generation = metadata?.generation;
  if (generation !== undefined && (observed === undefined || observed < generation)) {
    return `generation ${generation} not yet observed by its controller`;
  }
  return null;
}

export function deploymentStatus(d: V1Deployment): WorkloadStatus {
  const desired = d.spec?.replicas ?? 1;
  const ready = d.status?.readyReplicas ?? 0;
  const available = d.status?.availableReplicas ?? 0;
  const updated = d.status?.updatedReplicas ?? 0;
  let problem = generationProblem(d.metadata, d.status?.observedGeneration);
  if (problem === null && (ready < desired || available < desired || updated < desired)) {
    problem = `${ready} of ${desired} ready, ${available} available, ${updated} updated`;
  }
  return base('Deployment', d.metadata, desired, ready, problem, d.spec?.selector);
}

export function statefulSetStatus(s: V1StatefulSet): WorkloadStatus {
  const desired = s.spec?.replicas ?? 1;
  const ready = s.status?.readyReplicas ?? 0;
  let problem = generationProblem(s.metadata, s.status?.observedGeneration);
  if (problem === null && ready < desired) problem = `${ready} of ${desired} ready`;
  return base('StatefulSet', s.metadata, desired, ready, problem, s.spec?.selector);
}

export function daemonSetStatus(ds: V1DaemonSet): WorkloadStatus {
  const desired = ds.status?.desiredNumberScheduled ?? 0;
  const ready = ds.status?.numberReady ?? 0;
  const updated = ds.status?.updatedNumberScheduled ?? 0;
  let problem = generationProblem(ds.metadata, ds.status?.observedGeneration);
  if (problem === null && (ready < desired || updated < desired)) {
    problem = `${ready} of ${desired} ready, ${updated} updated`;
  }
  return base('DaemonSet', ds.metadata, desired, ready, problem, ds.spec?.selector);
}

function base(
  kind: WorkloadKind,
  metadata: { namespace?: string; name?: string } | undefined,
  desired: number,
  ready: number,
  problem: string | null,
  selector: V1LabelSelector | undefined,
): WorkloadStatus {
  return {
    kind,
    namespace: metadata?.namespace ?? '',
    name: metadata?.name ?? '',
    desired,
    ready,
    problem,
    selector,
  };
}

/** `matchLabels` of a selector as a label selector string (`matchExpressions` `In` with one value too). */
export function selectorString(selector: V1LabelSelector | undefined): string | null {
  if (selector === undefined) return null;
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of selector.matchExpressions ?? []) {
    if (e.operator === 'In' && e.values?.length === 1) parts.push(`${e.key}=${e.values[0]}`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.length === 0 ? null : parts.join(',');
}

async function listWorkloads(api: KubeApi, namespace: string): Promise<WorkloadStatus[]> {
  const [deployments, statefulSets, daemonSets] = await Promise.all([
    api.apps.listNamespacedDeployment({ namespace }),
    api.apps.listNamespacedStatefulSet({ namespace }),
    api.apps.listNamespacedDaemonSet({ namespace }),
  ]);
  return [
    ...(deployments.items ?? []).map(deploymentStatus),
    ...(statefulSets.items ?? []).map(statefulSetStatus),
    ...(daemonSets.items ?? []).map(daemonSetStatus),
  ];
}

export async function waitForReady(api: KubeApi, options: WaitForReadyOptions): Promise<WaitForReadyResult> {
  const clock = options.clock ?? systemClock;
  const pollMs = options.pollMs ?? 5_000;
  const requireWorkloads = options.requireWorkloads ?? true;
  const began = clock.now();
  let workloads: WorkloadStatus[] = [];
  let readError: string | null = null;
  let emptyNamespaces: string[] = [];
  for (;;) {
    try {
      const perNamespace = await Promise.all(options.namespaces.map((ns) => listWorkloads(api, ns)));
      workloads = perNamespace.flat();
      emptyNamespaces = requireWorkloads
        ? options.namespaces.filter((_, i) => (perNamespace[i] ?? []).length === 0)
        : [];
      readError = null;
      if (emptyNamespaces.length === 0 && workloads.every((w) => w.problem === null)) {
        return { ready: true, workloads };
      }
    } catch (error) {
      readError = api.describe(error);
    }
    const left = options.deadline - clock.now();
    if (left <= 0) break;
    await clock.sleep(Math.min(pollMs, left));
  }

  const lines = [
    `Not ready after ${formatDuration(clock.now() - began)} in namespace(s) ${options.namespaces.join(', ')}:`,
  ];
  if (readError !== null) lines.push(`- reading the workloads failed: ${readError}`);
  for (const ns of emptyNamespaces)
    lines.push(`- namespace ${ns}: no Deployments, StatefulSets or DaemonSets`);
  const pods: PodDiagnosis[] = [];
  for (const w of workloads.filter((x) => x.problem !== null)) {
    lines.push(`- ${w.kind} ${w.namespace}/${w.name}: ${w.problem}`);
    const selector = selectorString(w.selector);
    if (selector === null) continue;
    let items: V1Pod[] = [];
    try {
      items =
        (await api.core.listNamespacedPod({ namespace: w.namespace, labelSelector: selector })).items ?? [];
    } catch (error) {
      lines.push(`  - listing its pods failed: ${api.describe(error)}`);
      continue;
    }
    const unready = items.filter((p) => !podReady(p) && p.status?.phase !== 'Succeeded');
    if (items.length === 0) lines.push('  - no pods');
    for (const pod of unready) {
      const diagnosis = await diagnosePod(api, pod, options.eventLimit ?? 5);
      pods.push(diagnosis);
      lines.push(...formatPodDiagnosis(diagnosis, 2));
    }
  }
  return { ready: false, workloads, pods, diagnosis: lines.join('\n') };
}
