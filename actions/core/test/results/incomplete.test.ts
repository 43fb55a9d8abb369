import { describe, expect, it } from 'vitest';
import {
  incompleteRunResults,
  parseRunResults,
  phaseOutcomes,
  renderReport,
  stoppingPhase,
} from '../../src/index.js';
import { profile } from './support.js';

const ORDER = ['config', 'preflight', 'provision', 'ladder', 'teardown'];

describe('results of a run that stopped before its ladder', () => {
  it('reads phase outcomes from toJSON(needs), marking phases without a job as absent', () => {
    const needs = JSON.stringify({
      config: { result: 'success', outputs: { provider: 'aws' } },
      preflight: { result: 'success', outputs: {} },
      provision: { result: 'failure', outputs: {} },
      teardown: { result: 'skipped', outputs: {} },
    });
    expect(phaseOutcomes(needs, ORDER)).toEqual([
      { name: 'config', result: 'success' },
      { name: 'preflight', result: 'success' },
      { name: 'provision', result: 'failure' },
      { name: 'ladder', result: 'absent' },
      { name: 'teardown', result: 'skipped' },
    ]);
  });

  it('refuses what is not the needs context, naming the field and what is allowed', () => {
    expect(() => phaseOutcomes('{not json', ORDER)).toThrow(
      /^phases: got "\{not json"; allowed: the JSON of toJSON\(needs\)/,
    );
    expect(() => phaseOutcomes('[]', ORDER)).toThrow(/phases: allowed: a JSON object/);
    expect(() => phaseOutcomes('{"config":{"result":"green"}}', ORDER)).toThrow(
      /phases\.config\.result: got "green"; allowed: success, failure, cancelled or skipped/,
    );
  });

  it('names the first phase that did not succeed, and how', () => {
    expect(
      stoppingPhase(phaseOutcomes('{"config":{"result":"success"},"preflight":{"result":"failure"}}', ORDER)),
    ).toBe('The run stopped at phase preflight, which failed.');
    expect(
      stoppingPhase([
        { name: 'config', result: 'success' },
        { name: 'ladder', result: 'absent' },
      ]),
    ).toBe('The run stopped at phase ladder, which is not part of the pipeline yet.');
    expect(stoppingPhase([{ name: 'config', result: 'success' }])).toMatch(/no results file was produced/);
  });

  it('builds schema-valid INVALID results that carry the reason, and the report shows it', async () => {
    const config = await profile('aws-smoke');
    const results = incompleteRunResults({
      config,
      runId: 'r42',
      trigger: 'manual',
      startedAt: '2026-11-25T10:00:00Z',
      finishedAt: '2026-11-25T10:12:30Z',
      phases: [
        { name: 'config', result: 'success' },
        { name: 'preflight', result: 'failure' },
        { name: 'provision', result: 'skipped' },
      ],
    });
    expect(parseRunResults(JSON.parse(JSON.stringify(results)))).toEqual(results);
    expect(results.verdict.outcome).toBe('INVALID');
    expect(results.verdict.summary).toMatch(/^No ladder rung ran/);
    expect(results.durationSeconds).toBe(750);
    expect(results.environment).toMatchObject({
      provider: 'aws',
      region: config.infrastructure.provider === 'aws' ? config.infrastructure.region : '',
    });
    expect(results.hints).toEqual([
      'The run stopped at phase preflight, which failed.',
      'Phases: config success, preflight failure, provision skipped.',
    ]);
    const report = renderReport(results);
    expect(report).toContain('INVALID');
    expect(report).toContain('No ladder rung ran');
  });
});
