// One fake world for the provision and teardown tests: a FakeCloud behind the SDK mocks, a
// FakeTerraform on the same cloud, a fake clock and a scratch stack directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createEksStatusApi,
  createKubeLoadBalancerApi,
  createOrphanApi,
  type ProvisionInput,
  type TeardownInput,
  Terraform,
  type TerraformMeta,
} from '../../src/index.js';
import { FakeCloud, type InstalledFake, installFakeAws, sdkClients } from '../aws/fake-aws.js';
import { FakeClock } from '../aws/fake-clock.js';
import { profile } from '../aws/profiles.js';
import { FakeTerraform, type FakeTerraformOptions } from './fake-terraform.js';

export const META: TerraformMeta = {
  runId: 'r42',
  owner: 'octocat',
  expiresAt: '2026-11-26T01:00:00Z',
  pipelineRoleArn: 'arn:aws:iam::123456789012:role/mlperf-pipeline',
};
export const BACKEND = { bucket: 'mlperf-state', key: 'mlperf/r42/terraform.tfstate', region: 'eu-west-2' };
export const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

export class World {
  readonly cloud = new FakeCloud();
  readonly clock = new FakeClock();
  readonly lines: string[] = [];
  private fake: InstalledFake | undefined;
  dir = '';

  async open(): Promise<this> {
    this.fake = installFakeAws(this.cloud);
    this.dir = await mkdtemp(path.join(tmpdir(), 'stack-'));
    return this;
  }

  async close(): Promise<void> {
    this.fake?.restore();
    await rm(this.dir, { recursive: true, force: true });
  }

  terraform(options: FakeTerraformOptions = {}): { runner: FakeTerraform; tf: Terraform } {
    const runner = new FakeTerraform(this.cloud, options);
    return { runner, tf: new Terraform({ workingDir: this.dir, runner }) };
  }

  async provisionInput(): Promise<ProvisionInput> {
    return {
      config: await profile('aws-smoke'),
      meta: META,
      backend: BACKEND,
      workingDir: this.dir,
      waitTimeoutMs: 30 * 60_000,
      pollIntervalMs: 30_000,
    };
  }

  async teardownInput(): Promise<TeardownInput> {
    return {
      config: await profile('aws-smoke'),
      meta: META,
      backend: BACKEND,
      workingDir: this.dir,
      clusterNames: [],
      loadBalancerTimeoutMs: 10 * 60_000,
      pollIntervalMs: 15_000,
      destroyAttempts: 4,
      destroyBaseDelayMs: 30_000,
    };
  }

  provisionDeps(tf: Terraform) {
    return {
      terraform: tf,
      eks: createEksStatusApi(sdkClients().eks),
      clock: this.clock,
      credentials: async () => CREDENTIALS,
      log: (line: string) => this.lines.push(line),
    };
  }

  teardownDeps(tf: Terraform) {
    const sdk = sdkClients();
    return {
      terraform: tf,
      loadBalancers: createKubeLoadBalancerApi(sdk),
      orphans: createOrphanApi(sdk),
      clock: this.clock,
      log: (line: string) => this.lines.push(line),
    };
  }
}
