/**
 * The choices a person makes when dispatching a run by hand (full-run.yml: rungs, DFSP count,
 * keep-infra, cost cap), applied on top of a resolved profile. Each choice is a plain string as
 * GitHub passes workflow_dispatch inputs; empty means "as the profile says". The result is validated
 * again with the one schema, so a choice can never produce a configuration a profile could not.
 */
import type { RunConfig } from './schema.js';
import { validateRunConfig } from './validate.js';

export interface DispatchChoices {
  /** Ladder rates, comma- or space-separated, e.g. "100,500,1000". */
  rates?: string;
  dfspCount?: string;
  /** "true" / "false". */
  keepInfra?: string;
  costCapUsd?: string;
}

/** A dispatch choice that cannot be used; names the input, the value and what is allowed. */
export class DispatchChoiceError extends Error {
  override readonly name = 'DispatchChoiceError';
}

function refuse(input: string, value: string, allowed: string): never {
  throw new DispatchChoiceError(`input ${input}: got ${JSON.stringify(value)}; allowed: ${allowed}`);
}

const RATES_ALLOWED = 'positive numbers separated by commas or spaces, rising, e.g. "100,500,1000"';

export function parseRates(raw: string): number[] {
  const parts = raw.split(/[\s,]+/).filter((part) => part !== '');
  if (parts.length === 0) refuse('rates', raw, RATES_ALLOWED);
  const rates = parts.map((part) => {
    const rate = Number(part);
    if (!/^\d+(\.\d+)?$/.test(part) || !(rate > 0)) refuse('rates', raw, RATES_ALLOWED);
    return rate;
  });
  for (let i = 1; i < rates.length; i++) {
    if ((rates[i] as number) <= (rates[i - 1] as number)) refuse('rates', raw, RATES_ALLOWED);
  }
  return rates;
}

function parseBoolean(input: string, raw: string): boolean {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return refuse(input, raw, '"true" or "false"');
}

function parseNumber(input: string, raw: string, integer: boolean, allowed: string): number {
  const pattern = integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
  if (!pattern.test(raw)) refuse(input, raw, allowed);
  return Number(raw);
}

/**
 * The profile's configuration with the dispatch choices applied. New rates keep the timings of the
 * profile's rung at the same position (the last rung's for extra rates), so warm-up, hold and drain
 * stay what the profile chose for that machine size.
 */
export function applyDispatchChoices(config: RunConfig, choices: DispatchChoices): RunConfig {
  const next = structuredClone(config) as RunConfig;
  const rates = choices.rates?.trim() ?? '';
  if (rates !== '') {
    const timings = config.ladder.rungs;
    next.ladder.rungs = parseRates(rates).map((rate, index) => {
      const { rate: _old, ...timing } = timings[
        Math.min(index, timings.length - 1)
      ] as (typeof timings)[number];
      return { ...timing, rate };
    });
  }
  const dfspCount = choices.dfspCount?.trim() ?? '';
  if (dfspCount !== '') {
    next.dfsps.count = parseNumber('dfsp-count', dfspCount, true, 'a whole number of DFSPs, e.g. 8');
  }
  const keepInfra = choices.keepInfra?.trim() ?? '';
  if (keepInfra !== '') next.keepInfra = parseBoolean('keep-infra', keepInfra);
  const costCap = choices.costCapUsd?.trim() ?? '';
  if (costCap !== '') {
    next.costCapUsd = parseNumber('cost-cap-usd', costCap, false, 'US dollars, e.g. 150 or 99.5');
  }
  return validateRunConfig(next, { source: 'the profile with the dispatch choices applied' });
}
