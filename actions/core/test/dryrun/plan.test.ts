// The dry run's plan carries what the core computes for the phases, not numbers of its own.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STACK_LAYOUT, quotaNeeds } from '../../src/aws/quotas.js';
import type { AwsInfrastructure, RunConfig } from '../../src/config/index.js';
import { estimateRunCost } from '../../src/cost/estimate.js';
import {
  kubeconfigPlaceholder,
  LOAD_INFRA_DEFAULTS,
  PIPELINE_WORKSPACE,
  PLATFORM_DEFAULTS,
  PROVISION_DEFAULTS,
} from '../../src/dryrun/pipeline.js';
import {
  DryRunInputError,
  HUB_GATEWAY_PROBE_NOT_YET,
  LADDER_VERDICT_RULE,
  PLACEHOLDER_ROLE_ARN,
  PLACEHOLDER_STATE_BUCKET,
} from '../../src/dryrun/plan.js';
import type { PlannedRelease } from '../../src/dryrun/types.js';
import { dfspIds } from '../../src/fleet/names.js';
import { regressionRuleText } from '../../src/github/compare.js';
import { historyPath } from '../../src/github/history-entry.js';
import { stackRecordKey } from '../../src/janitor/record.js';
import { planLadder, splitLoad } from '../../src/ladder/plan.js';
import { nextStressRate } from '../../src/ladder/stress.js';
import { HELM_APPLY_TIMEOUT, helmUpgradeArgs } from '../../src/platform/helm.js';
import { loadChartPins } from '../../src/platform/pins.js';
import {
  LOAD_INFRA_RELEASES,
  PLATFORM_RELEASES,
  type PlannedInstall,
  type PlatformRelease,
  planPlatform,
} from '../../src/platform/plan.js';
import { configuredSlos, formatThreshold } from '../../src/results/slo.js';
import { PLAN_FILE_NAME, varFilePath } from '../../src/terraform/provision.js';
import { defaultStateKey, expiresAt } from '../../src/terraform/run-meta.js';
import { toTerraformVariables } from '../../src/terraform/variables.js';
import {
  NOW,
  PINS_FILE,
  phase,
  plan,
  platformFiles,
  pricing,
  RUN_ID,
  resolved,
  VALUES_DIR,
} from './support.js';

const AWS_CHAIN = [
  'config',
  'preflight',
  'provision',
  'platform',
  'mojaloop',
  'load-infra',
  'first-test',
  'ladder',
  'report',
  'teardown',
];

function awsOf(config: RunConfig): AwsInfrastructure {
  if (config.infrastructure.provider !== 'aws') throw new Error('expected an aws profile');
  return config.infrastructure;
}

function statuses(p: Awaited<ReturnType<typeof plan>>): Record<string, string> {
  return Object.fromEntries(p.phases.map((x) => [x.name, x.status]));
}

