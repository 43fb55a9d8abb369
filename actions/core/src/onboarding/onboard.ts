/**
 * Onboarding: the hub once per currency, then each DFSP in the six steps of REFERENCE §3, safe to
 * repeat. A step whose effect already exists is reported as `existing`, recognised either by reading
 * first (settlement models, endpoints, the settlement balance) or by the real central-ledger/ALS
 * "already exists" answer (see ALREADY_EXISTS). Anything else stops with an OnboardingError that
 * names the subject, the step, the call and the answer.
 */
import { randomUUID } from 'node:crypto';
import type { RunConfig } from '../config/schema.js';
import { dfspId, PARTY_ID_TYPE, partyIdentifier } from '../fleet/names.js';
import { mapSettledBounded } from './concurrency.js';
import { callbackEndpoints } from './endpoints.js';
import { AdminApiError, FleetOnboardingError, type FspiopErrorInfo, OnboardingError } from './errors.js';
import { formatAmount, fundsInTransferId } from './funds.js';
import type { HubAccountType, LedgerAdmin, SettlementModelSpec } from './ledger-admin.js';
import { MAX_BULK_PARTIES, type OracleAdmin, type PartyRegistration } from './oracle-admin.js';

// ---------------------------------------------------------------- results and events

/** What a step did: made something, found it already there, changed it, or had nothing to do. */
export type OnboardingStepOutcome = 'created' | 'existing' | 'updated' | 'skipped';

export const HUB_ACCOUNT_TYPES: readonly HubAccountType[] = [
  'HUB_MULTILATERAL_SETTLEMENT',
  'HUB_RECONCILIATION',
];

export interface HubOnboardingResult {
  currency: string;
  hubAccounts: Record<HubAccountType, OnboardingStepOutcome>;
  /** `name` is the model that serves the currency (an existing one may have another name). */
  settlementModel: { outcome: OnboardingStepOutcome; name: string };
  oracle: OnboardingStepOutcome;
}

export const DFSP_STEPS = [
  'participant',
  'positionAndLimits',
  'settlementAccount',
  'fundsIn',
  'endpoints',
  'parties',
] as const;
export type DfspStep = (typeof DFSP_STEPS)[number];

/** The words an error or a log line uses for each step. */
export const DFSP_STEP_LABELS: Record<DfspStep, string> = {
  participant: 'create participant',
  positionAndLimits: 'set initial position and limits',
  settlementAccount: 'find settlement account',
  fundsIn: 'record funds in',
  endpoints: 'register callback endpoints',
  parties: 'register party identifiers',
};

export interface DfspOnboardingResult {
  fspId: string;
  steps: Record<DfspStep, OnboardingStepOutcome>;
  settlementAccountId: number;
  fundsIn: {
    /** Balance the settlement account held before this run (positive = funds available). */
    balanceBefore: number;
    target: number;
    /** Set when a funds-in was recorded by this run. */
    transferId?: string;
  };
  endpoints: { created: number; updated: number; existing: number };
  parties: { created: number; existing: number; requests: number };
}

export type OnboardingEvent =
  | { kind: 'step'; subject: string; step: string; outcome: OnboardingStepOutcome; detail?: string }
  | { kind: 'parties'; subject: string; request: number; requests: number; created: number; existing: number }
  | { kind: 'dfsp-done'; subject: string; done: number; total: number };

/** Progress sink; the message is a ready-made line, the event the same facts as data. */
export interface OnboardingLogger {
  info(message: string, event: OnboardingEvent): void;
}

export function formatOnboardingEvent(event: OnboardingEvent): string {
  switch (event.kind) {
    case 'step':
      return `${event.subject}: ${event.step}: ${event.outcome}${event.detail ? ` (${event.detail})` : ''}`;
    case 'parties':
      return `${event.subject}: party identifiers, request ${event.request}/${event.requests}: ${event.created} created, ${event.existing} already registered`;
    case 'dfsp-done':
      return `${event.subject}: onboarded (${event.done}/${event.total})`;
  }
}

// ---------------------------------------------------------------- options

