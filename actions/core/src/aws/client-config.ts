/**
 * One configuration for every AWS SDK client the pipeline builds. Throttling and transient faults
 * are retried by the SDK itself (its standard or adaptive retry strategy with `maxAttempts`), so
 * the core never writes its own retry loop around an API call.
 */

export type AwsRetryMode = 'standard' | 'adaptive';

/** Static credentials; in the pipeline they come from OIDC role assumption via the default chain. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

export interface AwsClientSettings {
  region: string;
  /** Total attempts per call, the first included (SDK `maxAttempts`). Default 6. */
  maxAttempts?: number;
  /** SDK retry mode. Default `standard`; `adaptive` adds client-side rate limiting after throttling. */
  retryMode?: AwsRetryMode;
  /** Endpoint override, e.g. a loopback fake in tests. Unset in the pipeline. */
  endpoint?: string;
  /** Credentials override; unset means the SDK's default provider chain. */
  credentials?: AwsCredentials;
}

export const DEFAULT_MAX_ATTEMPTS = 6;
export const DEFAULT_RETRY_MODE: AwsRetryMode = 'standard';

/** The constructor configuration shared by all SDK v3 clients (`new EC2Client(awsClientConfig(…))`). */
export interface AwsClientConfig {
  region: string;
  maxAttempts: number;
  retryMode: AwsRetryMode;
  endpoint?: string;
  credentials?: AwsCredentials;
}

export function awsClientConfig(settings: AwsClientSettings): AwsClientConfig {
  const maxAttempts = settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new Error(`maxAttempts must be a whole number ≥ 1, got ${maxAttempts}`);
  }
  return {
    region: settings.region,
    maxAttempts,
    retryMode: settings.retryMode ?? DEFAULT_RETRY_MODE,
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
    ...(settings.credentials === undefined ? {} : { credentials: settings.credentials }),
  };
}
