/**
 * The proof that every key we set in the Mojaloop charts exists, done where the chart is at hand: the
 * deploy pulls the pinned chart (`helm pull --version <pin>`) before installing, builds the defaults
 * Helm itself would start from, and refuses to install when any key path of ours is unknown, naming
 * each path and the chart version. (The umbrella's values.yaml is too large a repository to vendor, so
 * there is no static copy to test against; helm/README.md says so.)
 *
 * The defaults are coalesced as Helm does: each dependency's own values.yaml (recursively, from the
 * chart's `charts/` folder, directories or .tgz archives) placed under its alias, with the parent's
 * values over it. A dependency's `condition` path (e.g. `thirdparty.enabled`) counts as a key even where
 * no values.yaml spells it out, because Helm reads it. The rule itself is the one of
 * `platform/values-keys.ts`.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { ChartPin } from '../platform/pins.js';
import { findUnknownKeys, type KeyProblem } from '../platform/values-keys.js';
import type { CommandRunner } from '../terraform/runner.js';
import { mergeValues, type Values } from './values.js';

function isMap(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readYaml(file: string): Promise<unknown> {
  try {
    return parse(await readFile(file, 'utf8')) ?? {};
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`${file}: not YAML (${(error as Error).message})`);
  }
}

interface Dependency {
  name: string;
  alias?: string;
  condition?: string;
}

/** Sets `path` (dot-separated) to `true` when nothing is there yet: a condition Helm reads. */
function ensureConditionKey(values: Values, conditionPath: string): void {
  const keys = conditionPath.split('.');
  let node: Values = values;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === undefined || next === null) node[key] = {};
    if (!isMap(node[key])) return;
    node = node[key] as Values;
  }
  const last = keys[keys.length - 1] as string;
  if (!Object.hasOwn(node, last)) node[last] = true;
}

/** Extracts a .tgz chart archive into `into` (the archive holds one top folder, the chart). */
export type ExtractArchive = (archive: string, into: string) => Promise<void>;

/** The defaults Helm coalesces for the chart in `dir` (see the module comment). */
export async function chartDefaults(dir: string, extract: ExtractArchive, depth = 0): Promise<Values> {
  // Umbrella → sub-chart → common library: four levels cover it; more means a loop in what we read.
  if (depth > 4) throw new Error(`${dir}: charts nested more than 4 levels deep`);
  const own = await readYaml(path.join(dir, 'values.yaml'));
  let values: Values = isMap(own) ? own : {};
  const meta = await readYaml(path.join(dir, 'Chart.yaml'));
  const dependencies: Dependency[] =
    isMap(meta) && Array.isArray(meta.dependencies) ? (meta.dependencies as Dependency[]) : [];
  const subcharts = new Map<string, string>();
  const chartsDir = path.join(dir, 'charts');
  const entries = await readdir(chartsDir).catch(() => [] as string[]);
  for (const entry of entries.sort()) {
    const full = path.join(chartsDir, entry);
    let subdir: string | undefined;
    if ((await stat(full)).isDirectory()) subdir = full;
    else if (entry.endsWith('.tgz')) {
      const into = path.join(chartsDir, `.extracted-${entry.replace(/\.tgz$/, '')}`);
      await extract(full, into);
      const [top] = await readdir(into);
      if (top !== undefined) subdir = path.join(into, top);
    }
    if (subdir === undefined) continue;
    const subMeta = await readYaml(path.join(subdir, 'Chart.yaml'));
    if (isMap(subMeta) && typeof subMeta.name === 'string') subcharts.set(subMeta.name, subdir);
  }
  for (const dependency of dependencies) {
    const subdir = subcharts.get(dependency.name);
    const key = dependency.alias ?? dependency.name;
    if (subdir !== undefined) {
      const sub = await chartDefaults(subdir, extract, depth + 1);
      const parent = values[key];
      values = { ...values, [key]: isMap(parent) ? mergeValues(sub, parent) : sub };
    }
    if (dependency.condition) {
      for (const condition of dependency.condition.split(',')) ensureConditionKey(values, condition.trim());
    }
  }
  return values;
}

export interface ValuesKeyProblem extends KeyProblem {
  /** Which of our values: a committed file, or the run part. */
  source: string;
  chart: string;
}

export class UnknownValuesKeysError extends Error {
  override readonly name = 'UnknownValuesKeysError';
  constructor(readonly problems: readonly ValuesKeyProblem[]) {
    super(
      [
        `${problems.length} key path${problems.length === 1 ? '' : 's'} we set do not exist in the pinned chart (nothing was installed):`,
        ...problems.map((p) => `  ${p.source}: ${p.path} — ${p.reason} in ${p.chart}`),
      ].join('\n'),
    );
  }
}

/** Our values for one chart, labelled by where they come from. */
export interface ValuesToCheck {
  source: string;
  values: Values;
}

export function checkAgainstDefaults(
  pin: Pick<ChartPin, 'chart' | 'version'>,
  defaults: Values,
  ours: readonly ValuesToCheck[],
): ValuesKeyProblem[] {
  return ours.flatMap(({ source, values }) =>
    findUnknownKeys(values, defaults).map((problem) => ({
      ...problem,
      source,
      chart: `${pin.chart} ${pin.version}`,
    })),
  );
}

/** `helm pull` arguments for a pinned chart into `into`, unpacked. */
export function helmPullArgs(pin: ChartPin, into: string): string[] {
  const oci = pin.repo.startsWith('oci://');
  return [
    'pull',
    oci ? `${pin.repo.replace(/\/$/, '')}/${pin.chart}` : pin.chart,
    ...(oci ? [] : ['--repo', pin.repo]),
    '--version',
    pin.version,
    '--untar',
    '--untardir',
    into,
  ];
}

/**
 * Pulls the pinned chart, coalesces its defaults and throws {@link UnknownValuesKeysError} when any of
 * `ours` sets an unknown key. The pulled chart is removed afterwards.
 */
export async function verifyValuesKeys(
  runner: CommandRunner,
  pin: ChartPin,
  ours: readonly ValuesToCheck[],
  options: { cwd: string; tempDir?: string },
): Promise<void> {
  const dir = await mkdtemp(path.join(options.tempDir ?? tmpdir(), 'mlperf-chart-'));
  try {
    const pulled = await runner.run('helm', helmPullArgs(pin, dir), { cwd: options.cwd, stream: false });
    if (pulled.exitCode !== 0) {
      const tail = `${pulled.stderr}\n${pulled.stdout}`.trim().split('\n').slice(-5).join('\n');
      throw new Error(
        `helm pull ${pin.chart} ${pin.version} from ${pin.repo} exited ${pulled.exitCode}:\n${tail}`,
      );
    }
    const extract: ExtractArchive = async (archive, into) => {
      const made = await runner.run('mkdir', ['-p', into], { cwd: options.cwd, stream: false });
      const result =
        made.exitCode === 0
          ? await runner.run('tar', ['-xzf', archive, '-C', into], { cwd: options.cwd, stream: false })
          : made;
      if (result.exitCode !== 0) throw new Error(`could not unpack ${archive}: ${result.stderr.trim()}`);
    };
    const defaults = await chartDefaults(path.join(dir, pin.chart), extract);
    const problems = checkAgainstDefaults(pin, defaults, ours);
    if (problems.length > 0) throw new UnknownValuesKeysError(problems);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