export interface OnboardingOptions {
  ledger: LedgerAdmin;
  oracle: OracleAdmin;
  /** Identifies the run; funds-in transferIds are derived from it so a repeat is recognised. */
  runId: string;
  logger?: OnboardingLogger;
  /** Parties per bulk registration request (1 … 10 000). Default 1000. */
  partyBatchSize?: number;
  /** Up to this many parties are registered one by one instead of in bulk. Default 10. */
  singlePartyLimit?: number;
  /**
   * Funds-in is asynchronous in central-ledger: after recording it, poll the settlement balance
   * until it reaches the target. `false` skips the confirmation. Default 30 s, every 500 ms.
   */
  fundsInConfirmation?: { timeoutMs: number; intervalMs: number } | false;
  /** Alarm percentage sent when an existing NET_DEBIT_CAP is changed. Default 10. */
  limitAlarmPercentage?: number;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  newRequestId?: () => string;
}

// ---------------------------------------------------------------- "already exists" answers

type AlreadyRule = { status?: number[]; codes?: string[]; description: RegExp };

/**
 * The answers of the real services that mean "this already exists" (central-ledger 19.x,
 * account-lookup-service 17.x, als-msisdn-oracle-svc, mojaloop/simulator's oracle):
 * - participant: 400, 3000 "Generic client error - Participant currency has already been registered"
 * - hub account: 400, 3003 "Add Party information error - Hub account has already been registered."
 * - settlement model: 400, 3000 "Generic client error - Settlement Model already exists"
 * - initial position and limits: 500, 2001 "Internal server error - Participant Limit or Initial Position already set"
 * - oracle: 500, 2001 "Internal server error - Active oracle with matching partyIdTypeId, endpointTypeId, currencyId already exists"
 * - party (MSISDN oracle): 409, 3003 "Add Party information error - Party already exists [id: …]";
 *   in a bulk answer the same per party; the simulator's oracle says "Participant:… already exists".
 */
export const ALREADY_EXISTS = {
  participant: { status: [400], codes: ['3000'], description: /already (been )?registered/i },
  hubAccount: { status: [400], codes: ['3003'], description: /already (been )?registered/i },
  settlementModel: { status: [400], codes: ['3000'], description: /already exists/i },
  positionAndLimits: { status: [400, 500], codes: ['2001', '3000'], description: /already set/i },
  oracle: { status: [400, 500], description: /already exists/i },
  party: { status: [400, 409, 500], description: /already exists/i },
} satisfies Record<string, AlreadyRule>;

function isAlready(rule: AlreadyRule, error: unknown): boolean {
  if (!(error instanceof AdminApiError) || error.fspiopError === undefined) return false;
  if (rule.status && !rule.status.includes(error.status)) return false;
  return matchesAlready(rule, error.fspiopError);
}

function matchesAlready(rule: AlreadyRule, info: FspiopErrorInfo): boolean {
  if (rule.codes && !rule.codes.includes(info.errorCode)) return false;
  return rule.description.test(info.errorDescription);
}

/** Runs a create call; an "already exists" answer is `existing`, any other failure an OnboardingError. */
async function create(
  subject: string,
  step: string,
  rule: AlreadyRule,
  call: () => Promise<void>,
): Promise<OnboardingStepOutcome> {
  try {
    await call();
    return 'created';
  } catch (error) {
    if (isAlready(rule, error)) return 'existing';
    throw asOnboardingError(subject, step, error);
  }
}

function asOnboardingError(subject: string, step: string, error: unknown): Error {
  if (error instanceof OnboardingError) return error;
  if (error instanceof AdminApiError) return new OnboardingError(subject, step, error);
  return error instanceof Error ? error : new Error(String(error));
}

/** Runs a read or write whose failure is never acceptable. */
async function must<T>(subject: string, step: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asOnboardingError(subject, step, error);
  }
}

function report(options: OnboardingOptions, event: OnboardingEvent): void {
  options.logger?.info(formatOnboardingEvent(event), event);
}

// ---------------------------------------------------------------- hub

export interface HubOnboardingSpec {
  currency: string;
  /** Settlement model name, letters and digits only. Default `DEFERREDNET<currency>`. */
  settlementModel?: string;
  /** Oracle URL the ALS routes MSISDN lookups to; null or absent skips `POST /oracles`. */
  oracleEndpoint?: string | null;
}

