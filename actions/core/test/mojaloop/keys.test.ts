// The install-time key check against a pulled chart. The "pulled" charts are fixtures written here in
// the layout `helm pull --untar` leaves (a directory sub-chart and a packaged .tgz one); tar is real.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chartDefaults,
  helmPullArgs,
  UnknownValuesKeysError,
  verifyValuesKeys,
} from '../../src/mojaloop/keys.js';
import type { ChartPin } from '../../src/platform/pins.js';
import type { CommandOptions, CommandResult, CommandRunner } from '../../src/terraform/runner.js';
import { createProcessRunner } from '../../src/terraform/runner.js';

const PIN: ChartPin = {
  key: 'mojaloop',
  repo: 'https://mojaloop.github.io/helm/repo',
  chart: 'mojaloop',
  version: '17.0.4',
  verified: 'test',
};

/** An umbrella like mojaloop's: own values, an aliased directory sub-chart, a packaged one, conditions. */
function writeUmbrella(root: string): string {
  const dir = path.join(root, 'mojaloop');
  mkdirSync(path.join(dir, 'charts', 'centralledger', 'charts', 'handler'), { recursive: true });
  writeFileSync(
    path.join(dir, 'Chart.yaml'),
    [
      'name: mojaloop',
      'version: 17.0.4',
      'dependencies:',
      '  - name: centralledger',
      '    condition: centralledger.enabled',
      '  - name: thirdparty',
      '    condition: thirdparty.enabled',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'values.yaml'),
    'global: {}\ncentralledger:\n  centralledger-service:\n    replicaCount: 2\n',
  );
  const cl = path.join(dir, 'charts', 'centralledger');
  writeFileSync(
    path.join(cl, 'Chart.yaml'),
    'name: centralledger\ndependencies:\n  - name: handler\n    alias: centralledger-handler-transfer-position-batch\n  - name: service\n    alias: centralledger-service\n',
  );
  writeFileSync(path.join(cl, 'values.yaml'), 'enabled: true\n');
  writeFileSync(path.join(cl, 'charts', 'handler', 'Chart.yaml'), 'name: handler\n');
  writeFileSync(
    path.join(cl, 'charts', 'handler', 'values.yaml'),
    'replicaCount: 1\nnodeSelector: {}\nconfig:\n  batch_size: 100\n  db_connection_pool_max: 30\n',
  );
  // The service sub-chart arrives packaged, as `helm dependency build` leaves it.
  const staging = mkdtempSync(path.join(tmpdir(), 'mlperf-pkg-'));
  mkdirSync(path.join(staging, 'service'));
  writeFileSync(path.join(staging, 'service', 'Chart.yaml'), 'name: service\n');
  writeFileSync(
    path.join(staging, 'service', 'values.yaml'),
    'replicaCount: 1\nconfig:\n  db_host: mysqldb\n',
  );
  execFileSync('tar', ['-czf', path.join(cl, 'charts', 'service-1.0.0.tgz'), '-C', staging, 'service']);
  return root;
}

/** helm stands in for `helm pull` by copying the fixture chart; everything else runs for real. */
class PullingHelm implements CommandRunner {
  readonly calls: string[][] = [];
  private readonly real = createProcessRunner();
  constructor(
    private readonly fixture: string,
    private readonly exitCode = 0,
  ) {}
  async run(command: string, args: readonly string[], options: CommandOptions): Promise<CommandResult> {
    if (command !== 'helm') return this.real.run(command, args, options);
    this.calls.push([...args]);
    if (this.exitCode !== 0)
      return {
        exitCode: this.exitCode,
        stdout: '',
        stderr: 'Error: chart "mojaloop" version "17.0.4" not found',
      };
    const into = args[args.indexOf('--untardir') + 1] as string;
    cpSync(path.join(this.fixture, 'mojaloop'), path.join(into, 'mojaloop'), { recursive: true });
    return { exitCode: 0, stdout: '', stderr: '' };
  }
}

