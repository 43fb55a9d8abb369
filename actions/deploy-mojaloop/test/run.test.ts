import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CommandOptions,
  type CommandResult,
  type CommandRunner,
  EKS_TOKEN_PREFIX,
  loadRunConfig,
} from '@mlperf/core';
import type {
  HealthResult,
  onboardOnCluster,
  SecurityJobInput,
  SecurityJobOutcome,
  ServiceInfo,
} from '@mlperf/core/mojaloop/index';
import { mojaloopValues, type Values } from '@mlperf/core/mojaloop/values';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { movingClock, TEST_CA } from '../../_shell/test/kube-phase.js';
import { recordingIo } from '../../_shell/test/recording-io.js';
import { FakeCluster } from '../../core/test/mojaloop/fake-cluster.js';
import { posture } from '../../core/test/results/support.js';
import { Inputs, Outputs } from '../src/names.js';
import { type DeployMojaloopRuntime, run } from '../src/run.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:rds!db-1a2b3c-AbCdEf';
const DB_PASSWORD = 'rds-master-Pa55-not-real';
const DB_HOST = 'mlperf-r7.c9x.eu-west-2.rds.amazonaws.com';

async function inputs(extra: Record<string, string> = {}) {
  const config = await loadRunConfig({ profile: 'aws-smoke', profilesDir: path.join(ROOT, 'profiles') });
  return {
    [Inputs.Config]: JSON.stringify(config),
    [Inputs.HubClusterName]: 'mlperf-r7-hub',
    [Inputs.HubClusterEndpoint]: 'https://HUB.gr7.eu-west-2.eks.amazonaws.com',
    [Inputs.HubClusterCa]: TEST_CA,
    [Inputs.DbEndpoint]: `${DB_HOST}:3306`,
    [Inputs.DbSecretArn]: ARN,
    [Inputs.CacheEndpoint]: 'mlperf-r7.abc.euw2.cache.amazonaws.com',
    ...extra,
  };
}

/** FAKE helm: `pull` unpacks a chart defining exactly our keys; `upgrade` reads the kubeconfig it is given. */
class FakeHelm implements CommandRunner {
  readonly upgrades: Array<{ release: string; kubeconfig: string; path: string }> = [];
  constructor(private readonly chartValues: Record<string, Values>) {}
  async run(command: string, args: readonly string[], _options: CommandOptions): Promise<CommandResult> {
    if (command !== 'helm') throw new Error(`unexpected ${command}`);
    if (args[0] === 'pull') {
      const dir = path.join(args[args.indexOf('--untardir') + 1] as string, args[1] as string);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'values.yaml'), stringify(this.chartValues[args[1] as string] ?? {}));
      return { exitCode: 0, stdout: '', stderr: '' };
    }
    const file = args[args.indexOf('--kubeconfig') + 1] as string;
    this.upgrades.push({ release: args[2] as string, kubeconfig: readFileSync(file, 'utf8'), path: file });
    return { exitCode: 0, stdout: '', stderr: '' };
  }
}

const SERVICES: ServiceInfo[] = [
  'moja-centralledger-service',
  'moja-account-lookup-service',
  'moja-account-lookup-service-admin',
  'moja-als-msisdn-oracle',
  'moja-quoting-service',
].map((name) => ({ name, ports: [80], headless: false }));

function passingHealth(services: readonly ServiceInfo[], medianMs = 9): HealthResult {
  return {
    passed: medianMs <= 50,
    problems:
      medianMs <= 50
        ? []
        : [`moja-quoting-service (http://…/health): median ${medianMs} ms is over the 50 ms bound.`],
    report: {
      job: 'mlperf-health-abc',
      completed: true,
      diagnosis: null,
      results: services.map((s) => ({
        name: s.name,
        url: `http://${s.name}.mojaloop.svc.cluster.local/health`,
        attempts: 20,
        ok: 20,
        medianMs,
        p95Ms: medianMs,
        maxMs: medianMs,
        statuses: { '200': 20 },
        lastError: null,
      })),
    },
  };
}

const PROVEN: SecurityJobOutcome = { posture: posture(), problem: null, cleanupProblems: [] };

