/**
 * The results of one run as versioned data (`results.json`): what ran, where, with which verified
 * security, every rung's measurements and outcome, and the verdict. The report is rendered from it
 * and the history store keeps it, so the schema refuses any file in which an outcome contradicts
 * its own evidence: a rung reads PASS only with every validity fact true and no failed SLO, and the
 * verdict and maximum sustainable rate must be the ones the rungs imply.
 */
import { z } from 'zod';
import { reject, whenValid } from '../config/cross-field.js';
import { decimal, integer, patterned } from '../config/fields.js';
import { PROFILE_NAME, PROFILE_NAME_ALLOWED, RunConfigSchema } from '../config/schema.js';
import { aggregateControl, CONTROLS, PROBE_CONTROL, PROBES } from '../security/posture.js';
import { SLO_IDS } from './slo.js';
import { decideVerdict, maxSustainableRate } from './verdict.js';

/** The version this code writes and the newest it reads. Raise it when a reader would misread old files. */
export const RUN_RESULTS_SCHEMA_VERSION = 1;

const TIMESTAMP_ALLOWED = 'an ISO 8601 timestamp with a zone, such as 2025-06-01T12:00:00Z';
const timestamp = () => z.iso.datetime({ offset: true, error: TIMESTAMP_ALLOWED });
const text = (allowed = 'non-empty text') => z.string({ error: allowed }).min(1, { error: allowed });

/** A measured figure, or null when the steady window had no samples of it. */
function measured<T extends z.ZodType>(schema: T, allowed: string) {
  return z.union([schema, z.null()], { error: `${allowed}, or null when it was not measured` });
}

/** A number of milliseconds, or null when the window had no samples. */
const millis = () => {
  const allowed = 'a number ≥ 0 (milliseconds), or null when the window had no samples';
  return z.number({ error: allowed }).min(0, { error: allowed }).nullable();
};

// ---------------------------------------------------------------- security posture (security/posture.ts)

export const ProbeResultSchema = z
  .strictObject({
    name: z.enum(PROBES),
    control: z.enum(CONTROLS),
    expected: z.string(),
    observed: z.string(),
    outcome: z.enum(['rejected', 'accepted', 'inconclusive', 'not-run']),
    passed: z.boolean(),
  })
  .superRefine(
    (probe, ctx) => {
      if (probe.control !== PROBE_CONTROL[probe.name]) {
        reject(ctx, ['control'], `${PROBE_CONTROL[probe.name]}, the control probe ${probe.name} tests`);
      }
      if (probe.passed !== (probe.outcome === 'rejected')) {
        reject(
          ctx,
          ['passed'],
          `${probe.outcome === 'rejected'}: a probe passes exactly when it was rejected`,
        );
      }
    },
    whenValid(['name'], ['control'], ['outcome'], ['passed']),
  );

export const ControlPostureSchema = z
  .strictObject({
    status: z.enum(['proven', 'failed', 'not-proven']).describe('Judged from the probes alone'),
    evidence: z.string(),
    probes: z.array(ProbeResultSchema),
  })
  .superRefine(
    (control, ctx) => {
      // Never proven by assertion: the status must be the one the probes imply.
      const implied = aggregateControl(control.probes).status;
      if (control.status !== implied) {
        reject(ctx, ['status'], `${implied}, the status its probes imply`);
      }
    },
    whenValid(['status'], ['probes']),
  );

export const SecurityPostureSchema = z
  .strictObject({
    hubUrl: z.string(),
    checkedAt: timestamp(),
    baseline: z.strictObject({
      reachedHub: z.boolean(),
      forwarded: z.boolean(),
      committed: z.boolean(),
      observed: z.string(),
    }),
    controls: z.strictObject({
      mtls: ControlPostureSchema,
      jwsValidation: ControlPostureSchema,
      ilp: ControlPostureSchema,
      expiry: ControlPostureSchema,
    }),
  })
  .describe('The posture proven by verify-security negative probes, not the configured one');

// ---------------------------------------------------------------- environment