/** The deferred multilateral net model the pipeline runs with, for one currency. */
export function deferredNetSettlementModel(
  currency: string,
  name = `DEFERREDNET${currency}`,
): SettlementModelSpec {
  if (!/^[A-Za-z0-9]{2,30}$/.test(name)) {
    throw new RangeError(
      `settlement model name must be 2–30 letters and digits, got ${JSON.stringify(name)}`,
    );
  }
  return {
    name,
    settlementGranularity: 'NET',
    settlementInterchange: 'MULTILATERAL',
    settlementDelay: 'DEFERRED',
    currency,
    requireLiquidityCheck: true,
    ledgerAccountType: 'POSITION',
    autoPositionReset: true,
    settlementAccountType: 'SETTLEMENT',
  };
}

export async function onboardHub(
  spec: HubOnboardingSpec,
  options: OnboardingOptions,
): Promise<HubOnboardingResult> {
  const { ledger, oracle } = options;
  const { currency } = spec;
  const subject = 'hub';
  const hubAccounts = {} as Record<HubAccountType, OnboardingStepOutcome>;
  for (const type of HUB_ACCOUNT_TYPES) {
    const step = `create hub account ${type} (${currency})`;
    hubAccounts[type] = await create(subject, step, ALREADY_EXISTS.hubAccount, () =>
      ledger.createHubAccount(currency, type),
    );
    report(options, { kind: 'step', subject, step, outcome: hubAccounts[type] });
  }

  const model = deferredNetSettlementModel(currency, spec.settlementModel);
  const modelStep = `create settlement model ${model.name}`;
  const models = await must(subject, modelStep, () => ledger.listSettlementModels());
  const serving =
    models.find((m) => m.name === model.name) ??
    models.find((m) => m.currency === currency && m.ledgerAccountType === model.ledgerAccountType);
  let settlementModel: HubOnboardingResult['settlementModel'];
  if (serving) {
    // central-ledger allows one model per (ledger account type, currency): an existing one serves.
    settlementModel = { outcome: 'existing', name: serving.name };
  } else {
    const outcome = await create(subject, modelStep, ALREADY_EXISTS.settlementModel, () =>
      ledger.createSettlementModel(model),
    );
    settlementModel = { outcome, name: model.name };
  }
  report(options, {
    kind: 'step',
    subject,
    step: modelStep,
    outcome: settlementModel.outcome,
    ...(settlementModel.name === model.name ? {} : { detail: `served by ${settlementModel.name}` }),
  });

  let oracleOutcome: OnboardingStepOutcome = 'skipped';
  const oracleStep = `register ${PARTY_ID_TYPE} oracle`;
  if (spec.oracleEndpoint) {
    const endpoint = spec.oracleEndpoint;
    oracleOutcome = await create(subject, oracleStep, ALREADY_EXISTS.oracle, () =>
      oracle.createOracle({
        oracleIdType: PARTY_ID_TYPE,
        endpoint: { value: endpoint, endpointType: 'URL' },
        currency,
        isDefault: true,
      }),
    );
  }
  report(options, { kind: 'step', subject, step: oracleStep, outcome: oracleOutcome });
  return { currency, hubAccounts, settlementModel, oracle: oracleOutcome };
}

// ---------------------------------------------------------------- one DFSP

/** Party identifiers to register: an array, or a lazy range with the same two members. */
export interface PartyList {
  readonly length: number;
  at(index: number): string | undefined;
}

export interface DfspOnboardingSpec {
  name: string;
  currency: string;
  /** NET_DEBIT_CAP in currency units. */
  netDebitCap: number;
  /** Target balance of the settlement account, currency units, > 0. */
  fundsIn: number;
  /** The DFSP's inbound FSPIOP API, base of every callback endpoint. */
  callbackBaseUrl: string;
  /** MSISDN identifiers the DFSP owns. */
  parties: PartyList;
}

