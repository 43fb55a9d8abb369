/**
 * Phase 04, the deploy: proves our Mojaloop values against the pinned charts, creates the secrets,
 * PKI and schemas, installs the planned releases one by one (each followed by a readiness wait with a
 * diagnosis), then routes the gateway and waits for its load balancer. Stops at the first failure,
 * saying which step and why. Safe to re-run: Helm upgrades, objects are replaced or kept (JWS keys,
 * the ILP secret and the CA are kept so running pods stay valid).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { Clock } from '../aws/clock.js';
import type { RunConfig } from '../config/index.js';
import { dfspIds } from '../fleet/names.js';
import type { InstallOutcome, ReadinessResult } from '../platform/install.js';
import { PROBE_FSP_IDS } from '../security/probe-dfsps.js';
import type { CommandRunner } from '../terraform/runner.js';
import { type ApplyOutcome, type ClusterObjects, describeManifest } from './cluster.js';
import { verifyValuesKeys } from './keys.js';
import {
  DATABASES,
  DFSP_NAMESPACE,
  GATEWAY_SERVICE,
  HUB_SERVICES_ROLE,
  MOJALOOP_NAMESPACE,
  ROLE_LABEL,
  SDK_OUTBOUND_PORT,
  SECRETS,
} from './names.js';
import {
  caManifests,
  DB_INIT_JOB,
  DB_PASSWORD_BYTES,
  databaseSecret,
  dbInitJob,
  dfspCertificate,
  gatewayCertificate,
  gatewayManifests,
  hubCallbackClientCertificate,
  ILP_SECRET_BYTES,
  type JwsKeyPair,
  jwsSecrets,
  type KubeManifest,
  namespaceManifest,
  outboundUrls,
  randomSecret,
  secretManifest,
} from './objects.js';
import type { PlannedMojaloopInstall } from './plan.js';
import { type MojaloopInfra, mojaloopRunValues, type Values } from './values.js';

export { SDK_OUTBOUND_PORT };

export type DeployStep = 'values-keys' | 'objects' | 'db-init' | 'helm' | 'readiness' | 'gateway';

export interface MojaloopDeployDeps {
  runner: CommandRunner;
  clock: Clock;
  objects: ClusterObjects;
  waitReady(namespace: string, deadline: number): Promise<ReadinessResult>;
  /** Writes a run values file (owner-only). */
  writeFile(file: string, text: string): Promise<void>;
  generateKeyPair?: () => JwsKeyPair;
  log?(line: string): void;
}

export interface MojaloopDeployInput {
  config: RunConfig;
  plan: readonly PlannedMojaloopInstall[];
  infra: MojaloopInfra;
  /** The RDS master credentials (database: rds), read from Secrets Manager by the caller; never logged. */
  databaseCredentials: { username: string; password: string } | null;
  /** The repository root, for relative file names in messages and Helm's working directory. */
  cwd: string;
  /** Run values of our dfsp-fleet chart (the SDKs' Redis, {@link dfspFleetRunValues}). */
  fleetRunValues: Values;
}

/** Redis's port when the endpoint names only a host. */
export const REDIS_PORT = 6379;

/** The dfsp-fleet chart's run values: the SDKs' Redis (ElastiCache primary, `host` or `host:port`). */
export function dfspFleetRunValues(cacheEndpoint: string): Values {
  const endpoint = cacheEndpoint.trim();
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(endpoint)) {
    throw new Error(
      `input cache-endpoint: got ${JSON.stringify(cacheEndpoint)}; allowed: the Redis host or host:port (provision output cache_endpoint)`,
    );
  }
  return { cacheUrl: `redis://${endpoint.includes(':') ? endpoint : `${endpoint}:${REDIS_PORT}`}` };
}

export interface MojaloopDeployOptions {
  readinessTimeoutMs: number;
  /** How long the schema Job and the gateway's load balancer may take. */
  setupTimeoutMs: number;
  pollMs: number;
}

export interface MojaloopDeployResult {
  ok: boolean;
  installed: InstallOutcome[];
  objects: Record<ApplyOutcome, number>;
  gatewayHost: string | null;
  outboundUrls: Record<string, string>;
  failure?: { step: DeployStep; key?: string; message: string };
}

class StepFailure extends Error {
  constructor(
    readonly step: DeployStep,
    message: string,
    readonly key?: string,
  ) {
    super(message);
  }
}

