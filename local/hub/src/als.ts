/**
 * The account lookup side: the ALS admin `POST /oracles` and, because the emulator is its own oracle,
 * the oracle API that stores who owns which party identifier:
 *
 *   POST /oracles                      {oracleIdType, endpoint:{value, endpointType}, currency?, isDefault?}
 *   POST /participants/{Type}/{ID}     {fspId, currency?, partySubIdOrType?}          → 201
 *   GET  /participants/{Type}/{ID}     → 200 {partyList:[{fspId, currency?}]} | 404 (3200)
 *   DELETE /participants/{Type}/{ID}   → 204
 *   POST /participants                 {requestId, partyList:[{partyIdType, partyIdentifier, fspId}], currency?}
 *                                      → 201, all or nothing (a bad entry is answered 400 naming its index)
 *
 * Registration is an upsert (re-running onboarding is safe). Party lookups of the FSPIOP side need an
 * oracle registered for the identifier type, as the real ALS does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { Codes, FspiopError } from './fspiop/errors.js';
import {
  BodyTooLarge,
  pathSegments,
  readBody,
  sendEmpty,
  sendError,
  sendJson,
  sendUnexpected,
} from './http.js';
import { CURRENCIES, PARTY_ID_TYPES, parseJson, requireJsonContentType, validate } from './validation.js';

/** Bulk loads of a whole fleet's parties arrive in one request. */
const BODY_LIMIT = 64 * 1024 * 1024;
const VENDOR_PARTICIPANTS =
  /^application\/vnd\.interoperability\.participants\+json\s?;\s?version=1(\.[01])?$/;

const PartyIdType = z.enum(PARTY_ID_TYPES);
const FspIdSchema = z.string().min(1).max(32);
const Identifier = z.string().min(1).max(128);
const Extensions = z
  .strictObject({ extension: z.array(z.strictObject({ key: z.string(), value: z.string() })) })
  .optional();

const OracleBody = z.strictObject({
  oracleIdType: PartyIdType,
  endpoint: z.strictObject({ value: z.string().min(1), endpointType: z.enum(['URL']) }),
  currency: z.enum(CURRENCIES).optional(),
  isDefault: z.boolean().optional(),
});

const PartyBody = z.strictObject({
  fspId: FspIdSchema,
  currency: z.enum(CURRENCIES).optional(),
  partySubIdOrType: z.string().min(1).max(128).optional(),
  extensionList: Extensions,
});

const BulkBody = z.strictObject({
  requestId: z.string().min(1).max(64),
  partyList: z
    .array(
      z.strictObject({
        partyIdType: PartyIdType,
        partyIdentifier: Identifier,
        fspId: FspIdSchema,
        partySubIdOrType: z.string().min(1).max(128).optional(),
        extensionList: Extensions,
      }),
    )
    .min(1),
  currency: z.enum(CURRENCIES).optional(),
});

export interface PartyOwner {
  readonly fspId: string;
  readonly currency?: string;
}

export interface OracleRecord {
  oracleIdType: string;
  endpoint: { value: string; endpointType: string };
  currency?: string;
  isDefault: boolean;
}

/** Party identifier → owning DFSP. Owner objects are shared, so an entry costs a map slot and its key. */
export class Oracle {
  private readonly byType = new Map<string, Map<string, PartyOwner>>();
  private readonly owners = new Map<string, PartyOwner>();
  private readonly oracles = new Map<string, OracleRecord>();

  private owner(fspId: string, currency: string | undefined): PartyOwner {
    const key = `${fspId}\u0000${currency ?? ''}`;
    let owner = this.owners.get(key);
    if (!owner) {
      owner = Object.freeze(currency === undefined ? { fspId } : { fspId, currency });
      this.owners.set(key, owner);
    }
    return owner;
  }

  addOracle(record: OracleRecord): void {
    this.oracles.set(record.oracleIdType, record);
  }

  listOracles(): OracleRecord[] {
    return [...this.oracles.values()];
  }

  hasOracle(type: string): boolean {
    return this.oracles.has(type);
  }

