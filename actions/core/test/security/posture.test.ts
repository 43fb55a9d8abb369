import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  aggregateControl,
  buildPosture,
  classifyTransportError,
  createTlsHttpClient,
  formatPosture,
  localReceiverBaseUrl,
  localSecurityTarget,
  PROBE_FSP_IDS,
  ProbeReceiver,
  probeDfspSpecs,
  probeResult,
  TransportError,
} from '../../src/security/index.js';

const baseline = { reachedHub: true, forwarded: true, committed: true, observed: 'committed' };

describe('posture aggregation', () => {
  const rejected = probeResult('unsigned-request', 'rejected: 3105', 'rejected', 'HTTP 400, 3105');
  const accepted = probeResult('tampered-body', 'rejected: 3105', 'accepted', 'forwarded to perfprobe2');
  const notRun = probeResult('foreign-signature', 'rejected: 3105', 'not-run', 'baseline did not complete');
  const unclear = probeResult('foreign-signature', 'rejected: 3105', 'inconclusive', 'HTTP 400, 3100');

  it('proves a control only when every probe of it was rejected as expected', () => {
    expect(aggregateControl([rejected])).toEqual({
      status: 'proven',
      evidence: 'the probe was rejected as expected: unsigned-request: HTTP 400, 3105',
      probes: [rejected],
    });
  });

  it('fails a control on any accepted probe, whatever the others did', () => {
    const posture = aggregateControl([rejected, notRun, accepted]);
    expect(posture.status).toBe('failed');
    expect(posture.evidence).toBe('tampered-body: forwarded to perfprobe2 (expected: rejected: 3105)');
  });

  it('leaves a control not proven, with the reason, when a probe did not run or was unclear', () => {
    expect(aggregateControl([rejected, notRun])).toMatchObject({
      status: 'not-proven',
      evidence: 'foreign-signature: baseline did not complete',
    });
    expect(aggregateControl([unclear]).status).toBe('not-proven');
    expect(aggregateControl([])).toMatchObject({
      status: 'not-proven',
      evidence: 'no probe of this control was run',
    });
  });

  it('marks only rejected probes as passed', () => {
    expect([rejected, accepted, notRun, unclear].map((p) => p.passed)).toEqual([true, false, false, false]);
    expect(rejected.control).toBe('jwsValidation');
  });

  it('groups results by control and formats one line per control', () => {
    const posture = buildPosture('https://hub', baseline, [rejected], new Date(Date.UTC(2026, 0, 1)));
    expect(posture.checkedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(posture.controls.jwsValidation.status).toBe('proven');
    expect(posture.controls.mtls.status).toBe('not-proven');
    expect(formatPosture(posture)).toEqual([
      'mutual TLS: not-proven — no probe of this control was run',
      'JWS validation: proven — the probe was rejected as expected: unsigned-request: HTTP 400, 3105',
      'ILP fulfilment check: not-proven — no probe of this control was run',
      'transfer expiry: not-proven — no probe of this control was run',
    ]);
  });
});

describe('transport errors', () => {
  it('classifies what a failed connection proves', () => {
    const of = (code: string, message = code) =>
      classifyTransportError(Object.assign(new Error(message), { code }));
    expect(of('ECONNREFUSED').failure).toBe('unreachable');
    expect(of('DEPTH_ZERO_SELF_SIGNED_CERT').failure).toBe('untrusted-server');
    expect(of('ERR_TLS_CERT_ALTNAME_INVALID').failure).toBe('untrusted-server');
    expect(of('ECONNRESET').failure).toBe('refused');
    const alert = of(
      'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
      '80DC:error:0A00045C:SSL routines:ssl3_read_bytes:tlsv13 alert certificate required:rec_layer_s3.c:1601:SSL alert number 116\n',
    );
    expect(alert).toMatchObject({ failure: 'refused' });
    expect(alert.message).toBe(
      'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: tlsv13 alert certificate required',
    );
    expect(of('EWHATEVER').failure).toBe('other');
  });

  it('gives up at the deadline', async () => {
    // A server that accepts connections and never answers.
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as { port: number };
    const client = createTlsHttpClient({ timeoutMs: 200 });
    const started = Date.now();
    const failure = await client.request('GET', `http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TransportError);
    expect((failure as TransportError).failure).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

describe('probe receiver', () => {
  it('records callbacks per probe DFSP and waits with a deadline', async () => {
    const receiver = await ProbeReceiver.start({ host: '127.0.0.1', port: 0, capacity: 2 });
    try {
      expect(receiver.callbackBaseUrl('perfprobe1')).toBe(`${receiver.baseUrl}/perfprobe1`);
      const waiting = receiver.waitFor((c) => c.path === '/transfers/abc/error', 2000);
      const answer = await fetch(`${receiver.callbackBaseUrl('perfprobe2')}/transfers/abc/error`, {
        method: 'PUT',
        body: '{"errorInformation":{"errorCode":"3100","errorDescription":"x"}}',
      });
      expect(answer.status).toBe(200);
      const callback = await waiting;
      expect(callback).toMatchObject({ fspId: 'perfprobe2', method: 'PUT', path: '/transfers/abc/error' });
      const posted = await fetch(`${receiver.callbackBaseUrl('perfprobe2')}/transfers`, {
        method: 'POST',
        body: '{}',
      });
      expect(posted.status).toBe(202);
      const started = Date.now();
      expect(await receiver.waitFor((c) => c.fspId === 'nobody', 100)).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(1000);
      await fetch(`${receiver.callbackBaseUrl('perfprobe2')}/x`, { method: 'PUT', body: 'not json' });
      expect(receiver.received()).toHaveLength(2);
      expect(receiver.received()[1]?.body).toBeUndefined();
    } finally {
      await receiver.close();
    }
  });

  it('uses the public base URL when the hub reaches it through another address', async () => {
    const receiver = await ProbeReceiver.start({
      host: '127.0.0.1',
      port: 0,
      publicBaseUrl: 'http://mlperf-probe.hub.svc:8080/',
    });
    try {
      expect(receiver.callbackBaseUrl('perfprobe1')).toBe('http://mlperf-probe.hub.svc:8080/perfprobe1');
    } finally {
      await receiver.close();
    }
  });
});

describe('probe DFSPs and the local target', () => {
  it('onboards two probe DFSPs whose endpoints point at the receiver, without parties', () => {
    const specs = probeDfspSpecs({
      currency: 'XXX',
      receiverBaseUrl: localReceiverBaseUrl(47020),
      netDebitCap: 1000,
      fundsIn: 1000,
    });
    expect(specs.map((s) => [s.name, s.callbackBaseUrl, s.parties.length])).toEqual([
      ['perfprobe1', 'https://127.0.0.1:47020/perfprobe1', 0],
      ['perfprobe2', 'https://127.0.0.1:47020/perfprobe2', 0],
    ]);
  });

  it('reads the credentials from a run directory laid out as local/README.md documents', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'mlperf-run-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(join(runDir, path, '..'), { recursive: true });
        writeFileSync(join(runDir, path), text);
      };
      write('pki/ca.pem', 'CA');
      for (const id of PROBE_FSP_IDS) {
        for (const file of ['client.pem', 'client-key.pem', 'server.pem', 'server-key.pem']) {
          write(`pki/${id}/${file}`, `${id}/${file}`);
        }
        write(`jws-private/${id}-key.pem`, `${id}-jws`);
      }
      write('jws-private/perffsp1-key.pem', 'perffsp1-jws');
      const target = await localSecurityTarget({
        runDir,
        hubUrl: 'https://127.0.0.1:47010',
        currency: 'XXX',
        receiverPort: 47020,
      });
      expect(target).toEqual({
        hubUrl: 'https://127.0.0.1:47010',
        caPem: 'CA',
        currency: 'XXX',
        payer: {
          fspId: 'perfprobe1',
          clientCertPem: 'perfprobe1/client.pem',
          clientKeyPem: 'perfprobe1/client-key.pem',
          jwsPrivateKeyPem: 'perfprobe1-jws',
        },
        payee: {
          fspId: 'perfprobe2',
          clientCertPem: 'perfprobe2/client.pem',
          clientKeyPem: 'perfprobe2/client-key.pem',
          jwsPrivateKeyPem: 'perfprobe2-jws',
        },
        foreignSigner: { fspId: 'perffsp1', jwsPrivateKeyPem: 'perffsp1-jws' },
        receiver: {
          host: '127.0.0.1',
          port: 47020,
          tls: { certPem: 'perfprobe1/server.pem', keyPem: 'perfprobe1/server-key.pem' },
        },
      });
    } finally {
      rmSync(runDir, { recursive: true, force: true });
    }
  });
});
