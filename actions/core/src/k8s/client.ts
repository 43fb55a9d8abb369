/**
 * Kubernetes clients from cluster coordinates: the API endpoint, the base64 certificate authority
 * and a bearer token, exactly what the provision action outputs (`<hub|load>-cluster-endpoint`,
 * `-cluster-ca`, `-token`). No kubeconfig file is written or read.
 *
 * The token is a secret: every message this module builds passes through {@link KubeApi.describe},
 * which replaces the token (and any `Authorization` header value) with `***`.
 */
import {
  type ApiException,
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';

export interface ClusterCoordinates {
  /** API server URL, `https://…` (the provision action's `<cluster>-cluster-endpoint`). */
  endpoint: string;
  /** Base64 PEM certificate authority (`<cluster>-cluster-ca`). */
  caBase64: string;
  /** Bearer token (`<cluster>-token`, or a fresh `createEksToken`). Never logged. */
  token: string;
  /** A label for messages and the kubeconfig entries, e.g. `hub` or `load`. Default `cluster`. */
  name?: string;
}

export interface KubeConfigOptions {
  /**
   * Accept a plain `http://` endpoint (no TLS at all). Only for a local fake API server in tests;
   * an EKS endpoint is always https and verified against the CA.
   */
  allowInsecureHttp?: boolean;
  /**
   * Mint a new token shortly before the current one expires. An EKS token is good for about 15
   * minutes, while the ladder phase talks to its clusters for hours; without this every call after
   * the first quarter hour would get 401.
   */
  tokenRefresh?: TokenRefresh;
}

/** A bearer token and when to stop presenting it. */
export interface ExpiringToken {
  token: string;
  /** RFC 3339. */
  expiresAt: string;
}

export interface TokenRefresh {
  /** Mints a fresh token, e.g. with `createEksToken` (and masks it in the job log). */
  mint: () => Promise<ExpiringToken>;
  /** When `coordinates.token` stops being good (RFC 3339). */
  initialExpiresAt: string;
  /** Mint this long before the expiry. Default {@link TOKEN_REFRESH_MARGIN_MS}. */
  marginMs?: number;
  /** Epoch ms; injectable for tests. */
  now?: () => number;
}

/** One minute of margin: a poll that starts just before expiry still reaches the API server in time. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

/** The auth-provider name of the user whose token {@link TokenRefresh} keeps fresh. */
const REFRESHING_PROVIDER = 'mlperf-refreshing-token';

/**
 * client-node's extension point for credentials that change (`KubeConfig.addAuthenticator`): it asks
 * the authenticator for the header on every request. Concurrent requests share one mint.
 */
class RefreshingTokenAuthenticator {
  private current: ExpiringToken;
  private minting: Promise<ExpiringToken> | null = null;

  constructor(
    initialToken: string,
    private readonly refresh: TokenRefresh,
    private readonly onToken: (token: string) => void,
  ) {
    this.current = { token: initialToken, expiresAt: refresh.initialExpiresAt };
  }

  isAuthProvider(user: { authProvider?: { name?: string } }): boolean {
    return user.authProvider?.name === REFRESHING_PROVIDER;
  }

  async applyAuthentication(_user: unknown, opts: { headers?: Record<string, unknown> }): Promise<void> {
    const token = await this.token();
    opts.headers = { ...(opts.headers ?? {}), Authorization: `Bearer ${token}` };
  }

  private async token(): Promise<string> {
    const now = this.refresh.now?.() ?? Date.now();
    const margin = this.refresh.marginMs ?? TOKEN_REFRESH_MARGIN_MS;
    const expiresAt = Date.parse(this.current.expiresAt);
    if (Number.isFinite(expiresAt) && now < expiresAt - margin) return this.current.token;
    if (this.minting === null) {
      this.minting = this.refresh
        .mint()
        .then((fresh) => {
          this.onToken(fresh.token);
          this.current = fresh;
          return fresh;
        })
        .finally(() => {
          this.minting = null;
        });
    }
    return (await this.minting).token;
  }
}

/**
 * A KubeConfig with one cluster, one token user and one current context; nothing on disk. With
 * `options.tokenRefresh` the user's token is renewed before it expires; `onToken` sees every new one
 * (so callers can redact it).
 */
export function kubeConfigFromCluster(
  coordinates: ClusterCoordinates,
  options: KubeConfigOptions = {},
  onToken: (token: string) => void = () => {},
): KubeConfig {
  const name = coordinates.name ?? 'cluster';
  const endpoint = coordinates.endpoint.trim();
  const http = endpoint.startsWith('http://');
  if (!endpoint.startsWith('https://') && !(http && options.allowInsecureHttp === true)) {
    throw new Error(`${name} cluster endpoint must be an https:// URL, got ${JSON.stringify(endpoint)}`);
  }
  if (coordinates.token.trim() === '') throw new Error(`${name} cluster token is empty`);
  if (!http && coordinates.caBase64.trim() === '') {
    throw new Error(`${name} cluster certificate authority is empty`);
  }
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name,
        server: endpoint,
        ...(http ? { skipTLSVerify: true } : { caData: coordinates.caBase64.trim(), skipTLSVerify: false }),
      },
    ],
    users: [
      options.tokenRefresh === undefined
        ? { name: `${name}-token`, token: coordinates.token }
        : { name: `${name}-token`, authProvider: { name: REFRESHING_PROVIDER, config: {} } },
    ],
    contexts: [{ name, cluster: name, user: `${name}-token` }],
    currentContext: name,
  });
  if (options.tokenRefresh !== undefined) {
    kc.addAuthenticator(new RefreshingTokenAuthenticator(coordinates.token, options.tokenRefresh, onToken));
  }
  return kc;
}

