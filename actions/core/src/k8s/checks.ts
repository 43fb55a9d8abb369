/**
 * Safety checks across clusters. Load must come from the load cluster only: k6 on the hub cluster
 * competes with the hub for CPU and makes the hub's numbers meaningless.
 */
import type { KubeApi } from './client.js';
import { isKubeNotFound } from './client.js';
import { K6_CR_LABEL, K6_GROUP, K6_VERSION, TESTRUN_PLURAL } from './testrun.js';

export class K6OnHubClusterError extends Error {
  constructor(
    readonly pods: string[],
    readonly testRuns: string[],
  ) {
    const parts = [
      ...(testRuns.length > 0 ? [`TestRun(s) ${testRuns.join(', ')}`] : []),
      ...(pods.length > 0 ? [`k6-operator pod(s) ${pods.join(', ')}`] : []),
    ];
    super(
      `k6 is running on the hub cluster: ${parts.join('; ')}. Load must come from the load cluster only.`,
    );
    this.name = 'K6OnHubClusterError';
  }
}

interface CustomList {
  items?: Array<{ metadata?: { namespace?: string; name?: string } }>;
}

/**
 * Throws {@link K6OnHubClusterError} naming every k6-operator pod (label `k6_cr`: runners,
 * initializers, starters — finished ones included) and every TestRun on the hub cluster. No TestRun
 * CRD is no TestRun.
 */
export async function assertNoK6OnHubCluster(hubApi: KubeApi): Promise<void> {
  let pods: string[];
  try {
    const list = await hubApi.core.listPodForAllNamespaces({ labelSelector: K6_CR_LABEL });
    // Finished pods count too: they are load that was generated from the hub cluster.
    pods = (list.items ?? []).map(
      (p) => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''} (${p.status?.phase ?? 'Unknown'})`,
    );
  } catch (error) {
    throw new Error(`listing k6 pods on the ${hubApi.cluster} cluster: ${hubApi.describe(error)}`);
  }
  let testRuns: string[] = [];
  try {
    const list = (await hubApi.custom.listClusterCustomObject({
      group: K6_GROUP,
      version: K6_VERSION,
      plural: TESTRUN_PLURAL,
    })) as CustomList;
    testRuns = (list.items ?? []).map((t) => `${t.metadata?.namespace ?? ''}/${t.metadata?.name ?? ''}`);
  } catch (error) {
    if (!isKubeNotFound(error)) {
      throw new Error(`listing TestRuns on the ${hubApi.cluster} cluster: ${hubApi.describe(error)}`);
    }
  }
  if (pods.length > 0 || testRuns.length > 0) throw new K6OnHubClusterError(pods.sort(), testRuns.sort());
}
