/**
 * A fake `terraform` behind the CommandRunner interface, named as a fake. It keeps state per S3
 * backend key (as the real backend would), reads the variables file the code wrote, and creates
 * or deletes resources in a FakeCloud, so provisioning and teardown are tested against one world:
 * a half-finished apply leaves exactly the resources it got to in both the state and the cloud,
 * and `destroy` fails with AWS's DependencyViolation when something outside the state still sits
 * in the VPC.
 */
import { readFileSync } from 'node:fs';
import type { CommandOptions, CommandResult, CommandRunner } from '../../src/index.js';
import type { FakeCloud } from '../aws/fake-aws.js';

type Kind =
  | 'vpc'
  | 'eip'
  | 'nat'
  | 'security_group'
  | 'eks_cluster'
  | 'eks_node_group'
  | 'db_instance'
  | 'elasticache_replication_group';

interface StateResource {
  address: string;
  kind: Kind;
  id: string;
  /** Cluster of a node group or node security group. */
  cluster?: string;
}

interface PlannedResource {
  address: string;
  kind: Kind;
  type: string;
  cluster?: string;
  nodegroup?: string;
  /** Name of a security group that is not a cluster's node group (the load balancers' groups). */
  name?: string;
}

export interface FakeTerraformOptions {
  /** apply creates this many resources, then fails like a real provider error. */
  failApplyAfter?: number;
  /** Polls of DescribeCluster / DescribeNodegroup before a new cluster / node group is ACTIVE. */
  activeAfterPolls?: number;
}

export interface RecordedCommand {
  args: string[];
  stream: boolean;
  cwd: string;
  env: Readonly<Record<string, string>> | undefined;
}

interface Variables {
  run_id: string;
  region: string;
  hub_node_groups: Record<string, { instance_type: string; desired_size: number }>;
  load_node_groups: Record<string, { instance_type: string; desired_size: number }>;
  nat_gateways: 'single' | 'one-per-az';
}

const TYPE: Record<Kind, string> = {
  vpc: 'aws_vpc',
  eip: 'aws_eip',
  nat: 'aws_nat_gateway',
  security_group: 'aws_security_group',
  eks_cluster: 'aws_eks_cluster',
  eks_node_group: 'aws_eks_node_group',
  db_instance: 'aws_db_instance',
  elasticache_replication_group: 'aws_elasticache_replication_group',
};

export function clusterName(runId: string, which: 'hub' | 'load'): string {
  return `mlperf-${runId}-${which}`;
}

export class FakeTerraform implements CommandRunner {
  /** State per backend key, shared across runner instances through the cloud object. */
  static readonly states = new WeakMap<FakeCloud, Map<string, StateResource[]>>();
  readonly commands: RecordedCommand[] = [];
  private backendKey: string | undefined;
  private planned: PlannedResource[] = [];
  private variables: Variables | undefined;

  constructor(
    private readonly cloud: FakeCloud,
    private readonly options: FakeTerraformOptions = {},
  ) {}

  private store(): Map<string, StateResource[]> {
    let store = FakeTerraform.states.get(this.cloud);
    if (store === undefined) {
      store = new Map();
      FakeTerraform.states.set(this.cloud, store);
    }
    return store;
  }

  state(): StateResource[] {
    if (this.backendKey === undefined) throw new Error('fake terraform: init first');
    let state = this.store().get(this.backendKey);
    if (state === undefined) {
      state = [];
      this.store().set(this.backendKey, state);
    }
    return state;
  }

  async run(command: string, args: readonly string[], options: CommandOptions): Promise<CommandResult> {
    this.commands.push({ args: [...args], stream: options.stream, cwd: options.cwd, env: options.env });
    if (command !== 'terraform') return { exitCode: 127, stdout: '', stderr: `${command}: not found` };
    const [subcommand, ...rest] = args;
    switch (subcommand) {
      case 'init':
        return this.init(rest);
      case 'plan':
        return this.plan(rest);
      case 'show':
        return this.show();
      case 'apply':
        return this.apply();
      case 'output':
        return this.output();
      case 'destroy':
        return this.destroy(rest);
      default:
        return { exitCode: 1, stdout: '', stderr: `unknown command ${subcommand}` };
    }
  }

