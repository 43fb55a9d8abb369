import { describe, expect, it } from 'vitest';
import { validateRunConfig } from '../../src/index.js';
import { configError, expectIssueLine, validAwsConfig, without, withValue } from './support.js';

const rung = (rate: number, warmupSeconds = 10, holdSeconds = 30, drainSeconds = 5) => ({
  rate,
  warmupSeconds,
  holdSeconds,
  drainSeconds,
});

interface BadCase {
  name: string;
  input: () => unknown;
  path: string;
  /** The bad value exactly as the message renders it. */
  value: string;
  allowed: string;
}

const base = validAwsConfig;

const badCases: BadCase[] = [
  {
    name: 'zero rate',
    input: () => withValue(base(), 'ladder.rungs[0].rate', 0),
    path: 'ladder.rungs[0].rate',
    value: '0',
    allowed: 'an integer ≥ 1 (transfers/s)',
  },
  {
    name: 'negative rate',
    input: () => withValue(base(), 'ladder.rungs[1].rate', -5),
    path: 'ladder.rungs[1].rate',
    value: '-5',
    allowed: 'an integer ≥ 1',
  },
  {
    name: 'non-integer rate',
    input: () => withValue(base(), 'ladder.rungs[0].rate', 12.5),
    path: 'ladder.rungs[0].rate',
    value: '12.5',
    allowed: 'an integer ≥ 1',
  },
  {
    name: 'unsorted rungs',
    input: () => withValue(base(), 'ladder.rungs', [rung(100), rung(500), rung(300)]),
    path: 'ladder.rungs[2].rate',
    value: '300',
    allowed: 'a rate above rungs[1].rate (500); rungs are listed in strictly increasing rate order',
  },
  {
    name: 'duplicate rungs',
    input: () => withValue(base(), 'ladder.rungs', [rung(100), rung(500), rung(500)]),
    path: 'ladder.rungs[2].rate',
    value: '500',
    allowed: 'a rate different from rungs[1].rate (500)',
  },
  {
    name: 'empty rungs',
    input: () => withValue(base(), 'ladder.rungs', []),
    path: 'ladder.rungs',
    value: '[]',
    allowed: 'at least one rung',
  },
  {
    name: 'success SLO above 100',
    input: () => withValue(base(), 'slo.successPercent', 100.5),
    path: 'slo.successPercent',
    value: '100.5',
    allowed: 'a number > 0 and ≤ 100 (percent)',
  },
  {
    name: 'success SLO of 0',
    input: () => withValue(base(), 'slo.successPercent', 0),
    path: 'slo.successPercent',
    value: '0',
    allowed: 'a number > 0 and ≤ 100',
  },
  {
    name: 'DFSP count 1',
    input: () => withValue(base(), 'dfsps.count', 1),
    path: 'dfsps.count',
    value: '1',
    allowed: 'an integer from 2 to 64',
  },
  {
    name: 'DFSP count 2.5',
    input: () => withValue(base(), 'dfsps.count', 2.5),
    path: 'dfsps.count',
    value: '2.5',
    allowed: 'an integer from 2 to 64',
  },
  {
    name: 'hold shorter than warm-up',
    input: () => withValue(base(), 'ladder.rungs[1].holdSeconds', 200),
    path: 'ladder.rungs[1].holdSeconds',
    value: '200',
    allowed: 'an integer ≥ warmupSeconds (300)',
  },
  {
    name: 'unknown top-level key',
    input: () => withValue(base(), 'targetTps', 1000),
    path: 'targetTps',
    value: '1000',
    allowed:
      'no keys other than: profile, infrastructure, dfsps, security, ladder, slo, load, costCapUsd, keepInfra, report, mojaloop',
  },
  {
    name: 'unknown nested key',
    input: () => withValue(base(), 'ladder.stress.maxRps', 3000),
    path: 'ladder.stress.maxRps',
    value: '3000',
    allowed: 'no keys other than: enabled, stepPercent, maxRate, maxRungs, timeBudgetMinutes, resolution',
  },
  {
    name: 'aws-only key under the local provider',
    input: () => withValue(base(), 'infrastructure', { provider: 'local', region: 'eu-west-2' }),
    path: 'infrastructure.region',
    value: '"eu-west-2"',
    allowed: 'no keys other than: provider',
  },
  {
    name: 'bad currency',
    input: () => withValue(base(), 'dfsps.currency', 'usd'),
    path: 'dfsps.currency',
    value: '"usd"',
    allowed: 'ISO 4217 code of three upper-case letters',
  },
  {
    name: 'bad region',
    input: () => withValue(base(), 'infrastructure.region', 'europe-west2'),
    path: 'infrastructure.region',
    value: '"europe-west2"',
    allowed: 'an AWS region name such as eu-west-2',
  },
  {
    name: 'unknown provider',
    input: () => withValue(base(), 'infrastructure.provider', 'gcp'),
    path: 'infrastructure.provider',
    value: '"gcp"',
    allowed: 'one of: local, aws',
  },
  {
    name: 'node group min > max',
    input: () => withValue(base(), 'infrastructure.hub.nodeGroups.kafka.minSize', 4),
    path: 'infrastructure.hub.nodeGroups.kafka.minSize',
    value: '4',
    allowed: 'an integer ≤ maxSize (3)',
  },
  {
    name: 'node group desired outside min..max',
    input: () => withValue(base(), 'infrastructure.hub.nodeGroups.hubServices.desiredSize', 20),
    path: 'infrastructure.hub.nodeGroups.hubServices.desiredSize',
    value: '20',
    allowed: 'an integer from minSize (10) to maxSize (12)',
  },
  {
    name: 'bad instance type',
    input: () => withValue(base(), 'infrastructure.load.nodeGroups.loadRunners.instanceType', 'm7i-2xlarge'),
    path: 'infrastructure.load.nodeGroups.loadRunners.instanceType',
    value: '"m7i-2xlarge"',
    allowed: 'an EC2 instance type such as m7i.2xlarge',
  },
  {
    name: 'database class without db. prefix',
    input: () => withValue(base(), 'infrastructure.database.instanceClass', 'm6i.2xlarge'),
    path: 'infrastructure.database.instanceClass',
    value: '"m6i.2xlarge"',
    allowed: 'an RDS instance class such as db.m6i.2xlarge',
  },
  {
    name: 'unknown NAT gateway layout',
    input: () => withValue(base(), 'infrastructure.natGateways', 'two'),
    path: 'infrastructure.natGateways',
    value: '"two"',
    allowed: 'one of: single, one-per-az',
  },
  {
    name: 'traffic mix referencing DFSP 9 of 8',
    input: () => withValue(base(), 'dfsps.trafficMix[1].payee', 9),
    path: 'dfsps.trafficMix[1].payee',
    value: '9',
    allowed: 'a DFSP index from 1 to 8 (dfsps.count)',
  },
  {
    name: 'payer == payee',
    input: () => withValue(base(), 'dfsps.trafficMix[2].payee', 3),
    path: 'dfsps.trafficMix[2].payee',
    value: '3',
    allowed: 'a DFSP index other than the payer (3)',
  },
  {
    name: 'duplicate traffic pair',
    input: () => withValue(base(), 'dfsps.trafficMix[2]', { payer: 1, payee: 2, weight: 1 }),
    path: 'dfsps.trafficMix[2]',
    value: '{"payer":1,"payee":2,"weight":1}',
    allowed: 'a payer→payee pair not already listed (same pair as trafficMix[0])',
  },
  {
    name: 'zero traffic weight',
    input: () => withValue(base(), 'dfsps.trafficMix[0].weight', 0),
    path: 'dfsps.trafficMix[0].weight',
    value: '0',
    allowed: 'a number > 0',
  },
  {
    name: 'unknown traffic mix keyword',
    input: () => withValue(base(), 'dfsps.trafficMix', 'random'),
    path: 'dfsps.trafficMix',
    value: '"random"',
    allowed: '"uniform" or a non-empty list of {payer, payee, weight}',
  },
  {
    name: 'jwsValidate without jwsSign',
    input: () => withValue(base(), 'security.jwsSign', false),
    path: 'security.jwsValidate',
    value: 'true',
    allowed: 'false unless jwsSign is true',
  },
  {
    name: 'security switch given as a string',
    input: () => withValue(base(), 'security.mtls', 'yes'),
    path: 'security.mtls',
    value: '"yes"',
    allowed: 'true or false',
  },
  {
    name: 'stress maxRate below the last rung',
    input: () => withValue(base(), 'ladder.stress.maxRate', 900),
    path: 'ladder.stress.maxRate',
    value: '900',
    allowed: "an integer > 1000, the last rung's rate",
  },
  {
    name: 'stress step above 100 %',
    input: () => withValue(base(), 'ladder.stress.stepPercent', 150),
    path: 'ladder.stress.stepPercent',
    value: '150',
    allowed: 'a number from 1 to 100 (percent)',
  },
  {
    name: 'maxVUs < preAllocatedVUs',
    input: () => withValue(base(), 'load.maxVUs', 100),
    path: 'load.maxVUs',
    value: '100',
    allowed: 'an integer ≥ preAllocatedVUs (1500)',
  },
  {
    name: 'aws without a per-runner rate',
    input: () => withValue(base(), 'load.perRunnerRate', undefined),
    path: 'load.perRunnerRate',
    value: 'nothing (missing)',
    allowed: 'transfers/s per k6 runner pod, an integer ≥ 1 (required on aws)',
  },
  {
    name: 'a rung needing more k6 runners than load nodes',
    input: () => withValue(base(), 'load.perRunnerRate', 600),
    path: 'ladder.rungs[2].rate',
    value: '1000',
    allowed:
      'at most 600/s: 1 load node(s) (infrastructure.load.nodeGroups.loadRunners.desiredSize) × load.perRunnerRate 600/s',
  },
  {
    name: 'e2e p95 > p99',
    input: () => withValue(base(), 'slo.e2e.p95Ms', 1300),
    path: 'slo.e2e.p99Ms',
    value: '1200',
    allowed: 'a number ≥ p95Ms (1300)',
  },
  {
    name: 'e2e p50 > p99 when p95 is not given',
    input: () => withValue(base(), 'slo.e2e', { p50Ms: 700, p99Ms: 500 }),
    path: 'slo.e2e.p99Ms',
    value: '500',
    allowed: 'a number ≥ p50Ms (700)',
  },
  {
    name: 'negative dropped share',
    input: () => withValue(base(), 'slo.maxDroppedPercent', -1),
    path: 'slo.maxDroppedPercent',
    value: '-1',
    allowed: 'a number from 0 to 100',
  },
  {
    name: 'wrong type: string for a number',
    input: () => withValue(base(), 'dfsps.count', 'eight'),
    path: 'dfsps.count',
    value: '"eight"',
    allowed: 'an integer from 2 to 64',
  },
  {
    name: 'wrong type: number for a mapping',
    input: () => withValue(base(), 'ladder.rungs[0]', 100),
    path: 'ladder.rungs[0]',
    value: '100',
    allowed: 'a mapping with keys: rate, warmupSeconds, holdSeconds, drainSeconds',
  },
  {
    name: 'missing required field',
    input: () => without(base(), 'costCapUsd'),
    path: 'costCapUsd',
    value: 'nothing (missing)',
    allowed: 'a number ≥ 0 (US dollars)',
  },
  {
    name: 'profile name not kebab-case',
    input: () => withValue(base(), 'profile', 'AWS_1000'),
    path: 'profile',
    value: '"AWS_1000"',
    allowed: 'a kebab-case name',
  },
  {
    name: 'document is not a mapping',
    input: () => null,
    path: '(root)',
    value: 'null',
    allowed: 'a mapping with keys: profile, infrastructure',
  },
  {
    name: 'aws without a mojaloop section',
    input: () => without(base(), 'mojaloop'),
    path: 'mojaloop',
    value: 'nothing (missing)',
    allowed: 'required when infrastructure.provider is aws',
  },
  {
    name: 'API replicas not a multiple of the hub-services nodes',
    input: () => withValue(base(), 'mojaloop.replicas.accountLookup', 12),
    path: 'mojaloop.replicas.accountLookup',
    value: '12',
    allowed: 'a multiple of infrastructure.hub.nodeGroups.hubServices.desiredSize (10)',
  },
  {
    name: 'Kafka replication above the brokers',
    input: () => withValue(base(), 'mojaloop.kafka.replicationFactor', 4),
    path: 'mojaloop.kafka.replicationFactor',
    value: '4',
    allowed: 'an integer from 1 to infrastructure.hub.nodeGroups.kafka.desiredSize (3)',
  },
  {
    // 70 pooled pods × 30 + 10 oracle pods × 10 = 2200 > 75 % of 2730 (db.m6i.2xlarge: 32 GiB / 12582880 bytes).
    name: 'connection pools above the database limit',
    input: () => withValue(base(), 'mojaloop.dbPool.max', 30),
    path: 'mojaloop.dbPool.max',
    value: '30',
    allowed:
      'an integer ≤ 27: 80 DB-using pods open up to 2200 connections (70 × pool max + 100 in pools their charts fix), above 2047 (max_connections 2730 of RDS db.m6i.2xlarge, less 25 % headroom)',
  },
  {
    name: 'connection pools above a smaller instance class',
    input: () => withValue(base(), 'infrastructure.database.instanceClass', 'db.t4g.medium'),
    path: 'mojaloop.dbPool.max',
    value: '20',
    allowed: 'max_connections 341 of RDS db.t4g.medium',
  },
  {
    name: 'an in-cluster database holds fewer connections',
    input: () => withValue(base(), 'mojaloop.database', 'in-cluster'),
    path: 'mojaloop.dbPool.max',
    value: '20',
    allowed: 'max_connections 151 of the in-cluster MySQL default',
  },
  {
    name: 'an instance class whose memory is unknown',
    input: () => withValue(base(), 'infrastructure.database.instanceClass', 'db.x2g.large'),
    path: 'infrastructure.database.instanceClass',
    value: '"db.x2g.large"',
    allowed: 'an RDS instance class whose memory is known',
  },
  {
    name: 'pool minimum above its maximum',
    input: () => withValue(base(), 'mojaloop.dbPool', { min: 25, max: 20 }),
    path: 'mojaloop.dbPool.min',
    value: '25',
    allowed: 'an integer ≤ max (20)',
  },
  {
    name: 'unknown database kind',
    input: () => withValue(base(), 'mojaloop.database', 'aurora'),
    path: 'mojaloop.database',
    value: '"aurora"',
    allowed: 'rds',
  },
  {
    name: 'RDS that requires TLS the Mojaloop services cannot use',
    input: () => withValue(base(), 'infrastructure.database.requireTls', true),
    path: 'infrastructure.database.requireTls',
    value: 'true',
    allowed: 'false with the pinned Mojaloop 17.0.4 charts',
  },
  {
    name: 'a database without requireTls (no silent default)',
    input: () => without(base(), 'infrastructure.database.requireTls'),
    path: 'infrastructure.database.requireTls',
    value: 'nothing (missing)',
    allowed: 'true or false',
  },
  {
    name: 'requireTls that is not a boolean',
    input: () => withValue(base(), 'infrastructure.database.requireTls', 'no'),
    path: 'infrastructure.database.requireTls',
    value: '"no"',
    allowed: 'true or false',
  },
  {
    name: 'zero consumer replicas',
    input: () => withValue(base(), 'mojaloop.replicas.prepare', 0),
    path: 'mojaloop.replicas.prepare',
    value: '0',
    allowed: 'an integer from 1 to 200 (pods)',
  },
];