export const EnvironmentSchema = z
  .strictObject({
    provider: z.enum(['local', 'aws']),
    region: text('an AWS region name such as eu-west-2').optional().describe('AWS region; absent for local'),
    versions: z.strictObject({
      mojaloop: text().optional().describe('Mojaloop Helm chart release, e.g. 17.1.0'),
      sdkSchemeAdapter: text().optional().describe('@mojaloop/sdk-scheme-adapter version'),
      k6: text().optional(),
      node: text().optional(),
      hub: z.enum(['emulator', 'mojaloop']).optional().describe('Which switch served the run'),
    }),
    sizing: z.strictObject({
      nodes: z
        .array(
          z.strictObject({
            role: text(),
            instanceType: text().optional(),
            count: integer({ min: 0 }, 'nodes'),
          }),
        )
        .describe('Nodes by role at the size the run used; empty for one local machine'),
      dfspCount: integer({ min: 1 }, 'DFSPs'),
    }),
  })
  .superRefine(
    (environment, ctx) => {
      if (environment.provider === 'aws' && environment.region === undefined) {
        reject(ctx, ['region'], 'an AWS region name such as eu-west-2 (required when provider is aws)');
      }
      if (environment.provider === 'local' && environment.region !== undefined) {
        reject(ctx, ['region'], 'nothing: a local run has no region');
      }
    },
    whenValid(['provider'], ['region']),
  );

// ---------------------------------------------------------------- rungs

export const LatencySchema = z.strictObject({ p50: millis(), p95: millis(), p99: millis() }).superRefine(
  (latency, ctx) => {
    if (latency.p50 !== null && latency.p95 !== null && latency.p95 < latency.p50) {
      reject(ctx, ['p95'], `a number ≥ p50 (${latency.p50}); percentiles do not decrease`);
    }
    if (latency.p95 !== null && latency.p99 !== null && latency.p99 < latency.p95) {
      reject(ctx, ['p99'], `a number ≥ p95 (${latency.p95}); percentiles do not decrease`);
    }
  },
  whenValid(['p50'], ['p95'], ['p99']),
);

const FACT_ALLOWED = 'true, false or "unknown"';
const fact = () => z.union([z.boolean(), z.literal('unknown')], { error: FACT_ALLOWED });

export const ValiditySchema = z.strictObject({
  runnersClean: fact().describe('Every load runner finished with a clean exit'),
  countsAgree: fact().describe("The hub's committed count agrees with the load generator's completed count"),
  droppedWithinBounds: fact().describe('Dropped iterations stayed within the allowed share'),
  reasons: z.array(z.string()).describe('Why any fact is false or unknown'),
});

export const FailedSloSchema = z.strictObject({
  slo: z.enum(SLO_IDS).describe('Which SLO, e.g. transferP99Ms or e2eP99Ms (config.slo.e2e.p99Ms)'),
  threshold: z.number().describe('The configured bound, in the unit of the SLO (ms or percent)'),
  observed: z.number().describe('The measured value, same unit'),
});

const FSPIOP_CODE_KEY = /^(?:\d{4}|[a-z][a-z0-9-]*)$/;

