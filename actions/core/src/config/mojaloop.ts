/**
 * The `mojaloop` section of the run configuration: how the hub's services are sized (REFERENCE §1,
 * "what it took" in the whitepaper's round 2) and the rules that tie the sizing to the infrastructure:
 * API replicas spread evenly over the hub-services nodes, Kafka replication within the brokers there
 * are, and every connection pool within the database's `max_connections`.
 *
 * The component table below is the one list of Mojaloop workloads the pipeline sizes; the Helm values
 * generator (`mojaloop/values.ts`) and the connection-pool rule both read it, so they cannot disagree.
 */
import { z } from 'zod';
import { reject, whenValid } from './cross-field.js';
import { integer } from './fields.js';
import {
  DB_CONNECTION_HEADROOM_PERCENT,
  MYSQL_DEFAULT_MAX_CONNECTIONS,
  RDS_INSTANCE_MEMORY_GIB,
  rdsMaxConnections,
  usableConnections,
} from './rds-memory.js';

const replicas = (what: string) => integer({ min: 1, max: 200 }, 'pods').describe(what);

export const MojaloopReplicasSchema = z.strictObject({
  mlApiAdapter: replicas('ml-api-adapter-service: the FSPIOP /transfers API (HTTP, behind the gateway)'),
  notification: replicas(
    'ml-api-adapter-handler-notification: Kafka consumers of topic-notification-event (its partitions)',
  ),
  centralLedgerAdmin: replicas(
    'centralledger-service: the admin API onboarding calls (off the transfer path)',
  ),
  prepare: replicas(
    'centralledger-handler-transfer-prepare: Kafka consumers of topic-transfer-prepare (its partitions)',
  ),
  positionBatch: replicas(
    'centralledger-handler-transfer-position-batch: Kafka consumers of topic-transfer-position-batch (its partitions)',
  ),
  fulfil: replicas(
    'centralledger-handler-transfer-fulfil: Kafka consumers of topic-transfer-fulfil (its partitions)',
  ),
  accountLookup: replicas('account-lookup-service: the FSPIOP /parties API (HTTP)'),
  oracle: replicas('als-msisdn-oracle: the MSISDN oracle the ALS asks on every lookup (HTTP)'),
  quotingService: replicas('quoting-service: the FSPIOP /quotes API (HTTP)'),
  quotes: replicas(
    'quoting-service-handler: Kafka consumers of topic-quotes-post and topic-quotes-put (their partitions)',
  ),
});

export type MojaloopReplicas = z.infer<typeof MojaloopReplicasSchema>;

export const DbPoolSchema = z
  .strictObject({
    min: integer({ min: 0, max: 100 }, 'connections').describe('Connections each DB-using pod keeps open'),
    max: integer({ min: 1, max: 100 }, 'connections').describe('Most connections one DB-using pod opens'),
  })
  .superRefine(
    (pool, ctx) => {
      if (pool.min > pool.max) reject(ctx, ['min'], `an integer ≤ max (${pool.max})`);
    },
    whenValid(['min'], ['max']),
  );

export const MojaloopSchema = z.strictObject({
  replicas: MojaloopReplicasSchema.describe(
    'Pods per Mojaloop service; a Kafka consumer count is also its topic partition count',
  ),
  positionBatchSize: integer({ min: 1, max: 1000 }, 'messages').describe(
    'Messages the batched position handler takes from Kafka at once',
  ),
  dbPool: DbPoolSchema.describe('Connection pool of every DB-using Mojaloop pod'),
  database: z
    .enum(['rds', 'in-cluster'])
    .describe(
      'MySQL for the hub: the RDS instance of the provision phase, or a MySQL pod on the hub cluster',
    ),
  kafka: z.strictObject({
    replicationFactor: integer({ min: 1, max: 5 }, 'copies').describe(
      'Copies of every topic partition (≤ the Kafka nodes)',
    ),
  }),
});

export type MojaloopSettings = z.infer<typeof MojaloopSchema>;

// ---------------------------------------------------------------- the components

/** How a component's replica count is constrained. */
export type ComponentRole =
  /** HTTP service behind a Kubernetes Service: spread evenly over the hub-services nodes. */
  | 'api'
  /** Kafka consumer: its topics get one partition per replica. */
  | 'consumer'
  /** Off the transfer path: a fixed, small count. */
  | 'support';

/** MySQL schemas the services use (the backend chart's initdb scripts create the same). */
export type MojaloopDatabase = 'central_ledger' | 'account_lookup' | 'oracle_msisdn';

