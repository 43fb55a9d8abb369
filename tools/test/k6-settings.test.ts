// The k6 script's environment contract: what the TestRun builder sets is what the script accepts,
// and every bad value stops the script naming the variable/field, the value and what is allowed.
import { describe, expect, it } from 'vitest';
import * as testrun from '../../actions/core/src/k8s/testrun.js';
import { K6_TAGS } from '../../actions/core/src/ladder/metrics.js';
import { buildRungOptions, planRung, TRANSFER_EXEC } from '../../actions/core/src/ladder/plan.js';
import {
  RUNNER_ENV,
  SCRIPT_ENV,
  TRANSFER_EXEC as SCRIPT_EXEC,
  SUMMARY_MARKER,
  summaryOutput,
} from '../../k6/src/lib/contract.js';
import {
  DEFAULT_EXPIRY_SECONDS,
  DEFAULT_REQUEST_TIMEOUT_SECONDS,
  dfspIndexOf,
  readSettings,
  SettingsError,
  SYSTEM_TAGS,
} from '../../k6/src/lib/settings.js';

const rung = planRung(100, { warmupSeconds: 10, holdSeconds: 20, drainSeconds: 5 }, 1, 'ladder');
const load = { runners: 2, preAllocatedVUs: 50, maxVUs: 200 };
const rungOptions = buildRungOptions(rung, load, 'run-1');
const fleet = {
  dfsps: ['perffsp1', 'perffsp2', 'perffsp3'],
  partiesPerDfsp: 1000,
  currency: 'USD',
  amount: '1',
  trafficMix: 'uniform',
};
const urls = {
  perffsp1: 'http://gw.internal/sim/perffsp1/outbound',
  perffsp2: 'http://gw.internal/sim/perffsp2/outbound/',
  perffsp3: 'https://sdk3.internal:4001',
};
const ipv6 = { ...urls, perffsp3: 'http://[fd00::1]:4001/outbound' };

function env(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    [RUNNER_ENV.options]: JSON.stringify(rungOptions),
    [RUNNER_ENV.runner]: 'k6-run-1-r1-1',
    [SCRIPT_ENV.fleet]: JSON.stringify(fleet),
    [SCRIPT_ENV.outboundUrls]: JSON.stringify(urls),
    ...overrides,
  };
}

/** The problems readSettings reports for `overrides`; fails the test when it does not throw. */
function problems(overrides: Record<string, string | undefined>): string[] {
  try {
    readSettings(env(overrides));
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as SettingsError).problems;
  }
  throw new Error('readSettings accepted a bad environment');
}

const withFleet = (change: Record<string, unknown>) => ({
  [SCRIPT_ENV.fleet]: JSON.stringify({ ...fleet, ...change }),
});

describe('k6 script contract with the core', () => {
  it('shares RUNNER_ENV and SUMMARY_MARKER with the TestRun builder and the scenario exec name with the planner', () => {
    expect(RUNNER_ENV).toEqual(testrun.RUNNER_ENV);
    expect(SUMMARY_MARKER).toBe(testrun.SUMMARY_MARKER);
    expect(SCRIPT_EXEC).toBe(TRANSFER_EXEC);
  });

  it('prints a summary line that parseSummary reads back', () => {
    const data = { metrics: { transfers_completed: { type: 'counter', values: { count: 3, rate: 1.5 } } } };
    const { stdout } = summaryOutput(data);
    expect(stdout.endsWith('\n')).toBe(true);
    expect(testrun.parseSummary(`some k6 output\n${stdout}`)).toEqual(data);
  });

  it('accepts the env buildTestRun gives a runner, plus the script env', () => {
    const manifest = testrun.buildTestRun({
      namespace: 'load',
      testId: 'run-1',
      rung,
      load,
      parallelism: 2,
      script: { configMap: 'k6-script', file: 'transfer.js' },
      prometheusRemoteWriteUrl: 'http://prom.hub:9090/api/v1/write',
      env: { [SCRIPT_ENV.fleet]: JSON.stringify(fleet), [SCRIPT_ENV.outboundUrls]: JSON.stringify(urls) },
    });
    // The pod's job-name label becomes MLPERF_RUNNER through the downward API.
    const podEnv = Object.fromEntries(
      (manifest.spec.runner.env ?? []).map((v) => [v.name, v.value ?? `${manifest.metadata.name}-1`]),
    );
    const settings = readSettings(podEnv);
    expect(settings.runner).toBe(`${manifest.metadata.name}-1`);
    expect(settings.options.scenarios).toEqual(rungOptions.scenarios);
    expect(settings.options.summaryTrendStats).toEqual(rungOptions.summaryTrendStats);
    expect(settings.options.tags).toEqual({
      ...rungOptions.tags,
      [K6_TAGS.runner]: `${manifest.metadata.name}-1`,
    });
  });
});

