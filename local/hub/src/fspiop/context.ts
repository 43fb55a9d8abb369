/**
 * What the FSPIOP handlers share: the hub's state, and the two ways a message leaves the hub —
 * forwarded unchanged (a DFSP's signed message to its counterparty) or originated and signed by the
 * hub as `FSPIOP-Source: <hubFspId>` (errors, notifications, state answers).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Oracle } from '../als.js';
import type { CallbackClient, CallbackResult, CompiledEndpoint } from '../callbacks.js';
import type { HubConfig } from '../config.js';
import type { JwsSigner } from '../jws.js';
import type { Ledger } from '../ledger.js';
import type { Logger } from '../log.js';
import type { HubMetrics } from '../metrics.js';
import type { EndpointType, Participants } from '../participants.js';
import { describe, type ErrorBody, type ErrorCodeSpec } from './errors.js';
import { forwardHeaders, type OutgoingHeaders, originatedHeaders, type Resource } from './headers.js';

export interface FspiopContext {
  config: HubConfig;
  participants: Participants;
  ledger: Ledger;
  oracle: Oracle;
  metrics: HubMetrics;
  callbacks: CallbackClient;
  signer: JwsSigner;
  clock: () => number;
  log: Logger;
}

/** A validated inbound FSPIOP request. */
export interface Inbound {
  method: string;
  path: string;
  /** Decoded path parameters after the resource name. */
  params: string[];
  headers: IncomingHttpHeaders;
  source: string;
  destination: string | undefined;
  version: string;
  body: Buffer;
  /** The parsed body (a JSON object), undefined for GET. */
  json: Record<string, unknown> | undefined;
}

/** What the pipeline answers, and the work to do once it has answered. */
export interface Accepted {
  status: 200 | 202;
  after?: () => Promise<void>;
}

/**
 * `{status, after}`. Built here rather than as an object literal with an inline arrow: the hub runs
 * through tsx, whose esbuild `keepNames` wraps every function literal under a property name in a
 * `__name` call, a `defineProperty` per request (measured with local/bench/hub-cost.ts).
 */
export function accepted(status: 200 | 202, after?: () => Promise<void>): Accepted {
  return after ? { status, after } : { status };
}

export interface Target {
  endpoint: CompiledEndpoint;
  path: string;
}

function record(ctx: FspiopContext, result: CallbackResult): CallbackResult {
  ctx.metrics.callback(result.ok ? 'ok' : result.status ? 'http_error' : 'transport_error');
  return result;
}

/** The callback target of a participant for an endpoint type, or undefined when not registered. */
export function target(
  ctx: FspiopContext,
  fspId: string,
  type: EndpointType,
  vars?: Readonly<Record<string, string>>,
  suffix?: string,
): Target | undefined {
  const endpoint = ctx.participants.endpoint(fspId, type);
  return endpoint ? { endpoint, path: endpoint.path(vars, suffix) } : undefined;
}

/** Forwards a DFSP's message with its FSPIOP headers (signature included) unchanged. */
export async function forward(
  ctx: FspiopContext,
  to: Target,
  inbound: Inbound,
  overrides?: OutgoingHeaders,
): Promise<CallbackResult> {
  const headers = forwardHeaders(inbound.headers);
  if (overrides) Object.assign(headers, overrides);
  const result = await ctx.callbacks.send({
    endpoint: to.endpoint,
    path: to.path,
    method: inbound.method,
    headers,
    body: inbound.method === 'GET' ? undefined : inbound.body,
  });
  return record(ctx, result);
}

export interface Originated {
  to: Target;
  method: 'PUT' | 'PATCH';
  resource: Resource;
  version: string;
  /** The FSPIOP-URI, e.g. `/transfers/<id>/error`. */
  uri: string;
  destination: string;
  body: unknown;
}

/** Sends a message the hub originates, signed with the hub's key. */
export async function originate(ctx: FspiopContext, message: Originated): Promise<CallbackResult> {
  const body = Buffer.from(JSON.stringify(message.body), 'utf8');
  const source = ctx.config.hubFspId;
  const date = new Date(ctx.clock()).toUTCString();
  const headers = originatedHeaders({
    resource: message.resource,
    version: message.version,
    source,
    destination: message.destination,
    uri: message.uri,
    method: message.method,
    date,
  });
  headers['fspiop-signature'] = await ctx.signer.sign(
    { uri: message.uri, method: message.method, source, destination: message.destination, date },
    body,
  );
  const result = await ctx.callbacks.send({
    endpoint: message.to.endpoint,
    path: message.to.path,
    method: message.method,
    headers,
    body,
  });
  return record(ctx, result);
}

export function errorPayload(code: ErrorCodeSpec, detail?: string): ErrorBody {
  return { errorInformation: { errorCode: code.code, errorDescription: describe(code, detail) } };
}

/** A short account of a failed delivery, for a 1001 description. */
export function deliveryDetail(fspId: string, result: CallbackResult): string {
  if (result.status) {
    const cause = result.errorCode ? ` (${result.errorCode} ${result.errorDescription ?? ''})` : '';
    return `${fspId} answered HTTP ${result.status}${cause}`;
  }
  return `${fspId} unreachable: ${result.error ?? 'unknown error'}`;
}
