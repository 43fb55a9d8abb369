/**
 * The admin port: central-ledger's admin API subset onboarding uses, plus `/health` and `/metrics`.
 *
 * Every admin route needs an `FSPIOP-Source` header (the contract's `hub_operator`); writes need
 * `Content-Type: application/json` (anything else, FSPIOP vendor types included, is 3101, as
 * central-ledger's `payload.allow: ['application/json']` answers). Errors are FSPIOP error bodies with
 * the status of their code; an unknown path is 3002/404, a wrong method 3000/405.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import { Codes, FspiopError } from '../fspiop/errors.js';
import {
  BodyTooLarge,
  pathSegments,
  queryOf,
  readBody,
  sendEmpty,
  sendError,
  sendJson,
  sendUnexpected,
} from '../http.js';
import { fromNumber } from '../money.js';
import type { Participant, Participants } from '../participants.js';
import { parseJson, requireJsonContentType, validate } from '../validation.js';
import {
  AdjustLimitsBody,
  Currency,
  EndpointBody,
  FundsBody,
  HubAccountBody,
  InitialPositionAndLimitsBody,
  ParticipantBody,
  SettlementModelBody,
} from './schemas.js';

const BODY_LIMIT = 1024 * 1024;

export interface AdminDeps {
  participants: Participants;
  registry: Registry;
  /** Base URL used in participant `links.self`, e.g. `http://127.0.0.1:47011`. */
  baseUrl: () => string;
  clock: () => number;
  startedAt: number;
  log: (message: string) => void;
}

interface Call {
  request: IncomingMessage;
  response: ServerResponse;
  deps: AdminDeps;
}

type Handler = (call: Call, params: string[]) => Promise<void> | void;

interface Route {
  pattern: string[];
  methods: Partial<Record<string, Handler>>;
}

function units(value: number, what: string): bigint {
  const scaled = fromNumber(value);
  if (scaled === null)
    throw new FspiopError(Codes.VALIDATION_ERROR, `"${what}" must have at most 4 decimal places`);
  return scaled;
}

function nameParam(raw: string): string {
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    throw new FspiopError(Codes.MALFORMED_SYNTAX, "'name' URI path parameter");
  }
  if (name.length < 2 || name.length > 30)
    throw new FspiopError(Codes.MALFORMED_SYNTAX, "'name' URI path parameter");
  return name;
}

