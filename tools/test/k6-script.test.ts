// The committed k6 bundle (k6/dist/transfer.js): fresh, importing only k6 modules, and — run under
// Node with FAKE k6 modules standing in for k6's runtime (k6 cannot be installed here) — doing one
// transfer per iteration against a FAKE payer SDK that answers with the SDK's response shapes and
// checks every request with the SDK's own outbound validator.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ownerOfPartyIdentifier } from '../../actions/core/src/fleet/names.js';
import { parseSummary } from '../../actions/core/src/k8s/testrun.js';
import { K6_COUNTERS, K6_TAGS, K6_TRENDS } from '../../actions/core/src/ladder/metrics.js';
import { buildRungOptions, planRung, TRANSFER_EXEC } from '../../actions/core/src/ladder/plan.js';
import { RUNNER_ENV, SCRIPT_ENV } from '../../k6/src/lib/contract.js';
import { DEFAULT_REQUEST_TIMEOUT_SECONDS, readSettings } from '../../k6/src/lib/settings.js';
import { loadSdkOutbound, type SdkOutbound } from '../../k6/test/sdk-outbound.js';
import { checkK6Bundle, K6_BUNDLE, K6_MODULE } from '../build-k6.js';
import { repoRoot } from '../lib/paths.js';

const root = repoRoot();
const bundlePath = path.join(root, K6_BUNDLE);

// ---------------------------------------------------------------- fake k6 runtime

interface FakeRequest {
  method: 'GET' | 'POST';
  url: string;
  body: unknown;
  params: { timeout?: string; tags?: Record<string, string>; headers?: Record<string, string> };
}
interface FakeResponse {
  status: number;
  body: string | null;
  error_code: number;
  timings: { duration: number };
}
interface Sample {
  metric: string;
  value: number;
  tags: Record<string, string> | undefined;
}
interface FakeK6 {
  iteration: number;
  declared: Array<{ kind: 'trend' | 'counter'; name: string; isTime?: boolean }>;
  requests: FakeRequest[];
  samples: Sample[];
  respond: (request: FakeRequest) => FakeResponse;
  randomBytes: (size: number) => ArrayBuffer;
}
const globals = globalThis as unknown as { __fakeK6: FakeK6; __ENV: Record<string, string> };

/** FAKE stand-ins for the k6 modules the bundle imports; they record into `globalThis.__fakeK6`. */
const FAKE_K6_MODULES: Record<string, string> = {
  'k6/http': `
    const call = (method, url, body, params) => {
      const fake = globalThis.__fakeK6;
      const request = { method, url, body: body === null ? null : JSON.parse(body), params };
      fake.requests.push(request);
      return fake.respond(request);
    };
    export default {
      get: (url, params) => call('GET', url, null, params),
      post: (url, body, params) => call('POST', url, body, params),
    };`,
  'k6/metrics': `
    class Metric {
      constructor(kind, name, isTime) { this.name = name; globalThis.__fakeK6.declared.push({ kind, name, isTime }); }
      add(value, tags) { globalThis.__fakeK6.samples.push({ metric: this.name, value, tags }); }
    }
    export class Trend extends Metric { constructor(name, isTime) { super('trend', name, isTime); } }
    export class Counter extends Metric { constructor(name) { super('counter', name); } }`,
  'k6/execution': `
    export default { scenario: { get iterationInTest() { return globalThis.__fakeK6.iteration; } } };`,
  'k6/crypto': `
    export default { randomBytes: (size) => globalThis.__fakeK6.randomBytes(size) };`,
};

const fakeK6Plugin: Plugin = {
  name: 'fake-k6',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^k6(\/.*)?$/ }, (args) => ({ path: args.path, namespace: 'fake-k6' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'fake-k6' }, (args) => {
      const contents = FAKE_K6_MODULES[args.path];
      if (contents === undefined) return { errors: [{ text: `no fake for ${args.path}` }] };
      return { contents, loader: 'js' };
    });
  },
};

