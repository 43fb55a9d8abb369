/**
 * verify-security on the hub cluster. The probes play two DFSPs (perfprobe1, perfprobe2) and need a
 * callback receiver the switch can reach, and the gateway's load balancer is internal: so they run
 * inside the cluster as a Job (Node, the bundled script `verify-security.mjs` from a ConfigMap) behind
 * a Service the probe DFSPs' callback endpoints were registered at. The Job talks to the gateway's
 * in-cluster address exactly as a DFSP does (mutual TLS on 443, signed FSPIOP), prints the posture as
 * one line, and the phase reads it from the pod log. Everything made here is deleted on every path.
 *
 * RBAC on the hub cluster: configmaps and services create, delete; plus what runJobToEnd needs.
 */
import type { V1ConfigMap, V1Job, V1Service, V1Volume, V1VolumeMount } from '@kubernetes/client-node';
import type { Clock } from '../aws/clock.js';
import { isKubeNotFound, type KubeApi, kubeStatusCode } from '../k8s/client.js';
import { runJobToEnd } from '../k8s/job-run.js';
import { oneShotJob } from '../k8s/pod-security.js';
import {
  SECURITY_JOB_CREDENTIALS_DIR,
  SECURITY_JOB_ENV,
  SECURITY_JOB_FILES,
} from '../security/cluster-job-contract.js';
import { parseSecurityJobLog } from '../security/cluster-target.js';
import type { SecurityPosture } from '../security/posture.js';
import { PROBE_FSP_IDS } from '../security/probe-dfsps.js';
import { DFSP_NAMESPACE, dfspJwsSecret, dfspMtlsSecret, SECRETS } from './names.js';
import { GATEWAY_INTERNAL_HOST } from './objects.js';

/** The names, ports and image of the Job and what surrounds it. */
export const VERIFY_SECURITY_JOB = {
  namespace: DFSP_NAMESPACE,
  app: 'mlperf-verify-security',
  configMap: 'mlperf-verify-security-script',
  scriptKey: 'verify-security.mjs',
  scriptDir: '/opt/mlperf',
  service: 'mlperf-verify-security',
  servicePort: 80,
  receiverPort: 8080,
  podLabel: 'mlperf.io/verify-security-job',
  container: 'verify-security',
  /**
   * Node 24 (the runtime the actions declare), Alpine. Pinned by tag only: the digest could not be
   * read from a registry where this was written; pin `@sha256:` once it is verified.
   */
  image: 'node:24.11.0-alpine',
  /** The image's `node` user; `runAsNonRoot` needs a numeric user. */
  runAsUser: 1000,
  ttlSeconds: 600,
} as const;

/** The probe receiver's URL as the switch reaches it: where the probe DFSPs' callbacks are registered. */
export const VERIFY_SECURITY_RECEIVER_URL = `http://${VERIFY_SECURITY_JOB.service}.${DFSP_NAMESPACE}.svc.cluster.local:${VERIFY_SECURITY_JOB.servicePort}`;

/**
 * The whole Job, scheduling and image pull included. Its probes bound themselves (about a minute when
 * the hub answers); this stays under the 15-minute life of the fresh EKS token it runs on.
 */
export const SECURITY_JOB_DEADLINE_MS = 8 * 60_000;
export const SECURITY_JOB_POLL_MS = 2_000;

/** A ConfigMap holds at most 1 MiB; the script must leave room for the object around it. */
export const MAX_SCRIPT_BYTES = 900 * 1024;

export interface SecurityJobInput {
  /** The bundled Job script (actions/deploy-mojaloop/dist/jobs/verify-security.mjs). */
  script: string;
  currency: string;
  /** The fleet DFSP whose JWS key plays "another DFSP's key". */
  foreignFspId: string;
  nodeSelector: Record<string, string>;
}

export interface SecurityJobOptions {
  /** Whole Job, ms: the probes' own deadlines (≈ 1–2 min) plus scheduling and the image pull. */
  deadlineMs: number;
  clock: Clock;
  pollMs: number;
  signal?: AbortSignal;
  log: (line: string) => void;
}

export interface SecurityJobOutcome {
  /** The posture the probes established; null when verify-security could not run. */
  posture: SecurityPosture | null;
  /** Why there is no posture (the Job's own error, its diagnosis, an unreadable log). */
  problem: string | null;
  /** Deleting something failed (its TTL or the next run removes it). */
  cleanupProblems: string[];
}

/** The gateway's FSPIOP address from inside the cluster (443, mutual TLS when on). */
export const IN_CLUSTER_HUB_URL = `https://${GATEWAY_INTERNAL_HOST}`;

const fail = (field: string, value: unknown, allowed: string): never => {
  throw new Error(`verify-security ${field}: got ${JSON.stringify(value)}; allowed: ${allowed}`);
};

