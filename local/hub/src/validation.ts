/**
 * Body validation for the JSON admin APIs (central-ledger admin, ALS/oracle), reported the way
 * central-services-error-handling reports a Joi failure: the first problem only, and its code by kind:
 * missing → 3102, wrong string/enum/pattern → 3101, anything else (unknown key, number rules) → 3100.
 */
import type { z } from 'zod';
import { Codes, FspiopError } from './fspiop/errors.js';

/**
 * The currency codes central-ledger accepts (its currency seed: ISO 4217, including the test and
 * no-currency codes XTS and XXX and some withdrawn codes).
 */
export const CURRENCIES = (
  'AED AFA AFN ALL AMD ANG AOA AOR ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD ' +
  'BTN BWP BYN BYR BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD ' +
  'EEK EGP ERN ETB EUR FJD FKP GBP GEL GGP GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS IMP ' +
  'INR IQD IRR ISK JEP JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LTL LVL ' +
  'LYD MAD MDL MGA MKD MMK MNT MOP MRO MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB ' +
  'PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLL SOS SPL SRD SSP STD ' +
  'SVC SYP SZL THB TJS TMT TND TOP TRY TTD TVD TWD TZS UAH UGX USD USN UYI UYU UZS VEF VND VUV WST ' +
  'XAF XAG XAU XCD XDR XFO XFU XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMK ZMW ZWD ZWL ZWN ZWR'
).split(' ') as [string, ...string[]];

export const PARTY_ID_TYPES = [
  'MSISDN',
  'EMAIL',
  'PERSONAL_ID',
  'BUSINESS',
  'DEVICE',
  'ACCOUNT_ID',
  'IBAN',
  'ALIAS',
] as const;

function label(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'value' : path.map(String).join('.');
}

function toError(issue: z.core.$ZodIssue): FspiopError {
  const where = `"${label(issue.path)}"`;
  const absent = !('input' in issue) || issue.input === undefined;
  if (
    absent &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')
  ) {
    return new FspiopError(Codes.MISSING_ELEMENT, `${where} is required`);
  }
  switch (issue.code) {
    case 'invalid_type':
      return new FspiopError(
        issue.expected === 'string' ? Codes.MALFORMED_SYNTAX : Codes.VALIDATION_ERROR,
        `${where} must be a ${issue.expected}`,
      );
    case 'unrecognized_keys': {
      const key = [...issue.path.map(String), issue.keys[0] ?? ''].join('.');
      return new FspiopError(Codes.VALIDATION_ERROR, `"${key}" is not allowed`);
    }
    case 'invalid_value':
      return new FspiopError(
        Codes.MALFORMED_SYNTAX,
        `${where} must be one of [${issue.values.map(String).join(', ')}]`.slice(0, 100),
      );
    case 'invalid_format':
      return new FspiopError(Codes.MALFORMED_SYNTAX, `${where} fails to match the required pattern`);
    case 'too_small':
    case 'too_big':
      return new FspiopError(
        issue.origin === 'string' ? Codes.MALFORMED_SYNTAX : Codes.VALIDATION_ERROR,
        `${where} ${issue.message.replace(/^Too (small|big): expected \w+ to /, '')}`,
      );
    default:
      return new FspiopError(Codes.VALIDATION_ERROR, `${where} ${issue.message}`);
  }
}

/** Parses `input` with `schema` or throws the FspiopError of its first issue. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw first ? toError(first) : new FspiopError(Codes.VALIDATION_ERROR);
}

/** Parses a JSON body; malformed JSON is 3101. */
export function parseJson(body: Buffer): unknown {
  if (body.length === 0) throw new FspiopError(Codes.MISSING_ELEMENT, 'request body is required');
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new FspiopError(Codes.MALFORMED_SYNTAX, 'Invalid request payload JSON format');
  }
}

/** `Content-Type: application/json` (parameters such as charset allowed); anything else is 3101. */
export function requireJsonContentType(value: string | undefined, alsoAccept?: RegExp): void {
  if (value === undefined) throw new FspiopError(Codes.MISSING_ELEMENT, 'Content-Type header is required');
  const mediaType = (value.split(';')[0] ?? '').trim().toLowerCase();
  if (mediaType === 'application/json') return;
  if (alsoAccept?.test(value)) return;
  throw new FspiopError(Codes.MALFORMED_SYNTAX, `Unsupported Media Type: ${value}`.slice(0, 100));
}
