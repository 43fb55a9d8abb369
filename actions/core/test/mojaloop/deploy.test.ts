import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployMojaloop, dfspFleetRunValues } from '../../src/mojaloop/deploy.js';
import { generateJwsKeyPair, publicPemOf } from '../../src/mojaloop/objects.js';
import { planMojaloop } from '../../src/mojaloop/plan.js';
import type { Values } from '../../src/mojaloop/values.js';
import {
  CREDENTIALS,
  deps,
  FakeHelm,
  FLEET,
  HELM_DIR,
  INFRA,
  OPTIONS,
  ROOT,
  setup,
} from './deploy-support.js';
import { FakeCluster } from './fake-cluster.js';

describe('planMojaloop', () => {
  it('installs the backend, the umbrella, then the DFSP fleet with exact Helm commands', async () => {
    const { plan, runValuesDir } = await setup();
    expect(plan.map((p) => [p.key, p.release, p.namespace])).toEqual([
      ['example-mojaloop-backend', 'backend', 'mojaloop'],
      ['mojaloop', 'moja', 'mojaloop'],
      ['dfsp-fleet', 'dfsp-fleet', 'dfsps'],
    ]);
    expect(plan[1]?.args).toEqual([
      'upgrade',
      '--install',
      'moja',
      'mojaloop',
      '--repo',
      'https://mojaloop.github.io/helm/repo',
      '--version',
      '17.0.4',
      '--namespace',
      'mojaloop',
      '--create-namespace',
      '--kubeconfig',
      '/tmp/hub.kubeconfig',
      '--timeout',
      '10m',
      '--values',
      path.join(HELM_DIR, 'values/mojaloop/aws-smoke.yaml'),
      '--values',
      path.join(runValuesDir, 'mojaloop.yaml'),
      '--wait=false',
    ]);
    expect(plan[2]?.args.slice(0, 4)).toEqual([
      'upgrade',
      '--install',
      'dfsp-fleet',
      path.join(HELM_DIR, 'charts/dfsp-fleet'),
    ]);
    expect(plan[2]?.args).not.toContain('--repo');
    expect(plan[2]?.args).toEqual(
      expect.arrayContaining(['--values', path.join(HELM_DIR, 'values/dfsp-fleet/aws-smoke.yaml')]),
    );
  });

  it('refuses a profile without generated values, naming the file and the command', async () => {
    const { config } = await setup();
    expect(() =>
      planMojaloop({
        config,
        pins: new Map(),
        helmDir: HELM_DIR,
        pinsFile: 'helm/versions.yaml',
        runValuesDir: '/tmp',
        kubeconfig: 'k',
        dfspFleetVersion: '0.1.0',
        exists: () => false,
      }),
    ).toThrow(
      /values\/mojaloop\/aws-smoke\.yaml: missing; allowed: the generated values of profile aws-smoke \(npx tsx tools\/lib\/mojaloop-values\.ts\)/,
    );
  });
});