/** Values of the run part for a release (what the deploy writes to its run values file). */
function runValuesFor(
  key: PlannedMojaloopInstall['key'],
  run: { umbrella: Values; backend: Values },
  fleet: Values,
): Values {
  if (key === 'mojaloop') return run.umbrella;
  if (key === 'example-mojaloop-backend') return run.backend;
  return fleet;
}

async function pollUntil<T>(
  clock: Clock,
  deadline: number,
  pollMs: number,
  probe: () => Promise<T | null>,
): Promise<T | null> {
  // Bounded by the deadline; at least one probe even when the deadline has passed.
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (clock.now() + pollMs > deadline) return null;
    await clock.sleep(pollMs);
  }
}

export async function deployMojaloop(
  input: MojaloopDeployInput,
  deps: MojaloopDeployDeps,
  options: MojaloopDeployOptions,
): Promise<MojaloopDeployResult> {
  const { config } = input;
  const settings = config.mojaloop;
  if (settings === undefined) throw new Error('mojaloop: got nothing (missing); allowed: a mojaloop section');
  const fspIds = dfspIds(config.dfsps.count);
  const counts: Record<ApplyOutcome, number> = { created: 0, replaced: 0, kept: 0 };
  const installed: InstallOutcome[] = [];
  const log = (line: string) => deps.log?.(line);
  const apply = async (manifest: KubeManifest, mode: 'replace' | 'create-only') => {
    const outcome = await deps.objects.apply(manifest, mode);
    counts[outcome]++;
    log(`${describeManifest(manifest)}: ${outcome}`);
  };
  let gatewayHost: string | null = null;
  try {
    // 1. Our keys against the pinned charts, before anything is created or installed.
    const run = mojaloopRunValues(config, input.infra);
    for (const install of input.plan) {
      if (install.runValuesFile === undefined) continue;
      const values = runValuesFor(install.key, run, input.fleetRunValues);
      await deps.writeFile(install.runValuesFile, stringify(values, { aliasDuplicateObjects: false }));
      // Our own chart's keys are proved by tools/test/helm-values.test.ts against its values.yaml.
      if (install.local) continue;
      const committed = install.valuesFiles[0] as string;
      try {
        await verifyValuesKeys(
          deps.runner,
          install.pin,
          [
            {
              source: path.relative(input.cwd, committed),
              values: (parse(await readFile(committed, 'utf8')) ?? {}) as Values,
            },
            { source: 'run values (database, Kafka)', values },
          ],
          { cwd: input.cwd },
        );
      } catch (error) {
        throw new StepFailure('values-keys', (error as Error).message, install.key);
      }
      log(`${install.pin.chart} ${install.pin.version}: every key we set exists`);
    }

    // 2. Namespaces, secrets and the PKI.
    try {
      for (const ns of [MOJALOOP_NAMESPACE, DFSP_NAMESPACE])
        await apply(namespaceManifest(ns), 'create-only');
      if (settings.database === 'rds') {
        if (input.databaseCredentials === null) {
          throw new Error('database: rds needs the RDS master credentials (input db-secret-arn)');
        }
        await apply(databaseSecret(input.databaseCredentials), 'replace');
      } else {
        // Generated once and kept: the in-cluster MySQL stores the password at first start.
        const password = randomSecret(DB_PASSWORD_BYTES);
        await apply(
          databaseSecret({ username: 'mojaloop', password, rootPassword: randomSecret(DB_PASSWORD_BYTES) }),
          'create-only',
        );
      }
      // The probe DFSPs of verify-security (security-job.ts) are DFSPs like the fleet's: keys and certificates.
      const withProbes = [...fspIds, ...PROBE_FSP_IDS];
      const jws = await jwsSecrets(
        withProbes,
        (namespace, name, key) => deps.objects.readSecretKey(namespace, name, key),
        deps.generateKeyPair,
      );
      for (const secret of jws.create) await apply(secret, 'create-only');
      await apply(secretManifest(DFSP_NAMESPACE, SECRETS.jwsPublicKeys, jws.publicKeys), 'replace');
      await apply(
        secretManifest(DFSP_NAMESPACE, SECRETS.ilp.name, {
          [SECRETS.ilp.key]: randomSecret(ILP_SECRET_BYTES),
        }),
        'create-only',
      );
      for (const manifest of caManifests()) await apply(manifest, 'create-only');
      await apply(gatewayCertificate(null), 'replace');
      // The probe DFSPs hold certificates even without mTLS: the probes then show the gateway asks for none.
      for (const fspId of PROBE_FSP_IDS) await apply(dfspCertificate(fspId), 'replace');
      if (config.security.mtls) {
        for (const fspId of fspIds) await apply(dfspCertificate(fspId), 'replace');
        await apply(hubCallbackClientCertificate(), 'replace');
      }
    } catch (error) {
      throw error instanceof StepFailure ? error : new StepFailure('objects', (error as Error).message);
    }

    // 3. The schemas on RDS.
    if (settings.database === 'rds') {
      const schemas = DATABASES;
      await apply(
        dbInitJob(input.infra.database.host, input.infra.database.port, schemas, {
          [ROLE_LABEL]: HUB_SERVICES_ROLE,
        }),
        'create-only',
      );
      const state = await pollUntil(
        deps.clock,
        deps.clock.now() + options.setupTimeoutMs,
        options.pollMs,
        async () => {
          const s = await deps.objects.jobState(MOJALOOP_NAMESPACE, DB_INIT_JOB);
          return s === 'succeeded' || s === 'failed' ? s : null;
        },
      );
      if (state !== 'succeeded') {
        throw new StepFailure(
          'db-init',
          `Job ${MOJALOOP_NAMESPACE}/${DB_INIT_JOB} ${state === 'failed' ? 'failed' : `did not finish within ${Math.round(options.setupTimeoutMs / 60_000)} min`} creating ${schemas.join(', ')} on ${input.infra.database.host}; see kubectl -n ${MOJALOOP_NAMESPACE} logs job/${DB_INIT_JOB}`,
        );
      }
      log(`schemas ${schemas.join(', ')} exist on ${input.infra.database.host}`);
    }

    // 4. The releases, each followed by its readiness wait.
    for (const install of input.plan) {
      const started = deps.clock.now();
      log(
        `installing ${install.release} (${install.pin.chart} ${install.pin.version}) in ${install.namespace}`,
      );
      const result = await deps.runner.run('helm', install.args, { cwd: input.cwd, stream: true });
      if (result.exitCode !== 0) {
        const tail = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-8).join('\n');
        throw new StepFailure(
          'helm',
          `helm upgrade --install ${install.release} (${install.pin.chart} ${install.pin.version}) in ${install.cluster}/${install.namespace} exited ${result.exitCode}:\n${tail}`,
          install.key,
        );
      }
      const readiness = await deps.waitReady(
        install.namespace,
        deps.clock.now() + options.readinessTimeoutMs,
      );
      if (!readiness.ready) {
        throw new StepFailure(
          'readiness',
          `${install.release} in ${install.cluster}/${install.namespace} was not ready within ${Math.round(options.readinessTimeoutMs / 60_000)} min${readiness.diagnosis ? `:\n${readiness.diagnosis}` : ''}`,
          install.key,
        );
      }
      installed.push({
        key: install.key,
        release: install.release,
        cluster: install.cluster,
        namespace: install.namespace,
        chart: install.local ? 'dfsp-fleet' : install.pin.chart,
        version: install.pin.version,
        seconds: Math.round((deps.clock.now() - started) / 1000),
      });
    }

    // 5. The gateway: routes, then its load balancer's host name.
    try {
      for (const manifest of gatewayManifests(fspIds, SDK_OUTBOUND_PORT, config.security.mtls))
        await apply(manifest, 'replace');
    } catch (error) {
      throw new StepFailure('gateway', (error as Error).message);
    }
    gatewayHost = await pollUntil(deps.clock, deps.clock.now() + options.setupTimeoutMs, options.pollMs, () =>
      deps.objects.loadBalancerHost(GATEWAY_SERVICE.namespace, GATEWAY_SERVICE.name),
    );
    if (gatewayHost === null) {
      throw new StepFailure(
        'gateway',
        `Service ${GATEWAY_SERVICE.namespace}/${GATEWAY_SERVICE.name} has no load balancer host after ${Math.round(options.setupTimeoutMs / 60_000)} min (is it type LoadBalancer, and may the AWS load balancer controller create it?)`,
      );
    }
    // The gateway's certificate also names its public host, for clients that connect by that name.
    await apply(gatewayCertificate(gatewayHost), 'replace');
    return {
      ok: true,
      installed,
      objects: counts,
      gatewayHost,
      outboundUrls: outboundUrls(gatewayHost, fspIds),
    };
  } catch (error) {
    const failure =
      error instanceof StepFailure
        ? { step: error.step, ...(error.key ? { key: error.key } : {}), message: error.message }
        : { step: 'objects' as const, message: (error as Error).message };
    return { ok: false, installed, objects: counts, gatewayHost, outboundUrls: {}, failure };
  }
}
