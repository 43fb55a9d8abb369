// Phases 04 (deploy-mojaloop) and 07 (the ladder on k6-operator) in the dry run: every figure is the
// one the core functions the actions call give, and nothing in the plan is a secret value.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptConfigMapName } from '../../src/cloud-ladder/script.js';
import { DEFAULT_SCRIPT, HUB_PROMETHEUS, K6_RUN_NAMESPACE, PROBE } from '../../src/cloud-ladder/settings.js';
import type { AwsInfrastructure, RunConfig } from '../../src/config/index.js';
import {
  componentReplicas,
  databaseMaxConnections,
  MOJALOOP_COMPONENTS,
  totalDbConnections,
} from '../../src/config/mojaloop.js';
import { PROMETHEUS_HOST_PLACEHOLDER } from '../../src/dryrun/cloud-ladder.js';
import { GATEWAY_HOST_PLACEHOLDER } from '../../src/dryrun/mojaloop.js';
import {
  CHART_PULL_DIR,
  MOJALOOP_DEFAULTS,
  MOJALOOP_WORK_DIR,
  PIPELINE_WORKSPACE,
} from '../../src/dryrun/pipeline.js';
import { renderDryRunJson, renderDryRunText } from '../../src/dryrun/render.js';
import { resolveDryRunConfig } from '../../src/dryrun/resolve.js';
import { dfspIds } from '../../src/fleet/names.js';
import { runnersForRate, testRunName } from '../../src/k8s/testrun.js';
import { HEALTH_ATTEMPTS, HEALTH_MEDIAN_LIMIT_MS } from '../../src/mojaloop/health.js';
import { helmPullArgs } from '../../src/mojaloop/keys.js';
import { HUB_CALLBACK_CLIENT_SECRET } from '../../src/mojaloop/names.js';
import { outboundUrls } from '../../src/mojaloop/objects.js';
import { planMojaloop } from '../../src/mojaloop/plan.js';
import { topicPartitions } from '../../src/mojaloop/values.js';
import { loadChartPins } from '../../src/platform/pins.js';
import {
  HELM_DIR,
  PINS_FILE,
  PROFILES_DIR,
  phase,
  plan,
  platformFiles,
  RUN_ID,
  resolved,
} from './support.js';

function awsOf(config: RunConfig): AwsInfrastructure {
  if (config.infrastructure.provider !== 'aws') throw new Error('expected an aws profile');
  return config.infrastructure;
}

/** planMojaloop exactly as the dry run must call it: the pipeline's paths, this checkout's files. */
async function mojaloopAsTheActionPlansIt(config: RunConfig, dfspFleetVersion: string) {
  const helmDir = path.posix.join(PIPELINE_WORKSPACE, MOJALOOP_DEFAULTS.helmDir);
  return planMojaloop({
    config,
    pins: await loadChartPins(PINS_FILE),
    helmDir,
    pinsFile: path.posix.join(helmDir, 'versions.yaml'),
    runValuesDir: MOJALOOP_WORK_DIR,
    kubeconfig: `${MOJALOOP_WORK_DIR}/hub.kubeconfig`,
    dfspFleetVersion,
    exists: (file) => existsSync(path.join(HELM_DIR, path.posix.relative(helmDir, file))),
  });
}

