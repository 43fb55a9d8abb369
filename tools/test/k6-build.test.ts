// tools/build-k6.ts: one ESM file, k6 modules left as imports, anything else refused by name, and a
// check that names a missing or stale bundle.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSettings } from '../../k6/src/lib/settings.js';
import { bundleK6Script, checkK6Bundle, K6_BUNDLE, K6_ENTRY, sampleK6Env } from '../build-k6.js';

let root: string;
const write = async (rel: string, text: string) => {
  await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await writeFile(path.join(root, rel), text);
};
const writeBundle = async () => {
  await mkdir(path.dirname(path.join(root, K6_BUNDLE)), { recursive: true });
  await writeFile(path.join(root, K6_BUNDLE), await bundleK6Script(root));
};

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'k6-build-'));
  await write(
    K6_ENTRY,
    [
      "import http from 'k6/http';",
      "import { double } from './lib/double.js';",
      'export const options = { vus: double(1) };',
      "export default function (): void { http.get('http://127.0.0.1:1/'); }",
      '',
    ].join('\n'),
  );
  await write('k6/src/lib/double.ts', 'export const double = (n: number): number => n * 2;\n');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('build-k6', () => {
  it('inlines relative modules and keeps k6 imports, the same bytes every time', async () => {
    const first = Buffer.from(await bundleK6Script(root)).toString('utf8');
    expect(first).toContain('import http from "k6/http";');
    expect(first).toContain('n * 2');
    expect(first).not.toMatch(/from "\.\/lib/);
    expect(Buffer.from(await bundleK6Script(root)).toString('utf8')).toBe(first);
  });

  it('refuses a node: or npm import, naming it', async () => {
    await write(
      'k6/src/lib/double.ts',
      "import { cpus } from 'node:os';\nexport const double = (n: number): number => n * cpus().length;\n",
    );
    await expect(bundleK6Script(root)).rejects.toThrow(
      /node:os \(imported by .*double\.ts\) is not a k6 module/,
    );
    await write(
      'k6/src/lib/double.ts',
      "import yaml from 'yaml';\nexport const double = (n: number): number => n * yaml.parse('2');\n",
    );
    await expect(bundleK6Script(root)).rejects.toThrow(/yaml .* is not a k6 module/);
  });

  it('--check names a missing bundle, then a stale one, and passes a fresh one', async () => {
    expect(await checkK6Bundle(root)).toEqual({ status: 'missing', file: K6_BUNDLE });
    await writeBundle();
    expect(await checkK6Bundle(root)).toEqual({ status: 'fresh' });
    await write('k6/src/lib/double.ts', 'export const double = (n: number): number => n * 3;\n');
    expect(await checkK6Bundle(root)).toEqual({ status: 'stale', file: K6_BUNDLE });
    expect(await readFile(path.join(root, K6_BUNDLE), 'utf8')).toContain('n * 2');
  });
});

describe('sampleK6Env', () => {
  it('is an environment the script accepts (what the gate hands to k6 inspect where k6 exists)', () => {
    const settings = readSettings(sampleK6Env());
    expect(settings.dfsps.map((d) => d.outboundUrl)).toEqual([
      'http://127.0.0.1:4001',
      'http://127.0.0.1:4002',
    ]);
    expect(settings.options.scenarios.transfers).toMatchObject({ rate: 10, exec: 'transfer' });
  });
});
