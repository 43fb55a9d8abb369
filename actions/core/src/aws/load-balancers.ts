/**
 * Teardown step 1: load balancers that Kubernetes created for this run's clusters (Services of
 * type LoadBalancer, Ingresses) are not in Terraform's state, yet they hold network interfaces and
 * security groups in the run's subnets, so `terraform destroy` fails on them with
 * DependencyViolation. They are deleted first, and the step waits until they and their network
 * interfaces are gone. Security groups Kubernetes made for them follow; one still referenced by
 * a node security group is left for a retry after Terraform has removed the nodes.
 */
import {
  DeleteSecurityGroupCommand,
  type EC2Client,
  paginateDescribeNetworkInterfaces,
  paginateDescribeSecurityGroups,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import {
  DeleteLoadBalancerCommand as DeleteClassicLoadBalancerCommand,
  DescribeTagsCommand as DescribeClassicTagsCommand,
  type ElasticLoadBalancingClient,
  paginateDescribeLoadBalancers as paginateClassicLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  DeleteLoadBalancerCommand,
  DescribeTagsCommand,
  type ElasticLoadBalancingV2Client,
  paginateDescribeLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  paginateGetResources,
  type ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { type Clock, formatDuration } from './clock.js';
import { awsErrorCode, callAws, describeAwsFailure, isNotFound } from './errors.js';
import {
  EKS_CLUSTER_NAME_TAG,
  kubernetesClusterOf,
  LB_CONTROLLER_CLUSTER_TAG,
  RUN_ID_TAG,
  type Tags,
  tagsFromList,
} from './tags.js';

export interface LoadBalancerInfo {
  kind: 'elbv2' | 'classic';
  /** ARN (ELBv2) or name (classic): what the delete call takes. */
  id: string;
  name: string;
  /** application, network, gateway or classic. */
  type: string;
  vpcId: string | undefined;
  tags: Tags;
  /** Description EC2 gives the load balancer's network interfaces: `ELB app/<name>/<id>`, `ELB <name>`. */
  interfaceDescription: string;
}

export interface NetworkInterfaceInfo {
  id: string;
  description: string;
  status: string;
  vpcId: string | undefined;
}

export interface SecurityGroupInfo {
  id: string;
  name: string;
  vpcId: string | undefined;
  tags: Tags;
}

export type SecurityGroupDeletion = 'deleted' | 'in-use' | 'gone';

/** The AWS calls of teardown step 1. */
export interface KubeLoadBalancerApi {
  /** VPCs tagged `RunId=<runId>` (none after a destroy, or when the apply never got that far). */
  runVpcIds(runId: string): Promise<string[]>;
  /** EKS clusters tagged `RunId=<runId>`, by name. */
  runClusterNames(runId: string): Promise<string[]>;
  /** Every ELBv2 and classic load balancer in the region, with tags. */
  listLoadBalancers(): Promise<LoadBalancerInfo[]>;
  /** Deletes one; an already-deleted one is not an error. */
  deleteLoadBalancer(lb: LoadBalancerInfo): Promise<void>;
  /** Network interfaces in these VPCs. */
  listNetworkInterfaces(vpcIds: readonly string[]): Promise<NetworkInterfaceInfo[]>;
  /** Security groups in these VPCs, with tags. */
  listSecurityGroups(vpcIds: readonly string[]): Promise<SecurityGroupInfo[]>;
  deleteSecurityGroup(id: string): Promise<SecurityGroupDeletion>;
}

/** `arn:…:loadbalancer/app/k8s-web/50dc6c495c0c9188` → `ELB app/k8s-web/50dc6c495c0c9188`. */
export function elbv2InterfaceDescription(arn: string): string {
  const marker = ':loadbalancer/';
  const index = arn.indexOf(marker);
  return index < 0 ? `ELB ${arn}` : `ELB ${arn.slice(index + marker.length)}`;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

export interface KubeLoadBalancerClients {
  ec2: EC2Client;
  elbv2: ElasticLoadBalancingV2Client;
  elb: ElasticLoadBalancingClient;
  tagging: ResourceGroupsTaggingAPIClient;
}

export function createKubeLoadBalancerApi(clients: KubeLoadBalancerClients): KubeLoadBalancerApi {
  const { ec2, elbv2, elb, tagging } = clients;
  return {
    async runVpcIds(runId) {
      const ids: string[] = [];
      await callAws('ec2:DescribeVpcs', async () => {
        const pages = paginateDescribeVpcs(
          { client: ec2 },
          { Filters: [{ Name: `tag:${RUN_ID_TAG}`, Values: [runId] }] },
        );
        for await (const page of pages) for (const vpc of page.Vpcs ?? []) if (vpc.VpcId) ids.push(vpc.VpcId);
      });
      return ids;
    },

    async runClusterNames(runId) {
      const names: string[] = [];
      await callAws('tag:GetResources', async () => {
        const pages = paginateGetResources(
          { client: tagging },
          { ResourceTypeFilters: ['eks:cluster'], TagFilters: [{ Key: RUN_ID_TAG, Values: [runId] }] },
        );
        for await (const page of pages) {
          for (const item of page.ResourceTagMappingList ?? []) {
            const name = item.ResourceARN?.split(':cluster/')[1];
            if (name) names.push(name);
          }
        }
      });
      return names;
    },

    async listLoadBalancers() {
      const found: LoadBalancerInfo[] = [];
      const v2: Array<{ arn: string; name: string; type: string; vpcId: string | undefined }> = [];
      await callAws('elasticloadbalancing:DescribeLoadBalancers', async () => {
        for await (const page of paginateDescribeLoadBalancers({ client: elbv2 }, {})) {
          for (const lb of page.LoadBalancers ?? []) {
            if (lb.LoadBalancerArn === undefined) continue;
            v2.push({
              arn: lb.LoadBalancerArn,
              name: lb.LoadBalancerName ?? '',
              type: lb.Type ?? 'application',
              vpcId: lb.VpcId,
            });
          }
        }
      });
      for (const batch of chunks(v2, 20)) {
        const out = await callAws('elasticloadbalancing:DescribeTags', () =>
          elbv2.send(new DescribeTagsCommand({ ResourceArns: batch.map((lb) => lb.arn) })),
        );
        const tagsByArn = new Map(
          (out.TagDescriptions ?? []).map((d) => [d.ResourceArn, tagsFromList(d.Tags)]),
        );
        for (const lb of batch) {
          found.push({
            kind: 'elbv2',
            id: lb.arn,
            name: lb.name,
            type: lb.type,
            vpcId: lb.vpcId,
            tags: tagsByArn.get(lb.arn) ?? {},
            interfaceDescription: elbv2InterfaceDescription(lb.arn),
          });
        }
      }
      const classic: Array<{ name: string; vpcId: string | undefined }> = [];
      await callAws('elasticloadbalancing:DescribeLoadBalancers', async () => {
        for await (const page of paginateClassicLoadBalancers({ client: elb }, {})) {
          for (const lb of page.LoadBalancerDescriptions ?? []) {
            if (lb.LoadBalancerName) classic.push({ name: lb.LoadBalancerName, vpcId: lb.VPCId });
          }
        }
      });
      for (const batch of chunks(classic, 20)) {
        const out = await callAws('elasticloadbalancing:DescribeTags', () =>
          elb.send(new DescribeClassicTagsCommand({ LoadBalancerNames: batch.map((lb) => lb.name) })),
        );
        const tagsByName = new Map(
          (out.TagDescriptions ?? []).map((d) => [d.LoadBalancerName, tagsFromList(d.Tags)]),
        );
        for (const lb of batch) {
          found.push({
            kind: 'classic',
            id: lb.name,
            name: lb.name,
            type: 'classic',
            vpcId: lb.vpcId,
            tags: tagsByName.get(lb.name) ?? {},
            interfaceDescription: `ELB ${lb.name}`,
          });
        }
      }
      return found;
    },

    async deleteLoadBalancer(lb) {
      try {
        if (lb.kind === 'elbv2') await elbv2.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: lb.id }));
        else await elb.send(new DeleteClassicLoadBalancerCommand({ LoadBalancerName: lb.id }));
      } catch (error) {
        if (isNotFound(error)) return;
        throw describeAwsFailure('elasticloadbalancing:DeleteLoadBalancer', error);
      }
    },

    async listNetworkInterfaces(vpcIds) {
      if (vpcIds.length === 0) return [];
      const found: NetworkInterfaceInfo[] = [];
      await callAws('ec2:DescribeNetworkInterfaces', async () => {
        const pages = paginateDescribeNetworkInterfaces(
          { client: ec2 },
          { Filters: [{ Name: 'vpc-id', Values: [...vpcIds] }] },
        );
        for await (const page of pages) {
          for (const eni of page.NetworkInterfaces ?? []) {
            if (eni.NetworkInterfaceId === undefined) continue;
            found.push({
              id: eni.NetworkInterfaceId,
              description: eni.Description ?? '',
              status: eni.Status ?? 'unknown',
              vpcId: eni.VpcId,
            });
          }
        }
      });
      return found;
    },

    async listSecurityGroups(vpcIds) {
      if (vpcIds.length === 0) return [];
      const found: SecurityGroupInfo[] = [];
      await callAws('ec2:DescribeSecurityGroups', async () => {
        const pages = paginateDescribeSecurityGroups(
          { client: ec2 },
          { Filters: [{ Name: 'vpc-id', Values: [...vpcIds] }] },
        );
        for await (const page of pages) {
          for (const group of page.SecurityGroups ?? []) {
            if (group.GroupId === undefined) continue;
            found.push({
              id: group.GroupId,
              name: group.GroupName ?? '',
              vpcId: group.VpcId,
              tags: tagsFromList(group.Tags),
            });
          }
        }
      });
      return found;
    },

    async deleteSecurityGroup(id) {
      try {
        await ec2.send(new DeleteSecurityGroupCommand({ GroupId: id }));
        return 'deleted';
      } catch (error) {
        if (isNotFound(error)) return 'gone';
        if (awsErrorCode(error) === 'DependencyViolation') return 'in-use';
        throw describeAwsFailure('ec2:DeleteSecurityGroup', error);
      }
    },
  };
}

