/**
 * The FSPIOP port's request pipeline. Synchronous refusals are answered with the HTTP status of their
 * code and an FSPIOP error body (no callback: nothing about the sender is trusted yet), in this order:
 *
 *   route (3002 / 405 3000 / 501 2002) → headers (3102 / 3101 / 3001) → mutual-TLS identity: the client
 *   certificate must name FSPIOP-Source (3100) → body size (3104) → JWS over the raw body, every
 *   method but GET (3105) → JSON (3101) → FSPIOP-Source a registered active participant (3200) →
 *   message checks (3102 / 3101 / 3100)
 *
 * then 202 (POST, GET) or 200 (PUT) with an empty body — what SDK 18's client insists on — and the
 * handler's asynchronous work (routing, ledger, callbacks).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, pathSegments, readBody, sendEmpty, sendError, sendUnexpected } from '../http.js';
import type { JwsVerifier } from '../jws.js';
import type { RejectReason } from '../metrics.js';
import { peerNames } from '../tls.js';
import type { Accepted, FspiopContext, Inbound } from './context.js';
import { Codes, FspiopError } from './errors.js';
import { type Resource, validateHeaders } from './headers.js';
import { getParty, putParty } from './parties.js';
import { getQuote, postQuote, putQuote } from './quotes.js';
import { parseBody } from './schemas.js';
import { getTransfer, postTransfer, putTransfer, putTransferError } from './transfers.js';

/** FSPIOP messages are small; the API caps headers at 64 KiB and ILP packets at 32 KiB. */
const BODY_LIMIT = 256 * 1024;

type Handler = (ctx: FspiopContext, inbound: Inbound) => Accepted;

interface Route {
  resource: Resource;
  handler: Handler;
  params: string[];
}

/** Resources of the API the emulator does not serve (answered 501, not 404). */
const NOT_EMULATED = new Set([
  'participants',
  'transactionRequests',
  'authorizations',
  'transactions',
  'bulkQuotes',
  'bulkTransfers',
  'fxQuotes',
  'fxTransfers',
  'services',
]);

// Handlers with their flag bound once (not a closure per request).
const putPartyAnswer: Handler = (c, i) => putParty(c, i, false);
const putPartyError: Handler = (c, i) => putParty(c, i, true);
const putQuoteAnswer: Handler = (c, i) => putQuote(c, i, false);
const putQuoteError: Handler = (c, i) => putQuote(c, i, true);

function notAllowed(): never {
  throw new FspiopError(Codes.METHOD_NOT_ALLOWED);
}

function decodeAll(segments: string[]): string[] {
  try {
    return segments.map((s) => decodeURIComponent(s));
  } catch {
    throw new FspiopError(Codes.MALFORMED_SYNTAX, 'URI path parameter is not valid');
  }
}

/** Maps method and path to a handler, or throws the refusal. */
export function resolveRoute(method: string, segments: string[]): Route {
  const [resource, ...rest] = segments;
  const n = rest.length;
  if (resource === 'parties') {
    if (n === 2) {
      if (method === 'GET') return { resource, handler: getParty, params: decodeAll(rest) };
      if (method === 'PUT') return { resource, handler: putPartyAnswer, params: decodeAll(rest) };
      notAllowed();
    }
    if (n === 3 && rest[2] === 'error') {
      if (method === 'PUT') {
        return { resource, handler: putPartyError, params: decodeAll(rest.slice(0, 2)) };
      }
      notAllowed();
    }
    if (n === 3 || n === 4) throw new FspiopError(Codes.NOT_IMPLEMENTED, 'party sub-ids are not emulated');
  }
  if (resource === 'quotes') {
    if (n === 0) {
      if (method === 'POST') return { resource, handler: postQuote, params: [] };
      notAllowed();
    }
    if (n === 1) {
      if (method === 'PUT') return { resource, handler: putQuoteAnswer, params: decodeAll(rest) };
      if (method === 'GET') return { resource, handler: getQuote, params: decodeAll(rest) };
      notAllowed();
    }
    if (n === 2 && rest[1] === 'error') {
      if (method === 'PUT') {
        return { resource, handler: putQuoteError, params: decodeAll(rest.slice(0, 1)) };
      }
      notAllowed();
    }
  }
  if (resource === 'transfers') {
    if (n === 0) {
      if (method === 'POST') return { resource, handler: postTransfer, params: [] };
      notAllowed();
    }
    if (n === 1) {
      if (method === 'PUT') return { resource, handler: putTransfer, params: decodeAll(rest) };
      if (method === 'GET') return { resource, handler: getTransfer, params: decodeAll(rest) };
      notAllowed();
    }
    if (n === 2 && rest[1] === 'error') {
      if (method === 'PUT')
        return { resource, handler: putTransferError, params: decodeAll(rest.slice(0, 1)) };
      notAllowed();
    }
  }
  if (resource !== undefined && NOT_EMULATED.has(resource)) {
    throw new FspiopError(Codes.NOT_IMPLEMENTED, `/${resource} is not emulated`);
  }
  throw new FspiopError(Codes.UNKNOWN_URI);
}

