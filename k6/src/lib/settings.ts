/**
 * The script's whole input, read once from the runner's environment into a typed object (the
 * entry reads nothing else). Every problem is reported at once, each naming the variable and field,
 * the value and what is allowed, so a bad TestRun fails in the init context before any load is sent.
 * Pure: no `k6` imports, so vitest runs it under Node.
 */
import { dfspId } from '../../../actions/core/src/fleet/names.js';
import { K6_TAGS } from '../../../actions/core/src/ladder/metrics.js';
import { RUNNER_ENV, SCRIPT_ENV, TRANSFER_EXEC } from './contract.js';
import { MAX_SCHEDULE_SLOTS, pairSlots, WEIGHT_RESOLUTION } from './traffic.js';

/**
 * A weighted payer→payee pair of the run configuration (`dfsps.trafficMix`): DFSP indexes N of
 * `perffsp<N>` and a relative share.
 */
export interface WeightedPair {
  payer: number;
  payee: number;
  weight: number;
}
/** `"uniform"`: every ordered pair of distinct DFSPs equally; otherwise weighted pairs. */
export type TrafficMix = 'uniform' | WeightedPair[];

/** `partyIdentifier()` encodes the DFSP index in two digits. */
export const MAX_DFSP_INDEX = 99;
/** `partyIdentifier()` numbers a DFSP's parties with eight digits. */
export const MAX_PARTIES_PER_DFSP = 100_000_000;
/**
 * The SDK waits 30 s for the hub's callback (its `REQUEST_PROCESSING_TIMEOUT_SECONDS` default) and
 * then answers with an error; 5 s more lets that answer, which carries the FSPIOP code, arrive first.
 */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 35;
/** Five minutes: longer than any drain a profile uses; a larger value is most likely milliseconds. */
export const MAX_REQUEST_TIMEOUT_SECONDS = 300;
/** Transfer expiration from now: the SDK's own `EXPIRY_SECONDS` default (and sdk-client.ts). */
export const DEFAULT_EXPIRY_SECONDS = 60;
/** An hour: a later expiry would let unfinished transfers hold funds in the hub long after the rung. */
export const MAX_EXPIRY_SECONDS = 3600;

/** FSPIOP Currency (ISO 4217). */
const CURRENCY = /^[A-Z]{3}$/;
/** FSPIOP Amount (REFERENCE §2): "100.5", never "100.50" or "0100". */
const AMOUNT = /^([0]|([1-9][0-9]{0,17}))([.][0-9]{0,3}[1-9])?$/;
/** A tag value k6 and Prometheus take as is (the same rule as testRunArguments). */
const PLAIN_TOKEN = /^[A-Za-z0-9_.:-]{1,63}$/;
/** http(s)://host[:port][/path], no credentials, query or fragment. */
const BASE_URL =
  /^https?:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(:[0-9]{1,5})?(\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?$/;

/**
 * k6's default system tags without `url`: a party lookup's URL holds the payee identifier, so as a
 * tag it would make one Prometheus series per identifier. Each request sets `name` instead.
 */
export const SYSTEM_TAGS: readonly string[] = [
  'proto',
  'subproto',
  'status',
  'method',
  'name',
  'group',
  'check',
  'error',
  'error_code',
  'tls_version',
  'scenario',
  'service',
  'expected_response',
];

/** `MLPERF_FLEET`: the DFSPs that trade and what each transfer carries. */
export interface FleetSettings {
  /** DFSP ids (`perffsp<N>`, N from 1 to 99), at least two, each with an outbound URL. */
  dfsps: string[];
  /** Provisioned payee identifiers per DFSP: `partyIdentifier(N, 0 … partiesPerDfsp-1)`. */
  partiesPerDfsp: number;
  /** ISO 4217 code, e.g. USD. */
  currency: string;
  /** FSPIOP amount of every transfer, e.g. "1". */
  amount: string;
  trafficMix: TrafficMix;
  /** Deadline of each of the three requests. Default {@link DEFAULT_REQUEST_TIMEOUT_SECONDS}. */
  requestTimeoutSeconds: number;
  /** Transfer expiration from now. Default {@link DEFAULT_EXPIRY_SECONDS}. */
  expirySeconds: number;
}

/** One DFSP of the fleet, resolved. */
export interface Dfsp {
  id: string;
  /** N of `perffsp<N>`: the index `partyIdentifier()` encodes. */
  index: number;
  /** Base URL of its SDK outbound API, without a trailing slash. */
  outboundUrl: string;
}

/** The k6 options of the run: the rung's options with the runner tag and our system tags merged in. */
export interface ScriptOptions {
  scenarios: Record<string, Record<string, unknown>>;
  tags: Record<string, string>;
  systemTags: string[];
  [key: string]: unknown;
}

export interface ScriptSettings {
  options: ScriptOptions;
  runner: string;
  fleet: FleetSettings;
  /** In `fleet.dfsps` order. */
  dfsps: Dfsp[];
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`The k6 transfer script cannot start (see k6/README.md):\n- ${problems.join('\n- ')}`);
    this.name = 'SettingsError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
};

