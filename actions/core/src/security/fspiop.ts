/**
 * FSPIOP messages built the way a DFSP running the SDK scheme adapter 18 builds them: the same
 * headers (`content-type` with version 1.0, `accept` except on PUT, RFC 1123 `date`, source and
 * destination), signed by `Jws.signer` of `@mojaloop/sdk-standard-components` 17.4.0 over the body
 * exactly as sent, and transfers whose ILP packet, condition and fulfilment come from the same
 * library's ILP v1 helper, so a valid probe is valid to a real hub.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import sdk, {
  type IlpTransactionObject,
  type SdkLogger,
} from '@mojaloop/sdk-standard-components/src/index.js';

/** The library logs through `isDebugEnabled()`/`debug()`; probes keep key material out of logs. */
const SILENT: SdkLogger = { isDebugEnabled: () => false, debug: () => undefined };

export type FspiopResource = 'transfers' | 'quotes' | 'parties' | 'participants';
export type FspiopMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

export interface FspiopHeaderInput {
  resource: FspiopResource;
  method: FspiopMethod;
  source: string;
  destination?: string;
  date?: Date;
  /** Content version the SDK 18 line sends by default. */
  version?: string;
}

/** Request headers as SDK 18's `_buildHeaders` makes them (lower-case names). */
export function fspiopHeaders(input: FspiopHeaderInput): Record<string, string> {
  const version = input.version ?? '1.0';
  const headers: Record<string, string> = {
    'content-type': `application/vnd.interoperability.${input.resource}+json;version=${version}`,
    date: (input.date ?? new Date()).toUTCString(),
    'fspiop-source': input.source,
  };
  if (input.destination) headers['fspiop-destination'] = input.destination;
  if (input.method !== 'PUT') {
    headers.accept = `application/vnd.interoperability.${input.resource}+json;version=${version.split('.')[0]}`;
  }
  return headers;
}

export interface SignInput {
  method: FspiopMethod;
  /** Full request URL; FSPIOP-URI is taken from its resource path as the library does. */
  url: string;
  headers: Record<string, string>;
  /** The serialised body that is signed (normally the body sent). */
  body: string;
  /** PEM private key (RSA: the 17.x signer uses RS256). */
  signingKeyPem: string;
}

/**
 * Returns the headers plus `fspiop-http-method`, `fspiop-uri` and `fspiop-signature` from
 * `Jws.signer.sign()`. The protected header holds alg, FSPIOP-URI, FSPIOP-HTTP-Method,
 * FSPIOP-Source, and FSPIOP-Destination and Date when those headers are present.
 */
export function signRequest(input: SignInput): Record<string, string> {
  const signer = new sdk.Jws.signer({ logger: SILENT, signingKey: input.signingKeyPem });
  const options = { method: input.method, uri: input.url, headers: { ...input.headers }, body: input.body };
  signer.sign(options);
  return options.headers;
}

/** The decoded parts of an `FSPIOP-Signature` header. */
export function decodeSignatureHeader(value: string): {
  protectedHeader: Record<string, unknown>;
  signature: string;
} {
  const parsed = JSON.parse(value) as { protectedHeader?: unknown; signature?: unknown };
  if (typeof parsed.protectedHeader !== 'string' || typeof parsed.signature !== 'string') {
    throw new Error('FSPIOP-Signature must hold protectedHeader and signature strings');
  }
  const header = JSON.parse(Buffer.from(parsed.protectedHeader, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  return { protectedHeader: header, signature: parsed.signature };
}

// ---------------------------------------------------------------- transfers

export interface TransferPrepare {
  transferId: string;
  payerFsp: string;
  payeeFsp: string;
  amount: { amount: string; currency: string };
  ilpPacket: string;
  condition: string;
  expiration: string;
}

export interface TransferFulfil {
  fulfilment: string;
  completedTimestamp: string;
  transferState: 'COMMITTED';
}

export interface PrepareInput {
  payerFsp: string;
  payeeFsp: string;
  amount: string;
  currency: string;
  expiration: Date;
  /** The payee's ILP secret; any value works for a probe that plays both sides. */
  ilpSecret: string;
  transferId?: string;
  payerIdentifier?: string;
  payeeIdentifier?: string;
}

/**
 * A transfer prepare with an ILP v1 packet over the transaction (as the payee SDK builds it for a
 * quote), plus the fulfilment that completes it. Expiration is ISO-8601 with milliseconds.
 */
export function buildTransferPrepare(input: PrepareInput): { prepare: TransferPrepare; fulfilment: string } {
  const transferId = input.transferId ?? randomUUID();
  const transaction: IlpTransactionObject = {
    transactionId: randomUUID(),
    quoteId: randomUUID(),
    payee: {
      partyIdInfo: {
        partyIdType: 'MSISDN',
        partyIdentifier: input.payeeIdentifier ?? '259900000002',
        fspId: input.payeeFsp,
      },
    },
    payer: {
      partyIdInfo: {
        partyIdType: 'MSISDN',
        partyIdentifier: input.payerIdentifier ?? '259900000001',
        fspId: input.payerFsp,
      },
    },
    amount: { amount: input.amount, currency: input.currency },
    transactionType: { scenario: 'TRANSFER', initiator: 'PAYER', initiatorType: 'CONSUMER' },
  };
  const ilp = new sdk.Ilp({ secret: input.ilpSecret, logger: SILENT });
  const { fulfilment, ilpPacket, condition } = ilp.getResponseIlp(transaction);
  return {
    prepare: {
      transferId,
      payerFsp: input.payerFsp,
      payeeFsp: input.payeeFsp,
      amount: { amount: input.amount, currency: input.currency },
      ilpPacket,
      condition,
      expiration: input.expiration.toISOString(),
    },
    fulfilment,
  };
}

export function buildFulfil(fulfilment: string, now: Date = new Date()): TransferFulfil {
  return { fulfilment, completedTimestamp: now.toISOString(), transferState: 'COMMITTED' };
}

/** A well-formed fulfilment (32 bytes, base64url) that does not match `condition`. */
export function wrongFulfilment(condition: string): string {
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = randomBytes(32).toString('base64url');
    if (!fulfilmentMatches(candidate, condition)) return candidate;
  }
  throw new Error('could not draw a non-matching fulfilment');
}

/** ILP v1 check: sha256(fulfilment) = condition. */
export function fulfilmentMatches(fulfilment: string, condition: string): boolean {
  return new sdk.Ilp({ secret: 'unused', logger: SILENT }).validateFulfil(fulfilment, condition);
}