function checkInput(input: SecurityJobInput): void {
  const bytes = Buffer.byteLength(input.script, 'utf8');
  if (bytes === 0 || bytes > MAX_SCRIPT_BYTES) {
    fail(
      'script',
      `${bytes} bytes`,
      `a non-empty bundle of at most ${MAX_SCRIPT_BYTES} bytes (a ConfigMap holds 1 MiB)`,
    );
  }
  if (!/^[A-Z]{3}$/.test(input.currency)) fail('currency', input.currency, 'an ISO 4217 code');
  if (
    !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(input.foreignFspId) ||
    PROBE_FSP_IDS.includes(input.foreignFspId as never)
  ) {
    fail('foreignFspId', input.foreignFspId, 'a fleet DFSP id (not a probe DFSP)');
  }
}

export function securityScriptConfigMap(script: string): V1ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: VERIFY_SECURITY_JOB.configMap,
      namespace: VERIFY_SECURITY_JOB.namespace,
      labels: { 'app.kubernetes.io/name': VERIFY_SECURITY_JOB.app },
    },
    data: { [VERIFY_SECURITY_JOB.scriptKey]: script },
  };
}

/** The receiver's Service; it selects the Job's pod by the app label (one verify-security at a time). */
export function securityReceiverService(): V1Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: VERIFY_SECURITY_JOB.service,
      namespace: VERIFY_SECURITY_JOB.namespace,
      labels: { 'app.kubernetes.io/name': VERIFY_SECURITY_JOB.app },
    },
    spec: {
      type: 'ClusterIP',
      selector: { 'app.kubernetes.io/name': VERIFY_SECURITY_JOB.app },
      ports: [
        {
          name: 'http',
          port: VERIFY_SECURITY_JOB.servicePort,
          targetPort: VERIFY_SECURITY_JOB.receiverPort,
          protocol: 'TCP',
        },
      ],
    },
  };
}

/** The mounts of the contract's layout: certificates of both probe DFSPs, JWS keys of all three. */
function credentialMounts(input: SecurityJobInput): { volumes: V1Volume[]; mounts: V1VolumeMount[] } {
  const volumes: V1Volume[] = [];
  const mounts: V1VolumeMount[] = [];
  // Group-readable only: the pod's fsGroup owns the files, the node user reads them.
  const defaultMode = 0o440;
  const add = (volume: string, secretName: string, keys: readonly string[], dir: string) => {
    volumes.push({
      name: volume,
      secret: { secretName, defaultMode, items: keys.map((key) => ({ key, path: key })) },
    });
    mounts.push({ name: volume, mountPath: `${SECURITY_JOB_CREDENTIALS_DIR}/${dir}`, readOnly: true });
  };
  const f = SECURITY_JOB_FILES;
  // Always: the deploy issues the probe DFSPs' certificates whether or not the gateway asks for them.
  for (const fspId of PROBE_FSP_IDS)
    add(`mtls-${fspId}`, dfspMtlsSecret(fspId), [f.cert, f.key, f.ca], `${f.mtlsDir}/${fspId}`);
  for (const fspId of [...PROBE_FSP_IDS, input.foreignFspId]) {
    // SECRETS.dfspJwsKey is the key name in the Secret and the contract's file name alike.
    add(`jws-${fspId}`, dfspJwsSecret(fspId), [SECRETS.dfspJwsKey], `${f.jwsDir}/${fspId}`);
  }
  return { volumes, mounts };
}

/** The Job; pure. `name` is unique per run (see {@link securityJobName}). */
export function buildSecurityJob(name: string, input: SecurityJobInput, deadlineMs: number): V1Job {
  checkInput(input);
  const labels = { 'app.kubernetes.io/name': VERIFY_SECURITY_JOB.app, [VERIFY_SECURITY_JOB.podLabel]: name };
  const { volumes, mounts } = credentialMounts(input);
  const env: Record<string, string> = {
    [SECURITY_JOB_ENV.hubUrl]: IN_CLUSTER_HUB_URL,
    [SECURITY_JOB_ENV.currency]: input.currency,
    [SECURITY_JOB_ENV.receiverPort]: String(VERIFY_SECURITY_JOB.receiverPort),
    [SECURITY_JOB_ENV.receiverBaseUrl]: VERIFY_SECURITY_RECEIVER_URL,
    [SECURITY_JOB_ENV.foreignFspId]: input.foreignFspId,
    [SECURITY_JOB_ENV.credentialsDir]: SECURITY_JOB_CREDENTIALS_DIR,
  };
  return oneShotJob({
    name,
    namespace: VERIFY_SECURITY_JOB.namespace,
    labels,
    deadlineMs,
    ttlSeconds: VERIFY_SECURITY_JOB.ttlSeconds,
    runAsUser: VERIFY_SECURITY_JOB.runAsUser,
    fsGroup: true,
    container: {
      name: VERIFY_SECURITY_JOB.container,
      image: VERIFY_SECURITY_JOB.image,
      command: ['node', `${VERIFY_SECURITY_JOB.scriptDir}/${VERIFY_SECURITY_JOB.scriptKey}`],
      env: Object.entries(env).map(([envName, value]) => ({ name: envName, value })),
      ports: [{ name: 'receiver', containerPort: VERIFY_SECURITY_JOB.receiverPort }],
      resources: { requests: { cpu: '250m', memory: '128Mi' }, limits: { memory: '512Mi' } },
      volumeMounts: [{ name: 'script', mountPath: VERIFY_SECURITY_JOB.scriptDir, readOnly: true }, ...mounts],
    },
    pod: {
      nodeSelector: { ...input.nodeSelector },
      volumes: [
        {
          name: 'script',
          configMap: {
            name: VERIFY_SECURITY_JOB.configMap,
            items: [{ key: VERIFY_SECURITY_JOB.scriptKey, path: VERIFY_SECURITY_JOB.scriptKey }],
          },
        },
        ...volumes,
      ],
    },
  });
}