class Problems {
  readonly list: string[] = [];
  add(where: string, value: unknown, allowed: string): void {
    this.list.push(`${where}: got ${show(value)}; allowed: ${allowed}`);
  }
  missing(where: string, allowed: string): void {
    this.list.push(`${where}: missing; allowed: ${allowed}`);
  }
}

function readJson(env: Env, name: string, allowed: string, problems: Problems): unknown {
  const text = env[name];
  if (text === undefined || text.trim() === '') {
    problems.missing(name, allowed);
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.list.push(`${name}: not valid JSON (${reason}); allowed: ${allowed}`);
    return undefined;
  }
}

/** The DFSP index of an id written by `dfspId()`, or null when it is not one. */
export function dfspIndexOf(id: string): number | null {
  const match = /^perffsp([1-9][0-9]*)$/.exec(id);
  if (!match?.[1]) return null;
  const index = Number(match[1]);
  return index <= MAX_DFSP_INDEX && dfspId(index) === id ? index : null;
}

function readInteger(
  source: Record<string, unknown>,
  key: string,
  where: string,
  range: { min: number; max: number },
  problems: Problems,
  fallback?: number,
): number {
  const value = source[key];
  const allowed = `an integer from ${range.min} to ${range.max}`;
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
    if (value === undefined) problems.missing(where, allowed);
    else problems.add(where, value, allowed);
    return fallback ?? range.min;
  }
  return value;
}

const PAIR_KEYS = ['payer', 'payee', 'weight'];

/** Weighted pairs as the run configuration's schema allows them, limited to the fleet's DFSPs. */
function parsePairs(
  raw: unknown[],
  fleetIds: readonly string[],
  where: string,
  problems: Problems,
): WeightedPair[] {
  const indexes = fleetIds.map((id) => dfspIndexOf(id));
  const inFleet = `a DFSP index of the fleet (${indexes.join(', ')})`;
  const minimum = 1 / WEIGHT_RESOLUTION;
  const pairs: WeightedPair[] = [];
  const seen = new Map<string, number>();
  const before = problems.list.length;
  raw.forEach((item, position) => {
    const at = `${where}[${position}]`;
    if (!isRecord(item)) {
      problems.add(at, item, 'an object {payer, payee, weight}');
      return;
    }
    for (const key of Object.keys(item)) {
      if (!PAIR_KEYS.includes(key)) {
        problems.add(`${at}.${key}`, item[key], `no such field; fields are ${PAIR_KEYS.join(', ')}`);
      }
    }
    const side = (key: 'payer' | 'payee'): number | null => {
      const value = item[key];
      if (typeof value === 'number' && indexes.includes(value)) return value;
      if (value === undefined) problems.missing(`${at}.${key}`, inFleet);
      else problems.add(`${at}.${key}`, value, inFleet);
      return null;
    };
    const payer = side('payer');
    const payee = side('payee');
    const weight = item.weight;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < minimum) {
      const allowed = `a number ≥ ${minimum} (a relative share)`;
      if (weight === undefined) problems.missing(`${at}.weight`, allowed);
      else problems.add(`${at}.weight`, weight, allowed);
      return;
    }
    if (payer === null || payee === null) return;
    if (payer === payee) {
      problems.add(
        `${at}.payee`,
        payee,
        `a DFSP index other than the payer (${payer}); a DFSP does not pay itself`,
      );
      return;
    }
    const first = seen.get(`${payer}->${payee}`);
    if (first !== undefined) {
      problems.add(at, item, `a payer→payee pair not already listed (same pair as ${where}[${first}])`);
      return;
    }
    seen.set(`${payer}->${payee}`, position);
    pairs.push({ payer, payee, weight });
  });
  if (problems.list.length === before) {
    const total = pairSlots(pairs.map((p) => p.weight)).reduce((a, b) => a + b, 0);
    if (total > MAX_SCHEDULE_SLOTS) {
      problems.add(
        where,
        pairs.map((p) => p.weight),
        `weights whose ratios fit a schedule of at most ${MAX_SCHEDULE_SLOTS} slots (these need ${total}); round them`,
      );
    }
  }
  return pairs;
}

