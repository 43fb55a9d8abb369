import { describe, expect, it } from 'vitest';
import table from '../../src/cost/pricing.json' with { type: 'json' };
import { instancePrice, loadPricingTable, PricingError, regionPrices } from '../../src/index.js';

describe('pricing table', () => {
  const pricing = loadPricingTable();

  it('says where its figures come from and when it was compiled', () => {
    expect(pricing.source).toMatch(/public sources/);
    expect(pricing.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(table).slice(0, 2)).toEqual(['source', 'retrieved']);
  });

  it('prices every instance type, class and node type the AWS profiles use in their region', () => {
    const prices = regionPrices(pricing, 'eu-west-2');
    for (const type of ['m7i.large', 'm7i.xlarge', 'm7i.2xlarge', 'c7i.2xlarge', 'c7i.4xlarge']) {
      expect(instancePrice(prices, 'eu-west-2', 'ec2', type, 'test').usd).toBeGreaterThan(0);
    }
    expect(instancePrice(prices, 'eu-west-2', 'rds', 'db.m6i.2xlarge', 'test').usd).toBeGreaterThan(0);
    expect(instancePrice(prices, 'eu-west-2', 'elasticache', 'cache.t4g.small', 'test').usd).toBeGreaterThan(
      0,
    );
  });

  it('marks each price verified or not, and only cites listed sources', () => {
    const prices = regionPrices(pricing, 'us-east-1');
    expect(prices.ec2['m7i.2xlarge']).toEqual({ usd: 0.4032, verified: true, source: 'karpenter' });
    expect(prices.rds['db.m6i.2xlarge']?.verified).toBe(false);
    const broken = structuredClone(table) as {
      regions: Record<string, { natGatewayHour: { source: string } }>;
    };
    (broken.regions['us-east-1'] as { natGatewayHour: { source: string } }).natGatewayHour.source = 'a-blog';
    expect(() => loadPricingTable(broken)).toThrow(
      /regions\.us-east-1\.natGatewayHour: source "a-blog" is not listed under sources/,
    );
  });

  it('names the region asked for and the regions available when a region is missing', () => {
    expect(() => regionPrices(pricing, 'ap-southeast-7')).toThrow(PricingError);
    expect(() => regionPrices(pricing, 'ap-southeast-7')).toThrow(
      'no prices for region ap-southeast-7 in actions/core/src/cost/pricing.json; regions available: eu-west-2, us-east-1. ' +
        'Add the region with sourced figures, or run in one of those regions.',
    );
  });

  it('names the field, the type and what the region has priced when a type is missing', () => {
    expect(() =>
      instancePrice(
        regionPrices(pricing, 'us-east-1'),
        'us-east-1',
        'elasticache',
        'cache.r7g.xlarge',
        'infrastructure.cache.nodeType',
      ),
    ).toThrow(
      'infrastructure.cache.nodeType: no price for ElastiCache node type cache.r7g.xlarge in us-east-1 (actions/core/src/cost/pricing.json); priced there: cache.m7g.large, cache.t4g.small',
    );
  });
});