export async function onboardDfsp(
  spec: DfspOnboardingSpec,
  options: OnboardingOptions,
): Promise<DfspOnboardingResult> {
  const { ledger } = options;
  const { name, currency } = spec;
  if (!(spec.fundsIn > 0)) throw new RangeError(`${name}: fundsIn must be > 0, got ${spec.fundsIn}`);
  if (!(spec.netDebitCap >= 0))
    throw new RangeError(`${name}: netDebitCap must be ≥ 0, got ${spec.netDebitCap}`);
  const endpointsWanted = callbackEndpoints(spec.callbackBaseUrl);
  const label = DFSP_STEP_LABELS;
  const steps = {} as Record<DfspStep, OnboardingStepOutcome>;
  const done = (step: DfspStep, outcome: OnboardingStepOutcome, detail?: string) => {
    steps[step] = outcome;
    report(options, {
      kind: 'step',
      subject: name,
      step: label[step],
      outcome,
      ...(detail ? { detail } : {}),
    });
  };

  // 1. participant
  done(
    'participant',
    await create(name, label.participant, ALREADY_EXISTS.participant, () =>
      ledger.createParticipant(name, currency),
    ),
  );

  // 2. initial position and limits (once per DFSP and currency; later changes go through PUT limits)
  let limitsOutcome = await create(name, label.positionAndLimits, ALREADY_EXISTS.positionAndLimits, () =>
    ledger.setInitialPositionAndLimits(name, { currency, netDebitCap: spec.netDebitCap, initialPosition: 0 }),
  );
  if (limitsOutcome === 'existing') {
    const current = await must(name, label.positionAndLimits, () => ledger.getNetDebitCap(name, currency));
    if (current !== spec.netDebitCap) {
      await must(name, label.positionAndLimits, () =>
        ledger.adjustNetDebitCap(name, currency, spec.netDebitCap, options.limitAlarmPercentage ?? 10),
      );
      limitsOutcome = 'updated';
    }
  }
  done('positionAndLimits', limitsOutcome);

  // 3. the SETTLEMENT account for the currency
  const settlement = await findSettlementAccount(name, currency, ledger);
  done('settlementAccount', 'existing', `id ${settlement.id}`);

  // 4. funds in, unless the settlement account already holds the target
  const fundsIn = await recordFundsIn(spec, settlement, options);
  done(
    'fundsIn',
    fundsIn.transferId === undefined ? 'existing' : 'created',
    `balance ${formatAmount(Math.max(0, fundsIn.balanceBefore))} → target ${formatAmount(spec.fundsIn)}`,
  );

  // 5. callback endpoints (central-ledger upserts; only missing or different ones are written)
  const present = new Map(
    (await must(name, label.endpoints, () => ledger.listEndpoints(name))).map((e) => [e.type, e.value]),
  );
  const endpoints = { created: 0, updated: 0, existing: 0 };
  for (const endpoint of endpointsWanted) {
    const current = present.get(endpoint.type);
    if (current === endpoint.value) {
      endpoints.existing++;
      continue;
    }
    await must(name, `${label.endpoints} (${endpoint.type})`, () => ledger.addEndpoint(name, endpoint));
    if (current === undefined) endpoints.created++;
    else endpoints.updated++;
  }
  done(
    'endpoints',
    endpoints.created + endpoints.updated === 0
      ? 'existing'
      : endpoints.updated + endpoints.existing === 0
        ? 'created'
        : 'updated',
    `${endpointsWanted.length} types`,
  );

  // 6. party identifiers
  const parties = await registerParties(spec, options);
  done(
    'parties',
    spec.parties.length === 0 ? 'skipped' : parties.created === 0 ? 'existing' : 'created',
    `${parties.created} created, ${parties.existing} already registered`,
  );

  return { fspId: name, steps, settlementAccountId: settlement.id, fundsIn, endpoints, parties };
}

async function findSettlementAccount(name: string, currency: string, ledger: LedgerAdmin) {
  const step = DFSP_STEP_LABELS.settlementAccount;
  const accounts = await must(name, step, () => ledger.listAccounts(name));
  const account = accounts.find((a) => a.ledgerAccountType === 'SETTLEMENT' && a.currency === currency);
  if (!account || !Number.isInteger(account.id) || account.id < 1) {
    const listed = accounts.map((a) => `${a.ledgerAccountType}/${a.currency}`).join(', ') || 'none';
    throw new OnboardingError(name, step, {
      method: 'GET',
      path: `/participants/${name}/accounts`,
      status: 200,
      message: `GET /participants/${name}/accounts lists no SETTLEMENT account in ${currency} (accounts: ${listed})`,
    });
  }
  return account;
}