export interface PipelineOptions {
  /** Whether the port runs mutual TLS (then FSPIOP-Source must match the client certificate). */
  mutualTls: boolean;
  /** Null when JWS validation is off. */
  verifier: JwsVerifier | null;
}

export function createFspiopHandler(ctx: FspiopContext, options: PipelineOptions) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(ctx, options, request, response).catch((error: unknown) => {
      ctx.log.error('unexpected failure in the FSPIOP pipeline', { error: (error as Error).message });
      sendUnexpected(response);
    });
  };
}

async function handle(
  ctx: FspiopContext,
  options: PipelineOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const method = request.method ?? 'GET';
  const { path, segments } = pathSegments(request.url);
  let stage: RejectReason = 'unknown_route';
  let accepted: Accepted;
  try {
    const route = resolveRoute(method, segments);
    ctx.metrics.request(route.resource);

    stage = 'header';
    const headers = validateHeaders(route.resource, method, request.headers);

    if (options.mutualTls) {
      stage = 'tls_identity';
      if (!peerNames(request.socket).has(headers.source)) {
        throw new FspiopError(
          Codes.VALIDATION_ERROR,
          `FSPIOP-Source ${headers.source} is not the identity of the client certificate`,
        );
      }
    }

    stage = 'payload';
    let body: Buffer;
    try {
      body = await readBody(request, BODY_LIMIT);
    } catch (error) {
      if (error instanceof BodyTooLarge) throw new FspiopError(Codes.TOO_LARGE_PAYLOAD, error.message);
      throw error;
    }
    if (method === 'GET' && body.length > 0)
      throw new FspiopError(Codes.MALFORMED_SYNTAX, 'a GET carries no body');

    if (options.verifier && method !== 'GET') {
      stage = 'jws';
      const problem = options.verifier.verify({ method, path, headers: request.headers, body });
      if (problem) throw new FspiopError(Codes.INVALID_SIGNATURE, problem);
    }

    stage = 'payload';
    const json = method === 'GET' ? undefined : parseBody(body);

    stage = 'unknown_source';
    if (ctx.participants.get(headers.source)?.isActive !== 1) {
      throw new FspiopError(
        Codes.ID_NOT_FOUND,
        `FSPIOP-Source ${headers.source} is not a registered participant`,
      );
    }

    stage = 'schema';
    accepted = route.handler(ctx, {
      method,
      path,
      params: route.params,
      headers: request.headers,
      source: headers.source,
      destination: headers.destination,
      version: headers.version,
      body,
      json,
    });
  } catch (error) {
    if (!(error instanceof FspiopError)) throw error;
    ctx.metrics.rejected(stage);
    if (ctx.log.debugEnabled) ctx.log.debug('FSPIOP request refused', { method, path, error: error.message });
    if (!request.readableEnded) request.resume();
    sendError(response, error);
    return;
  }
  sendEmpty(response, accepted.status);
  if (accepted.after) {
    accepted.after().catch((error: unknown) => {
      ctx.log.error('FSPIOP processing failed', { method, path, error: (error as Error).message });
    });
  }
}
