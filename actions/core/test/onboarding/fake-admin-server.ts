/**
 * FAKE central-ledger admin API and FAKE ALS (admin + oracle) for tests, on 127.0.0.1 only.
 *
 * Built from the documented contract of central-ledger 19.x (`src/api/participants/routes.js`,
 * `src/api/settlementModels/routes.js`, `src/domain/participant/index.js`, the admin transfer
 * handler), account-lookup-service's admin API and the MSISDN oracle, and as strict as they are:
 * - POST bodies must be `application/json` (anything else: 400, 3101 "Malformed syntax - Unsupported Media Type");
 * - unknown body keys are rejected (400, 3101 `Malformed syntax - "x" is not allowed`), enums are case-sensitive;
 * - a DFSP needs both hub accounts and a settlement model for its currency first;
 * - initial position and limits can be set once (500, 2001 "… already set"); changes go through PUT limits;
 * - funds-in is applied asynchronously (after `fundsDelayMs`), dropped on a repeated transferId, and
 *   accepted without `amount.currency` but then never applied (as the real ledger does);
 * - a settled settlement account holds a negative value.
 * It is NOT the local hub emulator (`local/hub`), only a test double for the onboarding client.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const CURRENCIES = new Set(['USD', 'EUR', 'XXX', 'TZS', 'KES']);
const HUB_ACCOUNT_TYPES = new Set(['HUB_MULTILATERAL_SETTLEMENT', 'HUB_RECONCILIATION']);
const ENDPOINT_TYPES = new Set([
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
]);
const TRANSFER_ID =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-7][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$|^[0-9A-HJKMNP-TV-Z]{26})$/;

class Reject extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
  ) {
    super(description);
  }
}

const malformed = (detail: string) => new Reject(400, '3101', `Malformed syntax - ${detail}`);
const missing = (detail: string) => new Reject(400, '3102', `Missing mandatory element - ${detail}`);

type Json = Record<string, unknown>;

/** Joi-like checks: known keys only, required keys present, types as central-ledger declares them. */
function strictObject(value: unknown, label: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw malformed(`"${label}" must be of type object`);
  return value as Json;
}
function onlyKeys(body: Json, allowed: string[]): void {
  for (const key of Object.keys(body)) if (!allowed.includes(key)) throw malformed(`"${key}" is not allowed`);
}
function requiredString(body: Json, key: string): string {
  const value = body[key];
  if (value === undefined) throw missing(`"${key}" is required`);
  if (typeof value !== 'string' || value === '') throw malformed(`"${key}" must be a string`);
  return value;
}
function requiredBoolean(body: Json, key: string): boolean {
  const value = body[key];
  if (value === undefined) throw missing(`"${key}" is required`);
  if (typeof value !== 'boolean') throw malformed(`"${key}" must be a boolean`);
  return value;
}
/** Joi.number() converts numeric strings. */
function joiNumber(value: unknown, key: string): number {
  if (value === undefined) throw missing(`"${key}" is required`);
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n)) throw malformed(`"${key}" must be a number`);
  return n;
}
function oneOf<T extends string>(value: unknown, key: string, allowed: readonly T[]): T {
  if (value === undefined) throw missing(`"${key}" is required`);
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw malformed(`"${key}" must be one of [${allowed.join(', ')}]`);
  }
  return value as T;
}
function currencyOf(body: Json, key = 'currency', required = false): string | undefined {
  const value = body[key];
  if (value === undefined) {
    if (required) throw missing(`"${key}" is required`);
    return undefined;
  }
  if (typeof value !== 'string' || !CURRENCIES.has(value))
    throw malformed(`"${key}" must be one of [${[...CURRENCIES].join(', ')}]`);
  return value;
}

interface Account {
  id: number;
  ledgerAccountType: string;
  currency: string;
  isActive: boolean;
  value: number;
  reservedValue: number;
}
interface Participant {
  name: string;
  accounts: Account[];
  endpoints: Map<string, string>;
  limits: Map<string, { value: number; alarmPercentage?: number }>;
  initialised: Set<string>;
}

