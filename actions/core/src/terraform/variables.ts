/**
 * The root stack's input variables (`terraform/envs/perf/variables.tf`) from the run configuration:
 * a pure function, written to `<name>.tfvars.json` for `plan` and `destroy`.
 */
import { writeFile } from 'node:fs/promises';
import type { NodeGroup, RunConfig } from '../config/index.js';
import { RFC3339_PATTERN, validateRunId } from './run-meta.js';

export const ROLE_LABEL = 'mlperf/role';

export interface TerraformTaint {
  key: string;
  value: string;
  effect: 'NO_SCHEDULE' | 'NO_EXECUTE' | 'PREFER_NO_SCHEDULE';
}

export interface TerraformNodeGroup {
  instance_type: string;
  min_size: number;
  desired_size: number;
  max_size: number;
  labels: Record<string, string>;
  taints: TerraformTaint[];
}

export type HubNodeGroupKey = 'hub-services' | 'kafka' | 'dfsps' | 'monitoring';
export type LoadNodeGroupKey = 'load-runners';

export interface TerraformVariables {
  run_id: string;
  owner: string;
  /** RFC 3339. */
  expires_at: string;
  region: string;
  pipeline_role_arn: string;
  hub_node_groups: Record<HubNodeGroupKey, TerraformNodeGroup>;
  load_node_groups: Record<LoadNodeGroupKey, TerraformNodeGroup>;
  database: {
    instance_class: string;
    allocated_storage_gb: number;
    multi_az: boolean;
    /** RDS refuses unencrypted MySQL connections (the data module's `db_require_tls`). */
    require_tls: boolean;
  };
  cache: { node_type: string; replicas: number };
  nat_gateways: 'single' | 'one-per-az';
}

export interface TerraformMeta {
  runId: string;
  /** Who started the run (GitHub actor); a tag value. */
  owner: string;
  /** RFC 3339 expiry the janitor acts on. */
  expiresAt: string;
  /** IAM role given cluster-admin access entries on both clusters. */
  pipelineRoleArn: string;
}

/** Roles whose nodes only take pods that tolerate them: the broker, the DFSPs and the load runners. */
const TAINTED: ReadonlySet<string> = new Set(['kafka', 'dfsps', 'load-runners']);

function nodeGroup(role: string, group: NodeGroup): TerraformNodeGroup {
  return {
    instance_type: group.instanceType,
    min_size: group.minSize,
    desired_size: group.desiredSize,
    max_size: group.maxSize,
    labels: { [ROLE_LABEL]: role },
    taints: TAINTED.has(role) ? [{ key: ROLE_LABEL, value: role, effect: 'NO_SCHEDULE' }] : [],
  };
}

function validateMeta(meta: TerraformMeta): void {
  validateRunId(meta.runId);
  if (meta.owner.trim() === '' || !/^[\p{L}\p{Z}\p{N}_.:/=+@-]{1,256}$/u.test(meta.owner)) {
    throw new Error(
      `owner: got ${JSON.stringify(meta.owner)}; allowed: 1–256 letters, digits, spaces and _.:/=+-@ (an AWS tag value)`,
    );
  }
  if (!RFC3339_PATTERN.test(meta.expiresAt)) {
    throw new Error(
      `expires_at: got ${JSON.stringify(meta.expiresAt)}; allowed: an RFC 3339 time such as 2026-11-25T18:00:00Z`,
    );
  }
  if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(meta.pipelineRoleArn)) {
    throw new Error(
      `pipeline_role_arn: got ${JSON.stringify(meta.pipelineRoleArn)}; allowed: an IAM role ARN such as arn:aws:iam::123456789012:role/mlperf-pipeline`,
    );
  }
}

export function toTerraformVariables(config: RunConfig, meta: TerraformMeta): TerraformVariables {
  const infra = config.infrastructure;
  if (infra.provider !== 'aws') {
    throw new Error(
      `infrastructure.provider: got ${JSON.stringify(infra.provider)}; Terraform variables exist only for aws`,
    );
  }
  validateMeta(meta);
  const hub = infra.hub.nodeGroups;
  return {
    run_id: meta.runId,
    owner: meta.owner,
    expires_at: meta.expiresAt,
    region: infra.region,
    pipeline_role_arn: meta.pipelineRoleArn,
    hub_node_groups: {
      'hub-services': nodeGroup('hub-services', hub.hubServices),
      kafka: nodeGroup('kafka', hub.kafka),
      dfsps: nodeGroup('dfsps', hub.dfsps),
      monitoring: nodeGroup('monitoring', hub.monitoring),
    },
    load_node_groups: {
      'load-runners': nodeGroup('load-runners', infra.load.nodeGroups.loadRunners),
    },
    database: {
      instance_class: infra.database.instanceClass,
      allocated_storage_gb: infra.database.allocatedStorageGb,
      multi_az: infra.database.multiAz,
      require_tls: infra.database.requireTls,
    },
    cache: { node_type: infra.cache.nodeType, replicas: infra.cache.replicas },
    nat_gateways: infra.natGateways,
  };
}

/** Writes the variables as `*.tfvars.json` (the file name must end so for Terraform to read JSON). */
export async function writeTerraformVariables(file: string, variables: TerraformVariables): Promise<void> {
  if (!file.endsWith('.tfvars.json')) throw new Error(`variables file ${file} must end in .tfvars.json`);
  await writeFile(file, `${JSON.stringify(variables, null, 2)}\n`, 'utf8');
}
