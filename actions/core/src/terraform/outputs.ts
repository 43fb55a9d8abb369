/**
 * The root stack's outputs that later phases consume, typed and validated.
 *
 * The names are defined here, in one place, following the modules' `<thing>_<attribute>` naming;
 * `terraform/envs/perf/outputs.tf` declares them (a contract test checks that it still does).
 */
import { z } from 'zod';

export const OUTPUT_NAMES = {
  hubClusterName: 'hub_cluster_name',
  hubClusterEndpoint: 'hub_cluster_endpoint',
  hubClusterCa: 'hub_cluster_certificate_authority_data',
  loadClusterName: 'load_cluster_name',
  loadClusterEndpoint: 'load_cluster_endpoint',
  loadClusterCa: 'load_cluster_certificate_authority_data',
  vpcId: 'vpc_id',
  dbEndpoint: 'db_endpoint',
  cacheEndpoint: 'cache_endpoint',
  hubIngressSecurityGroupId: 'hub_ingress_security_group_id',
  hubPrometheusSecurityGroupId: 'hub_prometheus_security_group_id',
} as const;

/** Optional outputs with a fallback when the stack does not declare them. */
export const OPTIONAL_OUTPUT_NAMES = {
  hubNodeGroupNames: 'hub_node_group_names',
  loadNodeGroupNames: 'load_node_group_names',
  /** Null when the database is not RDS-managed (no master secret); the deploy phase then needs another source. */
  dbMasterSecretArn: 'db_master_user_secret_arn',
} as const;

const OutputEnvelope = z.object({ value: z.unknown(), sensitive: z.boolean().optional() });
const OutputsDocument = z.record(z.string(), OutputEnvelope);

const HOST = z.string().regex(/^[A-Za-z0-9.-]+(?::\d+)?$/, 'a host name, optionally with :port');
const HTTPS_URL = z.string().regex(/^https:\/\/[^\s/]+\/?$/, 'an https:// endpoint URL');
/** A security group id: EC2 ids have 8 (older) or 17 hex digits after the prefix. */
export const SECURITY_GROUP_ID_PATTERN = /^sg-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
export const SECURITY_GROUP_ID_ALLOWED = 'a security group id such as sg-0123456789abcdef0';
const SECURITY_GROUP_ID = z.string().regex(SECURITY_GROUP_ID_PATTERN, SECURITY_GROUP_ID_ALLOWED);
const BASE64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64 data');
const SECRET_ARN = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@!-]+$/,
    'a Secrets Manager secret ARN',
  );

export interface ClusterOutputs {
  name: string;
  endpoint: string;
  /** Base64-encoded PEM of the API server's certificate authority. */
  certificateAuthorityData: string;
  /** Managed node group names, when the stack reports them. */
  nodeGroupNames: string[] | undefined;
}

export interface StackOutputs {
  hub: ClusterOutputs;
  load: ClusterOutputs;
  vpcId: string;
  /** `host:port` of the MySQL endpoint. */
  dbEndpoint: string;
  /** Host of the Redis primary endpoint. */
  cacheEndpoint: string;
  /**
   * Security group of the hub ingress gateway's internal NLB (Service annotation
   * service.beta.kubernetes.io/aws-load-balancer-security-groups; Terraform owns its rules).
   */
  hubIngressSecurityGroupId: string;
  /** Security group of the hub Prometheus's internal NLB (same annotation, on its Service). */
  hubPrometheusSecurityGroupId: string;
  /** ARN of the Secrets Manager secret with the MySQL master credentials (the ARN only, never the value); null when absent. */
  dbMasterSecretArn: string | null;
}

const FIELDS: Record<keyof typeof OUTPUT_NAMES, z.ZodType<string>> = {
  hubClusterName: z.string().min(1),
  hubClusterEndpoint: HTTPS_URL,
  hubClusterCa: BASE64,
  loadClusterName: z.string().min(1),
  loadClusterEndpoint: HTTPS_URL,
  loadClusterCa: BASE64,
  vpcId: z.string().regex(/^vpc-[0-9a-f]+$/, 'a VPC id such as vpc-0abc123'),
  dbEndpoint: HOST,
  cacheEndpoint: HOST,
  hubIngressSecurityGroupId: SECURITY_GROUP_ID,
  hubPrometheusSecurityGroupId: SECURITY_GROUP_ID,
};

