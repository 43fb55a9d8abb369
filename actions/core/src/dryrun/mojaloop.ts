/**
 * The dry run of phase 04 (deploy-mojaloop): the steps of the core's `deployMojaloop` in its order,
 * with every figure from the functions the action calls — `planMojaloop` for the releases and their
 * `helm upgrade --install` lines, `helmPullArgs` for the key check, the object builders and names for
 * what it creates (names only: no key, password or certificate is made here), the component table and
 * `totalDbConnections` / `databaseMaxConnections` for the sizing, `gatewayManifests` / `outboundUrls`
 * for the routes, `healthTargets` and the HEALTH_* constants for the health rule.
 */
import path from 'node:path';
import type { AwsInfrastructure, RunConfig } from '../config/index.js';
import {
  componentReplicas,
  databaseMaxConnections,
  MOJALOOP_COMPONENTS,
  type MojaloopSettings,
  totalDbConnections,
} from '../config/mojaloop.js';
import { DB_CONNECTION_HEADROOM_PERCENT, usableConnections } from '../config/rds-memory.js';
import { dfspIds } from '../fleet/names.js';
import { describeManifest } from '../mojaloop/cluster.js';
import { SDK_OUTBOUND_PORT } from '../mojaloop/deploy.js';
import {
  HEALTH_ATTEMPTS,
  HEALTH_DEADLINE_MS,
  HEALTH_MEDIAN_LIMIT_MS,
  HEALTH_REQUEST_TIMEOUT_MS,
  healthTargets,
  MOJALOOP_SERVICE_PORT,
} from '../mojaloop/health.js';
import { helmPullArgs } from '../mojaloop/keys.js';
import {
  DATABASES,
  DFSP_NAMESPACE,
  dfspJwsSecret,
  GATEWAY_SERVICE,
  HUB_SERVICES_ROLE,
  MOJALOOP_NAMESPACE,
  SECRETS,
} from '../mojaloop/names.js';
import {
  caManifests,
  DB_INIT_BACKOFF_LIMIT,
  DB_INIT_JOB,
  DB_PASSWORD_BYTES,
  dfspCertificate,
  gatewayCertificate,
  gatewayManifests,
  hubCallbackClientCertificate,
  ILP_SECRET_BYTES,
  JWS_KEY_BITS,
  type KubeManifest,
  MYSQL_CLIENT_IMAGE,
  namespaceManifest,
  outboundUrls,
} from '../mojaloop/objects.js';
import {
  DFSP_NET_DEBIT_CAP,
  HUB_ADMIN_SERVICE_SUFFIXES,
  HUB_SERVICE_PORT,
  sdkCallbackBase,
} from '../mojaloop/onboard.js';
import { type PlannedMojaloopInstall, planMojaloop } from '../mojaloop/plan.js';
import {
  buildSecurityJob,
  IN_CLUSTER_HUB_URL,
  SECURITY_JOB_DEADLINE_MS,
  VERIFY_SECURITY_JOB,
  VERIFY_SECURITY_RECEIVER_URL,
} from '../mojaloop/security-job.js';
import { minInsyncReplicas, topicPartitions } from '../mojaloop/values.js';
import { DFSP_STEP_LABELS, DFSP_STEPS, HUB_ACCOUNT_TYPES } from '../onboarding/onboard.js';
import type { ChartPin } from '../platform/pins.js';
import { PROBES } from '../security/posture.js';
import { PROBE_FSP_IDS } from '../security/probe-dfsps.js';
import { CHART_PULL_DIR, MOJALOOP_DEFAULTS, MOJALOOP_WORK_DIR, PIPELINE_WORKSPACE } from './pipeline.js';
import type {
  MojaloopDetails,
  MojaloopSizing,
  PlannedCommand,
  PlannedMojaloopRelease,
  PlannedObject,
} from './types.js';

