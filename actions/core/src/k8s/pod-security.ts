/**
 * The locked-down one-shot Job this project runs in a cluster (the HTTP probe, the verify-security
 * Job): one attempt, a deadline, a TTL; a pod with no service-account token, no service links and no
 * mesh sidecar; a numeric non-root user and the runtime's default seccomp profile; a container that
 * cannot escalate, write its root filesystem or keep any capability.
 */
import type {
  V1Container,
  V1Job,
  V1PodSecurityContext,
  V1PodSpec,
  V1SecurityContext,
} from '@kubernetes/client-node';

/**
 * A short Job's pod takes no mesh sidecar even where a namespace asks for injection: a sidecar outlives
 * the Job's container and keeps the Job from ever completing.
 */
export const SHORT_JOB_POD_ANNOTATIONS: Readonly<Record<string, string>> = {
  'sidecar.istio.io/inject': 'false',
};

/** `fsGroup` makes mounted Secrets readable by the group (their mode can then stay 0440). */
export function restrictedPodSecurity(
  user: number,
  options: { fsGroup?: boolean } = {},
): V1PodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: user,
    runAsGroup: user,
    ...(options.fsGroup ? { fsGroup: user } : {}),
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

export function restrictedContainerSecurity(): V1SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
  };
}

export interface OneShotJobParams {
  name: string;
  namespace: string;
  /** On the Job and its pod (the runner finds the pod by one of them). */
  labels: Record<string, string>;
  deadlineMs: number;
  ttlSeconds: number;
  runAsUser: number;
  fsGroup?: boolean;
  /** The one container, without its securityContext (always the restricted one). */
  container: Omit<V1Container, 'securityContext'>;
  /** The rest of the pod: placement and volumes. */
  pod?: Pick<V1PodSpec, 'nodeSelector' | 'tolerations' | 'volumes'>;
}

/** A one-shot Job in the shape the module comment describes; pure. */
export function oneShotJob(params: OneShotJobParams): V1Job {
  const { labels } = params;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: params.name, namespace: params.namespace, labels },
    spec: {
      // One attempt: a retry would repeat work whose effects (probe requests, transfers) already stand.
      backoffLimit: 0,
      activeDeadlineSeconds: Math.max(1, Math.ceil(params.deadlineMs / 1000)),
      ttlSecondsAfterFinished: params.ttlSeconds,
      template: {
        metadata: { labels, annotations: { ...SHORT_JOB_POD_ANNOTATIONS } },
        spec: {
          restartPolicy: 'Never',
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: restrictedPodSecurity(params.runAsUser, { fsGroup: params.fsGroup ?? false }),
          ...params.pod,
          containers: [{ ...params.container, securityContext: restrictedContainerSecurity() }],
        },
      },
    },
  };
}
