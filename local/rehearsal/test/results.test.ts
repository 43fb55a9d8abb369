import { loadRunConfig } from '@mlperf/core/config/load';
import { renderReport } from '@mlperf/core/report/render';
import { parseRunResults, serializeRunResults } from '@mlperf/core/results/io';
import { buildPosture, probeResult, type SecurityPosture } from '@mlperf/core/security/posture';
import { describe, expect, it } from 'vitest';
import { PROFILES_DIR } from '../src/config.js';
import {
  buildRehearsalResults,
  type RehearsalFacts,
  rehearsalRunId,
  unprovenControls,
} from '../src/results.js';
import { type SmokeOutcome, summarise } from '../src/smoke.js';

const config = await loadRunConfig({ profile: 'local', profilesDir: PROFILES_DIR });

function posture(rejectJws = true): SecurityPosture {
  const probes = [
    probeResult('no-client-certificate', 'refused', 'rejected', 'TLS handshake refused'),
    probeResult('certificate-source-mismatch', 'refused', 'rejected', 'HTTP 400, FSPIOP 3100'),
    probeResult('unsigned-request', 'refused', rejectJws ? 'rejected' : 'accepted', 'HTTP 400, FSPIOP 3105'),
    probeResult('tampered-body', 'refused', 'rejected', 'HTTP 400, FSPIOP 3105'),
    probeResult('foreign-signature', 'refused', 'rejected', 'HTTP 400, FSPIOP 3105'),
    probeResult('wrong-fulfilment', 'refused', 'rejected', '3100'),
    probeResult('expired-at-prepare', 'refused', 'rejected', '3303'),
    probeResult('late-fulfilment', 'refused', 'rejected', '3303'),
  ];
  return buildPosture(
    'https://127.0.0.1:20010',
    { reachedHub: true, forwarded: true, committed: true, observed: 'COMMITTED' },
    probes,
    new Date('2026-01-01T00:00:05Z'),
  );
}

const outcomes: SmokeOutcome[] = [
  {
    payer: 'perffsp1',
    payee: 'perffsp2',
    payerId: 'a',
    payeeId: 'b',
    amount: '1.5',
    ok: true,
    transferId: 't1',
    ms: 40,
  },
  {
    payer: 'perffsp2',
    payee: 'perffsp1',
    payerId: 'c',
    payeeId: 'd',
    amount: '2.5',
    ok: true,
    transferId: 't2',
    ms: 50,
  },
];
const smoke = summarise(outcomes, {
  dfsps: 2,
  rounds: 1,
  concurrency: 2,
  deadlineSeconds: 180,
  wallMs: 1234,
  hub: {
    committedBefore: 1,
    committedAfter: 3,
    committed: 2,
    aborted: 0,
    expired: 0,
    netPosition: 0,
    problems: [],
  },
});

function facts(overrides: Partial<RehearsalFacts> = {}): RehearsalFacts {
  return {
    runId: rehearsalRunId(new Date('2026-01-01T00:00:00.123Z')),
    startedAt: new Date('2026-01-01T00:00:00Z'),
    finishedAt: new Date('2026-01-01T00:00:30Z'),
    config,
    versions: { node: 'v20.20.2', sdkSchemeAdapter: '18.0.2' },
    posture: posture(),
    ladder: { reason: 'k6-not-installed' },
    smoke,
    failures: [],
    artifacts: [{ name: 'report.md' }, { name: 'smoke.json' }],
    ...overrides,
  };
}

describe('buildRehearsalResults', () => {
  it('gives schema-valid results: rehearsal, local, no rungs, INVALID, no maximum rate', () => {
    const results = buildRehearsalResults(facts());
    expect(results.runId).toBe('rehearsal-20260101T000000Z');
    expect(results).toMatchObject({
      schemaVersion: 1,
      trigger: 'rehearsal',
      profile: 'local',
      durationSeconds: 30,
      environment: {
        provider: 'local',
        versions: { node: 'v20.20.2', sdkSchemeAdapter: '18.0.2', hub: 'emulator' },
        sizing: { nodes: [], dfspCount: 8 },
      },
      rungs: [],
      verdict: { outcome: 'INVALID', decidingRung: null },
      maxSustainableRate: { rate: null, basis: null },
      artifacts: [{ name: 'report.md' }, { name: 'smoke.json' }],
    });
    expect(results.verdict.summary).toBe(
      'No ladder rung ran: no rung ran at 5, 10, 20 transfers/s, so the target is not proven.',
    );
    expect(results.security?.controls.mtls.status).toBe('proven');
    // The file round-trips through the core's own reader.
    expect(parseRunResults(JSON.parse(serializeRunResults(results)))).toEqual(results);
  });

  it('says in its hints that the ladder was skipped for lack of k6, and what the smoke did', () => {
    const { hints } = buildRehearsalResults(facts());
    expect(hints).toHaveLength(2);
    expect(hints[0]).toMatch(/^The ladder was skipped because k6 is not installed on this machine/);
    expect(hints[0]).toContain('5, 10, 20 transfers/s');
    expect(hints[1]).toBe(
      "Smoke: 2 of 2 transfers committed through the payer SDKs (every ordered pair of 2 DFSPs once, 2 in flight) in 1.2 s; the hub counted 2 commits and every DFSP's position moved as paid, netting to 0.",
    );
  });

  it('says the k6 runner is missing when k6 itself is on PATH', () => {
    const { hints } = buildRehearsalResults(
      facts({ ladder: { reason: 'runner-not-built', k6Path: '/usr/bin/k6' } }),
    );
    expect(hints[0]).toMatch(
      /^The ladder was skipped because the k6 runner is not built yet \(k6 itself is on PATH/,
    );
  });

  it('records what did not run or failed: no posture, smoke not run, the failed step', () => {
    const results = buildRehearsalResults(
      facts({
        posture: null,
        smoke: null,
        smokeSkipped: 'the stack did not start',
        failures: [{ step: 'stack', message: 'hub did not start: exited with code 1.\n  last lines…' }],
        artifacts: [{ name: 'report.md' }],
      }),
    );
    expect(results.security).toBeNull();
    expect(results.verdict.outcome).toBe('INVALID');
    expect(results.hints.slice(1)).toEqual([
      'Smoke: not run (the stack did not start).',
      'The stack step failed: hub did not start: exited with code 1.',
    ]);
  });

  it('names the controls verify-security did not prove', () => {
    const weak = posture(false);
    expect(unprovenControls(weak)).toEqual(['JWS validation (failed)']);
    expect(buildRehearsalResults(facts({ posture: weak })).hints).toContain(
      'verify-security did not prove: JWS validation (failed).',
    );
  });

  it('renders a report with the verdict, the posture and the hints', () => {
    const report = renderReport(buildRehearsalResults(facts()));
    expect(report).toContain('INVALID');
    expect(report).toContain('No ladder rung ran');
    expect(report).toContain('### Verified security posture');
    expect(report).toContain('The ladder was skipped because k6 is not installed');
  });
});
