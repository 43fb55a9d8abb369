import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRunConfig, type RunConfig } from '../../src/config/index.js';
import { MOJALOOP_COMPONENTS, totalDbConnections } from '../../src/config/mojaloop.js';
import { rdsMaxConnections, usableConnections } from '../../src/config/rds-memory.js';
import {
  IN_CLUSTER_INFRA,
  MOJALOOP_TOPICS,
  mergeValues,
  minInsyncReplicas,
  mojaloopProfileValues,
  mojaloopValues,
  topicPartitions,
  type Values,
} from '../../src/mojaloop/values.js';

const PROFILES_DIR = fileURLToPath(new URL('../../../../profiles/', import.meta.url));
const load = (profile: string) => loadRunConfig({ profile, profilesDir: PROFILES_DIR });
const RDS = {
  database: { host: 'mlperf-r7.abc.eu-west-2.rds.amazonaws.com', port: 3306, user: 'mlperf_admin' },
  kafka: { host: 'kafka.mojaloop.svc.cluster.local', port: 9092 },
};

function dig(values: Values, ...keys: string[]): unknown {
  let node: unknown = values;
  for (const key of keys) node = (node as Values | undefined)?.[key];
  return node;
}

function componentValues(umbrella: Values, chart: string, subchart: string): Values {
  return (subchart === '' ? dig(umbrella, chart) : dig(umbrella, chart, subchart)) as Values;
}

describe.each(['aws-1000tps', 'aws-smoke'])('mojaloop values of %s', (profile) => {
  it('give every Kafka topic as many partitions as its consumers have replicas', async () => {
    const config = await load(profile);
    const { umbrella, backend } = mojaloopValues(config, RDS);
    const topics = dig(backend, 'kafka', 'provisioning', 'topics') as Array<{
      name: string;
      partitions: number;
      replicationFactor: number;
    }>;
    expect(topics.map((t) => t.name)).toEqual(MOJALOOP_TOPICS);
    const consumers = MOJALOOP_COMPONENTS.filter((c) => c.topics !== undefined);
    expect(consumers.length).toBeGreaterThanOrEqual(5);
    for (const consumer of consumers) {
      const replicas = componentValues(umbrella, consumer.chart, consumer.subchart).replicaCount;
      for (const topic of consumer.topics ?? []) {
        expect(topics.find((t) => t.name === topic)?.partitions, topic).toBe(replicas);
      }
    }
    for (const topic of topics)
      expect(topic.replicationFactor).toBe(config.mojaloop?.kafka.replicationFactor);
  });

  it('keep the pools of every DB-using pod within the database connection limit', async () => {
    const config = await load(profile);
    if (config.infrastructure.provider !== 'aws' || !config.mojaloop) throw new Error('an aws profile');
    const { umbrella } = mojaloopValues(config, RDS);
    let sum = 0;
    for (const component of MOJALOOP_COMPONENTS.filter((c) => c.database)) {
      const values = componentValues(umbrella, component.chart, component.subchart);
      const pool = component.fixedPoolMax ?? (dig(values, 'config', 'db_connection_pool_max') as number);
      expect(pool, component.subchart || component.chart).toBeGreaterThan(0);
      sum += (values.replicaCount as number) * pool;
    }
    expect(sum).toBe(totalDbConnections(config.mojaloop).connections);
    const limit = rdsMaxConnections(config.infrastructure.database.instanceClass);
    expect(limit).not.toBeNull();
    expect(sum).toBeLessThanOrEqual(usableConnections(limit ?? 0));
  });

  it('switch on batched positions, JWS signing with the hub key, and keep passwords out', async () => {
    const config = await load(profile);
    const { umbrella } = mojaloopValues(config, RDS);
    const batch = componentValues(umbrella, 'centralledger', 'centralledger-handler-transfer-position-batch');
    expect(batch.enabled).toBe(true);
    expect(dig(batch, 'config', 'batch_size')).toBe(100);
    expect(dig(umbrella, 'centralledger', 'centralledger-handler-transfer-position', 'enabled')).toBe(false);
    for (const producer of [
      'centralledger-handler-transfer-prepare',
      'centralledger-handler-transfer-fulfil',
    ]) {
      expect(
        dig(componentValues(umbrella, 'centralledger', producer), 'config', 'batch_processing_enabled'),
      ).toBe(true);
    }
    for (const [chart, sub] of [
      ['ml-api-adapter', 'ml-api-adapter-handler-notification'],
      ['account-lookup-service', 'account-lookup-service'],
      ['quoting-service', 'quoting-service'],
      ['quoting-service', 'quoting-service-handler'],
    ] as const) {
      expect(dig(componentValues(umbrella, chart, sub), 'config', 'endpointSecurity'), sub).toEqual({
        jwsSign: true,
        jwsSigningKeySecret: { name: 'hub-jws-signing-key', key: 'private.pem' },
      });
    }
    expect(config.security).toEqual({ mtls: true, jwsSign: true, jwsValidate: true, ilp: true });
    const text = JSON.stringify(mojaloopValues(config, RDS));
    expect(text).not.toMatch(/db_password|"password"/);
    expect(text).toContain('"db_secret":{"name":"mojaloop-db","key":"mysql-password"}');
  });
});

