/**
 * The pricing table (`pricing.json` beside this file): per-region on-demand prices with the source
 * of each figure and whether a cited source confirms it. Lookups fail naming what is missing and
 * what the table has, never with a silent zero.
 */
import { z } from 'zod';
import table from './pricing.json' with { type: 'json' };

export const PRICING_FILE = 'actions/core/src/cost/pricing.json';

const PriceSchema = z.strictObject({
  usd: z.number().nonnegative(),
  verified: z.boolean(),
  source: z.string().min(1),
});

const RegionSchema = z.strictObject({
  ec2: z.record(z.string(), PriceSchema),
  rds: z.record(z.string(), PriceSchema),
  elasticache: z.record(z.string(), PriceSchema),
  eksControlPlaneHour: PriceSchema,
  natGatewayHour: PriceSchema,
  natGatewayGb: PriceSchema,
  publicIpv4Hour: PriceSchema,
  interAzGb: PriceSchema,
  ebsGp3GbMonth: PriceSchema,
  rdsGp3GbMonth: PriceSchema,
});

const AssumptionSchema = z.strictObject({
  value: z.number().nonnegative(),
  unit: z.string(),
  why: z.string(),
});

export const PricingTableSchema = z
  .strictObject({
    source: z.string().min(1),
    retrieved: z.iso.date(),
    currency: z.literal('USD'),
    notes: z.array(z.string()),
    sources: z.record(z.string(), z.strictObject({ title: z.string(), url: z.string() })),
    assumptions: z.strictObject({
      natGbPerNode: AssumptionSchema,
      interAzBytesPerTransfer: AssumptionSchema,
      rootVolumeGb: AssumptionSchema,
    }),
    regions: z.record(z.string(), RegionSchema),
  })
  .superRefine((pricing, ctx) => {
    // Every price must cite a source the table lists.
    for (const [region, prices] of Object.entries(pricing.regions)) {
      const entries: Array<[string, Price]> = [
        ...Object.entries(prices.ec2).map(([k, v]): [string, Price] => [`ec2.${k}`, v]),
        ...Object.entries(prices.rds).map(([k, v]): [string, Price] => [`rds.${k}`, v]),
        ...Object.entries(prices.elasticache).map(([k, v]): [string, Price] => [`elasticache.${k}`, v]),
      ];
      for (const key of SCALAR_KEYS) entries.push([key, prices[key]]);
      for (const [key, price] of entries) {
        if (!(price.source in pricing.sources)) {
          ctx.addIssue({
            code: 'custom',
            path: ['regions', region, ...key.split('.')],
            message: `source "${price.source}" is not listed under sources`,
          });
        }
      }
    }
  });

export type Price = z.infer<typeof PriceSchema>;
export type RegionPrices = z.infer<typeof RegionSchema>;
export type PricingTable = z.infer<typeof PricingTableSchema>;

const SCALAR_KEYS = [
  'eksControlPlaneHour',
  'natGatewayHour',
  'natGatewayGb',
  'publicIpv4Hour',
  'interAzGb',
  'ebsGp3GbMonth',
  'rdsGp3GbMonth',
] as const;

export class PricingError extends Error {
  override readonly name = 'PricingError';
}

/** Validates a pricing table (the committed one by default). */
export function loadPricingTable(raw: unknown = table): PricingTable {
  const parsed = PricingTableSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new PricingError(`pricing table ${PRICING_FILE} is invalid:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

/** Prices of one region; an unknown region names the regions the table has. */
export function regionPrices(pricing: PricingTable, region: string): RegionPrices {
  const prices = pricing.regions[region];
  if (prices === undefined) {
    const available = Object.keys(pricing.regions).sort().join(', ');
    throw new PricingError(
      `no prices for region ${region} in ${PRICING_FILE}; regions available: ${available}. ` +
        'Add the region with sourced figures, or run in one of those regions.',
    );
  }
  return prices;
}

type Catalogue = 'ec2' | 'rds' | 'elasticache';

const CATALOGUE_NAMES: Readonly<Record<Catalogue, string>> = {
  ec2: 'EC2 instance type',
  rds: 'RDS instance class',
  elasticache: 'ElastiCache node type',
};

/** The price of one instance type in one catalogue, or an error naming what the region has. */
export function instancePrice(
  prices: RegionPrices,
  region: string,
  catalogue: Catalogue,
  type: string,
  where: string,
): Price {
  const price = prices[catalogue][type];
  if (price === undefined) {
    const known = Object.keys(prices[catalogue]).sort().join(', ');
    throw new PricingError(
      `${where}: no price for ${CATALOGUE_NAMES[catalogue]} ${type} in ${region} (${PRICING_FILE}); priced there: ${known}`,
    );
  }
  return price;
}
