import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../tools/lib/paths.js';
import { applyDispatchChoices, DispatchChoiceError, parseRates } from '../../src/config/dispatch.js';
import { RunConfigError } from '../../src/config/errors.js';
import { loadRunConfig } from '../../src/config/load.js';

const profilesDir = `${repoRoot()}/profiles`;
const profile = (name: string) => loadRunConfig({ profile: name, profilesDir });

describe('dispatch choices', () => {
  it('leaves the profile alone when every choice is empty', async () => {
    const config = await profile('aws-1000tps');
    expect(
      applyDispatchChoices(config, { rates: ' ', dfspCount: '', keepInfra: '', costCapUsd: '' }),
    ).toEqual(config);
  });

  it('replaces the ladder rates, keeping each position’s timings and the last rung’s for extra rates', async () => {
    const config = await profile('local');
    const last = config.ladder.rungs.at(-1);
    const next = applyDispatchChoices(config, { rates: '2, 4 8,16' });
    expect(next.ladder.rungs.map((r) => r.rate)).toEqual([2, 4, 8, 16]);
    expect(next.ladder.rungs[0]).toEqual({ ...config.ladder.rungs[0], rate: 2 });
    expect(next.ladder.rungs[3]).toEqual({ ...last, rate: 16 });
    // The input object is not changed.
    expect(config.ladder.rungs.map((r) => r.rate)).not.toEqual([2, 4, 8, 16]);
  });

  it('applies DFSP count, keep-infra and the cost cap', async () => {
    const next = applyDispatchChoices(await profile('aws-smoke'), {
      dfspCount: '4',
      keepInfra: 'true',
      costCapUsd: '42.5',
    });
    expect({ count: next.dfsps.count, keep: next.keepInfra, cap: next.costCapUsd }).toEqual({
      count: 4,
      keep: true,
      cap: 42.5,
    });
  });

  it.each([
    ['rates', { rates: '100,abc' }, /input rates: got "100,abc"; allowed: positive numbers/],
    ['falling rates', { rates: '500,100' }, /input rates: got "500,100"; allowed: .*rising/],
    ['zero rate', { rates: '0,100' }, /input rates: got "0,100"/],
    ['dfsp-count', { dfspCount: '8.5' }, /input dfsp-count: got "8.5"; allowed: a whole number/],
    ['keep-infra', { keepInfra: 'yes' }, /input keep-infra: got "yes"; allowed: "true" or "false"/],
    ['cost-cap-usd', { costCapUsd: '-1' }, /input cost-cap-usd: got "-1"; allowed: US dollars/],
  ])('refuses a bad %s naming the input, the value and what is allowed', async (_name, choices, message) => {
    const config = await profile('aws-smoke');
    expect(() => applyDispatchChoices(config, choices)).toThrow(DispatchChoiceError);
    expect(() => applyDispatchChoices(config, choices)).toThrow(message);
  });

  it('validates the result with the schema (a DFSP count the schema refuses)', async () => {
    const config = await profile('aws-smoke');
    expect(() => applyDispatchChoices(config, { dfspCount: '1' })).toThrow(RunConfigError);
    expect(() => applyDispatchChoices(config, { dfspCount: '1' })).toThrow(/dfsps\.count/);
  });

  it('parses rates separated by commas and spaces', () => {
    expect(parseRates('100 500,1000')).toEqual([100, 500, 1000]);
    expect(parseRates('7.5')).toEqual([7.5]);
  });
});