export const RungResultSchema = z
  .strictObject({
    index: integer({ min: 1 }, 'position in the run, from 1'),
    kind: z.enum(['ladder', 'stress']),
    targetRate: decimal({ gt: 0 }, 'transfers/s'),
    window: z
      .strictObject({
        start: timestamp().describe('Start of the steady window the rung is judged over'),
        end: timestamp().describe('End of the steady window'),
        warmupSeconds: integer({ min: 0 }, 'seconds'),
        holdSeconds: integer({ min: 1 }, 'seconds'),
        drainSeconds: integer({ min: 0 }, 'seconds'),
      })
      .superRefine(
        (window, ctx) => {
          if (Date.parse(window.end) < Date.parse(window.start)) {
            reject(ctx, ['end'], `a time at or after start (${window.start})`);
          }
        },
        whenValid(['start'], ['end']),
      ),
    achievedRate: measured(decimal({ min: 0 }, 'transfers/s'), 'a number ≥ 0 (transfers/s)').describe(
      'Completed transfers per second over the steady window',
    ),
    successPercent: measured(
      decimal({ min: 0, max: 100 }, 'percent'),
      'a number from 0 to 100 (percent)',
    ).describe('Completed as a share of completed + failed transfers'),
    completed: measured(integer({ min: 0 }, 'transfers'), 'an integer ≥ 0 (transfers)'),
    failed: measured(integer({ min: 0 }, 'transfers'), 'an integer ≥ 0 (transfers)'),
    failedByCode: z
      .record(
        patterned(
          FSPIOP_CODE_KEY,
          'an FSPIOP error code of four digits (e.g. 3100) or a label such as timeout',
        ),
        integer({ min: 0 }, 'transfers'),
      )
      .describe('Failed transfers by FSPIOP error code (or a label such as timeout)'),
    droppedIterations: measured(integer({ min: 0 }, 'iterations'), 'an integer ≥ 0 (iterations)').describe(
      'k6 dropped iterations: load scheduled but never started',
    ),
    droppedPercent: measured(
      decimal({ min: 0, max: 100 }, 'percent'),
      'a number from 0 to 100 (percent)',
    ).describe('Dropped as a share of scheduled iterations (finished + dropped)'),
    latency: z
      .strictObject({
        e2e: LatencySchema,
        discovery: LatencySchema,
        quote: LatencySchema,
        transfer: LatencySchema,
      })
      .describe('Percentiles per leg over the steady window, milliseconds'),
    hubCommitted: integer({ min: 0 }, 'transfers')
      .nullable()
      .describe("The hub's count of transfers committed in the window; null when it could not be read"),
    validity: ValiditySchema,
    outcome: z.enum(['PASS', 'FAIL', 'INVALID']),
    failedSlos: z.array(FailedSloSchema),
    invalidReasons: z.array(text()),
  })
  .superRefine(
    (rung, ctx) => {
      const byCode = Object.values(rung.failedByCode).reduce((sum, count) => sum + count, 0);
      if (rung.failed !== null && byCode > rung.failed) {
        reject(
          ctx,
          ['failedByCode'],
          `counts summing to at most failed (${rung.failed}); they add up to ${byCode}`,
        );
      }
      const { runnersClean, countsAgree, droppedWithinBounds } = rung.validity;
      const facts = { runnersClean, countsAgree, droppedWithinBounds };
      const open = Object.entries(facts).filter(([, value]) => value !== true);
      switch (rung.outcome) {
        case 'PASS':
          if (open.length > 0) {
            const list = open
              .map(([name, value]) => `validity.${name} is ${JSON.stringify(value)}`)
              .join(', ');
            reject(ctx, ['outcome'], `FAIL or INVALID: PASS needs every validity fact true, and ${list}`);
          }
          if (rung.failedSlos.length > 0) {
            const list = rung.failedSlos.map((failure) => failure.slo).join(', ');
            reject(
              ctx,
              ['outcome'],
              `FAIL or INVALID: PASS needs no failed SLO, and failedSlos lists ${list}`,
            );
          }
          break;
        case 'FAIL':
          if (rung.failedSlos.length === 0) {
            reject(
              ctx,
              ['failedSlos'],
              'at least one failed SLO {slo, threshold, observed} when outcome is FAIL',
            );
          }
          break;
        case 'INVALID':
          if (rung.invalidReasons.length === 0) {
            reject(ctx, ['invalidReasons'], 'at least one reason when outcome is INVALID');
          }
          break;
      }
      if (rung.outcome !== 'INVALID' && rung.invalidReasons.length > 0) {
        reject(
          ctx,
          ['invalidReasons'],
          `an empty list: outcome is ${rung.outcome}, and only INVALID has reasons`,
        );
      }
    },
    whenValid(['outcome'], ['validity'], ['failedSlos'], ['invalidReasons'], ['failed'], ['failedByCode']),
  );

// ---------------------------------------------------------------- verdict and cost