let scratch: string;
let loads = 0;
/** The committed bundle with the fake k6 modules linked in, imported as a fresh module under `env`. */
async function loadScript(env: Record<string, string>): Promise<Record<string, unknown>> {
  globals.__ENV = env;
  loads += 1;
  const file = path.join(scratch, `transfer-${loads}.mjs`);
  const result = await build({
    entryPoints: [bundlePath],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    plugins: [fakeK6Plugin],
    write: false,
    logLevel: 'silent',
  });
  await writeFile(file, result.outputFiles[0]?.contents ?? '');
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

// ---------------------------------------------------------------- fake payer SDK

let sdk: SdkOutbound;
const ilpPacket =
  'AYIBgQAAAAAAAASwNGxldmVsb25lLmRmc3AxLm1lci45T2RTOF81MDdqUUZERmZlakgyOVc4bXFmNEpLMHlGTFGCAUBQU0svMS4wCg';
const condition = 'f5sqb7tBTWPd5Y8BDFdMm9BJR_MNI4isf8p8n4D5pHA';
const ok = (body: unknown, duration = 5): FakeResponse => ({
  status: 200,
  body: JSON.stringify(body),
  error_code: 0,
  timings: { duration },
});

/** A FAKE payer SDK: validates each request with the SDK's validator, answers in SDK 18's shapes. */
function fakeSdk(
  overrides: Partial<Record<'party' | 'quote' | 'transfer', (r: FakeRequest) => FakeResponse>> = {},
) {
  const problems: string[] = [];
  const respond = (request: FakeRequest): FakeResponse => {
    const sdkPath = request.url.replace(/^http:\/\/gw\.test\/sim\/perffsp[0-9]+\/outbound/, '');
    problems.push(...sdk.requestProblems(request.method, sdkPath, request.body ?? undefined));
    const party = /^\/parties\/MSISDN\/([0-9]+)$/.exec(sdkPath)?.[1];
    if (request.method === 'GET' && party !== undefined) {
      if (overrides.party) return overrides.party(request);
      const fspId = `perffsp${ownerOfPartyIdentifier(party)}`;
      return ok({
        party: {
          body: { partyIdInfo: { partyIdType: 'MSISDN', partyIdentifier: party, fspId } },
          headers: {},
        },
        currentState: 'COMPLETED',
      });
    }
    const body = request.body as Record<string, Record<string, unknown>>;
    if (sdkPath === '/quotes') {
      if (overrides.quote) return overrides.quote(request);
      const quote = body.quotesPostRequest ?? {};
      return ok({
        quotes: {
          body: {
            transferAmount: quote.amount,
            expiration: '2099-01-01T00:00:00.000Z',
            ilpPacket,
            condition,
          },
          headers: { 'fspiop-uri': `/quotes/${quote.quoteId}` },
        },
        currentState: 'COMPLETED',
      });
    }
    if (sdkPath === '/simpleTransfers') {
      if (overrides.transfer) return overrides.transfer(request);
      return ok({
        transfer: { body: { transferState: 'COMMITTED' }, headers: {} },
        currentState: 'COMPLETED',
      });
    }
    return { status: 404, body: '', error_code: 0, timings: { duration: 1 } };
  };
  return { respond, problems };
}

// ---------------------------------------------------------------- the run environment

const rung = planRung(100, { warmupSeconds: 10, holdSeconds: 20, drainSeconds: 5 }, 3, 'ladder');
const rungOptions = buildRungOptions(rung, { runners: 2, preAllocatedVUs: 50, maxVUs: 200 }, 'run-7');
const fleet = {
  dfsps: ['perffsp1', 'perffsp2', 'perffsp3'],
  partiesPerDfsp: 100,
  currency: 'USD',
  amount: '2.5',
  trafficMix: 'uniform',
};
const env: Record<string, string> = {
  [RUNNER_ENV.options]: JSON.stringify(rungOptions),
  [RUNNER_ENV.runner]: 'k6-run-7-r3-2',
  [SCRIPT_ENV.fleet]: JSON.stringify(fleet),
  [SCRIPT_ENV.outboundUrls]: JSON.stringify(
    Object.fromEntries(fleet.dfsps.map((id) => [id, `http://gw.test/sim/${id}/outbound`])),
  ),
};

let script: Record<string, unknown>;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'k6-script-'));
  sdk = await loadSdkOutbound();
  globals.__fakeK6 = freshFake();
  script = await loadScript(env);
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function freshFake(): FakeK6 {
  return {
    iteration: 0,
    declared: [],
    requests: [],
    samples: [],
    respond: fakeSdk().respond,
    randomBytes: (size) => Uint8Array.from(randomBytes(size)).buffer,
  };
}

