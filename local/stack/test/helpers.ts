/** Shared by the stack tests: a test-only stub of the hub, and process/port inspection. */
import { readFileSync } from 'node:fs';
import { type HubCommand, pidAlive } from '../src/index.js';

/**
 * STUB HUB, for tests only: stands in for local/hub (the real emulator) so the supervisor can be
 * tested on its own. It reads HUB_CONFIG like the real one and answers `/health` on the admin port.
 */
export const STUB_HUB_SOURCE = `
const { readFileSync } = require('node:fs');
const http = require('node:http');
const config = JSON.parse(readFileSync(process.env.HUB_CONFIG, 'utf8'));
const server = http.createServer((req, res) => {
  const ok = req.url === '/health';
  res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: ok ? 'OK' : 'stub hub: nothing here' }));
});
server.listen(config.adminPort, config.host, () => process.stdout.write('STUB hub (tests only) on ' + config.adminPort + '\\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

export const STUB_HUB: HubCommand = { command: process.execPath, args: ['-e', STUB_HUB_SOURCE] };

/** A stub hub that fails at once, printing a line with a secret in it (to test redaction). */
export function failingHub(secret: string): HubCommand {
  return {
    command: process.execPath,
    args: [
      '-e',
      `process.stderr.write('config dump ILP_SECRET=${secret}\\nfatal: cannot start\\n'); process.exit(1);`,
    ],
  };
}

/** Local addresses (ip:port) of listening TCP sockets on `ports`, from /proc/net/tcp and tcp6. */
export function listeners(ports: readonly number[]): string[] {
  const wanted = new Set(ports);
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (!local || fields[3] !== '0A') continue; // 0A = LISTEN
      const [hexIp, hexPort] = local.split(':');
      const port = Number.parseInt(hexPort ?? '', 16);
      if (!wanted.has(port)) continue;
      found.push(`${decodeIp(hexIp ?? '')}:${port}`);
    }
  }
  return found.sort();
}

function decodeIp(hex: string): string {
  if (hex.length === 8) {
    return [6, 4, 2, 0].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join('.');
  }
  if (hex === '00000000000000000000000000000000') return '::';
  if (hex === '0000000000000000FFFF00000100007F') return '::ffff:127.0.0.1';
  if (hex === '00000000000000000000000001000000') return '::1';
  return `[${hex}]`;
}

/** Pids (from a list) that still run. */
export function running(pids: readonly number[]): number[] {
  return pids.filter((pid) => pidAlive(pid));
}