const FLEET_KEYS = [
  'dfsps',
  'partiesPerDfsp',
  'currency',
  'amount',
  'trafficMix',
  'requestTimeoutSeconds',
  'expirySeconds',
];

function parseFleet(raw: unknown, problems: Problems): FleetSettings {
  const name = SCRIPT_ENV.fleet;
  const fleet: FleetSettings = {
    dfsps: [],
    partiesPerDfsp: 1,
    currency: '',
    amount: '',
    trafficMix: 'uniform',
    requestTimeoutSeconds: DEFAULT_REQUEST_TIMEOUT_SECONDS,
    expirySeconds: DEFAULT_EXPIRY_SECONDS,
  };
  if (!isRecord(raw)) {
    problems.add(name, raw, 'a JSON object {dfsps, partiesPerDfsp, currency, amount, trafficMix}');
    return fleet;
  }
  for (const key of Object.keys(raw)) {
    if (!FLEET_KEYS.includes(key))
      problems.add(`${name}.${key}`, raw[key], `no such field; fields are ${FLEET_KEYS.join(', ')}`);
  }

  const dfspsAllowed = `a list of at least 2 distinct DFSP ids perffsp1 … perffsp${MAX_DFSP_INDEX}`;
  if (!Array.isArray(raw.dfsps) || raw.dfsps.length < 2) {
    if (raw.dfsps === undefined) problems.missing(`${name}.dfsps`, dfspsAllowed);
    else problems.add(`${name}.dfsps`, raw.dfsps, dfspsAllowed);
  } else {
    const seen = new Set<string>();
    raw.dfsps.forEach((id: unknown, position: number) => {
      const where = `${name}.dfsps[${position}]`;
      if (typeof id !== 'string' || dfspIndexOf(id) === null) {
        problems.add(where, id, `a DFSP id perffsp1 … perffsp${MAX_DFSP_INDEX}`);
      } else if (seen.has(id)) {
        problems.add(where, id, 'a DFSP id not already listed');
      } else {
        seen.add(id);
        fleet.dfsps.push(id);
      }
    });
  }

  fleet.partiesPerDfsp = readInteger(
    raw,
    'partiesPerDfsp',
    `${name}.partiesPerDfsp`,
    { min: 1, max: MAX_PARTIES_PER_DFSP },
    problems,
  );

  if (typeof raw.currency === 'string' && CURRENCY.test(raw.currency)) fleet.currency = raw.currency;
  else if (raw.currency === undefined) problems.missing(`${name}.currency`, 'an ISO 4217 code, e.g. "USD"');
  else
    problems.add(
      `${name}.currency`,
      raw.currency,
      'an ISO 4217 code of three upper-case letters, e.g. "USD"',
    );

  const amountAllowed = 'a positive FSPIOP amount string such as "1" or "100.5" (no trailing zeros)';
  if (typeof raw.amount === 'string' && AMOUNT.test(raw.amount) && Number(raw.amount) > 0) {
    fleet.amount = raw.amount;
  } else if (raw.amount === undefined) problems.missing(`${name}.amount`, amountAllowed);
  else problems.add(`${name}.amount`, raw.amount, amountAllowed);

  const mixAllowed = '"uniform" or a non-empty list of {payer, payee, weight}';
  if (raw.trafficMix === undefined) problems.missing(`${name}.trafficMix`, mixAllowed);
  else if (raw.trafficMix === 'uniform') fleet.trafficMix = 'uniform';
  else if (Array.isArray(raw.trafficMix) && raw.trafficMix.length > 0) {
    fleet.trafficMix = parsePairs(raw.trafficMix, fleet.dfsps, `${name}.trafficMix`, problems);
  } else problems.add(`${name}.trafficMix`, raw.trafficMix, mixAllowed);

  fleet.requestTimeoutSeconds = readInteger(
    raw,
    'requestTimeoutSeconds',
    `${name}.requestTimeoutSeconds`,
    { min: 1, max: MAX_REQUEST_TIMEOUT_SECONDS },
    problems,
    DEFAULT_REQUEST_TIMEOUT_SECONDS,
  );
  fleet.expirySeconds = readInteger(
    raw,
    'expirySeconds',
    `${name}.expirySeconds`,
    { min: 1, max: MAX_EXPIRY_SECONDS },
    problems,
    DEFAULT_EXPIRY_SECONDS,
  );
  return fleet;
}

