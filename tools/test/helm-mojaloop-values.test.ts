import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dfspIds } from '@mlperf/core/fleet/names';
import { dfspJwsSecret, dfspMtlsSecret, SECRETS } from '@mlperf/core/mojaloop/names';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { installCheckedKeys, readPinnedCharts, valuesFilesByKey } from '../lib/helm-values.js';
import { MOJALOOP_PROFILES, mojaloopValuesFile, renderMojaloopValues } from '../lib/mojaloop-values.js';
import { repoRoot } from '../lib/paths.js';

const root = repoRoot();
const helmDir = path.join(root, 'helm');

describe('helm/values/mojaloop', () => {
  it.each(
    MOJALOOP_PROFILES.flatMap((profile) =>
      (['umbrella', 'backend'] as const).map((part) => ({ profile, part })),
    ),
  )(
    '$profile $part is what the generator makes (regenerate: npx tsx tools/lib/mojaloop-values.ts --write)',
    async ({ profile, part }) => {
      const committed = readFileSync(path.join(root, mojaloopValuesFile(profile, part)), 'utf8');
      expect(committed).toBe(await renderMojaloopValues(profile, part));
      expect(committed.split('\n')[0]).toMatch(
        /^# Generated from profiles\/.+ by tools\/lib\/mojaloop-values\.ts/,
      );
      expect(committed).not.toMatch(/password:|db_password/);
    },
  );

  it('is checked at install, not against a vendored copy, and says so in versions.yaml', () => {
    const pinned = readPinnedCharts(helmDir);
    for (const key of ['mojaloop', 'example-mojaloop-backend']) {
      expect(pinned.find((c) => c.key === key)?.valuesCheck, key).toBe('install');
    }
    expect([...installCheckedKeys(helmDir)].sort()).toEqual(['example-mojaloop-backend', 'mojaloop']);
    expect([...valuesFilesByKey(helmDir).keys()]).not.toContain('mojaloop');
  });

  it('names the secrets exactly as the dfsp-fleet chart mounts them', () => {
    const chart = parse(readFileSync(path.join(helmDir, 'charts', 'dfsp-fleet', 'values.yaml'), 'utf8')) as {
      secrets: {
        ilp: { name: string; key: string };
        jwsSigningKeySuffix: string;
        jwsPublicKeys: string;
        mtlsSuffix: string;
      };
    };
    expect(chart.secrets.ilp).toEqual({ name: SECRETS.ilp.name, key: SECRETS.ilp.key });
    expect(chart.secrets.jwsPublicKeys).toBe(SECRETS.jwsPublicKeys);
    const [first] = dfspIds(1);
    expect(`${first}${chart.secrets.jwsSigningKeySuffix}`).toBe(dfspJwsSecret(first as string));
    expect(`${first}${chart.secrets.mtlsSuffix}`).toBe(dfspMtlsSecret(first as string));
  });
});
