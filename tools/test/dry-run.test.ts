// `npm run dry-run` as a process: the real CLI, no AWS or GitHub environment, every proxy pointed at a
// dead port, and a preloaded guard that ends the process (exit 97) at the first socket or DNS lookup.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRunConfig } from '../../actions/core/src/config/load.js';
import { estimateRunCost } from '../../actions/core/src/cost/estimate.js';
import { loadPricingTable } from '../../actions/core/src/cost/pricing.js';
import { formatUsd } from '../../actions/core/src/cost/render.js';
import {
  kubeconfigPlaceholder,
  LOAD_INFRA_DEFAULTS,
  MOJALOOP_DEFAULTS,
  MOJALOOP_WORK_DIR,
  PIPELINE_WORKSPACE,
  PLATFORM_DEFAULTS,
} from '../../actions/core/src/dryrun/pipeline.js';
import { LADDER_VERDICT_RULE, PLACEHOLDER_ROLE_ARN } from '../../actions/core/src/dryrun/plan.js';
import type { DryRunPlan } from '../../actions/core/src/dryrun/types.js';
import { runnersForRate, testRunName } from '../../actions/core/src/k8s/testrun.js';
import { planMojaloop } from '../../actions/core/src/mojaloop/plan.js';
import { helmUpgradeArgs } from '../../actions/core/src/platform/helm.js';
import { loadChartPins } from '../../actions/core/src/platform/pins.js';
import {
  LOAD_INFRA_RELEASES,
  type PlatformRelease,
  planPlatform,
} from '../../actions/core/src/platform/plan.js';
import { toTerraformVariables } from '../../actions/core/src/terraform/variables.js';
import { smokePlan } from '../../local/rehearsal/src/smoke.js';
import { repoRoot } from '../lib/paths.js';

const root = repoRoot();
const profilesDir = path.join(root, 'profiles');

const NETWORK_GUARD = `
import net from 'node:net';
import dns from 'node:dns';
const refuse = (what) => { process.stderr.write('NETWORK ATTEMPT: ' + what + '\\n'); process.exit(97); };
net.Socket.prototype.connect = function () { refuse('socket connect'); };
dns.lookup = () => refuse('dns.lookup');
dns.resolve = () => refuse('dns.resolve');
dns.promises.lookup = async () => refuse('dns.promises.lookup');
`;
const GUARD_URL = `data:text/javascript,${encodeURIComponent(NETWORK_GUARD)}`;