// ---------------------------------------------------------------- the step

export interface RunScope {
  runId: string;
  /** Cluster names known from Terraform outputs or inputs; more are discovered by the RunId tag. */
  clusterNames: readonly string[];
}

/**
 * A load balancer is this run's when Kubernetes created it (either tagging convention) and it sits
 * in one of the run's VPCs or is tagged for one of the run's clusters.
 */
export function isRunKubernetesLoadBalancer(
  lb: LoadBalancerInfo,
  vpcIds: readonly string[],
  clusterNames: readonly string[],
): boolean {
  const cluster = kubernetesClusterOf(lb.tags);
  if (cluster === undefined) return false;
  return (lb.vpcId !== undefined && vpcIds.includes(lb.vpcId)) || clusterNames.includes(cluster);
}

/**
 * Security groups Kubernetes made: the in-tree provider's `k8s-elb-<lb>` groups and the Load
 * Balancer Controller's (tagged `elbv2.k8s.aws/cluster`). The group EKS makes for a cluster
 * (tagged `aws:eks:cluster-name`) is EKS's to delete and is not touched; Terraform's groups match
 * neither pattern.
 */
export function isKubernetesSecurityGroup(group: SecurityGroupInfo): boolean {
  if (group.tags[EKS_CLUSTER_NAME_TAG] !== undefined) return false;
  return group.name.startsWith('k8s-elb-') || group.tags[LB_CONTROLLER_CLUSTER_TAG] !== undefined;
}

