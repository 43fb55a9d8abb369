/**
 * What the platform phase (03) installs on the hub cluster, in order: the AWS Load Balancer Controller,
 * Istio, cert-manager, Argo CD and kube-prometheus-stack; and what the load-infra phase (05) installs on
 * the load cluster: k6-operator (k6 never runs on the hub cluster). Each release uses its pinned chart
 * and, when it exists, our values file for the run's profile (`helm/values/<key>/<profile>.yaml`), plus
 * the values that depend on the stack (cluster name, region, VPC, the load balancers' security groups),
 * set at install time and never written in a values file. Pure: the filesystem is asked only whether a
 * values file exists.
 */
import path from 'node:path';
import type { RunConfig } from '../config/index.js';
import { SECURITY_GROUP_ID_ALLOWED, SECURITY_GROUP_ID_PATTERN } from '../terraform/outputs.js';
import type { ChartPin } from './pins.js';

export type ClusterRole = 'hub' | 'load';

/** A value of the provisioned stack that a chart needs; known only once provision has run. */
export type StackValueName =
  | 'hubClusterName'
  | 'region'
  | 'vpcId'
  | 'hubIngressSecurityGroupId'
  | 'hubPrometheusSecurityGroupId';

/** The stack values the platform action takes as inputs (the region comes from the run configuration). */
export interface StackValues {
  hubClusterName: string;
  vpcId: string;
  /** Security group Terraform made for the ingress gateway's NLB (terraform/envs/perf/security.tf). */
  hubIngressSecurityGroupId: string;
  /** Security group Terraform made for Prometheus's NLB. */
  hubPrometheusSecurityGroupId: string;
}

/** Where each stack value comes from and what it may look like (the values reach Helm's command line). */
export const STACK_VALUE_RULES: Readonly<
  Record<StackValueName, { origin: string; pattern: RegExp; allowed: string }>
> = {
  hubClusterName: {
    origin: 'provision output hub-cluster-name',
    pattern: /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/,
    allowed: 'an EKS cluster name (letters, digits, - and _, at most 100 characters)',
  },
  region: {
    origin: 'infrastructure.region of the run configuration',
    pattern: /^[a-z]{2}(?:-[a-z]+)+-\d+$/,
    allowed: 'an AWS region name such as eu-west-2',
  },
  vpcId: {
    origin: 'provision outputs.vpcId',
    pattern: /^vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
    allowed: 'a VPC id such as vpc-0123456789abcdef0',
  },
  hubIngressSecurityGroupId: {
    origin: 'provision outputs.hubIngressSecurityGroupId',
    pattern: SECURITY_GROUP_ID_PATTERN,
    allowed: SECURITY_GROUP_ID_ALLOWED,
  },
  hubPrometheusSecurityGroupId: {
    origin: 'provision outputs.hubPrometheusSecurityGroupId',
    pattern: SECURITY_GROUP_ID_PATTERN,
    allowed: SECURITY_GROUP_ID_ALLOWED,
  },
};

/**
 * The Service annotation that hands an NLB the security group Terraform made for it. With it (and
 * `…manage-backend-security-group-rules: "false"`, static in the values files) the controller writes no
 * security group rule, which its IAM policy would refuse anyway.
 */
export const LB_SECURITY_GROUPS_ANNOTATION = 'service.beta.kubernetes.io/aws-load-balancer-security-groups';

/** Helm `--set` path of one entry of an annotations map: the dots inside the annotation name escaped. */
export function annotationPath(annotationsPath: string, annotation: string): string {
  return `${annotationsPath}.${annotation.replaceAll('.', '\\.')}`;
}

/** The parts of a Helm `--set` path: split at dots that are not escaped with a backslash. */
export function helmPathParts(key: string): string[] {
  return key.split(/(?<!\\)\./).map((part) => part.replaceAll('\\.', '.'));
}

/** The value, checked against its rule; throws `<label>: got "…"; allowed: …`. */
export function checkStackValue(name: StackValueName, value: string, label: string): string {
  const rule = STACK_VALUE_RULES[name];
  if (!rule.pattern.test(value)) {
    throw new Error(`${label}: got ${JSON.stringify(value)}; allowed: ${rule.allowed}`);
  }
  return value;
}

export interface PlatformRelease {
  /** Key in helm/versions.yaml and folder under helm/values/. */
  key: string;
  /** Helm release name. */
  release: string;
  namespace: string;
  cluster: ClusterRole;
  /** False for a chart that installs no workloads (CRDs only), so there is nothing to wait for. */
  workloads?: false;
  /**
   * Chart keys (dot paths into the chart's values) set at install time from the stack, never from a
   * values file; the platform tests check them against the vendored upstream values like a values file.
   */
  stackValues?: Readonly<Record<string, StackValueName>>;
  /**
   * Wait for this Deployment only, not for the whole namespace: the release shares its namespace with
   * workloads that are not its own (kube-system holds EKS's add-ons).
   */
  readyDeployment?: string;
}

/**
 * The AWS Load Balancer Controller serves every Service of type LoadBalancer on the hub (the Istio
 * gateway's and Prometheus's internal NLBs). Its release name contains the chart name, so the chart
 * names its Deployment (and webhook Service) after the release.
 */
const LB_CONTROLLER: PlatformRelease = {
  key: 'aws-load-balancer-controller',
  release: 'aws-load-balancer-controller',
  namespace: 'kube-system',
  cluster: 'hub',
  stackValues: { clusterName: 'hubClusterName', region: 'region', vpcId: 'vpcId' },
  readyDeployment: 'aws-load-balancer-controller',
};

