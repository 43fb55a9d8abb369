/**
 * The provision action's `outputs` (the typed StackOutputs as JSON) read back by a later phase: only the
 * fields that phase names, each required and checked against its stack value rule, so a stale or
 * hand-edited value fails naming the input, the field, the value and what is allowed. The outputs hold
 * no secret (the database secret is an ARN), so quoting a bad value is safe.
 */
import { z } from 'zod';
import type { StackOutputs } from '../terraform/outputs.js';
import { checkStackValue, STACK_VALUE_RULES, type StackValueName } from './plan.js';

/** Fields of StackOutputs that are also stack values of a chart (same name, same rule). */
export type StackOutputField = keyof StackOutputs & StackValueName;

export function readStackOutputsInput<F extends StackOutputField>(
  raw: string,
  input: string,
  fields: readonly F[],
): Pick<StackOutputs, F> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(
      `input ${input} is not JSON; allowed: the outputs output of the provision action (the stack's outputs as JSON)`,
    );
  }
  const document = z.record(z.string(), z.unknown()).safeParse(parsed);
  if (!document.success || Array.isArray(parsed)) {
    const got = Array.isArray(parsed) ? 'a list' : parsed === null ? 'null' : `a ${typeof parsed}`;
    throw new Error(
      `input ${input}: got ${got}; allowed: the outputs output of the provision action (a JSON object)`,
    );
  }
  const values = {} as Pick<StackOutputs, F>;
  for (const field of fields) {
    const value = document.data[field];
    const label = `input ${input}: field ${field}`;
    if (value === undefined || value === null) {
      throw new Error(
        `${label}: missing; allowed: ${STACK_VALUE_RULES[field].allowed} (a provision action and stack that publish it)`,
      );
    }
    if (typeof value !== 'string') {
      throw new Error(`${label}: got ${JSON.stringify(value)}; allowed: ${STACK_VALUE_RULES[field].allowed}`);
    }
    (values as Record<string, string>)[field] = checkStackValue(field, value.trim(), label);
  }
  return values;
}