describe('dry-run mojaloop phase', () => {
  for (const profile of ['aws-1000tps', 'aws-smoke']) {
    it(`${profile}: would-run with planMojaloop's releases and commands, the key check first`, async () => {
      const config = await resolved(profile);
      const files = await platformFiles();
      const mojaloop = phase(await plan(config), 'mojaloop');
      expect(mojaloop.status).toBe('would-run');
      const installs = await mojaloopAsTheActionPlansIt(config, files.dfspFleetVersion ?? '');
      expect(mojaloop.details.failure).toBeNull();
      expect(mojaloop.details.releases.map((r) => r.key)).toEqual([
        'example-mojaloop-backend',
        'mojaloop',
        'dfsp-fleet',
      ]);
      expect(mojaloop.details.releases.map((r) => r.command.args)).toEqual(installs.map((i) => i.args));
      expect(mojaloop.details.releases.map((r) => [r.release, r.namespace, r.version, r.local])).toEqual(
        installs.map((i) => [i.release, i.namespace, i.pin.version, i.local === true]),
      );
      for (const release of mojaloop.details.releases) {
        expect(release.command.args).toContain('--wait=false');
        expect(release.clusterName).toBe(`mlperf-${RUN_ID}-hub`);
        expect(release.readiness.timeoutMinutes).toBe(MOJALOOP_DEFAULTS.readinessTimeoutMinutes);
        expect(release.valuesFiles.at(-1)).toBe(release.runValuesFile);
      }
      // The local chart goes without --repo/--version, at its Chart.yaml version.
      const fleet = mojaloop.details.releases.find((r) => r.key === 'dfsp-fleet');
      expect(fleet?.command.args).not.toContain('--repo');
      expect(fleet?.version).toBe(files.dfspFleetVersion);
      // Key check: one helm pull per pinned (not local) chart, before anything is created.
      expect(mojaloop.details.keyCheck.commands.map((c) => c.args)).toEqual(
        installs.filter((i) => !i.local).map((i) => helmPullArgs(i.pin, CHART_PULL_DIR)),
      );
      expect(mojaloop.details.keyCheck.rule).toMatch(
        /^before anything is created: helm pull .* every key path/,
      );
    });
  }

  it('lists the objects it creates by name only, in the deploy’s order, and never a secret value', async () => {
    const config = await resolved('aws-1000tps');
    const mojaloop = phase(await plan(config), 'mojaloop').details;
    const objects = mojaloop.objects.map((o) => o.object);
    expect(objects.slice(0, 3)).toEqual([
      'Namespace mojaloop',
      'Namespace dfsps',
      'Secret mojaloop/mojaloop-db',
    ]);
    for (const id of dfspIds(8)) {
      expect(objects).toContain(`Secret dfsps/${id}-jws-signing-key`);
      expect(objects).toContain(`Certificate dfsps/${id}-mtls`);
    }
    expect(objects).toContain('Secret mojaloop/hub-jws-signing-key');
    // Under mTLS the gateway presents the hub's own client certificate on the callbacks.
    expect(objects).toContain(`Certificate istio-ingress/${HUB_CALLBACK_CLIENT_SECRET}`);
    expect(objects).toContain('Secret dfsps/dfsp-ilp-secret');
    // RDS: the schema Job comes last, before the releases.
    expect(objects.at(-1)).toBe('Job mojaloop/mojaloop-db-init');
    expect(mojaloop.objects.find((o) => o.object === 'Secret mojaloop/mojaloop-db')?.mode).toBe('replace');
    expect(mojaloop.objects.find((o) => o.object.endsWith('-jws-signing-key'))?.mode).toBe('create-only');
    const json = JSON.stringify(mojaloop);
    expect(json).not.toMatch(/BEGIN|PRIVATE KEY|stringData|password":/);
  });

  it('without mTLS it makes no fleet client certificates and the gateway serves plain TLS', async () => {
    const config = await resolved('aws-smoke', ['security.mtls=false']);
    const mojaloop = phase(await plan(config), 'mojaloop').details;
    // Only verify-security's probe DFSPs keep theirs, to show the gateway asks for none.
    expect(mojaloop.objects.filter((o) => o.object.endsWith('-mtls')).map((o) => o.object)).toEqual([
      'Certificate dfsps/perfprobe1-mtls',
      'Certificate dfsps/perfprobe2-mtls',
    ]);
    expect(mojaloop.gateway.objects.map((o) => o.object)).not.toContain(
      'EnvoyFilter istio-ingress/mlperf-fspiop-source-binding',
    );
    expect(mojaloop.objects.map((o) => o.object)).not.toContain(
      `Certificate istio-ingress/${HUB_CALLBACK_CLIENT_SECRET}`,
    );
    expect(mojaloop.gateway.objects[0]?.what).toMatch(/443 \(TLS\)/);
    expect(mojaloop.gateway.callbackRoutes).toEqual([]);
    expect(mojaloop.onboarding.find((o) => o.step === 'callbacks')?.what).toMatch(/http:\/\/perffsp1-sdk/);
  });

  it('sizes the hub from the config’s mojaloop section: replicas, partitions, pools against max_connections', async () => {
    const config = await resolved('aws-1000tps');
    const settings = config.mojaloop;
    if (settings === undefined) throw new Error('aws-1000tps has a mojaloop section');
    const sizing = phase(await plan(config), 'mojaloop').details.sizing;
    expect(sizing.components.map((c) => c.replicas)).toEqual(
      MOJALOOP_COMPONENTS.map((c) => componentReplicas(c, settings)),
    );
    expect(Object.fromEntries(sizing.partitions.map((p) => [p.topic, p.partitions]))).toEqual(
      Object.fromEntries(topicPartitions(settings)),
    );
    const totals = totalDbConnections(settings);
    const limit = databaseMaxConnections(settings.database, awsOf(config).database.instanceClass);
    expect(sizing.database).toMatchObject({ ...totals, maxConnections: limit?.maxConnections, within: true });
    expect(sizing.database.usable).toBeLessThan(limit?.maxConnections ?? 0);
    expect(sizing.kafka).toEqual({
      brokers: awsOf(config).hub.nodeGroups.kafka.desiredSize,
      replicationFactor: settings.kafka.replicationFactor,
      minInsyncReplicas: Math.max(1, settings.kafka.replicationFactor - 1),
    });
  });

  it('routes the gateway and states the outbound-urls shape, onboarding and the health rule', async () => {
    const config = await resolved('aws-1000tps');
    const mojaloop = phase(await plan(config), 'mojaloop').details;
    expect(mojaloop.gateway.outboundUrls).toEqual(outboundUrls(GATEWAY_HOST_PLACEHOLDER, dfspIds(8)));
    expect(mojaloop.gateway.outboundUrls.perffsp1).toBe('http://<gateway-host>/sim/perffsp1/outbound');
    expect(mojaloop.gateway.outboundRoutes).toHaveLength(8);
    expect(mojaloop.gateway.outboundRoutes[0]).toEqual({
      port: 80,
      prefix: '/sim/perffsp1/outbound/',
      destination: 'perffsp1-sdk.dfsps.svc.cluster.local:4001',
    });
    expect(mojaloop.gateway.fspiopRoutes.map((r) => [r.port, r.prefix])).toEqual([
      [443, '/parties'],
      [443, '/participants'],
      [443, '/quotes'],
      [443, '/transfers'],
    ]);
    // Under mTLS the switch's callbacks go through the gateway: one route per DFSP.
    expect(mojaloop.gateway.callbackRoutes.map((r) => r.prefix)).toEqual(
      dfspIds(8).map((id) => `/callbacks/${id}/`),
    );
    expect(mojaloop.onboarding.map((o) => o.step)).toEqual([
      'services',
      'hub',
      'each DFSP',
      'probe DFSPs',
      'callbacks',
    ]);
    expect(mojaloop.onboarding[0]?.what).toMatch(/service proxy/);
    expect(mojaloop.health).toMatchObject({
      medianLimitMs: HEALTH_MEDIAN_LIMIT_MS,
      attempts: HEALTH_ATTEMPTS,
    });
    expect(mojaloop.health.targets).toHaveLength(1 + 8);
    expect(mojaloop.placeholders.map((p) => p.field)).toEqual([
      'hub kubeconfig',
      'gateway host',
      'cache-endpoint',
      'db-endpoint',
      'db-secret-arn',
    ]);
  });

  it('a missing Mojaloop pin fails the phase before installing anything; the ladder is skipped', async () => {
    const files = await platformFiles();
    const pins = new Map(files.pins);
    pins.delete('mojaloop');
    const p = await plan(await resolved('aws-smoke'), { platform: { ...files, pins } });
    const mojaloop = phase(p, 'mojaloop');
    expect(mojaloop.details.failure).toMatch(/no chart pinned for mojaloop/);
    expect(mojaloop.details.releases).toEqual([]);
    expect(mojaloop.summary).toMatch(/^would FAIL before installing anything/);
    expect(p.outcome).toMatch(/^the run would stop at mojaloop \(it would fail\)/);
    expect(phase(p, 'report').details.expectedVerdict).toBe('INVALID');
    expect(phase(p, 'ladder')).toMatchObject({
      status: 'skipped',
      summary: 'skipped: mojaloop would fail, and the ladder job needs it',
    });
  });

  it('a profile without its generated Mojaloop values fails, naming the file', async () => {
    const files = await platformFiles();
    const valuesFiles = files.valuesFiles.filter((f) => f !== 'mojaloop/aws-smoke.yaml');
    const p = await plan(await resolved('aws-smoke'), { platform: { ...files, valuesFiles } });
    expect(phase(p, 'mojaloop').details.failure).toMatch(/helm\/values\/mojaloop\/aws-smoke\.yaml: missing/);
  });

  it('is skipped, with the ladder, when preflight stops the run', async () => {
    const p = await plan(await resolved('aws-1000tps', [], { costCapUsd: '10' }));
    expect(phase(p, 'mojaloop').status).toBe('skipped');
    expect(phase(p, 'ladder').status).toBe('skipped');
  });
});

describe('dry-run ladder phase on k6-operator', () => {
  it('aws-1000tps: runners per rung at load.perRunnerRate, TestRun names, stress rungs within the node group', async () => {
    const config = await resolved('aws-1000tps');
    const ladder = phase(await plan(config), 'ladder');
    expect(ladder.status).toBe('would-run');
    const cloud = ladder.details.cloud;
    if (cloud === null) throw new Error('an aws ladder has its cloud plan');
    const group = awsOf(config).load.nodeGroups.loadRunners;
    const rate = config.load.perRunnerRate ?? Number.NaN;
    expect(cloud.perRunnerRate).toBe(rate);
    expect(cloud.failure).toBeNull();
    const configured = cloud.rungs.filter((r) => r.kind === 'ladder');
    expect(configured.map((r) => r.runners)).toEqual(
      config.ladder.rungs.map((r) => runnersForRate(r.rate, rate, group.desiredSize)),
    );
    for (const rung of cloud.rungs) {
      expect(rung.testRun).toBe(testRunName(RUN_ID, { id: rung.id }));
      expect(rung.arguments).toBe(
        `-o experimental-prometheus-rw --tag testid=${RUN_ID} --tag rung=${rung.id}`,
      );
    }
    const stress = cloud.rungs.filter((r) => r.kind === 'stress');
    expect(stress.map((r) => r.rate)).toEqual(ladder.details.stress.ifEveryRungPasses.rates);
    // A stress rung gets its runners while the load node group has them; beyond, none (INVALID).
    const fits = (r: { rate: number }) => Math.ceil(r.rate / rate) <= group.desiredSize;
    expect(stress.map((r) => r.runners)).toEqual(
      stress.map((r) => (fits(r) ? runnersForRate(r.rate, rate, group.desiredSize) : null)),
    );
    expect(cloud.warnings.length).toBe(config.ladder.stress.maxRate > group.desiredSize * rate ? 1 : 0);
  });

  it('one load node cannot carry the stress search: a warning per the runner cap, the stress rungs INVALID', async () => {
    const config = await resolved('aws-1000tps', [
      'infrastructure.load.nodeGroups.loadRunners.minSize=1',
      'infrastructure.load.nodeGroups.loadRunners.desiredSize=1',
    ]);
    const ladder = phase(await plan(config), 'ladder');
    const cloud = ladder.details.cloud;
    expect(cloud?.failure).toBeNull();
    const stress = cloud?.rungs.filter((r) => r.kind === 'stress') ?? [];
    expect(stress.length).toBeGreaterThan(0);
    expect(stress.every((r) => r.runners === null && /INVALID/.test(r.problem ?? ''))).toBe(true);
    expect(cloud?.warnings).toEqual([expect.stringMatching(/^stress rungs above 1000\/s cannot run/)]);
    expect(ladder.summary).toMatch(/1 warning\(s\)$/);
  });

  it('names the script ConfigMap, the remote-write target, the PromQL path and the probe', async () => {
    const config = await resolved('aws-1000tps');
    const p = await plan(config);
    const cloud = phase(p, 'ladder').details.cloud;
    expect(cloud?.script).toEqual({
      path: DEFAULT_SCRIPT,
      configMap: `${K6_RUN_NAMESPACE}/${scriptConfigMapName(RUN_ID)}`,
      key: 'transfer.js',
      maxBytes: expect.any(Number),
    });
    expect(cloud?.remoteWrite).toMatchObject({
      service: `${HUB_PROMETHEUS.namespace}/${HUB_PROMETHEUS.service}`,
      port: HUB_PROMETHEUS.port,
      url: `http://${PROMETHEUS_HOST_PLACEHOLDER}:${HUB_PROMETHEUS.port}/api/v1/write`,
    });
    expect(cloud?.promql).toMatch(
      /^<hub-cluster-endpoint>\/api\/v1\/namespaces\/monitoring\/services\/http:monitoring-kube-prometheus-prometheus:http-web\/proxy\//,
    );
    // The probe's targets are exactly the mojaloop phase's outbound-urls.
    expect(cloud?.probe.targets).toEqual(phase(p, 'mojaloop').details.gateway.outboundUrls);
    expect(cloud?.probe).toMatchObject({
      attempts: PROBE.attempts,
      maxMedianMs: PROBE.maxMedianMs,
      expectStatus: [...PROBE.expectStatus],
    });
    expect(cloud?.runnerEnv).toEqual(expect.arrayContaining(['MLPERF_OUTBOUND_URLS', 'MLPERF_FLEET']));
  });

  it('a configured rung beyond the load nodes is refused by the configuration, naming the rate', async () => {
    const resolution = await resolveDryRunConfig({
      profile: 'aws-1000tps',
      profilesDir: PROFILES_DIR,
      sets: [
        'ladder.stress.maxRate=4000',
        'infrastructure.load.nodeGroups.loadRunners.minSize=2',
        'infrastructure.load.nodeGroups.loadRunners.desiredSize=2',
        'infrastructure.load.nodeGroups.loadRunners.maxSize=2',
      ],
      choices: { rates: '100,500,3000' },
    });
    expect(resolution.ok).toBe(false);
    expect(resolution.ok ? [] : resolution.errors).toContainEqual(
      expect.stringMatching(/ladder\.rungs\[2\]\.rate: got 3000; allowed: at most 2000\/s/),
    );
  });

  it('given such a configuration anyway, the phase would fail before creating anything, as the action does', async () => {
    const config = structuredClone(
      await resolved('aws-1000tps', [
        'infrastructure.load.nodeGroups.loadRunners.minSize=2',
        'infrastructure.load.nodeGroups.loadRunners.desiredSize=2',
        'infrastructure.load.nodeGroups.loadRunners.maxSize=2',
      ]),
    );
    const last = config.ladder.rungs.at(-1);
    if (last === undefined) throw new Error('aws-1000tps has rungs');
    last.rate = 3000;
    config.ladder.stress.maxRate = 4000;
    const p = await plan(config);
    const ladder = phase(p, 'ladder');
    const cloud = ladder.details.cloud;
    expect(cloud?.failure).toMatch(
      /^ladder\.rungs\[2\]\.rate 3000\/s needs 3 k6 runners at 1000\/s each \(load\.perRunnerRate\); allowed: at most 2/,
    );
    expect(cloud?.rungs.find((r) => r.rate === 3000)).toMatchObject({ runners: null, needed: 3 });
    expect(cloud?.warnings).toContainEqual(
      expect.stringMatching(
        /^the highest planned rate \d+\/s needs \d+ runners, more than the load node group's maxSize 2$/,
      ),
    );
    expect(ladder.summary).toMatch(/^would FAIL before creating anything/);
    expect(p.outcome).toMatch(/^the run would stop at ladder \(it would fail\)/);
  });

  it('without load.perRunnerRate the phase would fail, naming the field', async () => {
    const config = structuredClone(await resolved('aws-smoke'));
    delete config.load.perRunnerRate;
    const cloud = phase(await plan(config), 'ladder').details.cloud;
    expect(cloud?.failure).toMatch(/^load\.perRunnerRate: got nothing \(missing\)/);
    expect(cloud?.perRunnerRate).toBeNull();
    expect(cloud?.rungs.every((r) => r.runners === null)).toBe(true);
  });

  it('the rehearsal has no cloud plan', async () => {
    const rehearsal = phase(await plan(await resolved('local')), 'rehearsal').details;
    expect(rehearsal.ladder.cloud).toBeNull();
  });
});

describe('render of phases 04 and 07', () => {
  it('text: releases, key check, objects, sizing, gateway, health; TestRuns, probe, remote write', async () => {
    const p = await plan(await resolved('aws-1000tps'));
    const text = renderDryRunText(p);
    const block = text.slice(text.indexOf('04 Mojaloop [would-run]'), text.indexOf('05 Load infrastructure'));
    for (const release of phase(p, 'mojaloop').details.releases) {
      expect(block).toContain(`helm ${release.command.args.join(' ')}`);
    }
    expect(block).toMatch(/1\. key check\s+before anything is created/);
    expect(block).toContain('helm pull mojaloop');
    expect(block).toMatch(/2\. objects\s+Namespace mojaloop/);
    expect(block).toMatch(/database\s+rds: 80 DB-using pods open up to 1500 connections .*: within/);
    expect(block).toMatch(/outbound-urls\s+perffsp1: http:\/\/<gateway-host>\/sim\/perffsp1\/outbound/);
    expect(block).toMatch(/6\. health\s+.*median must be ≤ 50 ms/);
    const ladder = text.slice(text.indexOf('07 Ladder [would-run]'), text.indexOf('08 Report'));
    expect(ladder).toMatch(/TestRuns\s+rung\s+kind\s+rate\s+runners\s+TestRun/);
    expect(ladder).toContain(`k6-operator-system/${testRunName(RUN_ID, { id: '3' })}`);
    expect(ladder).toMatch(
      /remote write\s+http:\/\/<load balancer host of the hub Prometheus Service>:9090\/api\/v1\/write/,
    );
    expect(ladder).toMatch(/probe\s+a probe Job in k6-operator-system/);
  });

  it('JSON: the mojaloop and ladder details keep their shape', async () => {
    const p = await plan(await resolved('aws-smoke'));
    const parsed = JSON.parse(renderDryRunJson(p)) as typeof p;
    const mojaloop = phase(parsed, 'mojaloop');
    expect(Object.keys(mojaloop.details).sort()).toEqual(
      [
        'asks',
        'failure',
        'gateway',
        'health',
        'helmVersion',
        'job',
        'keyCheck',
        'objects',
        'onboarding',
        'onFailure',
        'outputs',
        'pinsFile',
        'placeholders',
        'readinessTimeoutMinutes',
        'releases',
        'sizing',
        'tokens',
        'verifySecurity',
      ].sort(),
    );
    // verify-security: the Job the action builds, secrets by name only, every probe listed.
    expect(mojaloop.details.verifySecurity).toMatchObject({
      hubUrl: 'https://istio-ingressgateway.istio-ingress.svc.cluster.local',
      receiver: 'http://mlperf-verify-security.dfsps.svc.cluster.local:80',
      deadlineMinutes: 8,
    });
    expect(mojaloop.details.verifySecurity.probes).toHaveLength(8);
    expect(mojaloop.details.verifySecurity.mounts).toContain('Secret dfsps/perfprobe1-mtls');
    const cloud = phase(parsed, 'ladder').details.cloud;
    expect(Object.keys(cloud ?? {}).sort()).toEqual(
      [
        'failure',
        'job',
        'loadNodes',
        'namespace',
        'outputs',
        'perRunnerRate',
        'placeholders',
        'probe',
        'promql',
        'remoteWrite',
        'results',
        'rungTimeoutMinutes',
        'rungs',
        'runnerEnv',
        'script',
        'tokens',
        'warnings',
      ].sort(),
    );
    expect(parsed).toEqual(JSON.parse(JSON.stringify(p)));
  });
});
