/**
 * What the hub emulator costs next to one SDK scheme adapter 18: brings up the real local stack
 * (default 2 DFSPs), onboards it, drives transfers through the payer SDK's outbound API (lookup,
 * quote, simple transfer, as k6 does) and reads CPU time and peak RSS of the hub and the SDK
 * processes from /proc before and after.
 *
 *   npx tsx local/bench/hub-cost.ts [--dfsps 2] [--transfers 10000] [--concurrency 16]
 *     [--max-seconds 600] [--no-tls] [--base-port 29000] [--warmup 50] [--request-timeout-ms 10000]
 *     [--hub-cpu-prof <dir>] [--hub-main <path>] [--hub-node-args='<node options>']
 *
 * Bounded by count and by time; the stack is always stopped. Exit 0 when every transfer completed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { partyIdentifier } from '@mlperf/core';
import {
  FULL_SECURITY,
  HUB_MAIN,
  mapBounded,
  onboardLocalStack,
  readHubMetrics,
  type StackHandle,
  sdkTransfer,
  startStack,
  tsxLoaderUrl,
} from '../stack/src/index.js';

const CLOCK_TICKS = 100; // USER_HZ on Linux

interface Sample {
  cpuMs: number;
  /** The kernel's share of cpuMs (stime): on loopback it includes TCP delivery to the peer. */
  sysMs: number;
  hwmKb: number;
}

/** utime + stime (fields 14, 15 of /proc/<pid>/stat) and VmHWM of one process. */
function sample(pid: number): Sample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11]);
  const sysTicks = Number(fields[12]);
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return {
    cpuMs: ((userTicks + sysTicks) * 1000) / CLOCK_TICKS,
    sysMs: (sysTicks * 1000) / CLOCK_TICKS,
    hwmKb: Number(hwm?.[1] ?? 0),
  };
}

/** CPU ms by thread name (`comm` of /proc/<pid>/task/<tid>/stat: main, libuv pool, V8 helpers). */
function threadCpu(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return byName;
  }
  for (const tid of tids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    const name = tid === String(pid) ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    byName.set(name, (byName.get(name) ?? 0) + ms);
  }
  return byName;
}

/** `main 2.10, libuv-worker 0.05, …` ms per transfer, largest first (threads that used any CPU). */
function threadLine(before: Map<string, number>, after: Map<string, number>, count: number): string {
  return [...after]
    .map(([name, ms]) => [name, (ms - (before.get(name) ?? 0)) / Math.max(1, count)] as const)
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
    .join(', ');
}

/** `node [--cpu-prof …] --import tsx <main>`: the supervisor's hub command with the bench's options. */
function hubCommand(main: string | undefined, cpuProfDir: string | undefined, nodeArgs: readonly string[]) {
  const profile = cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', resolve(cpuProfDir)] : [];
  return {
    command: process.execPath,
    args: [...nodeArgs, ...profile, '--import', tsxLoaderUrl(), main ? resolve(main) : HUB_MAIN],
  };
}

function options() {
  const { values } = parseArgs({
    options: {
      dfsps: { type: 'string', default: '2' },
      transfers: { type: 'string', default: '10000' },
      concurrency: { type: 'string', default: '16' },
      'max-seconds': { type: 'string', default: '600' },
      'base-port': { type: 'string', default: '29000' },
      warmup: { type: 'string', default: '50' },
      'request-timeout-ms': { type: 'string', default: '10000' },
      'no-tls': { type: 'boolean', default: false },
      'hub-cpu-prof': { type: 'string' },
      'hub-main': { type: 'string' },
      'hub-node-args': { type: 'string' },
    },
  });
  const int = (name: keyof typeof values, min: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new RangeError(`--${name} must be an integer ≥ ${min}`);
    return n;
  };
  return {
    dfsps: int('dfsps', 2),
    transfers: int('transfers', 1),
    concurrency: int('concurrency', 1),
    maxSeconds: int('max-seconds', 1),
    basePort: int('base-port', 1024),
    warmup: int('warmup', 0),
    requestTimeoutMs: int('request-timeout-ms', 100),
    tls: !values['no-tls'],
    /** Directory for a V8 CPU profile of the hub (written when the stack stops). */
    hubCpuProf: values['hub-cpu-prof'],
    /** Another hub entry point (a copy of another revision's local/hub/src/main.ts, for A/B runs). */
    hubMain: values['hub-main'],
    /** Extra node options for the hub, space-separated (e.g. `--trace-deopt`, V8 heap sizes). */
    hubNodeArgs: (values['hub-node-args'] ?? '').split(' ').filter((a) => a.length > 0),
  };
}

