import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRunConfig } from '@mlperf/core/config/index';
import { dfspIds } from '@mlperf/core/fleet/names';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { dfspFleetValues, renderDfspFleetValues } from '../lib/dfsp-fleet-values.js';
import { repoRoot } from '../lib/paths.js';
import { gateEnvironment, readToolchain } from '../lib/toolchain.js';

const root = repoRoot();
const chart = path.join(root, 'helm', 'charts', 'dfsp-fleet');
const PROFILES = ['aws-smoke', 'aws-1000tps'];
const env = gateEnvironment(readToolchain(root), process.env);
const helmBin = (env.PATH ?? '')
  .split(path.delimiter)
  .filter((dir) => dir !== '')
  .map((dir) => path.join(dir, 'helm'))
  .find((file) => existsSync(file));

interface Manifest {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: rendered Kubernetes objects are checked field by field
  spec?: any;
}

function render(args: string[]): Manifest[] {
  const out = execFileSync(helmBin as string, ['template', 'fleet', chart, ...args], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parseAllDocuments(out)
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((m): m is Manifest => m !== null);
}

describe('dfsp-fleet values generated from the run configuration', () => {
  it.each(PROFILES)('helm/values/dfsp-fleet/%s.yaml is the generator output', async (profile) => {
    const committed = readFileSync(
      path.join(root, 'helm', 'values', 'dfsp-fleet', `${profile}.yaml`),
      'utf8',
    );
    expect(committed).toBe(await renderDfspFleetValues(profile));
  });

  it('names the DFSPs perffsp1…N and sizes SDK replicas from the top rung', async () => {
    const config = await loadRunConfig({ profile: 'aws-1000tps', profilesDir: path.join(root, 'profiles') });
    const values = dfspFleetValues(config);
    expect(values.dfsps.map((d) => d.id)).toEqual(dfspIds(config.dfsps.count));
    // 1000/s over 8 DFSPs at 10/s per replica: 13 replicas each (the whitepaper ran 12 on most).
    expect(values.dfsps.every((d) => d.sdkReplicas === 13)).toBe(true);
    expect(values.security).toEqual({ mtls: true, jwsSign: true, jwsValidate: true, ilp: true });
  });
});

describe.skipIf(helmBin === undefined)('helm template of dfsp-fleet', () => {
  it.each(PROFILES)('renders one SDK and one backend per DFSP for %s, on the DFSP nodes', (profile) => {
    const manifests = render(['-f', path.join(root, 'helm', 'values', 'dfsp-fleet', `${profile}.yaml`)]);
    const ids = dfspIds(8);
    const names = (kind: string) => manifests.filter((m) => m.kind === kind).map((m) => m.metadata.name);
    expect(names('Deployment').sort()).toEqual(ids.flatMap((id) => [`${id}-backend`, `${id}-sdk`]).sort());
    expect(names('Service').sort()).toEqual(ids.flatMap((id) => [`${id}-backend`, `${id}-sdk`]).sort());
    expect(names('ConfigMap').sort()).toEqual(
      ids.flatMap((id) => [`${id}-backend-env`, `${id}-sdk-env`]).sort(),
    );
    expect(names('Secret')).toEqual([]);
    for (const deployment of manifests.filter((m) => m.kind === 'Deployment')) {
      const pod = deployment.spec.template.spec;
      expect(pod.nodeSelector).toEqual({ 'mlperf/role': 'dfsps' });
      expect(pod.tolerations).toContainEqual({
        key: 'mlperf/role',
        operator: 'Equal',
        value: 'dfsps',
        effect: 'NoSchedule',
      });
    }
  });

  it('refers to secrets by name and switches JWS and mTLS with the run configuration', () => {
    const secured = render(['--set', 'dfsps[0].id=perffsp3']);
    const sdk = secured.find((m) => m.metadata.name === 'perffsp3-sdk' && m.kind === 'Deployment');
    const pod = sdk?.spec.template.spec;
    expect(pod.volumes.map((v: { secret: { secretName: string } }) => v.secret.secretName)).toEqual([
      'perffsp3-jws-signing-key',
      'dfsp-jws-public-keys',
      'perffsp3-mtls',
    ]);
    expect(pod.containers[0].env).toEqual([
      { name: 'ILP_SECRET', valueFrom: { secretKeyRef: { name: 'dfsp-ilp-secret', key: 'secret' } } },
    ]);
    const config = secured.find((m) => m.metadata.name === 'perffsp3-sdk-env')?.data;
    expect(config).toMatchObject({ JWS_SIGN: 'true', VALIDATE_INBOUND_JWS: 'true', CHECK_ILP: 'true' });
    expect(config?.INBOUND_MUTUAL_TLS_ENABLED).toBe('true');

    const open = render([
      '--set',
      'security.jwsSign=false,security.jwsValidate=false,security.mtls=false,security.ilp=false',
    ]);
    const openPod = open.find((m) => m.kind === 'Deployment' && m.metadata.name === 'perffsp1-sdk')?.spec
      .template.spec;
    expect(openPod.volumes).toBeUndefined();
    const openConfig = open.find((m) => m.metadata.name === 'perffsp1-sdk-env')?.data ?? {};
    expect(openConfig).toMatchObject({
      JWS_SIGN: 'false',
      VALIDATE_INBOUND_JWS: 'false',
      CHECK_ILP: 'false',
    });
    expect(Object.keys(openConfig).filter((k) => k.endsWith('_PATH') || k.endsWith('DIRECTORY'))).toEqual([]);
  });

  it('rejects a DFSP id that is not a plain lower-case name', () => {
    expect(() => render(['--set', 'dfsps[0].id=Perf_FSP'])).toThrow(/dfsps\[\]\.id "Perf_FSP"/);
  });
});