/** A fresh Job name: a re-run never meets the previous Job (its TTL may still hold it). */
export function securityJobName(clock: Clock): string {
  return `${VERIFY_SECURITY_JOB.app}-${clock.now().toString(36).slice(-6)}`;
}

/**
 * Runs verify-security on the hub cluster: the script ConfigMap and the receiver Service, the Job to
 * its end, the posture from its log; then deletes the ConfigMap and the Service (the Job is deleted by
 * runJobToEnd). Bad input throws before any API call.
 */
export async function runSecurityJob(
  api: KubeApi,
  input: SecurityJobInput,
  options: SecurityJobOptions,
): Promise<SecurityJobOutcome> {
  const name = securityJobName(options.clock);
  const job = buildSecurityJob(name, input, options.deadlineMs);
  const { namespace } = VERIFY_SECURITY_JOB;
  const cleanupProblems: string[] = [];
  const made: Array<{ kind: string; remove: () => Promise<unknown> }> = [];
  try {
    await replaceOrCreate(
      () => api.core.createNamespacedConfigMap({ namespace, body: securityScriptConfigMap(input.script) }),
      () => api.core.deleteNamespacedConfigMap({ name: VERIFY_SECURITY_JOB.configMap, namespace }),
    );
    made.push({
      kind: `ConfigMap ${namespace}/${VERIFY_SECURITY_JOB.configMap}`,
      remove: () => api.core.deleteNamespacedConfigMap({ name: VERIFY_SECURITY_JOB.configMap, namespace }),
    });
    await replaceOrCreate(
      () => api.core.createNamespacedService({ namespace, body: securityReceiverService() }),
      () => api.core.deleteNamespacedService({ name: VERIFY_SECURITY_JOB.service, namespace }),
    );
    made.push({
      kind: `Service ${namespace}/${VERIFY_SECURITY_JOB.service}`,
      remove: () => api.core.deleteNamespacedService({ name: VERIFY_SECURITY_JOB.service, namespace }),
    });
    const outcome = await runJobToEnd(api, job, {
      what: 'verify-security',
      podLabel: VERIFY_SECURITY_JOB.podLabel,
      container: VERIFY_SECURITY_JOB.container,
      deadlineMs: options.deadlineMs,
      clock: options.clock,
      pollMs: options.pollMs,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      log: options.log,
      ttlSeconds: VERIFY_SECURITY_JOB.ttlSeconds,
    });
    if (outcome.deleteError) cleanupProblems.push(outcome.deleteError);
    const parsed =
      outcome.log === null ? { error: outcome.logProblem ?? 'no log' } : parseSecurityJobLog(outcome.log);
    if ('posture' in parsed) return { posture: parsed.posture, problem: null, cleanupProblems };
    const diagnosis = outcome.diagnosis === null ? '' : `\n${outcome.diagnosis}`;
    return { posture: null, problem: `${parsed.error}${diagnosis}`, cleanupProblems };
  } catch (error) {
    // runJobToEnd's own errors are sentences; the API's are described without their bodies.
    const why = kubeStatusCode(error) === null ? (error as Error).message : api.describe(error);
    return { posture: null, problem: why, cleanupProblems };
  } finally {
    for (const object of made.reverse()) {
      try {
        await object.remove();
      } catch (error) {
        if (!isKubeNotFound(error)) cleanupProblems.push(`deleting ${object.kind}: ${api.describe(error)}`);
      }
    }
  }
}

/** Creates; when the object is left over from an earlier run, deletes it and creates it again. */
async function replaceOrCreate(
  create: () => Promise<unknown>,
  remove: () => Promise<unknown>,
): Promise<void> {
  try {
    await create();
  } catch (error) {
    if (kubeStatusCode(error) !== 409) throw error;
    await remove();
    await create();
  }
}
