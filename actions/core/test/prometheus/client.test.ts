import { afterEach, describe, expect, it } from 'vitest';
import {
  createHttpPromQuery,
  type PromInstantResult,
  PromQueryError,
  parseQueryResponse,
  singleValue,
} from '../../src/index.js';
import {
  errorOf,
  type FakePrometheus,
  type FakeReply,
  startFakePrometheus,
  vectorOf,
} from './fake-prometheus.js';

let fake: FakePrometheus | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function queryWith(reply: FakeReply, expr = 'up'): Promise<PromInstantResult> {
  fake = await startFakePrometheus(() => reply);
  return createHttpPromQuery({ baseUrl: fake.baseUrl }).instantQuery(
    expr,
    Date.parse('2026-11-25T12:00:00.250Z'),
  );
}

async function errorWith(reply: FakeReply): Promise<PromQueryError> {
  const error = await queryWith(reply).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PromQueryError);
  return error as PromQueryError;
}

describe('createHttpPromQuery against a fake Prometheus', () => {
  it('POSTs the expression and the evaluation time in unix seconds', async () => {
    await queryWith(vectorOf(), 'sum(increase(x[30s]))');
    expect(fake?.requests).toEqual([
      {
        method: 'POST',
        contentType: 'application/x-www-form-urlencoded',
        query: 'sum(increase(x[30s]))',
        time: '1795608000.250',
      },
    ]);
  });

  it('keeps a path prefix of the base URL', async () => {
    fake = await startFakePrometheus(() => vectorOf());
    const prom = createHttpPromQuery({ baseUrl: `${fake.baseUrl}/prefix` });
    await expect(prom.instantQuery('up', 0)).rejects.toThrow(/HTTP 404 with a body that is not JSON/);
  });

  it('reads a vector with labels', async () => {
    const result = await queryWith(
      vectorOf([{ fspiop_error_code: '3100' }, '12'], [{ fspiop_error_code: '5001' }, '3']),
    );
    expect(result).toEqual({
      resultType: 'vector',
      samples: [
        { labels: { fspiop_error_code: '3100' }, value: 12 },
        { labels: { fspiop_error_code: '5001' }, value: 3 },
      ],
      warnings: [],
    });
  });

  it('reads a scalar', async () => {
    const result = await queryWith({
      status: 200,
      body: { status: 'success', data: { resultType: 'scalar', result: [1795600000, '42.5'] } },
    });
    expect(result.resultType).toBe('scalar');
    expect(singleValue(result, 'x')).toBe(42.5);
  });

  it('reads an empty result as null', async () => {
    expect(singleValue(await queryWith(vectorOf()), 'x')).toBeNull();
  });

  it('reads NaN as null and infinities as numbers', async () => {
    expect(singleValue(await queryWith(vectorOf([{}, 'NaN'])), 'x')).toBeNull();
    expect(singleValue(await queryWith(vectorOf([{}, '+Inf'])), 'x')).toBe(Number.POSITIVE_INFINITY);
  });

  it('passes warnings on', async () => {
    const result = await queryWith({
      status: 200,
      body: { status: 'success', data: { resultType: 'vector', result: [] }, warnings: ['partial'] },
    });
    expect(result.warnings).toEqual(['partial']);
  });

  it('reports a rejected expression with its error type (400 bad_data)', async () => {
    const error = await errorWith(errorOf(400, 'bad_data', '1:10: parse error: unclosed left parenthesis'));
    expect(error.message).toBe(
      'Prometheus rejected the query (bad_data): 1:10: parse error: unclosed left parenthesis',
    );
    expect(error.details).toEqual({ httpStatus: 400, errorType: 'bad_data' });
    expect(error.expr).toBe('up');
  });

  it('reports an execution error (422) and a timeout (503)', async () => {
    expect((await errorWith(errorOf(422, 'execution', 'many-to-many matching'))).details.errorType).toBe(
      'execution',
    );
    expect((await errorWith(errorOf(503, 'timeout', 'query timed out'))).message).toMatch(/timeout/);
  });

  it('reports a body that is not JSON, e.g. from a proxy', async () => {
    const error = await errorWith({ status: 502, body: '<html>Bad Gateway</html>' });
    expect(error.message).toMatch(/HTTP 502 with a body that is not JSON: <html>Bad Gateway/);
  });

  it('reports an unreachable server', async () => {
    fake = await startFakePrometheus(() => vectorOf());
    const url = fake.baseUrl;
    await fake.close();
    fake = undefined;
    await expect(createHttpPromQuery({ baseUrl: url }).instantQuery('up', 0)).rejects.toThrow(/unreachable/);
  });

  it('refuses raw native histogram samples and unsupported result types', async () => {
    const histogram = await errorWith({
      status: 200,
      body: {
        status: 'success',
        data: {
          resultType: 'vector',
          result: [{ metric: {}, histogram: [1, { count: '1', sum: '1', buckets: [] }] }],
        },
      },
    });
    expect(histogram.message).toMatch(/native histogram samples/);
    const matrix = await errorWith({
      status: 200,
      body: { status: 'success', data: { resultType: 'matrix', result: [] } },
    });
    expect(matrix.message).toMatch(/unsupported resultType "matrix"/);
  });
});

describe('parseQueryResponse and singleValue', () => {
  it('refuses malformed envelopes', () => {
    expect(() => parseQueryResponse([], 'x')).toThrow(/non-object/);
    expect(() => parseQueryResponse({ status: 'success' }, 'x')).toThrow(/without data/);
    expect(() => parseQueryResponse({ status: 'weird', data: {} }, 'x')).toThrow(/status "weird"/);
    expect(() =>
      parseQueryResponse(
        { status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1, 2] }] } },
        'x',
      ),
    ).toThrow(/not a string/);
    expect(() =>
      parseQueryResponse(
        { status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1, 'abc'] }] } },
        'x',
      ),
    ).toThrow(/not a number/);
  });

  it('refuses to pick one of several samples', () => {
    const result: PromInstantResult = {
      resultType: 'vector',
      samples: [
        { labels: { a: '1' }, value: 1 },
        { labels: { a: '2' }, value: 2 },
      ],
      warnings: [],
    };
    expect(() => singleValue(result, 'x')).toThrow(/expected one sample, got 2/);
  });
});
