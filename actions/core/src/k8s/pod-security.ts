/**
 * The locked-down shape of the short Jobs this project runs in a cluster (the HTTP probe, the
 * verify-security Job): a numeric non-root user, the runtime's default seccomp profile, and a
 * container that cannot escalate, write its root filesystem or keep any capability.
 */
import type { V1PodSecurityContext, V1SecurityContext } from '@kubernetes/client-node';

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
