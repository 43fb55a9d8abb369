import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provisionStack, renderTeardownMarkdown, runTeardown } from '../../src/index.js';
import { clusterName } from './fake-terraform.js';
import { World } from './world.js';

describe('teardown against the fake world', () => {
  let world: World;
  beforeEach(async () => {
    world = await new World().open();
  });
  afterEach(async () => world.close());

  /** Provision fully, then do what the platform phase does: Services of type LoadBalancer. */
  async function provisionWithLoadBalancers() {
    const { tf } = world.terraform({ activeAfterPolls: 1 });
    const result = await provisionStack(await world.provisionInput(), world.provisionDeps(tf));
    const hubNodeGroup = world.cloud.securityGroups.find(
      (sg) => sg.name === `${result.outputs.hub.name}-node`,
    );
    world.cloud.addKubernetesLoadBalancer(result.outputs.hub.name, result.outputs.vpcId, 'network', {
      nodeSecurityGroupId: hubNodeGroup?.id,
    });
    world.cloud.addKubernetesLoadBalancer(result.outputs.hub.name, result.outputs.vpcId, 'classic', {
      nodeSecurityGroupId: hubNodeGroup?.id,
    });
    world.cloud.addKubernetesLoadBalancer(result.outputs.load.name, result.outputs.vpcId, 'classic');
    return result;
  }

  const empty = (w: World) => ({
    vpcs: w.cloud.vpcs.length,
    clusters: w.cloud.clusters.length,
    loadBalancers: w.cloud.loadBalancers.length,
    networkInterfaces: w.cloud.networkInterfaces.length,
    securityGroups: w.cloud.securityGroups.length,
    addresses: w.cloud.addresses.length,
    volumes: w.cloud.volumes.length,
    instances: w.cloud.instances.length,
  });
  const NOTHING = {
    vpcs: 0,
    clusters: 0,
    loadBalancers: 0,
    networkInterfaces: 0,
    securityGroups: 0,
    addresses: 0,
    volumes: 0,
    instances: 0,
  };

  it('deletes Kubernetes load balancers first, destroys the stack (retrying the referenced groups) and finds nothing left', async () => {
    await provisionWithLoadBalancers();
    const { runner, tf } = world.terraform();
    const report = await runTeardown(await world.teardownInput(), world.teardownDeps(tf));

    expect(report.steps.map((s) => [s.step, s.ok])).toEqual([
      ['init', true],
      ['load balancers', true],
      ['destroy', true],
      ['orphan check', true],
    ]);
    expect(report.ok).toBe(true);
    expect(report.loadBalancers?.deleted).toHaveLength(3);
    expect(report.loadBalancers?.clusterNames).toEqual([
      clusterName('r42', 'hub'),
      clusterName('r42', 'load'),
    ]);
    // The groups the node security group referenced could only go once Terraform removed it.
    expect(report.loadBalancers?.securityGroupsDeferred).toHaveLength(2);
    expect(report.destroyAttempts).toBe(2);
    expect(report.securityGroupsLeft).toEqual([]);
    expect(runner.state()).toEqual([]);
    expect(empty(world)).toEqual(NOTHING);
    // Load balancers were deleted before terraform destroy ran.
    const firstDestroy = world.cloud.calls.indexOf('elasticloadbalancing:DeleteLoadBalancer');
    expect(firstDestroy).toBeGreaterThan(-1);
    expect(renderTeardownMarkdown(report)).toContain('## Teardown: run r42 — clean');
  });

  it('is safe to run twice: the second run finds nothing and succeeds', async () => {
    await provisionWithLoadBalancers();
    await runTeardown(await world.teardownInput(), world.teardownDeps(world.terraform().tf));
    const callsBefore = world.cloud.calls.length;
    const { runner, tf } = world.terraform();
    const again = await runTeardown(await world.teardownInput(), world.teardownDeps(tf));
    expect(again.ok).toBe(true);
    expect(again.loadBalancers?.deleted).toEqual([]);
    expect(again.destroyAttempts).toBe(1);
    expect(runner.commands.map((c) => c.args[0])).toEqual(['init', 'output', 'destroy']);
    expect(world.cloud.calls.slice(callsBefore)).not.toContain('elasticloadbalancing:DeleteLoadBalancer');
  });

  it('cleans up after a half-finished apply (no outputs, one cluster, no node groups)', async () => {
    const { tf: applying } = world.terraform({ failApplyAfter: 4 }); // VPC, EIP, NAT, hub node SG
    await provisionStack(await world.provisionInput(), world.provisionDeps(applying)).catch(() => undefined);
    expect(world.cloud.vpcs).toHaveLength(1);
    expect(world.cloud.clusters).toEqual([]);

    const { runner, tf } = world.terraform();
    const report = await runTeardown(await world.teardownInput(), world.teardownDeps(tf));
    expect(report.ok).toBe(true);
    expect(report.loadBalancers?.vpcIds).toHaveLength(1);
    expect(report.loadBalancers?.clusterNames).toEqual([]);
    expect(runner.state()).toEqual([]);
    expect(empty(world)).toEqual(NOTHING);
  });

  it('keeps sweeping when a controller recreates a load balancer during destroy', async () => {
    const provisioned = await provisionWithLoadBalancers();
    let recreated = 0;
    world.cloud.onLoadBalancerDeleted = (lb) => {
      // The hub's in-cluster controller puts its ingress back once while the cluster still exists.
      if (recreated === 0 && lb.type === 'network' && world.cloud.clusters.length > 0) {
        recreated += 1;
        world.cloud.addKubernetesLoadBalancer(
          provisioned.outputs.hub.name,
          provisioned.outputs.vpcId,
          'network',
        );
      }
    };
    const report = await runTeardown(await world.teardownInput(), world.teardownDeps(world.terraform().tf));
    expect(recreated).toBe(1);
    expect(report.ok).toBe(true);
    expect(empty(world)).toEqual(NOTHING);
  });

  it('reports leftovers and fails: a volume Kubernetes made outlives the cluster', async () => {
    const provisioned = await provisionWithLoadBalancers();
    world.cloud.volumes.push({
      id: 'vol-kafka-pv',
      state: 'available',
      size: 200,
      tags: { [`kubernetes.io/cluster/${provisioned.outputs.hub.name}`]: 'owned', Name: 'data-kafka-0' },
    });
    const report = await runTeardown(await world.teardownInput(), world.teardownDeps(world.terraform().tf));
    expect(report.ok).toBe(false);
    expect(report.steps.find((s) => s.step === 'orphan check')).toEqual({
      step: 'orphan check',
      ok: false,
      detail: '1 leftover resource(s)',
    });
    expect(report.orphans?.orphans).toEqual([
      { kind: 'volume', id: 'vol-kafka-pv', detail: 'available 200 GiB data-kafka-0' },
    ]);
    const markdown = renderTeardownMarkdown(report);
    expect(markdown).toContain('## Teardown: run r42 — NOT clean');
    expect(markdown).toContain('| volume | `vol-kafka-pv` | available 200 GiB data-kafka-0 |');
  });

  it('still sweeps and checks when terraform init fails, and fails the step', async () => {
    await provisionWithLoadBalancers();
    const { tf } = world.terraform();
    const input = {
      ...(await world.teardownInput()),
      backend: { ...(await world.teardownInput()).backend, key: '' },
    };
    const broken = {
      ...world.teardownDeps(tf),
      terraform: {
        init: async () => {
          throw new Error('terraform init failed (exit 1): AccessDenied on s3://mlperf-state');
        },
        outputJson: tf.outputJson.bind(tf),
        destroy: tf.destroy.bind(tf),
      },
    };
    const report = await runTeardown(input, broken);
    expect(report.steps.map((s) => [s.step, s.ok])).toEqual([
      ['init', false],
      ['load balancers', true],
      ['destroy', false],
      ['orphan check', false],
    ]);
    expect(report.steps[2]?.detail).toBe('skipped: terraform init failed, so the state could not be read');
    expect(report.loadBalancers?.deleted).toHaveLength(3);
  });
});
