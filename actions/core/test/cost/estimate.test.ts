import { describe, expect, it } from 'vitest';
import {
  estimateRunCost,
  loadPricingTable,
  nodesByRole,
  planRunDuration,
  renderCostMarkdown,
  roundUsd,
} from '../../src/index.js';
import { profile, profileWith } from '../aws/profiles.js';

const pricing = loadPricingTable();

describe('run duration', () => {
  it('adds setup, every rung, the stress rungs and teardown for aws-1000tps', async () => {
    const config = await profile('aws-1000tps');
    const duration = planRunDuration(config.ladder);
    // Rungs: (120+300+60) + (300+600+120) + (300+1200+120) = 480 + 1020 + 1620 s.
    expect(duration.ladderSeconds).toBe(3120);
    // Stress: each rung reuses the last rung's 1620 s; min(maxRungs 6, ⌈7200 / 1620⌉ = 5) = 5.
    expect(duration.stressSeconds).toBe(5 * 1620);
    expect(duration.rungs.filter((r) => r.stress).map((r) => r.rate)).toEqual([1200, 1440, 1728, 2000, 2000]);
    expect(duration.totalSeconds).toBe(45 * 60 + 3120 + 8100 + 20 * 60);
    expect(duration.hours).toBeCloseTo(4.2, 10);
  });

  it('counts no stress rungs when the search is off', async () => {
    const duration = planRunDuration((await profile('aws-smoke')).ladder);
    expect(duration.stressSeconds).toBe(0);
    expect(duration.assumptions).toContain('stress search disabled: no stress rungs');
  });

  it('bounds the stress rungs by maxRungs when the budget allows more', async () => {
    const config = await profileWith('aws-1000tps', {
      ladder: { stress: { maxRungs: 2, timeBudgetMinutes: 600 } },
    });
    expect(planRunDuration(config.ladder).stressSeconds).toBe(2 * 1620);
  });
});

describe('cost estimate', () => {
  it('prices aws-1000tps line by line', async () => {
    const estimate = estimateRunCost(await profile('aws-1000tps'), pricing);
    const hourlyLines = Object.fromEntries(
      estimate.lines
        .filter((l) => l.per === 'hour')
        .map((l) => [l.item, [l.quantity, roundUsd(l.hourlyUsd)]]),
    );
    expect(hourlyLines).toEqual({
      'EC2 hub-services: m7i.2xlarge': [10, 4.66],
      'EC2 kafka: m7i.2xlarge': [3, 1.4],
      'EC2 dfsps: c7i.4xlarge': [7, 5.94],
      'EC2 monitoring: m7i.2xlarge': [2, 0.93],
      'EC2 load-runners: m7i.2xlarge': [2, 0.93],
      'EKS control planes (hub, load)': [2, 0.2],
      'RDS MySQL db.m6i.2xlarge (Multi-AZ: primary + standby)': [2, 1.58],
      'RDS gp3 storage 400 GiB (Multi-AZ: primary + standby)': [800, 0.15],
      'ElastiCache cache.m7g.large (primary + 1 replica)': [2, 0.35],
      'NAT gateways (one-per-az)': [3, 0.15],
      'Public IPv4 addresses of the NAT gateways': [3, 0.02],
      'EBS gp3 root volumes (50 GiB per node)': [1200, 0.15],
    });
    const perRun = estimate.lines.filter((l) => l.per === 'run').map((l) => [l.item, roundUsd(l.totalUsd)]);
    expect(perRun).toEqual([
      ['NAT data processed (5 GB per node)', 6],
      ['Inter-AZ traffic (14,544,000 transfers × 50 kB)', 14.54],
    ]);
    expect(roundUsd(estimate.hourly)).toBe(16.46);
    expect(estimate.hours).toBeCloseTo(4.2, 10);
    expect(roundUsd(estimate.total)).toBe(89.69);
    expect(estimate.total).toBeCloseTo(estimate.hourly * estimate.hours + 6 + 14.544, 6);
    expect(estimate.usesUnverifiedPrices).toBe(true);
  });

  it('lists the nodes by role at desiredSize', async () => {
    expect(nodesByRole(await profile('aws-1000tps'))).toEqual([
      { role: 'hub-services', instanceType: 'm7i.2xlarge', count: 10 },
      { role: 'kafka', instanceType: 'm7i.2xlarge', count: 3 },
      { role: 'dfsps', instanceType: 'c7i.4xlarge', count: 7 },
      { role: 'monitoring', instanceType: 'm7i.2xlarge', count: 2 },
      { role: 'load-runners', instanceType: 'm7i.2xlarge', count: 2 },
    ]);
  });

  it('uses only verified EC2 prices in us-east-1, and says so line by line', async () => {
    const config = await profileWith('aws-1000tps', { infrastructure: { region: 'us-east-1' } });
    const estimate = estimateRunCost(config, pricing);
    const ec2 = estimate.lines.filter((l) => l.item.startsWith('EC2 '));
    expect(ec2.every((l) => l.verified && l.source === 'karpenter')).toBe(true);
    expect(roundUsd(ec2.reduce((sum, l) => sum + l.hourlyUsd, 0))).toBe(roundUsd(17 * 0.4032 + 7 * 0.714));
  });

  it('halves the database line without Multi-AZ and renders the table with the unverified marker', async () => {
    const estimate = estimateRunCost(await profile('aws-smoke'), pricing);
    const db = estimate.lines.find((l) => l.item.startsWith('RDS MySQL'));
    expect(db).toMatchObject({ item: 'RDS MySQL db.m6i.large (Single-AZ)', quantity: 1 });
    const markdown = renderCostMarkdown(estimate);
    expect(markdown).toContain('| item | quantity | unit price | per hour | run total |');
    expect(markdown).toContain('| EC2 hub-services: m7i.xlarge | 3 node | $0.2331/node-h † |');
    expect(markdown).toMatch(/\| \*\*total\*\* \| \| \| \*\*\$2\.67\*\* \| \*\*\$5\.19\*\* \|/);
    expect(markdown).toContain('† price not confirmed by a cited source');
  });

  it('refuses a local configuration', async () => {
    const local = await profile('local');
    expect(() => estimateRunCost(local, pricing)).toThrow(/needs an AWS configuration/);
  });
});
