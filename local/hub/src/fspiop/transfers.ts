/**
 * Transfers, as ml-api-adapter + central-ledger process them (API v1.1):
 *
 * `POST /transfers` (payer) → 202, then: validation (FSPIOP-Source is the payer; payer and payee are
 * active participants; condition well formed; ILP packet describes the transfer when `ilp.check`),
 * the ledger's checks (different DFSPs, not expired → 3303, accounts active, liquidity → 4001, net debit
 * cap → 4200), the reservation, and the forward to the payee's FSPIOP_CALLBACK_URL_TRANSFER_POST.
 * Any failure → `PUT /transfers/{id}/error` to the payer. A prepare that cannot be delivered aborts
 * the transfer (1001 / 3201 to the payer). Duplicates: same message while reserved → ignored; once
 * final → the final state is sent to the payer; same id with another body → 3106.
 *
 * `PUT /transfers/{id}` (payee) → 200, then:
 * - COMMITTED + matching fulfilment → commit; the payee's message goes unchanged to the payer's
 *   FSPIOP_CALLBACK_URL_TRANSFER_PUT and, only with `notifyPayeeOnCommit` (off by default, see
 *   config.ts), a copy signed by the hub goes to the payee;
 * - RESERVED + matching fulfilment → commit; the payer gets the message with transferState COMMITTED,
 *   signed by the hub, and the payee `PATCH /transfers/{id}` {completedTimestamp, transferState:
 *   COMMITTED}, signed by the hub (the v1.1 reserve notification SDK 18 handles);
 * - ABORTED → abort; forwarded to the payer (and a signed copy to the payee, as for a commit);
 * - wrong or missing fulfilment → abort, 3100 "invalid fulfilment" to payer, then payee;
 * - after expiration → expired, 3303 to payer, then payee;
 * - unknown or evicted id → 3208, sender not the payee or destination not the payer → 3100, a different
 *   second response → 3106, each to the sender only, with no state change.
 *
 * `PUT /transfers/{id}/error` (payee) → 200, abort, forwarded to the payer (+ signed copy to the payee).
 * `GET /transfers/{id}` (payer or payee) → 202, the state as `PUT /transfers/{id}` signed by the hub.
 * Reserved transfers that expire unanswered → 3303 to payer and payee (see `notifyExpired`).
 */
import { hash } from 'node:crypto';
import { checkIlpPacket, isCondition } from '../ilp.js';
import type { LedgerError, TransferRecord } from '../ledger.js';
import type { RejectReason } from '../metrics.js';
import { parseAmount } from '../money.js';
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
import { errorInformation, isCorrelationId, transferFulfil, transferPrepare } from './schemas.js';

/** Content version of messages the hub originates outside a request (expiry). */
const DEFAULT_VERSION = '1.0';

function fingerprint(body: Buffer): string {
  return hash('sha256', body, 'base64url');
}

function reasonOf(error: LedgerError): RejectReason {
  switch (error.code.code) {
    case '4001':
      return 'liquidity';
    case '4200':
      return 'net_debit_cap';
    case '3303':
      return 'expired';
    case '3106':
      return 'modified';
    case '3208':
      return 'unknown_transfer';
    default:
      return 'validation';
  }
}

async function sendError(
  ctx: FspiopContext,
  fspId: string,
  transferId: string,
  version: string,
  code: ErrorCodeSpec,
  detail: string,
): Promise<void> {
  const to = target(ctx, fspId, 'FSPIOP_CALLBACK_URL_TRANSFER_ERROR', { transferId });
  if (!to) {
    ctx.metrics.rejected('delivery');
    ctx.log.warn('no FSPIOP_CALLBACK_URL_TRANSFER_ERROR endpoint', { fsp: fspId });
    return;
  }
  const result = await originate(ctx, {
    to,
    method: 'PUT',
    resource: 'transfers',
    version,
    uri: `/transfers/${transferId}/error`,
    destination: fspId,
    body: errorPayload(code, detail),
  });
  if (!result.ok) ctx.log.warn('transfer error callback not delivered', { to: fspId, status: result.status });
}

