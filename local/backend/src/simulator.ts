/**
 * The payee-side DFSP backend that an SDK scheme adapter 18 calls (its "DFSP inbound" API,
 * node_modules/@mojaloop/sdk-scheme-adapter/docs/dfspInboundApi.yaml, called from
 * src/lib/model/lib/requests/backendRequests.js):
 *
 *   GET  /parties/{idType}/{idValue}[/{idSubValue}]       party lookup      → transferParty
 *   GET  /participants/{idType}/{idValue}[/{idSubValue}]  owner lookup      → { fspId }
 *   POST /quoterequests                                   quote             → quoteResponse
 *   POST /transfers                                       transfer prepare  → { homeTransactionId }
 *   GET  /transfers/{transferId}                          transfer details  → transferDetailsResponse
 *   PUT  /transfers/{transferId}                          final notification (PATCH from the hub)
 *   GET  /health                                          ours, for the supervisor
 *
 * It owns the MSISDNs `partyIdentifier(index, 0 … partiesPerDfsp-1)`. Failures use the SDK's backend
 * error shape `{ statusCode: "<4-digit Mojaloop code>", message }`: the SDK turns `statusCode` into the
 * FSPIOP error of its callback (InboundTransfersModel._handleError), e.g. 3204 → "Party not found".
 * Raw node:http, no framework: it must cost next to nothing under load.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ownerOfPartyIdentifier, PARTY_ID_TYPE } from '@mlperf/core/fleet/names';

export interface BackendOptions {
  /** The DFSP's FSPIOP id, e.g. perffsp3. */
  fspId: string;
  /** The DFSP's 1-based index (owner digits of its MSISDNs). */
  index: number;
  /** Size of its identifier range. */
  partiesPerDfsp: number;
  /** The one currency it quotes and accepts. */
  currency: string;
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Most recent transfers kept for GET /transfers/{id}; older ones are forgotten. */
  transferMemory?: number;
}

export interface Backend {
  server: Server;
  host: string;
  port: number;
  counters: Readonly<Record<string, number>>;
  close(): Promise<void>;
}

/** Body of every non-2xx answer, as the SDK reads it. */
export interface BackendError {
  statusCode: string;
  message: string;
}

const MAX_BODY_BYTES = 1 << 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

// Mojaloop API error codes the SDK maps back (sdk-standard-components Errors.MojaloopApiErrorCodes).
const E = {
  unknownUri: '3002',
  malformed: '3101',
  missing: '3102',
  validation: '3100',
  partyNotFound: '3204',
  transferNotFound: '3208',
  unsupportedMethod: '3000',
  tooLarge: '3100',
} as const;

