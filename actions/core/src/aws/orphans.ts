/**
 * Teardown step 3: after `terraform destroy`, nothing of the run may remain. Resources are found
 * by the run's `RunId` tag and, for what Kubernetes made (EBS CSI volumes, load balancer groups),
 * by the `kubernetes.io/cluster/<name>` tag of the run's clusters: load balancers through the
 * Resource Groups Tagging API (confirmed with ELB, because the tagging index lags behind deletes),
 * network interfaces, Elastic IPs, volumes and security groups through EC2 Describe* filters.
 */
import {
  DescribeAddressesCommand,
  type EC2Client,
  type Filter,
  paginateDescribeNetworkInterfaces,
  paginateDescribeSecurityGroups,
  paginateDescribeVolumes,
} from '@aws-sdk/client-ec2';
import {
  DescribeLoadBalancersCommand as DescribeClassicLoadBalancersCommand,
  type ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  DescribeLoadBalancersCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  paginateGetResources,
  type ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { callAws, callAwsOr } from './errors.js';
import { KUBERNETES_CLUSTER_TAG_PREFIX, RUN_ID_TAG } from './tags.js';

export type OrphanKind = 'load balancer' | 'network interface' | 'elastic ip' | 'volume' | 'security group';

export interface Orphan {
  kind: OrphanKind;
  id: string;
  /** Name, state, description: whatever helps a person find and delete it. */
  detail: string;
}

/** Which tags mark a resource as this run's: `RunId=<id>`, or a `kubernetes.io/cluster/<name>` key. */
export interface OrphanQuery {
  runId: string;
  clusterNames: readonly string[];
}

/** The AWS calls of the orphan check; each returns what still exists. */
export interface OrphanApi {
  loadBalancers(query: OrphanQuery): Promise<Orphan[]>;
  networkInterfaces(query: OrphanQuery): Promise<Orphan[]>;
  elasticIps(query: OrphanQuery): Promise<Orphan[]>;
  volumes(query: OrphanQuery): Promise<Orphan[]>;
  securityGroups(query: OrphanQuery): Promise<Orphan[]>;
}

/** EC2 filter sets, any of which marks a resource as the run's (filters within one set are ANDed). */
export function orphanFilterSets(query: OrphanQuery): Filter[][] {
  const sets: Filter[][] = [[{ Name: `tag:${RUN_ID_TAG}`, Values: [query.runId] }]];
  if (query.clusterNames.length > 0) {
    sets.push([
      {
        Name: 'tag-key',
        Values: query.clusterNames.map((name) => `${KUBERNETES_CLUSTER_TAG_PREFIX}${name}`),
      },
    ]);
  }
  return sets;
}

export interface OrphanClients {
  ec2: EC2Client;
  elbv2: ElasticLoadBalancingV2Client;
  elb: ElasticLoadBalancingClient;
  tagging: ResourceGroupsTaggingAPIClient;
}

function nameTag(tags: ReadonlyArray<{ Key?: string; Value?: string }> | undefined): string {
  return tags?.find((tag) => tag.Key === 'Name')?.Value ?? '';
}

function dedupe(items: Orphan[]): Orphan[] {
  const seen = new Map<string, Orphan>();
  for (const item of items) seen.set(`${item.kind}:${item.id}`, item);
  return [...seen.values()];
}

export function createOrphanApi(clients: OrphanClients): OrphanApi {
  const { ec2, elbv2, elb, tagging } = clients;
  return {
    async loadBalancers(query) {
      const arns = new Set<string>();
      const tagFilterSets = [
        [{ Key: RUN_ID_TAG, Values: [query.runId] }],
        ...query.clusterNames.map((name) => [{ Key: `${KUBERNETES_CLUSTER_TAG_PREFIX}${name}` }]),
      ];
      for (const TagFilters of tagFilterSets) {
        await callAws('tag:GetResources', async () => {
          const pages = paginateGetResources(
            { client: tagging },
            { ResourceTypeFilters: ['elasticloadbalancing:loadbalancer'], TagFilters },
          );
          for await (const page of pages) {
            for (const item of page.ResourceTagMappingList ?? [])
              if (item.ResourceARN) arns.add(item.ResourceARN);
          }
        });
      }
      const found: Orphan[] = [];
      for (const arn of arns) {
        // The tagging index can list a load balancer for a while after it is deleted: confirm.
        const path = arn.split(':loadbalancer/')[1] ?? '';
        if (path.startsWith('app/') || path.startsWith('net/') || path.startsWith('gwy/')) {
          const out = await callAwsOr('elasticloadbalancing:DescribeLoadBalancers', undefined, () =>
            elbv2.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [arn] })),
          );
          const lb = out?.LoadBalancers?.[0];
          if (lb !== undefined)
            found.push({
              kind: 'load balancer',
              id: arn,
              detail: `${lb.Type ?? ''} ${lb.LoadBalancerName ?? ''}`.trim(),
            });
        } else if (path !== '') {
          const out = await callAwsOr('elasticloadbalancing:DescribeLoadBalancers', undefined, () =>
            elb.send(new DescribeClassicLoadBalancersCommand({ LoadBalancerNames: [path] })),
          );
          if ((out?.LoadBalancerDescriptions?.length ?? 0) > 0)
            found.push({ kind: 'load balancer', id: arn, detail: `classic ${path}` });
        }
      }
      return found;
    },

    async networkInterfaces(query) {
      const found: Orphan[] = [];
      for (const Filters of orphanFilterSets(query)) {
        await callAws('ec2:DescribeNetworkInterfaces', async () => {
          for await (const page of paginateDescribeNetworkInterfaces({ client: ec2 }, { Filters })) {
            for (const eni of page.NetworkInterfaces ?? []) {
              if (eni.NetworkInterfaceId === undefined) continue;
              found.push({
                kind: 'network interface',
                id: eni.NetworkInterfaceId,
                detail: `${eni.Status ?? ''} ${eni.Description ?? ''}`.trim(),
              });
            }
          }
        });
      }
      return dedupe(found);
    },

    async elasticIps(query) {
      const found: Orphan[] = [];
      for (const Filters of orphanFilterSets(query)) {
        const out = await callAws('ec2:DescribeAddresses', () =>
          ec2.send(new DescribeAddressesCommand({ Filters })),
        );
        for (const address of out.Addresses ?? []) {
          const id = address.AllocationId ?? address.PublicIp;
          if (id === undefined) continue;
          const attached =
            address.AssociationId === undefined
              ? 'unattached'
              : `attached to ${address.NetworkInterfaceId ?? address.InstanceId ?? '?'}`;
          found.push({ kind: 'elastic ip', id, detail: `${address.PublicIp ?? ''} ${attached}`.trim() });
        }
      }
      return dedupe(found);
    },

    async volumes(query) {
      const found: Orphan[] = [];
      for (const Filters of orphanFilterSets(query)) {
        await callAws('ec2:DescribeVolumes', async () => {
          for await (const page of paginateDescribeVolumes({ client: ec2 }, { Filters })) {
            for (const volume of page.Volumes ?? []) {
              if (volume.VolumeId === undefined || volume.State === 'deleted') continue;
              found.push({
                kind: 'volume',
                id: volume.VolumeId,
                detail: `${volume.State ?? ''} ${volume.Size ?? '?'} GiB ${nameTag(volume.Tags)}`.trim(),
              });
            }
          }
        });
      }
      return dedupe(found);
    },

    async securityGroups(query) {
      const found: Orphan[] = [];
      for (const Filters of orphanFilterSets(query)) {
        await callAws('ec2:DescribeSecurityGroups', async () => {
          for await (const page of paginateDescribeSecurityGroups({ client: ec2 }, { Filters })) {
            for (const group of page.SecurityGroups ?? []) {
              if (group.GroupId === undefined) continue;
              found.push({
                kind: 'security group',
                id: group.GroupId,
                detail: `${group.GroupName ?? ''} in ${group.VpcId ?? '?'}`,
              });
            }
          }
        });
      }
      return dedupe(found);
    },
  };
}