async function jsonBody(call: Call): Promise<unknown> {
  requireJsonContentType(headerOf(call.request, 'content-type'));
  let body: Buffer;
  try {
    body = await readBody(call.request, BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new FspiopError(Codes.TOO_LARGE_PAYLOAD, error.message);
    throw error;
  }
  return parseJson(body);
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function entity(participant: Participant, baseUrl: string) {
  const link = `${baseUrl}/participants/${encodeURIComponent(participant.name)}`;
  return {
    name: participant.name,
    id: link,
    created: participant.createdDate,
    isActive: participant.isActive,
    links: { self: link },
    accounts: participant.accounts.map((a) => ({
      id: a.id,
      ledgerAccountType: a.ledgerAccountType,
      currency: a.currency,
      isActive: a.isActive,
      createdDate: a.createdDate,
      createdBy: a.createdBy,
    })),
    isProxy: participant.isProxy,
  };
}

function optionalCurrency(call: Call): string | undefined {
  const currency = queryOf(call.request.url).get('currency');
  return currency === null ? undefined : validate(Currency, currency);
}

const routes: Route[] = [
  {
    pattern: ['participants'],
    methods: {
      GET: ({ response, deps }) =>
        sendJson(
          response,
          200,
          deps.participants.list().map((p) => entity(p, deps.baseUrl())),
        ),
      POST: async (call) => {
        const body = validate(ParticipantBody, await jsonBody(call));
        const isProxy = body.isProxy === true || body.isProxy === 1 || body.isProxy === '1';
        const participant = call.deps.participants.create(body.name, body.currency, isProxy);
        call.deps.log(`participant ${body.name} ${body.currency} created`);
        sendJson(call.response, 201, entity(participant, call.deps.baseUrl()));
      },
    },
  },
  {
    pattern: ['participants', ':name'],
    methods: {
      GET: ({ response, deps }, [raw]) => {
        const participant = deps.participants.get(nameParam(raw as string));
        if (!participant)
          throw new FspiopError(Codes.ID_NOT_FOUND, 'The requested resource could not be found.');
        sendJson(response, 200, entity(participant, deps.baseUrl()));
      },
    },
  },
  {
    pattern: ['participants', ':name', 'accounts'],
    methods: {
      POST: async (call, [raw]) => {
        const name = nameParam(raw as string);
        const body = validate(HubAccountBody, await jsonBody(call));
        const participant = call.deps.participants.createHubAccount(name, body.currency, body.type);
        sendJson(call.response, 201, entity(participant, call.deps.baseUrl()));
      },
      GET: (call, [raw]) =>
        sendJson(
          call.response,
          200,
          call.deps.participants.accounts(nameParam(raw as string), optionalCurrency(call)),
        ),
    },
  },
  {
    pattern: ['participants', ':name', 'accounts', ':id'],
    methods: {
      POST: async (call, [raw, rawId]) => {
        const name = nameParam(raw as string);
        if (!/^[1-9][0-9]{0,9}$/.test(rawId as string)) {
          throw new FspiopError(Codes.VALIDATION_ERROR, "'id' URI path parameter");
        }
        const body = validate(FundsBody, await jsonBody(call));
        if (body.action !== 'recordFundsIn') {
          throw new FspiopError(Codes.NOT_IMPLEMENTED, `action ${body.action} is not emulated`);
        }
        call.deps.participants.recordFundsIn(
          name,
          Number(rawId),
          body.transferId,
          units(body.amount.amount, 'amount.amount'),
          body.amount.currency,
        );
        sendEmpty(call.response, 202);
      },
    },
  },
  {
    pattern: ['participants', ':name', 'initialPositionAndLimits'],
    methods: {
      POST: async (call, [raw]) => {
        const name = nameParam(raw as string);
        const body = validate(InitialPositionAndLimitsBody, await jsonBody(call));
        call.deps.participants.initialPositionAndLimits(
          name,
          body.currency,
          units(body.limit.value, 'limit.value'),
          units(body.initialPosition ?? 0, 'initialPosition'),
        );
        sendEmpty(call.response, 201);
      },
    },
  },
  {
    pattern: ['participants', ':name', 'limits'],
    methods: {
      GET: (call, [raw]) =>
        sendJson(
          call.response,
          200,
          call.deps.participants.limits(nameParam(raw as string), optionalCurrency(call)),
        ),
      PUT: async (call, [raw]) => {
        const name = nameParam(raw as string);
        const body = validate(AdjustLimitsBody, await jsonBody(call));
        const view = call.deps.participants.adjustLimit(
          name,
          body.currency,
          units(body.limit.value, 'limit.value'),
          body.limit.alarmPercentage,
        );
        sendJson(call.response, 200, view);
      },
    },
  },
  {
    pattern: ['participants', ':name', 'positions'],
    methods: {
      GET: (call, [raw]) => {
        const views = call.deps.participants
          .accounts(nameParam(raw as string), optionalCurrency(call))
          .filter((a) => a.ledgerAccountType === 'POSITION')
          .map((a) => ({ currency: a.currency, value: a.value, changedDate: a.changedDate }));
        sendJson(call.response, 200, views);
      },
    },
  },
  {
    pattern: ['participants', ':name', 'endpoints'],
    methods: {
      POST: async (call, [raw]) => {
        const name = nameParam(raw as string);
        const body = validate(EndpointBody, await jsonBody(call));
        call.deps.participants.setEndpoint(name, body.type, body.value);
        sendEmpty(call.response, 201);
      },
      GET: (call, [raw]) => {
        const participant = call.deps.participants.get(nameParam(raw as string));
        if (!participant)
          throw new FspiopError(Codes.ID_NOT_FOUND, 'The requested resource could not be found.');
        const type = queryOf(call.request.url).get('type');
        if (type !== null) {
          const endpoint = participant.endpoints.get(type);
          sendJson(call.response, 200, endpoint ? { type, value: endpoint.value } : {});
          return;
        }
        sendJson(
          call.response,
          200,
          [...participant.endpoints].map(([t, e]) => ({ type: t, value: e.value })),
        );
      },
    },
  },
  {
    pattern: ['settlementModels'],
    methods: {
      POST: async (call) => {
        const body = validate(SettlementModelBody, await jsonBody(call));
        call.deps.participants.createSettlementModel({ ...body, currency: body.currency ?? null });
        sendEmpty(call.response, 201);
      },
      GET: (call) => sendJson(call.response, 200, call.deps.participants.settlementModels()),
    },
  },
];

function match(segments: string[]): { route: Route; params: string[] } | undefined {
  for (const route of routes) {
    if (route.pattern.length !== segments.length) continue;
    const params: string[] = [];
    let ok = true;
    for (let i = 0; i < segments.length; i += 1) {
      const part = route.pattern[i] as string;
      const segment = segments[i] as string;
      if (part.startsWith(':')) params.push(segment);
      else if (part !== segment) {
        ok = false;
        break;
      }
    }
    if (ok) return { route, params };
  }
  return undefined;
}

export function createAdminHandler(deps: AdminDeps) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response, deps).catch(() => sendUnexpected(response));
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, deps: AdminDeps): Promise<void> {
  const method = request.method ?? 'GET';
  const { segments } = pathSegments(request.url);
  try {
    if (segments.length === 1 && segments[0] === 'health' && method === 'GET') {
      sendJson(response, 200, {
        status: 'OK',
        uptime: (deps.clock() - deps.startedAt) / 1000,
        startTime: new Date(deps.startedAt).toISOString(),
        versionNumber: 'hub-emulator',
        services: [],
      });
      return;
    }
    if (segments.length === 1 && segments[0] === 'metrics' && method === 'GET') {
      const text = await deps.registry.metrics();
      response.writeHead(200, {
        'content-type': deps.registry.contentType,
        'content-length': Buffer.byteLength(text),
      });
      response.end(text);
      return;
    }
    const found = match(segments);
    if (!found) throw new FspiopError(Codes.UNKNOWN_URI, `${method} ${pathSegments(request.url).path}`);
    const handler = found.route.methods[method];
    if (!handler) {
      response.setHeader('allow', Object.keys(found.route.methods).join(', '));
      throw new FspiopError(Codes.METHOD_NOT_ALLOWED);
    }
    if (!headerOf(request, 'fspiop-source')) {
      throw new FspiopError(Codes.MISSING_ELEMENT, "'fspiop-source' HTTP header");
    }
    await handler({ request, response, deps }, found.params);
  } catch (error) {
    if (!(error instanceof FspiopError)) throw error;
    if (!request.readableEnded) request.resume();
    sendError(response, error);
  }
}
