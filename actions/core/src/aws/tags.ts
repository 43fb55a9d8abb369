/** Tag conventions shared by provisioning, teardown and the orphan check. */

/** Every resource of a run carries `RunId=<run id>` (the root stack's default tags). */
export const RUN_ID_TAG = 'RunId';
/** Kubernetes' in-tree cloud provider tags what it creates `kubernetes.io/cluster/<name>`. */
export const KUBERNETES_CLUSTER_TAG_PREFIX = 'kubernetes.io/cluster/';
/** The AWS Load Balancer Controller tags what it creates `elbv2.k8s.aws/cluster=<name>`. */
export const LB_CONTROLLER_CLUSTER_TAG = 'elbv2.k8s.aws/cluster';
/** EKS tags the security group it creates for a cluster with this. */
export const EKS_CLUSTER_NAME_TAG = 'aws:eks:cluster-name';

export type Tags = Readonly<Record<string, string>>;

export function tagsFromList(
  list: ReadonlyArray<{ Key?: string; Value?: string }> | undefined,
): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const tag of list ?? []) if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? '';
  return tags;
}

/** The cluster a Kubernetes-created resource belongs to, from either tagging convention. */
export function kubernetesClusterOf(tags: Tags): string | undefined {
  const controller = tags[LB_CONTROLLER_CLUSTER_TAG];
  if (controller !== undefined && controller !== '') return controller;
  for (const key of Object.keys(tags)) {
    if (key.startsWith(KUBERNETES_CLUSTER_TAG_PREFIX)) return key.slice(KUBERNETES_CLUSTER_TAG_PREFIX.length);
  }
  return undefined;
}
