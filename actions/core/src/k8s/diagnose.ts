/**
 * Why a pod is not running: its phase, each container's state (waiting reason and message, last
 * termination reason and exit code, restart count) and its last `core/v1` events, as facts and as
 * text lines for a job summary.
 */
import type { CoreV1Event, V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import type { KubeApi } from './client.js';

export interface ContainerDiagnosis {
  name: string;
  init: boolean;
  ready: boolean;
  restartCount: number;
  /** `waiting`, `running`, `terminated` or `unknown`. */
  state: 'waiting' | 'running' | 'terminated' | 'unknown';
  reason: string | null;
  message: string | null;
  exitCode: number | null;
  lastTermination: { reason: string | null; exitCode: number | null } | null;
}

export interface EventLine {
  type: string;
  reason: string;
  message: string;
  count: number;
  at: Date | null;
}

export interface PodDiagnosis {
  namespace: string;
  name: string;
  phase: string;
  /** The pod's own reason/message (e.g. `Unschedulable` in the PodScheduled condition). */
  conditions: string[];
  containers: ContainerDiagnosis[];
  events: EventLine[];
}

export function podReady(pod: V1Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function container(status: V1ContainerStatus, init: boolean): ContainerDiagnosis {
  const { waiting, running, terminated } = status.state ?? {};
  const last = status.lastState?.terminated;
  const base = {
    name: status.name,
    init,
    ready: status.ready,
    restartCount: status.restartCount ?? 0,
    lastTermination: last ? { reason: last.reason ?? null, exitCode: last.exitCode ?? null } : null,
  };
  if (waiting) {
    return {
      ...base,
      state: 'waiting',
      reason: waiting.reason ?? null,
      message: waiting.message ?? null,
      exitCode: null,
    };
  }
  if (terminated) {
    return {
      ...base,
      state: 'terminated',
      reason: terminated.reason ?? null,
      message: terminated.message ?? null,
      exitCode: terminated.exitCode ?? null,
    };
  }
  if (running) return { ...base, state: 'running', reason: null, message: null, exitCode: null };
  return { ...base, state: 'unknown', reason: null, message: null, exitCode: null };
}

export function containerDiagnoses(pod: V1Pod): ContainerDiagnosis[] {
  return [
    ...(pod.status?.initContainerStatuses ?? []).map((s) => container(s, true)),
    ...(pod.status?.containerStatuses ?? []).map((s) => container(s, false)),
  ];
}

const eventTime = (event: CoreV1Event): Date | null => {
  const raw =
    event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? event.metadata?.creationTimestamp;
  if (raw === undefined || raw === null) return null;
  const date = raw instanceof Date ? raw : new Date(String(raw));
  return Number.isNaN(date.getTime()) ? null : date;
};

/** The last `limit` events about an object, oldest first. Failures to read yield no events. */
export async function lastEvents(
  api: KubeApi,
  namespace: string,
  kind: string,
  name: string,
  limit = 5,
): Promise<EventLine[]> {
  let items: CoreV1Event[];
  try {
    const list = await api.core.listNamespacedEvent({
      namespace,
      fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}`,
    });
    items = list.items ?? [];
  } catch {
    return [];
  }
  return items
    .map((event) => ({
      type: event.type ?? 'Normal',
      reason: event.reason ?? '',
      message: (event.message ?? '').trim(),
      count: event.count ?? 1,
      at: eventTime(event),
    }))
    .sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0))
    .slice(-limit);
}

export async function diagnosePod(api: KubeApi, pod: V1Pod, eventLimit = 5): Promise<PodDiagnosis> {
  const namespace = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  const conditions = (pod.status?.conditions ?? [])
    .filter((c) => c.status !== 'True' && (c.reason || c.message))
    .map((c) => `${c.type}: ${[c.reason, c.message].filter(Boolean).join(': ')}`);
  return {
    namespace,
    name,
    phase: pod.status?.phase ?? 'Unknown',
    conditions,
    containers: containerDiagnoses(pod),
    events: await lastEvents(api, namespace, 'Pod', name, eventLimit),
  };
}

/** The most telling reason a pod is not running, e.g. `ImagePullBackOff` or `CrashLoopBackOff`. */
export function mainReason(diagnosis: PodDiagnosis): string {
  const waiting = diagnosis.containers.find((c) => c.state === 'waiting' && c.reason);
  if (waiting?.reason) return waiting.reason;
  const failed = diagnosis.containers.find((c) => c.state === 'terminated' && c.exitCode !== 0);
  if (failed) return `${failed.reason ?? 'terminated'} (exit ${failed.exitCode})`;
  const warning = [...diagnosis.events].reverse().find((e) => e.type === 'Warning');
  if (warning) return warning.reason;
  return diagnosis.phase;
}

function containerLine(c: ContainerDiagnosis): string {
  const label = `${c.init ? 'init container' : 'container'} ${c.name}`;
  let state: string;
  if (c.state === 'waiting')
    state = `waiting${c.reason ? ` ${c.reason}` : ''}${c.message ? `: ${c.message}` : ''}`;
  else if (c.state === 'terminated') {
    state =
      `terminated ${c.reason ?? ''} (exit ${c.exitCode ?? '?'})${c.message ? `: ${c.message}` : ''}`.replace(
        '  ',
        ' ',
      );
  } else state = c.state === 'running' ? `running${c.ready ? ', ready' : ', not ready'}` : 'state unknown';
  const last = c.lastTermination
    ? `; last terminated ${c.lastTermination.reason ?? 'unknown reason'} (exit ${c.lastTermination.exitCode ?? '?'})`
    : '';
  return `${label}: ${state}${last}; restarts ${c.restartCount}`;
}

function eventLine(e: EventLine): string {
  const when = e.at ? `${e.at.toISOString()} ` : '';
  const count = e.count > 1 ? ` (×${e.count})` : '';
  return `${when}${e.type} ${e.reason}${count}: ${e.message}`;
}

/** Markdown list lines of one pod's diagnosis, indented by `indent` spaces. */
export function formatPodDiagnosis(d: PodDiagnosis, indent = 0): string[] {
  const pad = ' '.repeat(indent);
  const lines = [`${pad}- pod ${d.namespace}/${d.name} (${d.phase}): ${mainReason(d)}`];
  for (const condition of d.conditions) lines.push(`${pad}  - ${condition}`);
  for (const c of d.containers) lines.push(`${pad}  - ${containerLine(c)}`);
  if (d.containers.length === 0) lines.push(`${pad}  - no container statuses yet`);
  if (d.events.length === 0) lines.push(`${pad}  - no events`);
  for (const e of d.events) lines.push(`${pad}  - event ${eventLine(e)}`);
  return lines;
}
