// The commands users read in the README are the ones automation runs: the PR-smoke rehearsal step runs
// the README's rehearsal command (through the reusable pipeline), and .ci/run runs its test command.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../lib/paths.js';

const root = repoRoot();

/** The first command of the first ```sh block under a `## <heading>` of the README. */
async function readmeCommand(heading: string): Promise<string> {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith(`${heading}\n`));
  const block = section?.match(/```sh\n([^\n]+)\n/);
  if (!block?.[1]) throw new Error(`README has no sh block under "## ${heading}"`);
  return block[1].trim();
}

interface Step {
  name?: string;
  run?: string;
}

describe('README commands', () => {
  it('the pipeline rehearsal that pr-smoke calls runs the README rehearsal command', async () => {
    const command = await readmeCommand('Run');
    expect(command).toBe('npm run rehearse');
    const smoke = parse(await readFile(join(root, '.github/workflows/pr-smoke.yml'), 'utf8'));
    expect(smoke.jobs.rehearsal.uses).toBe('./.github/workflows/perf-pipeline.yml');
    expect(smoke.jobs.rehearsal.with.profile).toBe('local');
    const pipeline = parse(await readFile(join(root, '.github/workflows/perf-pipeline.yml'), 'utf8'));
    const steps: Step[] = pipeline.jobs.rehearsal.steps;
    const runs = steps.map((step) => step.run ?? '').filter((run) => run.includes('rehearse'));
    expect(runs).toHaveLength(1);
    // The same command; arguments after `--` only say where the configuration and results are.
    expect(runs[0]?.startsWith(`${command} -- `)).toBe(true);
  });

  it('.ci/run runs the README test command', async () => {
    const command = await readmeCommand('Test');
    expect(command).toBe('npm test');
    const ci = await readFile(join(root, '.ci/run'), 'utf8');
    expect(ci.split('\n').filter((line) => line.trim().startsWith(command))).not.toHaveLength(0);
  });
});
