/**
 * `startHub(config)`: the hub emulator's three ports (FSPIOP, central-ledger admin + metrics, ALS) on
 * raw `node:http`/`node:https` servers, its state, and the sweep that expires unanswered transfers and
 * evicts settled ones. Returns handles for tests and benchmarks: actual ports, the Prometheus registry,
 * the ledger, participants and oracle, a manual `sweep()`, and `close()`.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer, type ServerOptions } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Registry } from 'prom-client';
import { createAdminHandler } from './admin/routes.js';
import { createAlsHandler, Oracle } from './als.js';
import { CallbackClient } from './callbacks.js';
import type { HubConfig } from './config.js';
import type { FspiopContext } from './fspiop/context.js';
import { createFspiopHandler } from './fspiop/pipeline.js';
import { notifyExpired } from './fspiop/transfers.js';
import { closeServer, listen } from './http.js';
import { fulfilmentMatches } from './ilp.js';
import { JwsKeyStore, JwsSigner, JwsVerifier } from './jws.js';
import { Ledger, type TransferRecord } from './ledger.js';
import { createLogger, type Logger } from './log.js';
import { createMetrics, type HubMetrics } from './metrics.js';
import { Participants } from './participants.js';
import { mutualTlsServerOptions, readTlsMaterial } from './tls.js';

export interface StartHubOptions {
  /** Epoch-ms clock (tests inject one); default `Date.now`. */
  clock?: () => number;
  logger?: Logger;
  /** Node process metrics on the registry (default true). */
  defaultMetrics?: boolean;
  /** Run the expiry/eviction sweep on a timer (default true; tests call `sweep()` themselves). */
  sweepTimer?: boolean;
}

export interface HubPorts {
  fspiop: number;
  admin: number;
  als: number;
}

export interface HubHandle {
  ports: HubPorts;
  /** Base URLs of the three ports. */
  urls: { fspiop: string; admin: string; als: string };
  registry: Registry;
  metrics: HubMetrics;
  ledger: Ledger;
  participants: Participants;
  oracle: Oracle;
  /** Expires overdue reserved transfers (notifying payer and payee) and evicts old settled ones. */
  sweep(): Promise<void>;
  close(): Promise<void>;
}

function serverOptions(keepAliveTimeout: number): ServerOptions {
  return {
    // FSPIOP allows 64 KiB of headers.
    maxHeaderSize: 65_536,
    keepAliveTimeout,
    headersTimeout: 60_000,
    requestTimeout: 60_000,
  };
}

export async function startHub(config: HubConfig, options: StartHubOptions = {}): Promise<HubHandle> {
  const clock = options.clock ?? Date.now;
  const log = options.logger ?? createLogger('info');
  const startedAt = clock();

  const signer = new JwsSigner(readFileSync(config.jws.signingKeyPath));
  const verifier = config.jws.validate
    ? new JwsVerifier(new JwsKeyStore(config.jws.verificationKeysDir, clock))
    : null;
  const serverTls = config.tls ? mutualTlsServerOptions(readTlsMaterial(config.tls)) : null;
  const callbackTls = config.callbackTls ? readTlsMaterial(config.callbackTls) : null;

  let metrics: HubMetrics | undefined;
  const onSettled = (transfer: TransferRecord) => {
    metrics?.transferFinal(transfer.state as 'COMMITTED' | 'ABORTED' | 'EXPIRED');
    if (transfer.state === 'COMMITTED')
      metrics?.commitLatency((transfer.settledAt - transfer.preparedAt) / 1000);
  };
  const ledger = new Ledger({
    retentionMs: config.retentionSeconds * 1000,
    fulfils: fulfilmentMatches,
    onSettled,
  });
  metrics = createMetrics(ledger, { defaultMetrics: options.defaultMetrics ?? true });
  const participants = new Participants(ledger, clock);
  const oracle = new Oracle();
  const callbacks = new CallbackClient({
    tls: callbackTls,
    timeoutMs: config.callbackTimeoutMs,
    maxSockets: config.maxSocketsPerDfsp,
  });

  const ctx: FspiopContext = { config, participants, ledger, oracle, metrics, callbacks, signer, clock, log };

  const fspiopHandler = createFspiopHandler(ctx, { mutualTls: serverTls !== null, verifier });
  const SERVER_OPTIONS = serverOptions(config.keepAliveTimeoutMs);
  const fspiopServer: HttpServer = serverTls
    ? createHttpsServer({ ...SERVER_OPTIONS, ...serverTls }, fspiopHandler)
    : createHttpServer(SERVER_OPTIONS, fspiopHandler);
  const ports: HubPorts = { fspiop: 0, admin: 0, als: 0 };
  const host = config.host;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  const adminServer = createHttpServer(
    SERVER_OPTIONS,
    createAdminHandler({
      participants,
      registry: metrics.registry,
      baseUrl: () => `http://${hostForUrl}:${ports.admin}`,
      clock,
      startedAt,
      log: (message) => log.info(message),
    }),
  );
  const alsServer = createHttpServer(
    SERVER_OPTIONS,
    createAlsHandler({ oracle, log: (message) => log.info(message) }),
  );
  const servers = [fspiopServer, adminServer, alsServer];

  try {
    ports.fspiop = await listen(fspiopServer, config.fspiopPort, host);
    ports.admin = await listen(adminServer, config.adminPort, host);
    ports.als = await listen(alsServer, config.alsPort, host);
  } catch (error) {
    await Promise.all(servers.map((s) => closeServer(s)));
    callbacks.close();
    throw error;
  }

  let sweeping: Promise<void> | undefined;
  const sweep = async () => {
    if (sweeping) return sweeping;
    sweeping = (async () => {
      const now = clock();
      const expired = ledger.expire(now);
      ledger.evict(now);
      if (expired.length > 0) await notifyExpired(ctx, expired);
    })().finally(() => {
      sweeping = undefined;
    });
    return sweeping;
  };
  const timer =
    (options.sweepTimer ?? true)
      ? setInterval(() => {
          sweep().catch((error: unknown) => log.error('sweep failed', { error: (error as Error).message }));
        }, config.sweepIntervalMs)
      : undefined;
  timer?.unref();

  const scheme = serverTls ? 'https' : 'http';
  log.info('hub listening', {
    host,
    ...ports,
    mutualTls: serverTls !== null,
    jwsValidation: verifier !== null,
  });

  let closed: Promise<void> | undefined;
  return {
    ports,
    urls: {
      fspiop: `${scheme}://${hostForUrl}:${ports.fspiop}`,
      admin: `http://${hostForUrl}:${ports.admin}`,
      als: `http://${hostForUrl}:${ports.als}`,
    },
    registry: metrics.registry,
    metrics,
    ledger,
    participants,
    oracle,
    sweep,
    close() {
      if (!closed) {
        closed = (async () => {
          if (timer) clearInterval(timer);
          await Promise.all(servers.map((s) => closeServer(s)));
          await sweeping?.catch(() => {});
          callbacks.close();
        })();
      }
      return closed;
    },
  };
}
