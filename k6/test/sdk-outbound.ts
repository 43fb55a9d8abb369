/**
 * The SDK scheme adapter's own outbound API definition and request validator, loaded from
 * node_modules (@mojaloop/sdk-scheme-adapter, the version the local stack runs). Tests check the
 * script's request bodies with the exact validator the SDK's outbound server runs
 * (src/lib/validate.js over src/OutboundServer/api.yaml) and their answer fixtures against the
 * response schemas of the same definition. Node-only: used by tools/test/k6-*.test.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const SDK_PACKAGE = '@mojaloop/sdk-scheme-adapter/package.json';

interface SdkValidator {
  initialise(apiDoc: unknown): Promise<void>;
  validateRequest(ctx: unknown, logger: unknown): unknown;
  apiDoc: { components: Record<string, Record<string, unknown>> };
}

interface AjvLike {
  compile(
    schema: unknown,
  ): ((data: unknown) => boolean) & { errors?: Array<{ instancePath?: string; message?: string }> | null };
}

export interface SdkOutbound {
  version: string;
  /** Problems the SDK's validator finds with a request; empty when it would be accepted. */
  requestProblems(method: 'GET' | 'POST', urlPath: string, body?: unknown): string[];
  /** Problems with `body` against a dereferenced schema of the definition, e.g. `['schemas', 'quotesPostResponse']`. */
  schemaProblems(pointer: string[], body: unknown): string[];
  /** Keys in `body` the schema at `pointer` does not declare (SDK 18 ignores them; newer SDKs refuse them). */
  undeclaredKeys(pointer: string[], body: unknown): string[];
}

const quietLogger = {
  push() {
    return quietLogger;
  },
  log() {},
};

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function collectUndeclared(schema: unknown, value: unknown, at: string, out: string[]): void {
  if (!isObject(schema) || !isObject(value)) return;
  const parts = [schema, ...(Array.isArray(schema.allOf) ? (schema.allOf as Schema[]) : [])];
  const declared = new Map<string, unknown>();
  for (const part of parts) {
    if (isObject(part) && isObject(part.properties)) {
      for (const [key, sub] of Object.entries(part.properties)) declared.set(key, sub);
    }
  }
  if (declared.size === 0) return;
  for (const [key, sub] of Object.entries(value)) {
    if (!declared.has(key)) out.push(`${at}.${key}`);
    else collectUndeclared(declared.get(key), sub, `${at}.${key}`, out);
  }
}

export async function loadSdkOutbound(): Promise<SdkOutbound> {
  const packageJson = require.resolve(SDK_PACKAGE);
  const base = path.dirname(packageJson);
  const sdkRequire = createRequire(packageJson);
  const Validator = sdkRequire('./src/lib/validate.js') as new () => SdkValidator;
  const yaml = sdkRequire('js-yaml') as { load(text: string): unknown };
  const Ajv = sdkRequire('ajv') as new (options: Record<string, unknown>) => AjvLike;
  const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;

  const validator = new Validator();
  await validator.initialise(
    yaml.load(readFileSync(path.join(base, 'src', 'OutboundServer', 'api.yaml'), 'utf8')),
  );
  const ajv = new Ajv({ allErrors: true, strict: false });
  const schemaAt = (pointer: string[]): unknown => {
    let at: unknown = validator.apiDoc.components;
    for (const key of pointer) at = isObject(at) ? at[key] : undefined;
    if (at === undefined)
      throw new Error(`the SDK ${version} outbound definition has no components.${pointer.join('.')}`);
    return at;
  };

  return {
    version,
    requestProblems(method, urlPath, body) {
      const ctx = {
        method,
        path: urlPath,
        request: { body, headers: { 'content-type': 'application/json' }, query: {} },
        params: {},
      };
      try {
        validator.validateRequest(ctx, quietLogger);
        return [];
      } catch (error) {
        return [error instanceof Error ? error.message : String(error)];
      }
    },
    schemaProblems(pointer, body) {
      const validate = ajv.compile(schemaAt(pointer));
      if (validate(body)) return [];
      return (validate.errors ?? []).map((e) => `${e.instancePath ?? ''} ${e.message ?? ''}`.trim());
    },
    undeclaredKeys(pointer, body) {
      const out: string[] = [];
      collectUndeclared(schemaAt(pointer), body, 'body', out);
      return out;
    },
  };
}
