import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GATEWAY_SERVICE } from '../../src/mojaloop/names.js';
import {
  dbInitJob,
  dfspCertificate,
  GATEWAY_SELECTOR,
  gatewayManifests,
  generateJwsKeyPair,
  hubCallbackClientCertificate,
  jwsSecrets,
  publicPemOf,
} from '../../src/mojaloop/objects.js';
import { PLATFORM_RELEASES } from '../../src/platform/plan.js';

const ISTIO_GATEWAY_VALUES = fileURLToPath(
  new URL('../../../../helm/values/istio-gateway/', import.meta.url),
);

describe('the gateway our routes select', () => {
  it('is the pods the istio gateway chart labels from our release name, which no values file overrides', () => {
    const release = PLATFORM_RELEASES.find((r) => r.key === 'istio-gateway');
    expect(release?.release).toBe(GATEWAY_SERVICE.name);
    // The chart's rule: `istio: <values.labels.istio, else (values.name or the release) without "istio-">`.
    expect(GATEWAY_SELECTOR.istio).toBe(release?.release.replace(/^istio-/, ''));
    const files = readdirSync(ISTIO_GATEWAY_VALUES).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const values = (parse(readFileSync(`${ISTIO_GATEWAY_VALUES}${file}`, 'utf8')) ?? {}) as {
        name?: unknown;
        labels?: Record<string, unknown>;
      };
      expect({ file, name: values.name, app: values.labels?.app, istio: values.labels?.istio }).toEqual({
        file,
        name: undefined,
        app: undefined,
        istio: undefined,
      });
    }
  });
});

