/**
 * FSPIOP error codes the hub emits, their standard messages and HTTP statuses, and the error body
 * `{errorInformation:{errorCode, errorDescription}}`.
 *
 * Codes and messages are the Mojaloop API v1.1 list (as carried by sdk-standard-components and
 * central-services-error-handling); the status follows the code class: 1xxx → 503, 2xxx → 500
 * (2002 → 501, 2003 → 503), 3xxx and above → 400, with 3001 → 406, 3002 → 404 and the
 * method-not-allowed flavour of 3000 → 405. Descriptions are `<message> - <detail>`, cut to the
 * 128 characters the API allows.
 */

export interface ErrorCodeSpec {
  readonly code: string;
  readonly message: string;
  readonly status: number;
}

function spec(code: string, message: string, status?: number): ErrorCodeSpec {
  return { code, message, status: status ?? statusForCode(code) };
}

/** The HTTP status of a code when it is answered synchronously. */
export function statusForCode(code: string): number {
  if (code === '2002') return 501;
  if (code === '2003') return 503;
  if (code === '3001') return 406;
  if (code === '3002') return 404;
  if (code.startsWith('1')) return 503;
  if (code.startsWith('2')) return 500;
  return 400;
}

export const Codes = {
  DESTINATION_COMMUNICATION_ERROR: spec('1001', 'Destination communication error'),
  INTERNAL_SERVER_ERROR: spec('2001', 'Internal server error'),
  NOT_IMPLEMENTED: spec('2002', 'Not implemented'),
  CLIENT_ERROR: spec('3000', 'Generic client error'),
  METHOD_NOT_ALLOWED: spec('3000', 'Generic client error - Method Not Allowed', 405),
  UNACCEPTABLE_VERSION: spec('3001', 'Unacceptable version requested'),
  UNKNOWN_URI: spec('3002', 'Unknown URI'),
  ADD_PARTY_INFO_ERROR: spec('3003', 'Add Party information error'),
  VALIDATION_ERROR: spec('3100', 'Generic validation error'),
  MALFORMED_SYNTAX: spec('3101', 'Malformed syntax'),
  MISSING_ELEMENT: spec('3102', 'Missing mandatory element'),
  TOO_MANY_ELEMENTS: spec('3103', 'Too many elements'),
  TOO_LARGE_PAYLOAD: spec('3104', 'Too large payload'),
  INVALID_SIGNATURE: spec('3105', 'Invalid signature'),
  MODIFIED_REQUEST: spec('3106', 'Modified request'),
  ID_NOT_FOUND: spec('3200', 'Generic ID not found'),
  DESTINATION_FSP_ERROR: spec('3201', 'Destination FSP Error'),
  PARTY_NOT_FOUND: spec('3204', 'Party not found'),
  TRANSFER_ID_NOT_FOUND: spec('3208', 'Transfer ID not found'),
  TRANSFER_EXPIRED: spec('3303', 'Transfer expired'),
  PAYER_FSP_INSUFFICIENT_LIQUIDITY: spec('4001', 'Payer FSP insufficient liquidity'),
  PAYER_LIMIT_ERROR: spec('4200', 'Payer limit error'),
  GENERIC_SETTLEMENT_ERROR: spec('6000', 'Generic Settlement Error'),
} as const satisfies Record<string, ErrorCodeSpec>;

export const MAX_DESCRIPTION = 128;

export interface ErrorBody {
  errorInformation: { errorCode: string; errorDescription: string };
}

export function describe(code: ErrorCodeSpec, detail?: string): string {
  const text = detail ? `${code.message} - ${detail}` : code.message;
  return text.length > MAX_DESCRIPTION ? text.slice(0, MAX_DESCRIPTION) : text;
}

export function errorBody(code: ErrorCodeSpec, detail?: string): ErrorBody {
  return { errorInformation: { errorCode: code.code, errorDescription: describe(code, detail) } };
}

/** An error answered to the caller: carries the FSPIOP code, the detail and the HTTP status. */
export class FspiopError extends Error {
  readonly spec: ErrorCodeSpec;
  readonly detail: string | undefined;

  constructor(code: ErrorCodeSpec, detail?: string) {
    super(describe(code, detail));
    this.name = 'FspiopError';
    this.spec = code;
    this.detail = detail;
  }

  get status(): number {
    return this.spec.status;
  }

  toBody(): ErrorBody {
    return errorBody(this.spec, this.detail);
  }
}
