/**
 * The part of `@mojaloop/sdk-standard-components@17.4.0` (CommonJS) that verify-security uses: the
 * JWS signer and the ILP v1 helper, exactly as the SDK scheme adapter 18 line calls them. The
 * package's own root declarations omit `Ilp` and type request bodies as objects. This declares the
 * main file's explicit path (`…/src/index.js`, the same module at runtime) rather than the package
 * root, so the root keeps its own typings for the rest of the repository, and it stays clear of the
 * hub's declarations of the `src/lib/*` subpaths.
 */
declare module '@mojaloop/sdk-standard-components/src/index.js' {
  /** The logger shape the library calls (`isDebugEnabled()` before every debug line). */
  export interface SdkLogger {
    isDebugEnabled(): boolean;
    debug(...args: unknown[]): void;
  }

  /** A request-promise/axios style options object; `sign()` adds the FSPIOP-* headers to it. */
  export interface JwsRequestOptions {
    method: string;
    uri?: string;
    url?: string;
    headers: Record<string, string>;
    body?: string | Record<string, unknown>;
    data?: string | Record<string, unknown>;
  }

  export interface JwsSigner {
    sign(requestOptions: JwsRequestOptions): void;
    getSignature(requestOptions: JwsRequestOptions): string;
  }

  export interface JwsValidator {
    validate(request: { headers: Record<string, string>; body?: unknown; data?: unknown }): void;
  }

  export interface IlpTransactionObject {
    transactionId: string;
    quoteId: string;
    payee: { partyIdInfo: { partyIdType: string; partyIdentifier: string; fspId: string } };
    payer: { partyIdInfo: { partyIdType: string; partyIdentifier: string; fspId: string } };
    amount: { amount: string; currency: string };
    transactionType: Record<string, unknown>;
    note?: string;
  }

  export interface IlpHelper {
    getResponseIlp(transaction: IlpTransactionObject): {
      fulfilment: string;
      ilpPacket: string;
      condition: string;
    };
    validateFulfil(fulfilment: string, condition: string): boolean;
    calculateConditionFromFulfil(fulfilment: string): string;
    getTransactionObject(ilpPacket: string): IlpTransactionObject;
    validateIlpAgainstTransferRequest(transfer: {
      payerFsp: string;
      payeeFsp: string;
      amount: { amount: string; currency: string };
      ilpPacket: string;
    }): boolean;
  }

  interface SdkStandardComponents {
    Jws: {
      signer: new (config: { logger: SdkLogger; signingKey: string | Buffer }) => JwsSigner;
      validator: new (config: {
        logger: SdkLogger;
        validationKeys: Record<string, string | Buffer>;
      }) => JwsValidator;
    };
    /** ILP v1 (the only version in 17.x; the 18+ line adds `ilpFactory`). */
    Ilp: new (config: {
      secret: string;
      logger: SdkLogger;
    }) => IlpHelper;
  }

  const sdk: SdkStandardComponents;
  export default sdk;
}