describe('readSettings', () => {
  it('resolves the fleet with defaults, DFSP indexes and URLs without a trailing slash', () => {
    const settings = readSettings(env());
    expect(settings.fleet).toEqual({
      ...fleet,
      requestTimeoutSeconds: DEFAULT_REQUEST_TIMEOUT_SECONDS,
      expirySeconds: DEFAULT_EXPIRY_SECONDS,
    });
    expect(settings.dfsps).toEqual([
      { id: 'perffsp1', index: 1, outboundUrl: 'http://gw.internal/sim/perffsp1/outbound' },
      { id: 'perffsp2', index: 2, outboundUrl: 'http://gw.internal/sim/perffsp2/outbound' },
      { id: 'perffsp3', index: 3, outboundUrl: 'https://sdk3.internal:4001' },
    ]);
  });

  it('keeps the rung options, adds the runner tag and drops the per-URL system tag', () => {
    const { options } = readSettings(env());
    expect(options.scenarios.transfers).toMatchObject({ rate: 100, maxVUs: 200, exec: TRANSFER_EXEC });
    expect(options.tags[K6_TAGS.runner]).toBe('k6-run-1-r1-1');
    expect(options.tags[K6_TAGS.testId]).toBe('run-1');
    expect(options.systemTags).toEqual([...SYSTEM_TAGS]);
    expect(options.systemTags).not.toContain('url');
    expect(options.systemTags).toContain('name');
  });

  it('accepts weighted pairs of fleet DFSPs', () => {
    const trafficMix = [
      { payer: 1, payee: 2, weight: 3 },
      { payer: 3, payee: 1, weight: 0.5 },
    ];
    expect(readSettings(env(withFleet({ trafficMix }))).fleet.trafficMix).toEqual(trafficMix);
  });

  it('takes timeouts from the fleet when given', () => {
    const settings = readSettings(env(withFleet({ requestTimeoutSeconds: 10, expirySeconds: 120 })));
    expect(settings.fleet.requestTimeoutSeconds).toBe(10);
    expect(settings.fleet.expirySeconds).toBe(120);
  });

  it('fails fast when the rung options are missing or not JSON', () => {
    expect(problems({ [RUNNER_ENV.options]: undefined })).toEqual([
      'MLPERF_RUNG_OPTIONS: missing; allowed: the JSON of buildRungOptions(rung, load, testId)',
    ]);
    const [notJson] = problems({ [RUNNER_ENV.options]: '{scenarios:' });
    expect(notJson).toMatch(
      /^MLPERF_RUNG_OPTIONS: not valid JSON \(.+\); allowed: the JSON of buildRungOptions/,
    );
  });

  it('rejects options without a transfer scenario', () => {
    expect(problems({ [RUNNER_ENV.options]: '[]' })[0]).toMatch(
      /^MLPERF_RUNG_OPTIONS: got \[\]; allowed: a JSON object/,
    );
    expect(problems({ [RUNNER_ENV.options]: '{"tags":{}}' })).toEqual([
      `MLPERF_RUNG_OPTIONS.scenarios: missing; allowed: an object of at least one k6 scenario whose exec is "transfer"`,
    ]);
    const other = {
      ...rungOptions,
      scenarios: { transfers: { ...rungOptions.scenarios.transfers, exec: 'other' } },
    };
    expect(problems({ [RUNNER_ENV.options]: JSON.stringify(other) })).toEqual([
      'MLPERF_RUNG_OPTIONS.scenarios.transfers.exec: got "other"; allowed: "transfer", the function this script exports for one transfer',
    ]);
  });

  it('requires a plain runner name', () => {
    expect(problems({ [RUNNER_ENV.runner]: undefined })).toEqual([
      "MLPERF_RUNNER: missing; allowed: the runner's Job name: 1–63 letters, digits, _ . : -",
    ]);
    expect(problems({ [RUNNER_ENV.runner]: 'a b' })).toEqual([
      `MLPERF_RUNNER: got "a b"; allowed: the runner's Job name: 1–63 letters, digits, _ . : -`,
    ]);
  });

  it.each([
    [
      { dfsps: ['perffsp1'] },
      'MLPERF_FLEET.dfsps: got ["perffsp1"]; allowed: a list of at least 2 distinct DFSP ids',
    ],
    [
      { dfsps: ['perffsp1', 'payerfsp'] },
      'MLPERF_FLEET.dfsps[1]: got "payerfsp"; allowed: a DFSP id perffsp1 … perffsp99',
    ],
    [{ dfsps: ['perffsp1', 'perffsp100'] }, 'MLPERF_FLEET.dfsps[1]: got "perffsp100"; allowed: a DFSP id'],
    [{ dfsps: ['perffsp1', 'perffsp01'] }, 'MLPERF_FLEET.dfsps[1]: got "perffsp01"; allowed: a DFSP id'],
    [
      { dfsps: ['perffsp1', 'perffsp2', 'perffsp1'] },
      'MLPERF_FLEET.dfsps[2]: got "perffsp1"; allowed: a DFSP id not already listed',
    ],
    [{ partiesPerDfsp: 0 }, 'MLPERF_FLEET.partiesPerDfsp: got 0; allowed: an integer from 1 to 100000000'],
    [
      { partiesPerDfsp: 1.5 },
      'MLPERF_FLEET.partiesPerDfsp: got 1.5; allowed: an integer from 1 to 100000000',
    ],
    [{ partiesPerDfsp: '200000' }, 'MLPERF_FLEET.partiesPerDfsp: got "200000"; allowed: an integer'],
    [{ currency: 'usd' }, 'MLPERF_FLEET.currency: got "usd"; allowed: an ISO 4217 code'],
    [{ amount: '1.50' }, 'MLPERF_FLEET.amount: got "1.50"; allowed: a positive FSPIOP amount'],
    [{ amount: '0' }, 'MLPERF_FLEET.amount: got "0"; allowed: a positive FSPIOP amount'],
    [{ amount: 1 }, 'MLPERF_FLEET.amount: got 1; allowed: a positive FSPIOP amount'],
    [{ trafficMix: 'random' }, 'MLPERF_FLEET.trafficMix: got "random"; allowed: "uniform"'],
    [
      { trafficMix: [] },
      'MLPERF_FLEET.trafficMix: got []; allowed: "uniform" or a non-empty list of {payer, payee, weight}',
    ],
    [
      { trafficMix: [{ payer: 1, payee: 4, weight: 1 }] },
      'MLPERF_FLEET.trafficMix[0].payee: got 4; allowed: a DFSP index of the fleet (1, 2, 3)',
    ],
    [
      { trafficMix: [{ payer: 2, payee: 2, weight: 1 }] },
      'MLPERF_FLEET.trafficMix[0].payee: got 2; allowed: a DFSP index other than the payer (2); a DFSP does not pay itself',
    ],
    [
      { trafficMix: [{ payer: 1, payee: 2, weight: 0 }] },
      'MLPERF_FLEET.trafficMix[0].weight: got 0; allowed: a number ≥ 0.001 (a relative share)',
    ],
    [
      { trafficMix: [{ payer: 1, payee: 2 }] },
      'MLPERF_FLEET.trafficMix[0].weight: missing; allowed: a number ≥ 0.001',
    ],
    [
      { trafficMix: [{ payer: 1, payee: 2, weight: 1, share: 2 }] },
      'MLPERF_FLEET.trafficMix[0].share: got 2; allowed: no such field; fields are payer, payee, weight',
    ],
    [
      {
        trafficMix: [
          { payer: 1, payee: 2, weight: 1 },
          { payer: 1, payee: 2, weight: 2 },
        ],
      },
      'MLPERF_FLEET.trafficMix[1]: got {"payer":1,"payee":2,"weight":2}; allowed: a payer→payee pair not already listed (same pair as MLPERF_FLEET.trafficMix[0])',
    ],
    [
      {
        trafficMix: [
          { payer: 1, payee: 2, weight: 0.001 },
          { payer: 2, payee: 3, weight: 11 },
        ],
      },
      'MLPERF_FLEET.trafficMix: got [0.001,11]; allowed: weights whose ratios fit a schedule of at most 10000 slots (these need 11001)',
    ],
    [
      { requestTimeoutSeconds: 0 },
      'MLPERF_FLEET.requestTimeoutSeconds: got 0; allowed: an integer from 1 to 300',
    ],
    [{ expirySeconds: 86400 }, 'MLPERF_FLEET.expirySeconds: got 86400; allowed: an integer from 1 to 3600'],
    [{ payees: 3 }, 'MLPERF_FLEET.payees: got 3; allowed: no such field; fields are dfsps, partiesPerDfsp'],
  ])('rejects fleet %j', (change, expected) => {
    const found = problems(withFleet(change));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);
  });

  it('names a missing fleet field', () => {
    const { currency: _omitted, ...rest } = fleet;
    expect(problems({ [SCRIPT_ENV.fleet]: JSON.stringify(rest) })).toEqual([
      'MLPERF_FLEET.currency: missing; allowed: an ISO 4217 code, e.g. "USD"',
    ]);
  });

  it('accepts an IPv6 literal host', () => {
    const settings = readSettings(env({ [SCRIPT_ENV.outboundUrls]: JSON.stringify(ipv6) }));
    expect(settings.dfsps[2]?.outboundUrl).toBe('http://[fd00::1]:4001/outbound');
  });

  it('needs an outbound URL for every DFSP of the fleet, and hides credentials', () => {
    const { perffsp2: _omitted, ...rest } = urls;
    expect(problems({ [SCRIPT_ENV.outboundUrls]: JSON.stringify(rest) })).toEqual([
      'MLPERF_OUTBOUND_URLS.perffsp2: missing; allowed: the outbound API base URL of perffsp2 (http(s)://host[:port][/path] without credentials, query or fragment)',
    ]);
    const found = problems({
      [SCRIPT_ENV.outboundUrls]: JSON.stringify({
        ...urls,
        perffsp1: 'ftp://sdk1',
        perffsp2: 'http://sdk2:4001/outbound?x=1',
        perffsp3: 'http://user:s3cret@sdk3:4001',
      }),
    });
    expect(found).toEqual([
      'MLPERF_OUTBOUND_URLS.perffsp1: got "ftp://sdk1"; allowed: http(s)://host[:port][/path] without credentials, query or fragment',
      'MLPERF_OUTBOUND_URLS.perffsp2: got "http://sdk2:4001/outbound?x=1"; allowed: http(s)://host[:port][/path] without credentials, query or fragment',
      'MLPERF_OUTBOUND_URLS.perffsp3: got "<a URL with credentials>"; allowed: http(s)://host[:port][/path] without credentials, query or fragment',
    ]);
    expect(found.join('\n')).not.toContain('s3cret');
  });

  it('reports every problem at once', () => {
    const found = problems({
      [RUNNER_ENV.runner]: '',
      [SCRIPT_ENV.fleet]: JSON.stringify({ ...fleet, currency: 'X', amount: '-1' }),
      [SCRIPT_ENV.outboundUrls]: undefined,
    });
    expect(found.map((p) => p.split(':')[0])).toEqual([
      'MLPERF_RUNNER',
      'MLPERF_FLEET.currency',
      'MLPERF_FLEET.amount',
      'MLPERF_OUTBOUND_URLS',
    ]);
    expect(() => readSettings(env({ [RUNNER_ENV.runner]: '' }))).toThrow(
      /The k6 transfer script cannot start/,
    );
  });
});

describe('dfspIndexOf', () => {
  it('reads back exactly what dfspId writes', () => {
    expect(dfspIndexOf('perffsp1')).toBe(1);
    expect(dfspIndexOf('perffsp99')).toBe(99);
    for (const bad of ['perffsp0', 'perffsp007', 'perffsp100', 'PERFFSP1', 'perffsp', 'xperffsp1']) {
      expect(dfspIndexOf(bad)).toBeNull();
    }
  });
});
