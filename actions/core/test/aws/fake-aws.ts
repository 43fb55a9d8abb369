/**
 * A fake AWS account for tests, named as a fake: one in-memory model of a region (VPCs, instances,
 * NAT gateways, addresses, EKS clusters and node groups, load balancers, network interfaces,
 * security groups, volumes, quotas) served to the official SDK v3 clients through
 * aws-sdk-client-mock. Handlers read the real command inputs (EC2 filters, tagging-API tag filters,
 * ARNs vs names) and answer with the real output shapes; errors carry the names the SDK gives the
 * services' real error codes. Nothing here opens a socket.
 */
import {
  DeleteSecurityGroupCommand,
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
  type Filter,
} from '@aws-sdk/client-ec2';
import {
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
  ListClustersCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-eks';
import {
  AccessPointNotFoundException,
  DeleteLoadBalancerCommand as DeleteClassicCommand,
  DescribeLoadBalancersCommand as DescribeClassicCommand,
  DescribeTagsCommand as DescribeClassicTagsCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  DeleteLoadBalancerCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingV2Client,
  LoadBalancerNotFoundException,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
  type TagFilter,
} from '@aws-sdk/client-resource-groups-tagging-api';
import {
  GetAWSDefaultServiceQuotaCommand,
  GetServiceQuotaCommand,
  NoSuchResourceException,
  ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';

export type Tags = Record<string, string>;

export interface FakeVpc {
  id: string;
  tags: Tags;
}
export interface FakeSubnet {
  id: string;
  vpcId: string;
  az: string;
}
export interface FakeInstance {
  id: string;
  type: string;
  state: 'pending' | 'running' | 'terminated';
  cores: number;
  threads: number;
  tags: Tags;
}
export interface FakeNatGateway {
  id: string;
  subnetId: string;
  state: 'pending' | 'available' | 'deleted';
}
export interface FakeAddress {
  allocationId: string;
  publicIp: string;
  tags: Tags;
  associationId?: string;
}
export interface FakeCluster {
  name: string;
  status: string;
  tags: Tags;
  issues: Array<{ code: string; message: string; resourceIds?: string[] }>;
  /** The status becomes ACTIVE after this many DescribeCluster calls (-1: never changes). */
  activeAfterPolls: number;
}
export interface FakeNodegroup {
  cluster: string;
  name: string;
  status: string;
  issues: Array<{ code: string; message: string; resourceIds?: string[] }>;
  activeAfterPolls: number;
}
export interface FakeLoadBalancer {
  kind: 'elbv2' | 'classic';
  /** ARN for ELBv2, name for classic. */
  id: string;
  name: string;
  type: 'application' | 'network' | 'classic';
  vpcId: string;
  tags: Tags;
}
export interface FakeNetworkInterface {
  id: string;
  vpcId: string;
  description: string;
  status: 'in-use' | 'available';
  tags: Tags;
  /** Polls of DescribeNetworkInterfaces left before it disappears (set when its load balancer goes). */
  releaseAfterPolls?: number;
}
export interface FakeSecurityGroup {
  id: string;
  name: string;
  vpcId: string;
  tags: Tags;
  /** Ids of other security groups whose rules reference this one. */
  referencedBy: string[];
}
export interface FakeVolume {
  id: string;
  state: 'available' | 'in-use';
  size: number;
  tags: Tags;
}

function serviceError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status } });
}

export class FakeCloud {
  readonly region = 'eu-west-2';
  readonly account = '123456789012';
  callerArn = 'arn:aws:sts::123456789012:assumed-role/mlperf-pipeline/gh-42';
  private counter = 0;

