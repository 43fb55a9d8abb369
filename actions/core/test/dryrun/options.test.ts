import { describe, expect, it } from 'vitest';
import { DEFAULT_DRY_RUN_PROFILE, DryRunOptionsError, parseDryRunArgs } from '../../src/dryrun/options.js';

function issuesOf(argv: string[]): string {
  try {
    parseDryRunArgs(argv);
  } catch (error) {
    if (error instanceof DryRunOptionsError) return error.message;
    throw error;
  }
  throw new Error(`no error for ${argv.join(' ')}`);
}

describe('parseDryRunArgs', () => {
  it('defaults to the pipeline’s profile, text output and no choices', () => {
    expect(parseDryRunArgs([])).toEqual({
      help: false,
      options: {
        profile: DEFAULT_DRY_RUN_PROFILE,
        sets: [],
        choices: {},
        runId: undefined,
        owner: undefined,
        pipelineRoleArn: undefined,
        stateBucket: undefined,
        pricingFile: undefined,
        json: false,
      },
    });
    expect(DEFAULT_DRY_RUN_PROFILE).toBe('aws-1000tps');
  });

  it('reads every option, keeping the dispatch choices as the strings a workflow would pass', () => {
    const parsed = parseDryRunArgs([
      '--profile',
      'aws-smoke',
      '--set',
      'dfsps.count=4',
      '--set=load.runners=2',
      '--rates',
      '10,20',
      '--dfsp-count',
      '4',
      '--keep-infra',
      'true',
      '--cost-cap-usd',
      '30',
      '--run-id',
      'r42',
      '--owner',
      'octocat',
      '--pipeline-role-arn',
      'arn:aws:iam::123456789012:role/x',
      '--state-bucket',
      'b',
      '--pricing-file',
      'p.json',
      '--json',
    ]);
    expect(parsed).toEqual({
      help: false,
      options: {
        profile: 'aws-smoke',
        sets: ['dfsps.count=4', 'load.runners=2'],
        choices: { rates: '10,20', dfspCount: '4', keepInfra: 'true', costCapUsd: '30' },
        runId: 'r42',
        owner: 'octocat',
        pipelineRoleArn: 'arn:aws:iam::123456789012:role/x',
        stateBucket: 'b',
        pricingFile: 'p.json',
        json: true,
      },
    });
  });

  it('answers --help', () => {
    expect(parseDryRunArgs(['--help'])).toEqual({ help: true });
    expect(parseDryRunArgs(['-h'])).toEqual({ help: true });
  });

  it('names an unknown option, the value given and the options allowed', () => {
    expect(issuesOf(['--bogus'])).toMatch(
      /options: got "--bogus"; allowed: one of: --profile, --set, --rates/,
    );
  });

  it('reports every bad option at once', () => {
    const text = issuesOf([
      '--profile',
      '--json',
      'stray',
      '--run-id',
      'R1',
      '--json=yes',
      '--rates',
      '1',
      '--rates',
      '2',
    ]);
    expect(text).toMatch(/^Options are invalid \(5 issues\):/);
    expect(text).toMatch(/--profile: got "--json"; allowed: a value after the option, not another option/);
    expect(text).toMatch(/arguments: got "stray"; allowed: options only/);
    expect(text).toMatch(/--run-id: got "R1"; allowed: a lower-case letter/);
    expect(text).toMatch(/--json: got "yes"; allowed: no value/);
    expect(text).toMatch(/--rates: got "2"; allowed: the option once/);
  });

  it('refuses a missing or empty value', () => {
    expect(issuesOf(['--profile'])).toMatch(
      /--profile: got nothing \(missing\); allowed: a value after the option/,
    );
    expect(issuesOf(['--owner='])).toMatch(/--owner: got ""; allowed:/);
  });
});
