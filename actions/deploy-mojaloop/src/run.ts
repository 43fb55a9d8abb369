import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type AwsCredentials,
  type Clock,
  type CommandRunner,
  dfspId,
  formatPosture,
  type HttpClient,
  ROLE_LABEL,
} from '@mlperf/core';
import {
  type ClusterObjects,
  DFSP_FLEET_CHART_DIR,
  DFSP_NAMESPACE,
  deployMojaloop,
  dfspFleetRunValues,
  HEALTH_MEDIAN_LIMIT_MS,
  type HealthResult,
  HUB_SERVICES_ROLE,
  IN_CLUSTER_INFRA,
  KAFKA_SERVICE,
  MOJALOOP_NAMESPACE,
  type MojaloopDeployResult,
  type MojaloopInfra,
  type onboardOnCluster,
  parseMasterSecret,
  planMojaloop,
  resolveHubAdminServices,
  type SecurityJobInput,
  type SecurityJobOutcome,
  type ServiceInfo,
} from '@mlperf/core/mojaloop/index';
import {
  type ClusterAccess,
  kubeconfigYaml,
  loadChartPins,
  type ReadinessResult,
} from '@mlperf/core/platform/index';
import { parse } from 'yaml';
import type { CloudPhaseIo } from '../../_shell/src/action-io.js';
import { type Cluster, clusterAccess, readCluster, readMinutes } from '../../_shell/src/clusters.js';
import { type AwsRunConfig, readConfigInput, requireAws } from '../../_shell/src/config-input.js';
import { Inputs, Outputs } from './names.js';

/** The slice of `@actions/core` this action uses, injected so tests can pass a fake. */
export type ActionIo = CloudPhaseIo;

/** What the phase does on the hub cluster, built per EKS token (tokens expire after ~15 min). */
export interface HubClients {
  objects: ClusterObjects;
  waitReady(namespace: string, deadline: number): Promise<ReadinessResult>;
  /** Reaches Services through the API server's service proxy. */
  http: HttpClient;
  health(mojaloopServices: readonly ServiceInfo[], dfspCount: number): Promise<HealthResult>;
  /** verify-security as a Job on the hub cluster (core `runSecurityJob`). */
  verifySecurity(input: SecurityJobInput): Promise<SecurityJobOutcome>;
}

export interface DeployMojaloopRuntime {
  credentials(): Promise<AwsCredentials>;
  /** The SecretString of a Secrets Manager secret. */
  secretString(arn: string): Promise<string>;
  hub(access: ClusterAccess): HubClients;
  onboard: typeof onboardOnCluster;
  runner: CommandRunner;
  clock: Clock;
  workspace: string;
  /** Identifies the run for onboarding's idempotent funds-in (the workflow run id). */
  runId: string;
  /** The bundled verify-security Job script (dist/jobs/verify-security.mjs). */
  securityScript(): Promise<string>;
}

export interface DeployMojaloopSettings {
  config: AwsRunConfig & { mojaloop: NonNullable<AwsRunConfig['mojaloop']> };
  hub: Cluster;
  /** The RDS instance and its master secret; null for an in-cluster database. */
  rds: { host: string; port: number; secretArn: string } | null;
  cacheEndpoint: string;
  readinessTimeoutMs: number;
  helmDir: string;
}

const HOST_PORT = /^([A-Za-z0-9.-]+):(\d{1,5})$/;
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/;

