/**
 * Health of the deployed hub (issue 6 item 5): after every pod is ready, each Mojaloop service's
 * `/health` and each DFSP SDK is probed from inside the hub cluster by a probe Job, and the median
 * latency of every target must stay under {@link HEALTH_MEDIAN_LIMIT_MS}.
 */

import { dfspIds } from '../fleet/names.js';
import type { KubeApi } from '../k8s/client.js';
import type { ProbeOptions, ProbeReport, ProbeTarget, ProbeTargetResult } from '../k8s/probe.js';
import type { ServiceInfo } from './cluster.js';
import {
  DFSP_NAMESPACE,
  HUB_SERVICES_ROLE,
  MOJALOOP_NAMESPACE,
  ROLE_LABEL,
  SDK_OUTBOUND_PORT,
} from './names.js';

/** Issue 6 item 5: every service answers its health endpoint with a median under 50 ms in-cluster. */
export const HEALTH_MEDIAN_LIMIT_MS = 50;
/** Requests per target: enough for a median that one slow first connection does not decide. */
export const HEALTH_ATTEMPTS = 20;
export const HEALTH_REQUEST_TIMEOUT_MS = 2_000;
export const HEALTH_DEADLINE_MS = 5 * 60_000;
/** The SDK outbound API answers its root; any HTTP answer below 500 shows the process serves requests. */
const SDK_ALIVE_STATUSES = [200, 404];

export type RunProbeJob = (
  api: KubeApi,
  targets: ProbeTarget[],
  options: ProbeOptions,
) => Promise<ProbeReport>;
export type JudgeLatency = (
  results: ProbeTargetResult[],
  maxMedianMs: number,
) => { passed: boolean; problems: string[] };

/** Services of the backend chart (Kafka, MySQL): not Mojaloop services, no /health to ask. */
const BACKEND_SERVICE = /^(kafka|mysqldb)(-|$)/;
/** The port every Mojaloop chart's Service listens on (`service.port` default). */
export const MOJALOOP_SERVICE_PORT = 80;

/**
 * One target per Mojaloop Service on port 80 (`/health`), and per DFSP SDK (its outbound port). The
 * Services are listed from the cluster: the charts name them (with their own nameOverrides), so the
 * phase reads what exists instead of guessing.
 */
export function healthTargets(mojaloopServices: readonly ServiceInfo[], dfspCount: number): ProbeTarget[] {
  const hub = mojaloopServices
    .filter((s) => !s.headless && !BACKEND_SERVICE.test(s.name) && s.ports.includes(MOJALOOP_SERVICE_PORT))
    .map((s) => ({ name: s.name, url: `http://${s.name}.${MOJALOOP_NAMESPACE}.svc.cluster.local/health` }));
  const sdks = dfspIds(dfspCount).map((fspId) => ({
    name: `${fspId}-sdk`,
    url: `http://${fspId}-sdk.${DFSP_NAMESPACE}.svc.cluster.local:${SDK_OUTBOUND_PORT}/`,
    expectStatus: SDK_ALIVE_STATUSES,
  }));
  return [...hub, ...sdks];
}

export interface HealthResult {
  passed: boolean;
  problems: string[];
  report: ProbeReport;
}

export async function checkHealth(
  api: KubeApi,
  mojaloopServices: readonly ServiceInfo[],
  dfspCount: number,
  probe: { run: RunProbeJob; judge: JudgeLatency },
  options: Partial<ProbeOptions> = {},
): Promise<HealthResult> {
  const targets = healthTargets(mojaloopServices, dfspCount);
  if (targets.length === dfspCount) {
    return {
      passed: false,
      problems: [`no Mojaloop Service with port ${MOJALOOP_SERVICE_PORT} in namespace ${MOJALOOP_NAMESPACE}`],
      report: { job: '', completed: false, results: [], diagnosis: null },
    };
  }
  const report = await probe.run(api, targets, {
    namespace: MOJALOOP_NAMESPACE,
    attempts: HEALTH_ATTEMPTS,
    requestTimeoutMs: HEALTH_REQUEST_TIMEOUT_MS,
    deadlineMs: HEALTH_DEADLINE_MS,
    namePrefix: 'mlperf-health',
    nodeSelector: { [ROLE_LABEL]: HUB_SERVICES_ROLE },
    ...options,
  });
  if (!report.completed) {
    return {
      passed: false,
      problems: [report.diagnosis ?? `probe job ${report.job} did not complete`],
      report,
    };
  }
  const judged = probe.judge(report.results, HEALTH_MEDIAN_LIMIT_MS);
  return { passed: judged.passed, problems: judged.problems, report };
}
