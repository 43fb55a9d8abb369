import { describe, expect, it } from 'vitest';
import { formatPath, RunConfigError, renderValue } from '../../src/index.js';

describe('formatPath', () => {
  it.each([
    [[], '(root)'],
    [['ladder', 'rungs', 1, 'rate'], 'ladder.rungs[1].rate'],
    [['dfsps', 'trafficMix', 0], 'dfsps.trafficMix[0]'],
    [['slo', 'odd key'], 'slo["odd key"]'],
    [[0], '[0]'],
  ])('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

describe('renderValue', () => {
  it.each([
    [undefined, 'nothing (missing)'],
    [null, 'null'],
    [0, '0'],
    [-2.5, '-2.5'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NaN, 'NaN'],
    ['usd', '"usd"'],
    [true, 'true'],
    [[], '[]'],
    [{ payer: 1, payee: [2, 3] }, '{"payer":1,"payee":[2,3]}'],
  ])('%j → %s', (value, expected) => {
    expect(renderValue(value)).toBe(expected);
  });

  it('renders values JSON cannot hold', () => {
    expect(renderValue({ big: 10n, zero: -0 })).toBe('{"big":10n,"zero":-0}');
  });

  it('truncates long values to 80 characters with an ellipsis', () => {
    const rendered = renderValue({ text: 'x'.repeat(200) });
    expect(rendered).toHaveLength(80);
    expect(rendered.startsWith('{"text":"xxx')).toBe(true);
    expect(rendered.endsWith('…')).toBe(true);
  });

  it('survives a cycle (YAML aliases can make one)', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(renderValue(cyclic)).toBe('{"a":1,"self":[circular]}');
  });
});

describe('RunConfigError', () => {
  it('is an Error whose message lists each issue on its own line', () => {
    const error = new RunConfigError(
      [
        { path: 'a.b', value: 3, allowed: 'an integer ≥ 5' },
        { path: '(root)', value: undefined, allowed: 'a mapping' },
      ],
      { source: 'profiles/x.yaml' },
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RunConfigError');
    expect(error.source).toBe('profiles/x.yaml');
    expect(error.message).toBe(
      [
        'Run configuration from profiles/x.yaml is invalid (2 issues):',
        '  a.b: got 3; allowed: an integer ≥ 5',
        '  (root): got nothing (missing); allowed: a mapping',
      ].join('\n'),
    );
  });

  it('says "1 issue" and omits the source when none is given', () => {
    const error = new RunConfigError([{ path: 'x', value: 'y', allowed: 'z' }]);
    expect(error.message).toBe('Run configuration is invalid (1 issue):\n  x: got "y"; allowed: z');
  });
});
