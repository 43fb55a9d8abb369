// The committed profiles are the product's defaults: each must load, and the numbers that matter must hold.
import { describe, expect, it } from 'vitest';
import { listProfiles, loadRunConfig } from '../../src/index.js';
import { PROFILES_DIR } from './support.js';

describe('committed profiles', () => {
  it('are exactly local, aws-smoke and aws-1000tps', async () => {
    expect(await listProfiles(PROFILES_DIR)).toEqual(['aws-1000tps', 'aws-smoke', 'local']);
  });

  it.each(['aws-1000tps', 'aws-smoke', 'local'])('%s loads, validates and names itself', async (profile) => {
    const config = await loadRunConfig({ profile, profilesDir: PROFILES_DIR });
    expect(config.profile).toBe(profile);
    expect(config.dfsps.count).toBe(8);
    expect(config.security).toEqual({ mtls: true, jwsSign: true, jwsValidate: true, ilp: true });
    expect(config.keepInfra).toBe(false);
  });

  it('local fits a 2-core machine and costs nothing', async () => {
    const config = await loadRunConfig({ profile: 'local', profilesDir: PROFILES_DIR });
    expect(config.infrastructure).toEqual({ provider: 'local' });
    expect(config.costCapUsd).toBe(0);
    expect(config.ladder.rungs.map((rung) => rung.rate)).toEqual([5, 10, 20]);
    const ladderSeconds = config.ladder.rungs.reduce(
      (sum, rung) => sum + rung.warmupSeconds + rung.holdSeconds + rung.drainSeconds,
      0,
    );
    expect(ladderSeconds / 60 + config.ladder.stress.timeBudgetMinutes).toBeLessThanOrEqual(10);
    expect(config.slo.transferP99Ms).toBe(1000);
  });

  it('aws-smoke runs two small rungs without a stress search', async () => {
    const config = await loadRunConfig({ profile: 'aws-smoke', profilesDir: PROFILES_DIR });
    expect(config.infrastructure.provider).toBe('aws');
    expect(config.ladder.rungs.map((rung) => rung.rate)).toEqual([10, 50]);
    expect(config.ladder.stress.enabled).toBe(false);
    expect(config.costCapUsd).toBeGreaterThan(0);
  });

  it('aws-1000tps is sized like the whitepaper round 2 run', async () => {
    const config = await loadRunConfig({ profile: 'aws-1000tps', profilesDir: PROFILES_DIR });
    if (config.infrastructure.provider !== 'aws') throw new Error('expected an aws profile');
    const { hub, load } = config.infrastructure;
    expect(hub.nodeGroups.hubServices).toMatchObject({ instanceType: 'm7i.2xlarge', desiredSize: 10 });
    expect(hub.nodeGroups.kafka).toMatchObject({ instanceType: 'm7i.2xlarge', desiredSize: 3 });
    expect(load.nodeGroups.loadRunners).toMatchObject({ instanceType: 'm7i.2xlarge', desiredSize: 2 });
    expect(config.ladder.rungs.map((rung) => rung.rate)).toEqual([100, 500, 1000]);
    const target = config.ladder.rungs[2];
    expect(target?.warmupSeconds).toBeGreaterThanOrEqual(300);
    expect(target?.drainSeconds).toBeGreaterThanOrEqual(120);
    expect(config.ladder.stress).toMatchObject({ enabled: true, maxRate: 2000 });
    expect(config.costCapUsd).toBeGreaterThan(0);
  });
});
