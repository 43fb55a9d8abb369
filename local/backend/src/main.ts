/**
 * One DFSP backend simulator process:
 *   node --import tsx local/backend/src/main.ts --fsp-index 1 --parties 1000 --currency XXX --port 47105
 * Logs one line when it listens and one when it stops; never logs request bodies.
 */
import { parseArgs } from 'node:util';
import { dfspId } from '@mlperf/core/fleet/names';
import { startBackend } from './simulator.js';

function positiveInt(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a non-negative integer, got ${value}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'fsp-index': { type: 'string' },
      parties: { type: 'string' },
      currency: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
    },
    strict: true,
  });
  const index = positiveInt('fsp-index', values['fsp-index']);
  const fspId = dfspId(index);
  const backend = await startBackend({
    fspId,
    index,
    partiesPerDfsp: positiveInt('parties', values.parties),
    currency: values.currency ?? 'XXX',
    host: values.host,
    port: positiveInt('port', values.port),
  });
  process.stdout.write(`backend ${fspId} listening on ${backend.host}:${backend.port}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`backend ${fspId} stopping on ${signal}\n`);
    // Bounded: close() resolves once connections are gone; exit anyway after 2 s.
    setTimeout(() => process.exit(0), 2_000).unref();
    backend.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `backend failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