export interface OrphanReport {
  query: OrphanQuery;
  orphans: Orphan[];
  clean: boolean;
}

/** Runs every check; the report is clean only when nothing of the run is left. */
export async function findOrphans(query: OrphanQuery, api: OrphanApi): Promise<OrphanReport> {
  const orphans = [
    ...(await api.loadBalancers(query)),
    ...(await api.networkInterfaces(query)),
    ...(await api.elasticIps(query)),
    ...(await api.volumes(query)),
    ...(await api.securityGroups(query)),
  ];
  return { query, orphans, clean: orphans.length === 0 };
}

export function renderOrphanMarkdown(report: OrphanReport): string {
  const scope = [
    `${RUN_ID_TAG}=${report.query.runId}`,
    ...report.query.clusterNames.map((n) => `${KUBERNETES_CLUSTER_TAG_PREFIX}${n}`),
  ];
  if (report.clean) {
    return `No leftovers: no load balancer, network interface, Elastic IP, volume or security group tagged ${scope.map((s) => `\`${s}\``).join(' or ')}.`;
  }
  return [
    `**${report.orphans.length} leftover resource(s)** tagged ${scope.map((s) => `\`${s}\``).join(' or ')} — delete them by hand (they cost money and block the next run's names):`,
    '',
    '| kind | id | detail |',
    '|---|---|---|',
    ...report.orphans.map((o) => `| ${o.kind} | \`${o.id}\` | ${o.detail} |`),
  ].join('\n');
}
