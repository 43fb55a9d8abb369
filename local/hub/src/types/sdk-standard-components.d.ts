/**
 * Minimal types for the parts of `@mojaloop/sdk-standard-components@17.4.0` (CommonJS) the hub and its
 * tests use: the JWS signer/validator pair and the ILP v1 class that SDK 18 itself runs.
 *
 * Declared on the package's *subpaths* on purpose: the package root ships its own (partial) typings,
 * and an ambient declaration of the root would replace them for every workspace of this repository.
 */

declare module '@mojaloop/sdk-standard-components/src/lib/jws/index.js' {
  /** The logger shape the SDK classes call (`logger.isDebugEnabled() && logger.debug(...)`). */
  interface SdkLogger {
    isDebugEnabled(): boolean;
    debug(message: string): void;
  }

  /** A request-options object as the SDK builds it: lower-case header names. */
  interface JwsRequestOptions {
    method: string;
    uri?: string;
    url?: string;
    headers: Record<string, string | undefined>;
    body?: unknown;
    data?: unknown;
  }

  class JwsSigner {
    constructor(config: { signingKey: string | Buffer; logger: SdkLogger });
    /** Adds `fspiop-http-method`, `fspiop-uri` and `fspiop-signature`, then stringifies the body. */
    sign(requestOptions: JwsRequestOptions): void;
    getSignature(requestOptions: JwsRequestOptions): string;
  }

  class JwsValidator {
    constructor(config: { validationKeys: Record<string, string | Buffer>; logger: SdkLogger });
    /** Throws when the signature or the protected header does not match the request. */
    validate(request: { headers: Record<string, string | undefined>; body?: unknown; data?: unknown }): void;
  }

  const Jws: { signer: typeof JwsSigner; validator: typeof JwsValidator };
  export = Jws;
}

declare module '@mojaloop/sdk-standard-components/src/lib/ilp/index.js' {
  interface SdkLogger {
    isDebugEnabled(): boolean;
    debug(message: string): void;
  }

  interface IlpPayment {
    /** Amount in the currency's minor units, as a decimal string. */
    amount: string;
    /** ILP address, e.g. `g.perffsp2.msisdn.250200000001`. */
    account: string;
    /** base64url of the JSON transaction object, as bytes. */
    data: Buffer;
  }

  interface IlpResponse {
    fulfilment: string;
    ilpPacket: string;
    condition: string;
  }

  /** ILP v1 (the class SDK 18's models instantiate). */
  class Ilp {
    constructor(config: { secret: string; logger?: SdkLogger });
    getResponseIlp(transactionObject: object): IlpResponse;
    getQuoteResponseIlp(quoteRequest: object, quoteResponse: object): IlpResponse;
    validateFulfil(fulfilment: string, condition: string): boolean;
    calculateFulfil(base64EncodedPacket: string): string;
    calculateConditionFromFulfil(fulfilment: string): string;
    decodeIlpPacket(inputIlpPacket: string): IlpPayment;
    getTransactionObject(inputIlpPacket: string): unknown;
  }

  export = Ilp;
}