export const VerdictSchema = z.strictObject({
  outcome: z.enum(['PASS', 'FAIL', 'INVALID']),
  summary: text().describe('One sentence of why'),
  decidingRung: integer({ min: 1 }, 'rung index')
    .nullable()
    .describe(
      'The rung that decided the verdict; null when none did (e.g. the ladder never reached the target)',
    ),
});

export const MaxSustainableRateSchema = z
  .strictObject({
    rate: decimal({ gt: 0 }, 'transfers/s').nullable().describe('Highest target rate of a passing rung'),
    basis: z
      .strictObject({ index: integer({ min: 1 }, 'rung index'), kind: z.enum(['ladder', 'stress']) })
      .nullable()
      .describe('The rung that proved the rate'),
  })
  .superRefine(
    (max, ctx) => {
      if ((max.rate === null) !== (max.basis === null)) {
        reject(
          ctx,
          ['basis'],
          max.rate === null ? 'null when rate is null' : 'the rung that proved the rate',
        );
      }
    },
    whenValid(['rate'], ['basis']),
  );

const CostLineSchema = z.strictObject({
  item: z.string(),
  quantity: z.number(),
  per: z.enum(['hour', 'run']),
  unitUsd: z.number(),
  unit: z.string(),
  hourlyUsd: z.number(),
  totalUsd: z.number(),
  verified: z.boolean(),
  source: z.string(),
});

const RunDurationSchema = z.strictObject({
  setupSeconds: z.number(),
  rungs: z.array(
    z.strictObject({ rate: z.number(), seconds: z.number(), loadSeconds: z.number(), stress: z.boolean() }),
  ),
  ladderSeconds: z.number(),
  stressSeconds: z.number(),
  teardownSeconds: z.number(),
  totalSeconds: z.number(),
  hours: z.number(),
  assumptions: z.array(z.string()),
});

/** The preflight estimate (cost/estimate.ts), kept whole so the report can show its breakdown. */
export const CostEstimateSchema = z.strictObject({
  currency: z.literal('USD'),
  region: z.string(),
  hourly: z.number(),
  hours: z.number(),
  total: z.number(),
  lines: z.array(CostLineSchema),
  duration: RunDurationSchema,
  assumptions: z.array(z.string()),
  usesUnverifiedPrices: z.boolean(),
  pricingRetrieved: z.string(),
});

export const ActualCostSchema = z.strictObject({
  currency: z.literal('USD'),
  totalUsd: decimal({ min: 0 }, 'US dollars'),
  source: text().describe('Where the figure came from, e.g. AWS Cost Explorer by the run-id tag'),
  retrievedAt: timestamp().optional(),
});

export const RunCostSchema = z.strictObject({
  estimate: CostEstimateSchema.optional(),
  actual: ActualCostSchema.optional(),
});

export const ArtifactSchema = z.strictObject({
  name: text(),
  description: z.string().optional(),
});

