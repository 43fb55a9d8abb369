/**
 * `terraform destroy`, retried when AWS refuses a delete because something still depends on the
 * resource. That happens when Kubernetes-made resources outlive the step that removed them (a
 * network interface still detaching, a security group still referenced) and clears after a wait.
 * Any other failure stops at once: retrying it would only hide the cause.
 */
import { type Clock, formatDuration } from '../aws/clock.js';
import { stripAnsi, type Terraform, TerraformError } from './cli.js';

const DEPENDENCY_PATTERNS = [
  /DependencyViolation/,
  /has dependencies and cannot be deleted/,
  /has a dependent object/,
  /InvalidGroup\.InUse/,
  /ResourceInUseException/,
];

/** True when a failed destroy's output shows a dependency error worth a retry. */
export function isDependencyError(output: string): boolean {
  const text = stripAnsi(output);
  return DEPENDENCY_PATTERNS.some((pattern) => pattern.test(text));
}

export interface DestroyRetryOptions {
  clock: Clock;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Wait before the second attempt; doubles each time, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Runs before each retry, e.g. to delete what the last attempt tripped over. */
  beforeRetry?: (attempt: number) => Promise<void>;
  log?: (line: string) => void;
}

export const DEFAULT_DESTROY_RETRY: Omit<DestroyRetryOptions, 'clock'> = {
  maxAttempts: 4,
  baseDelayMs: 30_000,
  maxDelayMs: 240_000,
};

/** Returns the number of attempts it took. */
export async function destroyWithRetries(
  terraform: Pick<Terraform, 'destroy'>,
  varFile: string,
  options: DestroyRetryOptions,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      await terraform.destroy(varFile);
      return attempt;
    } catch (error) {
      const retryable = error instanceof TerraformError && isDependencyError(error.output);
      if (!retryable || attempt >= options.maxAttempts) {
        if (retryable && error instanceof Error) {
          error.message = `${error.message}\n(gave up after ${attempt} attempts on dependency errors)`;
        }
        throw error;
      }
      const delay = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      options.log?.(
        `terraform destroy attempt ${attempt} hit a dependency error; retrying in ${formatDuration(delay)} (attempt ${attempt + 1} of ${options.maxAttempts})`,
      );
      await options.clock.sleep(delay);
      await options.beforeRetry?.(attempt);
    }
  }
}