export interface MojaloopComponent {
  /** Top-level key of the umbrella chart (a dependency name in mojaloop/Chart.yaml). */
  chart: string;
  /** The sub-chart's key below it. */
  subchart: string;
  /** Where the replica count comes from: a key of `mojaloop.replicas`, or a fixed count. */
  replicas: keyof MojaloopReplicas | number;
  role: ComponentRole;
  /** The schema it connects to, when it uses MySQL. */
  database?: MojaloopDatabase;
  /** Topics it consumes (partitions = its replicas). */
  topics?: readonly string[];
  /** Whether the pool settings are written into its values (`config.db_connection_pool_min/max`). */
  poolKeys?: boolean;
  /** A pool size the chart fixes (not settable by values), counted instead of mojaloop.dbPool.max. */
  fixedPoolMax?: number;
}

/** Replicas of each support component: they carry no load during a run. */
export const SUPPORT_REPLICAS = 1;

/** The Mojaloop workloads the pipeline sizes, in the umbrella chart's layout. */
export const MOJALOOP_COMPONENTS: readonly MojaloopComponent[] = [
  { chart: 'ml-api-adapter', subchart: 'ml-api-adapter-service', replicas: 'mlApiAdapter', role: 'api' },
  {
    chart: 'ml-api-adapter',
    subchart: 'ml-api-adapter-handler-notification',
    replicas: 'notification',
    role: 'consumer',
    topics: ['topic-notification-event'],
  },
  {
    chart: 'centralledger',
    subchart: 'centralledger-service',
    replicas: 'centralLedgerAdmin',
    role: 'support',
    database: 'central_ledger',
    poolKeys: true,
  },
  {
    chart: 'centralledger',
    subchart: 'centralledger-handler-transfer-prepare',
    replicas: 'prepare',
    role: 'consumer',
    database: 'central_ledger',
    topics: ['topic-transfer-prepare'],
    poolKeys: true,
  },
  {
    chart: 'centralledger',
    subchart: 'centralledger-handler-transfer-position-batch',
    replicas: 'positionBatch',
    role: 'consumer',
    database: 'central_ledger',
    topics: ['topic-transfer-position-batch'],
    poolKeys: true,
  },
  {
    chart: 'centralledger',
    subchart: 'centralledger-handler-transfer-fulfil',
    replicas: 'fulfil',
    role: 'consumer',
    database: 'central_ledger',
    topics: ['topic-transfer-fulfil'],
    poolKeys: true,
  },
  {
    chart: 'centralledger',
    subchart: 'centralledger-handler-transfer-get',
    replicas: SUPPORT_REPLICAS,
    role: 'support',
    database: 'central_ledger',
    poolKeys: true,
  },
  {
    chart: 'centralledger',
    subchart: 'centralledger-handler-admin-transfer',
    replicas: SUPPORT_REPLICAS,
    role: 'support',
    database: 'central_ledger',
    poolKeys: true,
  },
  {
    chart: 'centralledger',
    subchart: 'centralledger-handler-timeout',
    replicas: SUPPORT_REPLICAS,
    role: 'support',
    database: 'central_ledger',
    poolKeys: true,
  },
  {
    chart: 'account-lookup-service',
    subchart: 'account-lookup-service',
    replicas: 'accountLookup',
    role: 'api',
    database: 'account_lookup',
    poolKeys: true,
  },
  {
    chart: 'account-lookup-service',
    subchart: 'account-lookup-service-admin',
    replicas: SUPPORT_REPLICAS,
    role: 'support',
    database: 'account_lookup',
    poolKeys: true,
  },
  {
    chart: 'quoting-service',
    subchart: 'quoting-service',
    replicas: 'quotingService',
    role: 'api',
    database: 'central_ledger',
    poolKeys: true,
  },
  {
    chart: 'quoting-service',
    subchart: 'quoting-service-handler',
    replicas: 'quotes',
    role: 'consumer',
    database: 'central_ledger',
    topics: ['topic-quotes-post', 'topic-quotes-put'],
    poolKeys: true,
  },
  // The oracle's chart writes its pool into its config file (POOL_MAX_SIZE 10 in als-msisdn-oracle's
  // values.yaml `config_files`), so it is counted at that size rather than set.
  {
    chart: 'als-msisdn-oracle',
    subchart: '',
    replicas: 'oracle',
    role: 'api',
    database: 'oracle_msisdn',
    fixedPoolMax: 10,
  },
];

export function componentReplicas(component: MojaloopComponent, settings: MojaloopSettings): number {
  return typeof component.replicas === 'number' ? component.replicas : settings.replicas[component.replicas];
}