  private init(args: string[]): CommandResult {
    const key = args
      .find((arg) => arg.startsWith('-backend-config=key='))
      ?.split('=')
      .slice(2)
      .join('=');
    if (key === undefined) return { exitCode: 1, stdout: '', stderr: 'Error: backend key missing' };
    this.backendKey = key;
    this.state();
    return {
      exitCode: 0,
      stdout: '\u001b[0m\u001b[1mTerraform has been successfully initialized!\u001b[0m\n',
      stderr: '',
    };
  }

  private readVariables(args: string[]): Variables {
    const file = args.find((arg) => arg.startsWith('-var-file='))?.slice('-var-file='.length);
    if (file === undefined) throw new Error('fake terraform: no -var-file');
    return JSON.parse(readFileSync(file, 'utf8')) as Variables;
  }

  private desired(variables: Variables): PlannedResource[] {
    const hub = clusterName(variables.run_id, 'hub');
    const load = clusterName(variables.run_id, 'load');
    const nat = variables.nat_gateways === 'single' ? 1 : 3;
    const out: PlannedResource[] = [{ address: 'module.network.aws_vpc.this', kind: 'vpc', type: TYPE.vpc }];
    for (let i = 0; i < nat; i++)
      out.push({ address: `module.network.aws_eip.nat[${i}]`, kind: 'eip', type: TYPE.eip });
    for (let i = 0; i < nat; i++)
      out.push({ address: `module.network.aws_nat_gateway.this[${i}]`, kind: 'nat', type: TYPE.nat });
    for (const [which, cluster, groups] of [
      ['hub', hub, variables.hub_node_groups],
      ['load', load, variables.load_node_groups],
    ] as const) {
      out.push({
        address: `module.${which}.aws_security_group.node`,
        kind: 'security_group',
        type: TYPE.security_group,
        cluster,
      });
      out.push({
        address: `module.${which}.aws_eks_cluster.this`,
        kind: 'eks_cluster',
        type: TYPE.eks_cluster,
        cluster,
      });
      for (const nodegroup of Object.keys(groups)) {
        out.push({
          address: `module.${which}.aws_eks_node_group.this["${nodegroup}"]`,
          kind: 'eks_node_group',
          type: TYPE.eks_node_group,
          cluster,
          nodegroup,
        });
      }
    }
    out.push({ address: 'module.data.aws_db_instance.this[0]', kind: 'db_instance', type: TYPE.db_instance });
    out.push({
      address: 'module.data.aws_elasticache_replication_group.this[0]',
      kind: 'elasticache_replication_group',
      type: TYPE.elasticache_replication_group,
    });
    // The security groups of the hub's two internal NLBs (terraform/envs/perf/security.tf).
    for (const lb of ['ingress', 'prometheus'] as const) {
      out.push({
        address: `aws_security_group.hub_${lb}`,
        kind: 'security_group',
        type: TYPE.security_group,
        name: `${hub}-${lb}`,
      });
    }
    return out;
  }

  private plan(args: string[]): CommandResult {
    this.variables = this.readVariables(args);
    const have = new Set(this.state().map((r) => r.address));
    this.planned = this.desired(this.variables).filter((r) => !have.has(r.address));
    return {
      exitCode: 0,
      stdout: `Plan: \u001b[1m${this.planned.length}\u001b[0m to add, 0 to change, 0 to destroy.\n`,
      stderr: '',
    };
  }

  private show(): CommandResult {
    const plan = {
      format_version: '1.2',
      terraform_version: '1.10.5',
      resource_changes: [
        {
          address: 'module.network.data.aws_availability_zones.available[0]',
          mode: 'data',
          type: 'aws_availability_zones',
          change: { actions: ['read'] },
        },
        ...this.planned.map((r) => ({
          address: r.address,
          mode: 'managed',
          type: r.type,
          // A sensitive attribute, as real plans carry: the summary must never print it.
          change: { actions: ['create'], after: { password: 'hunter2-not-for-logs' } },
        })),
      ],
    };
    return { exitCode: 0, stdout: JSON.stringify(plan), stderr: '' };
  }