describe('the install-time values key check', () => {
  const fixture = writeUmbrella(mkdtempSync(path.join(tmpdir(), 'mlperf-chart-fixture-')));

  it('coalesces sub-chart defaults under their aliases, parent values over them, conditions as keys', async () => {
    const defaults = await chartDefaults(
      path.join(mkdtempSync(path.join(tmpdir(), 'x-')), 'none'),
      async () => {},
    );
    expect(defaults).toEqual({});
    const copy = mkdtempSync(path.join(tmpdir(), 'mlperf-chart-copy-'));
    cpSync(fixture, copy, { recursive: true });
    const runner = createProcessRunner();
    const values = await chartDefaults(path.join(copy, 'mojaloop'), async (archive, into) => {
      mkdirSync(into, { recursive: true });
      await runner.run('tar', ['-xzf', archive, '-C', into], { cwd: copy, stream: false });
    });
    expect(values).toMatchObject({
      centralledger: {
        enabled: true,
        'centralledger-service': { replicaCount: 2, config: { db_host: 'mysqldb' } },
        'centralledger-handler-transfer-position-batch': { config: { batch_size: 100 } },
      },
      thirdparty: { enabled: true },
    });
  });

  it('accepts values whose every key exists, and pulls exactly the pinned version', async () => {
    const helm = new PullingHelm(fixture);
    await verifyValuesKeys(
      helm,
      PIN,
      [
        {
          source: 'helm/values/mojaloop/aws-smoke.yaml',
          values: {
            thirdparty: { enabled: false },
            centralledger: {
              'centralledger-handler-transfer-position-batch': {
                replicaCount: 8,
                nodeSelector: { 'mlperf/role': 'hub-services' },
                config: { batch_size: 100, db_connection_pool_max: 20 },
              },
            },
          },
        },
        {
          source: 'run values (database, Kafka)',
          values: { centralledger: { 'centralledger-service': { config: { db_host: 'rds' } } } },
        },
      ],
      { cwd: fixture },
    );
    expect(helm.calls).toEqual([
      helmPullArgs(PIN, helm.calls[0]?.[helm.calls[0].indexOf('--untardir') + 1] as string),
    ]);
    expect(helm.calls[0]).toEqual(
      expect.arrayContaining(['pull', 'mojaloop', '--repo', PIN.repo, '--version', '17.0.4', '--untar']),
    );
  });

  it('refuses before installing, naming each unknown key path, its source and the chart version', async () => {
    const error = await verifyValuesKeys(
      new PullingHelm(fixture),
      PIN,
      [
        {
          source: 'helm/values/mojaloop/aws-smoke.yaml',
          values: {
            centralledger: {
              'centralledger-handler-transfer-position-batch': { config: { batchSize: 100 } },
              'centralledger-handler-transfer-positon': { replicaCount: 1 },
            },
          },
        },
        {
          source: 'run values (database, Kafka)',
          values: { centralledger: { 'centralledger-service': { config: { dbHost: 'x' } } } },
        },
      ],
      { cwd: fixture },
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnknownValuesKeysError);
    expect((error as Error).message.split('\n')).toEqual([
      '3 key paths we set do not exist in the pinned chart (nothing was installed):',
      '  helm/values/mojaloop/aws-smoke.yaml: centralledger.centralledger-handler-transfer-position-batch.config.batchSize — no such key upstream in mojaloop 17.0.4',
      '  helm/values/mojaloop/aws-smoke.yaml: centralledger.centralledger-handler-transfer-positon — no such key upstream in mojaloop 17.0.4',
      '  run values (database, Kafka): centralledger.centralledger-service.config.dbHost — no such key upstream in mojaloop 17.0.4',
    ]);
  });

  it('reports a failed pull with Helm last words', async () => {
    await expect(
      verifyValuesKeys(new PullingHelm(fixture, 1), PIN, [{ source: 'x', values: {} }], { cwd: fixture }),
    ).rejects.toThrow(
      /^helm pull mojaloop 17\.0\.4 from https:\/\/mojaloop\.github\.io\/helm\/repo exited 1:\nError: chart "mojaloop" version "17\.0\.4" not found/,
    );
  });
});
