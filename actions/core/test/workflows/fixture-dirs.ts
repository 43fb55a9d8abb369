import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** One exact text replacement; `from` must occur exactly once in the file, so a stale edit fails loudly. */
export type Edit = readonly [from: string, to: string];

const created: string[] = [];

/** Copies fixture directory `name` to a fresh temporary directory and applies `edits` there. */
export async function fixtureVariant(
  name: string,
  edits: Record<string, readonly Edit[] | null> = {},
): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mlperf-workflows-'));
  created.push(dir);
  await cp(path.join(FIXTURES, name), dir, { recursive: true });
  for (const [file, fileEdits] of Object.entries(edits)) {
    const target = path.join(dir, file);
    if (fileEdits === null) {
      await rm(target);
      continue;
    }
    let text = await readFile(target, 'utf8');
    for (const [from, to] of fileEdits) {
      const count = text.split(from).length - 1;
      if (count !== 1) {
        throw new Error(`fixture edit of ${name}/${file}: expected "${from}" exactly once, found ${count}`);
      }
      text = text.replace(from, to);
    }
    await writeFile(target, text);
  }
  return dir;
}

/**
 * The 1-based line of the only line in `dir/file` containing `text`; with `after`, the first line
 * containing `text` below the only line containing `after`.
 */
export async function lineOf(dir: string, file: string, text: string, after?: string): Promise<number> {
  const lines = (await readFile(path.join(dir, file), 'utf8')).split('\n');
  const indexes = (needle: string) => lines.flatMap((line, index) => (line.includes(needle) ? [index] : []));
  const unique = (needle: string) => {
    const hits = indexes(needle);
    if (hits.length !== 1) {
      throw new Error(`expected "${needle}" on exactly one line of ${file}, found ${hits.length}`);
    }
    return hits[0] as number;
  };
  if (after === undefined) return unique(text) + 1;
  const anchor = unique(after);
  const hit = indexes(text).find((index) => index > anchor);
  if (hit === undefined) throw new Error(`"${text}" not found below "${after}" in ${file}`);
  return hit + 1;
}

export async function removeVariants(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
