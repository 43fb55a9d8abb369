import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * One action whose `src/main.ts` is bundled into `dist/index.js`, and each of its
 * `src/jobs/<name>.ts` (scripts run elsewhere, e.g. in a Kubernetes Job) into `dist/jobs/<name>.mjs`.
 */
export interface ActionEntry {
  name: string;
  /** Absolute path of `actions/<name>`. */
  dir: string;
}

/** A committed bundle that does not match a fresh build. */
export interface StaleBundle {
  file: string;
  reason: 'missing' | 'differs' | 'unexpected';
}

// ESM bundles that inline CommonJS dependencies need `require`, `__filename` and `__dirname` back.
const ESM_REQUIRE_SHIM = [
  "import { createRequire as __mlperfCreateRequire } from 'node:module';",
  "import { fileURLToPath as __mlperfFileURLToPath } from 'node:url';",
  "import { dirname as __mlperfDirname } from 'node:path';",
  'const require = __mlperfCreateRequire(import.meta.url);',
  'const __filename = __mlperfFileURLToPath(import.meta.url);',
  'const __dirname = __mlperfDirname(__filename);',
].join('\n');

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Every `actions/<name>` that has a `src/main.ts`, sorted by name. */
export async function findActions(actionsDir: string): Promise<ActionEntry[]> {
  const entries = await readdir(actionsDir, { withFileTypes: true });
  const actions: ActionEntry[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(actionsDir, entry.name);
    if (await exists(path.join(dir, 'src', 'main.ts'))) actions.push({ name: entry.name, dir });
  }
  return actions.sort((a, b) => a.name.localeCompare(b.name));
}

/** The action's job entries: `src/jobs/<name>.ts` files (not declarations), sorted. */
export async function findJobEntries(action: ActionEntry): Promise<string[]> {
  const jobsDir = path.join(action.dir, 'src', 'jobs');
  if (!(await exists(jobsDir))) return [];
  const entries = await readdir(jobsDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(jobsDir, e.name))
    .sort();
}

async function bundleOne(
  repoRoot: string,
  entry: string,
  outfile: string,
  extra: { minify?: boolean } = {},
): Promise<Map<string, Uint8Array>> {
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Actions declare node24; node20 output runs there too and keeps local runs on Node 20 honest.
    target: 'node20',
    banner: { js: ESM_REQUIRE_SHIM },
    legalComments: 'eof',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
    ...extra,
  });
  const files = new Map<string, Uint8Array>();
  for (const file of result.outputFiles) files.set(file.path, file.contents);
  return files;
}

/**
 * Bundles one action in memory: `dist/index.js` and one `dist/jobs/<name>.mjs` per job entry
 * (unminified: a job script is read in a ConfigMap and its stack traces in a pod log). Paths in the
 * output are relative to `repoRoot`, so the bytes do not depend on where the repository is checked out.
 */
export async function bundleAction(action: ActionEntry, repoRoot: string): Promise<Map<string, Uint8Array>> {
  const files = await bundleOne(
    repoRoot,
    path.join(action.dir, 'src', 'main.ts'),
    path.join(action.dir, 'dist', 'index.js'),
  );
  for (const entry of await findJobEntries(action)) {
    const name = path.basename(entry, '.ts');
    const outfile = path.join(action.dir, 'dist', 'jobs', `${name}.mjs`);
    for (const [file, contents] of await bundleOne(repoRoot, entry, outfile, { minify: false })) {
      files.set(file, contents);
    }
  }
  return files;
}

async function listDist(dir: string): Promise<string[]> {
  const distDir = path.join(dir, 'dist');
  if (!(await exists(distDir))) return [];
  const found: string[] = [];
  for (const entry of await readdir(distDir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(path.join(entry.parentPath, entry.name));
  }
  return found;
}

/** Compares fresh bundles with what is on disk; returns every stale, missing or unexpected file. */
export async function findStaleBundles(repoRoot: string, actionsDir: string): Promise<StaleBundle[]> {
  const stale: StaleBundle[] = [];
  for (const action of await findActions(actionsDir)) {
    const fresh = await bundleAction(action, repoRoot);
    for (const [file, contents] of fresh) {
      const rel = path.relative(repoRoot, file);
      if (!(await exists(file))) {
        stale.push({ file: rel, reason: 'missing' });
      } else if (!Buffer.from(contents).equals(await readFile(file))) {
        stale.push({ file: rel, reason: 'differs' });
      }
    }
    for (const onDisk of await listDist(action.dir)) {
      if (!fresh.has(onDisk)) stale.push({ file: path.relative(repoRoot, onDisk), reason: 'unexpected' });
    }
  }
  return stale;
}
