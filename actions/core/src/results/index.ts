// The results model: one run's results.json (versioned schema), its verdict and its reader/writer.

export {
  type IncompleteRunInput,
  incompleteRunResults,
  type NeedsContext,
  type PhaseOutcome,
  type PhaseResult,
  parseNeeds,
  phaseOutcomes,
  stoppingPhase,
} from './incomplete.js';
export {
  parseRunResults,
  RESULTS_FILE,
  RunResultsError,
  type RunResultsErrorOptions,
  readRunResults,
  serializeRunResults,
  writeRunResults,
} from './io.js';
export { RUN_RESULTS_JSON_SCHEMA_FILE, runResultsJsonSchema } from './json-schema.js';
export {
  type ActualCost,
  CostEstimateSchema,
  type FailedSloResult,
  type LatencyLeg,
  type LatencyPercentiles,
  type MaxSustainableRate,
  RUN_RESULTS_SCHEMA_VERSION,
  type RunArtifact,
  type RunCost,
  type RunEnvironment,
  type RungOutcome,
  type RungResult,
  RungResultSchema,
  type RunResults,
  type RunResultsInput,
  RunResultsSchema,
  type RunTrigger,
  SecurityPostureSchema,
  type ValidityFact,
  type ValidityFacts,
  type Verdict,
} from './schema.js';
export {
  abbreviateFailedSlo,
  configuredSlos,
  describeFailedSlo,
  type FailedSloFact,
  formatThreshold,
  SLO_DEFINITIONS,
  SLO_IDS,
  type SloDefinition,
  type SloId,
} from './slo.js';
export { decideVerdict, explainRung, ladderTargetRate, maxSustainableRate } from './verdict.js';