async function sendState(
  ctx: FspiopContext,
  fspId: string,
  transferId: string,
  version: string,
  method: 'PUT' | 'PATCH',
  body: unknown,
): Promise<void> {
  const to = target(ctx, fspId, 'FSPIOP_CALLBACK_URL_TRANSFER_PUT', { transferId });
  if (!to) {
    ctx.metrics.rejected('delivery');
    ctx.log.warn('no FSPIOP_CALLBACK_URL_TRANSFER_PUT endpoint', { fsp: fspId });
    return;
  }
  const result = await originate(ctx, {
    to,
    method,
    resource: 'transfers',
    version,
    uri: `/transfers/${transferId}`,
    destination: fspId,
    body,
  });
  if (!result.ok) ctx.log.warn('transfer notification not delivered', { to: fspId, status: result.status });
}

/** Forwards the payee's message to the payer's endpoint of `type`. */
async function forwardToPayer(
  ctx: FspiopContext,
  inbound: Inbound,
  transfer: TransferRecord,
  type: 'FSPIOP_CALLBACK_URL_TRANSFER_PUT' | 'FSPIOP_CALLBACK_URL_TRANSFER_ERROR',
): Promise<void> {
  const to = target(ctx, transfer.payerFsp, type, { transferId: transfer.transferId });
  if (!to) {
    ctx.metrics.rejected('delivery');
    ctx.log.warn(`no ${type} endpoint`, { fsp: transfer.payerFsp });
    return;
  }
  const result = await forward(ctx, to, inbound);
  if (!result.ok) {
    ctx.metrics.rejected('delivery');
    ctx.log.warn('transfer callback to payer not delivered', {
      to: transfer.payerFsp,
      status: result.status,
    });
  }
}

function externalState(transfer: TransferRecord): 'RESERVED' | 'COMMITTED' | 'ABORTED' {
  return transfer.state === 'EXPIRED' ? 'ABORTED' : transfer.state;
}

function stateBody(transfer: TransferRecord): Record<string, unknown> {
  return {
    ...(transfer.settledAt ? { completedTimestamp: new Date(transfer.settledAt).toISOString() } : {}),
    transferState: externalState(transfer),
    ...(transfer.state === 'COMMITTED' && transfer.fulfilment ? { fulfilment: transfer.fulfilment } : {}),
  };
}

// ---- POST /transfers ------------------------------------------------------------------------------

function reject(detail: string, reason: RejectReason = 'validation') {
  return { error: { code: Codes.VALIDATION_ERROR, detail } satisfies LedgerError, reason };
}

function precheck(ctx: FspiopContext, inbound: Inbound, prepare: ReturnType<typeof transferPrepare>) {
  if (inbound.source !== prepare.payerFsp) return reject('FSPIOP-Source header should match Payer');
  for (const fsp of [prepare.payerFsp, prepare.payeeFsp]) {
    const participant = ctx.participants.get(fsp);
    if (!participant) return reject(`Participant ${fsp} not found`);
    if (participant.isActive !== 1) return reject(`Participant ${fsp} is inactive`);
  }
  if (!isCondition(prepare.condition)) return reject('Condition validation failed');
  if (ctx.config.ilp.check) {
    const mismatch = checkIlpPacket(prepare.ilpPacket, prepare);
    if (mismatch) return reject(mismatch, 'ilp');
  }
  return undefined;
}

export function postTransfer(ctx: FspiopContext, inbound: Inbound): Accepted {
  const prepare = transferPrepare(inbound.json ?? {});
  const amount = parseAmount(prepare.amount.amount) as bigint;
  const expiresAt = Date.parse(prepare.expiration);
  return accepted(202, async () => {
    const { transferId } = prepare;
    const failed = precheck(ctx, inbound, prepare);
    const outcome = ctx.ledger.prepare(
      {
        transferId,
        payerFsp: prepare.payerFsp,
        payeeFsp: prepare.payeeFsp,
        currency: prepare.amount.currency,
        amount,
        condition: prepare.condition,
        expiresAt,
        hash: fingerprint(inbound.body),
        ...(failed ? { rejection: failed.error } : {}),
      },
      ctx.clock(),
    );
    switch (outcome.kind) {
      case 'rejected': {
        ctx.metrics.rejected(failed?.reason ?? reasonOf(outcome.error));
        await sendError(
          ctx,
          inbound.source,
          transferId,
          inbound.version,
          outcome.error.code,
          outcome.error.detail,
        );
        return;
      }
      case 'modified':
        ctx.metrics.rejected('modified');
        await sendError(
          ctx,
          inbound.source,
          transferId,
          inbound.version,
          Codes.MODIFIED_REQUEST,
          'transfer ID reused',
        );
        return;
      case 'duplicate':
        if (outcome.transfer.state !== 'RESERVED' && inbound.source === outcome.transfer.payerFsp) {
          await sendState(
            ctx,
            inbound.source,
            transferId,
            inbound.version,
            'PUT',
            stateBody(outcome.transfer),
          );
        }
        return;
      case 'reserved':
        await deliverPrepare(ctx, inbound, outcome.transfer);
        return;
    }
  });
}