export class StackOutputsError extends Error {
  override readonly name = 'StackOutputsError';
}

/** Parses `terraform output -json`; fails naming every missing or malformed output (never its value). */
export function parseStackOutputs(raw: unknown): StackOutputs {
  const document = OutputsDocument.safeParse(raw);
  if (!document.success) {
    throw new StackOutputsError('terraform output -json is not a map of {value, type, sensitive}');
  }
  const outputs = document.data;
  const problems: string[] = [];
  const values = {} as Record<keyof typeof OUTPUT_NAMES, string>;
  for (const [field, name] of Object.entries(OUTPUT_NAMES) as Array<[keyof typeof OUTPUT_NAMES, string]>) {
    const entry = outputs[name];
    if (entry === undefined || entry.value === null || entry.value === undefined) {
      problems.push(`${name}: missing`);
      continue;
    }
    const parsed = FIELDS[field].safeParse(entry.value);
    if (parsed.success) values[field] = parsed.data;
    else {
      // A value of the wrong JSON type gets zod's wording otherwise ("Invalid input: …").
      const issue = parsed.error.issues[0];
      problems.push(
        `${name}: not ${issue?.code === 'invalid_type' ? 'a string' : (issue?.message ?? 'valid')}`,
      );
    }
  }
  const names = (key: string) => {
    const value = outputs[key]?.value;
    if (value === undefined || value === null) return undefined;
    const parsed = z.array(z.string().min(1)).safeParse(value);
    if (!parsed.success) {
      problems.push(`${key}: not a list of node group names`);
      return undefined;
    }
    return parsed.data;
  };
  const hubNodeGroups = names(OPTIONAL_OUTPUT_NAMES.hubNodeGroupNames);
  const loadNodeGroups = names(OPTIONAL_OUTPUT_NAMES.loadNodeGroupNames);
  const dbMasterSecretArn = (() => {
    const value = outputs[OPTIONAL_OUTPUT_NAMES.dbMasterSecretArn]?.value;
    if (value === undefined || value === null) return null;
    const parsed = SECRET_ARN.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push(`${OPTIONAL_OUTPUT_NAMES.dbMasterSecretArn}: not a Secrets Manager secret ARN`);
    return null;
  })();
  if (problems.length > 0) {
    const present = Object.keys(outputs).sort().join(', ') || '(none)';
    throw new StackOutputsError(
      `the stack's outputs do not match what later phases need (names defined in actions/core/src/terraform/outputs.ts):\n` +
        `${problems.map((p) => `  - ${p}`).join('\n')}\n  outputs present: ${present}`,
    );
  }
  return {
    hub: {
      name: values.hubClusterName,
      endpoint: values.hubClusterEndpoint,
      certificateAuthorityData: values.hubClusterCa,
      nodeGroupNames: hubNodeGroups,
    },
    load: {
      name: values.loadClusterName,
      endpoint: values.loadClusterEndpoint,
      certificateAuthorityData: values.loadClusterCa,
      nodeGroupNames: loadNodeGroups,
    },
    vpcId: values.vpcId,
    dbEndpoint: values.dbEndpoint,
    cacheEndpoint: values.cacheEndpoint,
    hubIngressSecurityGroupId: values.hubIngressSecurityGroupId,
    hubPrometheusSecurityGroupId: values.hubPrometheusSecurityGroupId,
    dbMasterSecretArn,
  };
}

/** Cluster names from whatever outputs exist (a partial apply may have only some); never throws. */
export function clusterNamesFromOutputs(raw: unknown): string[] {
  const document = OutputsDocument.safeParse(raw);
  if (!document.success) return [];
  const names: string[] = [];
  for (const key of [OUTPUT_NAMES.hubClusterName, OUTPUT_NAMES.loadClusterName]) {
    const value = document.data[key]?.value;
    if (typeof value === 'string' && value !== '') names.push(value);
  }
  return names;
}
