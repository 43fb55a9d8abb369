/**
 * The run configuration: everything a run needs, validated before anything is spent
 * (ARCHITECTURE §3). Objects are strict so a misspelt key fails instead of being ignored.
 * Cross-field rules sit on the smallest object that holds both fields, so each issue has an exact
 * path and a rule still runs when an unrelated part of the document is broken.
 */
import { z } from 'zod';
import { reject, whenValid } from './cross-field.js';
import { decimal, integer, patterned } from './fields.js';
import { checkMojaloopSizing, MojaloopSchema } from './mojaloop.js';

export const PROFILE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PROFILE_NAME_ALLOWED = 'a kebab-case name such as aws-1000tps (a-z, 0-9, single hyphens)';

// Partitions: standard (eu-west-2), GovCloud (us-gov-west-1), isolated (us-iso-east-1, us-isob-east-1).
const AWS_REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
const INSTANCE_SIZE = String.raw`(?:nano|micro|small|medium|large|\d*xlarge|metal(?:-\d+xl)?)`;
const INSTANCE_TYPE = new RegExp(String.raw`^[a-z][a-z0-9-]*\.${INSTANCE_SIZE}$`);
const DB_INSTANCE_CLASS = new RegExp(String.raw`^db\.[a-z][a-z0-9-]*\.${INSTANCE_SIZE}$`);
const CACHE_NODE_TYPE = new RegExp(String.raw`^cache\.[a-z][a-z0-9-]*\.${INSTANCE_SIZE}$`);
const CURRENCY = /^[A-Z]{3}$/;

// ---------------------------------------------------------------- infrastructure

export const NodeGroupSchema = z
  .strictObject({
    instanceType: patterned(INSTANCE_TYPE, 'an EC2 instance type such as m7i.2xlarge').describe(
      'EC2 instance type of every node in the group',
    ),
    minSize: integer({ min: 0 }, 'nodes').describe('Fewest nodes the group may scale to'),
    desiredSize: integer({ min: 0 }, 'nodes').describe('Nodes started for the run'),
    maxSize: integer({ min: 1 }, 'nodes').describe('Most nodes the group may scale to'),
  })
  .superRefine(
    (group, ctx) => {
      if (group.minSize > group.maxSize) {
        reject(ctx, ['minSize'], `an integer ≤ maxSize (${group.maxSize})`);
      } else if (group.desiredSize < group.minSize || group.desiredSize > group.maxSize) {
        reject(
          ctx,
          ['desiredSize'],
          `an integer from minSize (${group.minSize}) to maxSize (${group.maxSize})`,
        );
      }
    },
    whenValid(['minSize'], ['desiredSize'], ['maxSize']),
  );

const LocalInfrastructureSchema = z.strictObject({ provider: z.literal('local') });

const AwsInfrastructureSchema = z.strictObject({
  provider: z.literal('aws'),
  region: patterned(AWS_REGION, 'an AWS region name such as eu-west-2 or us-gov-west-1'),
  hub: z.strictObject({
    nodeGroups: z.strictObject({
      hubServices: NodeGroupSchema.describe(
        'Mojaloop switch services (central-ledger, adapters, quoting, ALS)',
      ),
      kafka: NodeGroupSchema.describe('Kafka brokers'),
      dfsps: NodeGroupSchema.describe('DFSP SDK scheme adapters and their backend simulators'),
      monitoring: NodeGroupSchema.describe('Prometheus, Grafana and exporters'),
    }),
  }),
  load: z.strictObject({
    nodeGroups: z.strictObject({
      loadRunners: NodeGroupSchema.describe('k6 runner pods on the separate load cluster'),
    }),
  }),
  database: z.strictObject({
    instanceClass: patterned(DB_INSTANCE_CLASS, 'an RDS instance class such as db.m6i.2xlarge'),
    allocatedStorageGb: integer({ min: 20, max: 65536 }, 'GiB').describe('RDS storage, gibibytes'),
    multiAz: z.boolean().describe('Keep a synchronous standby in a second availability zone'),
    requireTls: z
      .boolean()
      .describe(
        "RDS refuses unencrypted MySQL connections (the parameter group's require_secure_transport). Must be false while mojaloop.database is rds: the pinned Mojaloop 17.0.4 charts have no MySQL TLS setting for their services",
      ),
  }),
  cache: z.strictObject({
    nodeType: patterned(CACHE_NODE_TYPE, 'an ElastiCache node type such as cache.m7g.large'),
    replicas: integer({ min: 0, max: 5 }, 'read replicas').describe('Replicas per shard, beside the primary'),
  }),
  natGateways: z.enum(['single', 'one-per-az']).describe('One NAT gateway for the VPC, or one per AZ'),
});

