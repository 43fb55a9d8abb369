/**
 * The hub's two internal NLBs (the Istio ingress gateway's and Prometheus's): the platform phase hands
 * each Service the security group Terraform made for it, the values files keep the controller away from
 * security group rules, and the ports Terraform opens are the ports the charts' Services use.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRunConfig } from '../../src/config/load.js';
import {
  annotationPath,
  type ChartPin,
  helmPathParts,
  helmUpgradeArgs,
  LB_SECURITY_GROUPS_ANNOTATION,
  loadChartPins,
  type PlannedInstall,
  planPlatform,
  readStackOutputsInput,
  type StackValues,
} from '../../src/platform/index.js';
import { parseStackOutputs } from '../../src/terraform/outputs.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const HELM_DIR = path.join(ROOT, 'helm');
const PINS_FILE = path.join(HELM_DIR, 'versions.yaml');
const VALUES_DIR = path.join(HELM_DIR, 'values');
const PROFILES = ['aws-smoke', 'aws-1000tps'] as const;

/** Provision outputs of a stack, shaped as EKS and EC2 give them (made up for the test). */
const STACK: StackValues = {
  hubClusterName: 'mlperf-r7-hub',
  vpcId: 'vpc-0a1b2c3d4e5f67890',
  hubIngressSecurityGroupId: 'sg-0a1b2c3d4e5f67890',
  hubPrometheusSecurityGroupId: 'sg-1a2b3c4d',
};

async function plan(profile: (typeof PROFILES)[number], stack?: Partial<StackValues>) {
  return planPlatform({
    config: await loadRunConfig({ profile, profilesDir: path.join(ROOT, 'profiles') }),
    pins: await loadChartPins(PINS_FILE),
    valuesDir: VALUES_DIR,
    pinsFile: PINS_FILE,
    exists: existsSync,
    ...(stack === undefined ? {} : { stack }),
  });
}

function release(installs: readonly PlannedInstall[], key: string): PlannedInstall {
  const found = installs.find((i) => i.key === key);
  if (found === undefined) throw new Error(`no ${key} in the plan`);
  return found;
}

/** The chart's vendored values.yaml, at its valuesRoot (helm/README.md). */
function upstreamValues(pin: ChartPin): Record<string, unknown> {
  const file = path.join(HELM_DIR, 'upstream', `${pin.key}-${pin.version}.values.yaml`);
  let node: unknown = parse(readFileSync(file, 'utf8'));
  for (const key of pin.valuesRoot?.split('.') ?? []) node = (node as Record<string, unknown>)[key];
  return node as Record<string, unknown>;
}

