// The gateway's Lua filter, run by a real LuaJIT (Envoy's Lua runtime) against a stand-in of the
// parts of Envoy's stream handle it calls.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SOURCE_BINDING_ERROR,
  SOURCE_BINDING_FILTER,
  SOURCE_BINDING_LUA,
  sourceBindingEnvoyFilter,
} from '../../src/mojaloop/source-binding.js';

const LUAJIT = spawnSync('luajit', ['-v'], { encoding: 'utf8' }).status === 0;

// tools/bootstrap.sh installs LuaJIT (tools/versions.env TOOL_LUAJIT); without it this is a setup
// defect, so the suite fails naming it instead of skipping.
it('has the LuaJIT the filter tests need (tools/bootstrap.sh installs it)', () => {
  expect({ luajit: LUAJIT }).toEqual({ luajit: true });
});

interface Case {
  name: string;
  /** null: a plain-HTTP connection (no TLS at all). */
  tls: { presented: boolean; subject: string | null } | null;
  source: string | null;
}

const lua = (value: string | null) => (value === null ? 'nil' : JSON.stringify(value));

/** Runs the filter for each case; per case, `pass` or the status, content type and body it answered. */
function runFilter(dir: string, cases: Case[]): Record<string, string> {
  const driver = `
local cases = {
${cases
  .map(
    (c) =>
      `  { name = ${lua(c.name)}, tls = ${c.tls === null ? 'false' : 'true'}, presented = ${c.tls?.presented ? 'true' : 'false'}, subject = ${lua(c.tls?.subject ?? null)}, source = ${lua(c.source)} },`,
  )
  .join('\n')}
}
for _, case in ipairs(cases) do
  local answered = nil
  local handle = {}
  function handle:connection()
    return {
      ssl = function(_)
        if not case.tls then return nil end
        return {
          peerCertificatePresented = function(_) return case.presented end,
          subjectPeerCertificate = function(_) return case.subject end,
        }
      end,
    }
  end
  function handle:headers()
    return { get = function(_, name) if name == "fspiop-source" then return case.source end return nil end }
  end
  function handle:respond(headers, body)
    answered = headers[":status"] .. " " .. headers["content-type"] .. " " .. body
  end
  envoy_on_request(handle)
  io.write(case.name, "\\t", answered or "pass", "\\n")
end
`;
  const file = path.join(dir, 'filter-test.lua');
  writeFileSync(file, `${SOURCE_BINDING_LUA}\n${driver}`);
  const run = spawnSync('luajit', [file], { encoding: 'utf8', timeout: 10_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return Object.fromEntries(
    run.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t') as [string, string]),
  );
}

describe.skipIf(!LUAJIT)('the FSPIOP-Source binding filter under LuaJIT', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mlperf-lua-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const refused = `403 application/json ${JSON.stringify(SOURCE_BINDING_ERROR)}`;

  it('passes a certificate that speaks for itself, and anything without a certificate', () => {
    expect(
      runFilter(dir, [
        { name: 'plain-http', tls: null, source: 'perffsp2' },
        { name: 'tls-without-certificate', tls: { presented: false, subject: null }, source: 'perffsp2' },
        { name: 'own-source', tls: { presented: true, subject: 'CN=perffsp1' }, source: 'perffsp1' },
        { name: 'cn-after-o', tls: { presented: true, subject: 'O=mlperf,CN=perffsp2' }, source: 'perffsp2' },
        { name: 'no-source-header', tls: { presented: true, subject: 'CN=perffsp1' }, source: null },
      ]),
    ).toEqual({
      'plain-http': 'pass',
      'tls-without-certificate': 'pass',
      'own-source': 'pass',
      'cn-after-o': 'pass',
      'no-source-header': 'pass',
    });
  });

  it('refuses a certificate claiming another FSPIOP-Source, with an FSPIOP error', () => {
    expect(
      runFilter(dir, [
        { name: 'other-dfsp', tls: { presented: true, subject: 'CN=perffsp1' }, source: 'perffsp2' },
        { name: 'prefix-only', tls: { presented: true, subject: 'CN=perffsp10' }, source: 'perffsp1' },
        { name: 'source-longer', tls: { presented: true, subject: 'CN=perffsp1' }, source: 'perffsp10' },
        { name: 'no-common-name', tls: { presented: true, subject: 'O=mlperf' }, source: 'perffsp1' },
        { name: 'no-subject', tls: { presented: true, subject: null }, source: 'perffsp1' },
        { name: 'hub-name', tls: { presented: true, subject: 'CN=perffsp1' }, source: 'Hub' },
      ]),
    ).toEqual({
      'other-dfsp': refused,
      'prefix-only': refused,
      'source-longer': refused,
      'no-common-name': refused,
      'no-subject': refused,
      'hub-name': refused,
    });
    expect(JSON.parse(refused.slice('403 application/json '.length))).toEqual(SOURCE_BINDING_ERROR);
  });
});

describe('the EnvoyFilter around it', () => {
  it('inserts the Lua filter before the router of the gateway pods the routes use', () => {
    const filter = sourceBindingEnvoyFilter({ istio: 'ingressgateway' }, { team: 'x' });
    expect(filter.metadata).toEqual({
      name: SOURCE_BINDING_FILTER,
      namespace: 'istio-ingress',
      labels: { team: 'x' },
    });
    const spec = filter.spec as {
      workloadSelector: unknown;
      configPatches: Array<{
        applyTo: string;
        match: { context: string };
        patch: { operation: string; value: { name: string; typed_config: Record<string, unknown> } };
      }>;
    };
    expect(spec.workloadSelector).toEqual({ labels: { istio: 'ingressgateway' } });
    const [patch] = spec.configPatches;
    expect(patch).toMatchObject({ applyTo: 'HTTP_FILTER', match: { context: 'GATEWAY' } });
    expect(patch?.patch.operation).toBe('INSERT_BEFORE');
    expect(patch?.patch.value.name).toBe('envoy.filters.http.lua');
    expect(patch?.patch.value.typed_config).toEqual({
      '@type': 'type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua',
      default_source_code: { inline_string: SOURCE_BINDING_LUA },
    });
  });
});
