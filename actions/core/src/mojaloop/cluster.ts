/**
 * The narrow Kubernetes surface the mojaloop phase needs beyond Helm: apply an object (create, or
 * replace / keep when it exists), read one key of a Secret, the state of a Job, and the load balancer
 * host of a Service. The real adapter is over `@kubernetes/client-node` ({@link createClusterObjects});
 * tests pass an in-memory fake. Secret values never reach a message: errors name kind, namespace, name.
 */
import type { KubeApi } from '../k8s/client.js';
import { isKubeNotFound, kubeStatusCode } from '../k8s/client.js';
import type { KubeManifest } from './objects.js';

/** `replace`: the object is ours and must match the plan; `create-only`: keep what exists (keys, CA). */
export type ApplyMode = 'replace' | 'create-only';
export type ApplyOutcome = 'created' | 'replaced' | 'kept';
export type JobState = 'running' | 'succeeded' | 'failed' | 'missing';

export interface ClusterObjects {
  apply(manifest: KubeManifest, mode: ApplyMode): Promise<ApplyOutcome>;
  /** The decoded value of `key` in a Secret, or null when the Secret or key does not exist. */
  readSecretKey(namespace: string, name: string, key: string): Promise<string | null>;
  jobState(namespace: string, name: string): Promise<JobState>;
  /** `status.loadBalancer.ingress[0].hostname` (or ip) of a Service, or null while there is none. */
  loadBalancerHost(namespace: string, name: string): Promise<string | null>;
  /** The Services of a namespace (the charts name theirs; the phase finds them rather than guessing). */
  listServices(namespace: string): Promise<ServiceInfo[]>;
}

export interface ServiceInfo {
  name: string;
  ports: number[];
  /** `clusterIP: None`: no virtual IP to probe. */
  headless: boolean;
}

/** A custom resource's API coordinates from its apiVersion and kind. */
const PLURALS: Readonly<Record<string, string>> = {
  Certificate: 'certificates',
  ClusterIssuer: 'clusterissuers',
  Issuer: 'issuers',
  Gateway: 'gateways',
  VirtualService: 'virtualservices',
  DestinationRule: 'destinationrules',
  EnvoyFilter: 'envoyfilters',
};
const CLUSTER_SCOPED: ReadonlySet<string> = new Set(['ClusterIssuer', 'Namespace']);

/** The kinds `apply` knows: core ones it calls by name, the custom ones by their plural. */
export function applySupportsKind(kind: string): boolean {
  return ['Namespace', 'Secret', 'Job'].includes(kind) || Object.hasOwn(PLURALS, kind);
}

export function describeManifest(manifest: KubeManifest): string {
  const ns = manifest.metadata.namespace;
  return `${manifest.kind} ${ns ? `${ns}/` : ''}${manifest.metadata.name}`;
}

