import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createS3StackRecordStore, type StackRecordStore } from '@mlperf/core/janitor/index';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EKS_TOKEN_PREFIX,
  EksWaitError,
  provisionStack,
  TerraformError,
  VAR_FILE_NAME,
} from '../../src/index.js';
import { FakeBucket, installFakeS3, s3Client } from '../janitor/support.js';
import { clusterName } from './fake-terraform.js';
import { World } from './world.js';

describe('provision against the fake world', () => {
  let world: World;
  beforeEach(async () => {
    world = await new World().open();
  });
  afterEach(async () => world.close());

  it('applies the saved plan, types the outputs, waits for EKS and mints a token per cluster', async () => {
    const { runner, tf } = world.terraform({ activeAfterPolls: 3 });
    const published: string[] = [];
    const result = await provisionStack(await world.provisionInput(), {
      ...world.provisionDeps(tf),
      onPlan: async (_summary, markdown) => {
        published.push(markdown);
      },
    });

    // Terraform saw exactly: init, plan -out, show -json of that plan, apply of that plan, output -json.
    expect(runner.commands.map((c) => c.args[0])).toEqual(['init', 'plan', 'show', 'apply', 'output']);
    const planFile = path.join(world.dir, 'mlperf.tfplan');
    expect(runner.commands[1]?.args).toContain(`-out=${planFile}`);
    expect(runner.commands[3]?.args.at(-1)).toBe(planFile);
    // The variables file is the pure function's output.
    expect(JSON.parse(await readFile(path.join(world.dir, VAR_FILE_NAME), 'utf8'))).toEqual(result.variables);

    expect(result.plan.add).toBe(result.plan.byType.reduce((n, row) => n + row.add, 0));
    expect(result.plan.byType.find((row) => row.type === 'aws_eks_node_group')).toEqual({
      type: 'aws_eks_node_group',
      add: 5,
      change: 0,
      replace: 0,
      destroy: 0,
    });
    expect(published).toEqual([result.planMarkdown]);
    expect(result.planMarkdown).not.toContain('hunter2');

    expect(result.outputs.hub.name).toBe(clusterName('r42', 'hub'));
    expect(result.outputs.load.name).toBe(clusterName('r42', 'load'));
    expect(result.outputs.vpcId).toMatch(/^vpc-/);
    expect(world.cloud.clusters.every((c) => c.status === 'ACTIVE')).toBe(true);
    expect(world.cloud.nodegroups.map((g) => g.status)).toEqual(Array(5).fill('ACTIVE'));
    expect(result.waitedMs).toBeGreaterThan(0);

    for (const token of [result.tokens.hub, result.tokens.load]) {
      expect(token.token.startsWith(EKS_TOKEN_PREFIX)).toBe(true);
    }
    const hubUrl = Buffer.from(
      result.tokens.hub.token.slice(EKS_TOKEN_PREFIX.length),
      'base64url',
    ).toString();
    expect(hubUrl).toMatch(/^https:\/\/sts\.eu-west-2\.amazonaws\.com\/\?Action=GetCallerIdentity&/);
    expect(world.lines.join('\n')).not.toContain(result.tokens.hub.token);
  });

  it('stops at the deadline with a diagnosis of what is not active', async () => {
    const { tf } = world.terraform({ activeAfterPolls: -1 });
    const input = { ...(await world.provisionInput()), waitTimeoutMs: 10 * 60_000 };
    const error = await provisionStack(input, world.provisionDeps(tf)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EksWaitError);
    expect((error as Error).message).toMatch(
      /^timed out after 10 min \(deadline 10 min\) waiting for EKS; not ACTIVE:/,
    );
    expect((error as Error).message).toContain(`cluster ${clusterName('r42', 'hub')}: CREATING`);
    expect((error as Error).message).toContain(
      `node group ${clusterName('r42', 'load')}/load-runners: waiting for cluster (CREATING)`,
    );
  });

  it("surfaces a failed apply with Terraform's own error, after publishing the plan", async () => {
    const { runner, tf } = world.terraform({ failApplyAfter: 6 });
    const published: string[] = [];
    const error = await provisionStack(await world.provisionInput(), {
      ...world.provisionDeps(tf),
      onPlan: async (_s, markdown) => {
        published.push(markdown);
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerraformError);
    expect((error as Error).message).toMatch(/^terraform apply failed \(exit 1\)/);
    expect((error as Error).message).toContain('InsufficientInstanceCapacity');
    expect(published).toHaveLength(1);
    expect(runner.state()).toHaveLength(6);
  });

  describe('the teardown record for the janitor', () => {
    let bucket: FakeBucket;
    let s3: { restore(): void };
    beforeEach(() => {
      bucket = new FakeBucket('mlperf-state');
      s3 = installFakeS3(bucket);
    });
    afterEach(() => s3.restore());

    it('is saved beside the state before terraform init, so a failed apply still leaves it', async () => {
      const { runner, tf } = world.terraform({ failApplyAfter: 3 });
      const s3Store = createS3StackRecordStore(s3Client(), 'mlperf-state');
      let commandsAtSave = -1;
      const records: Pick<StackRecordStore, 'put'> = {
        put: async (record) => {
          commandsAtSave = runner.commands.length;
          return s3Store.put(record);
        },
      };
      const input = await world.provisionInput();
      const error = await provisionStack(input, { ...world.provisionDeps(tf), records }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TerraformError);
      expect(commandsAtSave).toBe(0);
      expect(world.lines).toContain(
        'teardown record for the janitor saved to s3://mlperf-state/mlperf/r42/teardown.json',
      );
      const saved = await s3Store.get('r42');
      expect(saved.stateKey).toBe(input.backend.key);
      expect(saved.config).toEqual(input.config);
      expect(saved.writtenAt).toBe('2026-11-25T17:00:00Z');
      // Exactly the variables file Terraform got.
      expect(saved.variables).toEqual(
        JSON.parse(await readFile(path.join(world.dir, VAR_FILE_NAME), 'utf8')),
      );
    });

    it('stops before anything is made when the record cannot be saved', async () => {
      bucket.denied.add('s3:PutObject');
      const { runner, tf } = world.terraform();
      const error = await provisionStack(await world.provisionInput(), {
        ...world.provisionDeps(tf),
        records: createS3StackRecordStore(s3Client(), 'mlperf-state'),
      }).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(
        /^saving the teardown record s3:\/\/mlperf-state\/mlperf\/r42\/teardown\.json: AWS denied s3:PutObject \(AccessDenied\)/,
      );
      expect(runner.commands).toEqual([]);
      expect(world.cloud.vpcs).toEqual([]);
    });
  });
});