  register(type: string, id: string, fspId: string, currency?: string): void {
    let table = this.byType.get(type);
    if (!table) {
      table = new Map();
      this.byType.set(type, table);
    }
    table.set(id, this.owner(fspId, currency));
  }

  remove(type: string, id: string): boolean {
    return this.byType.get(type)?.delete(id) ?? false;
  }

  lookup(type: string, id: string): PartyOwner | undefined {
    return this.byType.get(type)?.get(id);
  }

  size(): number {
    let total = 0;
    for (const table of this.byType.values()) total += table.size;
    return total;
  }
}

export interface AlsDeps {
  oracle: Oracle;
  log: (message: string) => void;
}

async function jsonBody(request: IncomingMessage): Promise<unknown> {
  const contentType = request.headers['content-type'];
  requireJsonContentType(typeof contentType === 'string' ? contentType : undefined, VENDOR_PARTICIPANTS);
  try {
    return parseJson(await readBody(request, BODY_LIMIT));
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new FspiopError(Codes.TOO_LARGE_PAYLOAD, error.message);
    throw error;
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new FspiopError(Codes.MALFORMED_SYNTAX, 'URI path parameter is not valid');
  }
}

async function route(request: IncomingMessage, response: ServerResponse, deps: AlsDeps): Promise<void> {
  const method = request.method ?? 'GET';
  const { path, segments } = pathSegments(request.url);
  const [first, type, id] = segments;

  if (segments.length === 1 && first === 'health' && method === 'GET') {
    sendJson(response, 200, { status: 'OK', parties: deps.oracle.size() });
    return;
  }
  if (segments.length === 1 && first === 'oracles') {
    if (method === 'POST') {
      const body = validate(OracleBody, await jsonBody(request));
      deps.oracle.addOracle({
        oracleIdType: body.oracleIdType,
        endpoint: body.endpoint,
        ...(body.currency ? { currency: body.currency } : {}),
        isDefault: body.isDefault ?? false,
      });
      deps.log(`oracle for ${body.oracleIdType} registered`);
      sendEmpty(response, 201);
      return;
    }
    if (method === 'GET') {
      sendJson(response, 200, deps.oracle.listOracles());
      return;
    }
    throw new FspiopError(Codes.METHOD_NOT_ALLOWED);
  }
  if (first === 'participants' && segments.length === 1) {
    if (method !== 'POST') throw new FspiopError(Codes.METHOD_NOT_ALLOWED);
    const body = validate(BulkBody, await jsonBody(request));
    for (const party of body.partyList) {
      deps.oracle.register(party.partyIdType, party.partyIdentifier, party.fspId, body.currency);
    }
    deps.log(`bulk registration ${body.requestId}: ${body.partyList.length} parties`);
    sendEmpty(response, 201);
    return;
  }
  if (first === 'participants' && segments.length === 3) {
    const partyType = validate(PartyIdType, decode(type as string));
    const partyId = validate(Identifier, decode(id as string));
    if (method === 'POST') {
      const body = validate(PartyBody, await jsonBody(request));
      deps.oracle.register(partyType, partyId, body.fspId, body.currency);
      sendEmpty(response, 201);
      return;
    }
    if (method === 'GET') {
      const owner = deps.oracle.lookup(partyType, partyId);
      if (!owner) throw new FspiopError(Codes.ID_NOT_FOUND, `${partyType}/${partyId} is not registered`);
      sendJson(response, 200, { partyList: [owner] });
      return;
    }
    if (method === 'DELETE') {
      deps.oracle.remove(partyType, partyId);
      sendEmpty(response, 204);
      return;
    }
    throw new FspiopError(Codes.METHOD_NOT_ALLOWED);
  }
  throw new FspiopError(Codes.UNKNOWN_URI, `${method} ${path}`);
}

export function createAlsHandler(deps: AlsDeps) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    route(request, response, deps).catch((error: unknown) => {
      if (error instanceof FspiopError) {
        if (!request.readableEnded) request.resume();
        sendError(response, error);
        return;
      }
      sendUnexpected(response);
    });
  };
}