/** Stands for the gateway's load balancer host, known once the platform's NLB exists. */
export const GATEWAY_HOST_PLACEHOLDER = '<gateway-host>';
/** Stands for the hub cluster's API endpoint (provision output). */
export const HUB_ENDPOINT_PLACEHOLDER = '<hub-cluster-endpoint>';
/** Stands for the dfsp-fleet chart's version when the caller did not read helm/charts/dfsp-fleet/Chart.yaml. */
export const DFSP_FLEET_VERSION_UNKNOWN = '(version of helm/charts/dfsp-fleet/Chart.yaml)';

/** The VirtualServices gatewayManifests builds (objects.ts): FSPIOP in, SDK outbound, callbacks under mTLS. */
const FSPIOP_VIRTUAL_SERVICE = 'mlperf-fspiop';
const OUTBOUND_VIRTUAL_SERVICE = 'mlperf-sdk-outbound';
const CALLBACK_VIRTUAL_SERVICE = 'mlperf-hub-callbacks';

export interface MojaloopPhaseInput {
  config: RunConfig;
  infra: AwsInfrastructure;
  pins: ReadonlyMap<string, ChartPin>;
  pinsFile: string;
  /** Values files under helm/values/, relative to it, posix separators. */
  valuesFiles: readonly string[];
  dfspFleetVersion: string | undefined;
  hubClusterName: string;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function object(manifest: KubeManifest, mode: PlannedObject['mode'], what: string): PlannedObject {
  return { object: describeManifest(manifest), mode, what };
}

function secret(namespace: string, name: string, mode: PlannedObject['mode'], what: string): PlannedObject {
  return { object: `Secret ${namespace}/${name}`, mode, what };
}

/** What the deploy creates before the releases, in its order (deploy.ts step 2 and 3). */
export function mojaloopObjects(config: RunConfig, settings: MojaloopSettings): PlannedObject[] {
  const fspIds = dfspIds(config.dfsps.count);
  const objects: PlannedObject[] = [
    ...[MOJALOOP_NAMESPACE, DFSP_NAMESPACE].map((ns) =>
      object(namespaceManifest(ns), 'create-only', 'namespace'),
    ),
  ];
  const dbKeys = `keys ${SECRETS.database.usernameKey}, ${SECRETS.database.passwordKey}, ${SECRETS.database.rootPasswordKey}`;
  objects.push(
    settings.database === 'rds'
      ? secret(
          MOJALOOP_NAMESPACE,
          SECRETS.database.name,
          'replace',
          `the RDS master user from Secrets Manager (db-secret-arn; the password is masked): ${dbKeys}`,
        )
      : secret(
          MOJALOOP_NAMESPACE,
          SECRETS.database.name,
          'create-only',
          `generated once (${DB_PASSWORD_BYTES} random bytes each) and kept, the in-cluster MySQL stores it at first start: ${dbKeys}`,
        ),
  );
  const jws = `RSA ${JWS_KEY_BITS} JWS signing key (${SECRETS.dfspJwsKey}), generated in the job, kept on a re-run`;
  for (const fspId of fspIds) objects.push(secret(DFSP_NAMESPACE, dfspJwsSecret(fspId), 'create-only', jws));
  objects.push(
    secret(MOJALOOP_NAMESPACE, SECRETS.hubJws.name, 'create-only', `the hub's ${jws}`),
    secret(
      DFSP_NAMESPACE,
      SECRETS.jwsPublicKeys,
      'replace',
      `public keys of the ${fspIds.length} DFSPs and the hub (<name>.pem)`,
    ),
    secret(
      DFSP_NAMESPACE,
      SECRETS.ilp.name,
      'create-only',
      `the fleet's ILP secret (${ILP_SECRET_BYTES} random bytes, key ${SECRETS.ilp.key})`,
    ),
  );
  const [bootstrap, ca, issuer] = caManifests();
  if (bootstrap) objects.push(object(bootstrap, 'create-only', 'self-signed issuer of the environment CA'));
  if (ca) objects.push(object(ca, 'create-only', 'the environment CA certificate (cert-manager)'));
  if (issuer) objects.push(object(issuer, 'create-only', 'CA issuer of every certificate below'));
  objects.push(
    object(
      gatewayCertificate(null),
      'replace',
      "the gateway's server certificate; its public host is added once the load balancer has one",
    ),
  );
  for (const fspId of PROBE_FSP_IDS) {
    objects.push(
      object(
        dfspCertificate(fspId),
        'replace',
        "verify-security's probe DFSP: its client certificate (issued even without mTLS, to show whether the gateway asks for one)",
      ),
    );
  }
  if (config.security.mtls) {
    for (const fspId of fspIds) {
      objects.push(
        object(
          dfspCertificate(fspId),
          'replace',
          'client certificate to the hub, server certificate for its callbacks',
        ),
      );
    }
    objects.push(
      object(
        hubCallbackClientCertificate(),
        'replace',
        "the hub's client certificate the gateway presents on each DFSP's callbacks",
      ),
    );
  }
  if (settings.database === 'rds') {
    objects.push({
      object: `Job ${MOJALOOP_NAMESPACE}/${DB_INIT_JOB}`,
      mode: 'create-only',
      what: `CREATE DATABASE IF NOT EXISTS ${DATABASES.join(', ')} on RDS over TLS (${MYSQL_CLIENT_IMAGE}, up to ${DB_INIT_BACKOFF_LIMIT} retries), waited for before the releases`,
    });
  }
  return objects;
}

/** The sizing as the values generator and the config rule see it. */
export function mojaloopSizing(infra: AwsInfrastructure, settings: MojaloopSettings): MojaloopSizing {
  const components = MOJALOOP_COMPONENTS.map((component) => ({
    component: component.subchart === '' ? component.chart : `${component.chart}/${component.subchart}`,
    role: component.role,
    replicas: componentReplicas(component, settings),
    database: component.database ?? null,
    poolMax: component.database === undefined ? null : (component.fixedPoolMax ?? settings.dbPool.max),
    topics: [...(component.topics ?? [])],
  }));
  const totals = totalDbConnections(settings);
  const limit = databaseMaxConnections(settings.database, infra.database.instanceClass);
  const usable = limit === null ? null : usableConnections(limit.maxConnections);
  const rf = settings.kafka.replicationFactor;
  return {
    components,
    partitions: [...topicPartitions(settings)].map(([topic, partitions]) => ({ topic, partitions })),
    kafka: {
      brokers: infra.hub.nodeGroups.kafka.desiredSize,
      replicationFactor: rf,
      minInsyncReplicas: minInsyncReplicas(rf),
    },
    dbPool: { ...settings.dbPool },
    positionBatchSize: settings.positionBatchSize,
    database: {
      kind: settings.database,
      ...totals,
      maxConnections: limit?.maxConnections ?? null,
      source: limit?.source ?? `RDS ${infra.database.instanceClass} (memory unknown)`,
      usable,
      headroomPercent: DB_CONNECTION_HEADROOM_PERCENT,
      within: usable === null ? null : totals.connections <= usable,
    },
  };
}

interface HttpRoute {
  match?: Array<{ port?: number; uri?: { prefix?: string } }>;
  route?: Array<{ destination?: { host?: string; port?: { number?: number } } }>;
}

/** The routes of one VirtualService, read back from the manifest the deploy applies. */
function routesOf(manifest: KubeManifest | undefined): MojaloopDetails['gateway']['fspiopRoutes'] {
  const http = ((manifest?.spec as { http?: HttpRoute[] } | undefined)?.http ?? []) as HttpRoute[];
  return http.map((route) => {
    const match = route.match?.[0];
    const destination = route.route?.[0]?.destination;
    return {
      port: match?.port ?? 0,
      prefix: match?.uri?.prefix ?? '',
      destination: `${destination?.host ?? ''}:${destination?.port?.number ?? ''}`,
    };
  });
}

export function planMojaloopDetails(input: MojaloopPhaseInput): MojaloopDetails {
  const { config, infra } = input;
  const settings = config.mojaloop;
  const helmDir = path.posix.join(PIPELINE_WORKSPACE, MOJALOOP_DEFAULTS.helmDir);
  const valuesDir = path.posix.join(helmDir, 'values');
  const present = new Set(input.valuesFiles);
  const kubeconfig = path.posix.join(MOJALOOP_WORK_DIR, 'hub.kubeconfig');
  const timeoutMinutes = MOJALOOP_DEFAULTS.readinessTimeoutMinutes;
  let installs: PlannedMojaloopInstall[] = [];
  let failure: string | null = null;
  try {
    installs = planMojaloop({
      config,
      pins: input.pins,
      helmDir,
      pinsFile: path.posix.join(helmDir, 'versions.yaml'),
      runValuesDir: MOJALOOP_WORK_DIR,
      kubeconfig,
      dfspFleetVersion: input.dfspFleetVersion ?? DFSP_FLEET_VERSION_UNKNOWN,
      exists: (file) => present.has(path.posix.relative(valuesDir, file)),
    });
  } catch (error) {
    failure = message(error);
  }
  const helm = (args: string[], purpose: string): PlannedCommand => ({
    command: 'helm',
    args,
    cwd: PIPELINE_WORKSPACE,
    env: {},
    purpose,
  });
  const releases: PlannedMojaloopRelease[] = installs.map((install, index) => ({
    order: index + 1,
    key: install.key,
    release: install.release,
    cluster: install.cluster,
    clusterName: input.hubClusterName,
    namespace: install.namespace,
    chart: install.pin.chart,
    version: install.pin.version,
    repo: install.local ? 'this repository' : install.pin.repo,
    valuesFiles: [...install.valuesFiles],
    local: install.local === true,
    runValuesFile: install.runValuesFile ?? null,
    readiness: { namespace: install.namespace, timeoutMinutes },
    command: helm(
      install.args,
      `install or upgrade (Helm's own wait off), then wait up to ${timeoutMinutes} min for ${install.namespace} to be ready`,
    ),
  }));
  const keyCheck = installs
    .filter((install) => !install.local)
    .map((install) =>
      helm(
        helmPullArgs(install.pin, CHART_PULL_DIR),
        `pull ${install.pin.chart} ${install.pin.version}, then prove every key of ${install.valuesFiles[0] ?? ''} and the run values exists in it`,
      ),
    );

  const fspIds = dfspIds(config.dfsps.count);
  const routes = gatewayManifests(fspIds, SDK_OUTBOUND_PORT, config.security.mtls);
  // Picked by name, not position: the builder may add objects (the mTLS callback leg).
  const named = (name: string) => routes.find((manifest) => manifest.metadata.name === name);
  const describeGatewayObject = (manifest: KubeManifest): string =>
    manifest.kind === 'Gateway'
      ? `ports 80 (http) and 443 (${config.security.mtls ? 'mutual TLS' : 'TLS'})`
      : manifest.kind === 'VirtualService'
        ? `${routesOf(manifest).length} route(s)`
        : manifest.kind === 'DestinationRule'
          ? 'the gateway originates mutual TLS to this SDK for callbacks'
          : manifest.kind === 'EnvoyFilter'
            ? "a Lua filter on the gateway: a client certificate's CN must equal FSPIOP-Source, else 403"
            : manifest.kind;
  const sdkTargets = healthTargets([], config.dfsps.count);
  const placeholders: MojaloopDetails['placeholders'] = [
    {
      field: 'hub kubeconfig',
      value: kubeconfig,
      inThePipeline: 'written in the job, owner-only, removed after',
    },
    {
      field: 'gateway host',
      value: GATEWAY_HOST_PLACEHOLDER,
      inThePipeline: `the load balancer host of Service ${GATEWAY_SERVICE.namespace}/${GATEWAY_SERVICE.name}, read after the routes are applied`,
    },
    {
      field: 'cache-endpoint',
      value: '<provision output cache-endpoint>',
      inThePipeline: 'the Redis primary the SDKs use (dfsp-fleet run values)',
    },
  ];
  if (settings?.database === 'rds') {
    placeholders.push(
      {
        field: 'db-endpoint',
        value: '<provision output db-endpoint>',
        inThePipeline: 'host:port of the RDS instance (mojaloop run values, the schema Job)',
      },
      {
        field: 'db-secret-arn',
        value: '<provision output db-secret-arn>',
        inThePipeline:
          'the RDS master secret, read with secretsmanager:GetSecretValue; its password is masked',
      },
    );
  }
  const proxy = (suffix: string) =>
    `${HUB_ENDPOINT_PLACEHOLDER}/api/v1/namespaces/${MOJALOOP_NAMESPACE}/services/<…-${suffix}>:${HUB_SERVICE_PORT}/proxy`;
  const needs = MOJALOOP_DEFAULTS.needs.join(', ');
  const wired = Object.keys(MOJALOOP_DEFAULTS.wiring).join(', ');
  return {
    job: `mojaloop (perf-pipeline.yml): needs ${needs}; the protected environment; the pipeline role by OIDC; ${MOJALOOP_DEFAULTS.jobTimeoutMinutes} min timeout; inputs ${wired}`,
    helmVersion: MOJALOOP_DEFAULTS.helmVersion,
    pinsFile: input.pinsFile,
    failure,
    keyCheck: {
      commands: keyCheck,
      rule: 'before anything is created: helm pull each pinned Mojaloop chart, coalesce its defaults with its dependencies as Helm does, then every key path of the committed profile values and of the run values (database, Kafka) proved to exist; an unknown key stops the phase naming each path and the chart version. Our dfsp-fleet chart is proved by tools/test/helm-values.test.ts',
    },
    objects: settings === undefined ? [] : mojaloopObjects(config, settings),
    releases,
    readinessTimeoutMinutes: timeoutMinutes,
    sizing: settings === undefined ? emptySizing() : mojaloopSizing(infra, settings),
    gateway: {
      service: `${GATEWAY_SERVICE.namespace}/${GATEWAY_SERVICE.name}`,
      objects: [
        ...routes.map((manifest) => object(manifest, 'replace', describeGatewayObject(manifest))),
        object(
          gatewayCertificate(GATEWAY_HOST_PLACEHOLDER),
          'replace',
          'the server certificate again, now naming the public host',
        ),
      ],
      fspiopRoutes: routesOf(named(FSPIOP_VIRTUAL_SERVICE)),
      outboundRoutes: routesOf(named(OUTBOUND_VIRTUAL_SERVICE)),
      callbackRoutes: routesOf(named(CALLBACK_VIRTUAL_SERVICE)),
      outboundUrls: outboundUrls(GATEWAY_HOST_PLACEHOLDER, fspIds),
    },
    onboarding: [
      {
        step: 'services',
        what: `found by name in namespace ${MOJALOOP_NAMESPACE}: ${Object.values(HUB_ADMIN_SERVICE_SUFFIXES)
          .map((suffix) => `*-${suffix}`)
          .join(
            ', ',
          )}; called through the hub API server's service proxy (${proxy(HUB_ADMIN_SERVICE_SUFFIXES.ledger)})`,
      },
      {
        step: 'hub',
        what: `${HUB_ACCOUNT_TYPES.join(' and ')} accounts in ${config.dfsps.currency}, the settlement model, the MSISDN oracle`,
      },
      {
        step: 'each DFSP',
        what: `${fspIds.length} DFSPs, each: ${DFSP_STEPS.map((step) => DFSP_STEP_LABELS[step]).join(', ')} (net debit cap and funds-in ${DFSP_NET_DEBIT_CAP.toLocaleString('en-US')} ${config.dfsps.currency}, ${config.dfsps.partiesPerDfsp} parties in bulk)`,
      },
      {
        step: 'probe DFSPs',
        what: `${PROBE_FSP_IDS.join(' and ')} (verify-security's payer and payee, no parties), callbacks at ${VERIFY_SECURITY_RECEIVER_URL}/<fspId>`,
      },
      {
        step: 'callbacks',
        what: `the callback base registered per DFSP (${config.security.mtls ? "through the gateway, which adds the hub's client certificate" : "the SDK's inbound API"}), e.g. ${sdkCallbackBase(fspIds[0] ?? '', config.security.mtls)}`,
      },
    ],
    health: {
      medianLimitMs: HEALTH_MEDIAN_LIMIT_MS,
      attempts: HEALTH_ATTEMPTS,
      requestTimeoutMs: HEALTH_REQUEST_TIMEOUT_MS,
      deadlineMinutes: HEALTH_DEADLINE_MS / 60_000,
      targets: [
        `every Service in ${MOJALOOP_NAMESPACE} with port ${MOJALOOP_SERVICE_PORT} (not headless, not Kafka or MySQL): http://<service>.${MOJALOOP_NAMESPACE}.svc.cluster.local/health`,
        ...sdkTargets.map((target) => `${target.name}: ${target.url}`),
      ],
    },
    verifySecurity: verifySecurityPlan(config, fspIds),
    placeholders,
    tokens:
      'an EKS bearer token for the hub cluster, minted in this job from its OIDC credentials, masked, renewed every 10 min; written nowhere but an owner-only kubeconfig in a private directory, removed when the step ends',
    onFailure:
      'stops at the first step that fails (values-keys, objects, db-init, helm, readiness, gateway, onboarding, health), naming it and why; the job summary lists what was installed',
    outputs: [
      'installed (JSON per release)',
      'gateway-host',
      `outbound-urls (JSON {"<fspId>": "http://<gateway-host>/sim/<fspId>/outbound"})`,
      'health (JSON: passed, limitMs, problems, results)',
      'security-posture (JSON, the results schema `security`; empty when verify-security could not run)',
    ],
    asks: [],
  };
}

/** What verify-security would run: the very Job the action builds, described by names only. */
function verifySecurityPlan(config: RunConfig, fspIds: readonly string[]): MojaloopDetails['verifySecurity'] {
  const job = buildSecurityJob(
    `${VERIFY_SECURITY_JOB.app}-<suffix>`,
    {
      script: '(dist/jobs/verify-security.mjs)',
      currency: config.dfsps.currency,
      foreignFspId: fspIds[0] ?? 'perffsp1',
      nodeSelector: {},
    },
    SECURITY_JOB_DEADLINE_MS,
  );
  const mounts = (job.spec?.template.spec?.volumes ?? []).map((v) =>
    v.secret
      ? `Secret ${VERIFY_SECURITY_JOB.namespace}/${v.secret.secretName}`
      : `ConfigMap ${v.configMap?.name}`,
  );
  return {
    job: `Job ${VERIFY_SECURITY_JOB.namespace}/${job.metadata?.name} on the ${HUB_SERVICES_ROLE} nodes, behind Service ${VERIFY_SECURITY_JOB.service}`,
    image: VERIFY_SECURITY_JOB.image,
    hubUrl: IN_CLUSTER_HUB_URL,
    receiver: VERIFY_SECURITY_RECEIVER_URL,
    mounts,
    probes: [...PROBES],
    deadlineMinutes: SECURITY_JOB_DEADLINE_MS / 60_000,
    policy:
      'the posture goes to the security-posture output and on to results.json; a control the hub does not enforce is reported, not a deploy failure; the Job, its ConfigMap and Service are deleted on every path',
  };
}

function emptySizing(): MojaloopSizing {
  return {
    components: [],
    partitions: [],
    kafka: { brokers: 0, replicationFactor: 0, minInsyncReplicas: 0 },
    dbPool: { min: 0, max: 0 },
    positionBatchSize: 0,
    database: {
      kind: 'rds',
      pods: 0,
      pooledPods: 0,
      fixedConnections: 0,
      connections: 0,
      maxConnections: null,
      source: 'no mojaloop section',
      usable: null,
      headroomPercent: DB_CONNECTION_HEADROOM_PERCENT,
      within: null,
    },
  };
}