/** Only what node needs; no AWS_*, no GITHUB_*, proxies at a port nothing listens on. */
function offlineEnv(): NodeJS.ProcessEnv {
  const dead = 'http://127.0.0.1:9';
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    HTTPS_PROXY: dead,
    HTTP_PROXY: dead,
    https_proxy: dead,
    http_proxy: dead,
    NO_COLOR: '1',
  };
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function node(args: readonly string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--import', GUARD_URL, ...args],
      { cwd: root, env: offlineEnv(), timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const dryRun = (...args: string[]) => node(['tools/dry-run.ts', ...args]);

async function dryRunJson(...args: string[]): Promise<DryRunPlan> {
  const result = await dryRun(...args, '--json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as DryRunPlan;
}

function phaseOf<N extends DryRunPlan['phases'][number]['name']>(plan: DryRunPlan, name: N) {
  const found = plan.phases.find((p) => p.name === name);
  if (found === undefined) throw new Error(`no phase ${name}`);
  return found as Extract<DryRunPlan['phases'][number], { name: N }>;
}

describe('npm run dry-run (process, offline)', () => {
  it('the network guard would catch a network call (fetch, http, a name lookup)', async () => {
    // Not port 9 here: fetch refuses it (a blocked port) before any socket is opened.
    for (const script of [
      "fetch('http://127.0.0.1:59999/').catch(() => {})",
      "require('node:http').get('http://127.0.0.1:59999/').on('error', () => {})",
      "require('node:dns').lookup('sts.amazonaws.com', () => {})",
    ]) {
      const result = await node(['-e', script]);
      expect(result.code, script).toBe(97);
      expect(result.stderr).toContain('NETWORK ATTEMPT');
    }
  });

  it('prints every phase of aws-1000tps with the core’s estimate, no network and no credentials', async () => {
    const result = await dryRun('--profile', 'aws-1000tps', '--run-id', 'r123');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const config = await loadRunConfig({ profile: 'aws-1000tps', profilesDir });
    const estimate = estimateRunCost(config, loadPricingTable());
    expect(result.stdout).toContain(`cost estimate              ${formatUsd(estimate.total)}`);
    for (const heading of [
      'Configuration (validate-config) [would-run]',
      '01 Preflight [would-run]',
      '02 Provision [would-run]',
      '03 Platform [would-run]',
      '04 Mojaloop [would-run]',
      '05 Load infrastructure [would-run]',
      '06 First test [not-built]',
      '07 Ladder [would-run]',
      '08 Report [would-run]',
      'Teardown [would-run]',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^${heading.replace(/[[\]()]/g, '\\$&')}$`, 'm'));
    }
    expect(result.stdout).toContain('s3://mlperf-state-bucket-placeholder/mlperf/r123/terraform.tfstate');
    expect(result.stdout).toMatch(/outcome\s+the run would reach the end/);
    expect(result.stdout).toContain(`PASS, FAIL or INVALID: ${LADDER_VERDICT_RULE}.`);
    // The hub's Helm releases of phase 04 and the TestRuns of phase 07, with their placeholders.
    expect(result.stdout).toMatch(/3\.2 moja\s+hub cluster mlperf-r123-hub, namespace mojaloop/);
    expect(result.stdout).toContain('helm upgrade --install moja mojaloop');
    expect(result.stdout).toContain('k6-operator-system/k6-r123-r1');
    expect(result.stdout).toMatch(/k6 runners\s+⌈rate \/ 1000\/s⌉ per rung \(load\.perRunnerRate\)/);
  });

  /** The releases as the action plans them, from this checkout's pins and values files. */
  async function installsOf(profile: string, releases?: readonly PlatformRelease[]) {
    const config = await loadRunConfig({ profile, profilesDir });
    const helmDir = path.join(root, 'helm');
    const valuesDir = path.posix.join(PIPELINE_WORKSPACE, PLATFORM_DEFAULTS.helmDir, 'values');
    return planPlatform({
      config,
      pins: await loadChartPins(path.join(helmDir, 'versions.yaml')),
      valuesDir,
      pinsFile: 'helm/versions.yaml',
      exists: (file) => existsSync(path.join(helmDir, 'values', path.posix.relative(valuesDir, file))),
      ...(releases === undefined ? {} : { releases }),
    });
  }

  for (const profile of ['aws-1000tps', 'aws-smoke']) {
    it(`${profile} --json: platform and load-infra would-run with the releases planPlatform and helmUpgradeArgs make`, async () => {
      const plan = await dryRunJson('--profile', profile, '--run-id', 'r123');
      const platform = phaseOf(plan, 'platform');
      expect(platform.status).toBe('would-run');
      const installs = await installsOf(profile);
      expect(
        platform.details.releases.map((r) => [r.key, r.cluster, r.namespace, r.chart, r.version, r.repo]),
      ).toEqual(installs.map((i) => [i.key, i.cluster, i.namespace, i.pin.chart, i.pin.version, i.pin.repo]));
      expect(platform.details.releases.map((r) => r.valuesFiles)).toEqual(installs.map((i) => i.valuesFiles));
      expect(platform.details.releases.map((r) => r.command.args)).toEqual(
        installs.map((i) => helmUpgradeArgs(i, kubeconfigPlaceholder(`mlperf-r123-${i.cluster}`))),
      );
      expect(platform.details.releases.filter((r) => r.cluster === 'load')).toEqual([]);
      expect(platform.details.failure).toBeNull();

      const loadInfra = phaseOf(plan, 'load-infra');
      expect(loadInfra.status).toBe('would-run');
      const loadInstalls = await installsOf(profile, LOAD_INFRA_RELEASES);
      expect(loadInfra.details.releases).toEqual(
        loadInstalls.map((i, index) => ({
          order: index + 1,
          key: i.key,
          release: i.release,
          cluster: i.cluster,
          clusterName: `mlperf-r123-${i.cluster}`,
          namespace: i.namespace,
          chart: i.pin.chart,
          version: i.pin.version,
          repo: i.pin.repo,
          valuesFiles: i.valuesFiles,
          readiness: { namespace: i.namespace, timeoutMinutes: LOAD_INFRA_DEFAULTS.readinessTimeoutMinutes },
          command: {
            command: 'helm',
            args: helmUpgradeArgs(i, kubeconfigPlaceholder(`mlperf-r123-${i.cluster}`)),
            cwd: PIPELINE_WORKSPACE,
            env: {},
            purpose: expect.any(String),
          },
        })),
      );
      expect(loadInfra.details.releases.map((r) => [r.key, r.cluster])).toEqual([['k6-operator', 'load']]);
      expect(loadInfra.details.failure).toBeNull();

      // Phase 04: planMojaloop's commands with this checkout's files and the dfsp-fleet Chart.yaml.
      const config = await loadRunConfig({ profile, profilesDir });
      const mojaloop = phaseOf(plan, 'mojaloop');
      expect(mojaloop.status).toBe('would-run');
      const helmDir = path.posix.join(PIPELINE_WORKSPACE, MOJALOOP_DEFAULTS.helmDir);
      const fleetVersion = (
        parse(readFileSync(path.join(root, 'helm/charts/dfsp-fleet/Chart.yaml'), 'utf8')) as {
          version: string;
        }
      ).version;
      const planned = planMojaloop({
        config,
        pins: await loadChartPins(path.join(root, 'helm', 'versions.yaml')),
        helmDir,
        pinsFile: 'helm/versions.yaml',
        runValuesDir: MOJALOOP_WORK_DIR,
        kubeconfig: `${MOJALOOP_WORK_DIR}/hub.kubeconfig`,
        dfspFleetVersion: fleetVersion,
        exists: (file) => existsSync(path.join(root, 'helm', path.posix.relative(helmDir, file))),
      });
      expect(mojaloop.details.releases.map((r) => r.command.args)).toEqual(planned.map((i) => i.args));
      expect(mojaloop.details.releases.find((r) => r.local)?.version).toBe(fleetVersion);

      // Phase 07: runners per configured rung at the configuration's load.perRunnerRate, TestRun names.
      const ladder = phaseOf(plan, 'ladder');
      expect(ladder.status).toBe('would-run');
      const maxRunners =
        config.infrastructure.provider === 'aws'
          ? config.infrastructure.load.nodeGroups.loadRunners.desiredSize
          : 0;
      const configured = ladder.details.cloud?.rungs.filter((r) => r.kind === 'ladder') ?? [];
      expect(configured.map((r) => [r.rate, r.runners, r.testRun])).toEqual(
        config.ladder.rungs.map((rung, index) => [
          rung.rate,
          runnersForRate(rung.rate, config.load.perRunnerRate ?? Number.NaN, maxRunners),
          testRunName('r123', { id: String(index + 1) }),
        ]),
      );
      expect(plan.outcome).toMatch(/reach the end/);
    });
  }

  it('--json parses, has every phase, and carries the core’s estimate and Terraform variables', async () => {
    const plan = await dryRunJson('--run-id', 'r123');
    expect(plan.profile).toBe('aws-1000tps');
    expect(phaseOf(plan, 'platform').status).toBe('would-run');
    expect(phaseOf(plan, 'load-infra').status).toBe('would-run');
    expect(plan.phases.map((p) => p.name)).toEqual(plan.chain);
    expect(plan.chain).toHaveLength(10);
    for (const p of plan.phases) expect(['would-run', 'skipped', 'not-built']).toContain(p.status);

    const config = await loadRunConfig({ profile: 'aws-1000tps', profilesDir });
    expect(plan.config).toEqual(config);
    expect(phaseOf(plan, 'preflight').details.estimate).toEqual(
      JSON.parse(JSON.stringify(estimateRunCost(config, loadPricingTable()))),
    );
    const variables = phaseOf(plan, 'provision').details.variables;
    expect(variables).toEqual(
      toTerraformVariables(config, {
        runId: 'r123',
        owner: 'unknown',
        expiresAt: variables.expires_at,
        pipelineRoleArn: PLACEHOLDER_ROLE_ARN,
      }),
    );
    // Eight hours after the plan was made (the provision action's ttl-hours default).
    expect(Date.parse(variables.expires_at) - Date.parse(plan.plannedAt)).toBe(8 * 3_600_000);
    expect(phaseOf(plan, 'config').details.dfsps.count).toBe(8);
    expect(phaseOf(plan, 'ladder').details.rungs.map((r) => r.rate)).toEqual(
      config.ladder.rungs.map((r) => r.rate),
    );
  });

  it('--rates 50,100 --dfsp-count 4 changes the rungs and the DFSPs, and --keep-infra true skips teardown', async () => {
    const [base, chosen, kept] = await Promise.all([
      dryRunJson('--run-id', 'r123'),
      dryRunJson('--run-id', 'r123', '--rates', '50,100', '--dfsp-count', '4'),
      dryRunJson('--run-id', 'r123', '--keep-infra', 'true'),
    ]);
    expect(phaseOf(chosen, 'ladder').details.rungs.map((r) => r.rate)).toEqual([50, 100]);
    expect(phaseOf(chosen, 'config').details.dfsps.count).toBe(4);
    expect(phaseOf(chosen, 'config').details.choices).toEqual({ rates: '50,100', 'dfsp-count': '4' });
    const { expires_at: _a, ...before } = phaseOf(base, 'provision').details.variables;
    const { expires_at: _b, ...after } = phaseOf(chosen, 'provision').details.variables;
    expect(after).toEqual(before);
    expect(phaseOf(kept, 'teardown').status).toBe('skipped');
    expect(phaseOf(base, 'teardown').status).toBe('would-run');
  });

  it('the local profile is config → rehearsal → report, with the rehearsal’s own smoke size', async () => {
    const result = await dryRun('--profile', 'local');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/chain\s+config → rehearsal → report/);
    const plan = await dryRunJson('--profile', 'local');
    expect(plan.phases.map((p) => p.name)).toEqual(['config', 'rehearsal', 'report']);
    const config = await loadRunConfig({ profile: 'local', profilesDir });
    expect(phaseOf(plan, 'rehearsal').details.smokePairs).toBe(
      smokePlan(config.dfsps.count, config.dfsps.partiesPerDfsp).length,
    );
  });

  describe.concurrent('bad input exits 2 naming the field or option, the value and what is allowed', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['an override', ['--set', 'dfsps.count=0'], /dfsps\.count: got 0; allowed: an integer from 2 to 64/],
      [
        'the rates',
        ['--rates', '5,1'],
        /--rates: got "5,1"; allowed: positive numbers separated by commas or spaces, rising/,
      ],
      ['an unknown option', ['--bogus'], /options: got "--bogus"; allowed: one of: --profile, --set/],
      [
        'an unknown profile',
        ['--profile', 'nope'],
        /profile: got "nope"; allowed: one of: aws-1000tps, aws-smoke, local/,
      ],
    ];
    for (const [what, args, expected] of cases) {
      it(what, async () => {
        const result = await dryRun(...args);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(expected);
        expect(result.stdout).toBe('');
      });
    }
  });
});