async function setup(
  options: {
    ready?: (ns: string) => boolean;
    medianMs?: number;
    waitMs?: number;
    security?: SecurityJobOutcome;
  } = {},
) {
  const config = await loadRunConfig({ profile: 'aws-smoke', profilesDir: path.join(ROOT, 'profiles') });
  const full = mojaloopValues(config, {
    database: { host: DB_HOST, port: 3306, user: 'mlperf_admin' },
    kafka: { host: 'kafka.mojaloop.svc.cluster.local', port: 9092 },
  });
  const helm = new FakeHelm({ mojaloop: full.umbrella, 'example-mojaloop-backend': full.backend });
  const cluster = new FakeCluster();
  cluster.services.mojaloop = SERVICES;
  const onboardCalls: Array<Parameters<typeof onboardOnCluster>[2]> = [];
  const securityCalls: SecurityJobInput[] = [];
  const tokens: string[] = [];
  const clock = movingClock();
  const runtime: DeployMojaloopRuntime = {
    credentials: async () => ({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'not-a-real-secret',
      sessionToken: 'tok',
    }),
    secretString: async (arn) => {
      expect(arn).toBe(ARN);
      return JSON.stringify({ username: 'mlperf_admin', password: DB_PASSWORD });
    },
    hub: (access) => {
      tokens.push(access.token);
      return {
        objects: cluster,
        waitReady: async (ns) => {
          await clock.sleep(options.waitMs ?? 0);
          return (options.ready ?? (() => true))(ns)
            ? { ready: true }
            : { ready: false, diagnosis: `pod ${ns}/sdk: CrashLoopBackOff` };
        },
        http: { request: async () => ({ status: 200, headers: {}, body: '{}' }) },
        health: async (services) => passingHealth(services, options.medianMs),
        verifySecurity: async (input) => {
          securityCalls.push(input);
          return options.security ?? PROVEN;
        },
      };
    },
    onboard: (async (_config: unknown, _http: unknown, opts: Parameters<typeof onboardOnCluster>[2]) => {
      onboardCalls.push(opts);
      return {
        hub: { currency: 'USD' },
        dfsps: Array.from({ length: 8 }, (_, i) => ({
          fspId: `perffsp${i + 1}`,
          parties: { created: 10000, existing: 0, requests: 10 },
        })),
      };
    }) as unknown as typeof onboardOnCluster,
    runner: helm,
    clock,
    workspace: ROOT,
    runId: 'gh-42',
    securityScript: async () => '// the bundled verify-security script\n',
  };
  return { runtime, helm, cluster, onboardCalls, securityCalls, tokens };
}