export function readInputs(io: ActionIo, workspace: string): DeployMojaloopSettings {
  const getInput = (name: string) => io.getInput(name);
  const config = requireAws(readConfigInput(getInput, Inputs.Config), 'a local run deploys no hub');
  const mojaloop = config.mojaloop;
  if (mojaloop === undefined) {
    throw new Error(
      'mojaloop: got nothing (missing); allowed: a mojaloop section (required for the aws provider)',
    );
  }
  let rds: DeployMojaloopSettings['rds'] = null;
  if (mojaloop.database === 'rds') {
    const endpoint = getInput(Inputs.DbEndpoint).trim();
    const match = HOST_PORT.exec(endpoint);
    if (!match) {
      throw new Error(
        `input ${Inputs.DbEndpoint}: got ${JSON.stringify(endpoint)}; allowed: host:port of the RDS instance (provision output db-endpoint; required when mojaloop.database is rds)`,
      );
    }
    const secretArn = getInput(Inputs.DbSecretArn).trim();
    if (!SECRET_ARN.test(secretArn)) {
      throw new Error(
        `input ${Inputs.DbSecretArn}: got ${JSON.stringify(secretArn)}; allowed: a Secrets Manager ARN (provision output db-master-user-secret-arn; required when mojaloop.database is rds)`,
      );
    }
    rds = { host: match[1] as string, port: Number(match[2]), secretArn };
  }
  const cacheEndpoint = getInput(Inputs.CacheEndpoint).trim();
  dfspFleetRunValues(cacheEndpoint); // validates, naming the input
  return {
    config: { ...config, mojaloop },
    hub: readCluster(getInput, 'hub'),
    rds,
    cacheEndpoint,
    readinessTimeoutMs: readMinutes(getInput, Inputs.ReadinessTimeoutMinutes, 20) * 60_000,
    helmDir: path.resolve(workspace, getInput(Inputs.HelmDir).trim() || 'helm'),
  };
}

/** Age at which a hub client's EKS token is replaced (EKS accepts one for about 15 minutes). */
export const TOKEN_REUSE_MS = 10 * 60_000;
/** Polling interval of the schema Job and the gateway's load balancer. */
const SETUP_POLL_MS = 5_000;
/** Deadline of one onboarding or proxy request. */
export const PROXY_REQUEST_TIMEOUT_MS = 30_000;

function healthJson(health: HealthResult | null): string {
  if (health === null)
    return JSON.stringify({
      passed: false,
      limitMs: HEALTH_MEDIAN_LIMIT_MS,
      problems: ['not run'],
      results: [],
    });
  return JSON.stringify({
    passed: health.passed,
    limitMs: HEALTH_MEDIAN_LIMIT_MS,
    problems: health.problems,
    results: health.report.results.map(({ name, url, ok, attempts, medianMs }) => ({
      name,
      url,
      ok,
      attempts,
      medianMs,
    })),
  });
}

/** Where the verify-security Job runs: the hub's service nodes, like the Mojaloop services. */
const SECURITY_JOB_NODES = { [ROLE_LABEL]: HUB_SERVICES_ROLE };

function securityLines(security: SecurityJobOutcome | null): string[] {
  if (security === null) return [];
  const lines = ['', '### Verified security posture (negative probes from inside the cluster)', ''];
  if (security.posture === null) {
    lines.push(
      `⚠️ verify-security did not run, so no control is proven: ${security.problem ?? 'no reason given'}`,
    );
  } else {
    lines.push(...formatPosture(security.posture).map((line) => `- ${line}`));
  }
  for (const problem of security.cleanupProblems) lines.push(`- cleanup: ${problem}`);
  return lines;
}

function summaryOf(
  result: MojaloopDeployResult | null,
  onboarded: string | null,
  health: HealthResult | null,
  security: SecurityJobOutcome | null,
  failure: string | null,
): string {
  const lines = [`## Mojaloop: ${failure === null ? 'deployed, onboarded and healthy' : 'FAILED'}`, ''];
  if (result) {
    lines.push('| release | namespace | chart | took |', '|---|---|---|---|');
    for (const i of result.installed)
      lines.push(`| ${i.release} | ${i.namespace} | ${i.chart} ${i.version} | ${i.seconds} s |`);
    lines.push(
      '',
      `Objects: ${result.objects.created} created, ${result.objects.replaced} replaced, ${result.objects.kept} kept.`,
      `Gateway: ${result.gatewayHost ?? 'none'}`,
    );
  }
  if (onboarded) lines.push('', onboarded);
  if (health) {
    lines.push(
      '',
      `### Health (median ≤ ${HEALTH_MEDIAN_LIMIT_MS} ms from inside the cluster)`,
      '',
      '| service | ok | median |',
      '|---|---|---|',
    );
    for (const r of health.report.results)
      lines.push(`| ${r.name} | ${r.ok}/${r.attempts} | ${r.medianMs ?? '–'} ms |`);
  }
  lines.push(...securityLines(security));
  if (failure) lines.push('', '```', failure, '```');
  return `${lines.join('\n')}\n`;
}

