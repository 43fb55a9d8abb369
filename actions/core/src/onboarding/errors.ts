/**
 * Failures of the admin APIs, kept as data: which call (method and path), the HTTP status and the
 * FSPIOP error the service answered with. Request bodies are never part of an error; a response that
 * is not an FSPIOP error contributes at most a short, single-line excerpt.
 */

/** The FSPIOP `errorInformation` of a response, when it has one. */
export interface FspiopErrorInfo {
  errorCode: string;
  errorDescription: string;
}

const EXCERPT_LIMIT = 160;

/** Reads `{errorInformation: {errorCode, errorDescription}}` (or a bare `{errorCode, …}`) from a body. */
export function parseFspiopError(body: string): FspiopErrorInfo | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  const info = (
    typeof record.errorInformation === 'object' && record.errorInformation !== null
      ? record.errorInformation
      : record
  ) as Record<string, unknown>;
  const code = info.errorCode;
  if (typeof code !== 'string' && typeof code !== 'number') return undefined;
  const description = typeof info.errorDescription === 'string' ? info.errorDescription : '';
  return { errorCode: String(code), errorDescription: description };
}

/** A short single-line excerpt of a response body for messages (never the whole body). */
export function excerpt(body: string, limit = EXCERPT_LIMIT): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length <= limit ? line : `${line.slice(0, limit - 1)}…`;
}

/** One admin call that did not succeed: HTTP status 0 means no response (network failure). */
export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly fspiopError: FspiopErrorInfo | undefined;
  /** Excerpt of a non-FSPIOP response, or the network error, for the message. */
  readonly detail: string;

  constructor(init: { method: string; path: string; status: number; body?: string; cause?: unknown }) {
    const fspiopError = init.body === undefined ? undefined : parseFspiopError(init.body);
    const detail =
      init.status === 0
        ? init.cause instanceof Error
          ? causeMessage(init.cause)
          : 'no response'
        : fspiopError
          ? ''
          : excerpt(init.body ?? '');
    super(`${init.method} ${init.path} → ${describeAnswer(init.status, fspiopError, detail)}`, {
      cause: init.cause,
    });
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.fspiopError = fspiopError;
    this.detail = detail;
  }
}

function causeMessage(error: Error): string {
  const inner = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${inner}`;
}

function describeAnswer(status: number, error: FspiopErrorInfo | undefined, detail: string): string {
  if (status === 0) return `no response (${detail})`;
  if (error) return `HTTP ${status}, FSPIOP ${error.errorCode} "${error.errorDescription}"`;
  return detail === '' ? `HTTP ${status}` : `HTTP ${status}: ${detail}`;
}

/**
 * Onboarding stopped: names the subject (the hub or a DFSP), the step in words, the call and the
 * answer, e.g. `perffsp3: set initial position and limits: POST /participants/perffsp3/initialPositionAndLimits
 * → HTTP 400, FSPIOP 3101 "Malformed syntax - …"`.
 */
export class OnboardingError extends Error {
  override readonly name = 'OnboardingError';
  /** `hub` or the DFSP id. */
  readonly subject: string;
  readonly step: string;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly status: number | undefined;
  readonly fspiopError: FspiopErrorInfo | undefined;

  constructor(subject: string, step: string, reason: AdminApiError | OnboardingFailure) {
    super(`${subject}: ${step}: ${reason.message}`, {
      cause: reason instanceof AdminApiError ? reason : undefined,
    });
    this.subject = subject;
    this.step = step;
    this.method = reason.method;
    this.path = reason.path;
    this.status = reason.status;
    this.fspiopError = reason.fspiopError;
  }
}

/** A failure found by onboarding itself rather than answered by an API (e.g. a missing account). */
export interface OnboardingFailure {
  message: string;
  method?: string;
  path?: string;
  status?: number;
  fspiopError?: FspiopErrorInfo;
}

/** DFSPs of a fleet failed; each failure is kept, with the DFSPs that did complete. */
export class FleetOnboardingError extends Error {
  override readonly name = 'FleetOnboardingError';
  readonly failures: OnboardingError[];
  readonly succeeded: string[];

  constructor(failures: OnboardingError[], total: number, succeeded: string[]) {
    super(
      [
        `onboarding failed for ${failures.length} of ${total} DFSPs:`,
        ...failures.map((f) => `  ${f.message}`),
      ].join('\n'),
    );
    this.failures = failures;
    this.succeeded = succeeded;
  }
}
