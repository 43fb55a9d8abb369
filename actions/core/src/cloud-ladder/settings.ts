/**
 * Where the ladder phase finds things on the two clusters, and its defaults, each with its reason.
 * Names follow what the platform (03) and load-infra (05) phases install (platform/plan.ts) and the
 * charts' own naming rules, so nothing here is a second copy of a setting that could drift silently.
 */
import { LOAD_INFRA_RELEASES, PLATFORM_RELEASES, type PlatformRelease } from '../platform/plan.js';

function release(list: readonly PlatformRelease[], key: string): PlatformRelease {
  const found = list.find((r) => r.key === key);
  if (found === undefined) throw new Error(`platform plan has no ${key} release`);
  return found;
}

/**
 * Namespace of the TestRuns, the script ConfigMap and the probe Job on the load cluster: the one
 * load-infra's k6-operator release creates, so the phase needs to create no namespace of its own.
 */
export const K6_RUN_NAMESPACE = release(LOAD_INFRA_RELEASES, 'k6-operator').namespace;

const MONITORING = release(PLATFORM_RELEASES, 'kube-prometheus-stack');

/**
 * kube-prometheus-stack's `fullname` (its templates/_helpers.tpl): the release name when it already
 * contains the chart name, otherwise `<release>-kube-prometheus-stack`, cut to 26 characters.
 */
export function kubePrometheusStackFullname(releaseName: string): string {
  const chart = 'kube-prometheus-stack';
  const full = releaseName.includes(chart) ? releaseName : `${releaseName}-${chart}`;
  return full.slice(0, 26).replace(/-+$/, '');
}

/** The hub Prometheus Service as the platform phase installs it (chart templates/prometheus/service.yaml). */
export const HUB_PROMETHEUS = {
  namespace: MONITORING.namespace,
  service: `${kubePrometheusStackFullname(MONITORING.release)}-prometheus`,
  /** `prometheus.prometheusSpec.portName`, the chart default; the API server proxy addresses the port by it. */
  portName: 'http-web',
  /** `prometheus.service.port`, the chart default; used when the Service does not list the port. */
  port: 9090,
} as const;

/** The bundled k6 script, relative to the workspace (written by the k6 build). */
export const DEFAULT_SCRIPT = 'k6/dist/transfer.js';

/** Kubernetes refuses a ConfigMap over 1 MiB (data plus metadata); a bundle near it is refused here first. */
export const MAX_SCRIPT_BYTES = 1_000_000;

/**
 * How long the Prometheus Service may be without a load balancer address. The platform phase made it
 * long before this phase starts; an NLB takes 2–5 min to provision, so this only covers a slow controller.
 */
export const LOAD_BALANCER_WAIT_MS = 10 * 60_000;
export const LOAD_BALANCER_POLL_MS = 10_000;

/** The transfer amount every iteration sends (the k6 script's contract `amount`); one unit keeps funds lasting. */
export const TRANSFER_AMOUNT = '1';

/** Connectivity probe from the load node group to each DFSP's SDK outbound API before the first rung. */
export const PROBE = {
  /** Requests per DFSP: enough for a median, few enough to finish in seconds. */
  attempts: 5,
  /** One request; an idle SDK inside the VPC answers in milliseconds. */
  requestTimeoutMs: 5_000,
  /** The whole probe Job, image pull and scheduling included. */
  deadlineMs: 5 * 60_000,
  /**
   * The SDK outbound server answers its health check at `/` with 200; the outbound URL is its base.
   */
  expectStatus: [200],
  /**
   * A median above this, idle and inside one VPC, means a wrong path (NLB hairpin, mesh, DNS) before
   * any load: one in-VPC round trip is a few milliseconds.
   */
  maxMedianMs: 250,
} as const;
