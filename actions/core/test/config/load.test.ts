import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listProfiles, loadRunConfig } from '../../src/index.js';
import { configError, expectIssueLine, PROFILES_DIR } from './support.js';

describe('loadRunConfig: choosing a profile', () => {
  it('rejects an unknown profile and lists the available ones', async () => {
    const error = await configError(() =>
      loadRunConfig({ profile: 'aws-9000tps', profilesDir: PROFILES_DIR }),
    );
    expectIssueLine(error, 'profile', '"aws-9000tps"', 'one of: aws-1000tps, aws-smoke, local');
  });

  it.each(['../local', '../../etc/passwd', 'local/../local', '/etc/passwd', 'a\\b', '..', 'local.yaml'])(
    'rejects %j before touching the filesystem',
    async (profile) => {
      // The directory does not exist: any filesystem access would fail with ENOENT instead.
      const profilesDir = join(tmpdir(), 'no-such-profiles-dir-for-config-tests');
      const error = await configError(() => loadRunConfig({ profile, profilesDir }));
      expectIssueLine(error, 'profile', JSON.stringify(profile), 'no path separators or ".."');
    },
  );
});

describe('loadRunConfig: files on disk', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'run-config-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports a YAML syntax error with file, line, column and the offending line', async () => {
    const file = join(dir, 'broken.yaml');
    await writeFile(file, 'profile: broken\nladder:\n  rungs: [{ rate: 5, warmupSeconds: 1\ndfsps: {}\n');
    const error = await configError(() => loadRunConfig({ profile: 'broken', profilesDir: dir }));
    expect(error.source).toBe(file);
    expect(error.message).toContain(`Run configuration from ${file} is invalid`);
    expect(error.issues[0]?.path).toMatch(new RegExp(`^${file.replace(/[.\\]/g, '\\$&')}:\\d+:\\d+$`));
    expectIssueLine(error, error.issues[0]?.path ?? '', '"dfsps: {}"', 'valid YAML (');
    expect(error.issues[0]?.path).toBe(`${file}:4:1`);
  });

  it('reports a duplicate key as a YAML error at the second occurrence', async () => {
    const file = join(dir, 'twice.yaml');
    await writeFile(file, 'profile: twice\nkeepInfra: false\nkeepInfra: true\n');
    const error = await configError(() => loadRunConfig({ profile: 'twice', profilesDir: dir }));
    expectIssueLine(error, `${file}:3:1`, '"keepInfra: true"', 'valid YAML (Map keys must be unique)');
  });

  it('names the file when the YAML is valid but the configuration is not', async () => {
    const file = join(dir, 'empty.yaml');
    await writeFile(file, '# nothing here\n');
    const error = await configError(() => loadRunConfig({ profile: 'empty', profilesDir: dir }));
    expect(error.message.split('\n')[0]).toBe(`Run configuration from ${file} is invalid (1 issue):`);
    expectIssueLine(error, '(root)', 'null', 'a mapping with keys: profile');
  });

  it('says when the directory has no profiles at all', async () => {
    const error = await configError(() => loadRunConfig({ profile: 'local', profilesDir: dir }));
    expectIssueLine(error, 'profile', '"local"', `a profile file in ${dir} (none found)`);
  });

  it('lists only *.yaml files with valid profile names, sorted', async () => {
    for (const name of ['b.yaml', 'a.yaml', 'notes.md', 'Bad Name.yaml', 'c.yml', 'a-1.yaml']) {
      await writeFile(join(dir, name), 'x: 1\n');
    }
    await mkdir(join(dir, 'd.yaml'));
    expect(await listProfiles(dir)).toEqual(['a', 'a-1', 'b']);
  });
});

describe('loadRunConfig: overrides', () => {
  it('merges nested mappings and keeps what they do not mention', async () => {
    const config = await loadRunConfig({
      profile: 'local',
      profilesDir: PROFILES_DIR,
      overrides: { ladder: { stress: { enabled: false } }, dfsps: { count: 4 } },
    });
    expect(config.ladder.stress.enabled).toBe(false);
    expect(config.ladder.stress.maxRate).toBe(60);
    expect(config.ladder.rungs).toHaveLength(3);
    expect(config.dfsps).toMatchObject({ count: 4, currency: 'XXX', trafficMix: 'uniform' });
  });

  it('replaces lists instead of merging them element by element', async () => {
    const config = await loadRunConfig({
      profile: 'local',
      profilesDir: PROFILES_DIR,
      overrides: { ladder: { rungs: [{ rate: 7, warmupSeconds: 2, holdSeconds: 10, drainSeconds: 1 }] } },
    });
    expect(config.ladder.rungs).toEqual([{ rate: 7, warmupSeconds: 2, holdSeconds: 10, drainSeconds: 1 }]);
  });

  it('validates the merged result and says overrides were involved', async () => {
    const error = await configError(() =>
      loadRunConfig({ profile: 'local', profilesDir: PROFILES_DIR, overrides: { dfsps: { count: 65 } } }),
    );
    expect(error.source).toBe(`${join(PROFILES_DIR, 'local.yaml')} with overrides`);
    expectIssueLine(error, 'dfsps.count', '65', 'an integer from 2 to 64');
  });
});
