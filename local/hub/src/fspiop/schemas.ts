/**
 * Body checks of the FSPIOP messages the hub interprets, hand-written for the hot path and following
 * the API v1.1 definitions SDK 18 ships (TransfersPostRequest, TransfersIDPutResponse,
 * ErrorInformationObject, the id and amount patterns). Unknown properties are allowed, as the API
 * definition allows them. Missing → 3102, wrong format → 3101, wrong value → 3100. Messages the hub
 * only routes (parties, quote bodies) are checked only for what routing needs; the receiving SDK
 * validates the rest.
 */
import { AMOUNT_PATTERN } from '../money.js';
import { Codes, FspiopError } from './errors.js';

export const CORRELATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const FSP_ID_MAX = 32;
const CURRENCY = /^[A-Z]{3}$/;
const ILP_PACKET = /^[A-Za-z0-9-_]+[=]{0,2}$/;
const ILP_CONDITION = /^[A-Za-z0-9-_]{43}$/;
/** DateTime: ISO 8601 with exactly three fraction digits and a zone (the API's pattern, simplified). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(?:Z|[+-]\d{2}:\d{2})$/;
const ERROR_CODE = /^[1-9]\d{3}$/;

type Json = Record<string, unknown>;

function missing(path: string): never {
  throw new FspiopError(Codes.MISSING_ELEMENT, `${path} is required`);
}

function malformed(path: string, what: string): never {
  throw new FspiopError(Codes.MALFORMED_SYNTAX, `${path} ${what}`);
}

function object(value: unknown, path: string): Json {
  if (value === undefined) missing(path);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    malformed(path, 'must be an object');
  return value as Json;
}

function string(value: unknown, path: string): string {
  if (value === undefined) missing(path);
  if (typeof value !== 'string') malformed(path, 'must be a string');
  return value;
}

function matching(value: unknown, path: string, pattern: RegExp, what: string): string {
  const text = string(value, path);
  if (!pattern.test(text)) malformed(path, what);
  return text;
}

function fspId(value: unknown, path: string): string {
  const text = string(value, path);
  if (text.length < 1 || text.length > FSP_ID_MAX) malformed(path, 'must be 1 to 32 characters');
  return text;
}

function dateTime(value: unknown, path: string): string {
  const text = matching(value, path, DATE_TIME, 'must be an ISO 8601 date-time with milliseconds');
  if (Number.isNaN(Date.parse(text))) malformed(path, 'is not a valid date-time');
  return text;
}

export interface Money {
  amount: string;
  currency: string;
}

function money(value: unknown, path: string): Money {
  const m = object(value, path);
  return {
    currency: matching(m.currency, `${path}.currency`, CURRENCY, 'must be an ISO 4217 code'),
    amount: matching(m.amount, `${path}.amount`, AMOUNT_PATTERN, 'is not a valid Amount'),
  };
}

/** The JSON body of an FSPIOP message: an object, else 3101. */
export function parseBody(body: Buffer): Json {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new FspiopError(Codes.MALFORMED_SYNTAX, 'body is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new FspiopError(Codes.MALFORMED_SYNTAX, 'body must be a JSON object');
  }
  return value as Json;
}

export interface TransferPrepare {
  transferId: string;
  payerFsp: string;
  payeeFsp: string;
  amount: Money;
  ilpPacket: string;
  condition: string;
  expiration: string;
}

export function transferPrepare(json: Json): TransferPrepare {
  const ilpPacket = matching(json.ilpPacket, 'ilpPacket', ILP_PACKET, 'must be base64url');
  if (ilpPacket.length > 32_768) malformed('ilpPacket', 'is longer than 32768 characters');
  return {
    transferId: matching(json.transferId, 'transferId', CORRELATION_ID, 'must be a UUID'),
    payeeFsp: fspId(json.payeeFsp, 'payeeFsp'),
    payerFsp: fspId(json.payerFsp, 'payerFsp'),
    amount: money(json.amount, 'amount'),
    ilpPacket,
    condition: matching(json.condition, 'condition', ILP_CONDITION, 'must be 43 base64url characters'),
    expiration: dateTime(json.expiration, 'expiration'),
  };
}

export interface TransferFulfil {
  transferState: 'RESERVED' | 'COMMITTED' | 'ABORTED';
  fulfilment: string | undefined;
  completedTimestamp: string | undefined;
}

export function transferFulfil(json: Json): TransferFulfil {
  const state = string(json.transferState, 'transferState');
  if (state !== 'RESERVED' && state !== 'COMMITTED' && state !== 'ABORTED') {
    if (state === 'RECEIVED') {
      throw new FspiopError(Codes.VALIDATION_ERROR, 'transferState RECEIVED is not a fulfil response');
    }
    malformed('transferState', 'must be one of RECEIVED, RESERVED, COMMITTED, ABORTED');
  }
  return {
    transferState: state,
    fulfilment:
      json.fulfilment === undefined
        ? undefined
        : matching(json.fulfilment, 'fulfilment', ILP_CONDITION, 'must be 43 base64url characters'),
    completedTimestamp:
      json.completedTimestamp === undefined
        ? undefined
        : dateTime(json.completedTimestamp, 'completedTimestamp'),
  };
}

export interface ErrorInformation {
  errorCode: string;
  errorDescription: string;
}

export function errorInformation(json: Json): ErrorInformation {
  const info = object(json.errorInformation, 'errorInformation');
  const errorDescription = string(info.errorDescription, 'errorInformation.errorDescription');
  if (errorDescription.length < 1 || errorDescription.length > 128) {
    malformed('errorInformation.errorDescription', 'must be 1 to 128 characters');
  }
  return {
    errorCode: matching(info.errorCode, 'errorInformation.errorCode', ERROR_CODE, 'must be four digits'),
    errorDescription,
  };
}

export interface QuoteRequest {
  quoteId: string;
  /** `payee.partyIdInfo.fspId`, the fallback destination. */
  payeeFsp: string | undefined;
}

export function quoteRequest(json: Json): QuoteRequest {
  const quoteId = matching(json.quoteId, 'quoteId', CORRELATION_ID, 'must be a UUID');
  const payee = json.payee as Json | undefined;
  const info = payee && typeof payee === 'object' ? (payee.partyIdInfo as Json | undefined) : undefined;
  const fsp = info && typeof info === 'object' ? info.fspId : undefined;
  return { quoteId, payeeFsp: typeof fsp === 'string' && fsp.length > 0 ? fsp : undefined };
}

export function isCorrelationId(value: string): boolean {
  return CORRELATION_ID.test(value);
}