/**
 * Brings the settlement account up to `spec.fundsIn`. central-ledger keeps a funded settlement
 * account NEGATIVE, so the funds held are `-value`. Nothing is recorded when that already reaches
 * the target (a repeat with any run id). Otherwise the top-up gets a transferId derived from run id,
 * DFSP, currency, target and the balance seen, and identical content, so a repeat within the run
 * before the asynchronous funds-in has landed is dropped by the ledger's duplicate check.
 */
async function recordFundsIn(
  spec: DfspOnboardingSpec,
  settlement: { id: number; value: number },
  options: OnboardingOptions,
): Promise<DfspOnboardingResult['fundsIn']> {
  const { ledger } = options;
  const { name, currency } = spec;
  const step = DFSP_STEP_LABELS.fundsIn;
  const balanceBefore = -settlement.value;
  if (balanceBefore >= spec.fundsIn) return { balanceBefore, target: spec.fundsIn };

  const target = formatAmount(spec.fundsIn);
  const transferId = fundsInTransferId(
    options.runId,
    name,
    currency,
    `${target}|${formatAmount(Math.max(0, balanceBefore))}`,
  );
  const amount = formatAmount(spec.fundsIn - Math.max(0, balanceBefore));
  await must(name, step, () =>
    ledger.recordFundsIn(name, settlement.id, {
      transferId,
      externalReference: `mlperf-${options.runId}`,
      reason: 'mlperf onboarding: fund settlement account',
      amount: { amount, currency },
    }),
  );

  const confirm = options.fundsInConfirmation ?? { timeoutMs: 30_000, intervalMs: 500 };
  if (confirm !== false) {
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const now = options.now ?? Date.now;
    const deadline = now() + confirm.timeoutMs;
    const maxPolls = Math.ceil(confirm.timeoutMs / Math.max(1, confirm.intervalMs)) + 1;
    let held = balanceBefore;
    for (let poll = 0; poll < maxPolls; poll++) {
      const account = (await must(name, step, () => ledger.listAccounts(name))).find(
        (a) => a.id === settlement.id,
      );
      held = account ? -account.value : held;
      if (held >= spec.fundsIn) return { balanceBefore, target: spec.fundsIn, transferId };
      if (now() >= deadline) break;
      await sleep(confirm.intervalMs);
    }
    throw new OnboardingError(name, step, {
      method: 'POST',
      path: `/participants/${name}/accounts/${settlement.id}`,
      status: 202,
      message: `funds-in ${transferId} of ${amount} ${currency} was accepted but the settlement balance is ${formatAmount(Math.max(0, held))}, not ${target}, after ${confirm.timeoutMs} ms`,
    });
  }
  return { balanceBefore, target: spec.fundsIn, transferId };
}

async function registerParties(
  spec: DfspOnboardingSpec,
  options: OnboardingOptions,
): Promise<DfspOnboardingResult['parties']> {
  const { oracle } = options;
  const { name, currency } = spec;
  const step = DFSP_STEP_LABELS.parties;
  const total = spec.parties.length;
  const result = { created: 0, existing: 0, requests: 0 };
  if (total === 0) return result;
  const partyAt = (index: number): PartyRegistration => {
    const id = spec.parties.at(index);
    if (id === undefined) throw new RangeError(`${name}: party list has no entry ${index} of ${total}`);
    return { partyIdType: PARTY_ID_TYPE, partyIdentifier: id, fspId: name };
  };

  if (total <= (options.singlePartyLimit ?? 10)) {
    for (let index = 0; index < total; index++) {
      const party = partyAt(index);
      result.requests++;
      const outcome = await create(name, step, ALREADY_EXISTS.party, () =>
        oracle.registerParty(party, currency),
      );
      result[outcome === 'created' ? 'created' : 'existing']++;
    }
    return result;
  }

  const batchSize = options.partyBatchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BULK_PARTIES) {
    throw new RangeError(`partyBatchSize must be an integer from 1 to ${MAX_BULK_PARTIES}, got ${batchSize}`);
  }
  const requests = Math.ceil(total / batchSize);
  const newRequestId = options.newRequestId ?? randomUUID;
  for (let b = 0; b < requests; b++) {
    const start = b * batchSize;
    const parties = Array.from({ length: Math.min(batchSize, total - start) }, (_, i) => partyAt(start + i));
    const where = `request ${b + 1} of ${requests}`;
    const results = await must(name, `${step} (${where})`, () =>
      oracle.registerParties(newRequestId(), parties),
    );
    result.requests++;
    let created = 0;
    let existing = 0;
    const failed: { partyIdentifier: string; error: FspiopErrorInfo }[] = [];
    for (const r of results) {
      if (r.error === undefined) created++;
      else if (matchesAlready(ALREADY_EXISTS.party, r.error)) existing++;
      else failed.push({ partyIdentifier: r.partyIdentifier, error: r.error });
    }
    const first = failed[0];
    if (first) {
      throw new OnboardingError(name, step, {
        method: 'POST',
        path: '/participants',
        status: 201,
        fspiopError: first.error,
        message: `POST /participants (${where}): ${failed.length} of ${parties.length} parties were not registered; first: ${first.partyIdentifier} FSPIOP ${first.error.errorCode} "${first.error.errorDescription}"`,
      });
    }
    result.created += created;
    result.existing += existing;
    report(options, {
      kind: 'parties',
      subject: name,
      request: b + 1,
      requests,
      created,
      existing,
    });
  }
  return result;
}