describe('deploy-mojaloop action', () => {
  it('deploys, onboards through the proxy, checks health, and publishes the gateway and outbound URLs', async () => {
    const { runtime, helm, cluster, onboardCalls, securityCalls } = await setup();
    const { io, outputs, failures, secrets, logs, summaries } = recordingIo(await inputs());
    await run(io, runtime);
    expect(failures).toEqual([]);
    expect(helm.upgrades.map((u) => u.release)).toEqual(['backend', 'moja', 'dfsp-fleet']);
    expect(JSON.parse(outputs[Outputs.Installed] ?? '[]')).toHaveLength(3);
    expect(outputs[Outputs.GatewayHost]).toBe('a1b2c3-hub.elb.eu-west-2.amazonaws.com');
    const urls = JSON.parse(outputs[Outputs.OutboundUrls] ?? '{}') as Record<string, string>;
    expect(Object.keys(urls)).toHaveLength(8);
    expect(urls.perffsp1).toBe('http://a1b2c3-hub.elb.eu-west-2.amazonaws.com/sim/perffsp1/outbound');
    expect(JSON.parse(outputs[Outputs.Health] ?? '{}')).toMatchObject({
      passed: true,
      limitMs: 50,
      problems: [],
    });
    expect(onboardCalls[0]).toMatchObject({
      endpoint: 'https://HUB.gr7.eu-west-2.eks.amazonaws.com',
      runId: 'gh-42',
      services: {
        ledger: 'moja-centralledger-service',
        alsAdmin: 'moja-account-lookup-service-admin',
        oracle: 'moja-als-msisdn-oracle',
      },
    });
    // The database password went into the Kubernetes Secret only, and was masked.
    expect(cluster.secret('mojaloop', 'mojaloop-db')?.['mysql-password']).toBe(DB_PASSWORD);
    expect(secrets).toContain(DB_PASSWORD);
    expect(secrets.filter((s) => s !== DB_PASSWORD).every((s) => s.startsWith(EKS_TOKEN_PREFIX))).toBe(true);
    for (const upgrade of helm.upgrades) {
      expect(secrets.some((token) => upgrade.kubeconfig.includes(token))).toBe(true);
      expect(existsSync(upgrade.path)).toBe(false);
    }
    for (const line of [...logs, ...summaries, ...Object.values(outputs)]) {
      for (const secret of secrets) expect(line).not.toContain(secret);
    }
    expect(summaries[0]).toContain('## Mojaloop: deployed, onboarded and healthy');
    expect(summaries[0]).toContain('Onboarded 8 DFSPs in USD; 80000 party identifiers registered.');
    // verify-security ran on the hub's service nodes with the bundled script; its posture is published.
    expect(securityCalls).toEqual([
      {
        script: '// the bundled verify-security script\n',
        currency: 'USD',
        foreignFspId: 'perffsp1',
        nodeSelector: { 'mlperf/role': 'hub-services' },
      },
    ]);
    expect(JSON.parse(outputs[Outputs.SecurityPosture] ?? 'null')).toEqual(PROVEN.posture);
    expect(summaries[0]).toContain('### Verified security posture');
    expect(summaries[0]).toContain('- mutual TLS: proven');
  });

  it('publishes no posture, and says why, when verify-security could not run; the deploy still stands', async () => {
    const why = 'verify-security Job dfsps/mlperf-verify-security-x failed: ImagePullBackOff';
    const { runtime } = await setup({ security: { posture: null, problem: why, cleanupProblems: [] } });
    const { io, outputs, failures, summaries } = recordingIo(await inputs());
    await run(io, runtime);
    expect(failures).toEqual([]);
    expect(outputs[Outputs.SecurityPosture]).toBe('');
    expect(outputs[Outputs.GatewayHost]).toBe('a1b2c3-hub.elb.eu-west-2.amazonaws.com');
    expect(summaries[0]).toContain(`⚠️ verify-security did not run, so no control is proven: ${why}`);
  });

  it('renews the EKS token of its clients as the phase runs past a token lifetime', async () => {
    const quick = await setup();
    await run(recordingIo(await inputs()).io, quick.runtime);
    // One token for the deploy, a fresh one for the minutes of the verify-security Job.
    expect(quick.tokens).toHaveLength(2);
    // Every readiness wait takes 11 minutes: each later step gets clients with a fresh token.
    const slow = await setup({ waitMs: 11 * 60_000 });
    const { io, failures } = recordingIo(await inputs());
    await run(io, slow.runtime);
    expect(failures).toEqual([]);
    expect(slow.tokens.length).toBeGreaterThanOrEqual(4);
  });

  it('fails when a service answers /health too slowly, publishing the health result', async () => {
    const { runtime } = await setup({ medianMs: 73 });
    const { io, outputs, failures } = recordingIo(await inputs());
    await run(io, runtime);
    expect(failures).toEqual([
      'mojaloop health: moja-quoting-service (http://…/health): median 73 ms is over the 50 ms bound.',
    ]);
    expect(JSON.parse(outputs[Outputs.Health] ?? '{}').passed).toBe(false);
  });

  it('fails at readiness with the diagnosis, before onboarding', async () => {
    const { runtime, onboardCalls } = await setup({ ready: (ns) => ns !== 'dfsps' });
    const { io, outputs, failures, summaries } = recordingIo(await inputs());
    await run(io, runtime);
    expect(failures[0]).toMatch(
      /^mojaloop: dfsp-fleet failed at readiness: dfsp-fleet in hub\/dfsps was not ready within 20 min:\npod dfsps\/sdk: CrashLoopBackOff/,
    );
    expect(JSON.parse(outputs[Outputs.Installed] ?? '[]').map((i: { release: string }) => i.release)).toEqual(
      ['backend', 'moja'],
    );
    expect(outputs[Outputs.GatewayHost]).toBeUndefined();
    expect(onboardCalls).toEqual([]);
    expect(summaries[0]).toContain('## Mojaloop: FAILED');
  });

  it.each([
    [{ [Inputs.DbEndpoint]: '' }, 'input db-endpoint: got ""; allowed: host:port of the RDS instance'],
    [
      { [Inputs.DbSecretArn]: 'mlperf-db' },
      'input db-secret-arn: got "mlperf-db"; allowed: a Secrets Manager ARN',
    ],
    [
      { [Inputs.CacheEndpoint]: 'redis://cache' },
      'input cache-endpoint: got "redis://cache"; allowed: the Redis host or host:port',
    ],
    [
      { [Inputs.HubClusterEndpoint]: 'http://hub' },
      'input hub-cluster-endpoint: got "http://hub"; allowed: an https:// URL',
    ],
    [
      { [Inputs.ReadinessTimeoutMinutes]: '0' },
      'input readiness-timeout-minutes: got "0"; allowed: minutes above 0',
    ],
  ])('refuses bad input %j before minting, reading the secret or installing', async (bad, message) => {
    const { runtime, helm, cluster } = await setup();
    let secretRead = false;
    const { io, failures, secrets } = recordingIo(await inputs(bad));
    await run(io, {
      ...runtime,
      secretString: async () => {
        secretRead = true;
        return '{}';
      },
    });
    expect(failures[0]).toContain(message);
    expect(secrets).toEqual([]);
    expect(secretRead).toBe(false);
    expect(helm.upgrades).toEqual([]);
    expect(cluster.applied).toEqual([]);
  });

  it('refuses a local configuration', async () => {
    const config = await loadRunConfig({ profile: 'local', profilesDir: path.join(ROOT, 'profiles') });
    const { runtime } = await setup();
    const { io, failures } = recordingIo(await inputs({ [Inputs.Config]: JSON.stringify(config) }));
    await run(io, runtime);
    expect(failures[0]).toMatch(
      /infrastructure\.provider: got "local"; allowed: aws \(a local run deploys no hub\)/,
    );
  });
});
