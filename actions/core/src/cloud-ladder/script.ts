/**
 * The bundled k6 script on the load cluster: read from the workspace (a clear error before anything is
 * created when it is missing), put in a ConfigMap the TestRuns mount (create, or replace one left by an
 * earlier attempt of the same run), and deleted when the phase ends.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isKubeNotFound, type KubeApi, kubeStatusCode } from '../k8s/client.js';
import { MAX_SCRIPT_BYTES } from './settings.js';

export interface K6Script {
  /** The key in the ConfigMap and the file k6 runs, e.g. `transfer.js`. */
  file: string;
  content: string;
  bytes: number;
}

export async function readK6Script(file: string, input = 'script'): Promise<K6Script> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw new Error(
      `input ${input}: no file at ${file}; allowed: the bundled k6 script (build it with the k6 bundle step first)`,
    );
  }
  if (size === 0) throw new Error(`input ${input}: ${file} is empty; allowed: the bundled k6 script`);
  if (size > MAX_SCRIPT_BYTES) {
    throw new Error(
      `input ${input}: ${file} is ${size} bytes; allowed: at most ${MAX_SCRIPT_BYTES} bytes (a ConfigMap holds at most 1 MiB)`,
    );
  }
  const name = path.basename(file);
  if (!/^[-._a-zA-Z0-9]+$/.test(name)) {
    throw new Error(
      `input ${input}: file name ${JSON.stringify(name)}; allowed: letters, digits, "-", "_" and "." (a ConfigMap key)`,
    );
  }
  return { file: name, content: await readFile(file, 'utf8'), bytes: size };
}

/** A DNS-1123 name for the run's script ConfigMap, at most 63 characters. */
export function scriptConfigMapName(runId: string): string {
  const clean = runId
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `mlperf-k6-script-${clean}`.slice(0, 63).replace(/-+$/, '');
}

export interface ScriptConfigMap {
  namespace: string;
  name: string;
  labels: Record<string, string>;
}

/** Create the ConfigMap, or replace its data when it already exists. */
export async function applyScriptConfigMap(
  api: KubeApi,
  target: ScriptConfigMap,
  script: K6Script,
): Promise<void> {
  const body = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: target.name, namespace: target.namespace, labels: target.labels },
    data: { [script.file]: script.content },
  };
  try {
    await api.core.createNamespacedConfigMap({ namespace: target.namespace, body });
    return;
  } catch (error) {
    if (kubeStatusCode(error) !== 409) {
      throw new Error(`creating ConfigMap ${target.namespace}/${target.name}: ${api.describe(error)}`);
    }
  }
  try {
    await api.core.replaceNamespacedConfigMap({ namespace: target.namespace, name: target.name, body });
  } catch (error) {
    throw new Error(`replacing ConfigMap ${target.namespace}/${target.name}: ${api.describe(error)}`);
  }
}

/** Delete the ConfigMap; one that is already gone is fine. */
export async function deleteScriptConfigMap(
  api: KubeApi,
  target: Pick<ScriptConfigMap, 'namespace' | 'name'>,
): Promise<void> {
  try {
    await api.core.deleteNamespacedConfigMap({ namespace: target.namespace, name: target.name });
  } catch (error) {
    if (!isKubeNotFound(error)) {
      throw new Error(`deleting ConfigMap ${target.namespace}/${target.name}: ${api.describe(error)}`);
    }
  }
}