interface StoredTransfer {
  transferId: string;
  homeTransactionId: string;
  from: unknown;
  to: unknown;
  amountType: string;
  currency: string;
  amount: string;
  transactionType: string;
  note?: string;
  transferState: 'RESERVED' | 'COMMITTED' | 'ABORTED';
  timestamp: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The party a provisioned identifier stands for; undefined when this DFSP does not own it. */
export function partyFor(
  options: Pick<BackendOptions, 'fspId' | 'index' | 'partiesPerDfsp'>,
  idType: string,
  idValue: string,
) {
  if (idType !== PARTY_ID_TYPE || ownerOfPartyIdentifier(idValue) !== options.index) return undefined;
  const n = Number(idValue.slice(-8));
  if (!(n < options.partiesPerDfsp)) return undefined;
  return {
    type: 'CONSUMER',
    idType,
    idValue,
    displayName: `Perf Payee ${n}`,
    firstName: 'Perf',
    lastName: `Payee${n}`,
    dateOfBirth: '1990-01-01',
    fspId: options.fspId,
  };
}

/** The backend's HTTP server (not listening yet) and its live request counters. */
export function createBackend(options: BackendOptions): {
  server: Server;
  counters: Readonly<Record<string, number>>;
} {
  const { fspId, currency } = options;
  const memory = options.transferMemory ?? 10_000;
  const transfers = new Map<string, StoredTransfer>();
  const counters: Record<string, number> = {};
  let homeSeq = 0;

  const count = (name: string) => {
    counters[name] = (counters[name] ?? 0) + 1;
  };

  const remember = (transfer: StoredTransfer) => {
    transfers.delete(transfer.transferId);
    transfers.set(transfer.transferId, transfer);
    if (transfers.size > memory) {
      const oldest = transfers.keys().next().value;
      if (oldest !== undefined) transfers.delete(oldest);
    }
  };

  const ownedPartyOrThrow = (party: unknown, role: string) => {
    const p = asRecord(party, role);
    const found = partyFor(options, String(p.idType ?? ''), String(p.idValue ?? ''));
    if (!found || p.idSubValue !== undefined) {
      throw new HttpError(404, E.partyNotFound, `${role} party not found at ${fspId}`);
    }
    return found;
  };

  const checkCurrency = (value: unknown) => {
    if (value !== currency) {
      throw new HttpError(400, E.validation, `${fspId} only handles ${currency}, not ${String(value)}`);
    }
  };

  const route = async (req: IncomingMessage): Promise<[number, unknown]> => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const parts = path
      .split('/')
      .filter((part) => part !== '')
      .map(decodeSegment);
    const [head, a, b, c, ...rest] = parts;

    if (head === 'health' && parts.length === 1) {
      allow(method, 'GET');
      count('health');
      return [200, { status: 'OK', fspId, counters }];
    }

    if ((head === 'parties' || head === 'participants') && a && b && rest.length === 0) {
      allow(method, 'GET');
      count(head);
      const party = c === undefined ? partyFor(options, a, b) : undefined;
      if (!party)
        throw new HttpError(404, E.partyNotFound, `party ${a}/${b}${c ? `/${c}` : ''} not found at ${fspId}`);
      return [200, head === 'parties' ? party : { fspId }];
    }

    if (head === 'quoterequests' && parts.length === 1) {
      allow(method, 'POST');
      count('quoterequests');
      const body = asRecord(await readJson(req), 'body');
      const quoteId = requireUuid(body, 'quoteId');
      const transactionId = requireUuid(body, 'transactionId');
      const amount = requireString(body, 'amount');
      checkCurrency(requireString(body, 'currency'));
      ownedPartyOrThrow(body.to, 'payee');
      return [200, { quoteId, transactionId, transferAmount: amount, transferAmountCurrency: currency }];
    }

    if (head === 'transfers' && parts.length === 1) {
      allow(method, 'POST');
      count('transfers');
      const body = asRecord(await readJson(req), 'body');
      const transferId = requireUuid(body, 'transferId');
      checkCurrency(requireString(body, 'currency'));
      ownedPartyOrThrow(body.to, 'payee');
      homeSeq += 1;
      const homeTransactionId = `${fspId}-${homeSeq}`;
      remember({
        transferId,
        homeTransactionId,
        from: body.from,
        to: body.to,
        amountType: String(body.amountType ?? 'SEND'),
        currency,
        amount: requireString(body, 'amount'),
        transactionType: String(body.transactionType ?? 'TRANSFER'),
        ...(typeof body.note === 'string' ? { note: body.note } : {}),
        transferState: 'RESERVED',
        timestamp: new Date().toISOString(),
      });
      return [200, { homeTransactionId }];
    }

    if (head === 'transfers' && a && parts.length === 2) {
      if (method === 'GET') {
        count('transfers-get');
        const stored = transfers.get(a);
        if (!stored) throw new HttpError(404, E.transferNotFound, `transfer ${a} not known at ${fspId}`);
        return [200, stored];
      }
      allow(method, 'PUT');
      count('transfers-notification');
      const body = asRecord(await readJson(req), 'body');
      const stored = transfers.get(a);
      const finalState = asRecord(body.finalNotification ?? {}, 'finalNotification').transferState;
      if (stored && (finalState === 'COMMITTED' || finalState === 'ABORTED')) {
        remember({ ...stored, transferState: finalState, timestamp: new Date().toISOString() });
      }
      return [200, {}];
    }

    throw new HttpError(404, E.unknownUri, `no such backend resource: ${method} ${path}`);
  };

  const server = createServer((req, res) => {
    route(req).then(
      ([status, body]) => send(res, status, body),
      (error: unknown) => {
        const known = error instanceof HttpError;
        const body: BackendError = known
          ? { statusCode: error.code, message: error.message }
          : { statusCode: '2001', message: 'backend simulator internal error' };
        // A request whose body was not read to the end cannot share its connection with the next one.
        send(res, known ? error.status : 500, body, !req.complete);
      },
    );
  });
  // Keep-alive connections from the SDK (it uses a keep-alive agent) outlive Node's 5 s default.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  server.requestTimeout = 30_000;
  return { server, counters };
}

/** Starts a backend and resolves once it listens. */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const host = options.host ?? '127.0.0.1';
  const { server, counters } = createBackend(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    host,
    port: address.port,
    counters,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------- helpers

function send(res: ServerResponse, status: number, body: unknown, closeAfter = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...(closeAfter ? { connection: 'close' } : {}),
  });
  res.end(text, () => {
    if (closeAfter) res.socket?.destroy();
  });
}

function allow(method: string, expected: string): void {
  if (method !== expected) throw new HttpError(405, E.unsupportedMethod, `method ${method} not allowed here`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, E.malformed, 'malformed path');
  }
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.pause();
        reject(new HttpError(413, E.tooLarge, 'request body too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, E.malformed, 'request body is not JSON'));
      }
    });
  });
}

function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, E.missing, `${what} must be an object`);
  }
  return value as Record<string, unknown>;
}

function requireString(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') throw new HttpError(400, E.missing, `missing ${key}`);
  return value;
}

function requireUuid(body: Record<string, unknown>, key: string): string {
  const value = requireString(body, key);
  if (!UUID.test(value)) throw new HttpError(400, E.validation, `${key} is not a UUID`);
  return value;
}
