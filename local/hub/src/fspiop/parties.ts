/**
 * Party lookup, as the ALS routes it:
 * - `GET /parties/{Type}/{ID}` → 202; the owner comes from `FSPIOP-Destination` when the requester
 *   names one, else from the oracle table; the request is forwarded to the owner's
 *   FSPIOP_CALLBACK_URL_PARTIES_GET with `FSPIOP-Destination` set to it (GETs are not signed by
 *   SDK 18, so adding the header breaks nothing). Unknown party → 3204, no oracle for the type → 3200,
 *   owner not a registered active participant or without endpoint → 3201, owner unreachable → 1001;
 *   each as `PUT /parties/{Type}/{ID}/error` to the requester, signed by the hub.
 * - `PUT /parties/{Type}/{ID}[/error]` → 200; forwarded unchanged to `FSPIOP-Destination`'s
 *   FSPIOP_CALLBACK_URL_PARTIES_PUT[_ERROR].
 * Sub-id paths (`/parties/{Type}/{ID}/{SubId}`) are not emulated (501, answered by the pipeline).
 */
import { PARTY_ID_TYPES } from '../validation.js';
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
import { errorInformation } from './schemas.js';

const PARTY_TYPES: ReadonlySet<string> = new Set(PARTY_ID_TYPES);

function partyParams(inbound: Inbound): { partyIdType: string; partyIdentifier: string } {
  const [partyIdType, partyIdentifier] = inbound.params as [string, string];
  if (!PARTY_TYPES.has(partyIdType))
    throw new FspiopError(Codes.MALFORMED_SYNTAX, `unknown party type ${partyIdType}`);
  if (partyIdentifier.length < 1 || partyIdentifier.length > 128) {
    throw new FspiopError(Codes.MALFORMED_SYNTAX, 'party identifier must be 1 to 128 characters');
  }
  return { partyIdType, partyIdentifier };
}

async function errorToRequester(
  ctx: FspiopContext,
  inbound: Inbound,
  vars: { partyIdType: string; partyIdentifier: string },
  code: ErrorCodeSpec,
  detail: string,
): Promise<void> {
  const to = target(ctx, inbound.source, 'FSPIOP_CALLBACK_URL_PARTIES_PUT_ERROR', vars);
  if (!to) {
    ctx.log.warn('no FSPIOP_CALLBACK_URL_PARTIES_PUT_ERROR endpoint', { fsp: inbound.source });
    ctx.metrics.rejected('delivery');
    return;
  }
  await originate(ctx, {
    to,
    method: 'PUT',
    resource: 'parties',
    version: inbound.version,
    uri: `/parties/${encodeURIComponent(vars.partyIdType)}/${encodeURIComponent(vars.partyIdentifier)}/error`,
    destination: inbound.source,
    body: errorPayload(code, detail),
  });
}

export function getParty(ctx: FspiopContext, inbound: Inbound): Accepted {
  const vars = partyParams(inbound);
  return accepted(202, async () => {
    let owner = inbound.destination;
    if (owner === undefined) {
      if (!ctx.oracle.hasOracle(vars.partyIdType)) {
        ctx.metrics.rejected('party_not_found');
        await errorToRequester(
          ctx,
          inbound,
          vars,
          Codes.ID_NOT_FOUND,
          `Oracle type:${vars.partyIdType} not found`,
        );
        return;
      }
      owner = ctx.oracle.lookup(vars.partyIdType, vars.partyIdentifier)?.fspId;
    }
    if (owner === undefined) {
      ctx.metrics.rejected('party_not_found');
      await errorToRequester(
        ctx,
        inbound,
        vars,
        Codes.PARTY_NOT_FOUND,
        `${vars.partyIdType}/${vars.partyIdentifier}`,
      );
      return;
    }
    const participant = ctx.participants.get(owner);
    const to =
      participant?.isActive === 1 ? target(ctx, owner, 'FSPIOP_CALLBACK_URL_PARTIES_GET', vars) : undefined;
    if (!to) {
      ctx.metrics.rejected('destination');
      const why = participant
        ? `no FSPIOP_CALLBACK_URL_PARTIES_GET for ${owner}`
        : `Destination FSP ${owner} not found`;
      await errorToRequester(ctx, inbound, vars, Codes.DESTINATION_FSP_ERROR, why);
      return;
    }
    const result = await forward(ctx, to, inbound, { 'fspiop-destination': owner });
    if (!result.ok) {
      ctx.metrics.rejected('delivery');
      await errorToRequester(
        ctx,
        inbound,
        vars,
        Codes.DESTINATION_COMMUNICATION_ERROR,
        deliveryDetail(owner, result),
      );
    }
  });
}

export function putParty(ctx: FspiopContext, inbound: Inbound, isError: boolean): Accepted {
  const vars = partyParams(inbound);
  const destination = inbound.destination;
  if (destination === undefined)
    throw new FspiopError(Codes.MISSING_ELEMENT, "'fspiop-destination' HTTP header");
  if (isError) errorInformation(inbound.json ?? {});
  return accepted(200, async () => {
    const type = isError ? 'FSPIOP_CALLBACK_URL_PARTIES_PUT_ERROR' : 'FSPIOP_CALLBACK_URL_PARTIES_PUT';
    const participant = ctx.participants.get(destination);
    const to = participant?.isActive === 1 ? target(ctx, destination, type, vars) : undefined;
    if (!to) {
      ctx.metrics.rejected('destination');
      if (!isError) {
        const why = participant
          ? `no ${type} for ${destination}`
          : `Destination FSP ${destination} not found`;
        await errorToRequester(ctx, inbound, vars, Codes.DESTINATION_FSP_ERROR, why);
      }
      return;
    }
    const result = await forward(ctx, to, inbound);
    if (!result.ok) {
      ctx.metrics.rejected('delivery');
      ctx.log.warn('party callback not delivered', {
        to: destination,
        status: result.status,
        error: result.error,
      });
      if (!isError) {
        await errorToRequester(
          ctx,
          inbound,
          vars,
          Codes.DESTINATION_COMMUNICATION_ERROR,
          deliveryDetail(destination, result),
        );
      }
    }
  });
}