  private apply(): CommandResult {
    const variables = this.variables;
    if (variables === undefined) return { exitCode: 1, stdout: '', stderr: 'Error: no saved plan' };
    let created = 0;
    const vpcOf = () => this.state().find((r) => r.kind === 'vpc')?.id ?? '';
    for (const resource of this.planned) {
      if (this.options.failApplyAfter !== undefined && created >= this.options.failApplyAfter) {
        return {
          exitCode: 1,
          stdout: `${resource.address}: Creating...\n`,
          stderr:
            `\u001b[31m╷\u001b[0m\n\u001b[31m│\u001b[0m \u001b[1m\u001b[31mError: \u001b[0mcreating ${resource.type} (${resource.address}): ` +
            'operation error: api error InsufficientInstanceCapacity: We currently do not have sufficient capacity.\n',
        };
      }
      const id = this.create(resource, variables, vpcOf());
      this.state().push({
        address: resource.address,
        kind: resource.kind,
        id,
        ...(resource.cluster ? { cluster: resource.cluster } : {}),
      });
      created += 1;
    }
    this.planned = [];
    return {
      exitCode: 0,
      stdout: `Apply complete! Resources: ${created} added, 0 changed, 0 destroyed.\n`,
      stderr: '',
    };
  }

  private create(resource: PlannedResource, variables: Variables, vpcId: string): string {
    const cloud = this.cloud;
    const tags = { RunId: variables.run_id, Owner: 'octocat' };
    const polls = this.options.activeAfterPolls ?? 2;
    switch (resource.kind) {
      case 'vpc':
        return cloud.addVpc(tags).id;
      case 'eip': {
        const allocationId = cloud.nextId('eipalloc');
        cloud.addresses.push({ allocationId, publicIp: `198.51.100.${cloud.addresses.length + 1}`, tags });
        return allocationId;
      }
      case 'nat': {
        const index = this.state().filter((r) => r.kind === 'nat').length;
        const subnet = cloud.subnetsOf(vpcId)[index];
        const id = cloud.nextId('nat');
        cloud.natGateways.push({ id, subnetId: subnet?.id ?? 'subnet-missing', state: 'available' });
        return id;
      }
      case 'security_group': {
        const id = cloud.nextId('sg');
        cloud.securityGroups.push(
          resource.name === undefined
            ? {
                id,
                name: `${resource.cluster}-node`,
                vpcId,
                tags: { ...tags, [`kubernetes.io/cluster/${resource.cluster}`]: 'owned' },
                referencedBy: [],
              }
            : { id, name: resource.name, vpcId, tags, referencedBy: [] },
        );
        return id;
      }
      case 'eks_cluster':
        cloud.clusters.push({
          name: resource.cluster ?? '',
          status: 'CREATING',
          tags,
          issues: [],
          activeAfterPolls: polls,
        });
        return resource.cluster ?? '';
      case 'eks_node_group': {
        const name = resource.nodegroup ?? '';
        cloud.nodegroups.push({
          cluster: resource.cluster ?? '',
          name,
          status: 'CREATING',
          issues: [],
          activeAfterPolls: polls,
        });
        // One node per group is enough to model what a node group leaves in EC2.
        const nodeTags = { ...tags, 'eks:nodegroup-name': name, 'eks:cluster-name': resource.cluster ?? '' };
        cloud.addInstance('m7i.2xlarge', 4, 2, nodeTags);
        cloud.volumes.push({ id: cloud.nextId('vol'), state: 'in-use', size: 50, tags: nodeTags });
        cloud.networkInterfaces.push({
          id: cloud.nextId('eni'),
          vpcId,
          description: `aws-K8S-${name}`,
          status: 'in-use',
          tags: nodeTags,
        });
        return `${resource.cluster}:${name}`;
      }
      default:
        return cloud.nextId(resource.kind);
    }
  }

