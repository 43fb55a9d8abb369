import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tools/lib/paths.js';
import { recordingIo } from '../../_shell/test/recording-io.js';
import { Inputs, Outputs } from '../src/names.js';
import { run } from '../src/run.js';

const fakeIo = recordingIo;

const workspace = repoRoot();

describe('validate-config action', () => {
  it('resolves the local profile and publishes it as outputs', async () => {
    const { io, outputs, failures } = fakeIo({ [Inputs.Profile]: 'local' });
    await run(io, workspace);
    expect(failures).toEqual([]);
    expect(outputs[Outputs.Profile]).toBe('local');
    expect(outputs[Outputs.Provider]).toBe('local');
    expect(JSON.parse(outputs[Outputs.Config] ?? '{}').dfsps.count).toBeGreaterThanOrEqual(2);
  });

  it('applies overrides before validating', async () => {
    const { io, outputs, failures } = fakeIo({
      [Inputs.Profile]: 'aws-smoke',
      [Inputs.Overrides]: 'dfsps.count=4\n# note\n',
    });
    await run(io, workspace);
    expect(failures).toEqual([]);
    expect(JSON.parse(outputs[Outputs.Config] ?? '{}').dfsps.count).toBe(4);
  });

  it('fails naming the field, the value and what is allowed, and publishes nothing', async () => {
    const { io, outputs, failures } = fakeIo({
      [Inputs.Profile]: 'local',
      [Inputs.Overrides]: 'dfsps.count=1',
    });
    await run(io, workspace);
    expect(outputs).toEqual({});
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain('dfsps.count');
    expect(failures[0]).toMatch(/got 1\b/);
    expect(failures[0]).toMatch(/allowed: .*2/);
  });

  it('names the available profiles when the profile is unknown', async () => {
    const { io, failures } = fakeIo({ [Inputs.Profile]: 'aws-9000tps' });
    await run(io, workspace);
    expect(failures[0]).toContain('aws-9000tps');
    expect(failures[0]).toContain('aws-1000tps');
    expect(failures[0]).toContain('local');
  });

  describe('with a profile file of its own', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'profiles-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reports an invalid committed profile before anything runs', async () => {
      await writeFile(path.join(dir, 'broken.yaml'), 'profile: broken\nladder: {rungs: []}\n');
      const { io, failures } = fakeIo({ [Inputs.Profile]: 'broken', [Inputs.ProfilesDir]: dir });
      await run(io, workspace);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toContain('invalid run configuration');
    });
  });

  it('applies the dispatch choices after the overrides and validates the result', async () => {
    const { io, outputs, failures } = fakeIo({
      [Inputs.Profile]: 'aws-smoke',
      [Inputs.Rates]: '50,100',
      [Inputs.DfspCount]: '4',
      [Inputs.KeepInfra]: 'true',
      [Inputs.CostCapUsd]: '20',
    });
    await run(io, workspace);
    expect(failures).toEqual([]);
    const config = JSON.parse(outputs[Outputs.Config] ?? '{}');
    expect({
      rates: config.ladder.rungs.map((r: { rate: number }) => r.rate),
      dfsps: config.dfsps.count,
      keep: config.keepInfra,
      cap: config.costCapUsd,
    }).toEqual({ rates: [50, 100], dfsps: 4, keep: true, cap: 20 });
  });

  it('fails naming the input of a bad dispatch choice, and sets no output', async () => {
    const { io, outputs, failures } = fakeIo({ [Inputs.Profile]: 'aws-smoke', [Inputs.Rates]: '100,50' });
    await run(io, workspace);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^invalid run choice: input rates: got "100,50"; allowed: /);
    expect(outputs).toEqual({});
  });
});