describe('mojaloop values', () => {
  it('put the run part (database host and user, Kafka address) over the profile part', async () => {
    const config = await load('aws-smoke');
    const { umbrella } = mojaloopValues(config, RDS);
    const prepare = componentValues(umbrella, 'centralledger', 'centralledger-handler-transfer-prepare');
    expect(prepare.config).toMatchObject({
      db_host: RDS.database.host,
      db_port: 3306,
      db_user: 'mlperf_admin',
      db_database: 'central_ledger',
      kafka_host: RDS.kafka.host,
      db_connection_pool_max: 10,
    });
    expect(JSON.stringify(mojaloopProfileValues(config))).not.toContain(RDS.database.host);
  });

  it('run MySQL in-cluster only when the profile says so, with each schema its own user', async () => {
    const config = (await load('aws-smoke')) as RunConfig;
    const inCluster = {
      ...config,
      mojaloop: {
        ...(config.mojaloop as NonNullable<RunConfig['mojaloop']>),
        database: 'in-cluster' as const,
      },
    };
    expect(dig(mojaloopValues(config, RDS).backend, 'mysql', 'enabled')).toBe(false);
    const { umbrella, backend } = mojaloopValues(inCluster, IN_CLUSTER_INFRA);
    expect(dig(backend, 'mysql')).toMatchObject({ enabled: true, auth: { existingSecret: 'mojaloop-db' } });
    expect(dig(umbrella, 'account-lookup-service', 'account-lookup-service', 'config', 'db_user')).toBe(
      'account_lookup',
    );
    expect(dig(umbrella, 'als-msisdn-oracle', 'config', 'db_host')).toBe(
      'mysqldb.mojaloop.svc.cluster.local',
    );
  });

  it('size Kafka like round 2: partitions from the consumers, acks=all safety from the replication factor', async () => {
    const config = await load('aws-1000tps');
    const partitions = topicPartitions(config.mojaloop as NonNullable<RunConfig['mojaloop']>);
    expect(Object.fromEntries(partitions)).toMatchObject({
      'topic-transfer-prepare': 12,
      'topic-transfer-fulfil': 12,
      'topic-transfer-position-batch': 8,
      'topic-notification-event': 30,
      'topic-quotes-post': 12,
      'topic-admin-transfer': 1,
    });
    expect(minInsyncReplicas(3)).toBe(2);
    expect(minInsyncReplicas(1)).toBe(1);
  });

  it('refuse a configuration without a mojaloop section, naming it', async () => {
    const config = await load('local');
    expect(() => mojaloopValues(config, RDS)).toThrow(/^mojaloop: got nothing \(missing\)/);
  });

  it('merge like Helm layers values files', () => {
    expect(mergeValues({ a: { b: 1, c: [1] }, d: 1 }, { a: { c: [2] }, e: 2 })).toEqual({
      a: { b: 1, c: [2] },
      d: 1,
      e: 2,
    });
  });
});

describe('rds max_connections', () => {
  it('follows {DBInstanceClassMemory/12582880}', () => {
    expect(rdsMaxConnections('db.m6i.large')).toBe(682);
    expect(rdsMaxConnections('db.m6i.2xlarge')).toBe(2730);
    expect(rdsMaxConnections('db.r6i.large')).toBe(1365);
    expect(rdsMaxConnections('db.x9.huge')).toBeNull();
    expect(usableConnections(2730)).toBe(2047);
  });
});