describe('objects of the mojaloop phase', () => {
  it('route FSPIOP over mutual TLS and each DFSP outbound API under /sim/<fspId>/outbound', () => {
    const manifests = gatewayManifests(['perffsp1', 'perffsp2'], 4001, true);
    const byName = (name: string) =>
      manifests.find((m) => m.metadata.name === name) as unknown as { spec: unknown };
    const [gateway, fspiop, outbound] = [
      byName('mlperf-hub'),
      byName('mlperf-fspiop'),
      byName('mlperf-sdk-outbound'),
    ];
    // With mutual TLS the source binding comes right after the Gateway, before any route.
    expect(manifests.map((m) => m.kind).slice(0, 3)).toEqual(['Gateway', 'EnvoyFilter', 'VirtualService']);
    const servers = (gateway.spec as { servers: Array<{ port: { number: number }; tls?: { mode: string } }> })
      .servers;
    expect(servers.find((s) => s.port.number === 443)?.tls?.mode).toBe('MUTUAL');
    expect(
      (
        fspiop.spec as {
          http: Array<{
            match: Array<{ uri: { prefix: string } }>;
            route: Array<{ destination: { host: string } }>;
          }>;
        }
      ).http.map((r) => [r.match[0]?.uri.prefix, r.route[0]?.destination.host]),
    ).toEqual([
      ['/parties', 'moja-account-lookup-service.mojaloop.svc.cluster.local'],
      ['/participants', 'moja-account-lookup-service.mojaloop.svc.cluster.local'],
      ['/quotes', 'moja-quoting-service.mojaloop.svc.cluster.local'],
      ['/transfers', 'moja-ml-api-adapter-service.mojaloop.svc.cluster.local'],
    ]);
    expect((outbound.spec as { http: unknown[] }).http[1]).toEqual({
      match: [{ port: 80, uri: { prefix: '/sim/perffsp2/outbound/' } }],
      rewrite: { uri: '/' },
      route: [{ destination: { host: 'perffsp2-sdk.dfsps.svc.cluster.local', port: { number: 4001 } } }],
    });
    const plainSet = gatewayManifests(['perffsp1'], 4001, false);
    expect(JSON.stringify(plainSet[0])).toContain('"mode":"SIMPLE"');
    // Without client certificates there is nothing to bind: no filter.
    expect(plainSet.map((m) => m.kind)).not.toContain('EnvoyFilter');
  });

  it('under mTLS, route the hub callbacks through the gateway, which originates mutual TLS to each SDK', () => {
    const manifests = gatewayManifests(['perffsp1', 'perffsp2'], 4001, true, 4000);
    const callbacks = manifests.find((m) => m.metadata.name === 'mlperf-hub-callbacks') as unknown as {
      spec: { http: unknown[] };
    };
    expect(callbacks.spec.http[1]).toEqual({
      match: [{ port: 80, uri: { prefix: '/callbacks/perffsp2/' } }],
      rewrite: { uri: '/' },
      route: [{ destination: { host: 'perffsp2-sdk.dfsps.svc.cluster.local', port: { number: 4000 } } }],
    });
    const rule = manifests.find((m) => m.metadata.name === 'mlperf-callbacks-perffsp2');
    expect(rule).toMatchObject({
      kind: 'DestinationRule',
      metadata: { namespace: 'istio-ingress' },
      spec: {
        host: 'perffsp2-sdk.dfsps.svc.cluster.local',
        exportTo: ['.'],
        trafficPolicy: {
          portLevelSettings: [
            {
              port: { number: 4000 },
              tls: {
                mode: 'MUTUAL',
                credentialName: 'hub-callback-client-tls',
                sni: 'perffsp2-sdk.dfsps.svc.cluster.local',
                subjectAltNames: ['perffsp2-sdk.dfsps.svc.cluster.local'],
              },
            },
          ],
        },
      },
    });
    expect(manifests.filter((m) => m.kind === 'DestinationRule')).toHaveLength(2);
    // Without mTLS the switch calls the SDKs directly: no callback routes, no origination.
    const plain = gatewayManifests(['perffsp1', 'perffsp2'], 4001, false, 4000);
    expect(plain.map((m) => m.metadata.name)).toEqual(['mlperf-hub', 'mlperf-fspiop', 'mlperf-sdk-outbound']);
  });

  it('give the hub a client certificate from the environment CA, where the gateway can read it', () => {
    expect(hubCallbackClientCertificate()).toMatchObject({
      metadata: { name: 'hub-callback-client-tls', namespace: 'istio-ingress' },
      spec: {
        secretName: 'hub-callback-client-tls',
        commonName: 'switch',
        usages: expect.arrayContaining(['client auth']),
        issuerRef: { name: 'mlperf-environment-ca', kind: 'ClusterIssuer' },
      },
    });
  });

  it('issue each DFSP one certificate for both directions from the environment CA', () => {
    expect(dfspCertificate('perffsp4').spec).toMatchObject({
      secretName: 'perffsp4-mtls',
      commonName: 'perffsp4',
      usages: expect.arrayContaining(['client auth', 'server auth']),
      issuerRef: { name: 'mlperf-environment-ca', kind: 'ClusterIssuer' },
    });
  });

  it('create the schemas with the password from the Secret, never in the command', () => {
    const job = dbInitJob('db.example', 3306, ['central_ledger', 'account_lookup'], {
      'mlperf/role': 'hub-services',
    });
    const text = JSON.stringify(job);
    expect(text).toContain('CREATE DATABASE IF NOT EXISTS \\\\`central_ledger\\\\`;');
    expect(text).toContain('"secretKeyRef":{"name":"mojaloop-db","key":"mysql-password"}');
    expect(text).toContain('--ssl-mode=REQUIRED');
    expect((job.spec as { template: { metadata?: unknown } }).template.metadata).toEqual({
      annotations: { 'sidecar.istio.io/inject': 'false' },
    });
  });

  it('make RS256 key pairs whose public half matches the stored private key', async () => {
    const pair = generateJwsKeyPair();
    expect(pair.privatePem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(publicPemOf(pair.privatePem)).toBe(pair.publicPem);
    const stored = new Map([['dfsps/perffsp1-jws-signing-key', pair.privatePem]]);
    const result = await jwsSecrets(
      ['perffsp1', 'perffsp2'],
      async (ns, name) => stored.get(`${ns}/${name}`) ?? null,
    );
    expect(result.publicKeys['perffsp1.pem']).toBe(pair.publicPem);
    expect(result.create.map((s) => s.metadata.name)).toEqual([
      'perffsp2-jws-signing-key',
      'hub-jws-signing-key',
    ]);
    expect(Object.keys(result.publicKeys)).toEqual(['perffsp1.pem', 'perffsp2.pem', 'Hub.pem', 'switch.pem']);
    // One hub key under both names the switch may sign as.
    expect(result.publicKeys['switch.pem']).toBe(result.publicKeys['Hub.pem']);
  });
});