export interface RemoveOptions {
  clock: Clock;
  timeoutMs: number;
  intervalMs: number;
  log?: (line: string) => void;
}

export interface RemoveResult {
  vpcIds: string[];
  clusterNames: string[];
  deleted: LoadBalancerInfo[];
  securityGroupsDeleted: string[];
  /** Still referenced (DependencyViolation): retry once Terraform has removed what references them. */
  securityGroupsDeferred: SecurityGroupInfo[];
}

export class LoadBalancerWaitError extends Error {
  override readonly name = 'LoadBalancerWaitError';
}

export async function removeKubernetesLoadBalancers(
  scope: RunScope,
  api: KubeLoadBalancerApi,
  options: RemoveOptions,
): Promise<RemoveResult> {
  const log = options.log ?? (() => {});
  const vpcIds = await api.runVpcIds(scope.runId);
  const clusterNames = [
    ...new Set([...scope.clusterNames, ...(await api.runClusterNames(scope.runId))]),
  ].sort();
  const result: RemoveResult = {
    vpcIds,
    clusterNames,
    deleted: [],
    securityGroupsDeleted: [],
    securityGroupsDeferred: [],
  };
  if (vpcIds.length === 0 && clusterNames.length === 0) {
    log(`no VPC or cluster tagged ${RUN_ID_TAG}=${scope.runId}: no Kubernetes load balancers to delete`);
    return result;
  }
  const targets = (await api.listLoadBalancers()).filter((lb) =>
    isRunKubernetesLoadBalancer(lb, vpcIds, clusterNames),
  );
  for (const lb of targets) {
    log(`deleting ${lb.type} load balancer ${lb.name} (cluster ${kubernetesClusterOf(lb.tags)})`);
    await api.deleteLoadBalancer(lb);
    result.deleted.push(lb);
  }
  const interfaceVpcs = [
    ...new Set([...vpcIds, ...targets.map((lb) => lb.vpcId).filter((id): id is string => id !== undefined)]),
  ];
  if (targets.length > 0) await waitUntilGone(targets, interfaceVpcs, api, options);
  else log('no Kubernetes-created load balancers found for this run');

  await deleteKubernetesSecurityGroups(interfaceVpcs, api, result, log);
  return result;
}

