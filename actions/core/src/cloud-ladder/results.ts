/**
 * The cloud run's results.json, built from the ladder's evaluations and parsed with the core's own
 * schema, so a file this module returns is valid by construction: every rung keeps the engine's
 * outcome and reasons, the verdict and maximum sustainable rate are the ones the rungs imply.
 * The security posture is the one verify-security proved in phase 04 (passed in); without it, the
 * switches as configured are named in a hint as configured, not probed.
 */
import type { AwsInfrastructure, RunConfig } from '../config/index.js';
import type { LadderResult } from '../ladder/engine.js';
import { steadyWindow } from '../ladder/plan.js';
import type { RungEvaluation } from '../ladder/types.js';
import { parseRunResults } from '../results/io.js';
import {
  RUN_RESULTS_SCHEMA_VERSION,
  type RunArtifact,
  type RungResult,
  type RunResults,
  type RunResultsInput,
} from '../results/schema.js';
import { decideVerdict, maxSustainableRate } from '../results/verdict.js';
import type { SecurityPosture } from '../security/posture.js';

export interface CloudRunFacts {
  runId: string;
  trigger: RunResults['trigger'];
  config: RunConfig & { infrastructure: AwsInfrastructure };
  startedAt: number;
  finishedAt: number;
  /** `null` when the ladder never started (probe failed, setup failed). */
  ladder: LadderResult | null;
  /** Epoch ms each rung started, by rung id: the window of a rung that never reported a start. */
  rungStarts: ReadonlyMap<string, number>;
  /** Sentences about the phase itself (probe findings, why the ladder did not run), first in hints. */
  notes: readonly string[];
  artifacts: readonly RunArtifact[];
  k6Version?: string;
  /** What verify-security proved on the hub cluster (phase 04); null when it did not run. */
  security: SecurityPosture | null;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function rungResult(evaluation: RungEvaluation, index: number, fallbackStart: number): RungResult {
  const { rung, measurement: m } = evaluation;
  const window = m?.window ?? steadyWindow(rung, evaluation.startedAt ?? fallbackStart);
  return {
    index,
    kind: rung.kind,
    targetRate: rung.rate,
    window: {
      start: iso(window.start),
      end: iso(window.end),
      warmupSeconds: rung.warmupSeconds,
      holdSeconds: rung.holdSeconds,
      drainSeconds: rung.drainSeconds,
    },
    achievedRate: m?.achievedRate ?? null,
    successPercent: m?.successPercent ?? null,
    completed: m?.completed ?? null,
    failed: m?.failed ?? null,
    failedByCode: { ...(m?.failedByCode ?? {}) },
    droppedIterations: m?.droppedIterations ?? null,
    droppedPercent: m?.droppedPercent ?? null,
    latency: {
      e2e: { ...(m?.latency.e2e ?? { p50: null, p95: null, p99: null }) },
      discovery: { ...(m?.latency.discovery ?? { p50: null, p95: null, p99: null }) },
      quote: { ...(m?.latency.quote ?? { p50: null, p95: null, p99: null }) },
      transfer: { ...(m?.latency.transfer ?? { p50: null, p95: null, p99: null }) },
    },
    hubCommitted: m?.hubCommitted ?? null,
    validity: {
      runnersClean: evaluation.validity.runnersClean,
      countsAgree: evaluation.validity.countsAgree,
      droppedWithinBounds: evaluation.validity.droppedWithinBounds,
      reasons: [...evaluation.validity.reasons],
    },
    outcome: evaluation.outcome,
    failedSlos: evaluation.failedSlos.map((f) => ({
      slo: f.slo,
      threshold: f.threshold,
      observed: f.observed,
    })),
    invalidReasons: [...evaluation.invalidReasons],
  };
}

const onOff = (value: boolean): string => (value ? 'on' : 'off');

/** The configured security switches, said to be configured and not probed here. */
export function configuredSecurityHint(config: RunConfig): string {
  const s = config.security;
  return `Security as configured, not probed by the ladder phase: mTLS ${onOff(s.mtls)}, JWS signing ${onOff(s.jwsSign)}, JWS validation ${onOff(s.jwsValidate)}, ILP ${onOff(s.ilp)}.`;
}

/** Said in every RDS run's results: the services' MySQL traffic is not encrypted (a setting, not a probe). */
const PLAINTEXT_RDS_HINT =
  'Database: the Mojaloop services reach MySQL (RDS) without TLS, inside the VPC (infrastructure.database.requireTls is false: Mojaloop 17.0.4 has no MySQL TLS setting).';

export function buildCloudResults(facts: CloudRunFacts): RunResults {
  const { config, ladder } = facts;
  const evaluations = ladder?.rungs ?? [];
  const rungs = evaluations.map((e, position) =>
    rungResult(e, position + 1, facts.rungStarts.get(e.rung.id) ?? facts.startedAt),
  );
  const hints = [...facts.notes];
  if (ladder !== null) {
    if (ladder.aborted) hints.push('The ladder was aborted (the job was cancelled) before it finished.');
    if (ladder.stress.ran && ladder.stress.description !== null) {
      hints.push(`Stress search: ${ladder.stress.description}.`.replace(/\.\.$/, '.'));
    }
    for (const [position, evaluation] of evaluations.entries()) {
      for (const note of evaluation.notes) hints.push(`Rung ${position + 1}: ${note}`);
    }
  }
  if (facts.security === null) hints.push(configuredSecurityHint(config));
  if (config.mojaloop?.database === 'rds' && !config.infrastructure.database.requireTls) {
    hints.push(PLAINTEXT_RDS_HINT);
  }
  const groups = config.infrastructure;
  const nodes = [
    ...Object.entries(groups.hub.nodeGroups).map(([role, g]) => ({
      role,
      instanceType: g.instanceType,
      count: g.desiredSize,
    })),
    ...Object.entries(groups.load.nodeGroups).map(([role, g]) => ({
      role,
      instanceType: g.instanceType,
      count: g.desiredSize,
    })),
  ];
  const input: RunResultsInput = {
    schemaVersion: RUN_RESULTS_SCHEMA_VERSION,
    runId: facts.runId,
    startedAt: iso(facts.startedAt),
    finishedAt: iso(Math.max(facts.finishedAt, facts.startedAt)),
    durationSeconds: Math.max(0, Math.round((facts.finishedAt - facts.startedAt) / 1000)),
    trigger: facts.trigger,
    profile: config.profile,
    config,
    environment: {
      provider: 'aws',
      region: groups.region,
      versions: { hub: 'mojaloop', ...(facts.k6Version === undefined ? {} : { k6: facts.k6Version }) },
      sizing: { nodes, dfspCount: config.dfsps.count },
    },
    security: facts.security,
    rungs,
    verdict: decideVerdict(rungs, config),
    maxSustainableRate: maxSustainableRate(rungs),
    hints,
    artifacts: [...facts.artifacts],
  };
  return parseRunResults(input);
}
