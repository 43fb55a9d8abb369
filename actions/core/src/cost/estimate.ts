/**
 * The cost of one planned run: what the stack costs per hour, how many hours the run keeps it up,
 * and the per-run charges (data processed by NAT, traffic between zones). Prices come from the
 * pricing table; every line says whether its price is confirmed by a cited source.
 */
import { DEFAULT_STACK_LAYOUT, natGatewayCount, nodeGroupsOf, type StackLayout } from '../aws/quotas.js';
import type { AwsInfrastructure, RunConfig } from '../config/index.js';
import { type DurationAssumptions, planRunDuration, type RunDuration } from './duration.js';
import { instancePrice, type Price, type PricingTable, regionPrices } from './pricing.js';

/** AWS converts monthly storage prices at 730 hours a month. */
export const HOURS_PER_MONTH = 730;

export interface CostLine {
  item: string;
  quantity: number;
  /** `hour`: billed for every hour of the run; `run`: a one-off amount for the whole run. */
  per: 'hour' | 'run';
  /** Price of one unit (USD per unit-hour for `hour` lines, USD per unit for `run` lines). */
  unitUsd: number;
  unit: string;
  /** quantity × unitUsd for `hour` lines; 0 for `run` lines. */
  hourlyUsd: number;
  /** Over the whole run. */
  totalUsd: number;
  verified: boolean;
  /** Key into the pricing table's sources. */
  source: string;
}

export interface CostEstimate {
  currency: 'USD';
  region: string;
  /** Sum of the hourly lines, USD per hour. */
  hourly: number;
  /** Hours the stack is up for the run. */
  hours: number;
  /** hourly × hours + the per-run lines, USD. */
  total: number;
  lines: CostLine[];
  duration: RunDuration;
  /** Every assumption behind the figures, one sentence each. */
  assumptions: string[];
  /** True when at least one line uses a price no cited source confirms. */
  usesUnverifiedPrices: boolean;
  pricingRetrieved: string;
}

export interface EstimateOptions {
  layout?: StackLayout;
  duration?: DurationAssumptions;
}

