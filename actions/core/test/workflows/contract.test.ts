// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the fixtures' text holds GitHub ${{ }} expressions
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ContractFinding, checkWorkflowDirectory, formatFinding } from '../../src/workflows/contract.js';
import { type Edit, fixtureVariant, lineOf, removeVariants } from './fixture-dirs.js';

// Every case starts from fixtures/contract/good (pipeline.yml calls rung.yml), copied to a temporary
// directory, and applies one defect to it. The first test shows the untouched pair is clean, so each
// finding below is caused by its edit alone.

afterAll(removeVariants);

const RUNG_JOB = 'needs: prepare';
const USES_RUNG = 'uses: ./.github/workflows/rung.yml';

async function check(edits: Record<string, readonly Edit[] | null>, fixture = 'contract/good') {
  const dir = await fixtureVariant(fixture, edits);
  const report = await checkWorkflowDirectory(dir);
  return { dir, report, findings: report.findings };
}

function brief(findings: ContractFinding[]) {
  return findings.map((f) => ({ file: path.basename(f.file), line: f.line, rule: f.rule }));
}

describe('reusable-workflow contract checker', () => {
  it('passes a caller and callee that agree', async () => {
    const { report } = await check({});
    expect(report.findings).toEqual([]);
    expect(report.workflows).toBe(2);
    // rung and rung-inherit; the remote octo-org call is not fetched and not counted.
    expect(report.reusableCalls).toBe(2);
  });

  it('flags a required input the caller does not pass', async () => {
    const { dir, findings } = await check({ 'pipeline.yml': [['      target-tps: 100\n', '']] });
    const line = await lineOf(dir, 'pipeline.yml', USES_RUNG, RUNG_JOB);
    expect(brief(findings)).toEqual([{ file: 'pipeline.yml', line, rule: 'input-missing' }]);
    expect(findings[0]?.message).toContain('job "rung"');
    expect(findings[0]?.message).toContain('required input "target-tps" (number) of rung.yml');
    expect(findings[0]?.message).toContain('declared inputs: profile, target-tps, keep-infra, region');
  });

  it('treats a required input as required even when it has a default', async () => {
    const { findings } = await check({
      'rung.yml': [
        [
          '        type: string\n        default: eu-west-1',
          '        type: string\n        required: true\n        default: eu-west-1',
        ],
      ],
    });
    // rung-inherit passes region; only the rung job omits it.
    expect(findings.map((f) => f.rule)).toEqual(['input-missing']);
    expect(findings[0]?.message).toContain('required input "region"');
    expect(findings[0]?.message).toContain('default is never used');
  });

  it('flags an input the callee does not declare', async () => {
    const { dir, findings } = await check({
      'pipeline.yml': [['      keep-infra: true\n', '      keep-infra: true\n      target-rps: 100\n']],
    });
    const line = await lineOf(dir, 'pipeline.yml', 'target-rps: 100');
    expect(brief(findings)).toEqual([{ file: 'pipeline.yml', line, rule: 'input-unknown' }]);
    expect(findings[0]?.message).toContain('passes input "target-rps", which rung.yml does not declare');
    expect(findings[0]?.message).toContain('declared inputs: profile, target-tps, keep-infra, region');
  });

  it.each([
    ['keep-infra: true', 'keep-infra: "yes"', 'input "keep-infra" as the string "yes"', 'type boolean'],
    ['target-tps: 100', 'target-tps: fast', 'input "target-tps" as the string "fast"', 'type number'],
    ['target-tps: "500"', 'target-tps: false', 'input "target-tps" as the boolean false', 'type number'],
    ['profile: local', 'profile: true', 'input "profile" as the boolean true', 'type string'],
  ])('flags a literal of the wrong type: %s -> %s', async (from, to, said, declared) => {
    const { dir, findings } = await check({ 'pipeline.yml': [[from, to]] });
    const line = await lineOf(dir, 'pipeline.yml', to);
    expect(brief(findings)).toEqual([{ file: 'pipeline.yml', line, rule: 'input-type' }]);
    expect(findings[0]?.message).toContain(said);
    expect(findings[0]?.message).toContain(`rung.yml declares it ${declared}`);
  });

  it('flags a required secret the caller does not pass, but not with secrets: inherit', async () => {
    const { dir, findings } = await check({
      'pipeline.yml': [['    secrets:\n      report-token: ${{ secrets.REPORT_TOKEN }}\n', '']],
    });
    const line = await lineOf(dir, 'pipeline.yml', USES_RUNG, RUNG_JOB);
    expect(brief(findings)).toEqual([{ file: 'pipeline.yml', line, rule: 'secret-missing' }]);
    expect(findings[0]?.message).toContain('job "rung"');
    expect(findings[0]?.message).toContain('required secret "report-token" of rung.yml');
    expect(findings[0]?.message).toContain('declared secrets: report-token, slack-webhook');
  });

  it('flags a secret the callee does not declare', async () => {
    const { dir, findings } = await check({
      'pipeline.yml': [
        [
          '      report-token: ${{ secrets.REPORT_TOKEN }}\n',
          '      report-token: ${{ secrets.REPORT_TOKEN }}\n      slack-token: ${{ secrets.SLACK }}\n',
        ],
      ],
    });
    const line = await lineOf(dir, 'pipeline.yml', 'slack-token:');
    expect(brief(findings)).toEqual([{ file: 'pipeline.yml', line, rule: 'secret-unknown' }]);
    expect(findings[0]?.message).toContain('secret "slack-token", which rung.yml does not declare');
  });

  it('flags needs.<job>.outputs.<name> when the called workflow lacks that output', async () => {
    const { dir, findings } = await check({
      'rung.yml': [['      achieved-tps:\n        value: ${{ jobs.run.outputs.achieved }}\n', '']],
    });
    const first = await lineOf(dir, 'pipeline.yml', 'needs.rung.outputs.achieved-tps');
    const second = await lineOf(dir, 'pipeline.yml', 'needs.rung-inherit.outputs.achieved-tps');
    expect(brief(findings)).toEqual([
      { file: 'pipeline.yml', line: first, rule: 'needs-output-unknown' },
      { file: 'pipeline.yml', line: second, rule: 'needs-output-unknown' },
    ]);
    expect(findings[0]?.message).toContain('job "report" reads needs.rung.outputs.achieved-tps');
    expect(findings[0]?.message).toContain(
      'rung.yml (called by job "rung") declares no output "achieved-tps"',
    );
    expect(findings[0]?.message).toContain('(outputs: verdict)');
  });

  it('flags needs.<job>.outputs.<name> when an ordinary job does not declare that output', async () => {
    const { dir, findings } = await check({
      'pipeline.yml': [['needs.prepare.outputs.profile }}', 'needs.prepare.outputs.profiles }}']],
    });
    const line = await lineOf(dir, 'pipeline.yml', 'needs.prepare.outputs.profiles');
    expect(brief(findings)).toEqual([{ file: 'pipeline.yml', line, rule: 'needs-output-unknown' }]);
    expect(findings[0]?.message).toContain('job "prepare" declares no output "profiles" (outputs: profile)');
  });

  it('flags reading the outputs of a job that is not in needs (bracket syntax included)', async () => {
    const { dir, findings } = await check({
      'pipeline.yml': [['needs: [rung, rung-inherit]', 'needs: [rung]']],
    });
    const bracket = await lineOf(dir, 'pipeline.yml', "needs['rung-inherit']");
    const dotted = await lineOf(dir, 'pipeline.yml', 'needs.rung-inherit.outputs');
    expect(brief(findings)).toEqual([
      { file: 'pipeline.yml', line: bracket, rule: 'needs-not-declared' },
      { file: 'pipeline.yml', line: dotted, rule: 'needs-not-declared' },
    ]);
    expect(findings[0]?.message).toContain('"rung-inherit" is not in its needs (needs: rung)');
  });

  it('flags a workflow_call output whose value names a job output that does not exist', async () => {
    const { dir, findings } = await check({
      'rung.yml': [['jobs.run.outputs.achieved }}', 'jobs.run.outputs.achieved_tps }}']],
    });
    const line = await lineOf(dir, 'rung.yml', 'jobs.run.outputs.achieved_tps');
    expect(brief(findings)).toEqual([{ file: 'rung.yml', line, rule: 'call-output-unknown' }]);
    expect(findings[0]?.message).toContain(
      'workflow_call output "achieved-tps" reads jobs.run.outputs.achieved_tps',
    );
    expect(findings[0]?.message).toContain(
      'job "run" declares no output "achieved_tps" (outputs: verdict, achieved)',
    );
  });

  it('flags a workflow_call output whose value names a job that does not exist', async () => {
    const { dir, findings } = await check({
      'rung.yml': [['jobs.run.outputs.verdict }}', 'jobs.runner.outputs.verdict }}']],
    });
    const line = await lineOf(dir, 'rung.yml', 'jobs.runner.outputs.verdict');
    expect(brief(findings)).toEqual([{ file: 'rung.yml', line, rule: 'call-output-job-unknown' }]);
    expect(findings[0]?.message).toContain('there is no job "runner" (jobs: run)');
  });

  it('flags a call of a workflow file that does not exist', async () => {
    const { dir, findings } = await check({ 'rung.yml': null });
    const first = await lineOf(dir, 'pipeline.yml', USES_RUNG, RUNG_JOB);
    const second = await lineOf(dir, 'pipeline.yml', USES_RUNG, '  rung-inherit:');
    // The calls are reported; reads of their outputs are not guessed at.
    expect(brief(findings)).toEqual([
      { file: 'pipeline.yml', line: first, rule: 'call-target-missing' },
      { file: 'pipeline.yml', line: second, rule: 'call-target-missing' },
    ]);
    expect(findings[0]?.message).toContain(
      './.github/workflows/rung.yml does not exist (workflows in this directory: pipeline.yml)',
    );
  });

  it('flags a call of a workflow that does not declare on: workflow_call', async () => {
    const { dir, findings } = await check({}, 'contract/not-reusable');
    const line = await lineOf(dir, 'caller.yml', 'uses: ./.github/workflows/nightly.yml');
    expect(brief(findings)).toEqual([{ file: 'caller.yml', line, rule: 'call-target-not-reusable' }]);
    expect(findings[0]?.message).toContain(
      'nightly.yml does not declare `on: workflow_call`, so it cannot be called (its triggers: schedule, workflow_dispatch)',
    );
  });

  it('checks calls written in the self-repository form ($/.github/workflows/...) too', async () => {
    const { report } = await check({
      'pipeline.yml': [
        ['    needs: prepare\n    uses: ./', '    needs: prepare\n    uses: $/'],
        ['      target-tps: 100\n', ''],
      ],
    });
    expect(report.reusableCalls).toBe(2);
    expect(report.findings.map((f) => f.rule)).toEqual(['input-missing']);
  });

  it('reports parser errors with file and line: an unknown job key', async () => {
    const { dir, findings } = await check({
      'pipeline.yml': [['    timeout-minutes: 5\n    outputs:', '    timeout-minute: 5\n    outputs:']],
    });
    const line = await lineOf(dir, 'pipeline.yml', 'timeout-minute: 5');
    expect(brief(findings)).toContainEqual({ file: 'pipeline.yml', line, rule: 'parse-error' });
    expect(findings.find((f) => f.line === line)?.message).toContain('timeout-minute');
  });

  it('reports broken YAML in a callee, and the call that can no longer be checked', async () => {
    const { dir, findings } = await check({ 'rung.yml': [['name: Rung', 'name: [Rung']] });
    const rules = new Set(findings.map((f) => `${path.basename(f.file)} ${f.rule}`));
    expect(rules).toContain('rung.yml parse-error');
    expect(rules).toContain('pipeline.yml call-target-unparsed');
    const line = await lineOf(dir, 'rung.yml', 'name: [Rung');
    expect(findings.some((f) => f.rule === 'parse-error' && (f.line ?? 0) >= line)).toBe(true);
  });

  it('formats a finding as file:line: [rule] message', () => {
    expect(formatFinding({ file: 'w/a.yml', line: 7, rule: 'input-unknown', message: 'm' })).toBe(
      'w/a.yml:7: [input-unknown] m',
    );
    expect(formatFinding({ file: 'w/a.yml', rule: 'parse-error', message: 'm' })).toBe(
      'w/a.yml: [parse-error] m',
    );
  });

  describe('nested permissions', () => {
    const CALLEE_PERMISSIONS = 'permissions:\n  contents: read\n\njobs:';

    it('flags a callee job that asks for more than the calling job grants, at each call', async () => {
      const { dir, findings } = await check({
        'rung.yml': [[CALLEE_PERMISSIONS, 'permissions:\n  contents: read\n  id-token: write\n\njobs:']],
      });
      const first = await lineOf(dir, 'pipeline.yml', USES_RUNG, RUNG_JOB);
      const second = await lineOf(dir, 'pipeline.yml', USES_RUNG, 'rung-inherit:');
      expect(brief(findings)).toEqual([
        { file: 'pipeline.yml', line: first, rule: 'permissions-exceed' },
        { file: 'pipeline.yml', line: second, rule: 'permissions-exceed' },
      ]);
      expect(findings[0]?.message).toContain(
        'rung.yml job "run" asks id-token: write, but this job grants id-token: none',
      );
    });

    it('accepts it when the calling job grants enough, and judges write-all', async () => {
      const grants =
        'rung:\n    needs: prepare\n    permissions:\n      contents: read\n      id-token: write\n';
      const { findings } = await check({
        'rung.yml': [[CALLEE_PERMISSIONS, 'permissions:\n  contents: read\n  id-token: write\n\njobs:']],
        'pipeline.yml': [['rung:\n    needs: prepare\n', grants]],
      });
      // Only the second call, which still grants the workflow's contents: read alone, is refused.
      expect(findings.map((f) => f.rule)).toEqual(['permissions-exceed']);
      const { findings: all } = await check({
        'rung.yml': [[CALLEE_PERMISSIONS, 'permissions: write-all\n\njobs:']],
      });
      expect(all.map((f) => f.message)).toEqual([
        expect.stringContaining('asks write-all, more than this job grants'),
        expect.stringContaining('asks write-all, more than this job grants'),
      ]);
    });

    it('does not judge a caller without permissions (the repository default applies)', async () => {
      const { findings } = await check({
        'rung.yml': [[CALLEE_PERMISSIONS, 'permissions:\n  contents: write\n\njobs:']],
        'pipeline.yml': [['permissions:\n  contents: read\n\njobs:', 'jobs:']],
      });
      expect(findings).toEqual([]);
    });
  });
});
