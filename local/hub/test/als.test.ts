import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { partyIdentifier } from '@mlperf/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlsHandler, Oracle } from '../src/als.js';
import { listen } from '../src/http.js';
import { call } from './support/stack.js';

type ErrorJson = { errorInformation: { errorCode: string; errorDescription: string } };
const code = (answer: { json: unknown }) =>
  (answer.json as ErrorJson | undefined)?.errorInformation.errorCode;

describe('ALS and oracle API', () => {
  const oracle = new Oracle();
  let server: Server;
  let base = '';
  const als = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    call(`${base}${path}`, method, body, headers);

  beforeAll(async () => {
    server = createServer(createAlsHandler({ oracle, log: () => {} }));
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('accepts and lists oracles', async () => {
    const body = {
      oracleIdType: 'MSISDN',
      endpoint: { value: 'http://oracle:8444', endpointType: 'URL' },
      isDefault: true,
    };
    expect((await als('POST', '/oracles', body)).status).toBe(201);
    expect((await als('POST', '/oracles', body)).status).toBe(201);
    expect((await als('GET', '/oracles')).json).toEqual([{ ...body }]);
    expect(oracle.hasOracle('MSISDN')).toBe(true);
    const lower = await als('POST', '/oracles', { ...body, oracleIdType: 'msisdn' });
    expect([lower.status, code(lower)]).toEqual([400, '3101']);
  });

  it('registers, looks up, overwrites and deletes one party', async () => {
    const id = partyIdentifier(1, 7);
    expect(
      (await als('POST', `/participants/MSISDN/${id}`, { fspId: 'perffsp1', currency: 'USD' })).status,
    ).toBe(201);
    expect((await als('GET', `/participants/MSISDN/${id}`)).json).toEqual({
      partyList: [{ fspId: 'perffsp1', currency: 'USD' }],
    });
    expect((await als('POST', `/participants/MSISDN/${id}`, { fspId: 'perffsp3' })).status).toBe(201);
    expect(oracle.lookup('MSISDN', id)).toEqual({ fspId: 'perffsp3' });
    expect((await als('DELETE', `/participants/MSISDN/${id}`)).status).toBe(204);
    const gone = await als('GET', `/participants/MSISDN/${id}`);
    expect([gone.status, code(gone)]).toEqual([400, '3200']);
  });

  it('also takes the FSPIOP participants vendor content type', async () => {
    const answer = await als(
      'POST',
      `/participants/MSISDN/${partyIdentifier(1, 8)}`,
      { fspId: 'perffsp1' },
      { 'content-type': 'application/vnd.interoperability.participants+json;version=1.1' },
    );
    expect(answer.status).toBe(201);
  });

  it('bulk-loads a party list all or nothing', async () => {
    const partyList = Array.from({ length: 5000 }, (_, n) => ({
      partyIdType: 'MSISDN',
      partyIdentifier: partyIdentifier(2, n),
      fspId: 'perffsp2',
    }));
    expect((await als('POST', '/participants', { requestId: randomUUID(), partyList })).status).toBe(201);
    expect(oracle.lookup('MSISDN', partyIdentifier(2, 4999))?.fspId).toBe('perffsp2');

    const bad = [...partyList.slice(0, 3), { partyIdType: 'MSISDN', fspId: 'perffsp4' }];
    const refused = await als('POST', '/participants', { requestId: randomUUID(), partyList: bad });
    expect([refused.status, code(refused)]).toEqual([400, '3102']);
    expect((refused.json as ErrorJson).errorInformation.errorDescription).toMatch(
      /partyList\.3\.partyIdentifier/,
    );
  });

  it('refuses bad input with FSPIOP errors', async () => {
    const type = await als('POST', '/participants/PHONE/123', { fspId: 'x' });
    expect([type.status, code(type)]).toEqual([400, '3101']);
    const extra = await als('POST', '/participants/MSISDN/123', { fspId: 'x', colour: 'red' });
    expect([extra.status, code(extra)]).toEqual([400, '3100']);
    const json = await fetch(`${base}/participants/MSISDN/123`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"fspId":',
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as ErrorJson).errorInformation.errorCode).toBe('3101');
    const text = await als('POST', '/participants/MSISDN/123', 'x', { 'content-type': 'text/plain' });
    expect([text.status, code(text)]).toEqual([400, '3101']);
    const path = await als('GET', '/nothing');
    expect([path.status, code(path)]).toEqual([404, '3002']);
    const health = await als('GET', '/health');
    expect(health.status).toBe(200);
  });
});