async function deliverPrepare(ctx: FspiopContext, inbound: Inbound, transfer: TransferRecord): Promise<void> {
  const payee = transfer.payeeFsp;
  const to = target(ctx, payee, 'FSPIOP_CALLBACK_URL_TRANSFER_POST', { transferId: transfer.transferId });
  let failure: { code: ErrorCodeSpec; detail: string } | undefined;
  if (!to) {
    failure = {
      code: Codes.DESTINATION_FSP_ERROR,
      detail: `no FSPIOP_CALLBACK_URL_TRANSFER_POST for ${payee}`,
    };
  } else {
    const result = await forward(ctx, to, inbound);
    if (!result.ok)
      failure = { code: Codes.DESTINATION_COMMUNICATION_ERROR, detail: deliveryDetail(payee, result) };
  }
  if (!failure) return;
  ctx.metrics.rejected(to ? 'delivery' : 'destination');
  // Only if the payee has not answered meanwhile (a late transport error after a fast fulfil).
  if (ctx.ledger.abandon(transfer.transferId, failure, ctx.clock())) {
    await sendError(
      ctx,
      transfer.payerFsp,
      transfer.transferId,
      inbound.version,
      failure.code,
      failure.detail,
    );
  }
}

// ---- PUT /transfers/{id} --------------------------------------------------------------------------

function transferIdParam(inbound: Inbound): string {
  const transferId = inbound.params[0] as string;
  if (!isCorrelationId(transferId))
    throw new FspiopError(Codes.MALFORMED_SYNTAX, 'transfer ID must be a UUID');
  return transferId;
}

export function putTransfer(ctx: FspiopContext, inbound: Inbound): Accepted {
  const transferId = transferIdParam(inbound);
  const fulfil = transferFulfil(inbound.json ?? {});
  return accepted(200, async () => {
    const now = ctx.clock();
    const outcome = ctx.ledger.fulfil(
      {
        transferId,
        source: inbound.source,
        destination: inbound.destination,
        transferState: fulfil.transferState,
        fulfilment: fulfil.fulfilment,
        hash: fingerprint(inbound.body),
      },
      now,
    );
    const { version } = inbound;
    switch (outcome.kind) {
      case 'committed': {
        const { transfer } = outcome;
        if (fulfil.transferState === 'RESERVED') {
          const completedTimestamp = new Date(now).toISOString();
          await Promise.all([
            sendState(ctx, transfer.payerFsp, transferId, version, 'PUT', {
              ...inbound.json,
              transferState: 'COMMITTED',
            }),
            sendState(ctx, transfer.payeeFsp, transferId, version, 'PATCH', {
              completedTimestamp,
              transferState: 'COMMITTED',
            }),
          ]);
          return;
        }
        await forwardToPayer(ctx, inbound, transfer, 'FSPIOP_CALLBACK_URL_TRANSFER_PUT');
        if (ctx.config.notifyPayeeOnCommit) {
          await sendState(ctx, transfer.payeeFsp, transferId, version, 'PUT', inbound.json);
        }
        return;
      }
      case 'rejected-by-payee':
        await forwardToPayer(ctx, inbound, outcome.transfer, 'FSPIOP_CALLBACK_URL_TRANSFER_PUT');
        if (ctx.config.notifyPayeeOnCommit) {
          await sendState(ctx, outcome.transfer.payeeFsp, transferId, version, 'PUT', inbound.json);
        }
        return;
      case 'invalid-fulfilment':
      case 'expired': {
        const { transfer, error } = outcome;
        ctx.metrics.rejected(outcome.kind === 'expired' ? 'expired' : 'invalid_fulfilment');
        await notifyBoth(ctx, transfer, version, error.code, error.detail);
        return;
      }
      case 'not-found':
      case 'wrong-party':
      case 'modified':
      case 'not-reserved':
        ctx.metrics.rejected(outcome.kind === 'wrong-party' ? 'wrong_party' : reasonOf(outcome.error));
        await sendError(ctx, inbound.source, transferId, version, outcome.error.code, outcome.error.detail);
        return;
      case 'duplicate':
        return;
    }
  });
}