  vpcs: FakeVpc[] = [];
  subnets: FakeSubnet[] = [];
  instances: FakeInstance[] = [];
  natGateways: FakeNatGateway[] = [];
  addresses: FakeAddress[] = [];
  clusters: FakeCluster[] = [];
  nodegroups: FakeNodegroup[] = [];
  loadBalancers: FakeLoadBalancer[] = [];
  networkInterfaces: FakeNetworkInterface[] = [];
  securityGroups: FakeSecurityGroup[] = [];
  volumes: FakeVolume[] = [];
  /** Applied Service Quotas values by `service/code`; absent ones answer NoSuchResourceException. */
  appliedQuotas: Record<string, number> = {};
  /** AWS default quota values by `service/code`. */
  defaultQuotas: Record<string, number> = {
    'ec2/L-1216C47A': 5,
    'vpc/L-F678F1CE': 5,
    'ec2/L-0263D0A3': 5,
    'vpc/L-FE5A380F': 5,
    'eks/L-1194D53C': 100,
  };
  /** ARNs the tagging API still lists although the resource is gone (its index lags). */
  staleTaggedArns: string[] = [];
  /** Polls of DescribeNetworkInterfaces a load balancer's interfaces survive it. */
  eniReleasePolls = 2;
  /** Called after a load balancer is deleted (e.g. a controller recreating it). */
  onLoadBalancerDeleted: ((lb: FakeLoadBalancer) => void) | undefined;
  /** API actions (`ec2:DescribeInstances`) that answer access denied. */
  denied = new Set<string>();
  /** Every call, as `service:Action`. */
  calls: string[] = [];

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter.toString(16).padStart(8, '0')}`;
  }

  clusterArn(name: string): string {
    return `arn:aws:eks:${this.region}:${this.account}:cluster/${name}`;
  }

  // -------------------------------------------------------------- building blocks for tests

  addVpc(tags: Tags = {}): FakeVpc {
    const vpc = { id: this.nextId('vpc'), tags };
    this.vpcs.push(vpc);
    for (const az of ['a', 'b', 'c']) {
      this.subnets.push({ id: this.nextId('subnet'), vpcId: vpc.id, az: `${this.region}${az}` });
    }
    // Every VPC has a default security group, deleted with the VPC.
    this.securityGroups.push({
      id: this.nextId('sg'),
      name: 'default',
      vpcId: vpc.id,
      tags: {},
      referencedBy: [],
    });
    return vpc;
  }

  subnetsOf(vpcId: string): FakeSubnet[] {
    return this.subnets.filter((subnet) => subnet.vpcId === vpcId);
  }

  /** A load balancer as Kubernetes would create it for a Service, with its ENIs and security group. */
  addKubernetesLoadBalancer(
    cluster: string,
    vpcId: string,
    kind: 'classic' | 'network',
    options: { nodeSecurityGroupId?: string } = {},
  ): FakeLoadBalancer {
    const suffix = this.nextId('lb').slice(3);
    let lb: FakeLoadBalancer;
    if (kind === 'classic') {
      const name = `a${suffix}`;
      lb = {
        kind: 'classic',
        id: name,
        name,
        type: 'classic',
        vpcId,
        tags: { [`kubernetes.io/cluster/${cluster}`]: 'owned' },
      };
      const group: FakeSecurityGroup = {
        id: this.nextId('sg'),
        name: `k8s-elb-${name}`,
        vpcId,
        tags: { [`kubernetes.io/cluster/${cluster}`]: 'owned' },
        referencedBy: options.nodeSecurityGroupId ? [options.nodeSecurityGroupId] : [],
      };
      this.securityGroups.push(group);
    } else {
      const name = `k8s-ingress-${suffix}`;
      const arn = `arn:aws:elasticloadbalancing:${this.region}:${this.account}:loadbalancer/net/${name}/${suffix}abcd`;
      lb = {
        kind: 'elbv2',
        id: arn,
        name,
        type: 'network',
        vpcId,
        tags: { 'elbv2.k8s.aws/cluster': cluster, 'service.k8s.aws/stack': 'istio-system/ingress' },
      };
      this.securityGroups.push({
        id: this.nextId('sg'),
        name: `k8s-traffic-${cluster}`,
        vpcId,
        tags: { 'elbv2.k8s.aws/cluster': cluster, 'elbv2.k8s.aws/resource': 'backend-sg' },
        referencedBy: options.nodeSecurityGroupId ? [options.nodeSecurityGroupId] : [],
      });
    }
    this.loadBalancers.push(lb);
    const description = lb.kind === 'classic' ? `ELB ${lb.name}` : `ELB ${lb.id.split(':loadbalancer/')[1]}`;
    for (let index = 0; index < 2; index++) {
      this.networkInterfaces.push({ id: this.nextId('eni'), vpcId, description, status: 'in-use', tags: {} });
    }
    return lb;
  }

  addInstance(type: string, cores: number, threads = 2, tags: Tags = {}): FakeInstance {
    const instance: FakeInstance = { id: this.nextId('i'), type, state: 'running', cores, threads, tags };
    this.instances.push(instance);
    return instance;
  }

  // -------------------------------------------------------------- filters

  private check(action: string): void {
    this.calls.push(action);
    if (this.denied.has(action)) {
      const code = action.startsWith('ec2:') ? 'UnauthorizedOperation' : 'AccessDeniedException';
      throw serviceError(code, `User: ${this.callerArn} is not authorized to perform: ${action}`, 403);
    }
  }

  private static matches(filters: Filter[] | undefined, fields: (name: string) => string[]): boolean {
    return (filters ?? []).every((filter) => {
      const have = fields(filter.Name ?? '');
      return (filter.Values ?? []).some((wanted) => have.includes(wanted));
    });
  }

  private static tagFields(tags: Tags, name: string): string[] | undefined {
    if (name === 'tag-key') return Object.keys(tags);
    if (name.startsWith('tag:')) {
      const value = tags[name.slice(4)];
      return value === undefined ? [] : [value];
    }
    return undefined;
  }

  private static tagList(tags: Tags) {
    return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
  }

  // -------------------------------------------------------------- EC2

  describeVpcs(filters: Filter[] | undefined) {
    this.check('ec2:DescribeVpcs');
    const vpcs = this.vpcs.filter((vpc) =>
      FakeCloud.matches(
        filters,
        (name) => FakeCloud.tagFields(vpc.tags, name) ?? (name === 'vpc-id' ? [vpc.id] : []),
      ),
    );
    return { Vpcs: vpcs.map((vpc) => ({ VpcId: vpc.id, Tags: FakeCloud.tagList(vpc.tags) })) };
  }

  describeSubnets(ids: string[] | undefined) {
    this.check('ec2:DescribeSubnets');
    const subnets = this.subnets.filter((subnet) => ids === undefined || ids.includes(subnet.id));
    return { Subnets: subnets.map((s) => ({ SubnetId: s.id, VpcId: s.vpcId, AvailabilityZone: s.az })) };
  }

  describeInstances(filters: Filter[] | undefined) {
    this.check('ec2:DescribeInstances');
    const instances = this.instances.filter((instance) =>
      FakeCloud.matches(
        filters,
        (name) =>
          FakeCloud.tagFields(instance.tags, name) ??
          (name === 'instance-state-name' ? [instance.state] : []),
      ),
    );
    return {
      Reservations: instances.map((i) => ({
        Instances: [
          {
            InstanceId: i.id,
            InstanceType: i.type as never,
            State: { Name: i.state as never },
            CpuOptions: { CoreCount: i.cores, ThreadsPerCore: i.threads },
          },
        ],
      })),
    };
  }

  describeNatGateways(filters: Filter[] | undefined) {
    this.check('ec2:DescribeNatGateways');
    const gateways = this.natGateways.filter((gateway) =>
      FakeCloud.matches(filters, (name) => (name === 'state' ? [gateway.state] : [])),
    );
    return {
      NatGateways: gateways.map((g) => ({
        NatGatewayId: g.id,
        SubnetId: g.subnetId,
        State: g.state as never,
      })),
    };
  }

  describeAddresses(filters: Filter[] | undefined) {
    this.check('ec2:DescribeAddresses');
    const addresses = this.addresses.filter((address) =>
      FakeCloud.matches(
        filters,
        (name) => FakeCloud.tagFields(address.tags, name) ?? (name === 'domain' ? ['vpc'] : []),
      ),
    );
    return {
      Addresses: addresses.map((a) => ({
        AllocationId: a.allocationId,
        PublicIp: a.publicIp,
        Domain: 'vpc' as const,
        AssociationId: a.associationId,
        Tags: FakeCloud.tagList(a.tags),
      })),
    };
  }

  describeNetworkInterfaces(filters: Filter[] | undefined) {
    this.check('ec2:DescribeNetworkInterfaces');
    // Interfaces of a deleted load balancer linger for a few polls, as real ones do.
    for (const eni of this.networkInterfaces) {
      if (eni.releaseAfterPolls !== undefined) eni.releaseAfterPolls -= 1;
    }
    this.networkInterfaces = this.networkInterfaces.filter(
      (eni) => eni.releaseAfterPolls === undefined || eni.releaseAfterPolls >= 0,
    );
    const enis = this.networkInterfaces.filter((eni) =>
      FakeCloud.matches(
        filters,
        (name) => FakeCloud.tagFields(eni.tags, name) ?? (name === 'vpc-id' ? [eni.vpcId] : []),
      ),
    );
    return {
      NetworkInterfaces: enis.map((e) => ({
        NetworkInterfaceId: e.id,
        VpcId: e.vpcId,
        Description: e.description,
        Status: e.status as never,
        TagSet: FakeCloud.tagList(e.tags),
      })),
    };
  }

  describeSecurityGroups(filters: Filter[] | undefined) {
    this.check('ec2:DescribeSecurityGroups');
    const groups = this.securityGroups.filter((group) =>
      FakeCloud.matches(
        filters,
        (name) => FakeCloud.tagFields(group.tags, name) ?? (name === 'vpc-id' ? [group.vpcId] : []),
      ),
    );
    return {
      SecurityGroups: groups.map((g) => ({
        GroupId: g.id,
        GroupName: g.name,
        VpcId: g.vpcId,
        Tags: FakeCloud.tagList(g.tags),
      })),
    };
  }

  deleteSecurityGroup(id: string | undefined) {
    this.check('ec2:DeleteSecurityGroup');
    const group = this.securityGroups.find((g) => g.id === id);
    if (group === undefined)
      throw serviceError('InvalidGroup.NotFound', `The security group '${id}' does not exist`);
    const referencing = group.referencedBy.filter((ref) => this.securityGroups.some((g) => g.id === ref));
    if (referencing.length > 0) {
      throw serviceError('DependencyViolation', `resource ${id} has a dependent object`);
    }
    this.securityGroups = this.securityGroups.filter((g) => g !== group);
    return {};
  }

  describeVolumes(filters: Filter[] | undefined) {
    this.check('ec2:DescribeVolumes');
    const volumes = this.volumes.filter((volume) =>
      FakeCloud.matches(filters, (name) => FakeCloud.tagFields(volume.tags, name) ?? []),
    );
    return {
      Volumes: volumes.map((v) => ({
        VolumeId: v.id,
        State: v.state as never,
        Size: v.size,
        Tags: FakeCloud.tagList(v.tags),
      })),
    };
  }

  // -------------------------------------------------------------- EKS

  listClusters() {
    this.check('eks:ListClusters');
    return { clusters: this.clusters.map((c) => c.name) };
  }

  describeCluster(name: string | undefined) {
    this.check('eks:DescribeCluster');
    const cluster = this.clusters.find((c) => c.name === name);
    if (cluster === undefined) {
      throw new ResourceNotFoundException({ message: `No cluster found for name: ${name}.`, $metadata: {} });
    }
    if (cluster.activeAfterPolls > 0) cluster.activeAfterPolls -= 1;
    if (cluster.activeAfterPolls === 0 && cluster.status === 'CREATING') cluster.status = 'ACTIVE';
    return {
      cluster: {
        name: cluster.name,
        arn: this.clusterArn(cluster.name),
        status: cluster.status as never,
        health: {
          issues: cluster.issues.map((i) => ({
            code: i.code as never,
            message: i.message,
            resourceIds: i.resourceIds,
          })),
        },
      },
    };
  }

  describeNodegroup(cluster: string | undefined, name: string | undefined) {
    this.check('eks:DescribeNodegroup');
    const group = this.nodegroups.find((g) => g.cluster === cluster && g.name === name);
    if (group === undefined) {
      throw new ResourceNotFoundException({
        message: `No node group found for name: ${name}.`,
        $metadata: {},
      });
    }
    if (group.activeAfterPolls > 0) group.activeAfterPolls -= 1;
    if (group.activeAfterPolls === 0 && group.status === 'CREATING') group.status = 'ACTIVE';
    return {
      nodegroup: {
        clusterName: group.cluster,
        nodegroupName: group.name,
        status: group.status as never,
        health: {
          issues: group.issues.map((i) => ({
            code: i.code as never,
            message: i.message,
            resourceIds: i.resourceIds,
          })),
        },
      },
    };
  }

  // -------------------------------------------------------------- load balancers

  describeV2(arns: string[] | undefined) {
    this.check('elasticloadbalancing:DescribeLoadBalancers');
    const all = this.loadBalancers.filter((lb) => lb.kind === 'elbv2');
    if (arns !== undefined) {
      const found = all.filter((lb) => arns.includes(lb.id));
      if (found.length < arns.length) {
        throw new LoadBalancerNotFoundException({
          message: 'One or more load balancers not found',
          $metadata: {},
        });
      }
      return { LoadBalancers: found.map(FakeCloud.v2Shape) };
    }
    return { LoadBalancers: all.map(FakeCloud.v2Shape) };
  }

  private static v2Shape(lb: FakeLoadBalancer) {
    return { LoadBalancerArn: lb.id, LoadBalancerName: lb.name, Type: lb.type as never, VpcId: lb.vpcId };
  }

  describeV2Tags(arns: string[] | undefined) {
    this.check('elasticloadbalancing:DescribeTags');
    if ((arns?.length ?? 0) > 20) throw serviceError('ValidationError', 'at most 20 resource ARNs');
    return {
      TagDescriptions: this.loadBalancers
        .filter((lb) => arns?.includes(lb.id))
        .map((lb) => ({ ResourceArn: lb.id, Tags: FakeCloud.tagList(lb.tags) })),
    };
  }

  describeClassic(names: string[] | undefined) {
    this.check('elasticloadbalancing:DescribeLoadBalancers');
    const all = this.loadBalancers.filter((lb) => lb.kind === 'classic');
    const found = names === undefined ? all : all.filter((lb) => names.includes(lb.name));
    if (names !== undefined && found.length < names.length) {
      throw new AccessPointNotFoundException({ message: 'There is no ACTIVE Load Balancer', $metadata: {} });
    }
    return { LoadBalancerDescriptions: found.map((lb) => ({ LoadBalancerName: lb.name, VPCId: lb.vpcId })) };
  }

  describeClassicTags(names: string[] | undefined) {
    this.check('elasticloadbalancing:DescribeTags');
    if ((names?.length ?? 0) > 20) throw serviceError('ValidationError', 'at most 20 names');
    return {
      TagDescriptions: this.loadBalancers
        .filter((lb) => lb.kind === 'classic' && names?.includes(lb.name))
        .map((lb) => ({ LoadBalancerName: lb.name, Tags: FakeCloud.tagList(lb.tags) })),
    };
  }

  deleteLoadBalancer(id: string | undefined) {
    this.check('elasticloadbalancing:DeleteLoadBalancer');
    const lb = this.loadBalancers.find((candidate) => candidate.id === id);
    if (lb === undefined) return {}; // deleting a missing load balancer succeeds, as in AWS
    this.loadBalancers = this.loadBalancers.filter((candidate) => candidate !== lb);
    const description = lb.kind === 'classic' ? `ELB ${lb.name}` : `ELB ${lb.id.split(':loadbalancer/')[1]}`;
    for (const eni of this.networkInterfaces) {
      if (eni.description === description) eni.releaseAfterPolls = this.eniReleasePolls;
    }
    const arn =
      lb.kind === 'classic'
        ? `arn:aws:elasticloadbalancing:${this.region}:${this.account}:loadbalancer/${lb.name}`
        : lb.id;
    this.staleTaggedArns.push(arn);
    this.onLoadBalancerDeleted?.(lb);
    return {};
  }

  // -------------------------------------------------------------- tagging API

  getResources(types: string[] | undefined, tagFilters: TagFilter[] | undefined) {
    this.check('tag:GetResources');
    const items: Array<{ arn: string; tags: Tags; type: string }> = [];
    for (const cluster of this.clusters)
      items.push({ arn: this.clusterArn(cluster.name), tags: cluster.tags, type: 'eks:cluster' });
    for (const lb of this.loadBalancers) {
      const arn =
        lb.kind === 'classic'
          ? `arn:aws:elasticloadbalancing:${this.region}:${this.account}:loadbalancer/${lb.name}`
          : lb.id;
      items.push({ arn, tags: lb.tags, type: 'elasticloadbalancing:loadbalancer' });
    }
    const matching = items.filter(
      (item) =>
        (types === undefined || types.includes(item.type)) &&
        (tagFilters ?? []).every((filter) => {
          const value = item.tags[filter.Key ?? ''];
          if (value === undefined) return false;
          return filter.Values === undefined || filter.Values.length === 0 || filter.Values.includes(value);
        }),
    );
    // The tagging index lags: deleted resources are still listed for a while (with the tags they had).
    const stale = this.staleTaggedArns
      .filter((arn) => !matching.some((item) => item.arn === arn))
      .filter((arn) => types === undefined || types.some((type) => arn.includes(type.split(':')[1] ?? '')));
    return {
      ResourceTagMappingList: [
        ...matching.map((item) => ({ ResourceARN: item.arn, Tags: FakeCloud.tagList(item.tags) })),
        ...stale.map((arn) => ({ ResourceARN: arn, Tags: [] })),
      ],
    };
  }

  // -------------------------------------------------------------- STS and Service Quotas

  getCallerIdentity() {
    this.check('sts:GetCallerIdentity');
    return { Account: this.account, Arn: this.callerArn, UserId: 'AROAEXAMPLE:gh-42' };
  }

  getServiceQuota(service: string | undefined, code: string | undefined) {
    this.check('servicequotas:GetServiceQuota');
    const value = this.appliedQuotas[`${service}/${code}`];
    if (value === undefined) {
      throw new NoSuchResourceException({
        message: 'The request failed because the specified resource does not exist.',
        $metadata: {},
      });
    }
    return { Quota: { ServiceCode: service, QuotaCode: code, Value: value } };
  }

  getDefaultServiceQuota(service: string | undefined, code: string | undefined) {
    this.check('servicequotas:GetAWSDefaultServiceQuota');
    const value = this.defaultQuotas[`${service}/${code}`];
    if (value === undefined) {
      throw new NoSuchResourceException({ message: 'no such quota', $metadata: {} });
    }
    return { Quota: { ServiceCode: service, QuotaCode: code, Value: value } };
  }
}

/** The SDK clients, constructed as the actions construct them (fixed fake credentials). */
export function sdkClients() {
  const config = {
    region: 'eu-west-2',
    credentials: { accessKeyId: 'AKIDFAKEFAKEFAKE', secretAccessKey: 'fake-secret' },
    maxAttempts: 1,
  };
  return {
    sts: new STSClient(config),
    quotas: new ServiceQuotasClient(config),
    ec2: new EC2Client(config),
    eks: new EKSClient(config),
    elbv2: new ElasticLoadBalancingV2Client(config),
    elb: new ElasticLoadBalancingClient(config),
    tagging: new ResourceGroupsTaggingAPIClient(config),
  };
}

export interface InstalledFake {
  restore(): void;
}

/** Routes every SDK client class to the fake. Call `restore()` in afterEach. */
export function installFakeAws(cloud: FakeCloud): InstalledFake {
  const run =
    <I, O>(handler: (input: I) => O) =>
    async (input: I) =>
      handler(input);
  const ec2 = mockClient(EC2Client);
  ec2.on(DescribeVpcsCommand).callsFake(run((i) => cloud.describeVpcs(i.Filters)));
  ec2.on(DescribeSubnetsCommand).callsFake(run((i) => cloud.describeSubnets(i.SubnetIds)));
  ec2.on(DescribeInstancesCommand).callsFake(run((i) => cloud.describeInstances(i.Filters)));
  ec2.on(DescribeNatGatewaysCommand).callsFake(run((i) => cloud.describeNatGateways(i.Filter)));
  ec2.on(DescribeAddressesCommand).callsFake(run((i) => cloud.describeAddresses(i.Filters)));
  ec2.on(DescribeNetworkInterfacesCommand).callsFake(run((i) => cloud.describeNetworkInterfaces(i.Filters)));
  ec2.on(DescribeSecurityGroupsCommand).callsFake(run((i) => cloud.describeSecurityGroups(i.Filters)));
  ec2.on(DeleteSecurityGroupCommand).callsFake(run((i) => cloud.deleteSecurityGroup(i.GroupId)));
  ec2.on(DescribeVolumesCommand).callsFake(run((i) => cloud.describeVolumes(i.Filters)));

  const eks = mockClient(EKSClient);
  eks.on(ListClustersCommand).callsFake(run(() => cloud.listClusters()));
  eks.on(DescribeClusterCommand).callsFake(run((i) => cloud.describeCluster(i.name)));
  eks
    .on(DescribeNodegroupCommand)
    .callsFake(run((i) => cloud.describeNodegroup(i.clusterName, i.nodegroupName)));

  const elbv2 = mockClient(ElasticLoadBalancingV2Client);
  elbv2.on(DescribeLoadBalancersCommand).callsFake(run((i) => cloud.describeV2(i.LoadBalancerArns)));
  elbv2.on(DescribeTagsCommand).callsFake(run((i) => cloud.describeV2Tags(i.ResourceArns)));
  elbv2.on(DeleteLoadBalancerCommand).callsFake(run((i) => cloud.deleteLoadBalancer(i.LoadBalancerArn)));

  const elb = mockClient(ElasticLoadBalancingClient);
  elb.on(DescribeClassicCommand).callsFake(run((i) => cloud.describeClassic(i.LoadBalancerNames)));
  elb.on(DescribeClassicTagsCommand).callsFake(run((i) => cloud.describeClassicTags(i.LoadBalancerNames)));
  elb.on(DeleteClassicCommand).callsFake(run((i) => cloud.deleteLoadBalancer(i.LoadBalancerName)));

  const tagging = mockClient(ResourceGroupsTaggingAPIClient);
  tagging
    .on(GetResourcesCommand)
    .callsFake(run((i) => cloud.getResources(i.ResourceTypeFilters, i.TagFilters)));

  const sts = mockClient(STSClient);
  sts.on(GetCallerIdentityCommand).callsFake(run(() => cloud.getCallerIdentity()));

  const quotas = mockClient(ServiceQuotasClient);
  quotas.on(GetServiceQuotaCommand).callsFake(run((i) => cloud.getServiceQuota(i.ServiceCode, i.QuotaCode)));
  quotas
    .on(GetAWSDefaultServiceQuotaCommand)
    .callsFake(run((i) => cloud.getDefaultServiceQuota(i.ServiceCode, i.QuotaCode)));

  const stubs: Array<{ restore(): void }> = [ec2, eks, elbv2, elb, tagging, sts, quotas];
  return {
    restore: () => {
      for (const stub of stubs) stub.restore();
    },
  };
}
