import { describe, expect, it } from 'vitest';
import { findOutputReads, maskStringLiterals } from '../../src/workflows/references.js';

const reads = (expression: string, context: 'needs' | 'jobs' = 'needs') =>
  findOutputReads(expression, context).map(({ job, output }) => `${job}.${output}`);

describe('expression output-read scanner', () => {
  it('finds dotted and bracket reads, in order', () => {
    expect(
      reads("format('{0} {1}', needs.build.outputs.version, needs['rung-1'].outputs['p99-ms'])"),
    ).toEqual(['build.version', 'rung-1.p99-ms']);
    expect(reads("needs.a.outputs['x'] == needs['b'].outputs.y")).toEqual(['a.x', 'b.y']);
  });

  it('is case-insensitive about the context and keeps the names as written', () => {
    expect(reads('NEEDS.Build.Outputs.Version')).toEqual(['Build.Version']);
  });

  it('only reads the context asked for', () => {
    expect(reads('jobs.run.outputs.verdict', 'jobs')).toEqual(['run.verdict']);
    expect(reads('jobs.run.outputs.verdict', 'needs')).toEqual([]);
    expect(reads('needs.run.outputs.verdict', 'jobs')).toEqual([]);
  });

  it('ignores text inside string literals and properties of other objects', () => {
    expect(reads("contains('see needs.a.outputs.b', 'x')")).toEqual([]);
    expect(reads('github.event.needs.a.outputs.b || steps.needs.outputs.x')).toEqual([]);
    expect(reads("'it''s needs.a.outputs.b' == needs.c.outputs.d")).toEqual(['c.d']);
  });

  it('skips reads that cannot be named statically', () => {
    expect(reads('needs.*.outputs.version')).toEqual([]);
    expect(reads('needs[matrix.job].outputs.version')).toEqual([]);
    expect(reads('toJSON(needs.build.outputs)')).toEqual([]);
    expect(reads('needs.build.result')).toEqual([]);
  });

  it('masks string literals without moving anything', () => {
    const text = "a == 'b.c' && x['k']";
    const masked = maskStringLiterals(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).toBe("a == '   ' && x['k']");
  });
});
