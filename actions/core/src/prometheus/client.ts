/**
 * A narrow Prometheus query client: one instant query at a given time. The real adapter speaks the
 * HTTP API (`POST /api/v1/query`, form-encoded `query` and `time`), whose documented envelope is
 * `{status: "success"|"error", data: {resultType, result}, errorType?, error?, warnings?}`.
 * A vector sample is `{metric: {…labels}, value: [<unix s>, "<float>"]}` (or `histogram` for a native
 * histogram sample); a scalar is `[<unix s>, "<float>"]`. Floats come as strings, including "NaN",
 * "+Inf" and "-Inf".
 */

export interface PromSample {
  labels: Record<string, string>;
  /** `null` for NaN: no data behind the number (e.g. a quantile of an empty histogram). */
  value: number | null;
}

export interface PromInstantResult {
  resultType: 'vector' | 'scalar';
  samples: PromSample[];
  warnings: string[];
}

export interface PromQuery {
  /** Evaluate `expr` at `time` (epoch ms). Throws {@link PromQueryError} when it cannot. */
  instantQuery(expr: string, time: number): Promise<PromInstantResult>;
}

export class PromQueryError extends Error {
  override readonly name = 'PromQueryError';
  constructor(
    message: string,
    readonly expr: string,
    readonly details: { httpStatus?: number; errorType?: string } = {},
  ) {
    super(message);
  }
}

/**
 * The single value of an aggregated expression: `null` when the result is empty (no series matched)
 * or NaN. More than one sample means the expression was not aggregated — an error, not a guess.
 */
export function singleValue(result: PromInstantResult, expr: string): number | null {
  if (result.samples.length === 0) return null;
  if (result.samples.length > 1) {
    throw new PromQueryError(`expected one sample, got ${result.samples.length}: ${expr}`, expr);
  }
  return result.samples[0]?.value ?? null;
}

export interface HttpPromQueryOptions {
  /** Base URL of the server, e.g. `http://127.0.0.1:9090` (a path prefix is kept). */
  baseUrl: string;
  /** Per-request timeout, ms. Default 30 000. */
  timeoutMs?: number;
  /** Extra request headers, e.g. authorization for a managed Prometheus. */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

/** The real adapter over `fetch`. */
export function createHttpPromQuery(options: HttpPromQueryOptions): PromQuery {
  const doFetch = options.fetch ?? fetch;
  const url = new URL(
    'api/v1/query',
    options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
  );
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async instantQuery(expr, time) {
      const body = new URLSearchParams({ query: expr, time: (time / 1000).toFixed(3) });
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new PromQueryError(`Prometheus at ${url.origin} unreachable: ${describe(error)}`, expr);
      }
      const text = await response.text();
      let envelope: unknown;
      try {
        envelope = JSON.parse(text);
      } catch {
        throw new PromQueryError(
          `Prometheus answered HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`,
          expr,
          { httpStatus: response.status },
        );
      }
      return parseQueryResponse(envelope, expr, response.status);
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parse a sample value string as Prometheus writes it; NaN becomes `null`. */
export function parseSampleValue(raw: unknown, expr: string): number | null {
  if (typeof raw !== 'string') throw new PromQueryError(`sample value is not a string: ${String(raw)}`, expr);
  const value =
    raw === '+Inf' ? Number.POSITIVE_INFINITY : raw === '-Inf' ? Number.NEGATIVE_INFINITY : Number(raw);
  if (Number.isNaN(value)) {
    if (raw === 'NaN') return null;
    throw new PromQueryError(`sample value is not a number: ${raw}`, expr);
  }
  return value;
}

function parsePair(pair: unknown, expr: string): number | null {
  if (!Array.isArray(pair) || pair.length !== 2) {
    throw new PromQueryError(`malformed sample ${JSON.stringify(pair)}`, expr);
  }
  return parseSampleValue(pair[1], expr);
}

/** Turn a decoded `/api/v1/query` body into a result, or throw what went wrong. Exported for tests. */
export function parseQueryResponse(envelope: unknown, expr: string, httpStatus = 200): PromInstantResult {
  if (!isRecord(envelope)) {
    throw new PromQueryError(`Prometheus answered HTTP ${httpStatus} with a non-object body`, expr, {
      httpStatus,
    });
  }
  if (envelope.status === 'error') {
    const errorType = typeof envelope.errorType === 'string' ? envelope.errorType : 'unknown';
    const message = typeof envelope.error === 'string' ? envelope.error : 'no message';
    throw new PromQueryError(`Prometheus rejected the query (${errorType}): ${message}`, expr, {
      httpStatus,
      errorType,
    });
  }
  if (envelope.status !== 'success' || httpStatus < 200 || httpStatus >= 300) {
    throw new PromQueryError(
      `Prometheus answered HTTP ${httpStatus} with status ${JSON.stringify(envelope.status)}`,
      expr,
      { httpStatus },
    );
  }
  const warnings = Array.isArray(envelope.warnings) ? envelope.warnings.map(String) : [];
  const data = envelope.data;
  if (!isRecord(data)) throw new PromQueryError('Prometheus answered success without data', expr);
  switch (data.resultType) {
    case 'scalar':
      return {
        resultType: 'scalar',
        samples: [{ labels: {}, value: parsePair(data.result, expr) }],
        warnings,
      };
    case 'vector': {
      if (!Array.isArray(data.result)) throw new PromQueryError('vector result is not a list', expr);
      const samples = data.result.map((entry): PromSample => {
        if (!isRecord(entry) || !isRecord(entry.metric)) {
          throw new PromQueryError(`malformed vector sample ${JSON.stringify(entry)}`, expr);
        }
        if (entry.value === undefined && entry.histogram !== undefined) {
          throw new PromQueryError(
            'the result holds native histogram samples; wrap the expression in histogram_quantile() or histogram_count()',
            expr,
          );
        }
        const labels: Record<string, string> = {};
        for (const [key, value] of Object.entries(entry.metric)) labels[key] = String(value);
        return { labels, value: parsePair(entry.value, expr) };
      });
      return { resultType: 'vector', samples, warnings };
    }
    default:
      throw new PromQueryError(
        `unsupported resultType ${JSON.stringify(data.resultType)} for an instant query (expected vector or scalar)`,
        expr,
      );
  }
}
