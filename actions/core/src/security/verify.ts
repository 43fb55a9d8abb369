/**
 * verify-security: negative probes against the hub's FSPIOP API that establish the posture the hub
 * actually enforces. verify-security plays two DFSPs itself — the probe payer and the probe payee —
 * with their client certificates and JWS keys, and runs its own callback receiver registered as
 * their inbound API, so it sees what the hub forwards and which errors it sends.
 *
 * First a valid transfer (the baseline) must go through: prepare accepted and forwarded, fulfilment
 * accepted, payer told COMMITTED. Each negative probe then differs from that baseline in one respect,
 * so a refusal can be attributed to the control under test. Probes run one at a time, each bounded
 * by deadlines.
 */
import { randomBytes } from 'node:crypto';
import { type FspiopErrorInfo, parseFspiopError } from '../onboarding/errors.js';
import type { HttpClient, HttpResponse } from '../onboarding/http.js';
import { joinUrl } from '../onboarding/http.js';
import {
  buildFulfil,
  buildTransferPrepare,
  type FspiopMethod,
  fspiopHeaders,
  signRequest,
  type TransferPrepare,
  wrongFulfilment,
} from './fspiop.js';
import {
  type BaselineResult,
  buildPosture,
  PROBES,
  type ProbeName,
  type ProbeOutcome,
  type ProbeResult,
  probeResult,
  type SecurityPosture,
} from './posture.js';
import { ProbeReceiver, type ReceivedCallback, type ReceiverOptions } from './receiver.js';
import { createTlsHttpClient, TransportError } from './tls-client.js';

// ---------------------------------------------------------------- target

export interface ProbeDfspCredentials {
  fspId: string;
  /** Client certificate (CN = fspId) and key, PEM; required when the hub URL is https. */
  clientCertPem?: string;
  clientKeyPem?: string;
  /** JWS signing key, PEM (RSA; the hub verifies with the matching public key). */
  jwsPrivateKeyPem: string;
}

export interface ProbeTimeouts {
  /** One HTTP request to the hub. Default 10 000 ms. */
  requestMs: number;
  /** Waiting for the hub's callback (forwarded prepare, error, commit notice). Default 10 000 ms. */
  callbackMs: number;
  /** After a refusal, how long to watch that nothing is forwarded anyway. Default 500 ms. */
  settleMs: number;
  /** Expiration of the late-fulfilment probe's prepare, from now. Default 2000 ms. */
  nearExpiryMs: number;
  /** How long after that expiration the fulfilment is sent. Default 1000 ms. */
  lateGraceMs: number;
  /** Expiration of every other probe transfer, from now. Default 60 000 ms. */
  transferExpiryMs: number;
}

export interface SecurityTarget {
  /** The hub's FSPIOP base URL (https with mutual TLS; http only in tests). */
  hubUrl: string;
  /** CA the hub's server certificate chains to, PEM. */
  caPem?: string;
  currency: string;
  /** Amount of each probe transfer. Default "1". */
  amount?: string;
  /** Onboarded probe DFSPs whose callback endpoints point at the receiver. */
  payer: ProbeDfspCredentials;
  payee: ProbeDfspCredentials;
  /** Another DFSP's JWS signing key, for the "signed with someone else's key" probe. */
  foreignSigner: { fspId: string; jwsPrivateKeyPem: string };
  /** A started receiver, or where to start one (then it is closed at the end). */
  receiver: ProbeReceiver | ReceiverOptions;
  timeouts?: Partial<ProbeTimeouts>;
}

export const DEFAULT_PROBE_TIMEOUTS: ProbeTimeouts = {
  requestMs: 10_000,
  callbackMs: 10_000,
  settleMs: 500,
  nearExpiryMs: 2000,
  lateGraceMs: 1000,
  transferExpiryMs: 60_000,
};

/** Injected for tests: how the probe makes HTTP clients. */
export interface VerifyDependencies {
  httpClient?: (credentials: { certPem?: string; keyPem?: string } | null) => HttpClient;
  sleep?: (ms: number) => Promise<void>;
}

// ---------------------------------------------------------------- expected reasons

interface Reason {
  expected: string;
  /** Whether an FSPIOP error (sync or callback) shows this reason. */
  matches(error: FspiopErrorInfo | undefined, status: number): boolean;
}