export interface RecordedRequest {
  server: 'ledger' | 'als';
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

interface InjectedFailure {
  server: 'ledger' | 'als';
  method: string;
  path: RegExp;
  status: number;
  code: string;
  description: string;
  remaining: number;
}

export interface FakeAdminOptions {
  /** Delay before an accepted funds-in changes the balance (central-ledger applies it from Kafka). */
  fundsDelayMs?: number;
}

export class FakeAdminServers {
  readonly requests: RecordedRequest[] = [];
  readonly hubAccounts = new Set<string>();
  readonly settlementModels = new Map<string, Json>();
  readonly participants = new Map<string, Participant>();
  readonly fundsTransfers = new Map<string, string>();
  readonly oracles: Json[] = [];
  readonly parties = new Map<string, string>();
  readonly bulkRequestIds = new Set<string>();
  readonly bulkSizes: number[] = [];
  /** Identifiers a bulk registration answers with this (non-duplicate) error. */
  readonly rejectedParties = new Map<string, { code: string; description: string }>();
  private nextAccountId = 1;
  private failures: InjectedFailure[] = [];
  private pending = new Set<NodeJS.Timeout>();
  private ledgerServer: Server | undefined;
  private alsServer: Server | undefined;
  ledgerUrl = '';
  alsUrl = '';

  constructor(private readonly options: FakeAdminOptions = {}) {}

  async start(): Promise<this> {
    this.ledgerServer = createServer((req, res) => void this.handle('ledger', req, res));
    this.alsServer = createServer((req, res) => void this.handle('als', req, res));
    this.ledgerUrl = await listen(this.ledgerServer);
    this.alsUrl = await listen(this.alsServer);
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.pending) clearTimeout(timer);
    await Promise.all([close(this.ledgerServer), close(this.alsServer)]);
  }

  /** The next `times` matching calls answer with this FSPIOP error instead of being handled. */
  failNext(
    server: 'ledger' | 'als',
    method: string,
    path: RegExp,
    status: number,
    code: string,
    description: string,
    times = 1,
  ): void {
    this.failures.push({ server, method, path, status, code, description, remaining: times });
  }

  /** Settlement account value (negative when funded), or undefined. */
  settlementValue(name: string, currency: string): number | undefined {
    return this.participants
      .get(name)
      ?.accounts.find((a) => a.ledgerAccountType === 'SETTLEMENT' && a.currency === currency)?.value;
  }

