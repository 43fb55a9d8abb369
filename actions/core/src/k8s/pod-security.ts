/**
 * The locked-down shape of the short Jobs this project runs in a cluster (the HTTP probe, the
 * verify-security Job): a numeric non-root user, the runtime's default seccomp profile, and a
 * container that cannot escalate, write its root filesystem or keep any capability.
 */
import type { V1PodSecurityContext, V1SecurityContext } from '@kubernetes/client-node';

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
