import { describe, expect, it } from 'vitest';
import { mergeOverrides, parseOverrideAssignments, validateRunConfig } from '../../src/index.js';
import { configError, expectIssueLine, validAwsConfig } from './support.js';

describe('parseOverrideAssignments', () => {
  it('turns the documented examples into one nested object with typed values', () => {
    expect(
      parseOverrideAssignments([
        'ladder.stress.enabled=false',
        'dfsps.count=4',
        'ladder.rungs=[{rate: 5, warmupSeconds: 2, holdSeconds: 10, drainSeconds: 1}]',
      ]),
    ).toEqual({
      ladder: {
        stress: { enabled: false },
        rungs: [{ rate: 5, warmupSeconds: 2, holdSeconds: 10, drainSeconds: 1 }],
      },
      dfsps: { count: 4 },
    });
  });

  it('skips blank lines and comments, and trims whitespace', () => {
    expect(
      parseOverrideAssignments(['', '   ', '# a comment', '  costCapUsd = 12.5  # after the value']),
    ).toEqual({
      costCapUsd: 12.5,
    });
  });

  it('keeps strings as strings, including quoted numbers and values containing "="', () => {
    expect(
      parseOverrideAssignments([
        'infrastructure.region=us-gov-west-1',
        'profile="007"',
        'dfsps.currency=a=b',
      ]),
    ).toEqual({ infrastructure: { region: 'us-gov-west-1' }, profile: '007', dfsps: { currency: 'a=b' } });
  });

  it('lets a later line win and merges siblings', () => {
    expect(
      parseOverrideAssignments([
        'ladder.stress.maxRate=100',
        'ladder.stress.maxRate=200',
        'ladder.stress.enabled=true',
      ]),
    ).toEqual({ ladder: { stress: { maxRate: 200, enabled: true } } });
  });

  it('returns an empty object for no lines', () => {
    expect(parseOverrideAssignments([])).toEqual({});
  });

  it.each([
    ['ladder.stress.enabled', 'path.to.field=value'],
    ['=5', 'path.to.field=value'],
    ['ladder..rate=5', '("" is not a field name)'],
    ['ladder.rungs[0].rate=5', '("rungs[0]" is not a field name)'],
    ['__proto__.polluted=1', '("__proto__" is not a field name)'],
    ['constructor.prototype.polluted=1', '("constructor" is not a field name)'],
    ['dfsps.count=', 'with a value after "="'],
    ['ladder.rungs=[{rate: 5', 'a YAML value after "="'],
  ])('rejects %j, naming the line', async (line, allowed) => {
    const error = await configError(() => parseOverrideAssignments(['# first', line]));
    expect(error.source).toBe('overrides');
    expectIssueLine(error, 'override line 2', JSON.stringify(line), allowed);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports every malformed line, not just the first', async () => {
    const error = await configError(() => parseOverrideAssignments(['nothing', 'dfsps.count=4', 'x=']));
    expect(error.issues.map((issue) => issue.path)).toEqual(['override line 1', 'override line 3']);
  });
});

describe('mergeOverrides', () => {
  it('merges mappings recursively and replaces lists and scalars', () => {
    const base = { a: { b: 1, c: [1, 2, 3], d: { e: 'x' } }, f: 'keep' };
    const merged = mergeOverrides(base, { a: { c: [9], d: { g: true } }, f: 'new' });
    expect(merged).toEqual({ a: { b: 1, c: [9], d: { e: 'x', g: true } }, f: 'new' });
  });

  it('changes neither argument', () => {
    const base = { a: { b: 1 } };
    const overrides = { a: { c: 2 } };
    mergeOverrides(base, overrides);
    expect(base).toEqual({ a: { b: 1 } });
    expect(overrides).toEqual({ a: { c: 2 } });
  });

  it('lets a mapping replace a scalar and a scalar replace a mapping', () => {
    expect(mergeOverrides({ a: 1, b: { c: 1 } }, { a: { x: 1 }, b: 0 })).toEqual({ a: { x: 1 }, b: 0 });
  });

  it('ignores undefined override values', () => {
    expect(mergeOverrides({ a: 1 }, { a: undefined })).toEqual({ a: 1 });
  });

  it('keeps a "__proto__" key an ordinary field, which validation then rejects', async () => {
    const overrides = JSON.parse('{"__proto__": {"keepInfra": true}}') as Record<string, unknown>;
    const merged = mergeOverrides(validAwsConfig(), overrides) as Record<string, unknown>;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(merged.keepInfra).toBe(false);
    const error = await configError(() => validateRunConfig(merged));
    expectIssueLine(error, '__proto__', '{"keepInfra":true}', 'no keys other than: profile');
  });
});
