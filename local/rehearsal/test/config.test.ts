import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunConfigError } from '@mlperf/core/config/errors';
import { describe, expect, it } from 'vitest';
import { loadRehearsalConfig } from '../src/config.js';

async function configError(input: Parameters<typeof loadRehearsalConfig>[0]): Promise<RunConfigError> {
  try {
    await loadRehearsalConfig(input);
  } catch (error) {
    if (error instanceof RunConfigError) return error;
    throw error;
  }
  throw new Error('expected a RunConfigError');
}

describe('loadRehearsalConfig', () => {
  it('loads the local profile with overrides and the default base port', async () => {
    const { config, basePort } = await loadRehearsalConfig({
      profile: 'local',
      sets: ['dfsps.count=2', 'dfsps.partiesPerDfsp=10'],
    });
    expect(config.infrastructure.provider).toBe('local');
    expect(config.dfsps).toMatchObject({ count: 2, partiesPerDfsp: 10, currency: 'XXX' });
    expect(config.slo.successPercent).toBe(99.5); // defaults applied by the core's loader
    expect(basePort).toBe(20000);
  });

  it('refuses a configuration whose provider is not local, naming field, value and what is allowed', async () => {
    const error = await configError({ profile: 'aws-smoke', sets: [] });
    expect(error.issues).toEqual([
      {
        path: 'infrastructure.provider',
        value: 'aws',
        allowed: expect.stringMatching(/^local \(the rehearsal runs on this machine/),
      },
    ]);
    expect(error.message).toContain('infrastructure.provider: got "aws"; allowed: local');
  });

  it('reports every issue of bad overrides with the core format', async () => {
    const error = await configError({
      profile: 'local',
      sets: ['dfsps.count=1', 'dfsps.currency=usd', 'security.jwsSign=false'],
    });
    expect(error.issues.map((i) => i.path)).toEqual([
      'dfsps.count',
      'dfsps.currency',
      'security.jwsValidate',
    ]);
    expect(error.message).toContain('dfsps.count: got 1; allowed: an integer from 2 to 64');
    const syntax = await configError({ profile: 'local', sets: ['no-equals-sign'] });
    expect(syntax.issues[0]).toMatchObject({ path: 'override line 1', value: 'no-equals-sign' });
  });

  it('refuses an unknown profile and a base port whose plan does not fit the fleet', async () => {
    const missing = await configError({ profile: 'nope', sets: [] });
    expect(missing.issues[0]).toMatchObject({ path: 'profile', value: 'nope' });
    expect(missing.issues[0]?.allowed).toContain('local');
    const port = await configError({ profile: 'local', sets: [], basePort: 65_000 });
    expect(port.issues).toEqual([
      { path: '--base-port', value: 65_000, allowed: expect.stringContaining('fits 8 DFSPs') },
    ]);
  });

  it('reads a resolved configuration file (from the pipeline), validating it again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rehearsal-config-'));
    try {
      const { config } = await loadRehearsalConfig({ profile: 'local', sets: ['dfsps.count=3'] });
      const file = join(dir, 'run-config.json');
      await writeFile(file, JSON.stringify(config));
      expect((await loadRehearsalConfig({ profile: 'ignored', sets: [], configFile: file })).config).toEqual(
        config,
      );

      await writeFile(file, JSON.stringify({ ...config, dfsps: { ...config.dfsps, count: 0 } }));
      expect((await configError({ profile: 'local', sets: [], configFile: file })).message).toMatch(
        /dfsps\.count: got 0/,
      );
      await writeFile(file, '{"profile":');
      expect((await configError({ profile: 'local', sets: [], configFile: file })).issues[0]?.path).toBe(
        '--config-file',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
