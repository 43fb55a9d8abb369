/**
 * What identifies one run's stack beyond its configuration: the run id (tag value, state key and
 * name prefix), the owner and the expiry the janitor reads, and the role that gets cluster access.
 */

/**
 * Lower-case letter first, then letters, digits and '-', at most 20 characters: it becomes part of
 * resource names (`<prefix>-<run id>-hub` must stay within EKS's and RDS's name limits).
 */
export const RUN_ID_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;
export const RUN_ID_ALLOWED =
  'a lower-case letter followed by up to 19 lower-case letters, digits or hyphens, e.g. r1234567890';

/** RFC 3339 in UTC without fractions, e.g. `2026-11-25T18:00:00Z`. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const RFC3339_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

export function validateRunId(runId: string): string {
  if (!RUN_ID_PATTERN.test(runId)) {
    throw new Error(`run-id: got ${JSON.stringify(runId)}; allowed: ${RUN_ID_ALLOWED}`);
  }
  return runId;
}

/**
 * The run id: the explicit one when given; in GitHub Actions `r<GITHUB_RUN_ID>`, the same for every
 * attempt of a workflow run so a re-run finds the state of the first; elsewhere `l<UTC time>`.
 */
export function resolveRunId(
  explicit: string,
  env: Readonly<Record<string, string | undefined>>,
  now: Date,
): string {
  const given = explicit.trim();
  if (given !== '') return validateRunId(given);
  const githubRunId = env.GITHUB_RUN_ID?.trim();
  if (githubRunId !== undefined && /^\d+$/.test(githubRunId)) return validateRunId(`r${githubRunId}`);
  const stamp = rfc3339(now).replace(/[-:]/g, '').replace('T', 't').replace('Z', '').toLowerCase();
  return validateRunId(`l${stamp}`);
}

/** Expiry tag for the janitor: now + ttl hours. */
export function expiresAt(now: Date, ttlHours: number): string {
  if (!(ttlHours > 0 && ttlHours <= 168))
    throw new Error(`ttl-hours: got ${ttlHours}; allowed: a number of hours above 0 and at most 168`);
  return rfc3339(new Date(now.getTime() + ttlHours * 3_600_000));
}

/** Default state key of a run. */
export function defaultStateKey(runId: string): string {
  return `mlperf/${runId}/terraform.tfstate`;
}