beforeEach(() => {
  const fake = globals.__fakeK6;
  fake.requests.length = 0;
  fake.samples.length = 0;
  fake.respond = fakeSdk().respond;
});

const runTransfer = () => (script.transfer as () => void)();
const samplesOf = (metric: string) => globals.__fakeK6.samples.filter((s) => s.metric === metric);

// ---------------------------------------------------------------- the bundle file

describe('k6/dist/transfer.js', () => {
  it('exists and matches a fresh build of k6/src/transfer.ts', async () => {
    expect(await checkK6Bundle(root)).toEqual({ status: 'fresh' });
  });

  it('imports only k6 and k6/* modules', async () => {
    const result = await build({
      entryPoints: [bundlePath],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      external: ['*'],
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    const imports = Object.values(result.metafile.inputs).flatMap((input) =>
      input.imports.map((i) => i.path),
    );
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((p) => !K6_MODULE.test(p))).toEqual([]);
    expect(new Set(imports)).toEqual(new Set(['k6/crypto', 'k6/execution', 'k6/http', 'k6/metrics']));
  });

  it('exports options, default, handleSummary and the scenario exec function', () => {
    expect(Object.keys(script).sort()).toEqual(['default', 'handleSummary', 'options', TRANSFER_EXEC].sort());
    expect(script.default).toBe(script[TRANSFER_EXEC]);
  });

  it('declares the Trends as time Trends and the Counters under the metrics.ts names', () => {
    expect(globals.__fakeK6.declared).toEqual([
      { kind: 'trend', name: K6_TRENDS.discovery, isTime: true },
      { kind: 'trend', name: K6_TRENDS.quote, isTime: true },
      { kind: 'trend', name: K6_TRENDS.transfer, isTime: true },
      { kind: 'trend', name: K6_TRENDS.e2e, isTime: true },
      { kind: 'counter', name: K6_COUNTERS.completed, isTime: undefined },
      { kind: 'counter', name: K6_COUNTERS.failed, isTime: undefined },
    ]);
  });

  it('exports the rung options with the runner tag', () => {
    expect(script.options).toEqual(readSettings(env).options);
    expect((script.options as { tags: Record<string, string> }).tags).toEqual({
      [K6_TAGS.testId]: 'run-7',
      [K6_TAGS.rung]: '3',
      [K6_TAGS.runner]: 'k6-run-7-r3-2',
    });
  });

  it('handleSummary prints the line the runner collector parses', () => {
    const data = { metrics: { transfers_completed: { type: 'counter', values: { count: 9 } } } };
    const out = (script.handleSummary as (d: unknown) => { stdout: string })(data);
    expect(Object.keys(out)).toEqual(['stdout']);
    expect(parseSummary(out.stdout)).toEqual(data);
  });

  it('stops in the init context with the named problems when the environment is wrong', async () => {
    await expect(loadScript({ ...env, [SCRIPT_ENV.fleet]: '{"dfsps":["perffsp1"]}' })).rejects.toThrow(
      /MLPERF_FLEET\.dfsps: got \["perffsp1"\]/,
    );
    await expect(loadScript({ ...env, [RUNNER_ENV.options]: '' })).rejects.toThrow(
      /MLPERF_RUNG_OPTIONS: missing/,
    );
  });
});

// ---------------------------------------------------------------- one iteration

describe('one transfer', () => {
  it('looks up, quotes and transfers through the payer SDK, with bodies the SDK accepts', () => {
    const sdkFake = fakeSdk();
    globals.__fakeK6.respond = sdkFake.respond;
    globals.__fakeK6.iteration = 4;
    runTransfer();
    const [lookup, quote, transfer] = globals.__fakeK6.requests;
    expect(globals.__fakeK6.requests).toHaveLength(3);
    expect(sdkFake.problems).toEqual([]);

    // Iteration 4 of 3 DFSPs: block 1, payee slot (4 + 1) mod 3 = 2 → perffsp3, party 1.
    expect(lookup?.method).toBe('GET');
    expect(lookup?.url).toMatch(
      /^http:\/\/gw\.test\/sim\/perffsp[12]\/outbound\/parties\/MSISDN\/250300000001$/,
    );
    const payerBase = lookup?.url.replace(/\/parties\/.*$/, '');
    expect(quote?.url).toBe(`${payerBase}/quotes`);
    expect(transfer?.url).toBe(`${payerBase}/simpleTransfers`);

    const quoteBody = quote?.body as { fspId: string; quotesPostRequest: Record<string, unknown> };
    const transferBody = transfer?.body as { fspId: string; transfersPostRequest: Record<string, unknown> };
    expect(quoteBody.fspId).toBe('perffsp3');
    expect(quoteBody.quotesPostRequest.amount).toEqual({ amount: '2.5', currency: 'USD' });
    expect(transferBody.fspId).toBe('perffsp3');
    expect(transferBody.transfersPostRequest).toMatchObject({
      transferId: quoteBody.quotesPostRequest.transactionId,
      payeeFsp: 'perffsp3',
      ilpPacket,
      condition,
      amount: { amount: '2.5', currency: 'USD' },
    });
    expect(transferBody.transfersPostRequest.expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    for (const request of globals.__fakeK6.requests) {
      expect(request.params.timeout).toBe(`${DEFAULT_REQUEST_TIMEOUT_SECONDS}s`);
      expect(request.params.tags?.name).toMatch(/^sdk_/);
    }
    for (const leg of Object.values(K6_TRENDS)) expect(samplesOf(leg)).toHaveLength(1);
    expect(samplesOf(K6_COUNTERS.completed)).toEqual([
      { metric: K6_COUNTERS.completed, value: 1, tags: undefined },
    ]);
    expect(samplesOf(K6_COUNTERS.failed)).toEqual([]);
  });

  it('a refused quote counts a failure under its FSPIOP code and sends no transfer', () => {
    globals.__fakeK6.respond = fakeSdk({
      quote: () => ({
        status: 500,
        body: JSON.stringify({
          message: 'error',
          statusCode: '3204',
          requestQuotesInformationState: {
            lastError: { mojaloopError: { errorInformation: { errorCode: '3204', errorDescription: 'x' } } },
          },
        }),
        error_code: 0,
        timings: { duration: 3 },
      }),
    }).respond;
    runTransfer();
    expect(globals.__fakeK6.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(samplesOf(K6_COUNTERS.failed)).toEqual([
      { metric: K6_COUNTERS.failed, value: 1, tags: { [K6_TAGS.errorCode]: '3204' } },
    ]);
    expect(samplesOf(K6_TRENDS.discovery)).toHaveLength(1);
    expect(samplesOf(K6_TRENDS.quote)).toEqual([]);
    expect(samplesOf(K6_TRENDS.e2e)).toEqual([]);
    expect(samplesOf(K6_COUNTERS.completed)).toEqual([]);
  });

  it('a lookup past its deadline counts as timeout and ends the iteration', () => {
    globals.__fakeK6.respond = fakeSdk({
      party: () => ({ status: 0, body: null, error_code: 1050, timings: { duration: 35_000 } }),
    }).respond;
    runTransfer();
    expect(globals.__fakeK6.requests).toHaveLength(1);
    expect(samplesOf(K6_COUNTERS.failed)[0]?.tags).toEqual({ [K6_TAGS.errorCode]: 'timeout' });
    expect(samplesOf(K6_TRENDS.discovery)).toEqual([]);
  });

  it('a transfer that is not committed is a failure under the HTTP status', () => {
    globals.__fakeK6.respond = fakeSdk({
      transfer: () =>
        ok({ transfer: { body: { transferState: 'ABORTED' }, headers: {} }, currentState: 'COMPLETED' }),
    }).respond;
    runTransfer();
    expect(globals.__fakeK6.requests).toHaveLength(3);
    expect(samplesOf(K6_COUNTERS.failed)[0]?.tags).toEqual({ [K6_TAGS.errorCode]: '200' });
    expect(samplesOf(K6_TRENDS.transfer)).toEqual([]);
    expect(samplesOf(K6_COUNTERS.completed)).toEqual([]);
  });

  it('iterations send distinct payees and fresh UUIDs, payer never the payee', () => {
    const payees = new Set<string>();
    const ids = new Set<string>();
    const iterations = fleet.dfsps.length * fleet.partiesPerDfsp;
    for (let i = 0; i < iterations; i += 1) {
      globals.__fakeK6.requests.length = 0;
      globals.__fakeK6.iteration = i;
      runTransfer();
      const [lookup, quote] = globals.__fakeK6.requests;
      const payeeId = lookup?.url.split('/').pop() ?? '';
      const payerFsp = /sim\/(perffsp[0-9]+)\//.exec(lookup?.url ?? '')?.[1];
      expect(payerFsp).not.toBe(`perffsp${ownerOfPartyIdentifier(payeeId)}`);
      payees.add(payeeId);
      const quoteBody = quote?.body as { quotesPostRequest: { quoteId: string; transactionId: string } };
      const q = quoteBody.quotesPostRequest;
      ids.add(q.quoteId);
      ids.add(q.transactionId);
    }
    expect(payees.size).toBe(iterations);
    expect(ids.size).toBe(2 * iterations);
    expect(samplesOf(K6_COUNTERS.completed)).toHaveLength(iterations);
  });
});

describe('a weighted traffic mix', () => {
  it('pays along the configured pairs in their proportions', async () => {
    const trafficMix = [
      { payer: 1, payee: 2, weight: 2 },
      { payer: 3, payee: 1, weight: 1 },
    ];
    const weighted = await loadScript({
      ...env,
      [SCRIPT_ENV.fleet]: JSON.stringify({ ...fleet, trafficMix }),
    });
    const sdkFake = fakeSdk();
    globals.__fakeK6.respond = sdkFake.respond;
    const pairs: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      globals.__fakeK6.requests.length = 0;
      globals.__fakeK6.iteration = i;
      (weighted.transfer as () => void)();
      const quote = globals.__fakeK6.requests[1]?.body as { quotesPostRequest: Record<string, unknown> };
      const payer = /sim\/(perffsp[0-9]+)\//.exec(globals.__fakeK6.requests[0]?.url ?? '')?.[1];
      pairs.push(
        `${payer}>${(quote.quotesPostRequest.payee as { partyIdInfo: { fspId: string } }).partyIdInfo.fspId}`,
      );
    }
    expect(sdkFake.problems).toEqual([]);
    expect(pairs.filter((p) => p === 'perffsp1>perffsp2')).toHaveLength(20);
    expect(pairs.filter((p) => p === 'perffsp3>perffsp1')).toHaveLength(10);
  });
});
