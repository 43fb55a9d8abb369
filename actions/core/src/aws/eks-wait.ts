/**
 * Waits until both clusters and every node group are ACTIVE, polling through an injected clock.
 * A terminal status (FAILED, CREATE_FAILED, DELETING…) stops at once; the deadline stops with a
 * diagnosis naming each resource that is not active, its status and its health issues.
 */
import { DescribeClusterCommand, DescribeNodegroupCommand, type EKSClient } from '@aws-sdk/client-eks';
import { type Clock, formatDuration } from './clock.js';
import { callAwsOr } from './errors.js';

export interface HealthIssue {
  code: string;
  message: string;
  resourceIds: string[];
}

export interface ResourceStatus {
  /** EKS status, or `NOT_FOUND` when the resource does not exist (yet). */
  status: string;
  issues: HealthIssue[];
}

/** The slice of EKS the wait uses. */
export interface EksStatusApi {
  clusterStatus(cluster: string): Promise<ResourceStatus>;
  nodegroupStatus(cluster: string, nodegroup: string): Promise<ResourceStatus>;
}

export function createEksStatusApi(eks: EKSClient): EksStatusApi {
  const issuesOf = (issues: Array<{ code?: string; message?: string; resourceIds?: string[] }> | undefined) =>
    (issues ?? []).map((issue) => ({
      code: issue.code ?? 'Unknown',
      message: issue.message ?? '',
      resourceIds: issue.resourceIds ?? [],
    }));
  const notFound: ResourceStatus = { status: 'NOT_FOUND', issues: [] };
  return {
    async clusterStatus(cluster) {
      const out = await callAwsOr('eks:DescribeCluster', undefined, () =>
        eks.send(new DescribeClusterCommand({ name: cluster })),
      );
      if (out === undefined) return notFound;
      return { status: out.cluster?.status ?? 'UNKNOWN', issues: issuesOf(out.cluster?.health?.issues) };
    },
    async nodegroupStatus(cluster, nodegroup) {
      const out = await callAwsOr('eks:DescribeNodegroup', undefined, () =>
        eks.send(new DescribeNodegroupCommand({ clusterName: cluster, nodegroupName: nodegroup })),
      );
      if (out === undefined) return notFound;
      return { status: out.nodegroup?.status ?? 'UNKNOWN', issues: issuesOf(out.nodegroup?.health?.issues) };
    },
  };
}

export interface ClusterTarget {
  cluster: string;
  nodegroups: string[];
}

export interface WaitOptions {
  clock: Clock;
  /** Give up after this long, ms. */
  timeoutMs: number;
  /** Between polls, ms. */
  intervalMs: number;
  /** Progress lines, e.g. the action log. */
  log?: (line: string) => void;
}

const TERMINAL = new Set(['FAILED', 'CREATE_FAILED', 'DELETE_FAILED', 'DELETING']);

export interface ResourceReport extends ResourceStatus {
  /** `cluster mlperf-1-hub` or `node group mlperf-1-hub/kafka`. */
  resource: string;
}

export class EksWaitError extends Error {
  override readonly name = 'EksWaitError';
  constructor(
    readonly reason: 'failed' | 'timeout',
    readonly resources: ResourceReport[],
    headline: string,
  ) {
    super([headline, ...resources.map((r) => `  - ${describeResource(r)}`)].join('\n'));
  }
}

export function describeResource(report: ResourceReport): string {
  const issues = report.issues.map((issue) => {
    const ids = issue.resourceIds.length > 0 ? ` [${issue.resourceIds.join(', ')}]` : '';
    return `${issue.code}: ${issue.message}${ids}`;
  });
  return issues.length === 0
    ? `${report.resource}: ${report.status}`
    : `${report.resource}: ${report.status}; health: ${issues.join('; ')}`;
}

/** Polls until every cluster and node group is ACTIVE; returns how long it took, ms. */
export async function waitForClusters(
  targets: readonly ClusterTarget[],
  api: EksStatusApi,
  options: WaitOptions,
): Promise<number> {
  const { clock, timeoutMs, intervalMs } = options;
  const started = clock.now();
  const deadline = started + timeoutMs;
  let lastSummary = '';
  for (;;) {
    const pending: ResourceReport[] = [];
    const failed: ResourceReport[] = [];
    for (const target of targets) {
      const cluster = await api.clusterStatus(target.cluster);
      const clusterReport = { resource: `cluster ${target.cluster}`, ...cluster };
      if (TERMINAL.has(cluster.status)) failed.push(clusterReport);
      else if (cluster.status !== 'ACTIVE') pending.push(clusterReport);
      // Node groups are created after their cluster; while the cluster is not active, they are pending too.
      for (const nodegroup of target.nodegroups) {
        const resource = `node group ${target.cluster}/${nodegroup}`;
        if (cluster.status !== 'ACTIVE') {
          pending.push({ resource, status: `waiting for cluster (${cluster.status})`, issues: [] });
          continue;
        }
        const status = await api.nodegroupStatus(target.cluster, nodegroup);
        const report = { resource, ...status };
        if (TERMINAL.has(status.status)) failed.push(report);
        else if (status.status !== 'ACTIVE') pending.push(report);
      }
    }
    const elapsed = clock.now() - started;
    if (failed.length > 0) {
      throw new EksWaitError(
        'failed',
        [...failed, ...pending],
        `EKS reports a failed resource after ${formatDuration(elapsed)}; not waiting any longer:`,
      );
    }
    if (pending.length === 0) {
      options.log?.(`all clusters and node groups are ACTIVE after ${formatDuration(elapsed)}`);
      return elapsed;
    }
    const summary = pending.map((p) => `${p.resource}=${p.status}`).join(', ');
    if (summary !== lastSummary) {
      options.log?.(`waiting (${formatDuration(elapsed)}): ${summary}`);
      lastSummary = summary;
    }
    if (clock.now() + intervalMs > deadline) {
      throw new EksWaitError(
        'timeout',
        pending,
        `timed out after ${formatDuration(elapsed)} (deadline ${formatDuration(timeoutMs)}) waiting for EKS; not ACTIVE:`,
      );
    }
    await clock.sleep(intervalMs);
  }
}
