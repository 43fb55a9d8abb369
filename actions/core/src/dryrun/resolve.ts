/**
 * The configuration exactly as the pipeline resolves it (actions/validate-config): the profile
 * through `loadRunConfig` with the overrides of `parseOverrideAssignments`, then the dispatch
 * choices through `applyDispatchChoices`. Bad input is collected rather than thrown at the first
 * problem, so a person sees every mistake at once, each in the core's own words.
 */
import {
  applyDispatchChoices,
  DispatchChoiceError,
  type DispatchChoices,
  parseRates,
} from '../config/dispatch.js';
import { RunConfigError } from '../config/errors.js';
import { loadRunConfig } from '../config/load.js';
import { type Overrides, parseOverrideAssignments } from '../config/overrides.js';
import type { RunConfig } from '../config/schema.js';

export interface ResolveInput {
  profile: string;
  profilesDir: string;
  /** `path=value` lines, as `--set` gives them or the workflow's `overrides` input holds them. */
  sets: readonly string[];
  choices: DispatchChoices;
}

export type Resolution = { ok: true; config: RunConfig } | { ok: false; errors: string[] };

/** The choice names as the workflows and this command spell them. */
const CHOICE_OPTIONS: Readonly<Record<keyof DispatchChoices, string>> = {
  rates: 'rates',
  dfspCount: 'dfsp-count',
  keepInfra: 'keep-infra',
  costCapUsd: 'cost-cap-usd',
};

/**
 * A dispatch choice's error as the command line names it: `input rates: got …` (the workflow
 * input) becomes `--rates: got …`; the value and what is allowed stay as the core wrote them.
 */
export function choiceErrorText(error: DispatchChoiceError): string {
  return error.message.replace(/^input ([a-z-]+):/, '--$1:');
}

function describe(error: unknown): string {
  if (error instanceof DispatchChoiceError) return choiceErrorText(error);
  if (error instanceof RunConfigError) return error.message;
  throw error;
}

function given(choices: DispatchChoices): Array<[keyof DispatchChoices, string]> {
  return (Object.keys(CHOICE_OPTIONS) as Array<keyof DispatchChoices>)
    .map((key): [keyof DispatchChoices, string] => [key, choices[key] ?? ''])
    .filter(([, value]) => value.trim() !== '');
}

/** Only the non-empty choices, keyed by their option names (`dfsp-count`), for the plan. */
export function givenChoices(choices: DispatchChoices): Record<string, string> {
  return Object.fromEntries(given(choices).map(([key, value]) => [CHOICE_OPTIONS[key], value]));
}

export async function resolveDryRunConfig(input: ResolveInput): Promise<Resolution> {
  const errors: string[] = [];
  let overrides: Overrides | undefined;
  try {
    overrides = parseOverrideAssignments(input.sets);
  } catch (error) {
    errors.push(describe(error));
  }

  let profileConfig: RunConfig | undefined;
  try {
    profileConfig = await loadRunConfig({
      profile: input.profile,
      profilesDir: input.profilesDir,
      overrides: overrides ?? {},
    });
  } catch (error) {
    const text = describe(error);
    // With broken override lines the profile was loaded without them: only a bad profile name or
    // file counts then, since the overrides might have been meant to fix anything else.
    const aboutProfile = error instanceof RunConfigError && error.issues.every((i) => i.path === 'profile');
    if (overrides !== undefined || aboutProfile) errors.push(text);
  }

  const choices = given(input.choices);
  if (profileConfig !== undefined) {
    // Each choice on its own first, so two bad choices are both reported.
    let choiceErrors = 0;
    for (const [key, value] of choices) {
      try {
        applyDispatchChoices(profileConfig, { [key]: value });
      } catch (error) {
        errors.push(describe(error));
        choiceErrors += 1;
      }
    }
    if (choiceErrors === 0 && errors.length === 0) {
      try {
        return { ok: true, config: applyDispatchChoices(profileConfig, input.choices) };
      } catch (error) {
        errors.push(describe(error));
      }
    }
  } else if (input.choices.rates !== undefined && input.choices.rates.trim() !== '') {
    // Without a configuration only the rates can be checked, and only their form.
    try {
      parseRates(input.choices.rates.trim());
    } catch (error) {
      errors.push(describe(error));
    }
  }
  return errors.length === 0
    ? { ok: false, errors: ['the configuration could not be resolved'] }
    : { ok: false, errors };
}
