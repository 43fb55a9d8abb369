/**
 * The upstream Helm charts and their pinned versions, read from `helm/versions.yaml`, the one place a
 * chart version is written down. Validated on load: a missing or malformed entry stops the platform
 * phase before any cluster is touched, naming the entry and the field.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

export const ChartPinSchema = z.object({
  key: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case key, e.g. kube-prometheus-stack'),
  repo: z.string().regex(/^(https:\/\/|oci:\/\/)\S+$/, 'an https:// Helm repository or oci:// registry URL'),
  chart: z.string().min(1, 'the chart name in that repository'),
  version: z
    .string()
    .regex(/^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/, 'an exact chart version such as 1.30.3'),
  valuesRoot: z.string().optional(),
  verified: z.string().min(1, 'where the version was read'),
});

export type ChartPin = z.infer<typeof ChartPinSchema>;

const PinsFileSchema = z.object({ charts: z.array(ChartPinSchema).min(1, 'at least one chart') });

/** The pins of `file`, keyed by `key`; throws naming the file, entry and field of the first problem. */
export function parseChartPins(text: string, file: string): Map<string, ChartPin> {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new Error(`${file}: not YAML (${(error as Error).message})`);
  }
  const result = PinsFileSchema.safeParse(document);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new Error(`${file}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  const pins = new Map<string, ChartPin>();
  for (const pin of result.data.charts) {
    if (pins.has(pin.key)) throw new Error(`${file}: charts: the key ${pin.key} appears twice`);
    pins.set(pin.key, pin);
  }
  return pins;
}

export async function loadChartPins(file: string): Promise<Map<string, ChartPin>> {
  return parseChartPins(await readFile(file, 'utf8'), file);
}
