/**
 * The dry run of phase 07 on the load cluster (the ladder action over `runCloudLadder`): per rung the
 * k6 runners (`runnersForRate` with the configuration's `load.perRunnerRate`, as the action reads it), the TestRun the core's
 * `buildTestRun` makes, the script ConfigMap, the remote-write target and the PromQL path, and the
 * connectivity probe. What only the pipeline knows (the Prometheus load balancer host, the gateway
 * host, the hub API endpoint) is a placeholder. The runner cap is the one `runCloudLadder` applies: the
 * load node group's desired size, one runner per node (`separate: true`).
 */
import path from 'node:path';
import { fleetEnv, LADDER_ENV } from '../cloud-ladder/phase.js';
import { serviceProxyBaseUrl } from '../cloud-ladder/prometheus.js';
import { scriptConfigMapName } from '../cloud-ladder/script.js';
import {
  DEFAULT_SCRIPT,
  HUB_PROMETHEUS,
  K6_RUN_NAMESPACE,
  LOAD_BALANCER_WAIT_MS,
  MAX_SCRIPT_BYTES,
  PROBE,
} from '../cloud-ladder/settings.js';
import type { AwsInfrastructure, RunConfig } from '../config/index.js';
import { dfspIds } from '../fleet/names.js';
import { buildTestRun, LOAD_RUNNER_ROLE, runnersForRate } from '../k8s/testrun.js';
import { planStressRung } from '../ladder/plan.js';
import type { RungPlan } from '../ladder/types.js';
import { outboundUrls } from '../mojaloop/objects.js';
import { GATEWAY_HOST_PLACEHOLDER, HUB_ENDPOINT_PLACEHOLDER } from './mojaloop.js';
import { LADDER_DEFAULTS } from './pipeline.js';
import type { CloudLadderDetails } from './types.js';

/** Stands for the hub Prometheus's load balancer host, read from its Service at run time. */
export const PROMETHEUS_HOST_PLACEHOLDER = '<load balancer host of the hub Prometheus Service>';

export interface CloudLadderInput {
  config: RunConfig;
  infra: AwsInfrastructure;
  runId: string;
  /** The configured rungs as `planLadder` makes them. */
  rungs: readonly RungPlan[];
  /** The stress rates the search would try when every step passes (`nextStressRate`). */
  stressRates: readonly number[];
}

