/**
 * Preloaded (`node --import`) into every SDK scheme adapter 18 process by the local-stack supervisor.
 * It changes two things without touching the installed package:
 *
 * 1. Loopback only, ports held from the first moment. SDK 18 starts its inbound, outbound and metrics
 *    servers with `listen(port, cb)`, i.e. on every interface, and only after it has connected to
 *    Redis, seconds after it started. The stack's ports lie in Linux's ephemeral range (32768–60999),
 *    so in those seconds another process's outgoing connection (another SDK's Redis client, say) can
 *    be given one of them as its local port, and the listen fails with EADDRINUSE. So this preload
 *    binds the three ports named by INBOUND_LISTEN_PORT, OUTBOUND_LISTEN_PORT and
 *    METRICS_SERVER_LISTEN_PORT on MLPERF_BIND_HOST (127.0.0.1) before the SDK's code runs (an
 *    `--import` module's top-level await finishes before the main script starts), refusing
 *    connections until the SDK takes them over: its `listen(port)` is handed the bound socket
 *    (`server.listen(handle)`).
 *    Any other listen call that names no host is given MLPERF_BIND_HOST.
 *
 * 2. Log volume. SDK 18's logger (sdk-standard-components `Logger`) has no level setting and writes
 *    several JSON lines per FSPIOP message, which on a 2-core machine costs as much as the work itself.
 *    With MLPERF_SDK_LOG=errors (the default) a record is kept only when its level is warn/error/fatal
 *    or its message reads like a failure or a start/stop event; everything else is dropped before it
 *    is serialised. MLPERF_SDK_LOG=all leaves the logger alone.
 *
 * 3. A crash in SDK 18's Redis subscription handler. `Cache.subscribe` registers one Redis listener per
 *    channel that iterates `this._callbacks[channel]`; `unsubscribe` deletes that map before Redis has
 *    confirmed the UNSUBSCRIBE, so a message on the channel in between makes the listener throw
 *    (`Object.entries(undefined)`, cache.js:151). The throw happens inside the Redis client's reply
 *    decoder and loses every other message of that socket read: with several transfers in flight in
 *    one payer SDK (seen with 7 concurrent `POST /quotes`), lookups, quotes and transfers of other
 *    transfers then time out. The same method is installed with the one missing guard (a message for
 *    a channel nobody listens to any more is dropped, which is what the unsubscribe asked for).
 *    MLPERF_SDK_CACHE_GUARD=off leaves it alone.
 */
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import util from 'node:util';

const require = createRequire(import.meta.url);

const host = process.env.MLPERF_BIND_HOST || '127.0.0.1';
const originalListen = net.Server.prototype.listen;

/** Port → a server bound (and listening) on it since start-up, until the SDK takes it. */
const held = new Map();

async function holdPorts() {
  const names = ['INBOUND_LISTEN_PORT', 'OUTBOUND_LISTEN_PORT', 'METRICS_SERVER_LISTEN_PORT'];
  for (const name of names) {
    const port = Number(process.env[name]);
    if (!Number.isInteger(port) || port <= 0 || held.has(port)) continue;
    const holder = net.createServer();
    // Connections before the SDK is ready are refused rather than left hanging.
    holder.on('connection', (socket) => socket.destroy());
    originalListen.call(holder, port, host);
    const failure = await new Promise((resolve) => {
      holder.once('listening', () => resolve(undefined));
      holder.once('error', resolve);
    });
    if (failure) {
      process.stderr.write(
        `mlperf preload: cannot bind ${host}:${port} (${name}): ${failure.code || failure.message}\n`,
      );
      process.exit(1);
    }
    // The holder must not keep the process alive on its own (the SDK's servers will).
    holder.unref();
    held.set(port, holder);
  }
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  const isPort = typeof first === 'number' || (typeof first === 'string' && /^[0-9]+$/.test(first));
  const holder = isPort ? held.get(Number(first)) : undefined;
  if (holder && typeof second !== 'string') {
    held.delete(Number(first));
    holder.removeAllListeners('connection');
    // The socket keeps the process alive again, now that it serves the SDK.
    holder.ref();
    // listen(handle): this server adopts the bound socket; the holder is dropped, not closed.
    return originalListen.call(this, holder, ...args.slice(1));
  }
  if (isPort && typeof second !== 'string') {
    args.splice(1, 0, host);
  } else if (
    first !== null &&
    typeof first === 'object' &&
    first.port !== undefined &&
    first.host === undefined &&
    first.path === undefined
  ) {
    args[0] = { ...first, host };
  }
  return originalListen.apply(this, args);
};

