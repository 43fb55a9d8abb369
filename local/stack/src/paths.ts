/**
 * Where things are: the repository, the programs the stack runs, and a stack's run directory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The repository root (this file is local/stack/src/paths.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const HUB_MAIN = join(REPO_ROOT, 'local', 'hub', 'src', 'main.ts');
export const BACKEND_MAIN = fileURLToPath(new URL('../../backend/src/main.ts', import.meta.url));
/** For `node --import`: a file URL. */
export const SDK_PRELOAD = new URL('./sdk-preload.mjs', import.meta.url).href;

/** SDK 18's entry point, `src/index.js` of the installed package. */
export function sdkEntry(): string {
  return require.resolve('@mojaloop/sdk-scheme-adapter');
}

/** A file URL for `node --import` that loads tsx, independent of the child's working directory. */
export function tsxLoaderUrl(): string {
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports?: Record<string, string | { import?: string; default?: string }>;
  };
  const entry = manifest.exports?.['.'];
  const relative = typeof entry === 'string' ? entry : (entry?.import ?? entry?.default);
  if (!relative) throw new Error('cannot find the tsx loader in its package.json exports');
  return pathToFileURL(join(dirname(manifestPath), relative)).href;
}

/** `.run/stack/<stack-id>` under the repository (local/README.md, "Run directory"). */
export function defaultRunDir(stackId: string): string {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(stackId)) {
    throw new RangeError(
      `stack id must be lower-case letters, digits and hyphens, got ${JSON.stringify(stackId)}`,
    );
  }
  return join(REPO_ROOT, '.run', 'stack', stackId);
}

/** The stack id used when none is given: one per base port, so two stacks never share a directory. */
export function defaultStackId(basePort: number): string {
  return `local-${basePort}`;
}

export function absolute(path: string): string {
  return resolve(path);
}