const byCodes = (expected: string, codes: string[], alsoWhen?: (e: FspiopErrorInfo) => boolean): Reason => ({
  expected,
  matches: (error) =>
    error !== undefined && (codes.includes(error.errorCode) || (alsoWhen?.(error) ?? false)),
});

const expiryReason = (what: string) =>
  byCodes(
    `${what}: FSPIOP 3303 (transfer expired), or 3100 naming the expiration`,
    ['3303'],
    (e) => e.errorCode === '3100' && /expir/i.test(e.errorDescription),
  );

const REASONS = {
  unsigned: byCodes('rejected: FSPIOP 3105 (invalid signature) or 3102 (missing element)', ['3105', '3102']),
  badSignature: byCodes('rejected: FSPIOP 3105 (invalid signature)', ['3105']),
  sourceMismatch: {
    expected: 'rejected: the client certificate does not belong to FSPIOP-Source',
    matches: (_error: FspiopErrorInfo | undefined, status: number) => status >= 400 && status < 500,
  } satisfies Reason,
  wrongFulfilment: byCodes('aborted: FSPIOP 3100 (invalid fulfilment) or 3106, never COMMITTED', [
    '3100',
    '3106',
  ]),
  expiredAtPrepare: expiryReason('rejected'),
  lateFulfilment: expiryReason('aborted, never COMMITTED'),
};

// ---------------------------------------------------------------- probing context

interface Party {
  fspId: string;
  client: HttpClient;
  jwsKey: string;
}

interface Context {
  hubUrl: string;
  currency: string;
  amount: string;
  payer: Party;
  payee: Party;
  noCert: HttpClient | undefined;
  foreign: { fspId: string; jwsPrivateKeyPem: string };
  receiver: ProbeReceiver;
  timeouts: ProbeTimeouts;
  ilpSecret: string;
  sleep: (ms: number) => Promise<void>;
}

type Sent =
  | { response: HttpResponse; error?: undefined }
  | { response?: undefined; error: TransportError | Error };

function describeError(info: FspiopErrorInfo | undefined): string {
  return info ? `FSPIOP ${info.errorCode} "${info.errorDescription}"` : 'no FSPIOP error';
}

function describeSent(sent: Sent): string {
  if (sent.error) return `no HTTP answer (${sent.error.message})`;
  const info = parseFspiopError(sent.response.body);
  return `HTTP ${sent.response.status}${info ? `, ${describeError(info)}` : ''}`;
}