/** Σ replicas × pool max over every DB-using component: the most connections the hub can open. */
export function totalDbConnections(settings: MojaloopSettings): {
  connections: number;
  pods: number;
  /** Pods whose pool is mojaloop.dbPool. */
  pooledPods: number;
  /** Connections of the pods whose chart fixes the pool. */
  fixedConnections: number;
} {
  let pods = 0;
  let pooledPods = 0;
  let fixedConnections = 0;
  for (const component of MOJALOOP_COMPONENTS) {
    if (component.database === undefined) continue;
    const count = componentReplicas(component, settings);
    pods += count;
    if (component.fixedPoolMax === undefined) pooledPods += count;
    else fixedConnections += count * component.fixedPoolMax;
  }
  return {
    connections: pooledPods * settings.dbPool.max + fixedConnections,
    pods,
    pooledPods,
    fixedConnections,
  };
}

// ---------------------------------------------------------------- rules across sections

interface SizingContext {
  provider: string;
  hubServicesNodes?: number;
  kafkaNodes?: number;
  dbInstanceClass?: string;
}

/** The database's `max_connections` and where it comes from, or null when the class is unknown. */
export function databaseMaxConnections(
  database: MojaloopSettings['database'],
  instanceClass: string | undefined,
): { maxConnections: number; source: string } | null {
  if (database === 'in-cluster') {
    return { maxConnections: MYSQL_DEFAULT_MAX_CONNECTIONS, source: 'the in-cluster MySQL default' };
  }
  const max = instanceClass === undefined ? null : rdsMaxConnections(instanceClass);
  return max === null ? null : { maxConnections: max, source: `RDS ${instanceClass}` };
}

/**
 * The rules between `mojaloop` and `infrastructure`, as issues at their exact paths.
 *
 * API replicas must be multiples of the hub-services node count (REFERENCE §1: replica counts as
 * multiples of the node count, so every node carries the same share of HTTP load). Kafka consumers are
 * exempt: their count is fixed by the partitions they read (round 2 ran 12/12/8/30 consumers on 10
 * nodes), and the scheduler spreads them as evenly as the count allows.
 */
export function checkMojaloopSizing(
  settings: MojaloopSettings | undefined,
  context: SizingContext,
  ctx: z.RefinementCtx,
): void {
  if (settings === undefined) {
    if (context.provider === 'aws') {
      reject(
        ctx,
        ['mojaloop'],
        'a mojaloop section {replicas, positionBatchSize, dbPool, database, kafka} (required when infrastructure.provider is aws)',
      );
    }
    return;
  }
  if (context.provider !== 'aws') return;
  const nodes = context.hubServicesNodes;
  if (nodes !== undefined && nodes > 0) {
    for (const component of MOJALOOP_COMPONENTS) {
      if (component.role !== 'api' || typeof component.replicas === 'number') continue;
      const count = settings.replicas[component.replicas];
      if (count % nodes !== 0) {
        reject(
          ctx,
          ['mojaloop', 'replicas', component.replicas],
          `a multiple of infrastructure.hub.nodeGroups.hubServices.desiredSize (${nodes}), so each hub-services node serves the same share of ${component.subchart || component.chart}`,
        );
      }
    }
  }
  if (context.kafkaNodes !== undefined && settings.kafka.replicationFactor > context.kafkaNodes) {
    reject(
      ctx,
      ['mojaloop', 'kafka', 'replicationFactor'],
      `an integer from 1 to infrastructure.hub.nodeGroups.kafka.desiredSize (${context.kafkaNodes}); each copy needs its own broker`,
    );
  }
  const limit = databaseMaxConnections(settings.database, context.dbInstanceClass);
  if (limit === null) {
    reject(
      ctx,
      ['infrastructure', 'database', 'instanceClass'],
      `an RDS instance class whose memory is known (${Object.keys(RDS_INSTANCE_MEMORY_GIB).length} classes of the m5/m6g/m6i/m7g/m7i, r5–r7i and t3/t4g families), so the connection pools can be checked against max_connections`,
    );
    return;
  }
  const usable = usableConnections(limit.maxConnections);
  const { connections, pods, pooledPods, fixedConnections } = totalDbConnections(settings);
  if (connections > usable) {
    reject(
      ctx,
      ['mojaloop', 'dbPool', 'max'],
      `an integer ≤ ${Math.floor((usable - fixedConnections) / pooledPods)}: ${pods} DB-using pods open up to ${connections} connections (${pooledPods} × pool max + ${fixedConnections} in pools their charts fix), above ${usable} (max_connections ${limit.maxConnections} of ${limit.source}, less ${DB_CONNECTION_HEADROOM_PERCENT} % headroom)`,
    );
  }
}