describe('validateRunConfig rejects bad input, naming field, value and what is allowed', () => {
  it('starts from a valid configuration', () => {
    expect(() => validateRunConfig(validAwsConfig())).not.toThrow();
  });

  it.each(badCases)('$name', async ({ input, path, value, allowed }) => {
    const error = await configError(() => validateRunConfig(input()));
    expectIssueLine(error, path, value, allowed);
    // Exactly one problem was planted, so exactly one is reported.
    expect(error.issues.map((issue) => issue.path)).toEqual([path]);
  });

  it('keeps the raw input value on the issue, not a rendering of it', async () => {
    const error = await configError(() => validateRunConfig(withValue(base(), 'ladder.rungs[0].rate', 0)));
    expect(error.issues).toEqual([
      { path: 'ladder.rungs[0].rate', value: 0, allowed: 'an integer ≥ 1 (transfers/s)' },
    ]);
  });

  it('reports every issue at once, one line each', async () => {
    let input = withValue(base(), 'dfsps.count', 1);
    input = withValue(input, 'ladder.rungs[0].rate', 0);
    input = withValue(input, 'costCapUsd', -3);
    input = withValue(input, 'colour', 'blue');
    const error = await configError(() => validateRunConfig(input));
    expect(error.message.split('\n')).toEqual([
      'Run configuration is invalid (4 issues):',
      '  dfsps.count: got 1; allowed: an integer from 2 to 64 (DFSPs)',
      '  ladder.rungs[0].rate: got 0; allowed: an integer ≥ 1 (transfers/s)',
      '  costCapUsd: got -3; allowed: a number ≥ 0 (US dollars)',
      '  colour: got "blue"; allowed: no keys other than: profile, infrastructure, dfsps, security, ladder, slo, load, costCapUsd, keepInfra, report, mojaloop',
    ]);
  });

  it('does not run a cross-field rule on a value that already failed its own check', async () => {
    // count 1 is out of range; the traffic mix must not also be judged against "1 to 1".
    const error = await configError(() => validateRunConfig(withValue(base(), 'dfsps.count', 1)));
    expect(error.issues.map((issue) => issue.path)).toEqual(['dfsps.count']);
  });

  it('refuses RDS requiring TLS with the whole reason, and only that', async () => {
    const error = await configError(() =>
      validateRunConfig(withValue(base(), 'infrastructure.database.requireTls', true)),
    );
    expect(error.issues).toEqual([
      {
        path: 'infrastructure.database.requireTls',
        value: true,
        allowed:
          'false with the pinned Mojaloop 17.0.4 charts: their services have no MySQL TLS setting, so RDS would refuse them; see helm/README.md',
      },
    ]);
  });

  it('does not judge requireTls against an invalid mojaloop.database', async () => {
    let input = withValue(base(), 'infrastructure.database.requireTls', true);
    input = withValue(input, 'mojaloop.database', 'aurora');
    const error = await configError(() => validateRunConfig(input));
    expect(error.issues.map((issue) => issue.path)).toEqual(['mojaloop.database']);
  });

  it('reports the bad pair inside a traffic mix rather than "matches no option"', async () => {
    const error = await configError(() =>
      validateRunConfig(withValue(base(), 'dfsps.trafficMix[0].payer', 'one')),
    );
    expectIssueLine(error, 'dfsps.trafficMix[0].payer', '"one"', 'an integer ≥ 1 (1-based DFSP index)');
  });
});

