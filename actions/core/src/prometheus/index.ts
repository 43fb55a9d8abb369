// A narrow Prometheus query client and the PromQL of a rung's steady window.
export {
  createHttpPromQuery,
  type HttpPromQueryOptions,
  type PromInstantResult,
  type PromQuery,
  PromQueryError,
  type PromSample,
  parseQueryResponse,
  parseSampleValue,
  singleValue,
} from './client.js';
export {
  buildRungQueries,
  escapeLabelValue,
  QUANTILES,
  type QuantileKey,
  type RungQueries,
  type RungQueryInput,
  selector,
} from './promql.js';
