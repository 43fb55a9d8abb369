/**
 * The hub Prometheus, seen from the ladder phase in two ways:
 * - k6 runners on the load cluster push to it by remote write through the internal NLB of its
 *   Service (helm/values/kube-prometheus-stack): {@link findRemoteWriteUrl} reads that address.
 * - The phase itself reads PromQL through the hub API server's service proxy with the in-job EKS
 *   token, so no Prometheus port is opened to the GitHub runner: {@link createHubPromQuery}.
 * The token is a secret: it travels only in the Authorization header and every error is redacted.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type Clock, formatDuration } from '../aws/clock.js';
import {
  type ClusterCoordinates,
  type ExpiringToken,
  isKubeNotFound,
  type KubeApi,
  redact,
  TOKEN_REFRESH_MARGIN_MS,
  type TokenRefresh,
} from '../k8s/client.js';
import { createHttpPromQuery, type PromQuery, PromQueryError } from '../prometheus/client.js';
import { HUB_PROMETHEUS, LOAD_BALANCER_POLL_MS, LOAD_BALANCER_WAIT_MS } from './settings.js';

export interface PrometheusService {
  namespace: string;
  service: string;
  portName: string;
  port: number;
}

export interface ClusterFetchOptions {
  /** Base64 PEM CA of the API server; its certificate is verified against this CA only. */
  caBase64: string;
  /** Accept a plain http:// endpoint: only for a local fake API server in tests. */
  allowInsecureHttp?: boolean;
}

/**
 * A `fetch` for the cluster's API server over node:https with the cluster's own CA (an EKS endpoint's
 * certificate is not signed by a public CA). Enough of fetch for the Prometheus client: method,
 * headers, a text or form body, an abort signal, and the answer's status and text.
 */
export function clusterFetch(options: ClusterFetchOptions): typeof fetch {
  const ca = Buffer.from(options.caBase64, 'base64').toString('utf8');
  const impl = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const secure = url.protocol === 'https:';
    if (!secure && !(url.protocol === 'http:' && options.allowInsecureHttp === true)) {
      return Promise.reject(
        new Error(`refusing ${url.protocol} to the API server: an https:// endpoint is required`),
      );
    }
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const body = init.body === undefined || init.body === null ? undefined : String(init.body);
    return new Promise<Response>((resolve, reject) => {
      const request = (secure ? httpsRequest : httpRequest)(
        url,
        {
          method: init.method ?? 'GET',
          headers,
          ...(secure ? { ca, rejectUnauthorized: true } : {}),
          ...(init.signal ? { signal: init.signal } : {}),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const type = response.headers['content-type'];
            resolve(
              new Response(Buffer.concat(chunks), {
                status: response.statusCode ?? 502,
                headers: type === undefined ? {} : { 'content-type': type },
              }),
            );
          });
        },
      );
      request.on('error', reject);
      if (body !== undefined) request.write(body);
      request.end();
    });
  };
  return impl as typeof fetch;
}

/** `<endpoint>/api/v1/namespaces/<ns>/services/http:<svc>:<port>/proxy/`: the API server's proxy to the Service. */
export function serviceProxyBaseUrl(endpoint: string, target: PrometheusService = HUB_PROMETHEUS): string {
  const base = endpoint.trim().replace(/\/+$/, '');
  return `${base}/api/v1/namespaces/${target.namespace}/services/http:${target.service}:${target.portName}/proxy/`;
}

export interface HubPromQueryOptions extends Pick<ClusterFetchOptions, 'allowInsecureHttp'> {
  target?: PrometheusService;
  timeoutMs?: number;
  /** Default: {@link clusterFetch} with the cluster's CA. */
  fetch?: typeof fetch;
  /** Renew the token before it expires (a ladder outlives an EKS token), as the Kubernetes clients do. */
  tokenRefresh?: TokenRefresh;
}

/** The token to present now: the current one until `marginMs` before its expiry, then one fresh mint. */
function tokenSource(initial: string, refresh: TokenRefresh | undefined, onToken: (token: string) => void) {
  let current: ExpiringToken | null = refresh
    ? { token: initial, expiresAt: refresh.initialExpiresAt }
    : null;
  let minting: Promise<ExpiringToken> | null = null;
  return async (): Promise<string> => {
    if (refresh === undefined || current === null) return initial;
    const now = refresh.now?.() ?? Date.now();
    const expiresAt = Date.parse(current.expiresAt);
    if (Number.isFinite(expiresAt) && now < expiresAt - (refresh.marginMs ?? TOKEN_REFRESH_MARGIN_MS)) {
      return current.token;
    }
    minting ??= refresh
      .mint()
      .then((fresh) => {
        onToken(fresh.token);
        current = fresh;
        return fresh;
      })
      .finally(() => {
        minting = null;
      });
    return (await minting).token;
  };
}

