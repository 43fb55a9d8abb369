/**
 * A local Prometheus for the rehearsal: scrapes the hub's `/metrics` (admin port) and each SDK's
 * metrics port, and accepts k6's remote writes (`/api/v1/write`). Data lives in the run directory.
 */
import { join } from 'node:path';
import { ensurePrivateDir, writePrivateFile } from '../../pki/src/files.js';
import { httpOk, portFree, waitUntilHealthy } from './health.js';
import { indentTail, logTail } from './logs.js';
import { absolute } from './paths.js';
import type { StackPorts } from './ports.js';
import { describeExit, type ManagedProcess, ProcessGroup, type ProcessSpec } from './process.js';

export interface PrometheusOptions {
  runDir: string;
  ports: StackPorts;
  /** Where to run it; a stack's group ties its life to the stack's. Default: a group of its own. */
  group?: ProcessGroup;
  scrapeIntervalSeconds?: number;
  deadlineMs?: number;
  /** The binary; default `prometheus` from PATH. */
  binary?: string;
}

export interface PrometheusHandle {
  url: string;
  port: number;
  configPath: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** prometheus.yml for a stack's port plan (JSON, which is valid YAML). */
export function prometheusConfig(ports: StackPorts, scrapeIntervalSeconds = 5): string {
  const interval = `${scrapeIntervalSeconds}s`;
  const config = {
    global: { scrape_interval: interval, evaluation_interval: interval },
    scrape_configs: [
      {
        job_name: 'hub',
        metrics_path: '/metrics',
        static_configs: [{ targets: [`127.0.0.1:${ports.hub.admin}`], labels: { component: 'hub' } }],
      },
      {
        job_name: 'sdk',
        metrics_path: '/metrics',
        static_configs: ports.dfsps.map((d) => ({
          targets: [`127.0.0.1:${d.metrics}`],
          labels: { component: 'sdk', fsp: d.fspId },
        })),
      },
      {
        job_name: 'prometheus',
        static_configs: [{ targets: [`127.0.0.1:${ports.prometheus}`] }],
      },
    ],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

export function prometheusArgs(configPath: string, dataDir: string, port: number): string[] {
  return [
    `--config.file=${configPath}`,
    `--storage.tsdb.path=${dataDir}`,
    '--storage.tsdb.retention.time=7d',
    `--web.listen-address=127.0.0.1:${port}`,
    '--web.enable-remote-write-receiver',
    '--enable-feature=native-histograms',
    '--log.level=warn',
  ];
}

/** Writes prometheus.yml and creates the data directory; returns the process to start. */
export async function preparePrometheus(options: {
  runDir: string;
  ports: StackPorts;
  scrapeIntervalSeconds?: number;
  binary?: string;
}): Promise<ProcessSpec & { configPath: string }> {
  const runDir = absolute(options.runDir);
  const dataDir = join(runDir, 'prometheus');
  const logsDir = join(runDir, 'logs');
  await ensurePrivateDir(runDir);
  await ensurePrivateDir(dataDir);
  await ensurePrivateDir(logsDir);
  const configPath = join(runDir, 'prometheus.yml');
  await writePrivateFile(configPath, prometheusConfig(options.ports, options.scrapeIntervalSeconds));
  return {
    name: 'prometheus',
    command: options.binary ?? 'prometheus',
    args: prometheusArgs(configPath, dataDir, options.ports.prometheus),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? runDir },
    cwd: runDir,
    logFile: join(logsDir, 'prometheus.log'),
    configPath,
  };
}

/** Starts Prometheus on its own (the stack can also start it: StackOptions.prometheus). */
export async function startPrometheus(options: PrometheusOptions): Promise<PrometheusHandle> {
  const port = options.ports.prometheus;
  if (!(await portFree(port))) throw new Error(`prometheus: port ${port} is already in use on 127.0.0.1`);
  const spec = await preparePrometheus(options);
  const { configPath, logFile } = spec;
  const ownGroup = options.group === undefined;
  const group = options.group ?? ProcessGroup.create();
  const member = await group.spawn(spec);
  const stop = async () => {
    if (ownGroup) await group.stopAll();
    else await member.stop(group.graceMs);
  };
  const outcome = await waitUntilHealthy(() => httpOk(port, '/-/ready'), {
    deadlineMs: options.deadlineMs ?? 30_000,
    giveUp: () => (member.exit ? describeExit(member.exit) : undefined),
  });
  if (!outcome.ok) {
    await stop();
    const tail = await logTail(logFile);
    throw new Error(
      `prometheus did not start: ${outcome.reason} (checked GET http://127.0.0.1:${port}/-/ready). Last lines of ${logFile}:\n${indentTail(tail)}`,
    );
  }
  return { url: `http://127.0.0.1:${port}`, port, configPath, process: member, stop };
}
