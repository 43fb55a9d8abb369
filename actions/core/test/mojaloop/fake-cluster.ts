/**
 * A FAKE of the phase's narrow cluster surface (ClusterObjects): an in-memory store with the
 * create / conflict / replace behaviour of the API server, Jobs that finish as scripted, and a gateway
 * Service whose load balancer host appears after some reads.
 */
import type {
  ApplyMode,
  ApplyOutcome,
  ClusterObjects,
  JobState,
  ServiceInfo,
} from '../../src/mojaloop/cluster.js';
import type { KubeManifest } from '../../src/mojaloop/objects.js';

export class FakeCluster implements ClusterObjects {
  readonly store = new Map<string, KubeManifest>();
  readonly applied: Array<{ key: string; mode: ApplyMode; outcome: ApplyOutcome }> = [];
  jobOutcome: JobState = 'succeeded';
  /** Reads of the gateway Service before its host appears; Infinity: never. */
  gatewayAfterReads = 1;
  private gatewayReads = 0;

  static keyOf(m: KubeManifest): string {
    return `${m.kind}/${m.metadata.namespace ?? ''}/${m.metadata.name}`;
  }

  async apply(manifest: KubeManifest, mode: ApplyMode): Promise<ApplyOutcome> {
    const key = FakeCluster.keyOf(manifest);
    const outcome: ApplyOutcome = !this.store.has(key) ? 'created' : mode === 'replace' ? 'replaced' : 'kept';
    if (outcome !== 'kept') this.store.set(key, structuredClone(manifest));
    this.applied.push({ key, mode, outcome });
    return outcome;
  }

  async readSecretKey(namespace: string, name: string, key: string): Promise<string | null> {
    const secret = this.store.get(`Secret/${namespace}/${name}`);
    const data = secret?.stringData as Record<string, string> | undefined;
    return data?.[key] ?? null;
  }

  async jobState(namespace: string, name: string): Promise<JobState> {
    return this.store.has(`Job/${namespace}/${name}`) ? this.jobOutcome : 'missing';
  }

  async loadBalancerHost(): Promise<string | null> {
    this.gatewayReads++;
    return this.gatewayReads > this.gatewayAfterReads ? 'a1b2c3-hub.elb.eu-west-2.amazonaws.com' : null;
  }

  /** Services by namespace, as the charts would create them. */
  services: Record<string, ServiceInfo[]> = {};

  async listServices(namespace: string): Promise<ServiceInfo[]> {
    return this.services[namespace] ?? [];
  }

  secret(namespace: string, name: string): Record<string, string> | undefined {
    return this.store.get(`Secret/${namespace}/${name}`)?.stringData as Record<string, string> | undefined;
  }
}
