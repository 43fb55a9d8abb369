/**
 * The verified security posture as data for the report. Each control is judged only from probe
 * evidence: `proven` when every probe of it was rejected for the expected reason, `failed` when a
 * probe shows the hub let the forbidden message through, `not-proven` otherwise (a probe could not
 * run, or the hub's answer did not show why it refused) — never `proven` by default.
 */

export const CONTROLS = ['mtls', 'jwsValidation', 'ilp', 'expiry'] as const;
export type ControlName = (typeof CONTROLS)[number];

export const CONTROL_LABELS: Record<ControlName, string> = {
  mtls: 'mutual TLS',
  jwsValidation: 'JWS validation',
  ilp: 'ILP fulfilment check',
  expiry: 'transfer expiry',
};

export const PROBES = [
  'no-client-certificate',
  'certificate-source-mismatch',
  'unsigned-request',
  'tampered-body',
  'foreign-signature',
  'wrong-fulfilment',
  'expired-at-prepare',
  'late-fulfilment',
] as const;
export type ProbeName = (typeof PROBES)[number];

export const PROBE_CONTROL: Record<ProbeName, ControlName> = {
  'no-client-certificate': 'mtls',
  'certificate-source-mismatch': 'mtls',
  'unsigned-request': 'jwsValidation',
  'tampered-body': 'jwsValidation',
  'foreign-signature': 'jwsValidation',
  'wrong-fulfilment': 'ilp',
  'expired-at-prepare': 'expiry',
  'late-fulfilment': 'expiry',
};

/**
 * - `rejected`: refused for the expected reason (the probe passed);
 * - `accepted`: the hub let it through (evidence the control is absent);
 * - `inconclusive`: it ran, but the answer does not show the control at work;
 * - `not-run`: it could not run (the observation says why).
 */
export type ProbeOutcome = 'rejected' | 'accepted' | 'inconclusive' | 'not-run';

export interface ProbeResult {
  name: ProbeName;
  control: ControlName;
  /** What a hub with the control does. */
  expected: string;
  /** What this hub did (no headers, keys or bodies). */
  observed: string;
  outcome: ProbeOutcome;
  /** True only for `rejected`. */
  passed: boolean;
}

export type ControlStatus = 'proven' | 'failed' | 'not-proven';

export interface ControlPosture {
  status: ControlStatus;
  evidence: string;
  probes: ProbeResult[];
}

/** The valid transfer every negative probe is measured against. */
export interface BaselineResult {
  /** The hub answered at all (an HTTP status on the prepare). */
  reachedHub: boolean;
  /** The hub delivered the prepare to the payee probe DFSP. */
  forwarded: boolean;
  /** The payer probe DFSP was told the transfer is COMMITTED. */
  committed: boolean;
  observed: string;
}

export interface SecurityPosture {
  hubUrl: string;
  checkedAt: string;
  baseline: BaselineResult;
  controls: Record<ControlName, ControlPosture>;
}

export function probeResult(
  name: ProbeName,
  expected: string,
  outcome: ProbeOutcome,
  observed: string,
): ProbeResult {
  return { name, control: PROBE_CONTROL[name], expected, observed, outcome, passed: outcome === 'rejected' };
}

/** Judges one control from its probes' results. */
export function aggregateControl(probes: readonly ProbeResult[]): ControlPosture {
  const list = [...probes];
  if (list.length === 0) {
    return { status: 'not-proven', evidence: 'no probe of this control was run', probes: list };
  }
  const line = (p: ProbeResult) => `${p.name}: ${p.observed}`;
  const accepted = list.filter((p) => p.outcome === 'accepted');
  if (accepted.length > 0) {
    return {
      status: 'failed',
      evidence: accepted.map((p) => `${line(p)} (expected: ${p.expected})`).join('; '),
      probes: list,
    };
  }
  const open = list.filter((p) => !p.passed);
  if (open.length > 0) {
    return { status: 'not-proven', evidence: open.map(line).join('; '), probes: list };
  }
  return {
    status: 'proven',
    evidence: `${list.length === 1 ? 'the probe was' : `all ${list.length} probes were`} rejected as expected: ${list.map(line).join('; ')}`,
    probes: list,
  };
}

/** Groups probe results by control and judges each control (controls without probes are not-proven). */
export function buildPosture(
  hubUrl: string,
  baseline: BaselineResult,
  results: readonly ProbeResult[],
  checkedAt: Date = new Date(),
): SecurityPosture {
  const controls = {} as Record<ControlName, ControlPosture>;
  for (const control of CONTROLS)
    controls[control] = aggregateControl(results.filter((r) => r.control === control));
  return { hubUrl, checkedAt: checkedAt.toISOString(), baseline, controls };
}

/** One line per control, for logs and summaries: `mutual TLS: proven — …`. */
export function formatPosture(posture: SecurityPosture): string[] {
  return CONTROLS.map(
    (c) => `${CONTROL_LABELS[c]}: ${posture.controls[c].status} — ${posture.controls[c].evidence}`,
  );
}
