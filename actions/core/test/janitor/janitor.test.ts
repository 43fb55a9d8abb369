import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResourceTagMapping } from '@aws-sdk/client-resource-groups-tagging-api';
import {
  createRunResourceApi,
  createS3StackRecordStore,
  type JanitorDeps,
  type JanitorOptions,
  renderJanitorMarkdown,
  runJanitor,
  stackRecord,
  stackRecordKey,
  validateMaxStacks,
} from '@mlperf/core/janitor/index';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createKubeLoadBalancerApi,
  createOrphanApi,
  defaultStateKey,
  describeAwsFailure,
  provisionStack,
  toTerraformVariables,
} from '../../src/index.js';
import { sdkClients } from '../aws/fake-aws.js';
import { profile } from '../aws/profiles.js';
import { FakeTerraform } from '../terraform/fake-terraform.js';
import { BACKEND, META, World } from '../terraform/world.js';
import {
  FakeBucket,
  type FakeTagging,
  installFakeS3,
  mockTaggingInstance,
  s3Client,
  serviceError,
  stackResources,
  taggingClient,
  tagPages,
} from './support.js';

const NOW = new Date('2026-11-26T12:00:00Z');
const EXPIRED = (hoursAgo: number) =>
  new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString().replace('.000Z', 'Z');
const LATER = '2026-11-27T00:00:00Z';