/** The ingress gateway's NLB: DFSP mTLS on 443 and the k6 runners' SDK calls on 80, from the load cluster. */
const ISTIO_GATEWAY: PlatformRelease = {
  key: 'istio-gateway',
  release: 'istio-ingressgateway',
  namespace: 'istio-ingress',
  cluster: 'hub',
  stackValues: {
    [annotationPath('service.annotations', LB_SECURITY_GROUPS_ANNOTATION)]: 'hubIngressSecurityGroupId',
  },
};

/** Prometheus's NLB (Service monitoring-kube-prometheus-prometheus): the k6 runners' remote write on 9090. */
const KUBE_PROMETHEUS_STACK: PlatformRelease = {
  key: 'kube-prometheus-stack',
  release: 'monitoring',
  namespace: 'monitoring',
  cluster: 'hub',
  stackValues: {
    [annotationPath('prometheus.service.annotations', LB_SECURITY_GROUPS_ANNOTATION)]:
      'hubPrometheusSecurityGroupId',
  },
};

/**
 * In install order. The load balancer controller comes first and must be ready before any Service of
 * type LoadBalancer exists: its webhook marks such Services as its own on creation (and refuses them
 * while it is down), otherwise the in-tree cloud controller would make a classic load balancer. Then
 * CRDs and the mesh, and what depends on them.
 */
export const PLATFORM_RELEASES: readonly PlatformRelease[] = [
  LB_CONTROLLER,
  { key: 'istio-base', release: 'istio-base', namespace: 'istio-system', cluster: 'hub', workloads: false },
  { key: 'istiod', release: 'istiod', namespace: 'istio-system', cluster: 'hub' },
  ISTIO_GATEWAY,
  { key: 'cert-manager', release: 'cert-manager', namespace: 'cert-manager', cluster: 'hub' },
  { key: 'argo-cd', release: 'argo-cd', namespace: 'argocd', cluster: 'hub' },
  KUBE_PROMETHEUS_STACK,
];

/** Phase 05 on the load cluster. */
export const LOAD_INFRA_RELEASES: readonly PlatformRelease[] = [
  { key: 'k6-operator', release: 'k6-operator', namespace: 'k6-operator-system', cluster: 'load' },
];

/** One `--set-string <key>=<value>` of an install. */
export interface SetValue {
  /** Dot path into the chart's values (dots inside a map key escaped: `a.b\.c`). */
  key: string;
  value: string;
  source: StackValueName;
  /** The plan was made without the stack (the dry run): `value` only says where it would come from. */
  placeholder?: true;
}

export interface PlannedInstall extends PlatformRelease {
  pin: ChartPin;
  /** Absolute paths of the values files passed with -f, in order. */
  valuesFiles: string[];
  /** Stack values passed with --set-string, after the values files. */
  setValues?: SetValue[];
}

export interface PlatformPlanInput {
  config: RunConfig;
  pins: ReadonlyMap<string, ChartPin>;
  /** The repository's helm/values directory. */
  valuesDir: string;
  /** Where the pins came from, for error messages. */
  pinsFile: string;
  exists(file: string): boolean;
  releases?: readonly PlatformRelease[];
  /**
   * The provisioned stack's values. Left out (wholly or in part) only by the dry run, which runs before
   * any stack exists: a missing value becomes a placeholder naming its origin, and `installPlatform`
   * refuses a plan that holds one.
   */
  stack?: Partial<StackValues>;
}

/** What the dry run shows in place of a stack value it cannot know. */
export function stackValuePlaceholder(name: StackValueName): string {
  return `<${STACK_VALUE_RULES[name].origin}>`;
}

function setValuesOf(
  release: PlatformRelease,
  region: string,
  stack: Partial<StackValues> | undefined,
): SetValue[] | undefined {
  if (release.stackValues === undefined) return undefined;
  const known: Partial<Record<StackValueName, string>> = { region, ...stack };
  return Object.entries(release.stackValues).map(([key, source]) => {
    const value = known[source];
    if (value === undefined) {
      return { key, source, value: stackValuePlaceholder(source), placeholder: true as const };
    }
    const label = `${release.key}: ${key} (${STACK_VALUE_RULES[source].origin})`;
    return { key, source, value: checkStackValue(source, value, label) };
  });
}

/**
 * The stack keys of a release as a values document (`{ clusterName: 'hubClusterName', … }`), so the
 * key-existence rule that checks our values files can check them too.
 */
export function stackValuesDocument(release: PlatformRelease): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  for (const [key, source] of Object.entries(release.stackValues ?? {})) {
    const parts = helmPathParts(key);
    let node = document;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node[part] = typeof next === 'object' && next !== null ? next : {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1] as string] = source;
  }
  return document;
}

export function planPlatform(input: PlatformPlanInput): PlannedInstall[] {
  const { config } = input;
  if (config.infrastructure.provider !== 'aws') {
    throw new Error(
      `infrastructure.provider: got ${JSON.stringify(config.infrastructure.provider)}; allowed: aws (a local run has no platform phase: the rehearsal stack stands in for it)`,
    );
  }
  const { region } = config.infrastructure;
  return (input.releases ?? PLATFORM_RELEASES).map((release) => {
    const pin = input.pins.get(release.key);
    if (pin === undefined) {
      throw new Error(
        `${input.pinsFile}: no chart pinned for ${release.key}; allowed: an entry {key: ${release.key}, repo, chart, version, verified}`,
      );
    }
    const values = path.join(input.valuesDir, release.key, `${config.profile}.yaml`);
    const setValues = setValuesOf(release, region, input.stack);
    return {
      ...release,
      pin,
      valuesFiles: input.exists(values) ? [values] : [],
      ...(setValues === undefined ? {} : { setValues }),
    };
  });
}