// ---------------------------------------------------------------- the fleet

export interface FleetOnboardingOptions extends OnboardingOptions {
  /** NET_DEBIT_CAP of every DFSP, currency units. */
  netDebitCap: number;
  /** Target settlement balance of every DFSP, currency units. */
  fundsIn: number;
  /** DFSPs onboarded at the same time. Default 4. */
  concurrency?: number;
  settlementModel?: string;
  oracleEndpoint?: string | null;
  /** Registered as well, after the fleet (e.g. the security probes' DFSPs). */
  extraDfsps?: readonly DfspOnboardingSpec[];
}

export interface FleetOnboardingSummary {
  hub: HubOnboardingResult;
  /** In DFSP index order, then the extra DFSPs. */
  dfsps: DfspOnboardingResult[];
}

/** The identifiers DFSP `index` owns, produced on demand (a fleet can own millions). */
export function partyRange(index: number, count: number): PartyList {
  return {
    length: count,
    at: (n) => (Number.isInteger(n) && n >= 0 && n < count ? partyIdentifier(index, n) : undefined),
  };
}

/**
 * Onboards the hub once, then every DFSP of the configuration with at most `concurrency` in flight.
 * Every DFSP is attempted; failures are collected into one FleetOnboardingError.
 */
export async function onboardFleet(
  config: Pick<RunConfig, 'dfsps'>,
  endpoints: (fspId: string) => string,
  options: FleetOnboardingOptions,
): Promise<FleetOnboardingSummary> {
  const { currency, count, partiesPerDfsp } = config.dfsps;
  const hub = await onboardHub(
    {
      currency,
      ...(options.settlementModel === undefined ? {} : { settlementModel: options.settlementModel }),
      oracleEndpoint: options.oracleEndpoint ?? null,
    },
    options,
  );
  const specs: DfspOnboardingSpec[] = [
    ...Array.from({ length: count }, (_, i) => {
      const name = dfspId(i + 1);
      return {
        name,
        currency,
        netDebitCap: options.netDebitCap,
        fundsIn: options.fundsIn,
        callbackBaseUrl: endpoints(name),
        parties: partyRange(i + 1, partiesPerDfsp),
      };
    }),
    ...(options.extraDfsps ?? []),
  ];
  let finished = 0;
  const settled = await mapSettledBounded(specs, options.concurrency ?? 4, async (spec) => {
    const result = await onboardDfsp(spec, options);
    finished++;
    report(options, { kind: 'dfsp-done', subject: spec.name, done: finished, total: specs.length });
    return result;
  });
  const failures: OnboardingError[] = [];
  const dfsps: DfspOnboardingResult[] = [];
  settled.forEach((outcome, index) => {
    if (outcome.ok) dfsps.push(outcome.value);
    else
      failures.push(
        outcome.error instanceof OnboardingError
          ? outcome.error
          : new OnboardingError(specs[index]?.name ?? '?', 'onboard', {
              message: outcome.error instanceof Error ? outcome.error.message : String(outcome.error),
            }),
      );
  });
  if (failures.length > 0) {
    throw new FleetOnboardingError(
      failures,
      specs.length,
      dfsps.map((d) => d.fspId),
    );
  }
  return { hub, dfsps };
}