describe('the janitor against the fake world', () => {
  let world: World;
  let bucket: FakeBucket;
  let s3: { restore(): void };
  let discovery: FakeTagging;
  let scratch: string;
  /** What the tagging index lists, in pages of three. */
  let listed: ResourceTagMapping[];
  const discoveryClient = taggingClient();

  beforeEach(async () => {
    listed = [];
    // Before the world: it mocks the tagging client class for the teardown's orphan check.
    discovery = mockTaggingInstance(discoveryClient, (_region, input) => tagPages(listed, 3)(input));
    world = await new World().open();
    bucket = new FakeBucket('mlperf-state');
    s3 = installFakeS3(bucket);
    scratch = await mkdtemp(path.join(tmpdir(), 'janitor-'));
  });
  afterEach(async () => {
    s3.restore();
    await world.close();
    discovery.restore();
    await rm(scratch, { recursive: true, force: true });
  });

  const store = () => createS3StackRecordStore(s3Client(), 'mlperf-state');

  /** Provisions a run's stack through the provision core (saving its record) and lists its tags. */
  async function provision(runId: string, expiresAt: string, options: { record?: boolean } = {}) {
    const { tf } = world.terraform({ activeAfterPolls: 1 });
    const input = await world.provisionInput();
    await provisionStack(
      { ...input, meta: { ...META, runId, expiresAt }, backend: { ...BACKEND, key: defaultStateKey(runId) } },
      { ...world.provisionDeps(tf), ...(options.record === false ? {} : { records: store() }) },
    );
    listed.push(...stackResources(runId, expiresAt));
  }

  const stackLeft = (runId: string) => ({
    vpcs: world.cloud.vpcs.filter((v) => v.tags.RunId === runId).length,
    clusters: world.cloud.clusters.filter((c) => c.name.startsWith(`mlperf-${runId}-`)).length,
  });

  function janitor(runner = new FakeTerraform(world.cloud), regionsAsked: string[] = []) {
    const deps: JanitorDeps = {
      resources: createRunResourceApi(() => discoveryClient),
      records: store(),
      teardownAws: (region) => {
        regionsAsked.push(region);
        const sdk = sdkClients();
        return { loadBalancers: createKubeLoadBalancerApi(sdk), orphans: createOrphanApi(sdk) };
      },
      runner,
      clock: world.clock,
      log: (line) => world.lines.push(line),
    };
    const options = (extra: Partial<JanitorOptions> = {}): JanitorOptions => ({
      now: NOW,
      regions: ['eu-west-2'],
      state: { bucket: 'mlperf-state', region: 'eu-west-2' },
      workingDir: world.dir,
      scratchDir: scratch,
      loadBalancerTimeoutMs: 10 * 60_000,
      pollIntervalMs: 15_000,
      destroyAttempts: 2,
      ...extra,
    });
    return { runner, deps, options, regionsAsked };
  }

  it('removes the expired stacks with their saved variables and keeps the alive and the unreadable ones', async () => {
    await provision('r41', EXPIRED(11));
    await provision('r42', EXPIRED(2));
    await provision('r43', LATER);
    listed.push(...stackResources('r44', undefined));
    const { runner, deps, options, regionsAsked } = janitor();

    const result = await runJanitor(deps, options());

    expect(result.ok).toBe(true);
    expect(result.removed.map((s) => [s.runId, s.owners, s.expiresAt, s.destroyAttempts])).toEqual([
      ['r41', ['octocat'], EXPIRED(11), 1],
      ['r42', ['octocat'], EXPIRED(2), 1],
    ]);
    expect(result.failed).toEqual([]);
    expect(result.skipped.map((s) => [s.runId, s.reason, s.detail])).toEqual([
      ['r44', 'needs-human', 'no ExpiresAt tag on any of its 4 resource(s)'],
      ['r43', 'alive', 'expires in 12 h'],
    ]);
    expect(stackLeft('r41')).toEqual({ vpcs: 0, clusters: 0 });
    expect(stackLeft('r42')).toEqual({ vpcs: 0, clusters: 0 });
    expect(stackLeft('r43')).toEqual({ vpcs: 1, clusters: 2 });
    expect(runner.state()).toEqual([]);
    expect(regionsAsked).toEqual(['eu-west-2', 'eu-west-2']);

    // The records were read back only for the stacks it removed.
    expect(bucket.calls.filter((c) => c.startsWith('s3:GetObject'))).toEqual([
      `s3:GetObject ${stackRecordKey('r41')}`,
      `s3:GetObject ${stackRecordKey('r42')}`,
    ]);
    // Each stack: its own state key and its own Terraform data dir; destroy got the stored variables.
    const inits = runner.commands.filter((c) => c.args[0] === 'init');
    expect(inits.map((c) => c.args.find((a) => a.startsWith('-backend-config=key=')))).toEqual([
      '-backend-config=key=mlperf/r41/terraform.tfstate',
      '-backend-config=key=mlperf/r42/terraform.tfstate',
    ]);
    expect(inits.map((c) => c.env?.TF_DATA_DIR)).toEqual([
      path.join(scratch, 'terraform-data', 'r41'),
      path.join(scratch, 'terraform-data', 'r42'),
    ]);
    expect(runner.commands.map((c) => c.args[0])).toEqual([
      ...['init', 'output', 'destroy'],
      ...['init', 'output', 'destroy'],
    ]);

    const markdown = renderJanitorMarkdown(result);
    expect(markdown).toContain('## Janitor: 2 removed, 0 failed, 2 skipped');
    expect(markdown).toContain('| run id | owner | expired since | outcome |');
    expect(markdown).toContain(
      `| \`r41\` | octocat | ${EXPIRED(11)} (11 h ago) | ✅ removed (terraform destroy: 1 attempt(s)) |`,
    );
    expect(markdown).toContain(
      '| `r44` | octocat | — | ⚠️ needs a person: no ExpiresAt tag on any of its 4 resource(s) |',
    );
    expect(markdown).toContain(`| \`r43\` | octocat | not yet (${LATER}) | ⏳ kept: expires in 12 h |`);
  });

  it('carries on when a stack fails: a missing record, then a blocked destroy, then a clean removal', async () => {
    await provision('r40', EXPIRED(30), { record: false });
    await provision('r41', EXPIRED(20));
    await provision('r42', EXPIRED(10));
    // Something outside the state sits in r41's VPC: the VPC cannot be deleted.
    const vpc = world.cloud.vpcs.find((v) => v.tags.RunId === 'r41');
    world.cloud.networkInterfaces.push({
      id: 'eni-0handmade',
      vpcId: vpc?.id ?? '',
      description: 'attached by hand',
      status: 'in-use',
      tags: {},
    });
    const { deps, options } = janitor();

    const result = await runJanitor(deps, options());

    expect(result.ok).toBe(false);
    expect(result.removed.map((s) => s.runId)).toEqual(['r42']);
    expect(result.failed.map((s) => [s.runId, s.step])).toEqual([
      ['r40', 'record'],
      ['r41', 'destroy'],
    ]);
    expect(result.failed[0]?.reason).toMatch(
      /^no teardown record at s3:\/\/mlperf-state\/mlperf\/r40\/teardown\.json: the provision of run r40 did not save one/,
    );
    expect(result.failed[1]?.reason).toMatch(/^terraform destroy failed \(exit 1\)/);
    expect(result.failed[1]?.reason).toContain('DependencyViolation');
    expect(result.failed[1]?.reason).toContain('(gave up after 2 attempts on dependency errors)');
    expect(result.failed[1]?.teardown?.steps.map((s) => [s.step, s.ok])).toEqual([
      ['init', true],
      ['load balancers', true],
      ['destroy', false],
      ['orphan check', true],
    ]);
    expect(stackLeft('r40')).toEqual({ vpcs: 1, clusters: 2 });
    expect(stackLeft('r42')).toEqual({ vpcs: 0, clusters: 0 });

    const markdown = renderJanitorMarkdown(result);
    expect(markdown).toContain('## Janitor: 1 removed, 2 failed, 0 skipped');
    expect(markdown).toMatch(
      /\| `r40` \| octocat \| .* \| ❌ failed at record: no teardown record at s3:\/\/mlperf-state\/mlperf\/r40\/teardown\.json: /,
    );
    expect(markdown).toContain('<details><summary>r41: failed at destroy</summary>');
    expect(markdown).toContain('## Teardown: run r41 — NOT clean');
  });

  it('removes at most max-stacks, the longest overdue first, and leaves the rest for the next run', async () => {
    await provision('r41', EXPIRED(3));
    await provision('r42', EXPIRED(30));
    await provision('r43', EXPIRED(9));
    const { deps, options } = janitor();

    const result = await runJanitor(deps, options({ maxStacks: 2 }));

    expect(result.removed.map((s) => s.runId)).toEqual(['r42', 'r43']);
    expect(result.skipped.map((s) => [s.runId, s.reason, s.detail])).toEqual([
      ['r41', 'over-limit', 'expired, left for the next run (at most 2 per run)'],
    ]);
    expect(stackLeft('r41')).toEqual({ vpcs: 1, clusters: 2 });
    expect(renderJanitorMarkdown(result)).toContain('⏭️ left for the next run (max-stacks 2)');
  });

  it('destroys nothing and reads no record in a dry run', async () => {
    await provision('r41', EXPIRED(5));
    await provision('r42', LATER);
    const { runner, deps, options } = janitor();
    const readsBefore = bucket.calls.length;

    const result = await runJanitor(deps, options({ dryRun: true }));

    expect(result.ok).toBe(true);
    expect(result.dryRun).toBe(true);
    expect(result.removed).toEqual([]);
    expect(result.skipped.map((s) => [s.runId, s.reason])).toEqual([
      ['r42', 'alive'],
      ['r41', 'dry-run'],
    ]);
    expect(runner.commands).toEqual([]);
    expect(bucket.calls.slice(readsBefore)).toEqual([]);
    expect(stackLeft('r41')).toEqual({ vpcs: 1, clusters: 2 });
    const markdown = renderJanitorMarkdown(result);
    expect(markdown).toContain('## Janitor (dry run): 0 removed, 0 failed, 2 skipped');
    expect(markdown).toContain(
      `| \`r41\` | octocat | ${EXPIRED(5)} (5 h ago) | 🔍 would be removed (dry run) |`,
    );
  });

  it('keeps a stack whose record was re-provisioned with a later expiry than its stale tags', async () => {
    await provision('r41', LATER);
    listed = stackResources('r41', EXPIRED(1)); // the index still shows the old tags
    const { runner, deps, options } = janitor();
    const result = await runJanitor(deps, options());
    expect(result.removed).toEqual([]);
    expect(result.skipped).toMatchObject([
      {
        runId: 'r41',
        reason: 'alive',
        detail: `its tags say expired, but its teardown record says it expires at ${LATER}`,
      },
    ]);
    expect(runner.commands).toEqual([]);
  });

  it('fails a stack whose stored variables are no longer valid, before running Terraform', async () => {
    const config = await profile('aws-smoke');
    const variables = toTerraformVariables(config, { ...META, runId: 'r45', expiresAt: EXPIRED(1) });
    bucket.objects.set(
      stackRecordKey('r45'),
      JSON.stringify(
        stackRecord({
          runId: 'r45',
          stateKey: defaultStateKey('r45'),
          writtenAt: EXPIRED(9),
          config,
          variables: { ...variables, pipeline_role_arn: 'arn:aws:sts::123456789012:assumed-role/x/y' },
        }),
      ),
    );
    listed = stackResources('r45', EXPIRED(1));
    const { runner, deps, options } = janitor();
    const result = await runJanitor(deps, options());
    expect(result.failed.map((s) => [s.runId, s.step])).toEqual([['r45', 'variables']]);
    expect(result.failed[0]?.reason).toMatch(
      /^pipeline_role_arn: got "arn:aws:sts::123456789012:assumed-role\/x\/y"; allowed: /,
    );
    expect(runner.commands).toEqual([]);
  });

  it('reports a region it could not list, still works the others, and is not ok', async () => {
    await provision('r41', EXPIRED(4));
    const { deps, options } = janitor();
    const real = deps.resources;
    deps.resources = {
      listRunResources: async (region) => {
        if (region !== 'us-east-1') return real.listRunResources(region);
        throw describeAwsFailure(
          'tag:GetResources',
          serviceError('ThrottledException', 'Rate exceeded', 400, 8),
        );
      },
    };
    const result = await runJanitor(deps, options({ regions: ['eu-west-2', 'us-east-1'], dryRun: true }));
    expect(result.ok).toBe(false);
    expect(result.regionErrors).toEqual([
      {
        region: 'us-east-1',
        reason: 'tag:GetResources failed with ThrottledException after 8 attempts: Rate exceeded',
      },
    ]);
    expect(result.skipped.map((s) => [s.runId, s.reason])).toEqual([['r41', 'dry-run']]);
    expect(renderJanitorMarkdown(result)).toContain(
      '- `us-east-1`: tag:GetResources failed with ThrottledException after 8 attempts: Rate exceeded',
    );
  });

  it('refuses a max-stacks outside 1 to 10 before listing anything', async () => {
    const { deps, options } = janitor();
    for (const bad of [0, 1.5, 11, Number.NaN]) {
      await expect(runJanitor(deps, options({ maxStacks: bad }))).rejects.toThrow(
        `maxStacks: got ${bad}; allowed: a whole number from 1 to 10`,
      );
    }
    expect(discovery.requests).toEqual([]);
    expect(validateMaxStacks(10)).toBe(10);
  });
});