async function send(
  ctx: Context,
  client: HttpClient,
  method: FspiopMethod,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<Sent> {
  try {
    return { response: await client.request(method, joinUrl(ctx.hubUrl, path), { headers, body }) };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}

interface PrepareOptions {
  client?: HttpClient;
  /** FSPIOP-Source and payer; default the payer probe DFSP. */
  from?: Party;
  to?: Party;
  expiration?: Date;
  /** Key that signs; null sends no signature. Default the sender's own key. */
  signingKey?: string | null;
  /** Sign this prepare's body but send the original (a tampered message). */
  tamper?: boolean;
}

async function sendPrepare(ctx: Context, options: PrepareOptions = {}) {
  const from = options.from ?? ctx.payer;
  const to = options.to ?? ctx.payee;
  const { prepare, fulfilment } = buildTransferPrepare({
    payerFsp: from.fspId,
    payeeFsp: to.fspId,
    amount: ctx.amount,
    currency: ctx.currency,
    expiration: options.expiration ?? new Date(Date.now() + ctx.timeouts.transferExpiryMs),
    ilpSecret: ctx.ilpSecret,
  });
  const body = JSON.stringify(prepare);
  const url = joinUrl(ctx.hubUrl, '/transfers');
  const headers = fspiopHeaders({
    resource: 'transfers',
    method: 'POST',
    source: from.fspId,
    destination: to.fspId,
  });
  const key = options.signingKey === undefined ? from.jwsKey : options.signingKey;
  let sentHeaders = headers;
  if (key !== null) {
    const signedBody = options.tamper
      ? JSON.stringify({ ...prepare, amount: { ...prepare.amount, amount: `${Number(ctx.amount) + 1}` } })
      : body;
    sentHeaders = signRequest({ method: 'POST', url, headers, body: signedBody, signingKeyPem: key });
  }
  const sent = await send(ctx, options.client ?? from.client, 'POST', '/transfers', sentHeaders, body);
  return { prepare, fulfilment, sent, from, to };
}

async function sendFulfil(ctx: Context, prepare: TransferPrepare, fulfilment: string): Promise<Sent> {
  const path = `/transfers/${prepare.transferId}`;
  const body = JSON.stringify(buildFulfil(fulfilment));
  const headers = fspiopHeaders({
    resource: 'transfers',
    method: 'PUT',
    source: prepare.payeeFsp,
    destination: prepare.payerFsp,
  });
  const party = prepare.payeeFsp === ctx.payee.fspId ? ctx.payee : ctx.payer;
  const signed = signRequest({
    method: 'PUT',
    url: joinUrl(ctx.hubUrl, path),
    headers,
    body,
    signingKeyPem: party.jwsKey,
  });
  return send(ctx, party.client, 'PUT', path, signed, body);
}

// Callback matchers (what the hub sends the probe DFSPs).
const forwardedPrepare = (to: string, transferId: string) => (c: ReceivedCallback) =>
  c.fspId === to &&
  c.method === 'POST' &&
  c.path === '/transfers' &&
  bodyField(c, 'transferId') === transferId;
const errorCallback = (fspIds: string[], transferId: string) => (c: ReceivedCallback) =>
  fspIds.includes(c.fspId) && c.method === 'PUT' && c.path === `/transfers/${transferId}/error`;
const committedNotice = (payer: string, transferId: string) => (c: ReceivedCallback) =>
  c.fspId === payer &&
  c.method === 'PUT' &&
  c.path === `/transfers/${transferId}` &&
  bodyField(c, 'transferState') === 'COMMITTED';

function bodyField(callback: ReceivedCallback, field: string): unknown {
  return typeof callback.body === 'object' && callback.body !== null
    ? (callback.body as Record<string, unknown>)[field]
    : undefined;
}

function callbackError(callback: ReceivedCallback): FspiopErrorInfo | undefined {
  return parseFspiopError(callback.rawBody);
}

/** The first of several waits to produce a callback, with its index. */
async function firstOf(
  receiver: ProbeReceiver,
  matchers: ((c: ReceivedCallback) => boolean)[],
  timeoutMs: number,
): Promise<{ index: number; callback: ReceivedCallback } | undefined> {
  const combined = (c: ReceivedCallback) => matchers.some((m) => m(c));
  const callback = await receiver.waitFor(combined, timeoutMs);
  if (!callback) return undefined;
  return { index: matchers.findIndex((m) => m(callback)), callback };
}

const elapsed = (since: number) => `${Date.now() - since} ms`;

// ---------------------------------------------------------------- baseline

async function runBaseline(ctx: Context): Promise<BaselineResult> {
  const started = Date.now();
  const { prepare, fulfilment, sent } = await sendPrepare(ctx);
  if (!sent.response) {
    return {
      reachedHub: false,
      forwarded: false,
      committed: false,
      observed: `prepare: ${describeSent(sent)}`,
    };
  }
  if (sent.response.status !== 202 && sent.response.status !== 200) {
    return {
      reachedHub: true,
      forwarded: false,
      committed: false,
      observed: `prepare: ${describeSent(sent)}`,
    };
  }
  const arrival = await firstOf(
    ctx.receiver,
    [
      forwardedPrepare(ctx.payee.fspId, prepare.transferId),
      errorCallback([ctx.payer.fspId], prepare.transferId),
    ],
    ctx.timeouts.callbackMs,
  );
  if (arrival?.index !== 0) {
    const why = arrival
      ? `the payer got an error callback (${describeError(callbackError(arrival.callback))})`
      : `nothing reached ${ctx.payee.fspId} within ${ctx.timeouts.callbackMs} ms`;
    return { reachedHub: true, forwarded: false, committed: false, observed: `prepare accepted, but ${why}` };
  }
  const fulfilSent = await sendFulfil(ctx, prepare, fulfilment);
  if (!fulfilSent.response || fulfilSent.response.status >= 300) {
    return {
      reachedHub: true,
      forwarded: true,
      committed: false,
      observed: `fulfil: ${describeSent(fulfilSent)}`,
    };
  }
  const outcome = await firstOf(
    ctx.receiver,
    [
      committedNotice(ctx.payer.fspId, prepare.transferId),
      errorCallback([ctx.payer.fspId, ctx.payee.fspId], prepare.transferId),
    ],
    ctx.timeouts.callbackMs,
  );
  if (outcome?.index !== 0) {
    const why = outcome
      ? `an error callback arrived (${describeError(callbackError(outcome.callback))})`
      : `${ctx.payer.fspId} was not told COMMITTED within ${ctx.timeouts.callbackMs} ms`;
    return { reachedHub: true, forwarded: true, committed: false, observed: `fulfil accepted, but ${why}` };
  }
  return {
    reachedHub: true,
    forwarded: true,
    committed: true,
    observed: `transfer ${prepare.transferId} committed in ${elapsed(started)}`,
  };
}

// ---------------------------------------------------------------- probe kinds

/**
 * A prepare that must not get through: refused synchronously, or answered 202 and then refused with
 * an error callback to the payer; forwarding it to the payee means the hub accepted it.
 */
async function observeRefusedPrepare(
  ctx: Context,
  name: ProbeName,
  reason: Reason,
  sending: Promise<{ prepare: TransferPrepare; sent: Sent; to: Party; from: Party }>,
): Promise<ProbeResult> {
  const started = Date.now();
  const { prepare, sent, to, from } = await sending;
  const forwarded = forwardedPrepare(to.fspId, prepare.transferId);
  if (!sent.response) {
    return probeResult(name, reason.expected, 'inconclusive', `the hub gave ${describeSent(sent)}`);
  }
  const status = sent.response.status;
  if (status >= 400) {
    const info = parseFspiopError(sent.response.body);
    const late = await ctx.receiver.waitFor(forwarded, ctx.timeouts.settleMs);
    if (late) {
      return probeResult(
        name,
        reason.expected,
        'accepted',
        `answered ${describeSent(sent)} but still forwarded the prepare to ${to.fspId}`,
      );
    }
    const outcome: ProbeOutcome = reason.matches(info, status) ? 'rejected' : 'inconclusive';
    const note = outcome === 'rejected' ? '' : ', which does not show the expected reason';
    return probeResult(name, reason.expected, outcome, `refused at once: ${describeSent(sent)}${note}`);
  }
  const arrival = await firstOf(
    ctx.receiver,
    [forwarded, errorCallback([from.fspId], prepare.transferId)],
    ctx.timeouts.callbackMs,
  );
  if (!arrival) {
    return probeResult(
      name,
      reason.expected,
      'inconclusive',
      `answered HTTP ${status}, then neither forwarded the prepare nor sent an error within ${ctx.timeouts.callbackMs} ms`,
    );
  }
  if (arrival.index === 0) {
    return probeResult(
      name,
      reason.expected,
      'accepted',
      `answered HTTP ${status} and forwarded the prepare to ${to.fspId} after ${elapsed(started)}`,
    );
  }
  const info = callbackError(arrival.callback);
  const outcome: ProbeOutcome = reason.matches(info, 400) ? 'rejected' : 'inconclusive';
  const note = outcome === 'rejected' ? '' : ', which does not show the expected reason';
  return probeResult(
    name,
    reason.expected,
    outcome,
    `answered HTTP ${status}, then sent ${from.fspId} an error callback: ${describeError(info)}${note}`,
  );
}

/**
 * A fulfilment that must not complete the transfer: refused synchronously or with error callbacks,
 * and the payer is never told COMMITTED.
 */
async function observeRefusedFulfil(
  ctx: Context,
  name: ProbeName,
  reason: Reason,
  prepare: TransferPrepare,
  fulfilment: string,
  beforeFulfil: () => Promise<void>,
): Promise<ProbeResult> {
  const forwarded = await ctx.receiver.waitFor(
    forwardedPrepare(ctx.payee.fspId, prepare.transferId),
    ctx.timeouts.callbackMs,
  );
  if (!forwarded) {
    // A hub may refuse an already-expired prepare outright; that is the expiry control at work too.
    const early = ctx.receiver
      .received()
      .find((c) => errorCallback([ctx.payer.fspId], prepare.transferId)(c));
    const info = early ? callbackError(early) : undefined;
    if (early && reason.matches(info, 400)) {
      return probeResult(
        name,
        reason.expected,
        'rejected',
        `the prepare was already refused: ${describeError(info)}`,
      );
    }
    return probeResult(
      name,
      reason.expected,
      'not-run',
      `the valid prepare was not forwarded to ${ctx.payee.fspId} within ${ctx.timeouts.callbackMs} ms${early ? ` (error callback: ${describeError(info)})` : ''}`,
    );
  }
  await beforeFulfil();
  const sent = await sendFulfil(ctx, prepare, fulfilment);
  const committed = committedNotice(ctx.payer.fspId, prepare.transferId);
  const errors = errorCallback([ctx.payer.fspId, ctx.payee.fspId], prepare.transferId);
  if (sent.response && sent.response.status >= 400) {
    const late = await ctx.receiver.waitFor(committed, ctx.timeouts.settleMs);
    if (late) {
      return probeResult(
        name,
        reason.expected,
        'accepted',
        `answered ${describeSent(sent)} but told ${ctx.payer.fspId} COMMITTED`,
      );
    }
    const info = parseFspiopError(sent.response.body);
    const outcome: ProbeOutcome = reason.matches(info, sent.response.status) ? 'rejected' : 'inconclusive';
    return probeResult(name, reason.expected, outcome, `fulfilment refused at once: ${describeSent(sent)}`);
  }
  if (!sent.response) {
    return probeResult(name, reason.expected, 'inconclusive', `the fulfilment got ${describeSent(sent)}`);
  }
  const arrival = await firstOf(ctx.receiver, [committed, errors], ctx.timeouts.callbackMs);
  if (!arrival) {
    return probeResult(
      name,
      reason.expected,
      'inconclusive',
      `fulfilment answered HTTP ${sent.response.status}, then no commit notice or error within ${ctx.timeouts.callbackMs} ms`,
    );
  }
  if (arrival.index === 0) {
    return probeResult(
      name,
      reason.expected,
      'accepted',
      `the hub accepted the fulfilment and told ${ctx.payer.fspId} COMMITTED`,
    );
  }
  // Make sure no commit notice follows the error.
  const late = await ctx.receiver.waitFor(committed, ctx.timeouts.settleMs);
  if (late) {
    return probeResult(
      name,
      reason.expected,
      'accepted',
      `sent an error callback but then told ${ctx.payer.fspId} COMMITTED`,
    );
  }
  const info = callbackError(arrival.callback);
  const outcome: ProbeOutcome = reason.matches(info, 400) ? 'rejected' : 'inconclusive';
  return probeResult(
    name,
    reason.expected,
    outcome,
    `transfer aborted: error callback to ${arrival.callback.fspId}: ${describeError(info)}`,
  );
}

// ---------------------------------------------------------------- the probes

type Probe = (ctx: Context) => Promise<ProbeResult>;

const PROBE_RUNNERS: Record<ProbeName, { needs: 'reached' | 'forwarded' | 'committed'; run: Probe }> = {
  'no-client-certificate': {
    needs: 'reached',
    async run(ctx) {
      const expected = EXPECTED['no-client-certificate'];
      if (!ctx.noCert) {
        return probeResult(
          'no-client-certificate',
          expected,
          'not-run',
          `the hub URL ${ctx.hubUrl} is not https`,
        );
      }
      const { sent, prepare } = await sendPrepare(ctx, { client: ctx.noCert });
      if (sent.error) {
        const failure = sent.error instanceof TransportError ? sent.error.failure : 'other';
        if (failure === 'refused') {
          return probeResult(
            'no-client-certificate',
            expected,
            'rejected',
            `TLS handshake refused (${sent.error.message})`,
          );
        }
        return probeResult(
          'no-client-certificate',
          expected,
          'inconclusive',
          `connection failed otherwise (${sent.error.message})`,
        );
      }
      const status = sent.response.status;
      if (status >= 400) {
        return probeResult(
          'no-client-certificate',
          expected,
          'inconclusive',
          `the handshake completed without a client certificate; the API then answered ${describeSent(sent)}`,
        );
      }
      const forwarded = await ctx.receiver.waitFor(
        forwardedPrepare(ctx.payee.fspId, prepare.transferId),
        ctx.timeouts.settleMs,
      );
      return probeResult(
        'no-client-certificate',
        expected,
        'accepted',
        `the handshake completed without a client certificate and the API answered HTTP ${status}${forwarded ? `; the prepare was forwarded to ${ctx.payee.fspId}` : ''}`,
      );
    },
  },
  'certificate-source-mismatch': {
    needs: 'committed',
    async run(ctx) {
      if (!ctx.noCert) {
        return probeResult(
          'certificate-source-mismatch',
          REASONS.sourceMismatch.expected,
          'not-run',
          `the hub URL ${ctx.hubUrl} is not https, so no client certificate identifies the sender`,
        );
      }
      // The payer's certificate, but FSPIOP-Source and a valid signature of the payee.
      return observeRefusedPrepare(
        ctx,
        'certificate-source-mismatch',
        REASONS.sourceMismatch,
        sendPrepare(ctx, { client: ctx.payer.client, from: ctx.payee, to: ctx.payer }),
      );
    },
  },
  'unsigned-request': {
    needs: 'forwarded',
    run: (ctx) =>
      observeRefusedPrepare(
        ctx,
        'unsigned-request',
        REASONS.unsigned,
        sendPrepare(ctx, { signingKey: null }),
      ),
  },
  'tampered-body': {
    needs: 'forwarded',
    run: (ctx) =>
      observeRefusedPrepare(ctx, 'tampered-body', REASONS.badSignature, sendPrepare(ctx, { tamper: true })),
  },
  'foreign-signature': {
    needs: 'forwarded',
    run: (ctx) =>
      observeRefusedPrepare(
        ctx,
        'foreign-signature',
        REASONS.badSignature,
        sendPrepare(ctx, { signingKey: ctx.foreign.jwsPrivateKeyPem }),
      ),
  },
  'expired-at-prepare': {
    needs: 'forwarded',
    run: (ctx) =>
      observeRefusedPrepare(
        ctx,
        'expired-at-prepare',
        REASONS.expiredAtPrepare,
        sendPrepare(ctx, { expiration: new Date(Date.now() - 10_000) }),
      ),
  },
  'wrong-fulfilment': {
    needs: 'committed',
    async run(ctx) {
      const { prepare, sent } = await sendPrepare(ctx);
      if (!sent.response || sent.response.status >= 300) {
        return probeResult(
          'wrong-fulfilment',
          REASONS.wrongFulfilment.expected,
          'not-run',
          `the valid prepare got ${describeSent(sent)}`,
        );
      }
      return observeRefusedFulfil(
        ctx,
        'wrong-fulfilment',
        REASONS.wrongFulfilment,
        prepare,
        wrongFulfilment(prepare.condition),
        async () => undefined,
      );
    },
  },
  'late-fulfilment': {
    needs: 'committed',
    async run(ctx) {
      const expiration = new Date(Date.now() + ctx.timeouts.nearExpiryMs);
      const { prepare, fulfilment, sent } = await sendPrepare(ctx, { expiration });
      if (!sent.response) {
        return probeResult(
          'late-fulfilment',
          REASONS.lateFulfilment.expected,
          'inconclusive',
          `the prepare got ${describeSent(sent)}`,
        );
      }
      if (sent.response.status >= 300) {
        const info = parseFspiopError(sent.response.body);
        const outcome: ProbeOutcome = REASONS.lateFulfilment.matches(info, sent.response.status)
          ? 'rejected'
          : 'not-run';
        return probeResult(
          'late-fulfilment',
          REASONS.lateFulfilment.expected,
          outcome,
          `the prepare got ${describeSent(sent)}`,
        );
      }
      return observeRefusedFulfil(
        ctx,
        'late-fulfilment',
        REASONS.lateFulfilment,
        prepare,
        fulfilment,
        async () => {
          const wait = expiration.getTime() + ctx.timeouts.lateGraceMs - Date.now();
          if (wait > 0) await ctx.sleep(Math.min(wait, ctx.timeouts.nearExpiryMs + ctx.timeouts.lateGraceMs));
        },
      );
    },
  },
};

function gateReason(
  needs: 'reached' | 'forwarded' | 'committed',
  baseline: BaselineResult,
): string | undefined {
  const ok =
    needs === 'reached'
      ? baseline.reachedHub
      : needs === 'forwarded'
        ? baseline.forwarded
        : baseline.committed;
  if (ok) return undefined;
  const what =
    needs === 'reached'
      ? 'did not reach the hub'
      : needs === 'forwarded'
        ? 'was not forwarded to the payee'
        : 'did not complete';
  return `the valid baseline transfer ${what} (${baseline.observed}), so a refusal could not be attributed to this control`;
}

const EXPECTED: Record<ProbeName, string> = {
  'no-client-certificate': 'the TLS handshake is refused',
  'certificate-source-mismatch': REASONS.sourceMismatch.expected,
  'unsigned-request': REASONS.unsigned.expected,
  'tampered-body': REASONS.badSignature.expected,
  'foreign-signature': REASONS.badSignature.expected,
  'wrong-fulfilment': REASONS.wrongFulfilment.expected,
  'expired-at-prepare': REASONS.expiredAtPrepare.expected,
  'late-fulfilment': REASONS.lateFulfilment.expected,
};

// ---------------------------------------------------------------- entry point

/**
 * Runs the baseline and the selected probes (default: all) against the target and returns the
 * verified posture. Never throws for what the hub does; throws only for an unusable target.
 */
export async function verifySecurity(
  target: SecurityTarget,
  probes: readonly ProbeName[] = PROBES,
  deps: VerifyDependencies = {},
): Promise<SecurityPosture> {
  const https = target.hubUrl.startsWith('https:');
  if (!https && !target.hubUrl.startsWith('http:'))
    throw new RangeError(`hubUrl must be an http(s) URL, got ${target.hubUrl}`);
  for (const party of [target.payer, target.payee]) {
    if (https && (!party.clientCertPem || !party.clientKeyPem)) {
      throw new RangeError(`${party.fspId}: a client certificate and key are needed for an https hub`);
    }
  }
  if (target.payer.fspId === target.payee.fspId)
    throw new RangeError('payer and payee probe DFSPs must differ');
  const timeouts = { ...DEFAULT_PROBE_TIMEOUTS, ...target.timeouts };
  const makeClient =
    deps.httpClient ??
    ((credentials: { certPem?: string; keyPem?: string } | null) =>
      createTlsHttpClient({
        ...(target.caPem ? { caPem: target.caPem } : {}),
        ...(credentials?.certPem ? { certPem: credentials.certPem } : {}),
        ...(credentials?.keyPem ? { keyPem: credentials.keyPem } : {}),
        timeoutMs: timeouts.requestMs,
      }));
  const party = (p: ProbeDfspCredentials): Party => ({
    fspId: p.fspId,
    jwsKey: p.jwsPrivateKeyPem,
    client: makeClient({
      ...(p.clientCertPem ? { certPem: p.clientCertPem } : {}),
      ...(p.clientKeyPem ? { keyPem: p.clientKeyPem } : {}),
    }),
  });

  const ownsReceiver = !(target.receiver instanceof ProbeReceiver);
  const receiver =
    target.receiver instanceof ProbeReceiver ? target.receiver : await ProbeReceiver.start(target.receiver);
  try {
    const ctx: Context = {
      hubUrl: target.hubUrl,
      currency: target.currency,
      amount: target.amount ?? '1',
      payer: party(target.payer),
      payee: party(target.payee),
      noCert: https ? makeClient(null) : undefined,
      foreign: target.foreignSigner,
      receiver,
      timeouts,
      ilpSecret: randomBytes(16).toString('hex'),
      sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
    const baseline = await runBaseline(ctx);
    const results: ProbeResult[] = [];
    for (const name of PROBES.filter((p) => probes.includes(p))) {
      const runner = PROBE_RUNNERS[name];
      const blocked = gateReason(runner.needs, baseline);
      if (blocked) {
        results.push(probeResult(name, EXPECTED[name], 'not-run', blocked));
        continue;
      }
      try {
        results.push(await runner.run(ctx));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        results.push(probeResult(name, EXPECTED[name], 'not-run', `the probe itself failed: ${message}`));
      }
    }
    return buildPosture(target.hubUrl, baseline, results);
  } finally {
    if (ownsReceiver) await receiver.close();
  }
}
