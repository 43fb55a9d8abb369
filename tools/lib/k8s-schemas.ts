/**
 * Offline JSON schemas for kubeconform, generated from the Kubernetes OpenAPI (swagger 2) document:
 * one standalone, strict schema per kind we render (refs inlined, `additionalProperties: false` on every
 * object with declared properties, int-or-string and quantities widened to what YAML produces), laid out
 * the way kubeconform looks them up under `-schema-location <dir>`:
 * `<dir>/v<k8s version>-standalone-strict/<kind>-<group>-<version>.json` (core kinds: `<kind>-v1.json`).
 *
 *   npx tsx tools/lib/k8s-schemas.ts <swagger.json> <k8s version> <out dir>
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The kinds our charts render; add one here and regenerate when a chart starts rendering another. */
export const SCHEMA_KINDS = [
  { definition: 'io.k8s.api.apps.v1.Deployment', apiVersion: 'apps/v1', kind: 'Deployment' },
  { definition: 'io.k8s.api.core.v1.Service', apiVersion: 'v1', kind: 'Service' },
  { definition: 'io.k8s.api.core.v1.ConfigMap', apiVersion: 'v1', kind: 'ConfigMap' },
] as const;

type Schema = Record<string, unknown>;

const WIDENED: Record<string, Schema> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { oneOf: [{ type: 'string' }, { type: 'number' }] },
};

const DROPPED_KEYS = new Set(['description', 'x-kubernetes-patch-merge-key', 'x-kubernetes-patch-strategy']);

/** kubeconform's file name for a kind: lower-case kind, then `-<group>-<version>` or `-<version>`. */
export function schemaFileName(apiVersion: string, kind: string): string {
  const [groupOrVersion, version] = apiVersion.split('/');
  const suffix = version ? `-${groupOrVersion?.split('.')[0]}-${version}` : `-${groupOrVersion}`;
  return `${kind.toLowerCase()}${suffix}.json`.toLowerCase();
}

export function standaloneSchema(definitions: Record<string, Schema>, name: string): Schema {
  const inline = (node: unknown, stack: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => inline(item, stack));
    if (typeof node !== 'object' || node === null) return node;
    const schema = node as Schema;
    const ref = schema.$ref;
    if (typeof ref === 'string') {
      const target = ref.replace('#/definitions/', '');
      const widened = WIDENED[target];
      if (widened) return widened;
      // A recursive type (none among our kinds today) is left open rather than expanded forever.
      if (stack.includes(target)) return {};
      const definition = definitions[target];
      if (!definition) throw new Error(`unresolved $ref ${ref}`);
      return inline(definition, [...stack, target]);
    }
    const out: Schema = {};
    for (const [key, value] of Object.entries(schema)) {
      if (DROPPED_KEYS.has(key)) continue;
      out[key] =
        key === 'properties' ? mapValues(value as Schema, (v) => inline(v, stack)) : inline(value, stack);
    }
    if (out.format === 'int-or-string')
      return WIDENED['io.k8s.apimachinery.pkg.util.intstr.IntOrString'] ?? out;
    if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
    return out;
  };
  const root = definitions[name];
  if (!root) throw new Error(`no definition ${name} in the OpenAPI document`);
  return { $schema: 'http://json-schema.org/schema#', ...(inline(root, [name]) as Schema) };
}

function mapValues(record: Schema, fn: (value: unknown) => unknown): Schema {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}

export function writeSchemas(swaggerFile: string, k8sVersion: string, outDir: string): string[] {
  const swagger = JSON.parse(readFileSync(swaggerFile, 'utf8')) as { definitions: Record<string, Schema> };
  const dir = path.join(outDir, `v${k8sVersion.replace(/^v/, '')}-standalone-strict`);
  mkdirSync(dir, { recursive: true });
  return SCHEMA_KINDS.map(({ definition, apiVersion, kind }) => {
    const file = path.join(dir, schemaFileName(apiVersion, kind));
    writeFileSync(file, `${JSON.stringify(standaloneSchema(swagger.definitions, definition))}\n`);
    return file;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [swaggerFile, k8sVersion, outDir] = process.argv.slice(2);
  if (!swaggerFile || !k8sVersion || !outDir) {
    throw new Error('usage: tsx tools/lib/k8s-schemas.ts <swagger.json> <k8s version> <out dir>');
  }
  for (const file of writeSchemas(swaggerFile, k8sVersion, outDir)) console.log(file);
}