export const InfrastructureSchema = z.discriminatedUnion(
  'provider',
  [LocalInfrastructureSchema, AwsInfrastructureSchema],
  {
    // A bad discriminator is reported at `provider` itself; anything else means no mapping at all.
    error: (issue) =>
      issue.code === 'invalid_union'
        ? 'one of: local, aws'
        : 'a mapping whose provider is one of: local, aws',
  },
);

// ---------------------------------------------------------------- DFSPs and traffic

const DFSP_INDEX = integer({ min: 1 }, '1-based DFSP index');

export const TrafficPairSchema = z
  .strictObject({
    payer: DFSP_INDEX,
    payee: DFSP_INDEX,
    weight: decimal({ gt: 0 }, 'relative share of transfers'),
  })
  .superRefine(
    (pair, ctx) => {
      if (pair.payer === pair.payee) {
        reject(
          ctx,
          ['payee'],
          `a DFSP index other than the payer (${pair.payer}); a DFSP does not pay itself`,
        );
      }
    },
    whenValid(['payer'], ['payee']),
  );

const TrafficMixSchema = z
  .union([z.literal('uniform'), z.array(TrafficPairSchema).min(1)], {
    error: '"uniform" or a non-empty list of {payer, payee, weight}',
  })
  .describe('"uniform": every ordered pair of distinct DFSPs equally; otherwise weighted payer→payee pairs');