/** PromQL over the hub API server's service proxy, bearer token in the header, errors redacted. */
export function createHubPromQuery(hub: ClusterCoordinates, options: HubPromQueryOptions = {}): PromQuery {
  const secrets = [hub.token];
  const token = tokenSource(hub.token, options.tokenRefresh, (fresh) => secrets.push(fresh));
  const baseUrl = serviceProxyBaseUrl(hub.endpoint, options.target);
  const doFetch =
    options.fetch ??
    clusterFetch({
      caBase64: hub.caBase64,
      ...(options.allowInsecureHttp === undefined ? {} : { allowInsecureHttp: options.allowInsecureHttp }),
    });
  return {
    async instantQuery(expr, time) {
      try {
        // A client per query is a URL and a header: cheap, and it always carries the current token.
        const inner = createHttpPromQuery({
          baseUrl,
          headers: { authorization: `Bearer ${await token()}` },
          fetch: doFetch,
          ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        });
        return await inner.instantQuery(expr, time);
      } catch (error) {
        if (error instanceof PromQueryError) {
          throw new PromQueryError(redact(error.message, secrets), expr, error.details);
        }
        throw new PromQueryError(
          redact(error instanceof Error ? error.message : String(error), secrets),
          expr,
        );
      }
    },
  };
}

export interface RemoteWriteOptions {
  clock: Clock;
  target?: PrometheusService;
  /** How long the Service may have no load balancer address. Default {@link LOAD_BALANCER_WAIT_MS}. */
  waitMs?: number;
  pollMs?: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

interface ServiceShape {
  spec?: { type?: string; ports?: Array<{ name?: string; port?: number }> };
  status?: { loadBalancer?: { ingress?: Array<{ hostname?: string; ip?: string }> } };
}

/**
 * The remote-write URL of the hub Prometheus, `http://<NLB hostname>:<port>/api/v1/write`, read from
 * its Service; waits (bounded) for the load balancer address, then fails with the Service's events.
 */
export async function findRemoteWriteUrl(hub: KubeApi, options: RemoteWriteOptions): Promise<string> {
  const target = options.target ?? HUB_PROMETHEUS;
  const waitMs = options.waitMs ?? LOAD_BALANCER_WAIT_MS;
  const pollMs = options.pollMs ?? LOAD_BALANCER_POLL_MS;
  const where = `Service ${target.namespace}/${target.service} on the ${hub.cluster} cluster`;
  const deadline = options.clock.now() + waitMs;
  let logged = false;
  for (;;) {
    if (options.signal?.aborted) throw new Error(`aborted while waiting for the address of ${where}`);
    let service: ServiceShape;
    try {
      service = (await hub.core.readNamespacedService({
        namespace: target.namespace,
        name: target.service,
      })) as ServiceShape;
    } catch (error) {
      if (isKubeNotFound(error)) {
        throw new Error(
          `hub Prometheus: ${where} not found; the platform phase installs it (kube-prometheus-stack)`,
        );
      }
      throw new Error(`hub Prometheus: reading ${where}: ${hub.describe(error)}`);
    }
    const type = service.spec?.type ?? 'ClusterIP';
    if (type !== 'LoadBalancer') {
      throw new Error(
        `hub Prometheus: ${where} is of type ${type}; allowed: LoadBalancer (prometheus.service.type in helm/values/kube-prometheus-stack/<profile>.yaml), so the load cluster's runners can reach it`,
      );
    }
    const ingress = service.status?.loadBalancer?.ingress?.[0];
    const host = ingress?.hostname ?? ingress?.ip;
    if (host !== undefined && host !== '') {
      const port = service.spec?.ports?.find((p) => p.name === target.portName)?.port ?? target.port;
      return `http://${host}:${port}/api/v1/write`;
    }
    const left = deadline - options.clock.now();
    if (left <= 0) {
      const events = await serviceEvents(hub, target);
      throw new Error(
        [
          `hub Prometheus: ${where} has no load balancer address after ${formatDuration(waitMs)}; is the AWS Load Balancer Controller running on the hub cluster?`,
          ...events,
        ].join('\n'),
      );
    }
    if (!logged) {
      options.log?.(`waiting up to ${formatDuration(waitMs)} for the load balancer address of ${where}`);
      logged = true;
    }
    await options.clock.sleep(Math.min(pollMs, left));
  }
}

async function serviceEvents(hub: KubeApi, target: PrometheusService): Promise<string[]> {
  try {
    const list = await hub.core.listNamespacedEvent({
      namespace: target.namespace,
      fieldSelector: `involvedObject.name=${target.service}`,
    });
    return (list.items ?? [])
      .slice(-5)
      .map((e) =>
        `- event ${e.type ?? ''} ${e.reason ?? ''}: ${e.message ?? ''}`.replace(/\s+/g, ' ').trim(),
      );
  } catch (error) {
    return [`- reading the Service's events failed: ${hub.describe(error)}`];
  }
}
