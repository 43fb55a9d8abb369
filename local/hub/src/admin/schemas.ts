/**
 * Bodies of the central-ledger admin routes the hub serves, as strict as central-ledger's Joi route
 * validation (unknown keys rejected, enums case-sensitive), with three deliberate tightenings that make
 * a mistake fail here rather than later: `currency` is required on POST /participants and
 * initialPositionAndLimits, and funds in requires `amount.currency` (central-ledger accepts the call
 * without it and the funds transfer then fails).
 */
import { z } from 'zod';
import { CURRENCIES } from '../validation.js';

export const Currency = z.enum(CURRENCIES);

/** Joi's `number()` also takes numeric strings; so does this. */
const JsonNumber = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

const Name = z.string().min(2).max(30);

export const HubAccountBody = z.strictObject({ currency: Currency, type: z.string().min(1) });

export const SettlementModelBody = z.strictObject({
  name: z
    .string()
    .min(2)
    .max(30)
    .regex(/^[A-Za-z0-9]+$/),
  settlementGranularity: z.enum(['GROSS', 'NET']),
  settlementInterchange: z.enum(['BILATERAL', 'MULTILATERAL']),
  settlementDelay: z.enum(['IMMEDIATE', 'DEFERRED']),
  currency: Currency.optional(),
  requireLiquidityCheck: z.boolean(),
  ledgerAccountType: z.string().min(1),
  autoPositionReset: z.boolean(),
  settlementAccountType: z.enum(['SETTLEMENT', 'INTERCHANGE_FEE_SETTLEMENT']),
});

export const ParticipantBody = z.strictObject({
  name: Name,
  currency: Currency,
  isProxy: z
    .union([z.boolean(), z.literal(0), z.literal(1), z.literal('0'), z.literal('1'), z.null()])
    .optional(),
});

export const EndpointBody = z.strictObject({ type: z.string().min(1), value: z.string().min(1) });

export const InitialPositionAndLimitsBody = z.strictObject({
  currency: Currency,
  limit: z.strictObject({
    type: z.enum(['NET_DEBIT_CAP']),
    value: JsonNumber.pipe(z.number().min(0)),
  }),
  initialPosition: JsonNumber.optional(),
});

export const AdjustLimitsBody = z.strictObject({
  currency: Currency,
  limit: z.strictObject({
    type: z.enum(['NET_DEBIT_CAP']),
    value: JsonNumber.pipe(z.number().min(0)),
    alarmPercentage: JsonNumber,
  }),
});

/** A lower-case UUID (v1–v7) or a ULID, as central-ledger's route accepts. */
export const FUNDS_TRANSFER_ID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-7][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|[0-9A-HJKMNP-TV-Z]{26})$/;

export const FundsBody = z.strictObject({
  transferId: z.string().regex(FUNDS_TRANSFER_ID),
  externalReference: z.string().min(1),
  action: z.enum(['recordFundsIn', 'recordFundsOutPrepareReserve']),
  reason: z.string().min(1),
  amount: z.strictObject({
    amount: JsonNumber.pipe(z.number().positive()),
    currency: Currency,
  }),
  extensionList: z
    .strictObject({ extension: z.array(z.strictObject({ key: z.string(), value: z.string() })) })
    .optional(),
});
