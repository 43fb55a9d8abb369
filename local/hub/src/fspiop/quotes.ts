/**
 * Quote routing, as the quoting service does in pass-through mode:
 * - `POST /quotes` → 202, forwarded unchanged to `FSPIOP-Destination` (else the body's
 *   `payee.partyIdInfo.fspId`) at `<FSPIOP_CALLBACK_URL_QUOTES>/quotes`;
 * - `PUT /quotes/{ID}[/error]` → 200, forwarded to `FSPIOP-Destination` at `<…QUOTES>/quotes/{ID}[/error]`;
 * - `GET /quotes/{ID}` → 202, forwarded likewise.
 * A destination that is not an active participant or has no QUOTES endpoint → 3201, an unreachable one
 * → 1001, as `PUT /quotes/{ID}/error` to the sender signed by the hub (never in answer to an error).
 */
import {
  type Accepted,
  accepted,
  deliveryDetail,
  errorPayload,
  type FspiopContext,
  forward,
  type Inbound,
  originate,
  target,
} from './context.js';
import { Codes, type ErrorCodeSpec, FspiopError } from './errors.js';
import { errorInformation, isCorrelationId, quoteRequest } from './schemas.js';

async function errorToSender(
  ctx: FspiopContext,
  inbound: Inbound,
  quoteId: string,
  code: ErrorCodeSpec,
  detail: string,
): Promise<void> {
  const to = target(ctx, inbound.source, 'FSPIOP_CALLBACK_URL_QUOTES', undefined, `/quotes/${quoteId}/error`);
  if (!to) {
    ctx.metrics.rejected('delivery');
    ctx.log.warn('no FSPIOP_CALLBACK_URL_QUOTES endpoint', { fsp: inbound.source });
    return;
  }
  await originate(ctx, {
    to,
    method: 'PUT',
    resource: 'quotes',
    version: inbound.version,
    uri: `/quotes/${quoteId}/error`,
    destination: inbound.source,
    body: errorPayload(code, detail),
  });
}

async function route(
  ctx: FspiopContext,
  inbound: Inbound,
  destination: string,
  quoteId: string,
  suffix: string,
  answerErrors: boolean,
): Promise<void> {
  const participant = ctx.participants.get(destination);
  const to =
    participant?.isActive === 1
      ? target(ctx, destination, 'FSPIOP_CALLBACK_URL_QUOTES', undefined, suffix)
      : undefined;
  if (!to) {
    ctx.metrics.rejected('destination');
    if (answerErrors) {
      const why = participant
        ? `no FSPIOP_CALLBACK_URL_QUOTES for ${destination}`
        : `Destination FSP ${destination} not found`;
      await errorToSender(ctx, inbound, quoteId, Codes.DESTINATION_FSP_ERROR, why);
    }
    return;
  }
  const result = await forward(ctx, to, inbound);
  if (!result.ok) {
    ctx.metrics.rejected('delivery');
    if (answerErrors) {
      await errorToSender(
        ctx,
        inbound,
        quoteId,
        Codes.DESTINATION_COMMUNICATION_ERROR,
        deliveryDetail(destination, result),
      );
    }
  }
}

export function postQuote(ctx: FspiopContext, inbound: Inbound): Accepted {
  const request = quoteRequest(inbound.json ?? {});
  const destination = inbound.destination ?? request.payeeFsp;
  if (destination === undefined)
    throw new FspiopError(Codes.MISSING_ELEMENT, "'fspiop-destination' HTTP header");
  return accepted(202, () => route(ctx, inbound, destination, request.quoteId, '/quotes', true));
}

function quoteIdParam(inbound: Inbound): string {
  const quoteId = inbound.params[0] as string;
  if (!isCorrelationId(quoteId)) throw new FspiopError(Codes.MALFORMED_SYNTAX, 'quote ID must be a UUID');
  return quoteId;
}

export function putQuote(ctx: FspiopContext, inbound: Inbound, isError: boolean): Accepted {
  const quoteId = quoteIdParam(inbound);
  const destination = inbound.destination;
  if (destination === undefined)
    throw new FspiopError(Codes.MISSING_ELEMENT, "'fspiop-destination' HTTP header");
  if (isError) errorInformation(inbound.json ?? {});
  const suffix = isError ? `/quotes/${quoteId}/error` : `/quotes/${quoteId}`;
  return accepted(200, () => route(ctx, inbound, destination, quoteId, suffix, !isError));
}

export function getQuote(ctx: FspiopContext, inbound: Inbound): Accepted {
  const quoteId = quoteIdParam(inbound);
  const destination = inbound.destination;
  if (destination === undefined)
    throw new FspiopError(Codes.MISSING_ELEMENT, "'fspiop-destination' HTTP header");
  return accepted(202, () => route(ctx, inbound, destination, quoteId, `/quotes/${quoteId}`, true));
}