async function waitUntilGone(
  targets: readonly LoadBalancerInfo[],
  vpcIds: readonly string[],
  api: KubeLoadBalancerApi,
  options: RemoveOptions,
): Promise<void> {
  const { clock } = options;
  const started = clock.now();
  const ids = new Set(targets.map((lb) => lb.id));
  const descriptions = new Set(targets.map((lb) => lb.interfaceDescription));
  for (;;) {
    const balancers = (await api.listLoadBalancers()).filter((lb) => ids.has(lb.id));
    const interfaces = (await api.listNetworkInterfaces(vpcIds)).filter((eni) =>
      descriptions.has(eni.description),
    );
    if (balancers.length === 0 && interfaces.length === 0) {
      options.log?.(
        `load balancers and their network interfaces gone after ${formatDuration(clock.now() - started)}`,
      );
      return;
    }
    if (clock.now() + options.intervalMs - started > options.timeoutMs) {
      const left = [
        ...balancers.map((lb) => `load balancer ${lb.name} (${lb.id})`),
        ...interfaces.map((eni) => `network interface ${eni.id} "${eni.description}" (${eni.status})`),
      ];
      throw new LoadBalancerWaitError(
        `timed out after ${formatDuration(clock.now() - started)} waiting for Kubernetes load balancers to go; still present:\n` +
          left.map((line) => `  - ${line}`).join('\n'),
      );
    }
    await clock.sleep(options.intervalMs);
  }
}

async function deleteKubernetesSecurityGroups(
  vpcIds: readonly string[],
  api: KubeLoadBalancerApi,
  result: RemoveResult,
  log: (line: string) => void,
): Promise<void> {
  const groups = (await api.listSecurityGroups(vpcIds)).filter(isKubernetesSecurityGroup);
  for (const group of groups) {
    const outcome = await api.deleteSecurityGroup(group.id);
    if (outcome === 'in-use') {
      log(`security group ${group.id} (${group.name}) is still referenced; retrying after terraform destroy`);
      result.securityGroupsDeferred.push(group);
    } else {
      result.securityGroupsDeleted.push(group.id);
    }
  }
}

/** Retries deferred security groups; returns those still in use. */
export async function retryDeferredSecurityGroups(
  deferred: readonly SecurityGroupInfo[],
  api: KubeLoadBalancerApi,
  log: (line: string) => void = () => {},
): Promise<SecurityGroupInfo[]> {
  const still: SecurityGroupInfo[] = [];
  for (const group of deferred) {
    const outcome = await api.deleteSecurityGroup(group.id);
    if (outcome === 'in-use') still.push(group);
    else
      log(`security group ${group.id} (${group.name}) ${outcome === 'deleted' ? 'deleted' : 'already gone'}`);
  }
  return still;
}