/** The typed API groups the k8s module uses, plus a redactor for messages. */
export interface KubeApi {
  /** Label of the cluster for messages (`hub`, `load`). */
  cluster: string;
  core: CoreV1Api;
  apps: AppsV1Api;
  batch: BatchV1Api;
  custom: CustomObjectsApi;
  /** A one-line message of an error or text with every secret replaced by `***`. */
  describe(error: unknown): string;
}

/** Clients for one cluster. Pass `kubeConfig` to reuse one; otherwise built from coordinates. */
export function createKubeApi(coordinates: ClusterCoordinates, options: KubeConfigOptions = {}): KubeApi {
  const secrets = [coordinates.token];
  const kc = kubeConfigFromCluster(coordinates, options, (token) => secrets.push(token));
  return {
    cluster: coordinates.name ?? 'cluster',
    core: kc.makeApiClient(CoreV1Api),
    apps: kc.makeApiClient(AppsV1Api),
    batch: kc.makeApiClient(BatchV1Api),
    custom: kc.makeApiClient(CustomObjectsApi),
    describe: (error) => redact(kubeErrorMessage(error), secrets),
  };
}

/** Replace each secret and any `Bearer …` value in `text` with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('***');
  }
  return out.replace(/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1***');
}

function isApiException(error: unknown): error is ApiException<unknown> {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number';
}

/** HTTP status of a client error, or `null` when it is not an API response. */
export function kubeStatusCode(error: unknown): number | null {
  return isApiException(error) ? error.code : null;
}

export const isKubeNotFound = (error: unknown): boolean => kubeStatusCode(error) === 404;

/**
 * A short message: for an API error the status code and the Status object's `reason`/`message`
 * (the response headers the client appends are dropped); otherwise the error's message.
 */
export function kubeErrorMessage(error: unknown): string {
  if (isApiException(error)) {
    let body: unknown = error.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        // keep the text
      }
    }
    if (typeof body === 'object' && body !== null) {
      const status = body as { reason?: unknown; message?: unknown };
      const parts = [status.reason, status.message].filter(
        (p): p is string => typeof p === 'string' && p !== '',
      );
      if (parts.length > 0) return `HTTP ${error.code}: ${parts.join(': ')}`;
    }
    if (typeof body === 'string' && body !== '') return `HTTP ${error.code}: ${body.slice(0, 300)}`;
    // No body (e.g. 401): the client's own message line, never its header dump.
    const line = /^Message: (.*)$/m.exec(error.message)?.[1]?.trim();
    return line ? `HTTP ${error.code}: ${line}` : `HTTP ${error.code}`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
