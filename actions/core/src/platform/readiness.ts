/**
 * Readiness of one Deployment in a shared namespace: the AWS Load Balancer Controller lives in
 * kube-system next to EKS's own add-ons, whose state is not the platform phase's to wait for. The
 * namespace wait (`waitForReady`) is reused unchanged on a view of the API that lists only workloads
 * of that name, so its polling, deadline and diagnosis of unready pods stay the same.
 */
import type { AppsV1Api } from '@kubernetes/client-node';
import type { KubeApi } from '../k8s/client.js';

const DNS_LABEL = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

/** `api` whose Deployment, StatefulSet and DaemonSet lists hold only objects named `name`. */
export function onlyWorkloadNamed(api: KubeApi, name: string): KubeApi {
  if (!DNS_LABEL.test(name)) {
    throw new Error(`workload name: got ${JSON.stringify(name)}; allowed: a DNS-1123 label`);
  }
  const fieldSelector = `metadata.name=${name}`;
  // Every other method (and the client's own state) is the real client's, through the prototype.
  const apps = Object.create(api.apps) as AppsV1Api;
  apps.listNamespacedDeployment = (param, options) =>
    api.apps.listNamespacedDeployment({ ...param, fieldSelector }, options);
  apps.listNamespacedStatefulSet = (param, options) =>
    api.apps.listNamespacedStatefulSet({ ...param, fieldSelector }, options);
  apps.listNamespacedDaemonSet = (param, options) =>
    api.apps.listNamespacedDaemonSet({ ...param, fieldSelector }, options);
  return { ...api, apps };
}