await holdPorts();

const KEEP_LEVELS = new Set(['warn', 'error', 'fatal']);
const DROP_LEVELS = ['verbose', 'debug', 'trace'];
const KEEP_MESSAGE =
  /error|fail|unable|reject|invalid|denied|timeout|timed out|exception|unhandled|not found|serving|connected to redis|shut ?down|sigterm/i;
/** Only the start of a message is matched: a request dump that merely contains "/error" is not a failure. */
const MATCHED_PREFIX = 160;
function quietLogger() {
  // The logger is the copy the SDK itself loads: resolved from the SDK's directory (its main script),
  // or from MLPERF_SDK_DIR when given.
  const from = process.env.MLPERF_SDK_DIR || (process.argv[1] ? path.dirname(process.argv[1]) : undefined);
  if (!from) return;
  let components;
  try {
    components = require(require.resolve('@mojaloop/sdk-standard-components', { paths: [from] }));
  } catch {
    process.stderr.write('mlperf preload: sdk-standard-components not found; SDK logging left as is\n');
    return;
  }
  const proto = components.Logger?.Logger?.prototype;
  const original = proto?._log;
  if (typeof original !== 'function') {
    process.stderr.write('mlperf preload: unexpected Logger shape; SDK logging left as is\n');
    return;
  }
  proto._log = function keepImportant(level, ...args) {
    if (KEEP_LEVELS.has(level)) return original.call(this, level, ...args);
    if (DROP_LEVELS.includes(level)) return undefined;
    const first = args[0];
    const message = typeof first === 'string' ? first : args.length > 0 ? util.format(...args) : '';
    if (KEEP_MESSAGE.test(message.slice(0, MATCHED_PREFIX))) return original.call(this, level, ...args);
    return undefined;
  };
  // Callers guard expensive messages with `isDebugEnabled()` etc., which SDK 18's logger answers with
  // true for every level; for the dropped levels the answer becomes false, so nothing is built.
  const originalConfigure = proto.configure;
  if (typeof originalConfigure === 'function') {
    proto.configure = function configureQuietly(...args) {
      const result = originalConfigure.apply(this, args);
      for (const level of DROP_LEVELS) {
        this[`is${level[0].toUpperCase()}${level.slice(1)}Enabled`] = () => false;
      }
      return result;
    };
  }
}

if ((process.env.MLPERF_SDK_LOG || 'errors') !== 'all') quietLogger();

function guardCacheSubscriptions() {
  const from = process.env.MLPERF_SDK_DIR || (process.argv[1] ? path.dirname(process.argv[1]) : undefined);
  if (!from) return;
  let Cache;
  try {
    // SDK 18 does not export src/lib/cache.js; its path is found from the package's main script.
    const main = require.resolve('@mojaloop/sdk-scheme-adapter', { paths: [from] });
    Cache = require(path.join(path.dirname(main), 'lib', 'cache.js'));
  } catch {
    process.stderr.write('mlperf preload: SDK cache.js not found; Redis subscriptions left as is\n');
    return;
  }
  const proto = Cache?.prototype;
  if (typeof proto?.subscribe !== 'function' || typeof proto?.unsubscribe !== 'function') {
    process.stderr.write('mlperf preload: unexpected Cache shape; Redis subscriptions left as is\n');
    return;
  }
  proto.subscribe = async function subscribeGuarded(channel, callback) {
    const id = this._callbackId++;
    if (!this._callbacks[channel]) {
      this._callbacks[channel] = { [id]: callback };
      await this._subscriptionClient.subscribe(channel, (message) => {
        const callbacks = this._callbacks[channel];
        if (!callbacks) return; // unsubscribed; Redis has not confirmed yet
        for (const [callbackId, cb] of Object.entries(callbacks)) {
          try {
            cb(channel, message, callbackId);
          } catch (err) {
            this._logger.push({ callbackId, err }).log('Unhandled error in cache subscription handler');
          }
        }
      });
    } else {
      this._callbacks[channel][id] = callback;
    }
    return id;
  };
}

if ((process.env.MLPERF_SDK_CACHE_GUARD || 'on') !== 'off') guardCacheSubscriptions();