export async function run(io: ActionIo, runtime: DeployMojaloopRuntime): Promise<void> {
  const dirs: string[] = [];
  let result: MojaloopDeployResult | null = null;
  let onboarded: string | null = null;
  let health: HealthResult | null = null;
  let security: SecurityJobOutcome | null = null;
  let failure: string | null = null;
  try {
    const settings = readInputs(io, runtime.workspace);
    const { config } = settings;
    const region = config.infrastructure.region;
    // EKS accepts a token for ~15 min and this phase runs longer: clients are rebuilt with a fresh
    // token once theirs is TOKEN_REUSE_MS old, and long waits are split into slices shorter than that.
    const access = () =>
      clusterAccess(
        settings.hub,
        region,
        () => runtime.credentials(),
        (v) => io.setSecret(v),
      );
    let current: { clients: HubClients; endpoint: string; since: number } | null = null;
    const hubWithEndpoint = async () => {
      if (current === null || runtime.clock.now() - current.since >= TOKEN_REUSE_MS) {
        const fresh = await access();
        current = { clients: runtime.hub(fresh), endpoint: fresh.endpoint, since: runtime.clock.now() };
      }
      return current;
    };
    const hub = async () => (await hubWithEndpoint()).clients;

    let credentials: { username: string; password: string } | null = null;
    if (settings.rds) {
      credentials = parseMasterSecret(
        await runtime.secretString(settings.rds.secretArn),
        settings.rds.secretArn,
      );
      io.setSecret(credentials.password);
    }
    const infra: MojaloopInfra = settings.rds
      ? {
          database: {
            host: settings.rds.host,
            port: settings.rds.port,
            user: credentials?.username as string,
          },
          kafka: { host: KAFKA_SERVICE.host, port: KAFKA_SERVICE.port },
        }
      : IN_CLUSTER_INFRA;

    const work = await mkdtemp(path.join(tmpdir(), 'mlperf-mojaloop-'));
    dirs.push(work);
    await chmod(work, 0o700);
    const kubeconfig = path.join(work, 'hub.kubeconfig');
    const writeKubeconfig = async () =>
      writeFile(kubeconfig, kubeconfigYaml(await access()), { mode: 0o600 });
    await writeKubeconfig();
    const pinsFile = path.join(settings.helmDir, 'versions.yaml');
    const chartMeta = parse(
      readFileSync(path.join(settings.helmDir, DFSP_FLEET_CHART_DIR, 'Chart.yaml'), 'utf8'),
    ) as {
      version: string;
    };
    const plan = planMojaloop({
      config,
      pins: await loadChartPins(pinsFile),
      helmDir: settings.helmDir,
      pinsFile,
      runValuesDir: work,
      kubeconfig,
      dfspFleetVersion: chartMeta.version,
      exists: existsSync,
    });
    // Helm reads the kubeconfig while it runs: renew its token before every Helm call.
    const runner: CommandRunner = {
      run: async (command, args, options) => {
        if (command === 'helm' && args[0] === 'upgrade') await writeKubeconfig();
        return runtime.runner.run(command, args, options);
      },
    };
    const objects: ClusterObjects = {
      apply: async (manifest, mode) => (await hub()).objects.apply(manifest, mode),
      readSecretKey: async (ns, name, key) => (await hub()).objects.readSecretKey(ns, name, key),
      jobState: async (ns, name) => (await hub()).objects.jobState(ns, name),
      loadBalancerHost: async (ns, name) => (await hub()).objects.loadBalancerHost(ns, name),
      listServices: async (ns) => (await hub()).objects.listServices(ns),
    };
    result = await deployMojaloop(
      {
        config,
        plan,
        infra,
        databaseCredentials: credentials,
        cwd: runtime.workspace,
        fleetRunValues: dfspFleetRunValues(settings.cacheEndpoint),
      },
      {
        runner,
        clock: runtime.clock,
        objects,
        waitReady: async (namespace, deadline) => {
          // Bounded by count as well as time: one slice per TOKEN_REUSE_MS up to the deadline.
          const slices = Math.max(1, Math.ceil((deadline - runtime.clock.now()) / TOKEN_REUSE_MS));
          let readiness: ReadinessResult = { ready: false };
          for (let i = 0; i < slices; i++) {
            const slice =
              i === slices - 1 ? deadline : Math.min(deadline, runtime.clock.now() + TOKEN_REUSE_MS);
            readiness = await (await hub()).waitReady(namespace, slice);
            if (readiness.ready) break;
          }
          return readiness;
        },
        writeFile: (file, text) => writeFile(file, text, { mode: 0o600 }),
        log: (line) => io.info(line),
      },
      {
        readinessTimeoutMs: settings.readinessTimeoutMs,
        setupTimeoutMs: settings.readinessTimeoutMs,
        pollMs: SETUP_POLL_MS,
      },
    );
    io.setOutput(Outputs.Installed, JSON.stringify(result.installed));
    if (!result.ok) {
      const f = result.failure;
      throw new Error(`mojaloop: ${f?.key ? `${f.key} ` : ''}failed at ${f?.step}: ${f?.message}`);
    }
    io.setOutput(Outputs.GatewayHost, result.gatewayHost ?? '');
    io.setOutput(Outputs.OutboundUrls, JSON.stringify(result.outboundUrls));

    // Onboarding through the API server's service proxy.
    const services = resolveHubAdminServices(await objects.listServices(MOJALOOP_NAMESPACE));
    // Each request goes through the clients of the moment, so a long bulk registration renews its token.
    const proxied: HttpClient = {
      request: async (method, url, init) => (await hub()).http.request(method, url, init),
    };
    const summary = await runtime.onboard(config, proxied, {
      endpoint: (await hubWithEndpoint()).endpoint,
      services,
      runId: runtime.runId,
      logger: { info: (message) => io.info(message) },
    });
    const parties = summary.dfsps.reduce((sum, d) => sum + d.parties.created + d.parties.existing, 0);
    onboarded = `Onboarded ${summary.dfsps.length} DFSPs in ${summary.hub.currency}; ${parties} party identifiers registered.`;
    io.info(onboarded);

    // Every pod ready (the waits above), then each service's /health from inside the cluster.
    const listed = await objects.listServices(MOJALOOP_NAMESPACE);
    health = await (await hub()).health(listed, config.dfsps.count);
    io.setOutput(Outputs.Health, healthJson(health));
    if (!health.passed) throw new Error(`mojaloop health: ${health.problems.join(' ')}`);
    io.info(
      `health: ${health.report.results.length} services in ${MOJALOOP_NAMESPACE} and ${DFSP_NAMESPACE} answer within ${HEALTH_MEDIAN_LIMIT_MS} ms (median)`,
    );

    // verify-security: the posture is what the report states. A control the hub does not enforce is a
    // finding, not a deploy failure; a Job that could not run leaves the posture unproven (and says why).
    current = null; // fresh clients: the Job may run for minutes
    security = await (await hub()).verifySecurity({
      script: await runtime.securityScript(),
      currency: config.dfsps.currency,
      foreignFspId: dfspId(1),
      nodeSelector: SECURITY_JOB_NODES,
    });
    io.setOutput(Outputs.SecurityPosture, security.posture === null ? '' : JSON.stringify(security.posture));
    for (const line of securityLines(security).filter((l) => l !== '')) io.info(line);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    io.setFailed(failure);
  } finally {
    await io.writeSummary(summaryOf(result, onboarded, health, security, failure)).catch(() => undefined);
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}
