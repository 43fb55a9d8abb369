/**
 * The k6-operator `TestRun` (`k6.io/v1alpha1`) of one rung: a pure function of the rung plan, the
 * load settings and where things are (REFERENCE §5–§6, ARCHITECTURE §4–§6).
 *
 * - `separate: true`, `parallelism` runners; k6-operator hands runner i of n the execution segment
 *   (i-1)/n:i/n, so the script is given the rung's TOTAL rate and VUs (`buildRungOptions`).
 * - Runner, initializer and starter pods select the load node group and tolerate its taint
 *   (`mlperf/role=load-runners`, NoSchedule — terraform/envs/perf/main.tf and
 *   core/terraform/variables.ts): the load cluster has only tainted nodes, so a pod without the
 *   toleration would stay Pending forever.
 * - Results go to the hub cluster's Prometheus by remote write with native histograms, tagged
 *   `testid` and `rung` (ladder/metrics.ts `K6_TAGS`) on the command line.
 * - No `cleanup: post`: it deletes the pods as soon as the run ends and races the collection of
 *   exit codes and logs. The runner deletes the TestRun itself after collecting.
 */
import type { V1ResourceRequirements } from '@kubernetes/client-node';
import type { LoadSettings } from '../config/index.js';
import { K6_TAGS } from '../ladder/metrics.js';
import { buildRungOptions } from '../ladder/plan.js';
import type { RungPlan } from '../ladder/types.js';
import { ROLE_LABEL } from '../terraform/variables.js';
import { RUNNER_ENV, SUMMARY_MARKER } from './runner-env.js';

export const K6_GROUP = 'k6.io';
export const K6_VERSION = 'v1alpha1';
export const K6_API_VERSION = `${K6_GROUP}/${K6_VERSION}`;
export const TESTRUN_PLURAL = 'testruns';
export const TESTRUN_KIND = 'TestRun';

/** The load cluster's only node group (terraform/envs/perf variables.tf `load_node_groups`). */
export const LOAD_RUNNER_ROLE = 'load-runners';
export const LOAD_NODE_SELECTOR: Readonly<Record<string, string>> = { [ROLE_LABEL]: LOAD_RUNNER_ROLE };
export const LOAD_TOLERATIONS: ReadonlyArray<K6Toleration> = [
  { key: ROLE_LABEL, operator: 'Equal', value: LOAD_RUNNER_ROLE, effect: 'NoSchedule' },
];

/** Labels k6-operator puts on its jobs and pods (`app=k6`, `k6_cr=<TestRun>`, runners `runner=true`). */
export const K6_APP_LABEL = 'app';
export const K6_CR_LABEL = 'k6_cr';
export const K6_RUNNER_LABEL = 'runner';
/** The container k6-operator names in every runner pod. */
export const K6_CONTAINER = 'k6';

export { RUNNER_ENV, SCRIPT_ENV, SUMMARY_MARKER } from './runner-env.js';

export interface K6Toleration {
  key: string;
  operator: 'Equal' | 'Exists';
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface K6EnvVar {
  name: string;
  value?: string;
  valueFrom?: { fieldRef: { fieldPath: string } };
}

export interface K6PodSpec {
  image?: string;
  nodeSelector: Record<string, string>;
  tolerations: K6Toleration[];
  env?: K6EnvVar[];
  resources?: V1ResourceRequirements;
  metadata?: { labels?: Record<string, string> };
}

export interface TestRunManifest {
  apiVersion: typeof K6_API_VERSION;
  kind: typeof TESTRUN_KIND;
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    parallelism: number;
    separate: true;
    script: { configMap: { name: string; file: string } };
    arguments: string;
    runner: K6PodSpec;
    initializer: K6PodSpec;
    starter: K6PodSpec;
  };
}

/** TestRun `status.stage` values (REFERENCE §6). */
export type TestRunStage =
  | 'initialization'
  | 'initialized'
  | 'created'
  | 'started'
  | 'stopped'
  | 'finished'
  | 'error';

/**
 * Runners for a rate: ⌈rate / perRunnerRate⌉, at least 1. The run configuration has no per-runner
 * capacity (its `load.runners` is a fixed count), so the capacity is a parameter.
 */
export function runnersForRate(rate: number, perRunnerRate: number, maxRunners?: number): number {
  if (!Number.isFinite(rate) || rate < 0) throw new RangeError(`rate must be ≥ 0, got ${rate}`);
  if (!Number.isFinite(perRunnerRate) || perRunnerRate <= 0) {
    throw new RangeError(`perRunnerRate must be > 0, got ${perRunnerRate}`);
  }
  const runners = Math.max(1, Math.ceil(rate / perRunnerRate));
  if (maxRunners !== undefined && runners > maxRunners) {
    throw new RangeError(
      `${rate}/s needs ${runners} runners at ${perRunnerRate}/s each, more than the ${maxRunners} the load node group has`,
    );
  }
  return runners;
}

