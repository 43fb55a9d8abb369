/**
 * AWS failures turned into messages a pipeline reader can act on. Every SDK call in the core goes
 * through `callAws(action, …)` with the IAM action it needs (`ec2:DescribeInstances`), so a denied
 * call names the missing permission instead of dumping a stack trace.
 */

/** Error names the SDK gives to "you are not allowed to do this" across protocols. */
const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'AuthorizationError',
  'AuthorizationErrorException',
]);

/** Error names that mean the credentials themselves are missing, expired or invalid. */
const BAD_CREDENTIALS = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'AuthFailure',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'CredentialsProviderError',
]);

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);

const MESSAGE_LIMIT = 300;

/** The error code of an SDK error (its `name`), or undefined for anything that is not one. */
export function awsErrorCode(error: unknown): string | undefined {
  if (error instanceof AwsAccessDeniedError || error instanceof AwsCallError) return error.code;
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { name?: unknown; Code?: unknown; code?: unknown };
  for (const candidate of [record.name, record.Code, record.code]) {
    if (typeof candidate === 'string' && candidate !== '' && candidate !== 'Error') return candidate;
  }
  return undefined;
}

export function isAccessDenied(error: unknown): boolean {
  const code = awsErrorCode(error);
  return code !== undefined && ACCESS_DENIED.has(code);
}

export function isThrottling(error: unknown): boolean {
  const code = awsErrorCode(error);
  return code !== undefined && THROTTLING.has(code);
}

/** True for "it does not exist" errors, which deletes and describes treat as already gone. */
export function isNotFound(error: unknown): boolean {
  const code = awsErrorCode(error) ?? '';
  return (
    code === 'ResourceNotFoundException' ||
    code === 'LoadBalancerNotFoundException' ||
    code === 'AccessPointNotFoundException' ||
    code === 'LoadBalancerNotFound' ||
    code === 'NoSuchEntity' ||
    /\.NotFound$/.test(code) ||
    /^Invalid[A-Za-z]*ID\.NotFound$/.test(code)
  );
}

/** First line of the service's message, trimmed to a readable length. */
function serviceMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const firstLine = raw.split(/\r?\n/)[0]?.trim() ?? '';
  return firstLine.length > MESSAGE_LIMIT ? `${firstLine.slice(0, MESSAGE_LIMIT)}…` : firstLine;
}

function attemptsOf(error: unknown): number | undefined {
  const metadata = (error as { $metadata?: { attempts?: unknown } } | null)?.$metadata;
  return typeof metadata?.attempts === 'number' ? metadata.attempts : undefined;
}

/** A call refused for lack of an IAM permission: names the action and the permission to grant. */
export class AwsAccessDeniedError extends Error {
  override readonly name = 'AwsAccessDeniedError';
  constructor(
    /** The IAM action that was refused, e.g. `ec2:DescribeInstances`. */
    readonly action: string,
    /** The error code AWS returned, e.g. `UnauthorizedOperation`. */
    readonly code: string,
    detail: string,
  ) {
    super(
      `AWS denied ${action} (${code}). Grant the pipeline role the IAM permission "${action}" and run again.` +
        (detail === '' ? '' : ` AWS said: ${detail}`),
    );
  }
}

/** Any other failed AWS call, named by its action, with the code and the attempts made. */
export class AwsCallError extends Error {
  override readonly name = 'AwsCallError';
  constructor(
    readonly action: string,
    readonly code: string | undefined,
    detail: string,
    readonly attempts: number | undefined,
  ) {
    const what = code === undefined ? 'failed' : `failed with ${code}`;
    const tries = attempts !== undefined && attempts > 1 ? ` after ${attempts} attempts` : '';
    const hint =
      code !== undefined && BAD_CREDENTIALS.has(code) ? ' Check the AWS credentials of this job.' : '';
    super(`${action} ${what}${tries}: ${detail}${hint}`);
  }
}

/** Wraps an already-caught SDK error with the action it came from. */
export function describeAwsFailure(action: string, error: unknown): AwsAccessDeniedError | AwsCallError {
  if (error instanceof AwsAccessDeniedError || error instanceof AwsCallError) return error;
  const code = awsErrorCode(error);
  if (code !== undefined && ACCESS_DENIED.has(code)) {
    return new AwsAccessDeniedError(action, code, serviceMessage(error));
  }
  return new AwsCallError(action, code, serviceMessage(error), attemptsOf(error));
}

/**
 * Runs one SDK call. Retries (throttling, transient faults) happen inside the SDK client per its
 * retry configuration; what escapes is rethrown as an error naming `action`.
 */
export async function callAws<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw describeAwsFailure(action, error);
  }
}

/** Like callAws, but "not found" resolves to `fallback` instead of failing. */
export async function callAwsOr<T>(action: string, fallback: T, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isNotFound(error)) return fallback;
    throw describeAwsFailure(action, error);
  }
}