describe('dry-run plan for aws-1000tps', () => {
  it('walks every phase in pipeline order with the statuses of today’s pipeline', async () => {
    const p = await plan(await resolved('aws-1000tps'));
    expect(p.chain).toEqual(AWS_CHAIN);
    expect(p.phases.map((x) => x.name)).toEqual(AWS_CHAIN);
    expect(statuses(p)).toEqual({
      config: 'would-run',
      preflight: 'would-run',
      provision: 'would-run',
      platform: 'would-run',
      mojaloop: 'would-run',
      'load-infra': 'would-run',
      'first-test': 'not-built',
      ladder: 'would-run',
      report: 'would-run',
      teardown: 'would-run',
    });
    expect(p).toMatchObject({ profile: 'aws-1000tps', provider: 'aws', region: 'eu-west-2', runId: RUN_ID });
    expect(p.plannedAt).toBe('2026-11-25T18:00:00Z');
  });

  it('carries the cost estimate and the quota needs exactly as the core computes them', async () => {
    const config = await resolved('aws-1000tps');
    const preflight = phase(await plan(config), 'preflight').details;
    const estimate = estimateRunCost(config, pricing, { layout: DEFAULT_STACK_LAYOUT });
    expect(preflight.estimate).toEqual(estimate);
    expect(preflight.withinCap).toBe(estimate.total <= config.costCapUsd);
    expect(preflight.verdict).toEqual({ status: 'ok' });
    expect(preflight.outputs).toEqual({
      ok: 'true',
      'run-id': RUN_ID,
      'estimate-usd': (Math.round(estimate.total * 100) / 100).toFixed(2),
      'hourly-usd': (Math.round(estimate.hourly * 100) / 100).toFixed(2),
    });
    const needs = quotaNeeds(awsOf(config));
    expect(
      Object.fromEntries(preflight.quotas.map((q) => [q.id, { needed: q.needed, detail: q.detail }])),
    ).toEqual(needs);
  });

  it('carries the Terraform variables, state key and paths exactly as the core computes them', async () => {
    const config = await resolved('aws-1000tps');
    const provision = phase(await plan(config, { owner: 'octocat' }), 'provision').details;
    expect(provision.variables).toEqual(
      toTerraformVariables(config, {
        runId: RUN_ID,
        owner: 'octocat',
        expiresAt: expiresAt(NOW, PROVISION_DEFAULTS.ttlHours),
        pipelineRoleArn: PLACEHOLDER_ROLE_ARN,
      }),
    );
    expect(provision.backend).toEqual({
      bucket: PLACEHOLDER_STATE_BUCKET,
      key: defaultStateKey(RUN_ID),
      region: 'eu-west-2',
    });
    expect(provision.teardownRecord).toBe(`s3://${PLACEHOLDER_STATE_BUCKET}/${stackRecordKey(RUN_ID)}`);
    expect(provision.varFile).toBe(varFilePath(provision.workingDir));
    expect(provision.planFile.endsWith(`/${PLAN_FILE_NAME}`)).toBe(true);
    expect(provision.placeholders.map((x) => x.field)).toEqual(['pipeline_role_arn', 'state bucket']);
  });

  it('lists the Terraform commands the core’s Terraform class builds, init → plan → show → apply → output', async () => {
    const provision = phase(
      await plan(await resolved('aws-1000tps'), { stateBucket: 'my-state' }),
      'provision',
    ).details;
    expect(provision.commands.map((c) => [c.command, c.args[0]])).toEqual([
      ['terraform', 'init'],
      ['terraform', 'plan'],
      ['terraform', 'show'],
      ['terraform', 'apply'],
      ['terraform', 'output'],
    ]);
    const [init, planCommand, , apply] = provision.commands;
    expect(init?.args).toContain(`-backend-config=key=${defaultStateKey(RUN_ID)}`);
    expect(init?.args).toContain('-backend-config=bucket=my-state');
    expect(planCommand?.args).toContain(`-var-file=${provision.varFile}`);
    expect(planCommand?.args).toContain(`-out=${provision.planFile}`);
    expect(apply?.args.at(-1)).toBe(provision.planFile);
    for (const command of provision.commands) {
      expect(command.cwd).toBe(provision.workingDir);
      expect(command.env).toEqual({ TF_IN_AUTOMATION: '1', TF_INPUT: '0' });
      expect(command.purpose).not.toBe('');
    }
    expect(provision.placeholders.map((x) => x.field)).toEqual(['pipeline_role_arn']);
  });

  it('names both clusters and every node group it waits for, from the variables', async () => {
    const provision = phase(await plan(await resolved('aws-1000tps')), 'provision').details;
    expect(provision.clusters.map((c) => [c.role, c.expectedName, c.nodeGroups.map((g) => g.name)])).toEqual([
      ['hub', `mlperf-${RUN_ID}-hub`, Object.keys(provision.variables.hub_node_groups)],
      ['load', `mlperf-${RUN_ID}-load`, Object.keys(provision.variables.load_node_groups)],
    ]);
    const kafka = provision.clusters[0]?.nodeGroups.find((g) => g.name === 'kafka');
    expect(kafka?.taints).toEqual(['mlperf/role=kafka:NO_SCHEDULE']);
    expect(provision.wait.timeoutMinutes).toBe(PROVISION_DEFAULTS.waitTimeoutMinutes);
  });

  it('plans the profile’s rungs with the core’s ladder planner, 8 DFSPs and the configured SLOs', async () => {
    const config = await resolved('aws-1000tps');
    const p = await plan(config);
    const ladder = phase(p, 'ladder').details;
    expect(ladder.rungs.map((r) => r.rate)).toEqual(config.ladder.rungs.map((r) => r.rate));
    expect(ladder.rungs.map(({ runners: _r, countTolerance: _c, ...rung }) => rung)).toEqual(
      planLadder(config.ladder),
    );
    for (const rung of ladder.rungs) expect(rung.runners).toEqual(splitLoad(rung, config.load));
    expect(ladder.ladderSeconds).toBe(planLadder(config.ladder).reduce((sum, r) => sum + r.totalSeconds, 0));
    expect(ladder.slos.map((s) => [s.slo, s.threshold, s.rule])).toEqual(
      configuredSlos(config.slo).map(({ slo, threshold }) => [
        slo,
        threshold,
        formatThreshold(slo, threshold),
      ]),
    );
    expect(ladder.reason).toBeNull();
    expect(ladder.cloud?.rungs.filter((r) => r.kind === 'ladder').map((r) => r.rate)).toEqual(
      config.ladder.rungs.map((r) => r.rate),
    );

    const dfsps = phase(p, 'config').details.dfsps;
    expect(dfsps.count).toBe(8);
    expect(dfsps.ids).toEqual(dfspIds(8));
    const mojaloop = phase(p, 'mojaloop').details;
    expect(mojaloop.asks.find((a) => a.item === 'DFSPs')?.value).toMatch(/^8: perffsp1 … perffsp8$/);
  });

  it('follows the stress search the engine would drive when every step passes', async () => {
    const config = await resolved('aws-1000tps');
    const stress = phase(await plan(config), 'ladder').details.stress;
    const settings = config.ladder.stress;
    const last = config.ladder.rungs.at(-1);
    expect(stress.baseRate).toBe(last?.rate);
    expect(stress.ifEveryRungPasses.rates.length).toBeGreaterThan(0);
    // Each step is nextStressRate's answer given the steps before it passed.
    const rungSeconds = (last?.warmupSeconds ?? 0) + (last?.holdSeconds ?? 0) + (last?.drainSeconds ?? 0);
    stress.ifEveryRungPasses.rates.forEach((rate, index) => {
      const attempts = stress.ifEveryRungPasses.rates
        .slice(0, index)
        .map((r) => ({ rate: r, outcome: 'PASS' as const }));
      const decision = nextStressRate(settings, {
        baseRate: stress.baseRate,
        attempts,
        elapsedMinutes: (index * rungSeconds) / 60,
      });
      expect(decision).toMatchObject({ action: 'run', rate });
    });
    expect(stress.ifEveryRungPasses.seconds).toBe(stress.ifEveryRungPasses.rates.length * rungSeconds);
    expect(stress.ifEveryRungPasses.rates.at(-1)).toBeLessThanOrEqual(settings.maxRate);
  });

  it('expects the ladder’s verdict once every phase of the report’s list would succeed, and the history series', async () => {
    const config = await resolved('aws-1000tps');
    const p = await plan(config);
    const report = phase(p, 'report').details;
    expect(report.expectedVerdict).toBe('PASS, FAIL or INVALID');
    expect(report.expectedSummary).toBe(`${LADDER_VERDICT_RULE}.`);
    expect(phase(p, 'report').summary).toMatch(/^verdict PASS, FAIL or INVALID: /);
    // first-test is not built, but no job needs it: the chain still reaches the end.
    expect(p.outcome).toMatch(/^the run would reach the end \(first test is not built/);
    expect(p.outcome).toMatch(/teardown runs$/);
    expect(report.history.path).toBe(historyPath({ profile: config.profile, config }));
    expect(report.history.regressionRule).toBe(regressionRuleText(config.report.regression));
    expect(report.sinks.map((s) => [s.trigger, s.appliesToProfile])).toEqual([
      ['manual', true],
      ['pull_request', false],
      ['release', true],
    ]);
  });

  it('lists the teardown steps and commands for the same state as provision', async () => {
    const p = await plan(await resolved('aws-1000tps'));
    const teardown = phase(p, 'teardown').details;
    expect(teardown.skippedBecause).toBeNull();
    expect(teardown.backend).toEqual(phase(p, 'provision').details.backend);
    expect(teardown.commands.map((c) => c.args[0])).toEqual(['init', 'output', 'destroy']);
    expect(teardown.steps.map((s) => s.step)).toEqual([
      'variables',
      'init',
      'load balancers',
      'destroy',
      'orphan check',
    ]);
  });
});

/** A Helm phase's plan as the action makes it, with the paths the pipeline's checkout would have. */
async function releasesAsTheActionPlansThem(
  config: RunConfig,
  releases: readonly PlatformRelease[] = PLATFORM_RELEASES,
) {
  const valuesDir = path.posix.join(PIPELINE_WORKSPACE, PLATFORM_DEFAULTS.helmDir, 'values');
  return planPlatform({
    config,
    pins: await loadChartPins(PINS_FILE),
    valuesDir,
    pinsFile: PINS_FILE,
    // The same file in this checkout.
    exists: (file) => existsSync(path.join(VALUES_DIR, path.posix.relative(valuesDir, file))),
    releases,
  });
}

const kubeconfig = (cluster: 'hub' | 'load') => kubeconfigPlaceholder(`mlperf-${RUN_ID}-${cluster}`);

/** What the dry run must show for these installs: the install itself and helmUpgradeArgs' command line. */
function expectedReleases(
  installs: readonly PlannedInstall[],
  readinessTimeoutMinutes: number,
): PlannedRelease[] {
  return installs.map((install, index) => ({
    order: index + 1,
    key: install.key,
    release: install.release,
    cluster: install.cluster,
    clusterName: `mlperf-${RUN_ID}-${install.cluster}`,
    namespace: install.namespace,
    chart: install.pin.chart,
    version: install.pin.version,
    repo: install.pin.repo,
    valuesFiles: install.valuesFiles,
    ...(install.setValues === undefined
      ? {}
      : {
          stackValues: install.setValues.map((set) => ({
            key: set.key,
            value: set.value,
            source: set.source,
            placeholder: set.placeholder === true,
          })),
        }),
    readiness:
      install.workloads === false
        ? null
        : { namespace: install.namespace, timeoutMinutes: readinessTimeoutMinutes },
    command: {
      command: 'helm',
      args: helmUpgradeArgs(install, kubeconfig(install.cluster)),
      cwd: PIPELINE_WORKSPACE,
      env: {},
      purpose: expect.any(String),
    },
  }));
}

describe('dry-run platform phase', () => {
  for (const profile of ['aws-1000tps', 'aws-smoke']) {
    it(`${profile}: every hub release in order, exactly as planPlatform and helmUpgradeArgs make it`, async () => {
      const config = await resolved(profile);
      const p = await plan(config);
      const platform = phase(p, 'platform');
      expect(platform.status).toBe('would-run');
      const installs = await releasesAsTheActionPlansThem(config);
      expect(installs.length).toBeGreaterThan(0);
      expect(platform.details.releases).toEqual(
        expectedReleases(installs, PLATFORM_DEFAULTS.readinessTimeoutMinutes),
      );
      expect(platform.details.releases.map((r) => r.key)).toEqual(PLATFORM_RELEASES.map((r) => r.key));
      // The clusters are the ones provision waits for.
      const clusters = phase(p, 'provision').details.clusters.map((c) => c.expectedName);
      for (const release of platform.details.releases) expect(clusters).toContain(release.clusterName);
      expect(platform.details).toMatchObject({
        failure: null,
        helmVersion: PLATFORM_DEFAULTS.helmVersion,
        readinessTimeoutMinutes: PLATFORM_DEFAULTS.readinessTimeoutMinutes,
        helmApplyTimeout: HELM_APPLY_TIMEOUT,
        pinsFile: 'helm/versions.yaml',
        kubeconfigs: [{ cluster: 'hub', path: kubeconfig('hub') }],
      });
      // Values files are this profile's own where they exist, chart defaults elsewhere.
      for (const release of platform.details.releases) {
        for (const file of release.valuesFiles) expect(file).toMatch(new RegExp(`/${profile}\\.yaml$`));
      }
    });
  }

  it('has no load-cluster release (k6-operator is load-infra’s); istio-base has no readiness wait', async () => {
    const platform = phase(await plan(await resolved('aws-1000tps')), 'platform');
    const releases = platform.details.releases;
    expect(releases.filter((r) => r.cluster === 'load')).toEqual([]);
    expect(releases.map((r) => r.key)).not.toContain('k6-operator');
    for (const release of releases) {
      expect(release.clusterName).toBe(`mlperf-${RUN_ID}-hub`);
      expect(release.command.args).toContain(kubeconfig('hub'));
      expect(release.command.args).not.toContain(kubeconfig('load'));
    }
    expect(platform.summary).not.toMatch(/load cluster/);
    expect(releases.find((r) => r.key === 'istio-base')?.readiness).toBeNull();
    expect(releases.filter((r) => r.readiness === null).map((r) => r.key)).toEqual(['istio-base']);
    for (const release of releases) {
      expect(release.command.args.slice(0, 3)).toEqual(['upgrade', '--install', release.release]);
    }
  });

  it('says the tokens are minted in the job and only written to owner-only kubeconfig files', async () => {
    const details = phase(await plan(await resolved('aws-smoke')), 'platform').details;
    expect(details.tokens).toMatch(/minted in this job/);
    expect(details.tokens).toMatch(/nowhere but an owner-only \(0600\) kubeconfig file/);
  });

  it('is skipped when preflight stops the run', async () => {
    const p = await plan(await resolved('aws-1000tps', [], { costCapUsd: '10' }));
    const platform = phase(p, 'platform');
    expect(platform.status).toBe('skipped');
    expect(platform.summary).toMatch(/^skipped:/);
  });

  it('a chart without a pin makes the phase fail before installing anything, and the report names platform', async () => {
    const files = await platformFiles();
    const pins = new Map(files.pins);
    pins.delete('cert-manager');
    const p = await plan(await resolved('aws-smoke'), { platform: { ...files, pins } });
    const platform = phase(p, 'platform');
    expect(platform.status).toBe('would-run');
    expect(platform.details.failure).toMatch(/no chart pinned for cert-manager/);
    expect(platform.details.releases).toEqual([]);
    expect(platform.summary).toMatch(/^would FAIL before installing anything/);
    expect(phase(p, 'report').details.expectedSummary).toBe(
      'The run stopped at phase platform, which failed.',
    );
    expect(phase(p, 'mojaloop')).toMatchObject({
      status: 'skipped',
      summary: 'skipped: platform would fail, and the mojaloop job needs it',
    });
    expect(phase(p, 'ladder').status).toBe('skipped');
    expect(p.outcome).toMatch(/stop at platform \(it would fail\)/);
  });

  it('an aws plan needs the chart pins; the local plan does not', async () => {
    await expect(plan(await resolved('aws-smoke'), { platform: undefined })).rejects.toThrow(
      DryRunInputError,
    );
    const local = await plan(await resolved('local'), { platform: undefined });
    expect(local.phases.map((x) => x.name)).toEqual(['config', 'rehearsal', 'report']);
  });
});

describe('dry-run load-infra phase', () => {
  for (const profile of ['aws-1000tps', 'aws-smoke']) {
    it(`${profile}: would-run with k6-operator exactly as planPlatform(LOAD_INFRA_RELEASES) and helmUpgradeArgs make it`, async () => {
      const config = await resolved(profile);
      const loadInfra = phase(await plan(config), 'load-infra');
      expect(loadInfra.status).toBe('would-run');
      const installs = await releasesAsTheActionPlansThem(config, LOAD_INFRA_RELEASES);
      expect(installs.map((i) => [i.key, i.cluster, i.namespace])).toEqual([
        ['k6-operator', 'load', 'k6-operator-system'],
      ]);
      expect(loadInfra.details.releases).toEqual(
        expectedReleases(installs, LOAD_INFRA_DEFAULTS.readinessTimeoutMinutes),
      );
      expect(loadInfra.details).toMatchObject({
        failure: null,
        helmVersion: LOAD_INFRA_DEFAULTS.helmVersion,
        readinessTimeoutMinutes: LOAD_INFRA_DEFAULTS.readinessTimeoutMinutes,
        helmApplyTimeout: HELM_APPLY_TIMEOUT,
        pinsFile: 'helm/versions.yaml',
        kubeconfigs: [{ cluster: 'load', path: kubeconfig('load') }],
      });
      for (const release of loadInfra.details.releases) {
        for (const file of release.valuesFiles) expect(file).toMatch(new RegExp(`/${profile}\\.yaml$`));
      }
    });
  }

  it('checks the TestRun CRD on the load cluster and no k6 on the hub; the gateway probe is not yet', async () => {
    const config = await resolved('aws-1000tps');
    const loadInfra = phase(await plan(config), 'load-infra');
    expect(loadInfra.details.checks.map((c) => [c.cluster, c.clusterName])).toEqual([
      ['load', `mlperf-${RUN_ID}-load`],
      ['hub', `mlperf-${RUN_ID}-hub`],
    ]);
    expect(loadInfra.details.checks[0]?.what).toMatch(/TestRun CRD \(testruns\.k6\.io, k6\.io\/v1alpha1\)/);
    expect(loadInfra.details.checks[1]?.what).toMatch(/^assertNoK6OnHubCluster:/);
    expect(HUB_GATEWAY_PROBE_NOT_YET).toMatch(
      /^not in this phase: .*the ladder probes every DFSP outbound URL/,
    );
    expect(loadInfra.details.notYet).toEqual([
      expect.objectContaining({ item: 'hub gateway probe', why: HUB_GATEWAY_PROBE_NOT_YET }),
    ]);
    expect(loadInfra.summary).toContain(HUB_GATEWAY_PROBE_NOT_YET);
    expect(loadInfra.details.job).toMatch(
      /^load-infra \(perf-pipeline\.yml\): needs config, preflight, provision/,
    );
    expect(loadInfra.details.outputs.map((o) => o.split(' ')[0])).toEqual(['installed', 'hub-clean']);
    // What it said before it was built stays: the runners, their VUs and where the metrics go.
    expect(Object.fromEntries(loadInfra.details.asks.map((a) => [a.item, a.value]))).toMatchObject({
      'load-runners nodes': expect.stringMatching(/k6 runner pods/),
      'k6 runners': `${config.load.runners} runner(s), ${config.load.preAllocatedVUs} VUs pre-allocated, at most ${config.load.maxVUs} (totals, split by execution segment)`,
      metrics: expect.stringMatching(/remote write/),
    });
  });

  it('is skipped when preflight stops the run', async () => {
    const loadInfra = phase(
      await plan(await resolved('aws-1000tps', [], { costCapUsd: '10' })),
      'load-infra',
    );
    expect(loadInfra.status).toBe('skipped');
    expect(loadInfra.summary).toMatch(/^skipped:/);
  });

  it('without a k6-operator pin it would fail before installing; platform and mojaloop still succeed, the ladder is skipped', async () => {
    const files = await platformFiles();
    const pins = new Map(files.pins);
    pins.delete('k6-operator');
    const p = await plan(await resolved('aws-smoke'), { platform: { ...files, pins } });
    const loadInfra = phase(p, 'load-infra');
    expect(loadInfra.details.failure).toMatch(/no chart pinned for k6-operator/);
    expect(loadInfra.details.releases).toEqual([]);
    expect(loadInfra.summary).toMatch(/^would FAIL before installing anything/);
    expect(phase(p, 'platform').details.failure).toBeNull();
    expect(phase(p, 'mojaloop').details.failure).toBeNull();
    // The report names the first phase that did not succeed, in the pipeline's order.
    expect(p.outcome).toMatch(/^the run would stop at load-infra \(it would fail\)/);
    expect(phase(p, 'ladder')).toMatchObject({
      status: 'skipped',
      summary: 'skipped: load-infra would fail, and the ladder job needs it',
    });
  });
});

describe('dry-run plan with dispatch choices', () => {
  it('--rates 50,100 --dfsp-count 4 changes exactly the rates and the DFSP count', async () => {
    const base = await resolved('aws-1000tps');
    const chosen = await resolved('aws-1000tps', [], { rates: '50,100', dfspCount: '4' });
    const expected = structuredClone(base);
    expected.ladder.rungs = base.ladder.rungs
      .slice(0, 2)
      .map((rung, i) => ({ ...rung, rate: [50, 100][i] ?? 0 }));
    expected.dfsps.count = 4;
    expect(chosen).toEqual(expected);

    const [before, after] = await Promise.all([plan(base), plan(chosen)]);
    expect(phase(after, 'ladder').details.rungs.map((r) => r.rate)).toEqual([50, 100]);
    expect(phase(after, 'config').details.dfsps.count).toBe(4);
    expect(phase(after, 'config').details.dfsps.ids).toEqual(dfspIds(4));
    // Neither choice reaches the stack: same variables and quota needs.
    expect(phase(after, 'provision').details.variables).toEqual(phase(before, 'provision').details.variables);
    expect(phase(after, 'preflight').details.quotas).toEqual(phase(before, 'preflight').details.quotas);
    // The estimate follows the shorter ladder, still computed by the core.
    expect(phase(after, 'preflight').details.estimate).toEqual(estimateRunCost(chosen, pricing));
    expect(statuses(after)).toEqual(statuses(before));
  });

  it('keep-infra true marks the teardown skipped and nothing else', async () => {
    const base = await plan(await resolved('aws-1000tps'));
    const kept = await plan(await resolved('aws-1000tps', [], { keepInfra: 'true' }));
    const teardown = phase(kept, 'teardown');
    expect(teardown.status).toBe('skipped');
    expect(teardown.details.skippedBecause).toMatch(/keepInfra is true/);
    expect(teardown.summary).toMatch(/janitor/);
    expect({ ...statuses(kept), teardown: 'would-run' }).toEqual(statuses(base));
    expect(kept.outcome).toMatch(/kept \(keepInfra\)/);
  });

  it('a cost cap below the estimate stops the run at preflight and skips provision', async () => {
    const config = await resolved('aws-1000tps', [], { costCapUsd: '10' });
    const p = await plan(config);
    const preflight = phase(p, 'preflight').details;
    expect(preflight.withinCap).toBe(false);
    expect(preflight.verdict.status).toBe('stop');
    expect(preflight.outputs.ok).toBe('false');
    expect(phase(p, 'provision').status).toBe('skipped');
    expect(phase(p, 'report').details.expectedSummary).toBe(
      'The run stopped at phase preflight, which failed.',
    );
    // Preflight set its run-id before failing, so the teardown job still starts.
    expect(phase(p, 'teardown').status).toBe('would-run');
    expect(p.outcome).toMatch(/stop at preflight/);
  });

  it('an unpriced region makes preflight fail before any output, as the action would', async () => {
    const config = await resolved('aws-1000tps', ['infrastructure.region=ap-south-1']);
    const p = await plan(config);
    const preflight = phase(p, 'preflight').details;
    expect(preflight.estimate).toBeNull();
    expect(preflight.verdict).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/no prices for region ap-south-1/),
    });
    expect(preflight.outputs).toEqual({});
    expect(phase(p, 'provision').status).toBe('skipped');
    expect(phase(p, 'teardown').status).toBe('skipped');
  });

  it('refuses a role ARN that Terraform’s variables would refuse, naming the option', async () => {
    const config = await resolved('aws-1000tps');
    await expect(plan(config, { pipelineRoleArn: 'not-an-arn' })).rejects.toThrow(DryRunInputError);
    await expect(plan(config, { pipelineRoleArn: 'not-an-arn' })).rejects.toThrow(
      /^--pipeline-role-arn: got "not-an-arn"; allowed: an IAM role ARN/,
    );
  });
});

