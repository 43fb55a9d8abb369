// SLO evaluation and validity facts of one rung.
export {
  checkCounts,
  checkOfferedLoad,
  checkRunners,
  countTolerance,
  DEFAULT_VALIDITY_OPTIONS,
  decideOutcome,
  describeExitCode,
  evaluateRung,
  evaluateSlos,
  type FactCheck,
  K6_EXIT_CODES,
  K6_THRESHOLDS_FAILED,
  type RungEvaluationInput,
  type SloCheck,
  type ValidityOptions,
} from './evaluate.js';