export const DfspsSchema = z
  .strictObject({
    count: integer({ min: 2, max: 64 }, 'DFSPs').describe('Simulated DFSPs onboarded to the hub'),
    currency: patterned(CURRENCY, 'an ISO 4217 code of three upper-case letters, e.g. USD or XXX'),
    partiesPerDfsp: integer({ min: 1 }, 'identifiers per DFSP').describe(
      'Size of the provisioned payee identifier range per DFSP; large enough that no identifier is reused within a cache window',
    ),
    trafficMix: TrafficMixSchema,
  })
  .superRefine(
    (dfsps, ctx) => {
      if (dfsps.trafficMix === 'uniform') return;
      const seen = new Map<string, number>();
      dfsps.trafficMix.forEach((pair, index) => {
        for (const side of ['payer', 'payee'] as const) {
          if (pair[side] > dfsps.count) {
            reject(ctx, ['trafficMix', index, side], `a DFSP index from 1 to ${dfsps.count} (dfsps.count)`);
          }
        }
        const key = `${pair.payer}->${pair.payee}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, index);
        else
          reject(
            ctx,
            ['trafficMix', index],
            `a payer→payee pair not already listed (same pair as trafficMix[${first}])`,
          );
      });
    },
    whenValid(['count'], ['trafficMix', '*', 'payer'], ['trafficMix', '*', 'payee']),
  );

// ---------------------------------------------------------------- security

export const SecuritySchema = z
  .strictObject({
    mtls: z.boolean().describe('Mutual TLS between DFSPs and the hub ingress'),
    jwsSign: z.boolean().describe('DFSPs sign every FSPIOP message'),
    jwsValidate: z
      .boolean()
      .describe(
        'DFSPs validate the FSPIOP signatures they receive (the local hub emulator validates too; on a cluster, verify-security shows whether the switch does)',
      ),
    ilp: z.boolean().describe('ILP condition and fulfilment checks'),
  })
  .superRefine(
    (security, ctx) => {
      if (security.jwsValidate && !security.jwsSign) {
        reject(ctx, ['jwsValidate'], 'false unless jwsSign is true (there is no signature to validate)');
      }
    },
    whenValid(['jwsSign'], ['jwsValidate']),
  );

// ---------------------------------------------------------------- ladder

export const RungSchema = z
  .strictObject({
    rate: integer({ min: 1 }, 'transfers/s').describe(
      'Target arrival rate, total across all load runners, transfers/s',
    ),
    warmupSeconds: integer({ min: 0 }, 'seconds').describe(
      'Load before the steady window, excluded from verdicts',
    ),
    holdSeconds: integer({ min: 1 }, 'seconds').describe('Steady window the verdict is computed over'),
    drainSeconds: integer({ min: 0 }, 'seconds').describe('Time after load stops for in-flight transfers'),
  })
  .superRefine(
    (rung, ctx) => {
      if (rung.holdSeconds < rung.warmupSeconds) {
        reject(
          ctx,
          ['holdSeconds'],
          `an integer ≥ warmupSeconds (${rung.warmupSeconds}); the steady window is at least as long as the warm-up`,
        );
      }
    },
    whenValid(['warmupSeconds'], ['holdSeconds']),
  );

const RungListSchema = z
  .array(RungSchema, { error: 'a list of rungs, each {rate, warmupSeconds, holdSeconds, drainSeconds}' })
  .min(1, { error: 'at least one rung {rate, warmupSeconds, holdSeconds, drainSeconds}' })
  .superRefine(
    (rungs, ctx) => {
      for (let index = 1; index < rungs.length; index++) {
        const previous = rungs[index - 1]?.rate ?? 0;
        const rate = rungs[index]?.rate ?? 0;
        if (rate === previous) {
          reject(
            ctx,
            [index, 'rate'],
            `a rate different from rungs[${index - 1}].rate (${previous}); each rate appears once, in increasing order`,
          );
        } else if (rate < previous) {
          reject(
            ctx,
            [index, 'rate'],
            `a rate above rungs[${index - 1}].rate (${previous}); rungs are listed in strictly increasing rate order`,
          );
        }
      }
    },
    whenValid(['*', 'rate']),
  );

export const StressSchema = z.strictObject({
  enabled: z.boolean().describe('Search above the last passing rung for the maximum sustainable rate'),
  stepPercent: decimal({ min: 1, max: 100 }, 'percent').describe(
    'Each step raises the rate by this share, percent',
  ),
  maxRate: integer({ min: 1 }, 'transfers/s').describe('Never try a rate above this, transfers/s'),
  maxRungs: integer({ min: 1 }, 'rungs').describe('Most stress rungs to run'),
  timeBudgetMinutes: decimal({ gt: 0 }, 'minutes').describe(
    'Stop searching once this much time is spent, minutes',
  ),
  resolution: integer({ min: 1 }, 'transfers/s').describe(
    'Bisection stops when the gap between the last pass and the first fail is at most this, transfers/s',
  ),
});

export const LadderSchema = z.strictObject({ rungs: RungListSchema, stress: StressSchema }).superRefine(
  (ladder, ctx) => {
    const last = ladder.rungs[ladder.rungs.length - 1];
    if (ladder.stress.enabled && last !== undefined && ladder.stress.maxRate <= last.rate) {
      reject(
        ctx,
        ['stress', 'maxRate'],
        `an integer > ${last.rate}, the last rung's rate (stress searches above the ladder)`,
      );
    }
  },
  whenValid(['rungs', '*', 'rate'], ['stress', 'enabled'], ['stress', 'maxRate']),
);

// ---------------------------------------------------------------- SLOs (defaults: ARCHITECTURE §5)

const PERCENTILES = ['p50Ms', 'p95Ms', 'p99Ms'] as const;