/** The numbers of a `map(number)` or `number` variable's default in terraform/envs/perf/variables.tf. */
function terraformDefault(name: string): Record<string, number> | number {
  const text = readFileSync(path.join(ROOT, 'terraform/envs/perf/variables.tf'), 'utf8');
  const block = text.split(/^variable\s+"/m).find((b) => b.startsWith(`${name}"`));
  if (block === undefined) throw new Error(`variables.tf declares no ${name}`);
  const scalar = block.match(/^\s+default\s*=\s*(\d+)\s*$/m);
  if (scalar) return Number(scalar[1]);
  const map = block.match(/^\s+default\s*=\s*\{([^}]*)\}/m);
  if (map === null) throw new Error(`${name} has no default`);
  return Object.fromEntries(
    [...(map[1] ?? '').matchAll(/(\w+)\s*=\s*(\d+)/g)].map((m) => [m[1] ?? '', Number(m[2])]),
  );
}

const ESCAPED_SG_ANNOTATION = 'service\\.beta\\.kubernetes\\.io/aws-load-balancer-security-groups';

describe('the NLBs of the hub get the security groups Terraform made for them', () => {
  for (const profile of PROFILES) {
    it(`${profile}: the security group id follows the values file as --set-string, the annotation's dots escaped`, async () => {
      const installs = await plan(profile, STACK);
      const gateway = helmUpgradeArgs(release(installs, 'istio-gateway'), 'k');
      expect(gateway.slice(-4)).toEqual([
        '--values',
        path.join(VALUES_DIR, 'istio-gateway', `${profile}.yaml`),
        '--set-string',
        `service.annotations.${ESCAPED_SG_ANNOTATION}=sg-0a1b2c3d4e5f67890`,
      ]);
      const monitoring = helmUpgradeArgs(release(installs, 'kube-prometheus-stack'), 'k');
      expect(monitoring.slice(-4)).toEqual([
        '--values',
        path.join(VALUES_DIR, 'kube-prometheus-stack', `${profile}.yaml`),
        '--set-string',
        `prometheus.service.annotations.${ESCAPED_SG_ANNOTATION}=sg-1a2b3c4d`,
      ]);
    });
  }

  it('escapes an annotation name for Helm and reads it back as one key', () => {
    const key = annotationPath('prometheus.service.annotations', LB_SECURITY_GROUPS_ANNOTATION);
    expect(key).toBe(`prometheus.service.annotations.${ESCAPED_SG_ANNOTATION}`);
    expect(helmPathParts(key)).toEqual([
      'prometheus',
      'service',
      'annotations',
      LB_SECURITY_GROUPS_ANNOTATION,
    ]);
    expect(helmPathParts('serviceAccount.name')).toEqual(['serviceAccount', 'name']);
  });

  it('refuses a security group that is not an sg- id, naming the release, key, origin and what is allowed', async () => {
    await expect(
      plan('aws-smoke', { ...STACK, hubIngressSecurityGroupId: 'mlperf-r7-hub-ingress' }),
    ).rejects.toThrow(
      `istio-gateway: service.annotations.${ESCAPED_SG_ANNOTATION} (provision outputs.hubIngressSecurityGroupId): got "mlperf-r7-hub-ingress"; allowed: a security group id such as sg-0123456789abcdef0`,
    );
    // Two groups joined by a comma would be a valid annotation but a second --set-string key for Helm.
    await expect(
      plan('aws-smoke', { ...STACK, hubPrometheusSecurityGroupId: 'sg-1a2b3c4d,sg-5e6f7a8b' }),
    ).rejects.toThrow(
      /kube-prometheus-stack: .*\(provision outputs.hubPrometheusSecurityGroupId\): got "sg-1a2b3c4d,sg-5e6f7a8b"/,
    );
  });

  it('without the stack (the dry run) each NLB release shows where its security group comes from', async () => {
    const installs = await plan('aws-smoke', { hubClusterName: 'mlperf-r7-hub' });
    expect(helmUpgradeArgs(release(installs, 'istio-gateway'), 'k').at(-1)).toBe(
      `service.annotations.${ESCAPED_SG_ANNOTATION}=<provision outputs.hubIngressSecurityGroupId>`,
    );
    expect(release(installs, 'kube-prometheus-stack').setValues).toEqual([
      {
        key: `prometheus.service.annotations.${ESCAPED_SG_ANNOTATION}`,
        source: 'hubPrometheusSecurityGroupId',
        value: '<provision outputs.hubPrometheusSecurityGroupId>',
        placeholder: true,
      },
    ]);
  });
});

describe('the NLB Services in our values files', () => {
  interface Service {
    type?: string;
    annotations?: Record<string, unknown>;
  }
  const services: Record<
    string,
    (values: { service?: Service; prometheus?: { service?: Service } }) => Service | undefined
  > = {
    'istio-gateway': (values) => values.service,
    'kube-prometheus-stack': (values) => values.prometheus?.service,
  };

  for (const profile of PROFILES) {
    for (const [key, serviceOf] of Object.entries(services)) {
      it(`${key}/${profile}: internal NLB, IP targets, no security group rules by the controller`, () => {
        const values = parse(readFileSync(path.join(VALUES_DIR, key, `${profile}.yaml`), 'utf8'));
        const service = serviceOf(values);
        if (service === undefined) throw new Error(`${key}/${profile}: no Service values`);
        expect(service.type).toBe('LoadBalancer');
        expect(service.annotations).toEqual({
          'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
          'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
          'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
          // A string: annotation values are strings, and a YAML boolean would fail the Service.
          'service.beta.kubernetes.io/aws-load-balancer-manage-backend-security-group-rules': 'false',
        });
        // Source ranges make the controller write security group rules, which its IAM policy refuses.
        expect(service).not.toHaveProperty('loadBalancerSourceRanges');
        // The ports are the chart's: Terraform's rules below are checked against the upstream defaults.
        expect(service).not.toHaveProperty('ports');
        expect(service).not.toHaveProperty('port');
        expect(service).not.toHaveProperty('targetPort');
      });
    }
  }

  it("Terraform opens exactly the gateway Service's ports (80, 443 from the load nodes; 80, 443, 15021 to the pods)", async () => {
    const pin = (await loadChartPins(PINS_FILE)).get('istio-gateway');
    if (pin === undefined) throw new Error('istio-gateway is not pinned');
    const ports = (
      upstreamValues(pin).service as { ports: Array<{ name: string; port: number; targetPort: number }> }
    ).ports;
    const targets = Object.values(terraformDefault('ingress_gateway_target_ports') as Record<string, number>);
    expect(targets.sort()).toEqual(ports.map((p) => p.targetPort).sort());
    // The status port serves only the NLB's health checks; the load cluster calls the others.
    const listeners = Object.values(
      terraformDefault('ingress_gateway_listener_ports') as Record<string, number>,
    );
    expect(listeners.sort()).toEqual(
      ports
        .filter((p) => p.name !== 'status-port')
        .map((p) => p.port)
        .sort(),
    );
    expect(listeners).toContain(80);
  });

  it("Terraform opens Prometheus's Service port, which the ladder phase's remote write uses", async () => {
    const pin = (await loadChartPins(PINS_FILE)).get('kube-prometheus-stack');
    if (pin === undefined) throw new Error('kube-prometheus-stack is not pinned');
    const service = (upstreamValues(pin).prometheus as { service: { port: number; targetPort: number } })
      .service;
    expect(terraformDefault('prometheus_port')).toBe(service.port);
    expect(service.targetPort).toBe(service.port);
  });
});

