import { describe, expect, it } from 'vitest';
import { DEFAULT_SMOKE_DEADLINE_SECONDS, OptionsError, parseCommandLine } from '../src/options.js';

function issuesOf(argv: string[]) {
  try {
    parseCommandLine(argv);
  } catch (error) {
    if (error instanceof OptionsError) return { issues: error.issues, message: error.message };
    throw error;
  }
  throw new Error('expected an OptionsError');
}

describe('parseCommandLine', () => {
  it('defaults: profile local, no overrides, the stack default base port, one smoke round', () => {
    expect(parseCommandLine([])).toEqual({
      help: false,
      options: {
        profile: 'local',
        sets: [],
        configFile: undefined,
        basePort: undefined,
        resultsDir: undefined,
        runDir: undefined,
        smokeRounds: 1,
        smokeConcurrency: undefined,
        smokeDeadlineSeconds: DEFAULT_SMOKE_DEADLINE_SECONDS,
        sdkLog: 'errors',
      },
    });
  });

  it('keeps repeated --set lines in order and reads every option', () => {
    const parsed = parseCommandLine([
      '--profile',
      'local',
      '--set',
      'dfsps.count=2',
      '--set=security.ilp=false',
      '--base-port',
      '31000',
      '--results-dir',
      '/tmp/r',
      '--run-dir',
      '/tmp/s',
      '--smoke-rounds',
      '2',
      '--smoke-concurrency',
      '4',
      '--smoke-deadline',
      '60',
      '--sdk-log',
      'all',
    ]);
    expect(parsed).toEqual({
      help: false,
      options: {
        profile: 'local',
        sets: ['dfsps.count=2', 'security.ilp=false'],
        basePort: 31000,
        resultsDir: '/tmp/r',
        runDir: '/tmp/s',
        smokeRounds: 2,
        smokeConcurrency: 4,
        smokeDeadlineSeconds: 60,
        sdkLog: 'all',
      },
    });
  });

  it('answers --help and -h', () => {
    expect(parseCommandLine(['--help'])).toEqual({ help: true });
    expect(parseCommandLine(['-h'])).toEqual({ help: true });
  });

  it('names the option, the value and what is allowed, for every bad option at once', () => {
    const { issues, message } = issuesOf([
      '--base-port',
      'abc',
      '--smoke-rounds',
      '0',
      '--smoke-deadline',
      '1.5',
      '--sdk-log',
      'loud',
      '--bogus',
      'extra',
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'options',
        value: '--bogus',
        allowed: expect.stringContaining('--profile'),
      }),
      { path: 'arguments', value: 'extra', allowed: expect.stringContaining('options only') },
      {
        path: '--base-port',
        value: 'abc',
        allowed: 'an integer from 1024 to 65535 (the first port of the stack)',
      },
      { path: '--smoke-rounds', value: '0', allowed: 'an integer from 1 to 20 (transfers per ordered pair)' },
      { path: '--smoke-deadline', value: '1.5', allowed: 'an integer from 1 to 3600 (seconds)' },
      { path: '--sdk-log', value: 'loud', allowed: 'one of: errors, all' },
    ]);
    expect(message).toContain('Options are invalid (6 issues):');
    expect(message).toContain('  --base-port: got "abc"; allowed: an integer from 1024 to 65535');
  });

  it('refuses an option without its value, and a value given to --help', () => {
    expect(issuesOf(['--base-port']).issues).toEqual([
      { path: '--base-port', value: undefined, allowed: 'a value after the option' },
    ]);
    expect(issuesOf(['--profile', '--set', 'a=1']).issues).toEqual([
      { path: '--profile', value: '--set', allowed: expect.stringContaining('not another option') },
      { path: 'arguments', value: 'a=1', allowed: expect.stringContaining('options only') },
    ]);
    expect(issuesOf(['--help=yes']).issues).toEqual([{ path: '--help', value: 'yes', allowed: 'no value' }]);
    expect(issuesOf(['--results-dir=']).issues).toEqual([
      { path: '--results-dir', value: '', allowed: 'a directory path' },
    ]);
  });

  it('takes a resolved configuration file on its own, never with --profile or --set', () => {
    const parsed = parseCommandLine(['--config-file', '/tmp/run-config.json']);
    expect(parsed.help === false && parsed.options.configFile).toBe('/tmp/run-config.json');
    expect(() => parseCommandLine(['--config-file', 'c.json', '--set', 'dfsps.count=2'])).toThrow(
      /--config-file: got "c.json"; allowed: a resolved configuration on its own/,
    );
    expect(() => parseCommandLine(['--config-file', 'c.json', '--profile', 'local'])).toThrow(OptionsError);
  });
});
