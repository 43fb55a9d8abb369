/**
 * FSPIOP message bodies as SDK 18 builds them (OutboundTransfersModel / InboundTransfersModel), with
 * ILP v1 packets, conditions and fulfilments made by the same sdk-standard-components `Ilp` class.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import Ilp from '@mojaloop/sdk-standard-components/src/lib/ilp/index.js';
import { CURRENCY } from './stack.js';

const quietLogger = { isDebugEnabled: () => false, debug: () => {} };
const ilp = new Ilp({ secret: 'payee-ilp-secret', logger: quietLogger });

export function party(fspId: string, msisdn: string) {
  return { partyIdInfo: { partyIdType: 'MSISDN', partyIdentifier: msisdn, fspId } };
}

export function isoIn(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

export interface Quote {
  request: Record<string, unknown> & { quoteId: string; transactionId: string };
  response: Record<string, unknown> & { ilpPacket: string; condition: string };
  fulfilment: string;
}

/** A quote request from `payer` for `amount` to the payee's MSISDN, and the payee's answer. */
export function quote(payer: string, payee: string, payeeMsisdn: string, amount = '100'): Quote {
  const request = {
    quoteId: randomUUID(),
    transactionId: randomUUID(),
    amountType: 'SEND',
    amount: { currency: CURRENCY, amount },
    expiration: isoIn(60_000),
    payer: party(payer, '250100000001'),
    payee: party(payee, payeeMsisdn),
    transactionType: { scenario: 'TRANSFER', initiator: 'PAYER', initiatorType: 'CONSUMER' },
  };
  const transferAmount = { currency: CURRENCY, amount };
  const { fulfilment, ilpPacket, condition } = ilp.getQuoteResponseIlp(request, { transferAmount });
  return {
    request,
    response: { transferAmount, expiration: isoIn(60_000), ilpPacket, condition },
    fulfilment,
  };
}

export function prepare(
  q: Quote,
  payer: string,
  payee: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> & { transferId: string } {
  return {
    transferId: q.request.transactionId,
    payeeFsp: payee,
    payerFsp: payer,
    amount: q.response.transferAmount,
    ilpPacket: q.response.ilpPacket,
    condition: q.response.condition,
    expiration: isoIn(60_000),
    ...overrides,
  };
}

export function fulfil(fulfilment: string, transferState = 'COMMITTED'): Record<string, unknown> {
  return { completedTimestamp: new Date().toISOString(), transferState, fulfilment };
}

export function randomFulfilment(): string {
  return randomBytes(32).toString('base64url');
}