// ---------------------------------------------------------------- the whole run

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const RunResultsSchema = z
  .strictObject({
    schemaVersion: z.literal(RUN_RESULTS_SCHEMA_VERSION),
    runId: patterned(RUN_ID, 'letters, digits, ".", "_" and "-", starting with a letter or digit'),
    startedAt: timestamp(),
    finishedAt: timestamp(),
    durationSeconds: decimal({ min: 0 }, 'seconds'),
    trigger: z.enum(['manual', 'pull_request', 'release', 'rehearsal']),
    profile: patterned(PROFILE_NAME, PROFILE_NAME_ALLOWED),
    config: RunConfigSchema.describe('The resolved run configuration, defaults applied'),
    environment: EnvironmentSchema,
    security: SecurityPostureSchema.nullable().describe('null when verify-security did not run'),
    rungs: z.array(RungResultSchema).describe('In the order they ran'),
    verdict: VerdictSchema,
    maxSustainableRate: MaxSustainableRateSchema,
    cost: RunCostSchema.optional(),
    hints: z.array(z.string()).default([]).describe('Bottleneck hints, one sentence each'),
    artifacts: z.array(ArtifactSchema).default([]).describe('Files kept beside results.json'),
  })
  .superRefine(
    (run, ctx) => {
      if (run.profile !== run.config.profile) {
        reject(ctx, ['profile'], `${JSON.stringify(run.config.profile)}, the profile of config`);
      }
    },
    whenValid(['profile'], ['config', 'profile']),
  )
  .superRefine(
    (run, ctx) => {
      if (run.environment.provider !== run.config.infrastructure.provider) {
        reject(
          ctx,
          ['environment', 'provider'],
          `${run.config.infrastructure.provider}, the provider of config`,
        );
      }
    },
    whenValid(['environment', 'provider'], ['config', 'infrastructure']),
  )
  .superRefine(
    (run, ctx) => {
      if (run.environment.sizing.dfspCount !== run.config.dfsps.count) {
        reject(ctx, ['environment', 'sizing', 'dfspCount'], `${run.config.dfsps.count}, config.dfsps.count`);
      }
    },
    whenValid(['environment', 'sizing', 'dfspCount'], ['config', 'dfsps', 'count']),
  )
  .superRefine(
    (run, ctx) => {
      if (Date.parse(run.finishedAt) < Date.parse(run.startedAt)) {
        reject(ctx, ['finishedAt'], `a time at or after startedAt (${run.startedAt})`);
      }
    },
    whenValid(['startedAt'], ['finishedAt']),
  )
  .superRefine(
    (run, ctx) => {
      run.rungs.forEach((rung, position) => {
        if (rung.index !== position + 1) {
          reject(
            ctx,
            ['rungs', position, 'index'],
            `${position + 1}: rungs are numbered from 1 in the order they ran`,
          );
        }
      });
    },
    whenValid(['rungs', '*', 'index']),
  )
  .superRefine(
    (run, ctx) => {
      // Only rungs that are themselves consistent can imply a verdict.
      const verdict = decideVerdict(run.rungs, run.config);
      if (run.verdict.outcome !== verdict.outcome) {
        reject(
          ctx,
          ['verdict', 'outcome'],
          `${verdict.outcome}, the verdict the rungs imply: ${verdict.summary}`,
        );
      } else if (run.verdict.decidingRung !== verdict.decidingRung) {
        reject(
          ctx,
          ['verdict', 'decidingRung'],
          `${verdict.decidingRung}, the rung that decides the verdict`,
        );
      }
      const max = maxSustainableRate(run.rungs);
      if (run.maxSustainableRate.rate !== max.rate) {
        const allowed =
          max.rate === null
            ? 'null: no rung passed'
            : `${max.rate}, the highest target rate of a passing rung`;
        reject(ctx, ['maxSustainableRate', 'rate'], allowed);
      } else if (run.maxSustainableRate.basis?.index !== max.basis?.index) {
        reject(
          ctx,
          ['maxSustainableRate', 'basis'],
          `${JSON.stringify(max.basis)}, the first rung to pass at that rate`,
        );
      }
    },
    whenValid(['rungs'], ['config', 'ladder'], ['verdict'], ['maxSustainableRate']),
  );

export type RunResults = z.infer<typeof RunResultsSchema>;
/** What a writer may pass: defaulted lists (hints, artifacts) may be left out. */
export type RunResultsInput = z.input<typeof RunResultsSchema>;
export type RungResult = z.infer<typeof RungResultSchema>;
export type RungOutcome = RungResult['outcome'];
export type LatencyPercentiles = z.infer<typeof LatencySchema>;
export type LatencyLeg = keyof RungResult['latency'];
export type ValidityFacts = z.infer<typeof ValiditySchema>;
export type ValidityFact = ValidityFacts['runnersClean'];
export type FailedSloResult = z.infer<typeof FailedSloSchema>;
export type Verdict = z.infer<typeof VerdictSchema>;
export type MaxSustainableRate = z.infer<typeof MaxSustainableRateSchema>;
export type RunEnvironment = z.infer<typeof EnvironmentSchema>;
export type RunCost = z.infer<typeof RunCostSchema>;
export type ActualCost = z.infer<typeof ActualCostSchema>;
export type RunArtifact = z.infer<typeof ArtifactSchema>;
export type RunTrigger = RunResults['trigger'];