async function main(): Promise<number> {
  const opts = options();
  const parties = opts.transfers + opts.warmup + opts.concurrency + 10;
  const currency = 'XXX';
  const runDir = join(tmpdir(), `mlperf-hub-cost-${process.pid}`);
  const security = { ...FULL_SECURITY, mtls: opts.tls };
  let stack: StackHandle | undefined;
  try {
    stack = await startStack({
      runDir,
      basePort: opts.basePort,
      dfsps: { count: opts.dfsps, partiesPerDfsp: parties, currency },
      security,
      graceMs: 3_000,
      ...(opts.hubCpuProf || opts.hubMain || opts.hubNodeArgs.length > 0
        ? { hub: hubCommand(opts.hubMain, opts.hubCpuProf, opts.hubNodeArgs) }
        : {}),
    });
    const { ports } = stack;
    await onboardLocalStack(
      stack,
      { dfsps: { count: opts.dfsps, partiesPerDfsp: parties, currency, trafficMix: 'uniform' } },
      { probes: false, inboundTls: opts.tls, runId: 'hub-cost' },
    );
    const pidOf = (name: string) => {
      const found = stack?.processes().find((p) => p.name === name);
      if (!found) throw new Error(`no process ${name}`);
      return found.pid;
    };
    const hubPid = pidOf('hub');
    const payerPid = pidOf('sdk-perffsp1');
    const payeePid = pidOf('sdk-perffsp2');
    // Payer perffsp1; payees perffsp2…N in turn, each payee identifier used once.
    let next = 0;
    const transfer = () => {
      const n = next++;
      const payee = 2 + (n % (opts.dfsps - 1));
      return sdkTransfer({
        outboundPort: ports.dfsps[0]?.outbound ?? 0,
        payerFsp: 'perffsp1',
        payerId: partyIdentifier(1, 0),
        payeeFsp: `perffsp${payee}`,
        payeeId: partyIdentifier(payee, n),
        amount: '1.5',
        currency,
        timeoutMs: opts.requestTimeoutMs,
      });
    };
    const warm = await mapBounded(
      Array.from({ length: opts.warmup }),
      Math.min(4, opts.concurrency),
      transfer,
    );

    const before = { hub: sample(hubPid), payer: sample(payerPid), payee: sample(payeePid) };
    const hubThreadsBefore = threadCpu(hubPid);
    const metricsBefore = await readHubMetrics(ports.hub.admin);
    const started = Date.now();
    const deadline = started + opts.maxSeconds * 1000;
    let completed = 0;
    let failed = 0;
    let issued = 0;
    const failures = new Map<string, number>();
    const worker = async () => {
      while (issued < opts.transfers && Date.now() < deadline) {
        issued++;
        const result = await transfer();
        if (result.ok) completed++;
        else {
          failed++;
          const key = `${result.failedAt}: ${(result.detail ?? '').slice(0, 80)}`;
          failures.set(key, (failures.get(key) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    const wallMs = Date.now() - started;
    const after = { hub: sample(hubPid), payer: sample(payerPid), payee: sample(payeePid) };
    const hubThreads = threadLine(hubThreadsBefore, threadCpu(hubPid), completed);
    const metricsAfter = await readHubMetrics(ports.hub.admin);

    const per = (p: 'hub' | 'payer' | 'payee') => (after[p].cpuMs - before[p].cpuMs) / Math.max(1, completed);
    const sysShare = (p: 'hub' | 'payer' | 'payee') =>
      `${((100 * (after[p].sysMs - before[p].sysMs)) / Math.max(1, after[p].cpuMs - before[p].cpuMs)).toFixed(0)} % kernel`;
    const hub = per('hub');
    const payer = per('payer');
    const payee = per('payee');
    const committed = (metricsAfter.transfers.COMMITTED ?? 0) - (metricsBefore.transfers.COMMITTED ?? 0);
    const lines = [
      `hub cost benchmark — ${opts.dfsps} DFSPs, ${opts.tls ? 'mTLS + JWS + ILP' : 'no TLS, JWS + ILP'}, concurrency ${opts.concurrency}, warm-up ${warm.filter((r) => r.ok).length}/${opts.warmup}`,
      `transfers completed      ${completed} of ${issued} issued (${failed} failed; hub COMMITTED +${committed})`,
      `wall time                ${(wallMs / 1000).toFixed(1)} s`,
      `achieved rate            ${((completed * 1000) / wallMs).toFixed(1)} transfers/s`,
      `hub CPU per transfer     ${hub.toFixed(2)} ms (${sysShare('hub')})`,
      `hub threads, ms/transfer ${hubThreads}`,
      `hub peak RSS             ${(after.hub.hwmKb / 1024).toFixed(0)} MB`,
      `payer SDK CPU/transfer   ${payer.toFixed(2)} ms (${sysShare('payer')}, peak RSS ${(after.payer.hwmKb / 1024).toFixed(0)} MB)`,
      `payee SDK CPU/transfer   ${payee.toFixed(2)} ms (${sysShare('payee')}, peak RSS ${(after.payee.hwmKb / 1024).toFixed(0)} MB)`,
      `hub / payer SDK          ${(hub / payer).toFixed(3)} (target ≤ 0.25)`,
      `hub / payee SDK          ${(hub / payee).toFixed(3)}`,
    ];
    for (const [reason, count] of failures) lines.push(`  failed ${count}× at ${reason}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return failed === 0 && completed > 0 ? 0 : 1;
  } finally {
    await stack?.stop();
    await rm(runDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
