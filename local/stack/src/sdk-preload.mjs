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
 *
 * 4. Connection reuse. SDK 18 builds its request clients (sdk-standard-components `BaseRequests`, the
 *    SDK's `BackendRequests`) per model, i.e. per FSPIOP message, and each builds its own keep-alive
 *    `Agent`. So no connection is ever reused: every callback to the hub costs a fresh TCP connection
 *    and, with mTLS, a full TLS handshake on both ends, and the idle sockets linger until the server
 *    closes them. Measured on the local stack, handshakes were most of the hub's CPU per transfer.
 *    The `agent` property of both classes becomes an accessor that hands out one agent per distinct
 *    configuration (same class, keep-alive setting, socket limits and TLS material), which is what a
 *    long-lived client would do. MLPERF_SDK_SHARE_AGENTS=off leaves it alone.
 *
 * 5. Path parameters shared between concurrent requests. SDK 18's `Validator.validatePath`
 *    (src/lib/validate.js) finds the route descriptor of a path and writes the request's parameters
 *    onto that descriptor (`result.params = …`), which the servers keep as `ctx.state.path`. Every
 *    request to the same route template shares it, so after any await a handler may read another
 *    request's `{ID}`: `PUT /quotes/{ID}` then publishes one quote's answer on another quote's channel
 *    (the payer returns the wrong quote, the right one times out), likewise for transfers and parties.
 *    The method is wrapped to hand each request its own copy. MLPERF_SDK_PATH_PARAMS=shared leaves it.
 */
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import util from 'node:util';

const require = createRequire(import.meta.url);

/** The SDK's own directory: MLPERF_SDK_DIR, or that of the main script (the SDK's index.js). */
const sdkDir = process.env.MLPERF_SDK_DIR || (process.argv[1] ? path.dirname(process.argv[1]) : undefined);

/**
 * A module as the SDK itself loads it: `@mojaloop/sdk-standard-components`, or a file of the SDK's
 * src/ (not exported by the package, so found from its main script). Undefined, with one line on
 * stderr naming what is left as is, when it cannot be loaded.
 */
function sdkModule(name, leftAsIs) {
  if (!sdkDir) return undefined;
  try {
    if (name === '@mojaloop/sdk-standard-components') {
      return require(require.resolve(name, { paths: [sdkDir] }));
    }
    const main = require.resolve('@mojaloop/sdk-scheme-adapter', { paths: [sdkDir] });
    return require(path.join(path.dirname(main), ...name.split('/')));
  } catch {
    process.stderr.write(`mlperf preload: ${name} not found; ${leftAsIs}\n`);
    return undefined;
  }
}

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
  const components = sdkModule('@mojaloop/sdk-standard-components', 'SDK logging left as is');
  if (!components) return;
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
  const Cache = sdkModule('lib/cache.js', 'Redis subscriptions left as is');
  if (!Cache) return;
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

/** Configuration → the one agent handed out for it. */
const sharedAgents = new Map();

function sharedAgent(agent) {
  if (!(agent instanceof http.Agent) || agent === http.globalAgent || agent === https.globalAgent) {
    return agent;
  }
  const options = agent.options ?? {};
  // getName covers the TLS material (ca, cert, key, passphrase, servername, …) for https agents.
  const key = [
    agent instanceof https.Agent ? 'https' : 'http',
    agent.keepAlive,
    agent.maxSockets,
    agent.maxFreeSockets,
    agent.getName({ ...options, host: undefined, port: undefined }),
  ].join('|');
  const existing = sharedAgents.get(key);
  if (existing) {
    agent.destroy(); // new, so it holds no socket
    return existing;
  }
  sharedAgents.set(key, agent);
  return agent;
}

const AGENT = Symbol('mlperf shared agent');

function shareAgentsOf(proto, what) {
  if (!proto || proto === Object.prototype || Object.getOwnPropertyDescriptor(proto, 'agent')) {
    process.stderr.write(`mlperf preload: unexpected ${what} shape; its connections are not shared\n`);
    return;
  }
  Object.defineProperty(proto, 'agent', {
    configurable: true,
    get() {
      return this[AGENT];
    },
    set(agent) {
      this[AGENT] = sharedAgent(agent);
    },
  });
}

function shareConnectionPools() {
  const components = sdkModule('@mojaloop/sdk-standard-components', 'connections not shared');
  if (components) {
    const requests = components.MojaloopRequests?.prototype;
    shareAgentsOf(requests ? Object.getPrototypeOf(requests) : undefined, 'BaseRequests');
  }
  const backend = sdkModule('lib/model/lib/requests/backendRequests.js', 'backend connections not shared');
  if (backend) shareAgentsOf(backend.BackendRequests?.prototype, 'BackendRequests');
}

if ((process.env.MLPERF_SDK_SHARE_AGENTS || 'on') !== 'off') shareConnectionPools();

function copyPathParamsPerRequest() {
  const Validator = sdkModule('lib/validate.js', 'path parameters left shared');
  if (!Validator) return;
  const original = Validator?.prototype?.validatePath;
  if (typeof original !== 'function') {
    process.stderr.write('mlperf preload: unexpected Validator shape; path parameters left shared\n');
    return;
  }
  Validator.prototype.validatePath = function validatePathPerRequest(...args) {
    const shared = original.apply(this, args);
    // Copied before anything else can run: the original assigns params synchronously.
    return { ...shared, params: { ...shared.params } };
  };
}

if ((process.env.MLPERF_SDK_PATH_PARAMS || 'copied') !== 'shared') copyPathParamsPerRequest();