describe('the stack-outputs input', () => {
  const FIELDS = ['vpcId', 'hubIngressSecurityGroupId', 'hubPrometheusSecurityGroupId'] as const;
  /** What the provision action outputs as `outputs`: parseStackOutputs of a stack's outputs, as JSON. */
  const provisionOutputs = () =>
    parseStackOutputs(
      Object.fromEntries(
        Object.entries({
          hub_cluster_name: 'mlperf-r7-hub',
          hub_cluster_endpoint: 'https://HUB.gr7.eu-west-2.eks.amazonaws.com',
          hub_cluster_certificate_authority_data: 'SFVC',
          load_cluster_name: 'mlperf-r7-load',
          load_cluster_endpoint: 'https://LOAD.gr7.eu-west-2.eks.amazonaws.com',
          load_cluster_certificate_authority_data: 'TE9BRA==',
          vpc_id: STACK.vpcId,
          db_endpoint: 'db.example.internal:3306',
          cache_endpoint: 'cache.example.internal',
          hub_ingress_security_group_id: STACK.hubIngressSecurityGroupId,
          hub_prometheus_security_group_id: STACK.hubPrometheusSecurityGroupId,
        }).map(([name, value]) => [name, { value, type: 'string', sensitive: false }]),
      ),
    );

  it("reads the fields it is asked for from the provision action's outputs", () => {
    expect(readStackOutputsInput(JSON.stringify(provisionOutputs()), 'stack-outputs', FIELDS)).toEqual({
      vpcId: STACK.vpcId,
      hubIngressSecurityGroupId: STACK.hubIngressSecurityGroupId,
      hubPrometheusSecurityGroupId: STACK.hubPrometheusSecurityGroupId,
    });
  });

  it.each([
    ['{', 'input stack-outputs is not JSON; allowed: the outputs output of the provision action'],
    [
      '[]',
      'input stack-outputs: got a list; allowed: the outputs output of the provision action (a JSON object)',
    ],
    ['"sg-0a1b2c3d"', 'input stack-outputs: got a string; allowed:'],
    [
      JSON.stringify({ ...STACK, hubPrometheusSecurityGroupId: undefined }),
      'input stack-outputs: field hubPrometheusSecurityGroupId: missing; allowed: a security group id such as sg-0123456789abcdef0',
    ],
    [
      JSON.stringify({ ...STACK, hubIngressSecurityGroupId: 'sg-XYZ' }),
      'input stack-outputs: field hubIngressSecurityGroupId: got "sg-XYZ"; allowed: a security group id such as sg-0123456789abcdef0',
    ],
    [
      JSON.stringify({ ...STACK, hubIngressSecurityGroupId: ['sg-0a1b2c3d'] }),
      'input stack-outputs: field hubIngressSecurityGroupId: got ["sg-0a1b2c3d"]; allowed: a security group id',
    ],
    [
      JSON.stringify({ ...STACK, vpcId: 'subnet-0a1b2c3d' }),
      'input stack-outputs: field vpcId: got "subnet-0a1b2c3d"; allowed: a VPC id such as vpc-0123456789abcdef0',
    ],
  ])('refuses %s naming the input, the field, the value and what is allowed', (raw, message) => {
    expect(() => readStackOutputsInput(raw, 'stack-outputs', FIELDS)).toThrow(message);
  });
});
