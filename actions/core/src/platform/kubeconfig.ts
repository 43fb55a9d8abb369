/**
 * A kubeconfig file for tools that only read kubeconfigs (Helm), written per cluster with the EKS
 * bearer token minted in this job. Owner-only permissions, a directory of its own, removed afterwards;
 * the token appears nowhere else (not in arguments, not in errors).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

export interface ClusterAccess {
  name: string;
  /** https:// API endpoint. */
  endpoint: string;
  /** Base64 PEM of the cluster CA, as EKS and the provision action give it. */
  caBase64: string;
  token: string;
}

export function kubeconfigYaml(cluster: ClusterAccess): string {
  if (!/^https:\/\/\S+$/.test(cluster.endpoint)) {
    throw new Error(
      `cluster ${cluster.name}: endpoint: got ${JSON.stringify(cluster.endpoint)}; allowed: an https:// URL`,
    );
  }
  if (!/^[A-Za-z0-9+/=\s]+$/.test(cluster.caBase64) || cluster.caBase64.trim() === '') {
    throw new Error(`cluster ${cluster.name}: certificate authority: allowed: base64 PEM data`);
  }
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: cluster.name,
        cluster: {
          server: cluster.endpoint,
          'certificate-authority-data': cluster.caBase64.replace(/\s+/g, ''),
        },
      },
    ],
    users: [{ name: `${cluster.name}-pipeline`, user: { token: cluster.token } }],
    contexts: [{ name: cluster.name, context: { cluster: cluster.name, user: `${cluster.name}-pipeline` } }],
    'current-context': cluster.name,
  });
}

export interface KubeconfigFile {
  path: string;
  remove(): Promise<void>;
}

export async function writeKubeconfig(cluster: ClusterAccess, parent = tmpdir()): Promise<KubeconfigFile> {
  const text = kubeconfigYaml(cluster);
  const dir = await mkdtemp(path.join(parent, 'mlperf-kube-'));
  const file = path.join(dir, `${cluster.name}.kubeconfig`);
  await writeFile(file, text, { mode: 0o600 });
  return { path: file, remove: () => rm(dir, { recursive: true, force: true }) };
}
