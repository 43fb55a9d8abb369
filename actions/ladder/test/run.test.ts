import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCRIPT } from '@mlperf/core/cloud-ladder/index';
import { SUMMARY_MARKER } from '@mlperf/core/k8s/runner-env';
import { K6_COUNTERS, K6_TRENDS } from '@mlperf/core/ladder/metrics';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TEST_CA } from '../../_shell/test/kube-phase.js';
import { recordingIo } from '../../_shell/test/recording-io.js';
import { outboundUrls, SCRIPT_TEXT, startWorld, type World } from '../../core/test/cloud-ladder/world.js';
import { DEFAULT_RESULTS_DIR, DEFAULT_RUNG_TIMEOUT_MINUTES, Inputs, Outputs } from '../src/names.js';
import { type ClusterSession, type LadderRuntime, run } from '../src/run.js';

describe('ladder action', () => {
  let w: World;
  beforeEach(async () => {
    w = await startWorld();
    // The default script path, relative to the workspace.
    mkdirSync(path.join(w.dir, 'k6', 'dist'), { recursive: true });
    writeFileSync(path.join(w.dir, 'k6', 'dist', 'transfer.js'), SCRIPT_TEXT);
  });
  afterEach(async () => {
    await w.close();
  });

  function inputs(extra: Record<string, string> = {}) {
    return {
      [Inputs.Config]: JSON.stringify(w.params.config),
      [Inputs.RunId]: w.params.runId,
      [Inputs.Trigger]: 'manual',
      [Inputs.StartedAt]: new Date(w.clock.now() - 3_600_000).toISOString(),
      'hub-cluster-name': 'mlperf-r7-hub',
      'hub-cluster-endpoint': 'https://HUB.gr7.eu-west-2.eks.amazonaws.com',
      'hub-cluster-ca': TEST_CA,
      'load-cluster-name': 'mlperf-r7-load',
      'load-cluster-endpoint': 'https://LOAD.gr7.eu-west-2.eks.amazonaws.com',
      'load-cluster-ca': TEST_CA,
      [Inputs.OutboundUrls]: JSON.stringify(outboundUrls(8)),
      ...extra,
    };
  }

  function runtime(): LadderRuntime & { sessions: Array<{ load: ClusterSession; hub: ClusterSession }> } {
    const sessions: Array<{ load: ClusterSession; hub: ClusterSession }> = [];
    const { load, hub, prom, probe } = w.deps;
    return {
      sessions,
      credentials: async () => ({
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'not-a-real-secret',
        sessionToken: 'tok',
      }),
      // The fake API servers stand in for both clusters; the minted tokens are only recorded.
      connect: (s) => {
        sessions.push(s);
        return { load, hub, prom };
      },
      clock: w.clock,
      workspace: w.dir,
      ...(probe === undefined ? {} : { probe }),
    };
  }

  it('runs the ladder and hands over results-path, verdict, max-rate and rungs', async () => {
    const rt = runtime();
    const { io, outputs, failures, secrets, summaries, logs } = recordingIo(inputs());
    await run(io, rt);
    expect(failures).toEqual([]);
    expect(outputs[Outputs.ResultsPath]).toBe(path.join(w.dir, 'results', 'results.json'));
    expect(existsSync(outputs[Outputs.ResultsPath] ?? '')).toBe(true);
    expect(outputs[Outputs.Verdict]).toBe('PASS');
    expect(outputs[Outputs.MaxRate]).toBe('10');
    expect(outputs[Outputs.Rungs]).toBe('1');
    // Both tokens minted in the job, masked, with a way to renew them.
    expect(secrets).toHaveLength(2);
    expect(rt.sessions[0]?.load.access).toMatchObject({ name: 'mlperf-r7-load', token: secrets[0] });
    expect(rt.sessions[0]?.hub.access).toMatchObject({ name: 'mlperf-r7-hub', token: secrets[1] });
    expect(typeof rt.sessions[0]?.load.tokenRefresh.mint).toBe('function');
    expect(summaries[0]).toContain('**PASS**: Every ladder rung passed');
    expect(summaries[0]).toContain('- rung 1 (ladder) 10/s: achieved');
    expect(summaries[0]).toContain('- results: `results/results.json`');
    for (const line of [...logs, ...summaries])
      for (const token of secrets) expect(line).not.toContain(token);
  });

  it("adds the k6 runners' own figures between the rung lines and the hints", async () => {
    const counter = (count: number) => ({ type: 'counter', values: { count, rate: count / 60 } });
    const summary = {
      metrics: {
        [K6_COUNTERS.completed]: counter(12_345),
        [K6_COUNTERS.failed]: counter(7),
        [K6_COUNTERS.dropped]: counter(0),
        [K6_TRENDS.e2e]: { type: 'trend', values: { 'p(95)': 300, 'p(99)': 1_234.6 } },
      },
    };
    w.load.scriptK6Operator({
      runners: [{ exitCode: 0, log: `k6 starting\n${SUMMARY_MARKER} ${JSON.stringify(summary)}\n` }],
    });
    const { io, failures, summaries } = recordingIo(inputs());
    await run(io, runtime());
    expect(failures).toEqual([]);
    const lines = (summaries[0] ?? '').split('\n');
    const section = lines.indexOf('### k6 runners');
    expect(section).toBeGreaterThan(lines.findIndex((l) => l.startsWith('- rung 1 (ladder)')));
    expect(section).toBeGreaterThan(lines.findIndex((l) => l.startsWith('- results:')));
    expect(section).toBeLessThan(lines.findIndex((l) => l.startsWith('> ')));
    expect(lines).toContain('| rung | rate | runner | exit | completed | failed | dropped | e2e p99 |');
    expect(lines.filter((l) => /^\| 1 \| 10\/s \| /.test(l))).toEqual([
      expect.stringMatching(/^\| 1 \| 10\/s \| \S+ \| 0 \| 12,345 \| 7 \| 0 \| 1,235 ms \|$/),
    ]);
    expect(lines).toContain(
      "- rung 1 (10/s): runners' sum of completed 12,345 (1 of 1 runner(s) reported it)",
    );
  });

  it('fails the job on a failed probe, after writing INVALID results and its outputs', async () => {
    const rt = runtime();
    rt.probe = async (_api, targets) => ({
      job: 'p',
      completed: true,
      diagnosis: null,
      results: targets.map((t) => ({
        name: t.name,
        url: t.url,
        attempts: 5,
        ok: 5,
        medianMs: 900,
        p95Ms: 950,
        maxMs: 990,
        statuses: { '200': 5 },
        lastError: null,
        requested: 5,
      })),
    });
    const { io, outputs, failures, summaries } = recordingIo(inputs());
    await run(io, rt);
    expect(failures[0]).toMatch(
      /^ladder: connectivity probe failed: perffsp1 .*median 900 ms is over the 250 ms bound/,
    );
    expect(outputs[Outputs.Verdict]).toBe('INVALID');
    expect(outputs[Outputs.Rungs]).toBe('0');
    expect(outputs[Outputs.MaxRate]).toBe('');
    expect(existsSync(outputs[Outputs.ResultsPath] ?? '')).toBe(true);
    expect(w.load.requests.some((r) => r.path.includes('/testruns'))).toBe(false);
    // No rung ran, so no runner section.
    expect(summaries[0]).toContain('**INVALID**');
    expect(summaries[0]).not.toContain('### k6 runners');
  });

  it('fails naming a missing script, touching no cluster', async () => {
    const { io, failures } = recordingIo(inputs({ [Inputs.Script]: 'k6/dist/missing.js' }));
    await run(io, runtime());
    expect(failures[0]).toMatch(
      /^input script: no file at .*k6\/dist\/missing\.js; allowed: the bundled k6 script/,
    );
    expect(w.load.requests).toEqual([]);
    expect(w.hub.requests).toEqual([]);
  });

  it.each([
    [{ [Inputs.OutboundUrls]: '{"perffsp1":"http://a"}' }, 'input outbound-urls: key "perffsp2" is missing'],
    [
      { [Inputs.Trigger]: 'rehearsal' },
      'input trigger: got "rehearsal"; allowed: manual, pull_request, release',
    ],
    [{ [Inputs.RunId]: '' }, 'input run-id: got ""; allowed: the run id'],
    [{ [Inputs.StartedAt]: 'yesterday' }, 'input started-at: got "yesterday"; allowed: an RFC 3339 time'],
    [
      { [Inputs.RungTimeoutMinutes]: '500' },
      'input rung-timeout-minutes: got "500"; allowed: minutes above 0, at most 120',
    ],
    [
      { 'load-cluster-endpoint': 'http://load' },
      'input load-cluster-endpoint: got "http://load"; allowed: an https:// URL',
    ],
  ])('refuses bad input %j before minting a token or calling a cluster', async (bad, message) => {
    const { io, failures, secrets } = recordingIo(inputs(bad));
    await run(io, runtime());
    expect(failures[0]).toContain(message);
    expect(secrets).toEqual([]);
    expect(w.load.requests).toEqual([]);
    expect(w.hub.requests).toEqual([]);
  });

  it('action.yml documents every input and output, with the defaults the code uses', () => {
    const file = fileURLToPath(new URL('../action.yml', import.meta.url));
    const doc = parse(readFileSync(file, 'utf8')) as {
      inputs: Record<string, { description?: string; default?: string }>;
      outputs: Record<string, { description?: string }>;
    };
    const clusterInputs = ['hub', 'load'].flatMap((c) =>
      ['name', 'endpoint', 'ca'].map((k) => `${c}-cluster-${k}`),
    );
    expect(Object.keys(doc.inputs).sort()).toEqual([...Object.values(Inputs), ...clusterInputs].sort());
    expect(Object.keys(doc.outputs).sort()).toEqual(Object.values(Outputs).sort());
    for (const entry of [...Object.values(doc.inputs), ...Object.values(doc.outputs)]) {
      expect(entry.description?.length ?? 0).toBeGreaterThan(10);
    }
    expect(doc.inputs[Inputs.Script]?.default).toBe(DEFAULT_SCRIPT);
    expect(doc.inputs[Inputs.ResultsDir]?.default).toBe(DEFAULT_RESULTS_DIR);
    expect(doc.inputs[Inputs.RungTimeoutMinutes]?.default).toBe(String(DEFAULT_RUNG_TIMEOUT_MINUTES));
  });
});
