import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpStatus, portFree } from '../src/health.js';
import { SDK_PRELOAD } from '../src/paths.js';

const require = createRequire(import.meta.url);
const sdkSrc = dirname(require.resolve('@mojaloop/sdk-scheme-adapter'));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function run(script: string, extraEnv: Record<string, string> = {}): string {
  return execFileSync(process.execPath, ['--import', SDK_PRELOAD, '-e', script], {
    env: { PATH: process.env.PATH ?? '', MLPERF_SDK_DIR: sdkSrc, ...extraEnv },
    encoding: 'utf8',
    timeout: 20_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('the SDK preload', () => {
  it('binds servers that name no host to 127.0.0.1, and leaves an explicit host alone', () => {
    const out = run(`
      const http = require('node:http');
      const https = require('node:https');
      const results = [];
      const check = (server, args) => new Promise((resolve) => server.listen(...args, () => {
        results.push(server.address().address); server.close(resolve);
      }));
      (async () => {
        await check(http.createServer(), [0]);
        await check(http.createServer(), ['0']);
        await check(https.createServer({}), [0]);
        await check(http.createServer(), [{ port: 0 }]);
        await check(http.createServer(), [0, '::1']);
        process.stdout.write(JSON.stringify(results));
      })();
    `);
    expect(JSON.parse(out)).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1', '127.0.0.1', '::1']);
  });

  it('holds the SDK ports from start-up and hands them to the SDK servers when they listen', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        '--import',
        SDK_PRELOAD,
        '-e',
        `process.stdout.write('started\\n');
         setTimeout(() => require('node:http').createServer((q, r) => r.end('sdk')).listen(${port}, () => process.stdout.write('listening\\n')), 1500);`,
      ],
      {
        env: { PATH: process.env.PATH ?? '', OUTBOUND_LISTEN_PORT: String(port) },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const lines: string[] = [];
      const seen = (line: string) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no "${line}"`)), 10_000);
          const check = () => {
            if (lines.includes(line)) {
              clearTimeout(timer);
              resolve();
            }
          };
          child.stdout?.on('data', (chunk: Buffer) => {
            lines.push(...chunk.toString().trim().split('\n'));
            check();
          });
          check();
        });
      await seen('started');
      // Bound on loopback before the program itself listens, refusing connections meanwhile.
      expect(await portFree(port)).toBe(false);
      expect(await httpStatus(port, '/', 1_000)).toBeUndefined();
      await seen('listening');
      expect(await httpStatus(port, '/')).toBe(200);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('does not keep a process alive that would otherwise exit', async () => {
    const port = await freePort();
    expect(run("process.stdout.write('done')", { OUTBOUND_LISTEN_PORT: String(port) })).toBe('done');
  });

  it('exits with a clear message when a port it must hold is taken', () => {
    const blocker = createServer();
    return new Promise<void>((resolve, reject) => {
      blocker.listen(0, '127.0.0.1', () => {
        const address = blocker.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        try {
          run('setTimeout(() => {}, 5000)', { INBOUND_LISTEN_PORT: String(port) });
          reject(new Error('expected the child to fail'));
        } catch (error) {
          expect(String((error as { stderr?: string }).stderr)).toContain(
            `mlperf preload: cannot bind 127.0.0.1:${port} (INBOUND_LISTEN_PORT): EADDRINUSE`,
          );
          resolve();
        } finally {
          blocker.close();
        }
      });
    });
  });

  const loggerScript = `
    const { Logger } = require(require.resolve('@mojaloop/sdk-standard-components', { paths: [process.env.MLPERF_SDK_DIR] }));
    const logger = new Logger.Logger({ stringify: Logger.buildStringify({ space: 0 }) });
    logger.push({ body: { big: true } }).log('Request received');
    logger.log('Persisted transfer model in cache');
    logger.push({ err: new Error('boom') }).log('Error in getParties');
    logger.warn('something odd');
    logger.log('Serving outbound API on port 4001');
    logger.push({ request: {} }).log('Inbound request failed JWS validation');
    logger.debug('JWS valid for request {"url":"/parties/MSISDN/1/error"}');
    logger.log('Executing HTTP PUT ' + 'x'.repeat(200) + ' error');
    if (logger.isDebugEnabled()) logger.log('debug is enabled');
  `;
  const messages = (out: string) =>
    out
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { msg: string }).msg);

  it('keeps only failures and start/stop lines of the SDK logger by default', () => {
    expect(messages(run(loggerScript))).toEqual([
      'Error in getParties',
      'something odd',
      'Serving outbound API on port 4001',
      'Inbound request failed JWS validation',
    ]);
  });

  it('keeps everything with MLPERF_SDK_LOG=all', () => {
    expect(messages(run(loggerScript, { MLPERF_SDK_LOG: 'all' }))).toHaveLength(9);
  });
  it("guards SDK 18's Redis subscription handler against a message for a just-unsubscribed channel", () => {
    const script = (guard: string) =>
      run(
        `
      const Cache = require(${JSON.stringify(`${sdkSrc}/lib/cache.js`)});
      const listeners = {};
      const cache = Object.create(Cache.prototype);
      Object.assign(cache, {
        _callbacks: {}, _callbackId: 1,
        _logger: { push: () => ({ log: () => {} }), log: () => {} },
        _subscriptionClient: {
          subscribe: async (channel, listener) => { listeners[channel] = listener; },
          unsubscribe: () => new Promise(() => {}), // Redis has not confirmed yet
        },
      });
      (async () => {
        const seen = [];
        const id = await cache.subscribe('tf_1', (channel, message) => seen.push(message));
        listeners.tf_1('first');
        cache.unsubscribe('tf_1', id);
        let threw = false;
        try { listeners.tf_1('second'); } catch { threw = true; }
        process.stdout.write(JSON.stringify({ seen, threw }));
      })();
    `,
        { MLPERF_SDK_CACHE_GUARD: guard },
      );
    expect(JSON.parse(script('off'))).toEqual({ seen: ['first'], threw: true });
    expect(JSON.parse(script('on'))).toEqual({ seen: ['first'], threw: false });
  });

  it('gives SDK request clients of one configuration one shared connection pool', () => {
    const script = `
      const path = require('node:path');
      const https = require('node:https');
      const { MojaloopRequests } = require(require.resolve('@mojaloop/sdk-standard-components', { paths: [process.env.MLPERF_SDK_DIR] }));
      const { BackendRequests } = require(path.join(process.env.MLPERF_SDK_DIR, 'lib/model/lib/requests/backendRequests.js'));
      const logger = { push() { return this; }, log() {}, isDebugEnabled: () => false };
      const creds = { ca: 'CA', cert: 'CERT', key: 'KEY' };
      const hub = (tlsCreds) => new MojaloopRequests({ logger, dfspId: 'perffsp1', peerEndpoint: '127.0.0.1:1', jwsSign: false, tls: { enabled: true, creds: tlsCreds } });
      const backend = () => new BackendRequests({ logger, dfspId: 'perffsp1', backendEndpoint: '127.0.0.1:2' });
      const [a, b, other] = [hub(creds), hub({ ...creds }), hub({ ...creds, cert: 'OTHER' })];
      process.stdout.write(JSON.stringify({
        sameTls: a.agent === b.agent,
        otherCertSeparate: a.agent !== other.agent,
        https: a.agent instanceof https.Agent && a.agent.keepAlive,
        backendShared: backend().agent === backend().agent,
      }));
    `;
    expect(JSON.parse(run(script))).toEqual({
      sameTls: true,
      otherCertSeparate: true,
      https: true,
      backendShared: true,
    });
    expect(JSON.parse(run(script, { MLPERF_SDK_SHARE_AGENTS: 'off' }))).toMatchObject({
      sameTls: false,
      backendShared: false,
    });
  });

  it("gives each request its own path parameters instead of SDK 18's shared route descriptor", () => {
    const script = `
      const Validator = require(require('node:path').join(process.env.MLPERF_SDK_DIR, 'lib/validate.js'));
      const self = {
        paths: [{ matcher: { regex: /^\\/quotes\\/([^/]+)$/, params: ['ID'] }, methods: { put: {} } }],
        logExcludePaths: [],
      };
      const logger = { push() { return this; }, log() {} };
      const first = Validator.prototype.validatePath.call(self, '/quotes/first', logger);
      const second = Validator.prototype.validatePath.call(self, '/quotes/second', logger);
      process.stdout.write(JSON.stringify({
        first: first.params.ID, second: second.params.ID, methods: first.methods === second.methods,
      }));
    `;
    expect(JSON.parse(run(script))).toEqual({ first: 'first', second: 'second', methods: true });
    // The defect itself, so the preload's reason stays visible: without the copy, the first request's
    // parameters read as the second's.
    expect(JSON.parse(run(script, { MLPERF_SDK_PATH_PARAMS: 'shared' }))).toEqual({
      first: 'second',
      second: 'second',
      methods: true,
    });
  });
});