describe('deployMojaloop', () => {
  it('checks keys, creates secrets and PKI, creates the schemas, installs in order and routes the gateway', async () => {
    const { config, plan, runValuesDir, chartValues } = await setup();
    const helm = new FakeHelm(chartValues);
    const cluster = new FakeCluster();
    const result = await deployMojaloop(
      { config, plan, infra: INFRA, databaseCredentials: CREDENTIALS, cwd: ROOT, fleetRunValues: FLEET },
      deps(helm, cluster),
      OPTIONS,
    );
    expect(result.failure).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(helm.pulls).toEqual(['example-mojaloop-backend 17.2.0', 'mojaloop 17.0.4']);
    expect(helm.upgrades.map((a) => a[2])).toEqual(['backend', 'moja', 'dfsp-fleet']);
    expect(result.installed.map((i) => i.key)).toEqual([
      'example-mojaloop-backend',
      'mojaloop',
      'dfsp-fleet',
    ]);
    // The run values hold the RDS host, never the password.
    const runValues = readFileSync(path.join(runValuesDir, 'mojaloop.yaml'), 'utf8');
    expect(runValues).toContain(INFRA.database.host);
    expect(runValues).not.toContain(CREDENTIALS.password);
    expect(readFileSync(path.join(runValuesDir, 'dfsp-fleet.yaml'), 'utf8')).toBe(
      'cacheUrl: redis://mlperf-r7.cache.amazonaws.com:6379\n',
    );
    // Secrets: database from the master secret, a JWS key per DFSP and the hub, public keys, ILP.
    expect(cluster.secret('mojaloop', 'mojaloop-db')).toMatchObject({
      username: 'mlperf_admin',
      'mysql-password': CREDENTIALS.password,
    });
    const publicKeys = cluster.secret('dfsps', 'dfsp-jws-public-keys') ?? {};
    expect(Object.keys(publicKeys).sort()).toEqual(
      [
        'Hub.pem',
        'switch.pem',
        ...Array.from({ length: 8 }, (_, i) => `perffsp${i + 1}.pem`),
        // verify-security's probe DFSPs sign like any DFSP.
        'perfprobe1.pem',
        'perfprobe2.pem',
      ].sort(),
    );
    const private1 = cluster.secret('dfsps', 'perffsp1-jws-signing-key')?.['private.pem'] ?? '';
    expect(publicKeys['perffsp1.pem']).toBe(publicPemOf(private1));
    expect(cluster.secret('dfsps', 'dfsp-ilp-secret')?.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // PKI: CA bootstrap, a certificate per DFSP from the environment CA, the gateway's.
    const certs = [...cluster.store.values()].filter((m) => m.kind === 'Certificate');
    expect(certs.map((c) => c.metadata.name)).toEqual(
      expect.arrayContaining([
        'mlperf-environment-ca',
        'hub-gateway-tls',
        'perffsp1-mtls',
        'perffsp8-mtls',
        'perfprobe1-mtls',
        'perfprobe2-mtls',
        'hub-callback-client-tls',
      ]),
    );
    // The gateway originates the callbacks' mutual TLS to every SDK.
    const origination = [...cluster.store.values()].filter((m) => m.kind === 'DestinationRule');
    expect(origination).toHaveLength(8);
    expect(cluster.store.get('ClusterIssuer//mlperf-environment-ca')?.spec).toEqual({
      ca: { secretName: 'mlperf-environment-ca' },
    });
    expect(cluster.store.has('Job/mojaloop/mojaloop-db-init')).toBe(true);
    // Outputs for the load generator.
    expect(result.gatewayHost).toBe('a1b2c3-hub.elb.eu-west-2.amazonaws.com');
    expect(result.outboundUrls.perffsp3).toBe(
      'http://a1b2c3-hub.elb.eu-west-2.amazonaws.com/sim/perffsp3/outbound',
    );
    expect(Object.keys(result.outboundUrls)).toHaveLength(8);
  });

  it('without mutual TLS: no fleet certificates and no source binding, but the probe DFSPs still get theirs', async () => {
    const { config, plan, chartValues } = await setup();
    const plain = { ...config, security: { ...config.security, mtls: false } };
    const cluster = new FakeCluster();
    const result = await deployMojaloop(
      {
        config: plain,
        plan,
        infra: INFRA,
        databaseCredentials: CREDENTIALS,
        cwd: ROOT,
        fleetRunValues: FLEET,
      },
      deps(new FakeHelm(chartValues), cluster),
      OPTIONS,
    );
    expect(result.failure).toBeUndefined();
    const certificates = [...cluster.store.values()]
      .filter((m) => m.kind === 'Certificate')
      .map((m) => m.metadata.name)
      .sort();
    // verify-security presents them anyway, so its probes show the gateway does not ask for one.
    expect(certificates).toEqual([
      'hub-gateway-tls',
      'mlperf-environment-ca',
      'perfprobe1-mtls',
      'perfprobe2-mtls',
    ]);
    expect([...cluster.store.values()].filter((m) => m.kind === 'EnvoyFilter')).toEqual([]);
  });

  it('keeps JWS keys and the ILP secret on a re-run, so running pods stay valid', async () => {
    const { config, plan, chartValues } = await setup();
    const cluster = new FakeCluster();
    let generated = 0;
    const counting = () => {
      generated++;
      return generateJwsKeyPair();
    };
    await deployMojaloop(
      { config, plan, infra: INFRA, databaseCredentials: CREDENTIALS, cwd: ROOT, fleetRunValues: FLEET },
      { ...deps(new FakeHelm(chartValues), cluster), generateKeyPair: counting },
      OPTIONS,
    );
    const ilp = cluster.secret('dfsps', 'dfsp-ilp-secret')?.secret;
    const keys = cluster.secret('dfsps', 'dfsp-jws-public-keys');
    await deployMojaloop(
      { config, plan, infra: INFRA, databaseCredentials: CREDENTIALS, cwd: ROOT, fleetRunValues: FLEET },
      { ...deps(new FakeHelm(chartValues), cluster), generateKeyPair: counting },
      OPTIONS,
    );
    // Hub, 8 DFSPs and the 2 probe DFSPs, once.
    expect(generated).toBe(11);
    expect(cluster.secret('dfsps', 'dfsp-ilp-secret')?.secret).toBe(ilp);
    expect(cluster.secret('dfsps', 'dfsp-jws-public-keys')).toEqual(keys);
  });

  it('stops before creating anything when a key we set is not in the pinned chart', async () => {
    const { config, plan, chartValues } = await setup();
    const umbrella = structuredClone(chartValues.mojaloop) as Values;
    delete ((umbrella.centralledger as Values)['centralledger-handler-transfer-position-batch'] as Values)
      .enabled;
    const helm = new FakeHelm({ ...chartValues, mojaloop: umbrella });
    const cluster = new FakeCluster();
    const result = await deployMojaloop(
      { config, plan, infra: INFRA, databaseCredentials: CREDENTIALS, cwd: ROOT, fleetRunValues: FLEET },
      deps(helm, cluster),
      OPTIONS,
    );
    expect(result.ok).toBe(false);
    expect(result.failure).toMatchObject({ step: 'values-keys', key: 'mojaloop' });
    expect(result.failure?.message).toContain(
      'helm/values/mojaloop/aws-smoke.yaml: centralledger.centralledger-handler-transfer-position-batch.enabled — no such key upstream in mojaloop 17.0.4',
    );
    expect(helm.upgrades).toEqual([]);
    expect(cluster.applied).toEqual([]);
  });

  it('fails at readiness with the diagnosis and keeps what was installed', async () => {
    const { config, plan, chartValues } = await setup();
    const result = await deployMojaloop(
      { config, plan, infra: INFRA, databaseCredentials: CREDENTIALS, cwd: ROOT, fleetRunValues: FLEET },
      deps(new FakeHelm(chartValues), new FakeCluster(), (ns) => ns !== 'dfsps'),
      OPTIONS,
    );
    expect(result.failure?.step).toBe('readiness');
    expect(result.failure?.message).toMatch(
      /^dfsp-fleet in hub\/dfsps was not ready within 15 min:\npod dfsps\/x: ImagePullBackOff/,
    );
    expect(result.installed.map((i) => i.release)).toEqual(['backend', 'moja']);
  });

  it('fails naming Helm and the release when an install fails', async () => {
    const { config, plan, chartValues } = await setup();
    const result = await deployMojaloop(
      { config, plan, infra: INFRA, databaseCredentials: CREDENTIALS, cwd: ROOT, fleetRunValues: FLEET },
      deps(new FakeHelm(chartValues, 'moja'), new FakeCluster()),
      OPTIONS,
    );
    expect(result.failure).toMatchObject({ step: 'helm', key: 'mojaloop' });
    expect(result.failure?.message).toContain(
      'helm upgrade --install moja (mojaloop 17.0.4) in hub/mojaloop exited 1:\nError: UPGRADE FAILED',
    );
  });

  it('gives the SDKs the run Redis, refusing an endpoint that is not a host', () => {
    expect(dfspFleetRunValues('mlperf-r7.abc.euw2.cache.amazonaws.com')).toEqual({
      cacheUrl: 'redis://mlperf-r7.abc.euw2.cache.amazonaws.com:6379',
    });
    expect(dfspFleetRunValues('10.0.3.4:6380')).toEqual({ cacheUrl: 'redis://10.0.3.4:6380' });
    expect(() => dfspFleetRunValues('redis://x')).toThrow(
      'input cache-endpoint: got "redis://x"; allowed: the Redis host or host:port',
    );
  });

  it('fails when the schemas cannot be created, and when the gateway never gets a host', async () => {
    const { config, plan, chartValues } = await setup();
    const failedJob = new FakeCluster();
    failedJob.jobOutcome = 'failed';
    const dbFailure = await deployMojaloop(
      { config, plan, infra: INFRA, databaseCredentials: CREDENTIALS, cwd: ROOT, fleetRunValues: FLEET },
      deps(new FakeHelm(chartValues), failedJob),
      OPTIONS,
    );
    expect(dbFailure.failure?.step).toBe('db-init');
    expect(dbFailure.failure?.message).toMatch(
      /Job mojaloop\/mojaloop-db-init failed creating central_ledger, account_lookup, oracle_msisdn/,
    );
    expect(dbFailure.failure?.message).not.toContain(CREDENTIALS.password);
    const noHost = new FakeCluster();
    noHost.gatewayAfterReads = Number.POSITIVE_INFINITY;
    const gatewayFailure = await deployMojaloop(
      { config, plan, infra: INFRA, databaseCredentials: CREDENTIALS, cwd: ROOT, fleetRunValues: FLEET },
      deps(new FakeHelm(chartValues), noHost),
      OPTIONS,
    );
    expect(gatewayFailure.failure?.step).toBe('gateway');
    expect(gatewayFailure.failure?.message).toMatch(
      /istio-ingress\/istio-ingressgateway has no load balancer host after 10 min/,
    );
  });

  it('needs the master credentials for an RDS database', async () => {
    const { config, plan, chartValues } = await setup();
    const result = await deployMojaloop(
      { config, plan, infra: INFRA, databaseCredentials: null, cwd: ROOT, fleetRunValues: FLEET },
      deps(new FakeHelm(chartValues), new FakeCluster()),
      OPTIONS,
    );
    expect(result.failure).toMatchObject({ step: 'objects' });
    expect(result.failure?.message).toContain(
      'database: rds needs the RDS master credentials (input db-secret-arn)',
    );
  });
});