export function createClusterObjects(api: KubeApi): ClusterObjects {
  const fail = (what: string, error: unknown): never => {
    throw new Error(`${what}: ${api.describe(error)}`);
  };

  async function createOrReplace(
    manifest: KubeManifest,
    mode: ApplyMode,
    ops: {
      create(): Promise<unknown>;
      read(): Promise<{ metadata?: { resourceVersion?: string } }>;
      replace(body: KubeManifest): Promise<unknown>;
    },
  ): Promise<ApplyOutcome> {
    try {
      await ops.create();
      return 'created';
    } catch (error) {
      if (kubeStatusCode(error) !== 409) return fail(`create ${describeManifest(manifest)}`, error);
    }
    if (mode === 'create-only') return 'kept';
    try {
      const current = await ops.read();
      const body = {
        ...manifest,
        metadata: { ...manifest.metadata, resourceVersion: current.metadata?.resourceVersion },
      };
      await ops.replace(body);
      return 'replaced';
    } catch (error) {
      return fail(`replace ${describeManifest(manifest)}`, error);
    }
  }

  return {
    async apply(manifest, mode) {
      const { name, namespace } = manifest.metadata;
      if (manifest.kind === 'Namespace') {
        return createOrReplace(manifest, 'create-only', {
          create: () => api.core.createNamespace({ body: manifest }),
          read: () => api.core.readNamespace({ name }),
          replace: (body) => api.core.replaceNamespace({ name, body }),
        });
      }
      if (manifest.kind === 'Secret' && namespace) {
        return createOrReplace(manifest, mode, {
          create: () => api.core.createNamespacedSecret({ namespace, body: manifest }),
          read: () => api.core.readNamespacedSecret({ name, namespace }),
          replace: (body) => api.core.replaceNamespacedSecret({ name, namespace, body }),
        });
      }
      if (manifest.kind === 'Job' && namespace) {
        // A Job's template is immutable: a finished one from an earlier attempt is kept, not replaced.
        return createOrReplace(manifest, 'create-only', {
          create: () => api.batch.createNamespacedJob({ namespace, body: manifest }),
          read: () => api.batch.readNamespacedJob({ name, namespace }),
          replace: async () => undefined,
        });
      }
      const plural = PLURALS[manifest.kind];
      if (plural === undefined)
        throw new Error(`apply ${describeManifest(manifest)}: kind not supported here`);
      const [group, version] = manifest.apiVersion.split('/') as [string, string];
      if (CLUSTER_SCOPED.has(manifest.kind)) {
        return createOrReplace(manifest, mode, {
          create: () => api.custom.createClusterCustomObject({ group, version, plural, body: manifest }),
          read: () => api.custom.getClusterCustomObject({ group, version, plural, name }),
          replace: (body) => api.custom.replaceClusterCustomObject({ group, version, plural, name, body }),
        });
      }
      if (!namespace) throw new Error(`apply ${describeManifest(manifest)}: a namespace is required`);
      return createOrReplace(manifest, mode, {
        create: () =>
          api.custom.createNamespacedCustomObject({ group, version, namespace, plural, body: manifest }),
        read: () => api.custom.getNamespacedCustomObject({ group, version, namespace, plural, name }),
        replace: (body) =>
          api.custom.replaceNamespacedCustomObject({ group, version, namespace, plural, name, body }),
      });
    },

    async readSecretKey(namespace, name, key) {
      try {
        const secret = await api.core.readNamespacedSecret({ name, namespace });
        const value = secret.data?.[key];
        return value === undefined ? null : Buffer.from(value, 'base64').toString('utf8');
      } catch (error) {
        if (isKubeNotFound(error)) return null;
        return fail(`read Secret ${namespace}/${name}`, error);
      }
    },

    async jobState(namespace, name) {
      try {
        const job = await api.batch.readNamespacedJob({ name, namespace });
        if ((job.status?.succeeded ?? 0) > 0) return 'succeeded';
        const failedCondition = job.status?.conditions?.some(
          (c) => c.type === 'Failed' && c.status === 'True',
        );
        return failedCondition ? 'failed' : 'running';
      } catch (error) {
        if (isKubeNotFound(error)) return 'missing';
        return fail(`read Job ${namespace}/${name}`, error);
      }
    },

    async listServices(namespace) {
      try {
        const list = await api.core.listNamespacedService({ namespace });
        return list.items.map((service) => ({
          name: service.metadata?.name ?? '',
          ports: (service.spec?.ports ?? []).map((port) => port.port),
          headless: service.spec?.clusterIP === 'None',
        }));
      } catch (error) {
        return fail(`list Services in ${namespace}`, error);
      }
    },

    async loadBalancerHost(namespace, name) {
      try {
        const service = await api.core.readNamespacedService({ name, namespace });
        const ingress = service.status?.loadBalancer?.ingress?.[0];
        return ingress?.hostname ?? ingress?.ip ?? null;
      } catch (error) {
        if (isKubeNotFound(error)) return null;
        return fail(`read Service ${namespace}/${name}`, error);
      }
    },
  };
}
