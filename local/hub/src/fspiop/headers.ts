/**
 * FSPIOP headers: what an inbound request must carry, what is forwarded unchanged, and what the hub
 * puts on messages it originates.
 *
 * Inbound rules (central-services-shared's FSPIOP header validation, which SDK 18's inbound server
 * also runs, plus the API's required headers):
 * - `Content-Type` always (GET included): `application/vnd.interoperability.<resource>+json;version=<x.y>`,
 *   missing → 3102, malformed → 3101, version other than 1.0/1.1 → 3001;
 * - `Accept` on GET, and checked whenever present: the same media type with version 1, 1.0 or 1.1 (or
 *   none) among its comma-separated entries → else 3102/3101/3001;
 * - `Date` (an HTTP date) and `FSPIOP-Source` (1–32 characters) → 3102 when missing, 3101 when bad;
 * - `FSPIOP-Destination`, when present, 1–32 characters.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { Codes, FspiopError } from './errors.js';

export type Resource = 'parties' | 'quotes' | 'transfers';

const SUPPORTED_CONTENT_VERSIONS: ReadonlySet<string> = new Set(['1.0', '1.1']);
const SUPPORTED_ACCEPT_VERSIONS: ReadonlySet<string> = new Set(['1', '1.0', '1.1', '']);

interface ResourcePatterns {
  contentType: RegExp;
  acceptEntry: RegExp;
}

function patterns(resource: Resource): ResourcePatterns {
  const media = `application/vnd\\.interoperability\\.${resource}\\+json`;
  return {
    contentType: new RegExp(`^${media}\\s?;\\s?version=(\\d+\\.\\d+)$`),
    acceptEntry: new RegExp(`^\\s*${media}(?:\\s?;\\s?version=(\\d+(?:\\.\\d+)?))?\\s*$`),
  };
}

const PATTERNS: Record<Resource, ResourcePatterns> = {
  parties: patterns('parties'),
  quotes: patterns('quotes'),
  transfers: patterns('transfers'),
};

export interface InboundHeaders {
  source: string;
  destination: string | undefined;
  /** The content version the sender used, e.g. `1.0`; the hub answers in the same version. */
  version: string;
}

function single(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

export function validateHeaders(
  resource: Resource,
  method: string,
  headers: IncomingHttpHeaders,
): InboundHeaders {
  const pattern = PATTERNS[resource];

  const accept = single(headers, 'accept');
  if (method === 'GET' && accept === undefined)
    throw new FspiopError(Codes.MISSING_ELEMENT, 'Accept is required');
  if (accept !== undefined) {
    const versions: string[] = [];
    for (const entry of accept.split(',')) {
      const match = pattern.acceptEntry.exec(entry);
      if (!match) throw new FspiopError(Codes.MALFORMED_SYNTAX, 'Invalid accept header');
      versions.push(match[1] ?? '');
    }
    if (!versions.some((v) => SUPPORTED_ACCEPT_VERSIONS.has(v))) {
      throw new FspiopError(
        Codes.UNACCEPTABLE_VERSION,
        'The Client requested an unsupported version, see extension list for supported version(s).',
      );
    }
  }

  const contentType = single(headers, 'content-type');
  if (contentType === undefined) throw new FspiopError(Codes.MISSING_ELEMENT, 'Content-type is required');
  const content = pattern.contentType.exec(contentType);
  if (!content) throw new FspiopError(Codes.MALFORMED_SYNTAX, 'Invalid content-type header');
  const version = content[1] as string;
  if (!SUPPORTED_CONTENT_VERSIONS.has(version)) {
    throw new FspiopError(
      Codes.UNACCEPTABLE_VERSION,
      'Client supplied a protocol version which is not supported by the server',
    );
  }

  const date = single(headers, 'date');
  if (date === undefined) throw new FspiopError(Codes.MISSING_ELEMENT, "'date' HTTP header");
  if (Number.isNaN(Date.parse(date))) throw new FspiopError(Codes.MALFORMED_SYNTAX, "'date' HTTP header");

  const source = single(headers, 'fspiop-source');
  if (source === undefined) throw new FspiopError(Codes.MISSING_ELEMENT, "'fspiop-source' HTTP header");
  if (source.length < 1 || source.length > 32) {
    throw new FspiopError(Codes.MALFORMED_SYNTAX, "'fspiop-source' HTTP header");
  }
  const destination = single(headers, 'fspiop-destination');
  if (destination !== undefined && (destination.length < 1 || destination.length > 32)) {
    throw new FspiopError(Codes.MALFORMED_SYNTAX, "'fspiop-destination' HTTP header");
  }
  return { source, destination, version };
}

/** Headers forwarded unchanged, so the receiver can verify the original signer. */
const FORWARDED = [
  'accept',
  'content-type',
  'date',
  'fspiop-source',
  'fspiop-destination',
  'fspiop-encryption',
  'fspiop-signature',
  'fspiop-uri',
  'fspiop-http-method',
  'x-forwarded-for',
  'traceparent',
  'tracestate',
] as const;

/** Outgoing headers as the callback client sends them (lower-case names, string values). */
export type OutgoingHeaders = Record<string, string | string[]>;

export function forwardHeaders(headers: IncomingHttpHeaders): OutgoingHeaders {
  const out: Record<string, string | string[]> = {};
  for (const name of FORWARDED) {
    const value = headers[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

export interface OriginatedHeaderParams {
  resource: Resource;
  version: string;
  source: string;
  destination: string;
  uri: string;
  method: string;
  date: string;
}

/** Headers of a message the hub originates (the signature is added by the sender). */
export function originatedHeaders(params: OriginatedHeaderParams): OutgoingHeaders {
  return {
    'content-type': `application/vnd.interoperability.${params.resource}+json;version=${params.version}`,
    date: params.date,
    'fspiop-source': params.source,
    'fspiop-destination': params.destination,
    'fspiop-uri': params.uri,
    'fspiop-http-method': params.method,
  };
}
