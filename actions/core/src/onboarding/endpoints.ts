/**
 * The callback endpoints a DFSP registers with the hub, templated the way central-ledger expands
 * them (`{{partyIdType}}`, `{{partyIdentifier}}`, `{{requestId}}`, `{{transferId}}`). The base is the
 * DFSP's inbound FSPIOP API, e.g. `https://127.0.0.1:47100` on the local stack.
 */
import type { CallbackEndpoint } from './ledger-admin.js';

/** Every endpoint type onboarding registers, in registration order. */
export const CALLBACK_ENDPOINT_TYPES = [
  'FSPIOP_CALLBACK_URL_PARTIES_GET',
  'FSPIOP_CALLBACK_URL_PARTIES_PUT',
  'FSPIOP_CALLBACK_URL_PARTIES_PUT_ERROR',
  'FSPIOP_CALLBACK_URL_PARTICIPANT_PUT',
  'FSPIOP_CALLBACK_URL_PARTICIPANT_PUT_ERROR',
  'FSPIOP_CALLBACK_URL_PARTICIPANT_BATCH_PUT',
  'FSPIOP_CALLBACK_URL_PARTICIPANT_BATCH_PUT_ERROR',
  'FSPIOP_CALLBACK_URL_QUOTES',
  'FSPIOP_CALLBACK_URL_TRANSFER_POST',
  'FSPIOP_CALLBACK_URL_TRANSFER_PUT',
  'FSPIOP_CALLBACK_URL_TRANSFER_ERROR',
] as const;

export type CallbackEndpointType = (typeof CALLBACK_ENDPOINT_TYPES)[number];

const TEMPLATES: Record<CallbackEndpointType, string> = {
  FSPIOP_CALLBACK_URL_PARTIES_GET: '/parties/{{partyIdType}}/{{partyIdentifier}}',
  FSPIOP_CALLBACK_URL_PARTIES_PUT: '/parties/{{partyIdType}}/{{partyIdentifier}}',
  FSPIOP_CALLBACK_URL_PARTIES_PUT_ERROR: '/parties/{{partyIdType}}/{{partyIdentifier}}/error',
  FSPIOP_CALLBACK_URL_PARTICIPANT_PUT: '/participants/{{partyIdType}}/{{partyIdentifier}}',
  FSPIOP_CALLBACK_URL_PARTICIPANT_PUT_ERROR: '/participants/{{partyIdType}}/{{partyIdentifier}}/error',
  FSPIOP_CALLBACK_URL_PARTICIPANT_BATCH_PUT: '/participants/{{requestId}}',
  FSPIOP_CALLBACK_URL_PARTICIPANT_BATCH_PUT_ERROR: '/participants/{{requestId}}/error',
  FSPIOP_CALLBACK_URL_QUOTES: '',
  FSPIOP_CALLBACK_URL_TRANSFER_POST: '/transfers',
  FSPIOP_CALLBACK_URL_TRANSFER_PUT: '/transfers/{{transferId}}',
  FSPIOP_CALLBACK_URL_TRANSFER_ERROR: '/transfers/{{transferId}}/error',
};

/** The full endpoint set for one DFSP whose inbound API is at `baseUrl`. */
export function callbackEndpoints(baseUrl: string): CallbackEndpoint[] {
  const base = baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(base)) {
    throw new RangeError(`callback base URL must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  return CALLBACK_ENDPOINT_TYPES.map((type) => ({ type, value: `${base}${TEMPLATES[type]}` }));
}
