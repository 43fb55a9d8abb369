/**
 * The profile part of the Mojaloop hub's Helm values (actions/core/src/mojaloop/values.ts) for one run
 * configuration, as committed files: `helm/values/mojaloop/<profile>.yaml` for the umbrella chart and
 * `helm/values/mojaloop/backend/<profile>.yaml` for example-mojaloop-backend. Checked by
 * tools/test/helm-mojaloop-values.test.ts; the keys are checked against the pinned charts by the deploy
 * phase (`helm show values`) before it installs.
 *
 *   npx tsx tools/lib/mojaloop-values.ts aws-1000tps            prints the umbrella values
 *   npx tsx tools/lib/mojaloop-values.ts aws-1000tps backend    prints the backend values
 *   npx tsx tools/lib/mojaloop-values.ts --write                rewrites every AWS profile's files
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRunConfig } from '@mlperf/core/config/index';
import { mojaloopProfileValues } from '@mlperf/core/mojaloop/values';
import { stringify } from 'yaml';
import { repoRoot } from './paths.js';

export type MojaloopValuesPart = 'umbrella' | 'backend';

/** The AWS profiles, which each deploy a hub (the local profile has no mojaloop section). */
export const MOJALOOP_PROFILES = ['aws-1000tps', 'aws-smoke'] as const;

/** Where the committed file of a profile and part lives, relative to the repository root. */
export function mojaloopValuesFile(profile: string, part: MojaloopValuesPart): string {
  return part === 'umbrella'
    ? path.join('helm', 'values', 'mojaloop', `${profile}.yaml`)
    : path.join('helm', 'values', 'mojaloop', 'backend', `${profile}.yaml`);
}

/** The committed file's text: a header saying it is generated, then the values. */
export async function renderMojaloopValues(profile: string, part: MojaloopValuesPart): Promise<string> {
  const config = await loadRunConfig({ profile, profilesDir: path.join(repoRoot(), 'profiles') });
  const file = mojaloopValuesFile(profile, part);
  const header = [
    `# Generated from profiles/${profile}.yaml by tools/lib/mojaloop-values.ts; do not edit by hand.`,
    `# Regenerate: npx tsx tools/lib/mojaloop-values.ts ${profile}${part === 'backend' ? ' backend' : ''} > ${file}`,
    '# Run-specific values (database host and user, Kafka address) are added by the deploy phase;',
    '# passwords are never here: services read the mojaloop-db Kubernetes Secret.',
  ];
  return `${header.join('\n')}\n${stringify(mojaloopProfileValues(config)[part], { aliasDuplicateObjects: false })}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [first, second] = process.argv.slice(2);
  if (first === '--write') {
    for (const profile of MOJALOOP_PROFILES) {
      for (const part of ['umbrella', 'backend'] as const) {
        const file = path.join(repoRoot(), mojaloopValuesFile(profile, part));
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, await renderMojaloopValues(profile, part));
      }
    }
  } else {
    if (!first || (second !== undefined && second !== 'backend')) {
      throw new Error('usage: tsx tools/lib/mojaloop-values.ts <profile> [backend] | --write');
    }
    process.stdout.write(await renderMojaloopValues(first, second === 'backend' ? 'backend' : 'umbrella'));
  }
}
