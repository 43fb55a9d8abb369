/**
 * Fakes of the teardown's boundaries for the action tests (teardown, janitor): an empty Terraform state,
 * a cloud without Kubernetes load balancers, and an orphan check that finds exactly what it is given.
 */
import type { CommandOptions, CommandRunner, KubeLoadBalancerApi, Orphan, OrphanApi } from '@mlperf/core';

/** Terraform with an empty state: every command succeeds. */
export class EmptyStateTerraform implements CommandRunner {
  readonly calls: string[][] = [];
  async run(_c: string, args: readonly string[], _o: CommandOptions) {
    this.calls.push([...args]);
    return { exitCode: 0, stdout: args[0] === 'output' ? '{}' : '', stderr: '' };
  }
}

export const noLoadBalancers: KubeLoadBalancerApi = {
  runVpcIds: async () => [],
  runClusterNames: async () => [],
  listLoadBalancers: async () => [],
  deleteLoadBalancer: async () => {},
  listNetworkInterfaces: async () => [],
  listSecurityGroups: async () => [],
  deleteSecurityGroup: async () => 'gone',
};

export function orphansApi(left: readonly Orphan[] = []): OrphanApi {
  return {
    loadBalancers: async () => left.filter((o) => o.kind === 'load balancer'),
    networkInterfaces: async () => left.filter((o) => o.kind === 'network interface'),
    elasticIps: async () => left.filter((o) => o.kind === 'elastic ip'),
    volumes: async () => left.filter((o) => o.kind === 'volume'),
    securityGroups: async () => left.filter((o) => o.kind === 'security group'),
  };
}
