/**
 * The contract between the hub emulator and the real SDK scheme adapter 18 on both sides: 8 DFSPs,
 * mutual TLS, JWS and ILP on, onboarded with onboardLocalStack (which also onboards the probe DFSPs).
 * Every ordered payer→payee pair (56) goes through the payer SDK's outbound API the way k6 drives it
 * (lookup, quote, simple transfer); the hub's counters and positions must agree afterwards. Then
 * verify-security runs against the same hub and must prove every control, once in-process and once
 * as the bundled cluster Job script (dist/jobs/verify-security.mjs) reading its credential mounts.
 */
import { copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localReceiverBaseUrl, localSecurityTarget, partyIdentifier } from '@mlperf/core';
import { SECURITY_JOB_ENV, SECURITY_JOB_FILES } from '@mlperf/core/security/cluster-job-contract';
import { parseSecurityJobLog } from '@mlperf/core/security/cluster-target';
import { type SecurityPosture, verifySecurity } from '@mlperf/core/security/index';
import { spawnCommand } from '@mlperf/core/workflows/command';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupAlive, pidAlive, type StackHandle, startStack } from '../../stack/src/index.js';
import { onboardLocalStack, probeReceiverPort } from '../../stack/src/onboard.js';
import {
  lookupParty,
  mapBounded,
  readHubMetrics,
  type SdkTransferResult,
  sdkTransfer,
} from '../../stack/src/sdk-client.js';

const BASE = 27000;
const COUNT = 8;
const PARTIES = 100;
const CURRENCY = 'XXX';
const CONCURRENCY = 8;
const runDir = join(tmpdir(), `mlperf-contract-${process.pid}`);
const JOB_SCRIPT = fileURLToPath(
  new URL('../../../actions/deploy-mojaloop/dist/jobs/verify-security.mjs', import.meta.url),
);
/** The Job script's own bound: verifySecurity's deadlines keep it well under this. */
const JOB_KILL_MS = 90_000;
const dfspsConfig = {
  count: COUNT,
  partiesPerDfsp: PARTIES,
  currency: CURRENCY,
  trafficMix: 'uniform' as const,
};
let stack: StackHandle | undefined;

const live = () => {
  if (!stack) throw new Error('the stack did not start');
  return stack;
};

/** Each payer sends `<index>.5` so every DFSP's net position is distinct and checkable. */
const amountOf = (payer: number) => `${payer}.5`;

