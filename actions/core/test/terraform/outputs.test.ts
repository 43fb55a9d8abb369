import { describe, expect, it } from 'vitest';
import {
  clusterNamesFromOutputs,
  OUTPUT_NAMES,
  parseStackOutputs,
  StackOutputsError,
} from '../../src/index.js';

const out = (value: unknown, sensitive = false) => ({ value, type: 'string', sensitive });

const COMPLETE = {
  hub_cluster_name: out('mlperf-r42-hub'),
  hub_cluster_endpoint: out('https://ABC.gr7.eu-west-2.eks.amazonaws.com'),
  hub_cluster_certificate_authority_data: out('LS0tLS1CRUdJTg=='),
  load_cluster_name: out('mlperf-r42-load'),
  load_cluster_endpoint: out('https://DEF.gr7.eu-west-2.eks.amazonaws.com'),
  load_cluster_certificate_authority_data: out('TFMwdExTMUNS'),
  vpc_id: out('vpc-0abc123'),
  db_endpoint: out('mlperf.xyz.eu-west-2.rds.amazonaws.com:3306'),
  cache_endpoint: out('master.mlperf.abc.euw2.cache.amazonaws.com'),
  hub_ingress_security_group_id: out('sg-0a1b2c3d4e5f67890'),
  hub_prometheus_security_group_id: out('sg-1234abcd'),
  db_password: out('s3cr3t-value', true),
};

describe('stack outputs', () => {
  it('types the outputs later phases need', () => {
    expect(parseStackOutputs({ ...COMPLETE, hub_node_group_names: out(['hub-services', 'kafka']) })).toEqual({
      hub: {
        name: 'mlperf-r42-hub',
        endpoint: 'https://ABC.gr7.eu-west-2.eks.amazonaws.com',
        certificateAuthorityData: 'LS0tLS1CRUdJTg==',
        nodeGroupNames: ['hub-services', 'kafka'],
      },
      load: {
        name: 'mlperf-r42-load',
        endpoint: 'https://DEF.gr7.eu-west-2.eks.amazonaws.com',
        certificateAuthorityData: 'TFMwdExTMUNS',
        nodeGroupNames: undefined,
      },
      vpcId: 'vpc-0abc123',
      dbEndpoint: 'mlperf.xyz.eu-west-2.rds.amazonaws.com:3306',
      cacheEndpoint: 'master.mlperf.abc.euw2.cache.amazonaws.com',
      hubIngressSecurityGroupId: 'sg-0a1b2c3d4e5f67890',
      hubPrometheusSecurityGroupId: 'sg-1234abcd',
      dbMasterSecretArn: null,
    });
  });

  it('passes the RDS master secret ARN through, and refuses anything else in its place', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:rds!db-0a1b2c-AbCdEf';
    expect(parseStackOutputs({ ...COMPLETE, db_master_user_secret_arn: out(arn) }).dbMasterSecretArn).toBe(
      arn,
    );
    expect(
      parseStackOutputs({ ...COMPLETE, db_master_user_secret_arn: out(null) }).dbMasterSecretArn,
    ).toBeNull();
    expect(() =>
      parseStackOutputs({ ...COMPLETE, db_master_user_secret_arn: out('{"password":"s3cr3t"}') }),
    ).toThrow(/db_master_user_secret_arn: not a Secrets Manager secret ARN/);
    try {
      parseStackOutputs({ ...COMPLETE, db_master_user_secret_arn: out('{"password":"s3cr3t"}') });
    } catch (e) {
      expect((e as Error).message).not.toContain('s3cr3t');
    }
  });

  it('names every missing or malformed output and the ones present, never a value', () => {
    const { vpc_id: _vpc, cache_endpoint: _cache, ...rest } = COMPLETE;
    const error = (() => {
      try {
        parseStackOutputs({ ...rest, hub_cluster_endpoint: out('http://plain.example s3cr3t') });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(StackOutputsError);
    expect(error?.message).toContain('  - hub_cluster_endpoint: not an https:// endpoint URL');
    expect(error?.message).toContain('  - vpc_id: missing');
    expect(error?.message).toContain('  - cache_endpoint: missing');
    expect(error?.message).toContain(
      'outputs present: db_endpoint, db_password, hub_cluster_certificate_authority_data',
    );
    expect(error?.message).not.toContain('s3cr3t');
  });

  it('requires both load balancer security groups as sg- ids (the Services name them in an annotation)', () => {
    const { hub_prometheus_security_group_id: _prometheus, ...withoutPrometheus } = COMPLETE;
    expect(() => parseStackOutputs(withoutPrometheus)).toThrow(
      /\n {2}- hub_prometheus_security_group_id: missing\n/,
    );
    // A group name, an upper-case or short id are refused, naming the output and the form.
    for (const bad of ['mlperf-r42-hub-ingress', 'sg-0A1B2C3D4E5F67890', 'sg-123']) {
      expect(() => parseStackOutputs({ ...COMPLETE, hub_ingress_security_group_id: out(bad) })).toThrow(
        'hub_ingress_security_group_id: not a security group id such as sg-0123456789abcdef0',
      );
    }
    expect(() =>
      parseStackOutputs({ ...COMPLETE, hub_ingress_security_group_id: out(['sg-0a1b2c3d4e5f67890']) }),
    ).toThrow('hub_ingress_security_group_id: not a string');
  });

  it('declares the names in one place', () => {
    expect(Object.values(OUTPUT_NAMES).sort()).toEqual(
      Object.keys(COMPLETE)
        .filter((k) => k !== 'db_password')
        .sort(),
    );
  });

  it('reads cluster names from partial outputs without failing', () => {
    expect(clusterNamesFromOutputs({ hub_cluster_name: out('mlperf-r42-hub') })).toEqual(['mlperf-r42-hub']);
    expect(clusterNamesFromOutputs({})).toEqual([]);
    expect(clusterNamesFromOutputs('garbage')).toEqual([]);
  });
});