  /** Requests that changed or tried to change state (everything but GET). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private async handle(server: 'ledger' | 'als', req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    let body: unknown;
    try {
      if (method !== 'GET') {
        const type = String(req.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim();
        if (type !== 'application/json') throw malformed('Unsupported Media Type');
        try {
          body = JSON.parse(raw);
        } catch {
          throw malformed('Invalid request payload JSON format');
        }
      }
      this.requests.push({ server, method, path: url.pathname + url.search, headers: req.headers, body });
      const failure = this.failures.find(
        (f) => f.server === server && f.method === method && f.path.test(url.pathname) && f.remaining > 0,
      );
      if (failure) {
        failure.remaining--;
        throw new Reject(failure.status, failure.code, failure.description);
      }
      if (req.headers['fspiop-source'] !== 'hub_operator') throw missing("'fspiop-source' HTTP header");
      if (server === 'als' && !req.headers.date) throw missing("'date' HTTP header");
      const result = server === 'ledger' ? this.ledger(method, url, body) : this.als(method, url, body);
      res.writeHead(result.status, result.body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(result.body === undefined ? '' : JSON.stringify(result.body));
    } catch (error) {
      const reject =
        error instanceof Reject ? error : new Reject(500, '2001', `Internal server error - ${String(error)}`);
      res.writeHead(reject.status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          errorInformation: { errorCode: reject.code, errorDescription: reject.description },
        }),
      );
    }
  }

  // ------------------------------------------------------------ central-ledger

  private ledger(method: string, url: URL, body: unknown): { status: number; body?: unknown } {
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const route = `${method} /${parts.map((p, i) => (i === 1 && parts[0] === 'participants' ? '{name}' : i === 3 ? '{id}' : p)).join('/')}`;
    switch (route) {
      case 'GET /settlementModels':
        return { status: 200, body: [...this.settlementModels.values()] };
      case 'POST /settlementModels':
        return this.createSettlementModel(strictObject(body, 'value'));
      case 'POST /participants':
        return this.createParticipant(strictObject(body, 'value'));
      case 'POST /participants/{name}/accounts':
        return this.createHubAccount(parts[1] ?? '', strictObject(body, 'value'));
      case 'GET /participants/{name}/accounts':
        return { status: 200, body: this.participant(parts[1]).accounts.map((a) => ({ ...a })) };
      case 'POST /participants/{name}/accounts/{id}':
        return this.recordFunds(parts[1] ?? '', Number(parts[3]), strictObject(body, 'value'));
      case 'POST /participants/{name}/initialPositionAndLimits':
        return this.initialPositionAndLimits(parts[1] ?? '', strictObject(body, 'value'));
      case 'GET /participants/{name}/limits':
        return this.getLimits(parts[1] ?? '', url.searchParams);
      case 'PUT /participants/{name}/limits':
        return this.adjustLimits(parts[1] ?? '', strictObject(body, 'value'));
      case 'GET /participants/{name}/endpoints':
        return {
          status: 200,
          body: [...this.participant(parts[1]).endpoints].map(([type, value]) => ({ type, value })),
        };
      case 'POST /participants/{name}/endpoints':
        return this.addEndpoint(parts[1] ?? '', strictObject(body, 'value'));
      default:
        throw new Reject(404, '3002', 'Unknown URI');
    }
  }

  private participant(name: string | undefined): Participant {
    const participant = this.participants.get(name ?? '');
    if (!participant) throw new Reject(400, '3200', 'Generic ID not found');
    return participant;
  }

  private createSettlementModel(body: Json) {
    onlyKeys(body, [
      'name',
      'settlementGranularity',
      'settlementInterchange',
      'settlementDelay',
      'currency',
      'requireLiquidityCheck',
      'ledgerAccountType',
      'autoPositionReset',
      'settlementAccountType',
    ]);
    const name = requiredString(body, 'name');
    if (!/^[A-Za-z0-9]{2,30}$/.test(name))
      throw malformed('"name" must only contain alpha-numeric characters');
    const granularity = oneOf(body.settlementGranularity, 'settlementGranularity', ['GROSS', 'NET']);
    const interchange = oneOf(body.settlementInterchange, 'settlementInterchange', [
      'BILATERAL',
      'MULTILATERAL',
    ]);
    const delay = oneOf(body.settlementDelay, 'settlementDelay', ['DEFERRED', 'IMMEDIATE']);
    const currency = currencyOf(body) ?? null;
    const requireLiquidityCheck = requiredBoolean(body, 'requireLiquidityCheck');
    const ledgerAccountType = requiredString(body, 'ledgerAccountType');
    const autoPositionReset = requiredBoolean(body, 'autoPositionReset');
    oneOf(body.settlementAccountType, 'settlementAccountType', ['SETTLEMENT', 'INTERCHANGE_FEE_SETTLEMENT']);
    if (!['POSITION', 'SETTLEMENT', 'INTERCHANGE_FEE'].includes(ledgerAccountType)) {
      throw new Reject(400, '3003', 'Add Party information error - Ledger account type was not found');
    }
    if (this.settlementModels.has(name))
      throw new Reject(400, '3000', 'Generic client error - Settlement Model already exists');
    for (const model of this.settlementModels.values()) {
      if (model.ledgerAccountTypeId === ledgerAccountType && model.currency === currency) {
        throw new Reject(
          500,
          '2001',
          'Internal server error - ER_DUP_ENTRY settlementmodel_uniqueAccountCurrency',
        );
      }
    }
    // GET answers like central-ledger's entityItem: the type's NAME under `ledgerAccountTypeId`.
    this.settlementModels.set(name, {
      settlementModelId: this.settlementModels.size + 1,
      name,
      isActive: true,
      settlementGranularity: granularity,
      settlementInterchange: interchange,
      settlementDelay: delay,
      currency,
      requireLiquidityCheck,
      ledgerAccountTypeId: ledgerAccountType,
      autoPositionReset,
    });
    return { status: 201 };
  }

  private createHubAccount(name: string, body: Json) {
    onlyKeys(body, ['currency', 'type']);
    const currency = currencyOf(body, 'currency', true) as string;
    const type = requiredString(body, 'type');
    if (name !== 'Hub') {
      throw new Reject(
        400,
        '3003',
        'Add Party information error - Endpoint is reserved for creation of Hub account types only.',
      );
    }
    if (!HUB_ACCOUNT_TYPES.has(type)) {
      throw new Reject(400, '3003', 'Add Party information error - Ledger account type was not found.');
    }
    const key = `${currency}:${type}`;
    if (this.hubAccounts.has(key)) {
      throw new Reject(400, '3003', 'Add Party information error - Hub account has already been registered.');
    }
    this.hubAccounts.add(key);
    return { status: 201, body: { name: 'Hub' } };
  }

  private createParticipant(body: Json) {
    onlyKeys(body, ['name', 'currency', 'isProxy']);
    const name = requiredString(body, 'name');
    if (name.length < 2 || name.length > 30) throw malformed('"name" length must be between 2 and 30');
    const currency = currencyOf(body, 'currency', true) as string;
    if (!this.hubAccounts.has(`${currency}:HUB_RECONCILIATION`)) {
      throw new Reject(
        400,
        '3003',
        'Add Party information error - Hub reconciliation account for the specified currency does not exist',
      );
    }
    if (!this.hubAccounts.has(`${currency}:HUB_MULTILATERAL_SETTLEMENT`)) {
      throw new Reject(
        400,
        '3003',
        'Add Party information error - Hub multilateral net settlement account for the specified currency does not exist',
      );
    }
    const existing = this.participants.get(name);
    if (existing?.accounts.some((a) => a.currency === currency)) {
      throw new Reject(
        400,
        '3000',
        'Generic client error - Participant currency has already been registered',
      );
    }
    const models = [...this.settlementModels.values()].filter((m) => m.currency === currency);
    const applicable =
      models.length > 0 ? models : [...this.settlementModels.values()].filter((m) => m.currency === null);
    if (applicable.length === 0) {
      throw new Reject(
        400,
        '6000',
        'Generic Settlement Error - Unable to find a matching or default, Settlement Model',
      );
    }
    const participant: Participant = existing ?? {
      name,
      accounts: [],
      endpoints: new Map(),
      limits: new Map(),
      initialised: new Set(),
    };
    for (const type of ['POSITION', 'SETTLEMENT']) {
      participant.accounts.push({
        id: this.nextAccountId++,
        ledgerAccountType: type,
        currency,
        isActive: true,
        value: 0,
        reservedValue: 0,
      });
    }
    this.participants.set(name, participant);
    return { status: 201, body: { name, accounts: participant.accounts } };
  }

  private initialPositionAndLimits(name: string, body: Json) {
    onlyKeys(body, ['currency', 'limit', 'initialPosition']);
    const currency = currencyOf(body, 'currency', true) as string;
    const limit = strictObject(body.limit, 'limit');
    onlyKeys(limit, ['type', 'value']);
    const type = requiredString(limit, 'type');
    const value = joiNumber(limit.value, 'value');
    if (value < 0) throw malformed('"value" must be a positive number');
    if (body.initialPosition !== undefined) joiNumber(body.initialPosition, 'initialPosition');
    const participant = this.participant(name);
    if (type !== 'NET_DEBIT_CAP')
      throw new Reject(500, '2001', 'Internal server error - Participant limit type not found');
    if (participant.initialised.has(currency)) {
      throw new Reject(
        500,
        '2001',
        'Internal server error - Participant Limit or Initial Position already set',
      );
    }
    participant.initialised.add(currency);
    participant.limits.set(currency, { value });
    return { status: 201 };
  }

  private getLimits(name: string, query: URLSearchParams) {
    const participant = this.participant(name);
    const currency = query.get('currency');
    return {
      status: 200,
      body: [...participant.limits]
        .filter(([cur]) => currency === null || cur === currency)
        .map(([cur, limit]) => ({
          currency: cur,
          limit: { type: 'NET_DEBIT_CAP', value: limit.value, alarmPercentage: limit.alarmPercentage },
        })),
    };
  }

  private adjustLimits(name: string, body: Json) {
    onlyKeys(body, ['currency', 'limit']);
    const currency = currencyOf(body, 'currency', true) as string;
    const limit = strictObject(body.limit, 'limit');
    onlyKeys(limit, ['type', 'value', 'alarmPercentage']);
    oneOf(limit.type, 'type', ['NET_DEBIT_CAP']);
    const value = joiNumber(limit.value, 'value');
    const alarmPercentage = joiNumber(limit.alarmPercentage, 'alarmPercentage');
    const participant = this.participant(name);
    participant.limits.set(currency, { value, alarmPercentage });
    return { status: 200, body: { currency, limit: { type: 'NET_DEBIT_CAP', value, alarmPercentage } } };
  }

  private addEndpoint(name: string, body: Json) {
    onlyKeys(body, ['type', 'value']);
    const type = requiredString(body, 'type');
    const value = requiredString(body, 'value');
    const participant = this.participant(name);
    if (!ENDPOINT_TYPES.has(type))
      throw new Reject(
        500,
        '2001',
        "Internal server error - Cannot read properties of undefined (reading 'endpointTypeId')",
      );
    participant.endpoints.set(type, value);
    return { status: 201 };
  }

  private recordFunds(name: string, accountId: number, body: Json) {
    onlyKeys(body, ['transferId', 'externalReference', 'action', 'reason', 'amount', 'extensionList']);
    const transferId = requiredString(body, 'transferId');
    if (!TRANSFER_ID.test(transferId))
      throw malformed(`"transferId" with value "${transferId}" fails to match the required pattern`);
    requiredString(body, 'externalReference');
    oneOf(body.action, 'action', ['recordFundsIn', 'recordFundsOutPrepareReserve']);
    requiredString(body, 'reason');
    const amount = strictObject(body.amount, 'amount');
    onlyKeys(amount, ['amount', 'currency']);
    const value = joiNumber(amount.amount, 'amount');
    if (!(value > 0)) throw malformed('"amount" must be a positive number');
    const currency = currencyOf(amount);
    const participant = this.participant(name);
    const account = participant.accounts.find(
      (a) => a.id === accountId && (currency === undefined || a.currency === currency),
    );
    if (!account) {
      throw new Reject(
        500,
        '2001',
        'Internal server error - The account does not match participant or currency specified',
      );
    }
    if (account.ledgerAccountType !== 'SETTLEMENT') {
      throw new Reject(500, '2001', 'Internal server error - Account is not SETTLEMENT type');
    }
    const hash = JSON.stringify(body);
    if (!this.fundsTransfers.has(transferId)) {
      this.fundsTransfers.set(transferId, hash);
      // Applied later by the admin transfer handler; without a currency the transfer fails there.
      if (currency !== undefined) {
        const timer = setTimeout(() => {
          this.pending.delete(timer);
          account.value -= value;
        }, this.options.fundsDelayMs ?? 0);
        this.pending.add(timer);
      }
    }
    return { status: 202 };
  }

  // ------------------------------------------------------------ ALS admin and oracle

  private als(method: string, url: URL, body: unknown): { status: number; body?: unknown } {
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (method === 'POST' && url.pathname === '/oracles')
      return this.createOracle(strictObject(body, 'value'));
    if (method === 'POST' && url.pathname === '/participants')
      return this.bulkParties(strictObject(body, 'value'));
    if (method === 'POST' && parts[0] === 'participants' && parts.length === 3) {
      return this.singleParty(parts[1] ?? '', parts[2] ?? '', strictObject(body, 'value'));
    }
    throw new Reject(404, '3002', 'Unknown URI');
  }

  private createOracle(body: Json) {
    onlyKeys(body, ['oracleIdType', 'endpoint', 'currency', 'isDefault']);
    const oracleIdType = oneOf(body.oracleIdType, 'oracleIdType', [
      'MSISDN',
      'EMAIL',
      'PERSONAL_ID',
      'BUSINESS',
      'DEVICE',
      'ACCOUNT_ID',
      'IBAN',
      'ALIAS',
    ]);
    const endpoint = strictObject(body.endpoint, 'endpoint');
    onlyKeys(endpoint, ['value', 'endpointType']);
    requiredString(endpoint, 'value');
    oneOf(endpoint.endpointType, 'endpointType', ['URL']);
    const currency = currencyOf(body) ?? null;
    if (body.isDefault !== undefined && typeof body.isDefault !== 'boolean')
      throw malformed('"isDefault" must be a boolean');
    if (this.oracles.some((o) => o.oracleIdType === oracleIdType && (o.currency ?? null) === currency)) {
      throw new Reject(
        500,
        '2001',
        'Internal server error - Active oracle with matching partyIdTypeId, endpointTypeId, currencyId already exists',
      );
    }
    this.oracles.push({ ...body, currency });
    return { status: 201 };
  }

  private singleParty(type: string, id: string, body: Json) {
    onlyKeys(body, ['fspId', 'currency', 'partySubIdOrType', 'extensionList']);
    const fspId = requiredString(body, 'fspId');
    if (type !== 'MSISDN') throw malformed('This service supports only MSISDN ID types');
    const key = `${type}:${id}`;
    if (this.parties.has(key))
      throw new Reject(409, '3003', `Add Party information error - Party already exists [id: ${id}]`);
    this.parties.set(key, fspId);
    return { status: 201 };
  }

  private bulkParties(body: Json) {
    onlyKeys(body, ['requestId', 'partyList', 'currency']);
    const requestId = requiredString(body, 'requestId');
    const list = body.partyList;
    if (!Array.isArray(list)) throw missing('"partyList" is required');
    if (list.length < 1 || list.length > 10_000) throw malformed('"partyList" must contain 1 to 10000 items');
    if (this.bulkRequestIds.has(requestId))
      throw new Reject(
        400,
        '3000',
        `Generic client error - Duplicated batch requestId:${requestId} received`,
      );
    this.bulkRequestIds.add(requestId);
    this.bulkSizes.push(list.length);
    const partyList = list.map((item) => {
      const party = strictObject(item, 'partyList item');
      onlyKeys(party, ['partyIdType', 'partyIdentifier', 'fspId', 'partySubIdOrType', 'extensionList']);
      const partyIdType = oneOf(party.partyIdType, 'partyIdType', ['MSISDN']);
      const partyIdentifier = requiredString(party, 'partyIdentifier');
      const fspId = requiredString(party, 'fspId');
      const key = `${partyIdType}:${partyIdentifier}`;
      const partyId = { partyIdType, partyIdentifier, fspId };
      const rejected = this.rejectedParties.get(partyIdentifier);
      if (rejected) {
        return {
          partyId,
          errorInformation: { errorCode: rejected.code, errorDescription: rejected.description },
        };
      }
      if (this.parties.has(key)) {
        return {
          partyId,
          errorInformation: {
            errorCode: '3003',
            errorDescription: `Add Party information error - Party already exists [id: ${partyIdentifier}]`,
          },
        };
      }
      this.parties.set(key, fspId);
      return { partyId };
    });
    return { status: 201, body: { partyList } };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

function close(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!server) return resolve();
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