describe('contract: hub emulator + 8 real SDK 18 DFSPs, full security posture', () => {
  beforeAll(async () => {
    stack = await startStack({
      runDir,
      basePort: BASE,
      dfsps: { count: COUNT, partiesPerDfsp: PARTIES, currency: CURRENCY },
      graceMs: 3_000,
    });
    const { ms } = await onboardLocalStack(live(), { dfsps: dfspsConfig }, { runId: 'contract-test' });
    console.info(`8-DFSP stack up in ${live().startMs} ms, onboarded in ${ms} ms`);
  }, 150_000);

  afterAll(async () => {
    await stack?.stop();
    await rm(runDir, { recursive: true, force: true });
  }, 30_000);

  it('refuses a lookup of an identifier nobody registered (SDK 18 answers 200 with an empty party)', async () => {
    const { ports } = live();
    const before = await readHubMetrics(ports.hub.admin);
    const unknown = partyIdentifier(2, PARTIES); // one past perffsp2's range
    const lookup = await lookupParty(ports.dfsps[0]?.outbound ?? 0, unknown, 20_000);
    // SDK 18's PartiesModel keeps only body.party of the callback: the hub's 3204 error arrives as
    // status 200 with `party.body: {}`, so "found" must be decided on the party itself.
    expect({ found: lookup.found, uri: lookup.callbackUri }).toEqual({
      found: false,
      uri: `/parties/MSISDN/${unknown}/error`,
    });
    const after = await readHubMetrics(ports.hub.admin);
    expect((after.rejected.party_not_found ?? 0) - (before.rejected.party_not_found ?? 0)).toBe(1);
    const transfer = await sdkTransfer({
      outboundPort: ports.dfsps[0]?.outbound ?? 0,
      payerFsp: 'perffsp1',
      payerId: partyIdentifier(1, 0),
      payeeFsp: 'perffsp2',
      payeeId: unknown,
      amount: '1.5',
      currency: CURRENCY,
      timeoutMs: 20_000,
    });
    expect({ ok: transfer.ok, failedAt: transfer.failedAt }).toEqual({ ok: false, failedAt: 'party' });
  }, 60_000);

  it('completes a transfer for every ordered pair of the 8 DFSPs (56) and the hub agrees', async () => {
    const { ports } = live();
    // Rounds of a Latin square: in round r payer i pays payee i+r (mod 8), so the 8 transfers in
    // flight spread over 8 payer and 8 payee SDKs, and each payee identifier is used once. Many in
    // flight in one SDK is the next test's subject.
    const pairs: Array<{ payer: number; payee: number; party: number }> = [];
    for (let round = 1; round < COUNT; round++)
      for (let payer = 1; payer <= COUNT; payer++)
        pairs.push({ payer, payee: ((payer - 1 + round) % COUNT) + 1, party: pairs.length });
    expect(new Set(pairs.map((p) => `${p.payer}>${p.payee}`)).size).toBe(56);
    expect(pairs.every((p) => p.payer !== p.payee)).toBe(true);
    expect(pairs).toHaveLength(56);
    const started = Date.now();
    const results: SdkTransferResult[] = await mapBounded(pairs, CONCURRENCY, ({ payer, payee, party }) =>
      sdkTransfer({
        outboundPort: ports.dfsps[payer - 1]?.outbound ?? 0,
        payerFsp: `perffsp${payer}`,
        payerId: partyIdentifier(payer, 0),
        payeeFsp: `perffsp${payee}`,
        payeeId: partyIdentifier(payee, party),
        amount: amountOf(payer),
        currency: CURRENCY,
        timeoutMs: 30_000,
      }),
    );
    const wallMs = Date.now() - started;
    const failed = results
      .map((r, i) => ({ ...r, pair: `perffsp${pairs[i]?.payer}→perffsp${pairs[i]?.payee}` }))
      .filter((r) => !r.ok)
      .map((r) => `${r.pair}: ${r.failedAt} ${r.detail}`);
    expect(failed).toEqual([]);
    expect(new Set(results.map((r) => `${r.currentState}/${r.transferState}`))).toEqual(
      new Set(['COMPLETED/COMMITTED']),
    );
    console.info(
      `56 pairs in ${wallMs} ms at concurrency ${CONCURRENCY} (${((56 * 1000) / wallMs).toFixed(1)} transfers/s)`,
    );

    const metrics = await readHubMetrics(ports.hub.admin);
    expect(metrics.transfers.COMMITTED).toBe(56);
    expect(metrics.transfers.ABORTED ?? 0).toBe(0);
    expect(metrics.transfers.EXPIRED ?? 0).toBe(0);
    // Payer i sent 7 × (i + 0.5) and received (i + 0.5 excluded) the others' amounts once each.
    const total = pairs.reduce((sum, p) => sum + Number(amountOf(p.payer)), 0);
    const expected: Record<string, number> = { perfprobe1: 0, perfprobe2: 0 };
    for (let i = 1; i <= COUNT; i++) {
      const own = Number(amountOf(i));
      expected[`perffsp${i}`] = (COUNT - 1) * own - (total / (COUNT - 1) - own);
    }
    expect(metrics.positions).toEqual(expected);
    expect(Object.values(metrics.positions).reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
  }, 120_000);

  it('verify-security proves every control against the running hub', async () => {
    const { ports } = live();
    const before = await readHubMetrics(ports.hub.admin);
    const posture: SecurityPosture = await verifySecurity(
      await localSecurityTarget({
        runDir,
        hubUrl: `https://127.0.0.1:${ports.hub.fspiop}`,
        currency: CURRENCY,
        receiverPort: probeReceiverPort(ports),
      }),
    );
    const summary = Object.fromEntries(
      Object.values(posture.controls)
        .flatMap((c) => c.probes)
        .map((p) => [p.name, `${p.outcome}: ${p.observed}`]),
    );
    console.info(JSON.stringify({ baseline: posture.baseline.observed, probes: summary }, null, 1));
    expect(posture.baseline.committed).toBe(true);
    expect(Object.fromEntries(Object.entries(posture.controls).map(([k, c]) => [k, c.status]))).toEqual({
      mtls: 'proven',
      jwsValidation: 'proven',
      ilp: 'proven',
      expiry: 'proven',
    });
    // Each probe refused for its own reason, as the hub documents it.
    const reasons: Record<string, RegExp> = {
      'no-client-certificate': /TLS handshake refused .*certificate required/,
      'certificate-source-mismatch': /HTTP 400, FSPIOP 3100 .*not the identity of the client certificate/,
      'unsigned-request': /HTTP 400, FSPIOP 3105/,
      'tampered-body': /HTTP 400, FSPIOP 3105/,
      'foreign-signature': /HTTP 400, FSPIOP 3105/,
      'wrong-fulfilment': /3100/,
      'expired-at-prepare': /3303/,
      'late-fulfilment': /3303/,
    };
    for (const [name, pattern] of Object.entries(reasons)) {
      expect(summary[name], name).toMatch(/^rejected: /);
      expect(summary[name], name).toMatch(pattern);
    }
    // The probes' transfers are the probe DFSPs' only: the fleet's counters are untouched.
    const after = await readHubMetrics(ports.hub.admin);
    for (let i = 1; i <= COUNT; i++)
      expect(after.positions[`perffsp${i}`]).toBe(before.positions[`perffsp${i}`]);
  }, 120_000);

  it('keeps 16 transfers in flight in one payer SDK apart (the preload copies SDK 18 path parameters)', async () => {
    // Without the preload's fix, concurrent callbacks to one SDK read each other's {ID} and 2–4 % of
    // transfers get another quote's answer or time out (local/stack/README.md, "SDK 18 and concurrency").
    const { ports } = live();
    const before = await readHubMetrics(ports.hub.admin);
    const transfers = Array.from({ length: 42 }, (_, k) => ({ payee: 2 + (k % 7), party: 56 + k }));
    const results = await mapBounded(transfers, 16, ({ payee, party }) =>
      sdkTransfer({
        outboundPort: ports.dfsps[0]?.outbound ?? 0,
        payerFsp: 'perffsp1',
        payerId: partyIdentifier(1, 0),
        payeeFsp: `perffsp${payee}`,
        payeeId: partyIdentifier(payee, party),
        amount: '1',
        currency: CURRENCY,
        timeoutMs: 30_000,
      }),
    );
    expect(results.filter((r) => !r.ok).map((r) => `${r.failedAt}: ${r.detail}`)).toEqual([]);
    const after = await readHubMetrics(ports.hub.admin);
    expect((after.transfers.COMMITTED ?? 0) - (before.transfers.COMMITTED ?? 0)).toBe(42);
    expect((after.positions.perffsp1 ?? 0) - (before.positions.perffsp1 ?? 0)).toBe(42);
  }, 120_000);

  it('the bundled verify-security Job script proves every control from cluster-style mounts', async () => {
    // Runs after the in-process verifySecurity test: both listen on the probe receiver port.
    const { ports } = live();
    await stat(JOB_SCRIPT).catch(() => {
      throw new Error(`${JOB_SCRIPT} is missing: run \`npm run build\``);
    });
    // The mount layout of cluster-job-contract.ts, filled from the stack's run directory; the local
    // hub calls the probe DFSPs back over HTTPS, hence the receiver TLS mount.
    const creds = await mkdtemp(join(tmpdir(), 'mlperf-vs-creds-'));
    const F = SECURITY_JOB_FILES;
    const place = async (from: string[], to: string[]) => {
      await mkdir(join(creds, ...to.slice(0, -1)), { recursive: true });
      await copyFile(join(runDir, ...from), join(creds, ...to));
    };
    try {
      for (const fspId of ['perfprobe1', 'perfprobe2']) {
        await place(['pki', fspId, 'client.pem'], [F.mtlsDir, fspId, F.cert]);
        await place(['pki', fspId, 'client-key.pem'], [F.mtlsDir, fspId, F.key]);
        await place(['pki', 'ca.pem'], [F.mtlsDir, fspId, F.ca]);
      }
      for (const fspId of ['perfprobe1', 'perfprobe2', 'perffsp1'])
        await place(['jws-private', `${fspId}-key.pem`], [F.jwsDir, fspId, F.jwsKey]);
      await place(['pki', 'perfprobe1', 'server.pem'], [F.receiverTlsDir, F.cert]);
      await place(['pki', 'perfprobe1', 'server-key.pem'], [F.receiverTlsDir, F.key]);

      const receiverPort = probeReceiverPort(ports);
      const env = {
        PATH: process.env.PATH ?? '',
        [SECURITY_JOB_ENV.hubUrl]: `https://127.0.0.1:${ports.hub.fspiop}`,
        [SECURITY_JOB_ENV.currency]: CURRENCY,
        [SECURITY_JOB_ENV.receiverPort]: String(receiverPort),
        [SECURITY_JOB_ENV.receiverBaseUrl]: localReceiverBaseUrl(receiverPort),
        [SECURITY_JOB_ENV.foreignFspId]: 'perffsp1',
        [SECURITY_JOB_ENV.credentialsDir]: creds,
      };
      const started = Date.now();
      // spawnCommand kills the script after JOB_KILL_MS: bounded even if it hangs.
      // Run from a folder with no node_modules above it, as in the pod: the bundle must stand alone.
      const isolated = join(creds, 'opt', 'verify-security.mjs');
      await mkdir(join(creds, 'opt'), { recursive: true });
      await copyFile(JOB_SCRIPT, isolated);
      const run = await spawnCommand(process.execPath, [isolated], {
        cwd: join(creds, 'opt'),
        env,
        timeoutMs: JOB_KILL_MS,
      });
      console.info(`the Job script ran in ${Date.now() - started} ms`);
      const outcome = parseSecurityJobLog(run.stdout);
      expect({ code: run.code, error: 'error' in outcome ? outcome.error : undefined }, run.stderr).toEqual({
        code: 0,
        error: undefined,
      });
      expect(run.stdout.trim().split('\n')).toHaveLength(1);
      if (!('posture' in outcome)) throw new Error(outcome.error);
      expect(outcome.posture.hubUrl).toBe(`https://127.0.0.1:${ports.hub.fspiop}`);
      expect(outcome.posture.baseline.committed).toBe(true);
      expect(
        Object.fromEntries(Object.entries(outcome.posture.controls).map(([k, c]) => [k, c.status])),
      ).toEqual({ mtls: 'proven', jwsValidation: 'proven', ilp: 'proven', expiry: 'proven' });
    } finally {
      await rm(creds, { recursive: true, force: true });
    }
  }, 120_000);

  it('stops every process', async () => {
    const pids = live()
      .processes()
      .map((p) => p.pid);
    await live().stop();
    expect(pids.filter((pid) => pidAlive(pid) || groupAlive(pid))).toEqual([]);
  }, 30_000);
});
