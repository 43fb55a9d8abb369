// Shared by the deploy tests: the FAKE helm, the plan of a profile, and the deploy's dependencies.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { Clock } from '../../src/aws/clock.js';
import { loadRunConfig, type RunConfig } from '../../src/config/index.js';
import type { ClusterObjects } from '../../src/mojaloop/cluster.js';
import type { MojaloopDeployDeps } from '../../src/mojaloop/deploy.js';
import { planMojaloop } from '../../src/mojaloop/plan.js';
import { mojaloopValues, type Values } from '../../src/mojaloop/values.js';
import { loadChartPins } from '../../src/platform/pins.js';
import type { CommandOptions, CommandResult, CommandRunner } from '../../src/terraform/runner.js';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const HELM_DIR = path.join(ROOT, 'helm');
export const INFRA = {
  database: { host: 'mlperf-r7.abc.eu-west-2.rds.amazonaws.com', port: 3306, user: 'mlperf_admin' },
  kafka: { host: 'kafka.mojaloop.svc.cluster.local', port: 9092 },
};
export const FLEET = { cacheUrl: 'redis://mlperf-r7.cache.amazonaws.com:6379' };
export const CREDENTIALS = { username: 'mlperf_admin', password: 'not-a-real-password-3f9' };

export function clock(start = Date.parse('2026-11-25T21:00:00Z')): Clock {
  let now = start;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}

/**
 * FAKE helm: `pull` unpacks a chart whose values.yaml holds `chartValues[chart]` (what the pinned
 * chart would define); `upgrade --install` is recorded and exits as scripted.
 */
export class FakeHelm implements CommandRunner {
  readonly upgrades: string[][] = [];
  readonly pulls: string[] = [];
  constructor(
    private readonly chartValues: Record<string, Values>,
    private readonly failRelease?: string,
  ) {}
  async run(command: string, args: readonly string[], _options: CommandOptions): Promise<CommandResult> {
    if (command !== 'helm') throw new Error(`unexpected command ${command}`);
    if (args[0] === 'pull') {
      const chart = args[1] as string;
      this.pulls.push(`${chart} ${args[args.indexOf('--version') + 1]}`);
      const dir = path.join(args[args.indexOf('--untardir') + 1] as string, chart);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'Chart.yaml'), `name: ${chart}\n`);
      writeFileSync(path.join(dir, 'values.yaml'), stringify(this.chartValues[chart] ?? {}));
      return { exitCode: 0, stdout: '', stderr: '' };
    }
    this.upgrades.push([...args]);
    if (args[2] === this.failRelease)
      return { exitCode: 1, stdout: '', stderr: 'Error: UPGRADE FAILED: timed out' };
    return { exitCode: 0, stdout: '', stderr: '' };
  }
}

export async function setup(profile = 'aws-smoke') {
  const config = (await loadRunConfig({ profile, profilesDir: path.join(ROOT, 'profiles') })) as RunConfig;
  const runValuesDir = mkdtempSync(path.join(tmpdir(), 'mlperf-run-values-'));
  const plan = planMojaloop({
    config,
    pins: await loadChartPins(path.join(HELM_DIR, 'versions.yaml')),
    helmDir: HELM_DIR,
    pinsFile: 'helm/versions.yaml',
    runValuesDir,
    kubeconfig: '/tmp/hub.kubeconfig',
    dfspFleetVersion: '0.1.0',
    exists: existsSync,
  });
  // What the pinned charts define: here, exactly the keys we set (the real check runs against helm pull).
  const full = mojaloopValues(config, INFRA);
  return {
    config,
    plan,
    runValuesDir,
    chartValues: { mojaloop: full.umbrella, 'example-mojaloop-backend': full.backend },
  };
}

export function deps(
  helm: CommandRunner,
  cluster: ClusterObjects,
  ready: (ns: string) => boolean = () => true,
): MojaloopDeployDeps {
  return {
    runner: helm,
    clock: clock(),
    objects: cluster,
    waitReady: async (namespace) =>
      ready(namespace)
        ? { ready: true }
        : { ready: false, diagnosis: `pod ${namespace}/x: ImagePullBackOff` },
    writeFile: async (file, text) => writeFileSync(file, text, { mode: 0o600 }),
  };
}

export const OPTIONS = { readinessTimeoutMs: 15 * 60_000, setupTimeoutMs: 10 * 60_000, pollMs: 5_000 };