/** Every fleet DFSP with its outbound URL; URLs of DFSPs outside the fleet are ignored. */
function resolveDfsps(fleetIds: readonly string[], raw: unknown, problems: Problems): Dfsp[] {
  const name = SCRIPT_ENV.outboundUrls;
  const allowed = 'http(s)://host[:port][/path] without credentials, query or fragment';
  if (!isRecord(raw)) {
    problems.add(name, raw, 'a JSON object {"<fspId>": "<SDK outbound base URL>"}');
    return [];
  }
  const dfsps: Dfsp[] = [];
  for (const id of fleetIds) {
    const url = raw[id];
    const where = `${name}.${id}`;
    if (url === undefined) {
      problems.missing(where, `the outbound API base URL of ${id} (${allowed})`);
    } else if (typeof url !== 'string' || !BASE_URL.test(url)) {
      // A URL with credentials is not echoed: no secret value in any error.
      const shown =
        typeof url === 'string' && /^[^/]*\/\/[^/]*@/.test(url) ? '<a URL with credentials>' : url;
      problems.add(where, shown, allowed);
    } else {
      dfsps.push({ id, index: dfspIndexOf(id) ?? 0, outboundUrl: url.replace(/\/+$/, '') });
    }
  }
  return dfsps;
}

/** The rung's options (`buildRungOptions` JSON) with `runner` added to its tags and our system tags. */
function mergeOptions(raw: unknown, runner: string, problems: Problems): ScriptOptions {
  const name = RUNNER_ENV.options;
  const merged: ScriptOptions = { scenarios: {}, tags: {}, systemTags: [...SYSTEM_TAGS] };
  if (!isRecord(raw)) {
    problems.add(
      name,
      raw,
      'a JSON object of k6 options from buildRungOptions (scenarios, tags, summaryTrendStats)',
    );
    return merged;
  }
  const scenariosAllowed = `an object of at least one k6 scenario whose exec is "${TRANSFER_EXEC}"`;
  if (!isRecord(raw.scenarios) || Object.keys(raw.scenarios).length === 0) {
    if (raw.scenarios === undefined) problems.missing(`${name}.scenarios`, scenariosAllowed);
    else problems.add(`${name}.scenarios`, raw.scenarios, scenariosAllowed);
  } else {
    for (const [scenario, spec] of Object.entries(raw.scenarios)) {
      if (!isRecord(spec) || spec.exec !== TRANSFER_EXEC) {
        problems.add(
          `${name}.scenarios.${scenario}.exec`,
          isRecord(spec) ? spec.exec : spec,
          `"${TRANSFER_EXEC}", the function this script exports for one transfer`,
        );
      }
    }
  }
  const tags: Record<string, string> = {};
  if (raw.tags !== undefined) {
    if (!isRecord(raw.tags)) problems.add(`${name}.tags`, raw.tags, 'an object of string tag values');
    else {
      for (const [tag, value] of Object.entries(raw.tags)) {
        if (typeof value === 'string') tags[tag] = value;
        else problems.add(`${name}.tags.${tag}`, value, 'a string');
      }
    }
  }
  return {
    ...raw,
    scenarios: isRecord(raw.scenarios) ? (raw.scenarios as ScriptOptions['scenarios']) : {},
    tags: { ...tags, [K6_TAGS.runner]: runner },
    systemTags: [...SYSTEM_TAGS],
  };
}

/** Reads and checks the whole environment contract; throws one {@link SettingsError} listing every problem. */
export function readSettings(env: Env): ScriptSettings {
  const problems = new Problems();
  const runner = env[RUNNER_ENV.runner] ?? '';
  const runnerAllowed = "the runner's Job name: 1–63 letters, digits, _ . : -";
  if (runner === '') problems.missing(RUNNER_ENV.runner, runnerAllowed);
  else if (!PLAIN_TOKEN.test(runner)) problems.add(RUNNER_ENV.runner, runner, runnerAllowed);

  const rawOptions = readJson(
    env,
    RUNNER_ENV.options,
    'the JSON of buildRungOptions(rung, load, testId)',
    problems,
  );
  const options = rawOptions === undefined ? undefined : mergeOptions(rawOptions, runner, problems);

  const rawFleet = readJson(
    env,
    SCRIPT_ENV.fleet,
    'a JSON object {dfsps, partiesPerDfsp, currency, amount, trafficMix}',
    problems,
  );
  const fleet = rawFleet === undefined ? undefined : parseFleet(rawFleet, problems);

  const rawUrls = readJson(
    env,
    SCRIPT_ENV.outboundUrls,
    'a JSON object {"<fspId>": "<SDK outbound base URL>"}',
    problems,
  );
  const dfsps =
    rawUrls === undefined || fleet === undefined ? [] : resolveDfsps(fleet.dfsps, rawUrls, problems);

  if (problems.list.length > 0 || options === undefined || fleet === undefined) {
    throw new SettingsError(problems.list);
  }
  return { options, runner, fleet, dfsps };
}
