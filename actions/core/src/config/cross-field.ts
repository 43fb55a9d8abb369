/**
 * Helpers for rules that compare fields. Zod runs refinements even after a field failed its own
 * range check, so without a guard a rule would compare an already-rejected value and report it
 * twice (or crash on a value of the wrong type). Each rule therefore names the fields it reads.
 */
import type { z } from 'zod';

/** A field path relative to the refined object; `'*'` matches any key or list index. */
export type FieldPath = readonly (PropertyKey | '*')[];

function overlaps(issuePath: readonly PropertyKey[], field: FieldPath): boolean {
  const shared = Math.min(issuePath.length, field.length);
  for (let i = 0; i < shared; i++) {
    if (field[i] !== '*' && field[i] !== issuePath[i]) return false;
  }
  // One path is a prefix of the other: an issue on a parent (or the object itself) or inside the field.
  return true;
}

/** superRefine params: run only when no issue so far touches any of `fields`. */
export function whenValid(...fields: FieldPath[]): { when: (payload: z.core.ParsePayload) => boolean } {
  return {
    when: (payload) =>
      payload.issues.every((issue) => fields.every((field) => !overlaps(issue.path ?? [], field))),
  };
}

/** Adds a rule violation; the message is the "allowed" text shown to the reader. */
export function reject(ctx: z.RefinementCtx, path: PropertyKey[], allowed: string): void {
  ctx.addIssue({ code: 'custom', path, message: allowed });
}
