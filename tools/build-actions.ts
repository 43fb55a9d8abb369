/**
 * Bundles every `actions/<name>/src/main.ts` into `actions/<name>/dist/index.js`.
 * With `--check` it writes nothing and fails when a committed bundle differs from a fresh build.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleAction, findActions, findStaleBundles } from './lib/bundle.js';
import { repoRoot } from './lib/paths.js';

async function writeBundles(root: string, actionsDir: string): Promise<void> {
  for (const action of await findActions(actionsDir)) {
    const files = await bundleAction(action, root);
    await rm(path.join(action.dir, 'dist'), { recursive: true, force: true });
    for (const [file, contents] of files) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, contents);
    }
    console.log(`bundled ${action.name} → ${path.relative(root, path.join(action.dir, 'dist'))}`);
  }
}

async function main(): Promise<number> {
  const root = repoRoot();
  const actionsDir = path.join(root, 'actions');
  if (!process.argv.includes('--check')) {
    await writeBundles(root, actionsDir);
    return 0;
  }
  const stale = await findStaleBundles(root, actionsDir);
  for (const item of stale) console.error(`stale bundle: ${item.file} (${item.reason})`);
  if (stale.length > 0) {
    console.error('The committed dist/ does not match the sources: run `npm run build` and commit dist/.');
    return 1;
  }
  const count = (await findActions(actionsDir)).length;
  console.log(`dist check: ${count} action bundle(s) match their sources`);
  return 0;
}

process.exitCode = await main();
