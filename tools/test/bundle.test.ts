import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleAction, findActions, findJobEntries, findStaleBundles } from '../lib/bundle.js';

let root: string;
const actionsDir = () => path.join(root, 'actions');
const source = () => path.join(actionsDir(), 'demo', 'src', 'main.ts');
const jobsSrc = () => path.join(actionsDir(), 'demo', 'src', 'jobs');
const jobBundle = path.join('actions', 'demo', 'dist', 'jobs', 'probe.mjs');

/** A job entry `src/jobs/probe.ts` that uses its own helper (so a change there touches only the job). */
async function addJob(): Promise<void> {
  await mkdir(jobsSrc(), { recursive: true });
  await writeFile(
    path.join(jobsSrc(), 'probe.ts'),
    "import { triple } from '../triple.js';\nconst answerOfTheProbeJob = triple(14);\nconsole.log(answerOfTheProbeJob);\n",
  );
  await writeFile(path.join(jobsSrc(), '..', 'triple.ts'), 'export const triple = (n: number) => n * 3;\n');
}

async function writeFreshBundles(): Promise<void> {
  for (const action of await findActions(actionsDir())) {
    for (const [file, contents] of await bundleAction(action, root)) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, contents);
    }
  }
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bundle-check-'));
  await mkdir(path.dirname(source()), { recursive: true });
  await writeFile(source(), "import { helper } from './helper.js';\nconsole.log(helper(2));\n");
  await writeFile(
    path.join(path.dirname(source()), 'helper.ts'),
    'export const helper = (n: number) => n * 2;\n',
  );
  // A folder without src/main.ts is not an action (like the core library).
  await mkdir(path.join(actionsDir(), 'core', 'src'), { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('dist check', () => {
  it('finds only folders with src/main.ts', async () => {
    expect((await findActions(actionsDir())).map((a) => a.name)).toEqual(['demo']);
  });

  it('passes when the committed bundle matches a fresh build', async () => {
    await writeFreshBundles();
    expect(await findStaleBundles(root, actionsDir())).toEqual([]);
  });

  it('reports a bundle that no longer matches its source', async () => {
    await writeFreshBundles();
    await writeFile(
      path.join(path.dirname(source()), 'helper.ts'),
      'export const helper = (n: number) => n * 3;\n',
    );
    expect(await findStaleBundles(root, actionsDir())).toEqual([
      { file: path.join('actions', 'demo', 'dist', 'index.js'), reason: 'differs' },
    ]);
  });

  it('reports a missing bundle and a leftover file in dist/', async () => {
    await mkdir(path.join(actionsDir(), 'demo', 'dist'), { recursive: true });
    await writeFile(path.join(actionsDir(), 'demo', 'dist', 'old.js'), '');
    const stale = await findStaleBundles(root, actionsDir());
    expect(stale).toContainEqual({
      file: path.join('actions', 'demo', 'dist', 'index.js'),
      reason: 'missing',
    });
    expect(stale).toContainEqual({
      file: path.join('actions', 'demo', 'dist', 'old.js'),
      reason: 'unexpected',
    });
  });

  it('produces the same bytes wherever the repository lives', async () => {
    const [action] = await findActions(actionsDir());
    if (!action) throw new Error('fixture action missing');
    const first = [...(await bundleAction(action, root)).values()][0];
    const copy = await mkdtemp(path.join(tmpdir(), 'bundle-copy-'));
    try {
      await mkdir(path.join(copy, 'actions', 'demo', 'src'), { recursive: true });
      for (const name of ['main.ts', 'helper.ts']) {
        await writeFile(
          path.join(copy, 'actions', 'demo', 'src', name),
          await readFile(path.join(action.dir, 'src', name)),
        );
      }
      const [other] = await findActions(path.join(copy, 'actions'));
      if (!other) throw new Error('copied action missing');
      const second = [...(await bundleAction(other, copy)).values()][0];
      expect(Buffer.from(second ?? []).equals(Buffer.from(first ?? []))).toBe(true);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  describe('job entries (src/jobs/<name>.ts → dist/jobs/<name>.mjs)', () => {
    it('bundles each job beside the action: ESM with the require shim, not minified, checked like index.js', async () => {
      await addJob();
      await writeFile(path.join(jobsSrc(), 'README.md'), 'not an entry');
      await writeFile(path.join(jobsSrc(), 'env.d.ts'), 'declare const x: number;\n');
      const [action] = await findActions(actionsDir());
      if (!action) throw new Error('fixture action missing');
      expect((await findJobEntries(action)).map((f) => path.basename(f))).toEqual(['probe.ts']);
      const files = await bundleAction(action, root);
      expect([...files.keys()].map((f) => path.relative(root, f)).sort()).toEqual([
        path.join('actions', 'demo', 'dist', 'index.js'),
        jobBundle,
      ]);
      const job = Buffer.from(files.get(path.join(root, jobBundle)) ?? []).toString('utf8');
      expect(job).toContain('const require = __mlperfCreateRequire(import.meta.url);');
      expect(job).toContain('answerOfTheProbeJob'); // identifiers kept: not minified
      expect(job).toContain('// actions/demo/src/jobs/probe.ts'); // paths relative to the repository
      await writeFreshBundles();
      expect(await findStaleBundles(root, actionsDir())).toEqual([]);
    });

    it('reports a job bundle that no longer matches its source, and only that one', async () => {
      await addJob();
      await writeFreshBundles();
      await writeFile(
        path.join(jobsSrc(), '..', 'triple.ts'),
        'export const triple = (n: number) => n * 4;\n',
      );
      expect(await findStaleBundles(root, actionsDir())).toEqual([{ file: jobBundle, reason: 'differs' }]);
    });

    it('reports a missing job bundle, and one left over after its entry was removed', async () => {
      await addJob();
      await writeFreshBundles();
      await rm(path.join(root, jobBundle));
      expect(await findStaleBundles(root, actionsDir())).toEqual([{ file: jobBundle, reason: 'missing' }]);
      await writeFreshBundles();
      await rm(path.join(jobsSrc(), 'probe.ts'));
      expect(await findStaleBundles(root, actionsDir())).toEqual([{ file: jobBundle, reason: 'unexpected' }]);
    });

    it('produces the same job bytes wherever the repository lives', async () => {
      await addJob();
      const [action] = await findActions(actionsDir());
      if (!action) throw new Error('fixture action missing');
      const first = (await bundleAction(action, root)).get(path.join(root, jobBundle));
      const copy = await mkdtemp(path.join(tmpdir(), 'bundle-copy-'));
      try {
        await mkdir(path.join(copy, 'actions', 'demo', 'src', 'jobs'), { recursive: true });
        for (const name of ['main.ts', 'helper.ts', 'triple.ts', path.join('jobs', 'probe.ts')]) {
          await writeFile(
            path.join(copy, 'actions', 'demo', 'src', name),
            await readFile(path.join(action.dir, 'src', name)),
          );
        }
        const [other] = await findActions(path.join(copy, 'actions'));
        if (!other) throw new Error('copied action missing');
        const second = (await bundleAction(other, copy)).get(path.join(copy, jobBundle));
        expect(first).toBeDefined();
        expect(Buffer.from(second ?? []).equals(Buffer.from(first ?? []))).toBe(true);
      } finally {
        await rm(copy, { recursive: true, force: true });
      }
    });
  });
});