export function planCloudLadder(input: CloudLadderInput): CloudLadderDetails {
  const { config, infra, runId } = input;
  // The schema requires it on aws and the action refuses a config without it.
  const perRunnerRate = config.load.perRunnerRate;
  const group = infra.load.nodeGroups.loadRunners;
  const maxRunners = group.desiredSize;
  const template = input.rungs.at(-1);
  const stressPlans =
    template === undefined
      ? []
      : input.stressRates.map((rate, index) =>
          planStressRung(rate, template, input.rungs.length + 1 + index),
        );
  const remoteWriteUrl = `http://${PROMETHEUS_HOST_PLACEHOLDER}:${HUB_PROMETHEUS.port}/api/v1/write`;
  const configMap = scriptConfigMapName(runId);
  const scriptKey = path.posix.basename(DEFAULT_SCRIPT);
  const targets = outboundUrls(GATEWAY_HOST_PLACEHOLDER, dfspIds(config.dfsps.count));
  const env = {
    [LADDER_ENV.outboundUrls]: JSON.stringify(targets),
    [LADDER_ENV.fleet]: fleetEnv(config),
  };

  let failure: string | null =
    perRunnerRate === undefined
      ? 'load.perRunnerRate: got nothing (missing); allowed: transfers/s per k6 runner pod (required on aws); the ladder action refuses the run'
      : null;
  const warnings: string[] = [];
  const rungs = [...input.rungs, ...stressPlans].map((rung) => {
    let runners: number | null = null;
    let problem: string | null = null;
    // Without a rate nothing can be counted: the failure above already says so.
    const needed = perRunnerRate === undefined ? 0 : runnersForRate(rung.rate, perRunnerRate);
    try {
      if (perRunnerRate !== undefined) runners = runnersForRate(rung.rate, perRunnerRate, maxRunners);
    } catch {
      // runnersForRate refuses more runners than the node group has, as the runner would.
      problem =
        rung.kind === 'stress'
          ? `needs ${needed} runners, the load node group has ${maxRunners}: this stress rung ends INVALID and the search stops there`
          : `needs ${needed} runners, the load node group has ${maxRunners}: the ladder action refuses the run before creating anything`;
      if (rung.kind !== 'stress' && failure === null) {
        failure = `ladder.rungs[${rung.ordinal - 1}].rate ${rung.rate}/s needs ${needed} k6 runners at ${perRunnerRate}/s each (load.perRunnerRate); allowed: at most ${maxRunners}, one per node of the load node group (infrastructure.load.nodeGroups.loadRunners.desiredSize)`;
      }
    }
    const manifest = buildTestRun({
      namespace: K6_RUN_NAMESPACE,
      testId: runId,
      rung,
      load: config.load,
      parallelism: runners ?? 1,
      script: { configMap, file: scriptKey },
      prometheusRemoteWriteUrl: remoteWriteUrl,
      env,
    });
    return {
      id: rung.id,
      kind: rung.kind === 'stress' ? ('stress' as const) : ('ladder' as const),
      rate: rung.rate,
      runners,
      needed,
      problem,
      testRun: manifest.metadata.name,
      arguments: manifest.spec.arguments,
      runnerEnv: (manifest.spec.runner.env ?? []).map((e) => e.name),
    };
  });
  const ceiling = maxRunners * (perRunnerRate ?? Number.POSITIVE_INFINITY);
  const stress = config.ladder.stress;
  if (stress.enabled && stress.maxRate > ceiling) {
    warnings.push(
      `stress rungs above ${ceiling}/s cannot run: ${maxRunners} load node(s) × ${perRunnerRate}/s per runner (load.perRunnerRate), below ladder.stress.maxRate ${stress.maxRate}/s; such a rung ends INVALID and the search stops there (the action caps runners at the node group's desired size ${group.desiredSize}; its maxSize is ${group.maxSize})`,
    );
  }
  const highest = Math.max(0, ...rungs.map((r) => r.rate));
  const neededAtTop = Math.max(0, ...rungs.map((r) => r.needed));
  if (neededAtTop > group.maxSize) {
    warnings.push(
      `the highest planned rate ${highest}/s needs ${neededAtTop} runners, more than the load node group's maxSize ${group.maxSize}`,
    );
  }
  const wired = Object.keys(LADDER_DEFAULTS.wiring).join(', ');
  return {
    job: `ladder (perf-pipeline.yml): needs ${LADDER_DEFAULTS.needs.join(', ')}; the protected environment; the pipeline role by OIDC for ${LADDER_DEFAULTS.roleDurationSeconds / 3600} h; ${LADDER_DEFAULTS.jobTimeoutMinutes} min timeout; inputs ${wired}; results kept as artifact ${LADDER_DEFAULTS.artifact}`,
    failure,
    warnings,
    perRunnerRate: perRunnerRate ?? null,
    loadNodes: {
      group: LOAD_RUNNER_ROLE,
      instanceType: group.instanceType,
      desiredSize: group.desiredSize,
      maxSize: group.maxSize,
    },
    namespace: K6_RUN_NAMESPACE,
    rungs: rungs.map(({ runnerEnv: _env, ...rung }) => rung),
    script: {
      path: DEFAULT_SCRIPT,
      configMap: `${K6_RUN_NAMESPACE}/${configMap}`,
      key: scriptKey,
      maxBytes: MAX_SCRIPT_BYTES,
    },
    remoteWrite: {
      service: `${HUB_PROMETHEUS.namespace}/${HUB_PROMETHEUS.service}`,
      portName: HUB_PROMETHEUS.portName,
      port: HUB_PROMETHEUS.port,
      url: remoteWriteUrl,
      waitMinutes: LOAD_BALANCER_WAIT_MS / 60_000,
    },
    promql: `${serviceProxyBaseUrl(HUB_ENDPOINT_PLACEHOLDER)}api/v1/query (the hub API server's service proxy, the job's EKS token in the header; no Prometheus port opened to the runner)`,
    probe: {
      from: `a probe Job in ${K6_RUN_NAMESPACE} on the ${LOAD_RUNNER_ROLE} nodes, before the first rung; a failure stops the phase with INVALID results and no TestRun`,
      targets,
      attempts: PROBE.attempts,
      requestTimeoutMs: PROBE.requestTimeoutMs,
      deadlineMinutes: PROBE.deadlineMs / 60_000,
      maxMedianMs: PROBE.maxMedianMs,
      expectStatus: [...PROBE.expectStatus],
    },
    runnerEnv: rungs[0]?.runnerEnv ?? [],
    rungTimeoutMinutes: LADDER_DEFAULTS.rungTimeoutMinutes,
    results: { dir: LADDER_DEFAULTS.resultsDir, files: ['results.json', 'runner-summaries.json'] },
    placeholders: [
      {
        field: 'remote-write host',
        value: PROMETHEUS_HOST_PLACEHOLDER,
        inThePipeline: `the internal NLB of Service ${HUB_PROMETHEUS.namespace}/${HUB_PROMETHEUS.service}, waited for up to ${LOAD_BALANCER_WAIT_MS / 60_000} min`,
      },
      {
        field: 'outbound-urls',
        value: `{"<fspId>": "http://${GATEWAY_HOST_PLACEHOLDER}/sim/<fspId>/outbound"} for the ${Object.keys(targets).length} DFSPs (the probe targets above)`,
        inThePipeline: 'the mojaloop job output outbound-urls',
      },
      {
        field: 'hub API endpoint',
        value: HUB_ENDPOINT_PLACEHOLDER,
        inThePipeline: 'the provision output hub-cluster-endpoint',
      },
    ],
    tokens:
      'an EKS bearer token per cluster (load: ConfigMap, probe, TestRuns; hub: the Prometheus Service and PromQL), minted in this job, renewed before expiry, masked, never written to disk',
    outputs: ['results-path', 'verdict (PASS, FAIL or INVALID)', 'max-rate', 'rungs'],
  };
}