  private output(): CommandResult {
    const state = this.state();
    const outputs: Record<string, { value: unknown; type: unknown; sensitive: boolean }> = {};
    const put = (name: string, value: unknown) => {
      outputs[name] = { value, type: 'string', sensitive: false };
    };
    const vpc = state.find((r) => r.kind === 'vpc');
    if (vpc) put('vpc_id', vpc.id);
    for (const which of ['hub', 'load'] as const) {
      const cluster = state.find((r) => r.kind === 'eks_cluster' && r.address.startsWith(`module.${which}.`));
      if (cluster === undefined) continue;
      put(`${which}_cluster_name`, cluster.id);
      put(
        `${which}_cluster_endpoint`,
        `https://${which.toUpperCase()}0123456789ABCDEF.gr7.eu-west-2.eks.amazonaws.com`,
      );
      put(
        `${which}_cluster_certificate_authority_data`,
        Buffer.from(`-----BEGIN CERTIFICATE-----${which}`).toString('base64'),
      );
    }
    if (state.some((r) => r.kind === 'db_instance'))
      put('db_endpoint', 'mlperf-db.abcdefghijkl.eu-west-2.rds.amazonaws.com:3306');
    if (state.some((r) => r.kind === 'elasticache_replication_group')) {
      put('cache_endpoint', 'master.mlperf-cache.abcdef.euw2.cache.amazonaws.com');
    }
    for (const lb of ['ingress', 'prometheus'] as const) {
      const group = state.find((r) => r.address === `aws_security_group.hub_${lb}`);
      if (group) put(`hub_${lb}_security_group_id`, group.id);
    }
    return { exitCode: 0, stdout: JSON.stringify(outputs), stderr: '' };
  }

  private destroy(args: string[]): CommandResult {
    this.readVariables(args); // destroy needs the variables like plan does
    const state = this.state();
    let destroyed = 0;
    while (state.length > 0) {
      const resource = state[state.length - 1] as StateResource;
      const failure = this.remove(resource);
      if (failure !== undefined) {
        return {
          exitCode: 1,
          stdout: `${resource.address}: Destroying... [id=${resource.id}]\n`,
          stderr:
            `\u001b[31m╷\u001b[0m\n\u001b[31m│\u001b[0m \u001b[1m\u001b[31mError: \u001b[0m\u001b[1mdeleting EC2 VPC (${resource.id}): ` +
            `operation error EC2: DeleteVpc, https response error StatusCode: 400, RequestID: 5e1b2c3d, api error DependencyViolation: ${failure}\u001b[0m\n`,
        };
      }
      state.pop();
      destroyed += 1;
    }
    return { exitCode: 0, stdout: `Destroy complete! Resources: ${destroyed} destroyed.\n`, stderr: '' };
  }

  /** Deletes one resource from the cloud; returns AWS's message when a dependency blocks it. */
  private remove(resource: StateResource): string | undefined {
    const cloud = this.cloud;
    switch (resource.kind) {
      case 'vpc': {
        const vpcId = resource.id;
        const blockers = [
          ...cloud.loadBalancers.filter((lb) => lb.vpcId === vpcId).map((lb) => lb.name),
          ...cloud.networkInterfaces.filter((eni) => eni.vpcId === vpcId).map((eni) => eni.id),
          ...cloud.securityGroups
            .filter((sg) => sg.vpcId === vpcId && sg.name !== 'default')
            .map((sg) => sg.id),
        ];
        if (blockers.length > 0) return `The vpc '${vpcId}' has dependencies and cannot be deleted.`;
        cloud.vpcs = cloud.vpcs.filter((vpc) => vpc.id !== vpcId);
        cloud.subnets = cloud.subnets.filter((subnet) => subnet.vpcId !== vpcId);
        cloud.securityGroups = cloud.securityGroups.filter((sg) => sg.vpcId !== vpcId);
        return undefined;
      }
      case 'eip':
        cloud.addresses = cloud.addresses.filter((a) => a.allocationId !== resource.id);
        return undefined;
      case 'nat':
        cloud.natGateways = cloud.natGateways.filter((n) => n.id !== resource.id);
        return undefined;
      case 'security_group':
        cloud.securityGroups = cloud.securityGroups.filter((sg) => sg.id !== resource.id);
        return undefined;
      case 'eks_cluster':
        cloud.clusters = cloud.clusters.filter((c) => c.name !== resource.id);
        return undefined;
      case 'eks_node_group': {
        const [cluster, name] = resource.id.split(':');
        const mine = (tags: Record<string, string>) =>
          tags['eks:nodegroup-name'] === name && tags['eks:cluster-name'] === cluster;
        cloud.nodegroups = cloud.nodegroups.filter((g) => !(g.cluster === cluster && g.name === name));
        cloud.instances = cloud.instances.filter((i) => !mine(i.tags));
        cloud.volumes = cloud.volumes.filter((v) => !mine(v.tags));
        cloud.networkInterfaces = cloud.networkInterfaces.filter((e) => !mine(e.tags));
        return undefined;
      }
      default:
        return undefined;
    }
  }
}
