// The dry run resolves the configuration as validate-config does, and reports every bad input at once.
import { describe, expect, it } from 'vitest';
import { applyDispatchChoices } from '../../src/config/dispatch.js';
import { loadRunConfig } from '../../src/config/load.js';
import { parseOverrideAssignments } from '../../src/config/overrides.js';
import { givenChoices, resolveDryRunConfig } from '../../src/dryrun/resolve.js';
import { PROFILES_DIR } from './support.js';

const resolve = (profile: string, sets: string[] = [], choices = {}) =>
  resolveDryRunConfig({ profile, profilesDir: PROFILES_DIR, sets, choices });

describe('resolveDryRunConfig', () => {
  it('gives what validate-config gives: profile, overrides, then the dispatch choices', async () => {
    const sets = ['ladder.stress.enabled=false', 'load.runners=2'];
    const choices = { rates: '100 500', keepInfra: 'true', costCapUsd: '99.5' };
    const expected = applyDispatchChoices(
      await loadRunConfig({
        profile: 'aws-1000tps',
        profilesDir: PROFILES_DIR,
        overrides: parseOverrideAssignments(sets),
      }),
      choices,
    );
    expect(await resolve('aws-1000tps', sets, choices)).toEqual({ ok: true, config: expected });
  });

  it('names the field, the value and what is allowed for a bad override', async () => {
    const result = await resolve('aws-1000tps', ['dfsps.count=0']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/dfsps\.count: got 0; allowed: an integer from 2 to 64/);
  });

  it('names a bad choice by its option, with the value and what is allowed', async () => {
    const result = await resolve('aws-1000tps', [], { rates: '5,1' });
    expect(result).toEqual({
      ok: false,
      errors: [
        '--rates: got "5,1"; allowed: positive numbers separated by commas or spaces, rising, e.g. "100,500,1000"',
      ],
    });
  });

  it('lists the available profiles for an unknown one', async () => {
    const result = await resolve('nope');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join('\n')).toMatch(
      /profile: got "nope"; allowed: one of: aws-1000tps, aws-smoke, local/,
    );
  });

  it('reports every mistake at once: a broken override line and two bad choices', async () => {
    const result = await resolve('aws-1000tps', ['no equals sign'], { rates: '5,1', keepInfra: 'yes' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(3);
    expect(result.errors[0]).toMatch(/override line 1: got "no equals sign"; allowed: path\.to\.field=value/);
    expect(result.errors[1]).toMatch(/^--rates: got "5,1"/);
    expect(result.errors[2]).toBe('--keep-infra: got "yes"; allowed: "true" or "false"');
  });

  it('checks the form of the rates even when the profile is unknown', async () => {
    const result = await resolve('nope', [], { rates: 'fast' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(2);
    expect(result.errors[1]).toMatch(/^--rates: got "fast"/);
  });

  it('reports a choice that makes the configuration invalid by the configuration field', async () => {
    const result = await resolve('aws-1000tps', [], { dfspCount: '1' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatch(/dfsps\.count: got 1; allowed: an integer from 2 to 64/);
  });

  it('keeps only the choices that were given, by option name', () => {
    expect(givenChoices({ rates: '1,2', dfspCount: '', keepInfra: 'false' })).toEqual({
      rates: '1,2',
      'keep-infra': 'false',
    });
  });
});
