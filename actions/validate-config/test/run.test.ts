import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tools/lib/paths.js';
import { Inputs, Outputs } from '../src/names.js';
import { type ActionIo, run } from '../src/run.js';

/** A recording stand-in for the slice of @actions/core the action uses. */
function fakeIo(inputs: Record<string, string>) {
  const outputs: Record<string, string> = {};
  const failures: string[] = [];
  const io: ActionIo = {
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => {
      outputs[name] = value;
    },
    setFailed: (message) => {
      failures.push(message);
    },
    info: () => {},
  };
  return { io, outputs, failures };
}

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
});