// ---- PUT /transfers/{id}/error --------------------------------------------------------------------

export function putTransferError(ctx: FspiopContext, inbound: Inbound): Accepted {
  const transferId = transferIdParam(inbound);
  const info = errorInformation(inbound.json ?? {});
  return accepted(200, async () => {
    const outcome = ctx.ledger.abort(
      {
        transferId,
        source: inbound.source,
        destination: inbound.destination,
        hash: fingerprint(inbound.body),
        reason: {
          code: { code: info.errorCode, message: info.errorDescription, status: 400 },
          detail: '',
        },
      },
      ctx.clock(),
    );
    if (outcome.kind !== 'aborted') {
      if (outcome.kind !== 'duplicate') {
        ctx.metrics.rejected(outcome.kind === 'wrong-party' ? 'wrong_party' : reasonOf(outcome.error));
        ctx.log.debug('payee error callback ignored', { transferId, outcome: outcome.kind });
      }
      return;
    }
    await forwardToPayer(ctx, inbound, outcome.transfer, 'FSPIOP_CALLBACK_URL_TRANSFER_ERROR');
    if (ctx.config.notifyPayeeOnCommit) await sendPayeeErrorCopy(ctx, inbound, outcome.transfer);
  });
}

async function sendPayeeErrorCopy(
  ctx: FspiopContext,
  inbound: Inbound,
  transfer: TransferRecord,
): Promise<void> {
  const to = target(ctx, transfer.payeeFsp, 'FSPIOP_CALLBACK_URL_TRANSFER_ERROR', {
    transferId: transfer.transferId,
  });
  if (!to) return;
  await originate(ctx, {
    to,
    method: 'PUT',
    resource: 'transfers',
    version: inbound.version,
    uri: `/transfers/${transfer.transferId}/error`,
    destination: transfer.payeeFsp,
    body: inbound.json,
  });
}

// ---- GET /transfers/{id} --------------------------------------------------------------------------

export function getTransfer(ctx: FspiopContext, inbound: Inbound): Accepted {
  const transferId = transferIdParam(inbound);
  return accepted(202, async () => {
    const transfer = ctx.ledger.get(transferId) as TransferRecord | undefined;
    if (!transfer || (inbound.source !== transfer.payerFsp && inbound.source !== transfer.payeeFsp)) {
      ctx.metrics.rejected('unknown_transfer');
      await sendError(
        ctx,
        inbound.source,
        transferId,
        inbound.version,
        Codes.TRANSFER_ID_NOT_FOUND,
        `transfer ${transferId}`,
      );
      return;
    }
    await sendState(ctx, inbound.source, transferId, inbound.version, 'PUT', stateBody(transfer));
  });
}

// ---- expiry -------------------------------------------------------------------------------------

/**
 * The error of an aborted transfer to the payer, then to the payee. One after the other on purpose: an
 * SDK 18 publishes every transfer callback on the transfer's Redis channels, and where payer and payee
 * SDKs share one Redis two near-simultaneous publications race the payer's unsubscribe (see config
 * `notifyPayeeOnCommit`); the payer's answer comes only after its publication.
 */
async function notifyBoth(
  ctx: FspiopContext,
  transfer: TransferRecord,
  version: string,
  code: ErrorCodeSpec,
  detail: string,
): Promise<void> {
  await sendError(ctx, transfer.payerFsp, transfer.transferId, version, code, detail);
  await sendError(ctx, transfer.payeeFsp, transfer.transferId, version, code, detail);
}

/** Tells payer and payee of transfers the sweep expired (3303). */
export async function notifyExpired(ctx: FspiopContext, transfers: readonly TransferRecord[]): Promise<void> {
  await Promise.all(
    transfers.map((transfer) => {
      ctx.metrics.rejected('expired');
      const detail = transfer.reason?.detail ?? 'no fulfil before expiration';
      return notifyBoth(ctx, transfer, DEFAULT_VERSION, Codes.TRANSFER_EXPIRED, detail);
    }),
  );
}
