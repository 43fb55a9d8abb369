import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type TerraformMeta, toTerraformVariables, writeTerraformVariables } from '../../src/index.js';
import { profile, profileWith } from '../aws/profiles.js';

const META: TerraformMeta = {
  runId: 'r42',
  owner: 'octocat',
  expiresAt: '2026-11-26T01:00:00Z',
  pipelineRoleArn: 'arn:aws:iam::123456789012:role/mlperf-pipeline',
};

const group = (
  role: string,
  instance_type: string,
  min: number,
  desired: number,
  max: number,
  tainted: boolean,
) => ({
  instance_type,
  min_size: min,
  desired_size: desired,
  max_size: max,
  labels: { 'mlperf/role': role },
  taints: tainted ? [{ key: 'mlperf/role', value: role, effect: 'NO_SCHEDULE' }] : [],
});

describe('Terraform variables', () => {
  it('maps aws-1000tps to the root stack variables, whole object', async () => {
    expect(toTerraformVariables(await profile('aws-1000tps'), META)).toEqual({
      run_id: 'r42',
      owner: 'octocat',
      expires_at: '2026-11-26T01:00:00Z',
      region: 'eu-west-2',
      pipeline_role_arn: 'arn:aws:iam::123456789012:role/mlperf-pipeline',
      hub_node_groups: {
        'hub-services': group('hub-services', 'm7i.2xlarge', 10, 10, 12, false),
        kafka: group('kafka', 'm7i.2xlarge', 3, 3, 3, true),
        dfsps: group('dfsps', 'c7i.4xlarge', 7, 7, 8, true),
        monitoring: group('monitoring', 'm7i.2xlarge', 2, 2, 2, false),
      },
      load_node_groups: {
        'load-runners': group('load-runners', 'm7i.2xlarge', 2, 2, 2, true),
      },
      database: {
        instance_class: 'db.m6i.2xlarge',
        allocated_storage_gb: 400,
        multi_az: true,
        require_tls: false,
      },
      cache: { node_type: 'cache.m7g.large', replicas: 1 },
      nat_gateways: 'one-per-az',
    });
  });

  it('maps aws-smoke, whole object', async () => {
    expect(toTerraformVariables(await profile('aws-smoke'), META)).toEqual({
      run_id: 'r42',
      owner: 'octocat',
      expires_at: '2026-11-26T01:00:00Z',
      region: 'eu-west-2',
      pipeline_role_arn: 'arn:aws:iam::123456789012:role/mlperf-pipeline',
      hub_node_groups: {
        'hub-services': group('hub-services', 'm7i.xlarge', 3, 3, 4, false),
        kafka: group('kafka', 'm7i.xlarge', 1, 1, 1, true),
        dfsps: group('dfsps', 'c7i.2xlarge', 2, 2, 2, true),
        monitoring: group('monitoring', 'm7i.xlarge', 1, 1, 1, false),
      },
      load_node_groups: { 'load-runners': group('load-runners', 'm7i.large', 1, 1, 1, true) },
      database: {
        instance_class: 'db.m6i.large',
        allocated_storage_gb: 20,
        multi_az: false,
        require_tls: false,
      },
      cache: { node_type: 'cache.t4g.small', replicas: 0 },
      nat_gateways: 'single',
    });
  });

  it('follows overrides of the configuration', async () => {
    const config = await profileWith('aws-smoke', {
      infrastructure: { region: 'us-east-1', natGateways: 'one-per-az' },
    });
    const variables = toTerraformVariables(config, META);
    expect([variables.region, variables.nat_gateways]).toEqual(['us-east-1', 'one-per-az']);
  });

  it('passes requireTls through as database.require_tls', async () => {
    // true is refused with the RDS-backed hub (Mojaloop 17.0.4 has no MySQL TLS setting), so the
    // in-cluster database with a pool it holds is the configuration that can ask for it.
    const config = await profileWith('aws-smoke', {
      infrastructure: { database: { requireTls: true } },
      mojaloop: { database: 'in-cluster', dbPool: { min: 1, max: 3 } },
    });
    expect(toTerraformVariables(config, META).database.require_tls).toBe(true);
  });

  it('refuses the local provider and bad metadata, naming the variable', async () => {
    await expect(profile('local').then((c) => toTerraformVariables(c, META))).rejects.toThrow(
      /provider: got "local"/,
    );
    const config = await profile('aws-smoke');
    expect(() => toTerraformVariables(config, { ...META, runId: 'R_42' })).toThrow(/^run-id: got "R_42"/);
    expect(() => toTerraformVariables(config, { ...META, expiresAt: 'tomorrow' })).toThrow(
      /^expires_at: got "tomorrow"; allowed: an RFC 3339 time/,
    );
    expect(() =>
      toTerraformVariables(config, {
        ...META,
        pipelineRoleArn: 'arn:aws:sts::123456789012:assumed-role/x/y',
      }),
    ).toThrow(/^pipeline_role_arn: got/);
    expect(() => toTerraformVariables(config, { ...META, owner: '' })).toThrow(/^owner: got ""/);
  });

  it('writes *.tfvars.json and nothing else', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tfvars-'));
    try {
      const variables = toTerraformVariables(await profile('aws-smoke'), META);
      const file = path.join(dir, 'run.tfvars.json');
      await writeTerraformVariables(file, variables);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(variables);
      await expect(writeTerraformVariables(path.join(dir, 'run.tfvars'), variables)).rejects.toThrow(
        /must end in \.tfvars\.json/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