describe('validateRunConfig accepts', () => {
  it('applies the SLO defaults of ARCHITECTURE §5 when slo is omitted', () => {
    const config = validateRunConfig(without(base(), 'slo'));
    expect(config.slo).toEqual({
      successPercent: 99.5,
      achievedRatePercent: 99,
      transferP99Ms: 1000,
      e2e: {},
      maxDroppedPercent: 1,
    });
  });

  it('fills only the SLO fields that are missing', () => {
    const config = validateRunConfig(withValue(base(), 'slo', { successPercent: 99.9 }));
    expect(config.slo.successPercent).toBe(99.9);
    expect(config.slo.transferP99Ms).toBe(1000);
  });

  it('a stress maxRate below the last rung when stress is disabled', () => {
    let input = withValue(base(), 'ladder.stress.enabled', false);
    input = withValue(input, 'ladder.stress.maxRate', 10);
    expect(validateRunConfig(input).ladder.stress.maxRate).toBe(10);
  });

  it('Kafka consumer counts that are not multiples of the node count (their partitions decide them)', () => {
    // Round 2 ran 12 prepare and 8 position-batch consumers on 10 hub-services nodes.
    let input = withValue(base(), 'mojaloop.replicas.prepare', 13);
    input = withValue(input, 'mojaloop.replicas.positionBatch', 7);
    const config = validateRunConfig(input);
    expect(config.mojaloop?.replicas).toMatchObject({ prepare: 13, positionBatch: 7 });
  });

  it('a local configuration without a mojaloop section (the rehearsal stack stands in for the hub)', () => {
    const local = withValue(without(base(), 'mojaloop'), 'infrastructure', { provider: 'local' });
    expect(validateRunConfig(local).mojaloop).toBeUndefined();
  });

  it('RDS reached without TLS (requireTls false), kept as given', () => {
    const config = validateRunConfig(base());
    expect(config.infrastructure.provider === 'aws' && config.infrastructure.database.requireTls).toBe(false);
    expect(config.mojaloop?.database).toBe('rds');
  });

  it('requireTls true when the hub does not use RDS (the TLS rule is about RDS only)', async () => {
    // The in-cluster MySQL holds fewer connections than this sizing opens, so that rule still fires;
    // the TLS rule must not.
    let input = withValue(base(), 'infrastructure.database.requireTls', true);
    input = withValue(input, 'mojaloop.database', 'in-cluster');
    const error = await configError(() => validateRunConfig(input));
    expect(error.issues.map((issue) => issue.path)).toEqual(['mojaloop.dbPool.max']);
  });

  it('an aws configuration that keeps its infrastructure', () => {
    expect(validateRunConfig(withValue(base(), 'keepInfra', true)).keepInfra).toBe(true);
  });

  it('a uniform traffic mix, a local provider and region names of other partitions', () => {
    expect(validateRunConfig(withValue(base(), 'dfsps.trafficMix', 'uniform')).dfsps.trafficMix).toBe(
      'uniform',
    );
    expect(
      validateRunConfig(withValue(base(), 'infrastructure', { provider: 'local' })).infrastructure,
    ).toEqual({
      provider: 'local',
    });
    for (const region of ['us-gov-west-1', 'ap-southeast-2', 'il-central-1']) {
      expect(() => validateRunConfig(withValue(base(), 'infrastructure.region', region))).not.toThrow();
    }
  });

  it('partial e2e ceilings in order', () => {
    const config = validateRunConfig(withValue(base(), 'slo.e2e', { p95Ms: 1000 }));
    expect(config.slo.e2e).toEqual({ p95Ms: 1000 });
  });
});