/** Estimates one run of an AWS configuration. Throws PricingError for an unpriced region or type. */
export function estimateRunCost(
  config: RunConfig,
  pricing: PricingTable,
  options: EstimateOptions = {},
): CostEstimate {
  const infra = config.infrastructure;
  if (infra.provider !== 'aws') throw new Error('a cost estimate needs an AWS configuration');
  const layout = options.layout ?? DEFAULT_STACK_LAYOUT;
  const duration = planRunDuration(config.ladder, options.duration);
  const prices = regionPrices(pricing, infra.region);
  const hours = duration.hours;
  const lines: CostLine[] = [];

  const hourly = (item: string, quantity: number, unit: string, price: Price, unitUsd = price.usd) => {
    lines.push({
      item,
      quantity,
      per: 'hour',
      unitUsd,
      unit,
      hourlyUsd: quantity * unitUsd,
      totalUsd: quantity * unitUsd * hours,
      verified: price.verified,
      source: price.source,
    });
  };
  const perRun = (item: string, quantity: number, unit: string, price: Price) => {
    lines.push({
      item,
      quantity,
      per: 'run',
      unitUsd: price.usd,
      unit,
      hourlyUsd: 0,
      totalUsd: quantity * price.usd,
      verified: price.verified,
      source: price.source,
    });
  };

  // Compute: every node group at desiredSize.
  let nodes = 0;
  for (const { where, role, group } of nodeGroupsOf(infra)) {
    const price = instancePrice(prices, infra.region, 'ec2', group.instanceType, `${where}.instanceType`);
    hourly(`EC2 ${role}: ${group.instanceType}`, group.desiredSize, 'node', price);
    nodes += group.desiredSize;
  }
  hourly('EKS control planes (hub, load)', layout.eksClusters, 'cluster', prices.eksControlPlaneHour);

  addDataTier(infra, prices, hourly);

  const nat = natGatewayCount(infra, layout);
  hourly(`NAT gateways (${infra.natGateways})`, nat, 'gateway', prices.natGatewayHour);
  hourly('Public IPv4 addresses of the NAT gateways', nat, 'address', prices.publicIpv4Hour);
  const rootGb = pricing.assumptions.rootVolumeGb.value;
  hourly(
    `EBS gp3 root volumes (${rootGb} GiB per node)`,
    nodes * rootGb,
    'GiB',
    prices.ebsGp3GbMonth,
    prices.ebsGp3GbMonth.usd / HOURS_PER_MONTH,
  );

  // Per-run traffic charges.
  const natGb = nodes * pricing.assumptions.natGbPerNode.value;
  perRun(
    `NAT data processed (${pricing.assumptions.natGbPerNode.value} GB per node)`,
    natGb,
    'GB',
    prices.natGatewayGb,
  );
  const transfers = duration.rungs.reduce((sum, rung) => sum + rung.rate * rung.loadSeconds, 0);
  const interAzGb = (transfers * pricing.assumptions.interAzBytesPerTransfer.value) / 1e9;
  perRun(
    `Inter-AZ traffic (${Math.round(transfers).toLocaleString('en-US')} transfers × ${pricing.assumptions.interAzBytesPerTransfer.value / 1000} kB)`,
    interAzGb,
    'GB',
    prices.interAzGb,
  );

  const hourlyTotal = lines.reduce((sum, line) => sum + line.hourlyUsd, 0);
  const total = lines.reduce((sum, line) => sum + line.totalUsd, 0);
  const assumptions = [
    ...duration.assumptions,
    `${layout.availabilityZones} availability zones, ${layout.vpcs} VPC, ${layout.eksClusters} EKS clusters`,
    `data transfer: ${pricing.assumptions.natGbPerNode.value} GB per node through NAT (${pricing.assumptions.natGbPerNode.why}); ` +
      `${pricing.assumptions.interAzBytesPerTransfer.value / 1000} kB between zones per transfer (${pricing.assumptions.interAzBytesPerTransfer.why})`,
    'not included: load balancers created by Kubernetes, CloudWatch logs, KMS keys, S3 state, backups, internet egress, taxes',
    `monthly storage prices converted at ${HOURS_PER_MONTH} hours per month`,
  ];
  return {
    currency: 'USD',
    region: infra.region,
    hourly: hourlyTotal,
    hours,
    total,
    lines,
    duration,
    assumptions,
    usesUnverifiedPrices: lines.some((line) => !line.verified),
    pricingRetrieved: pricing.retrieved,
  };
}

function addDataTier(
  infra: AwsInfrastructure,
  prices: ReturnType<typeof regionPrices>,
  hourly: (item: string, quantity: number, unit: string, price: Price, unitUsd?: number) => void,
): void {
  const { database, cache, region } = infra;
  const copies = database.multiAz ? 2 : 1;
  const layoutNote = database.multiAz ? 'Multi-AZ: primary + standby' : 'Single-AZ';
  const dbPrice = instancePrice(
    prices,
    region,
    'rds',
    database.instanceClass,
    'infrastructure.database.instanceClass',
  );
  hourly(`RDS MySQL ${database.instanceClass} (${layoutNote})`, copies, 'instance', dbPrice);
  hourly(
    `RDS gp3 storage ${database.allocatedStorageGb} GiB (${layoutNote})`,
    copies * database.allocatedStorageGb,
    'GiB',
    prices.rdsGp3GbMonth,
    prices.rdsGp3GbMonth.usd / HOURS_PER_MONTH,
  );
  const cachePrice = instancePrice(
    prices,
    region,
    'elasticache',
    cache.nodeType,
    'infrastructure.cache.nodeType',
  );
  hourly(
    `ElastiCache ${cache.nodeType} (primary + ${cache.replicas} replica${cache.replicas === 1 ? '' : 's'})`,
    1 + cache.replicas,
    'node',
    cachePrice,
  );
}

/** Rounds to cents for outputs and tables. */
export function roundUsd(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Nodes by role at desiredSize, e.g. for the closing note of a report. */
export function nodesByRole(config: RunConfig): Array<{ role: string; instanceType: string; count: number }> {
  const infra = config.infrastructure;
  if (infra.provider !== 'aws') return [];
  return nodeGroupsOf(infra).map(({ role, group }) => ({
    role,
    instanceType: group.instanceType,
    count: group.desiredSize,
  }));
}