/** A DNS-1123 TestRun name for a run id and rung, short enough for `<name>-<i>` Job names. */
export function testRunName(testId: string, rung: Pick<RungPlan, 'id'>): string {
  const clean = testId
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const suffix = `-r${rung.id}`;
  const head = `k6-${clean}`.slice(0, 40 - suffix.length).replace(/-+$/, '');
  return `${head}${suffix}`;
}

export interface TestRunParams {
  namespace: string;
  /** Default {@link testRunName}. */
  name?: string;
  testId: string;
  rung: RungPlan;
  load: LoadSettings;
  /** Runner pods; see {@link runnersForRate}. */
  parallelism: number;
  script: { configMap: string; file: string };
  /** Hub Prometheus remote-write receiver, e.g. `http://prom.example:9090/api/v1/write`. */
  prometheusRemoteWriteUrl: string;
  /** k6 image with the Prometheus output (current k6 has it built in). Default: the operator's. */
  image?: string;
  resources?: V1ResourceRequirements;
  /** Extra env for the runners (e.g. SDK endpoints), after ours. */
  env?: Record<string, string>;
}

/** The k6 command-line arguments: remote-write output plus the test-wide tags. */
export function testRunArguments(testId: string, rung: Pick<RungPlan, 'id'>): string {
  for (const [tag, value] of [
    [K6_TAGS.testId, testId],
    [K6_TAGS.rung, rung.id],
  ] as const) {
    if (!/^[A-Za-z0-9_.:-]+$/.test(value)) {
      throw new Error(`tag ${tag}: ${JSON.stringify(value)} is not a plain token (letters, digits, _.:-)`);
    }
  }
  return [
    '-o experimental-prometheus-rw',
    `--tag ${K6_TAGS.testId}=${testId}`,
    `--tag ${K6_TAGS.rung}=${rung.id}`,
  ].join(' ');
}

export function buildTestRun(params: TestRunParams): TestRunManifest {
  const { rung, load, testId } = params;
  if (!Number.isInteger(params.parallelism) || params.parallelism < 1) {
    throw new RangeError(`parallelism must be an integer ≥ 1, got ${params.parallelism}`);
  }
  const name = params.name ?? testRunName(testId, rung);
  const options = buildRungOptions(rung, load, testId);
  const env: K6EnvVar[] = [
    { name: 'K6_PROMETHEUS_RW_SERVER_URL', value: params.prometheusRemoteWriteUrl },
    { name: 'K6_PROMETHEUS_RW_TREND_AS_NATIVE_HISTOGRAM', value: 'true' },
    { name: RUNNER_ENV.testId, value: testId },
    { name: RUNNER_ENV.rung, value: rung.id },
    { name: RUNNER_ENV.options, value: JSON.stringify(options) },
    { name: RUNNER_ENV.runner, valueFrom: { fieldRef: { fieldPath: "metadata.labels['job-name']" } } },
    ...Object.entries(params.env ?? {}).map(([envName, value]) => ({ name: envName, value })),
  ];
  const placement = (): Pick<K6PodSpec, 'nodeSelector' | 'tolerations'> => ({
    nodeSelector: { ...LOAD_NODE_SELECTOR },
    tolerations: LOAD_TOLERATIONS.map((t) => ({ ...t })),
  });
  const labels = { 'mlperf/testid': testId, 'mlperf/rung': rung.id };
  const runner: K6PodSpec = {
    ...(params.image === undefined ? {} : { image: params.image }),
    ...placement(),
    env,
    ...(params.resources === undefined ? {} : { resources: params.resources }),
    metadata: { labels: { ...labels } },
  };
  const helper = (): K6PodSpec => ({
    ...(params.image === undefined ? {} : { image: params.image }),
    ...placement(),
  });
  return {
    apiVersion: K6_API_VERSION,
    kind: TESTRUN_KIND,
    metadata: { name, namespace: params.namespace, labels },
    spec: {
      parallelism: params.parallelism,
      separate: true,
      script: { configMap: { name: params.script.configMap, file: params.script.file } },
      arguments: testRunArguments(testId, rung),
      runner,
      initializer: helper(),
      starter: helper(),
    },
  };
}

/**
 * The end-of-test summary in a runner's log: the JSON after the LAST `MLPERF_SUMMARY ` marker line.
 * `undefined` when there is none or it does not parse.
 */
export function parseSummary(log: string): unknown {
  const lines = log.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i] ?? '';
    const at = line.indexOf(`${SUMMARY_MARKER} `);
    if (at === -1) continue;
    try {
      return JSON.parse(line.slice(at + SUMMARY_MARKER.length + 1));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
