// The cost model: the pricing table, run duration and the estimate of one run.
export {
  DEFAULT_DURATION_ASSUMPTIONS,
  type DurationAssumptions,
  type PlannedRung,
  planRunDuration,
  type RunDuration,
} from './duration.js';
export {
  type CostEstimate,
  type CostLine,
  type EstimateOptions,
  estimateRunCost,
  HOURS_PER_MONTH,
  nodesByRole,
  roundUsd,
} from './estimate.js';
export {
  instancePrice,
  loadPricingTable,
  PRICING_FILE,
  type Price,
  PricingError,
  type PricingTable,
  PricingTableSchema,
  type RegionPrices,
  regionPrices,
} from './pricing.js';
export { formatUsd, renderCostMarkdown } from './render.js';