export const E2eSchema = z
  .strictObject({
    p50Ms: decimal({ gt: 0 }, 'milliseconds')
      .optional()
      .describe('Ceiling on end-to-end median, milliseconds'),
    p95Ms: decimal({ gt: 0 }, 'milliseconds').optional().describe('Ceiling on end-to-end p95, milliseconds'),
    p99Ms: decimal({ gt: 0 }, 'milliseconds').optional().describe('Ceiling on end-to-end p99, milliseconds'),
  })
  .superRefine(
    (e2e, ctx) => {
      // Compare each given ceiling with the nearest lower one given; a higher percentile cannot be faster.
      let lower: { key: (typeof PERCENTILES)[number]; value: number } | undefined;
      for (const key of PERCENTILES) {
        const value = e2e[key];
        if (value === undefined) continue;
        if (lower !== undefined && value < lower.value) {
          reject(ctx, [key], `a number ≥ ${lower.key} (${lower.value}); percentiles do not decrease`);
        }
        lower = { key, value };
      }
    },
    whenValid(['p50Ms'], ['p95Ms'], ['p99Ms']),
  );

export const SloSchema = z.strictObject({
  successPercent: decimal({ gt: 0, max: 100 }, 'percent')
    .default(99.5)
    .describe('Least share of attempted transfers that must succeed, percent'),
  achievedRatePercent: decimal({ gt: 0, max: 100 }, 'percent')
    .default(99)
    .describe('Least completed rate as a share of the target rate, percent'),
  transferP99Ms: decimal({ gt: 0 }, 'milliseconds')
    .default(1000)
    .describe("Ceiling on the transfer leg's p99 (Mojaloop's published definition), milliseconds"),
  e2e: E2eSchema.prefault({}).describe('Optional ceilings on end-to-end latency percentiles'),
  maxDroppedPercent: decimal({ min: 0, max: 100 }, 'percent')
    .default(1)
    .describe('Most k6 dropped iterations as a share of scheduled ones, percent'),
});

// ---------------------------------------------------------------- load generator

export const LoadSchema = z
  .strictObject({
    runners: integer({ min: 1 }, 'k6 runner pods').describe(
      'k6 parallelism; the rung rate is split across runners',
    ),
    preAllocatedVUs: integer({ min: 1 }, 'virtual users').describe(
      'VUs allocated before a rung starts, in total',
    ),
    maxVUs: integer({ min: 1 }, 'virtual users').describe('Most VUs k6 may grow to, in total'),
    perRunnerRate: integer({ min: 1 }, 'transfers/s')
      .optional()
      .describe(
        'k6-operator: transfers/s one runner pod is given; a rung runs ⌈rate / this⌉ runners, one per load node. Required on aws; the local rehearsal uses `runners`',
      ),
  })
  .superRefine(
    (load, ctx) => {
      if (load.maxVUs < load.preAllocatedVUs) {
        reject(ctx, ['maxVUs'], `an integer ≥ preAllocatedVUs (${load.preAllocatedVUs})`);
      }
    },
    whenValid(['preAllocatedVUs'], ['maxVUs']),
  );

// ---------------------------------------------------------------- reporting

export const RegressionSchema = z.strictObject({
  maxRateDropPercent: decimal({ min: 0, max: 100 }, 'percent')
    .default(5)
    .describe(
      'A regression when the maximum sustainable rate fell by more than this share of the previous comparable run, percent',
    ),
  maxP99IncreasePercent: decimal({ min: 0 }, 'percent')
    .default(20)
    .describe(
      'A regression when the transfer p99 of a rung passed at the same target rate in both runs rose by more than this share, percent',
    ),
});

export const ReportSchema = z.strictObject({
  regression: RegressionSchema.prefault({}).describe(
    'How a run is compared with the previous comparable run (same profile, target rate, DFSP count and security)',
  ),
});

// ---------------------------------------------------------------- the whole run

/**
 * What `infrastructure.database.requireTls` may be while the hub uses RDS: the Mojaloop 17.0.4 charts
 * the pipeline deploys expose no TLS setting for their services' MySQL connections (helm/README.md),
 * so an instance that requires TLS would refuse every service.
 */
const RDS_REQUIRE_TLS_ALLOWED =
  'false with the pinned Mojaloop 17.0.4 charts: their services have no MySQL TLS setting, so RDS would refuse them; see helm/README.md';

