/**
 * The cluster inputs the Kubernetes phases take from the provision action's outputs (name, endpoint,
 * base64 CA per cluster), checked before anything is minted, and the in-job EKS token per cluster,
 * masked in the log the moment it exists.
 */
import { type AwsCredentials, createEksToken } from '@mlperf/core';
import type { TokenRefresh } from '@mlperf/core/k8s/index';
import type { ClusterAccess, ClusterRole } from '@mlperf/core/platform/index';

export interface Cluster {
  name: string;
  endpoint: string;
  caBase64: string;
}

export const CLUSTER_INPUTS: Record<ClusterRole, { name: string; endpoint: string; ca: string }> = {
  hub: { name: 'hub-cluster-name', endpoint: 'hub-cluster-endpoint', ca: 'hub-cluster-ca' },
  load: { name: 'load-cluster-name', endpoint: 'load-cluster-endpoint', ca: 'load-cluster-ca' },
};

function required(getInput: (name: string) => string, name: string, allowed: string): string {
  const value = getInput(name).trim();
  if (value === '') throw new Error(`input ${name}: got ""; allowed: ${allowed}`);
  return value;
}

export function readCluster(getInput: (name: string) => string, role: ClusterRole): Cluster {
  const names = CLUSTER_INPUTS[role];
  const cluster = {
    name: required(getInput, names.name, 'the EKS cluster name (provision output)'),
    endpoint: required(getInput, names.endpoint, 'the https:// API endpoint (provision output)'),
    caBase64: required(getInput, names.ca, 'the base64 certificate authority (provision output)'),
  };
  if (!cluster.endpoint.startsWith('https://')) {
    throw new Error(
      `input ${names.endpoint}: got ${JSON.stringify(cluster.endpoint)}; allowed: an https:// URL`,
    );
  }
  return cluster;
}

/** Minutes for one readiness wait: above 0, at most 120 (default when empty). */
export function readMinutes(getInput: (name: string) => string, name: string, fallback: number): number {
  const raw = getInput(name).trim() || String(fallback);
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 120) {
    throw new Error(`input ${name}: got ${JSON.stringify(raw)}; allowed: minutes above 0, at most 120`);
  }
  return minutes;
}

/** The cluster with a fresh EKS token, masked before it can reach any log. */
export async function clusterAccess(
  cluster: Cluster,
  region: string,
  credentials: () => Promise<AwsCredentials>,
  setSecret: (value: string) => void,
): Promise<ClusterAccess> {
  return (await refreshingClusterAccess(cluster, region, credentials, setSecret)).access;
}

/**
 * The cluster with a fresh EKS token and the means to renew it (every new token masked first), for
 * phases that talk to a cluster for longer than a token lives (the ladder: hours; a token: ~15 min).
 */
export async function refreshingClusterAccess(
  cluster: Cluster,
  region: string,
  credentials: () => Promise<AwsCredentials>,
  setSecret: (value: string) => void,
): Promise<{ access: ClusterAccess; tokenRefresh: TokenRefresh }> {
  const mint = async () => {
    const fresh = await createEksToken({ clusterName: cluster.name, region, credentials });
    setSecret(fresh.token);
    return fresh;
  };
  const first = await mint();
  return {
    access: { ...cluster, token: first.token },
    tokenRefresh: { mint, initialExpiresAt: first.expiresAt },
  };
}
