/**
 * The key-existence rule for Helm values: every key path we set must exist in the chart's own
 * values.yaml at the version we pin, so a misspelt or moved key fails before install instead of being
 * silently ignored by Helm. Used by the static test of the vendored charts (tools/lib/helm-values.ts)
 * and by the mojaloop phase against the pinned chart it pulls (`helm pull --version <pin>`) before it
 * installs.
 *
 * The rule:
 * - a key must exist in the upstream map at the same place;
 * - upstream `{}` or an empty value (`key:` / `null`) is an open slot: anything may be set below it
 *   (`nodeSelector: {}`, `annotations: {}`, `replicaCount:`);
 * - the Kubernetes string maps in {@link FREE_FORM_KEYS} are open slots even when upstream fills them
 *   with a default (cert-manager's `nodeSelector: {kubernetes.io/os: linux}`): their keys are label or
 *   annotation names, not chart settings;
 * - a list replaces the upstream list wholesale, so its items are not checked; upstream must be a list
 *   (or an open slot) there;
 * - a map may not replace an upstream scalar or list, and a scalar or list may not replace an upstream
 *   map that has keys (the chart's templates would read fields that are no longer there);
 * - scalar types are not compared (charts quote and coerce freely);
 * - a subchart's own keys count only where the values document spells them out.
 * Keys that only appear in upstream comments (`# maxSize: 100000`) do not count: they are not defaults.
 */

export interface KeyProblem {
  /** Dot path of the key we set. */
  path: string;
  reason: string;
}

type Plain = Record<string, unknown>;

function isMap(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (isMap(value)) return Object.keys(value).length === 0 ? 'an empty map' : 'a map';
  return `a scalar (${JSON.stringify(value)})`;
}

/** Label/annotation maps: any key may be added below them (see the rule above). */
export const FREE_FORM_KEYS: ReadonlySet<string> = new Set([
  'nodeSelector',
  'annotations',
  'labels',
  'podAnnotations',
  'podLabels',
  'selectorLabels',
]);

function isOpen(upstream: unknown): boolean {
  return (
    upstream === null || upstream === undefined || (isMap(upstream) && Object.keys(upstream).length === 0)
  );
}

function join(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

/** Every key path in `ours` that the rule above rejects against `upstream`. */
export function findUnknownKeys(ours: unknown, upstream: unknown, base = ''): KeyProblem[] {
  if (isOpen(upstream)) return [];
  if (isMap(ours)) {
    if (!isMap(upstream))
      return [{ path: base, reason: `we set a map where upstream has ${kind(upstream)}` }];
    const problems: KeyProblem[] = [];
    for (const [key, value] of Object.entries(ours)) {
      const at = join(base, key);
      if (!Object.hasOwn(upstream, key)) {
        problems.push({ path: at, reason: 'no such key upstream' });
        continue;
      }
      if (FREE_FORM_KEYS.has(key) && isMap(value) && isMap(upstream[key])) continue;
      problems.push(...findUnknownKeys(value, upstream[key], at));
    }
    return problems;
  }
  if (Array.isArray(ours)) {
    return Array.isArray(upstream)
      ? []
      : [{ path: base, reason: `we set a list where upstream has ${kind(upstream)}` }];
  }
  if (isMap(upstream) || Array.isArray(upstream)) {
    return [{ path: base, reason: `we set a scalar where upstream has ${kind(upstream)}` }];
  }
  return [];
}