export const RunConfigSchema = z
  .strictObject({
    profile: patterned(PROFILE_NAME, PROFILE_NAME_ALLOWED).describe(
      'Name of the profile the run started from',
    ),
    infrastructure: InfrastructureSchema,
    dfsps: DfspsSchema,
    security: SecuritySchema,
    ladder: LadderSchema,
    slo: SloSchema.prefault({}),
    load: LoadSchema,
    costCapUsd: decimal({ min: 0 }, 'US dollars').describe(
      'Preflight refuses a run estimated above this, US dollars',
    ),
    keepInfra: z.boolean().describe('Leave the cloud stack up after the run instead of tearing it down'),
    report: ReportSchema.prefault({}).describe(
      'Optional; how the run is reported and judged against earlier runs',
    ),
    mojaloop: MojaloopSchema.optional().describe(
      'Sizing of the Mojaloop hub on the hub cluster; required when infrastructure.provider is aws',
    ),
  })
  .superRefine(
    (config, ctx) => {
      const infrastructure = config.infrastructure;
      checkMojaloopSizing(
        config.mojaloop,
        infrastructure.provider === 'aws'
          ? {
              provider: 'aws',
              hubServicesNodes: infrastructure.hub.nodeGroups.hubServices.desiredSize,
              kafkaNodes: infrastructure.hub.nodeGroups.kafka.desiredSize,
              dbInstanceClass: infrastructure.database.instanceClass,
            }
          : { provider: infrastructure.provider },
        ctx,
      );
    },
    whenValid(['infrastructure'], ['mojaloop']),
  )
  .superRefine(
    (config, ctx) => {
      if (config.infrastructure.provider !== 'aws' || config.mojaloop?.database !== 'rds') return;
      if (config.infrastructure.database.requireTls) {
        reject(ctx, ['infrastructure', 'database', 'requireTls'], RDS_REQUIRE_TLS_ALLOWED);
      }
    },
    whenValid(['infrastructure', 'database', 'requireTls'], ['mojaloop', 'database']),
  )
  .superRefine(
    (config, ctx) => {
      if (config.infrastructure.provider !== 'aws') return;
      const perRunnerRate = config.load.perRunnerRate;
      if (perRunnerRate === undefined) {
        reject(
          ctx,
          ['load', 'perRunnerRate'],
          'transfers/s per k6 runner pod, an integer ≥ 1 (required on aws)',
        );
        return;
      }
      // k6-operator's `separate: true` puts one runner per node: refuse a ladder the load node group
      // cannot run here, before anything is provisioned.
      const nodes = config.infrastructure.load.nodeGroups.loadRunners.desiredSize;
      config.ladder.rungs.forEach((rung, index) => {
        const needed = Math.max(1, Math.ceil(rung.rate / perRunnerRate));
        if (needed > nodes) {
          reject(
            ctx,
            ['ladder', 'rungs', index, 'rate'],
            `at most ${nodes * perRunnerRate}/s: ${nodes} load node(s) (infrastructure.load.nodeGroups.loadRunners.desiredSize) × load.perRunnerRate ${perRunnerRate}/s`,
          );
        }
      });
    },
    whenValid(['infrastructure'], ['load'], ['ladder']),
  );

export type RunConfig = z.infer<typeof RunConfigSchema>;
/** What a profile file plus overrides may contain before defaults are applied. */
export type RunConfigInput = z.input<typeof RunConfigSchema>;
export type Infrastructure = RunConfig['infrastructure'];
export type AwsInfrastructure = Extract<Infrastructure, { provider: 'aws' }>;
export type NodeGroup = z.infer<typeof NodeGroupSchema>;
export type TrafficPair = z.infer<typeof TrafficPairSchema>;
export type Rung = z.infer<typeof RungSchema>;
export type StressSettings = z.infer<typeof StressSchema>;
export type SloSettings = z.infer<typeof SloSchema>;
export type LoadSettings = z.infer<typeof LoadSchema>;
export type ReportSettings = z.infer<typeof ReportSchema>;
export type RegressionSettings = z.infer<typeof RegressionSchema>;
export type { MojaloopReplicas, MojaloopSettings } from './mojaloop.js';
