/**
 * Service quotas the stack needs, compared with what the account has left in the region.
 * available = applied quota − current usage, so a run is stopped before Terraform hits a limit
 * halfway through an apply.
 *
 * Quota codes (Service Quotas `service/code`), checked against the AWS CLI and VPC user guides:
 *   ec2/L-1216C47A  Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances — vCPUs
 *   vpc/L-F678F1CE  VPCs per Region
 *   ec2/L-0263D0A3  EC2-VPC Elastic IPs
 *   vpc/L-FE5A380F  NAT gateways per Availability Zone
 *   eks/L-1194D53C  Clusters (per Region)
 */
import {
  DescribeAddressesCommand,
  type EC2Client,
  paginateDescribeInstances,
  paginateDescribeNatGateways,
  paginateDescribeSubnets,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import { type EKSClient, paginateListClusters } from '@aws-sdk/client-eks';
import {
  GetAWSDefaultServiceQuotaCommand,
  GetServiceQuotaCommand,
  type ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import type { AwsInfrastructure, NodeGroup } from '../config/index.js';
import { awsErrorCode, callAws, describeAwsFailure } from './errors.js';
import { isStandardFamily, lookupVcpus, vcpusOf } from './instance-types.js';

export type QuotaId = 'standardVcpus' | 'vpcs' | 'elasticIps' | 'natGatewaysPerAz' | 'eksClusters';

export interface QuotaDefinition {
  id: QuotaId;
  name: string;
  serviceCode: string;
  quotaCode: string;
  unit: string;
}

export const QUOTAS: Readonly<Record<QuotaId, QuotaDefinition>> = {
  standardVcpus: {
    id: 'standardVcpus',
    name: 'Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances',
    serviceCode: 'ec2',
    quotaCode: 'L-1216C47A',
    unit: 'vCPUs',
  },
  vpcs: { id: 'vpcs', name: 'VPCs per Region', serviceCode: 'vpc', quotaCode: 'L-F678F1CE', unit: 'VPCs' },
  elasticIps: {
    id: 'elasticIps',
    name: 'EC2-VPC Elastic IPs',
    serviceCode: 'ec2',
    quotaCode: 'L-0263D0A3',
    unit: 'addresses',
  },
  natGatewaysPerAz: {
    id: 'natGatewaysPerAz',
    name: 'NAT gateways per Availability Zone',
    serviceCode: 'vpc',
    quotaCode: 'L-FE5A380F',
    unit: 'NAT gateways',
  },
  eksClusters: {
    id: 'eksClusters',
    name: 'EKS clusters',
    serviceCode: 'eks',
    quotaCode: 'L-1194D53C',
    unit: 'clusters',
  },
};

const QUOTA_ORDER: readonly QuotaId[] = [
  'standardVcpus',
  'vpcs',
  'elasticIps',
  'natGatewaysPerAz',
  'eksClusters',
];

// ---------------------------------------------------------------- what the stack needs

/** Facts about the Terraform stack that the run configuration does not hold. */
export interface StackLayout {
  /** Availability zones the network spreads over (the network module's default is 3). */
  availabilityZones: number;
  /** VPCs the stack creates: one, shared by the hub and load clusters. */
  vpcs: number;
  /** EKS clusters the stack creates: hub and load. */
  eksClusters: number;
}

export const DEFAULT_STACK_LAYOUT: StackLayout = { availabilityZones: 3, vpcs: 1, eksClusters: 2 };

export interface QuotaNeed {
  needed: number;
  /** How the number was reached, e.g. `12 × m7i.2xlarge (8) + …`. */
  detail: string;
}

/** Every node group of the configuration, with a readable location for messages. */
export function nodeGroupsOf(
  infra: AwsInfrastructure,
): Array<{ where: string; role: string; group: NodeGroup }> {
  const hub = infra.hub.nodeGroups;
  const load = infra.load.nodeGroups;
  return [
    { where: 'infrastructure.hub.nodeGroups.hubServices', role: 'hub-services', group: hub.hubServices },
    { where: 'infrastructure.hub.nodeGroups.kafka', role: 'kafka', group: hub.kafka },
    { where: 'infrastructure.hub.nodeGroups.dfsps', role: 'dfsps', group: hub.dfsps },
    { where: 'infrastructure.hub.nodeGroups.monitoring', role: 'monitoring', group: hub.monitoring },
    { where: 'infrastructure.load.nodeGroups.loadRunners', role: 'load-runners', group: load.loadRunners },
  ];
}

/** NAT gateways the stack creates: one, or one per availability zone. */
export function natGatewayCount(infra: AwsInfrastructure, layout: StackLayout): number {
  return infra.natGateways === 'single' ? 1 : layout.availabilityZones;
}

/**
 * Needs at the node groups' maxSize, since an autoscaler or a node replacement may reach it.
 * Throws when a node group uses an instance outside the standard On-Demand class: the preflight
 * checks only that class and would otherwise pass a run that cannot start.
 */
export function quotaNeeds(infra: AwsInfrastructure, layout: StackLayout = DEFAULT_STACK_LAYOUT) {
  const parts: string[] = [];
  let vcpus = 0;
  for (const { where, group } of nodeGroupsOf(infra)) {
    if (!isStandardFamily(group.instanceType)) {
      throw new Error(
        `${where}.instanceType: ${group.instanceType} is outside the standard On-Demand class (A, C, D, H, I, M, R, T, Z) ` +
          'whose quota the preflight checks; use a standard family or extend actions/core/src/aws/quotas.ts',
      );
    }
    const each = vcpusOf(group.instanceType, `${where}.instanceType`);
    vcpus += each * group.maxSize;
    parts.push(`${group.maxSize} × ${group.instanceType} (${each})`);
  }
  const nat = natGatewayCount(infra, layout);
  const needs: Record<QuotaId, QuotaNeed> = {
    standardVcpus: { needed: vcpus, detail: `maxSize: ${parts.join(' + ')}` },
    vpcs: { needed: layout.vpcs, detail: 'one VPC for both clusters' },
    elasticIps: { needed: nat, detail: `one per NAT gateway (${infra.natGateways})` },
    natGatewaysPerAz: { needed: 1, detail: `${infra.natGateways}: at most one per zone` },
    eksClusters: { needed: layout.eksClusters, detail: 'hub and load' },
  };
  return needs;
}

// ---------------------------------------------------------------- what the account has

/** The slice of Service Quotas the preflight uses. */
export interface AwsQuotas {
  /** Applied quota value in the client's region (the AWS default when none was ever applied). */
  quotaValue(serviceCode: string, quotaCode: string): Promise<number>;
}

/** Current usage of each quota in the client's region. */
export interface AwsUsage {
  /** vCPUs of pending and running instances in the standard On-Demand class. */
  runningStandardVcpus(): Promise<number>;
  vpcCount(): Promise<number>;
  elasticIpCount(): Promise<number>;
  /** NAT gateways (pending or available) in the fullest availability zone. */
  maxNatGatewaysInOneAz(): Promise<number>;
  eksClusterCount(): Promise<number>;
}

export function createAwsQuotas(client: ServiceQuotasClient): AwsQuotas {
  return {
    async quotaValue(ServiceCode, QuotaCode) {
      const input = { ServiceCode, QuotaCode };
      try {
        const out = await client.send(new GetServiceQuotaCommand(input));
        if (out.Quota?.Value !== undefined) return out.Quota.Value;
      } catch (error) {
        // A quota never adjusted in this account may only exist as the AWS default.
        if (awsErrorCode(error) !== 'NoSuchResourceException') {
          throw describeAwsFailure('servicequotas:GetServiceQuota', error);
        }
      }
      const fallback = await callAws('servicequotas:GetAWSDefaultServiceQuota', () =>
        client.send(new GetAWSDefaultServiceQuotaCommand(input)),
      );
      if (fallback.Quota?.Value === undefined) {
        throw new Error(`Service Quotas has no value for ${ServiceCode}/${QuotaCode} in this region`);
      }
      return fallback.Quota.Value;
    },
  };
}

export function createAwsUsage(ec2: EC2Client, eks: EKSClient): AwsUsage {
  return {
    async runningStandardVcpus() {
      let total = 0;
      await callAws('ec2:DescribeInstances', async () => {
        const pages = paginateDescribeInstances(
          { client: ec2 },
          { Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running'] }] },
        );
        for await (const page of pages) {
          for (const reservation of page.Reservations ?? []) {
            for (const instance of reservation.Instances ?? []) {
              const type = instance.InstanceType ?? '';
              if (!isStandardFamily(type)) continue;
              const cores = instance.CpuOptions?.CoreCount;
              const threads = instance.CpuOptions?.ThreadsPerCore;
              // CpuOptions reflects what the instance really runs with; the table is the fallback.
              total +=
                cores !== undefined && threads !== undefined ? cores * threads : (lookupVcpus(type) ?? 0);
            }
          }
        }
      });
      return total;
    },

    async vpcCount() {
      let count = 0;
      await callAws('ec2:DescribeVpcs', async () => {
        for await (const page of paginateDescribeVpcs({ client: ec2 }, {})) count += page.Vpcs?.length ?? 0;
      });
      return count;
    },

    async elasticIpCount() {
      const out = await callAws('ec2:DescribeAddresses', () =>
        ec2.send(new DescribeAddressesCommand({ Filters: [{ Name: 'domain', Values: ['vpc'] }] })),
      );
      return out.Addresses?.length ?? 0;
    },

    async maxNatGatewaysInOneAz() {
      const subnetIds: string[] = [];
      await callAws('ec2:DescribeNatGateways', async () => {
        const pages = paginateDescribeNatGateways(
          { client: ec2 },
          { Filter: [{ Name: 'state', Values: ['pending', 'available'] }] },
        );
        for await (const page of pages) {
          for (const gateway of page.NatGateways ?? []) {
            if (gateway.SubnetId !== undefined) subnetIds.push(gateway.SubnetId);
          }
        }
      });
      if (subnetIds.length === 0) return 0;
      const zoneOf = new Map<string, string>();
      await callAws('ec2:DescribeSubnets', async () => {
        const unique = [...new Set(subnetIds)];
        for await (const page of paginateDescribeSubnets({ client: ec2 }, { SubnetIds: unique })) {
          for (const subnet of page.Subnets ?? []) {
            if (subnet.SubnetId !== undefined) zoneOf.set(subnet.SubnetId, subnet.AvailabilityZone ?? '?');
          }
        }
      });
      const perZone = new Map<string, number>();
      for (const id of subnetIds) {
        const zone = zoneOf.get(id) ?? '?';
        perZone.set(zone, (perZone.get(zone) ?? 0) + 1);
      }
      return Math.max(...perZone.values());
    },

    async eksClusterCount() {
      let count = 0;
      await callAws('eks:ListClusters', async () => {
        for await (const page of paginateListClusters({ client: eks }, {}))
          count += page.clusters?.length ?? 0;
      });
      return count;
    },
  };
}

// ---------------------------------------------------------------- the comparison

export interface QuotaRow {
  id: QuotaId;
  name: string;
  /** `serviceCode/quotaCode`, e.g. `ec2/L-1216C47A`. */
  code: string;
  unit: string;
  needed: number;
  quota: number;
  inUse: number;
  /** quota − inUse, never below zero. */
  available: number;
  ok: boolean;
  detail: string;
}

const USAGE: Readonly<Record<QuotaId, (usage: AwsUsage) => Promise<number>>> = {
  standardVcpus: (usage) => usage.runningStandardVcpus(),
  vpcs: (usage) => usage.vpcCount(),
  elasticIps: (usage) => usage.elasticIpCount(),
  natGatewaysPerAz: (usage) => usage.maxNatGatewaysInOneAz(),
  eksClusters: (usage) => usage.eksClusterCount(),
};

/** One row per quota: needed vs available. Calls run one after another to stay gentle on API rates. */
export async function checkQuotas(
  needs: Readonly<Record<QuotaId, QuotaNeed>>,
  quotas: AwsQuotas,
  usage: AwsUsage,
): Promise<QuotaRow[]> {
  const rows: QuotaRow[] = [];
  for (const id of QUOTA_ORDER) {
    const definition = QUOTAS[id];
    const need = needs[id];
    const quota = await quotas.quotaValue(definition.serviceCode, definition.quotaCode);
    const inUse = await USAGE[id](usage);
    const available = Math.max(0, quota - inUse);
    rows.push({
      id,
      name: definition.name,
      code: `${definition.serviceCode}/${definition.quotaCode}`,
      unit: definition.unit,
      needed: need.needed,
      quota,
      inUse,
      available,
      ok: need.needed <= available,
      detail: need.detail,
    });
  }
  return rows;
}

/** A sentence per short quota, naming it, the numbers and where to ask for more. */
export function quotaShortfalls(rows: readonly QuotaRow[], region: string): string[] {
  return rows
    .filter((row) => !row.ok)
    .map(
      (row) =>
        `quota short: ${row.name} (${row.code}) needs ${row.needed} ${row.unit}, ${row.available} available ` +
        `(quota ${row.quota}, ${row.inUse} in use) in ${region}; request an increase in Service Quotas or free some up`,
    );
}
