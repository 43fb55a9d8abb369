/**
 * Process entry: `HUB_CONFIG=<run dir>/hub.json npx tsx local/hub/src/main.ts`.
 * Starts the hub, prints one `hub listening` line with the ports, and stops cleanly on SIGTERM/SIGINT
 * (exit 0). A bad configuration or a port in use exits 1 with the reason.
 */
import { loadHubConfig } from './config.js';
import { createLogger, levelFromEnv } from './log.js';
import { startHub } from './server.js';

async function main(): Promise<void> {
  const log = createLogger(levelFromEnv(process.env.HUB_LOG_LEVEL));
  const path = process.env.HUB_CONFIG;
  if (!path) {
    log.error('HUB_CONFIG is not set: it must name the hub.json of the stack');
    process.exitCode = 1;
    return;
  }
  let hub: Awaited<ReturnType<typeof startHub>>;
  try {
    hub = await startHub(await loadHubConfig(path), { logger: log });
  } catch (error) {
    log.error('hub did not start', { error: (error as Error).message });
    process.exitCode = 1;
    return;
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('hub stopping', { signal });
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    hub.close().then(
      () => {
        log.info('hub stopped', { counts: hub.ledger.counts() });
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