describe('dry-run plan for the local profile', () => {
  it('is config → rehearsal → report, with the rehearsal’s steps and the ladder it skips', async () => {
    const config = await resolved('local');
    const p = await plan(config, { source: { sets: ['dfsps.partiesPerDfsp=6000'] } });
    expect(p.chain).toEqual(['config', 'rehearsal', 'report']);
    expect(p.phases.map((x) => [x.name, x.status])).toEqual([
      ['config', 'would-run'],
      ['rehearsal', 'would-run'],
      ['report', 'would-run'],
    ]);
    expect(p).toMatchObject({ provider: 'local', region: null });
    const rehearsal = phase(p, 'rehearsal').details;
    expect(rehearsal.steps.map((s) => s.step)).toEqual([
      'config',
      'stack',
      'onboard',
      'security',
      'smoke',
      'stop',
      'results',
    ]);
    expect(rehearsal.localCommand).toBe(
      'npm run rehearse -- --profile local --set dfsps.partiesPerDfsp=6000',
    );
    expect(rehearsal.ladder.rungs.map((r) => r.rate)).toEqual(config.ladder.rungs.map((r) => r.rate));
    expect(rehearsal.ladder.reason).toMatch(/skipped/);
    expect(rehearsal.ladder.stress.assumedByCostEstimate).toBeNull();
    expect(phase(p, 'report').details.sinks.find((s) => s.trigger === 'pull_request')?.appliesToProfile).toBe(
      true,
    );
  });
});
