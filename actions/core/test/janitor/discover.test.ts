import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import {
  createRunResourceApi,
  findExpiredStacks,
  groupRunStacks,
  parseRfc3339,
  type TaggedResource,
} from '@mlperf/core/janitor/index';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsAccessDeniedError, AwsCallError, awsClientConfig } from '../../src/index.js';
import {
  ACCOUNT,
  FAKE_CREDENTIALS,
  type FakeTagging,
  installFakeTagging,
  runResource,
  serviceError,
  stackResources,
  taggingClient,
  tagPages,
} from './support.js';

const NOW = new Date('2026-11-25T20:00:00Z');
const HOUR = 3_600_000;

const resource = (
  runId: string,
  tags: Record<string, string>,
  arn = `arn:aws:ec2:eu-west-2:1:vpc/${runId}`,
) => ({ arn, region: 'eu-west-2', tags: { RunId: runId, ...tags } }) satisfies TaggedResource;

describe('parseRfc3339', () => {
  it('reads UTC and offset times', () => {
    expect(parseRfc3339('2026-11-25T18:00:00Z')).toBe(Date.parse('2026-11-25T18:00:00Z'));
    expect(parseRfc3339('2026-11-25T20:00:00+02:00')).toBe(Date.parse('2026-11-25T18:00:00Z'));
    expect(parseRfc3339('2026-11-25T18:00:00.5Z')).toBe(Date.parse('2026-11-25T18:00:00.500Z'));
  });

  it('refuses what is not RFC 3339, and impossible dates Date.parse would roll over', () => {
    for (const text of [
      'tomorrow',
      '2026-11-25',
      '2026-11-25 18:00:00Z',
      '1764093600',
      '2026-02-30T00:00:00Z',
    ]) {
      expect(parseRfc3339(text), text).toBeUndefined();
    }
    expect(parseRfc3339('2026-11-25T24:00:00Z')).toBeUndefined();
  });
});

describe('groupRunStacks', () => {
  it('groups several resources per run and tells expired, alive and unreadable apart', () => {
    const stacks = groupRunStacks(
      [
        resource('r1', { ExpiresAt: '2026-11-25T18:00:00Z', Owner: 'alice' }),
        resource(
          'r1',
          { ExpiresAt: '2026-11-25T18:00:00Z', Owner: 'alice' },
          `arn:aws:eks:eu-west-2:1:cluster/mlperf-r1-hub`,
        ),
        resource(
          'r1',
          { ExpiresAt: '2026-11-25T18:00:00Z', Owner: 'alice' },
          `arn:aws:rds:eu-west-2:1:db:mlperf-r1-db`,
        ),
        resource('r2', { ExpiresAt: '2026-11-25T23:00:00Z', Owner: 'bob' }),
        resource('r3', { Owner: 'carol' }),
        resource('r4', { ExpiresAt: 'next tuesday', Owner: 'dave' }),
        resource('r5', { ExpiresAt: '2026-02-30T00:00:00Z' }),
      ],
      NOW,
    );
    expect(stacks.map((s) => [s.runId, s.resourceCount, s.verdict])).toEqual([
      ['r1', 3, { state: 'expired', expiresAt: '2026-11-25T18:00:00Z', overdueMs: 2 * HOUR }],
      ['r2', 1, { state: 'alive', expiresAt: '2026-11-25T23:00:00Z', remainingMs: 3 * HOUR }],
      ['r3', 1, { state: 'needs-human', problem: 'no ExpiresAt tag on any of its 1 resource(s)' }],
      [
        'r4',
        1,
        {
          state: 'needs-human',
          problem: 'ExpiresAt "next tuesday" is not an RFC 3339 time such as 2026-11-25T18:00:00Z',
        },
      ],
      [
        'r5',
        1,
        {
          state: 'needs-human',
          problem: 'ExpiresAt "2026-02-30T00:00:00Z" is not an RFC 3339 time such as 2026-11-25T18:00:00Z',
        },
      ],
    ]);
    expect(stacks[0]?.owners).toEqual(['alice']);
    expect(stacks[0]?.clusterNames).toEqual(['mlperf-r1-hub']);
  });

  it('waits for the latest expiry when resources disagree (a re-provision moved it)', () => {
    const [stack] = groupRunStacks(
      [
        resource(
          'r1',
          { ExpiresAt: '2026-11-25T10:00:00Z' },
          'arn:aws:elasticloadbalancing:eu-west-2:1:loadbalancer/net/k8s/1',
        ),
        resource('r1', { ExpiresAt: '2026-11-26T04:00:00Z' }),
      ],
      NOW,
    );
    expect(stack?.verdict).toEqual({
      state: 'alive',
      expiresAt: '2026-11-26T04:00:00Z',
      remainingMs: 8 * HOUR,
    });
  });

  it('never judges a RunId this pipeline does not make', () => {
    const [stack] = groupRunStacks([resource('Prod_Stack', { ExpiresAt: '2020-01-01T00:00:00Z' })], NOW);
    expect(stack?.verdict.state).toBe('needs-human');
    expect(stack?.verdict).toMatchObject({
      problem: expect.stringMatching(/^RunId "Prod_Stack" is not a run id/),
    });
  });

  it('counts an ARN listed by two regions once and keeps both regions', () => {
    const role = 'arn:aws:iam::1:role/mlperf-r1-hub-cluster';
    const [stack] = groupRunStacks(
      [
        { arn: role, region: 'eu-west-2', tags: { RunId: 'r1', ExpiresAt: '2026-11-25T18:00:00Z' } },
        { arn: role, region: 'us-east-1', tags: { RunId: 'r1', ExpiresAt: '2026-11-25T18:00:00Z' } },
      ],
      NOW,
    );
    expect(stack?.resourceCount).toBe(1);
    expect(stack?.regions).toEqual(['eu-west-2', 'us-east-1']);
  });
});

describe('findExpiredStacks through the tagging API', () => {
  let fake: FakeTagging | undefined;
  afterEach(() => fake?.restore());

  const api = () => createRunResourceApi((region) => taggingClient(region));

  it('follows PaginationToken across pages and asks only for this pipeline’s RunId tags', async () => {
    const items = [
      ...stackResources('r1', '2026-11-25T12:00:00Z'),
      ...stackResources('r2', '2026-11-25T19:00:00Z', { owner: 'alice' }),
      ...stackResources('r3', '2026-11-26T08:00:00Z'),
      runResource(`arn:aws:ec2:eu-west-2:${ACCOUNT}:volume/vol-1`, { runId: 'r4' }),
    ];
    fake = installFakeTagging((_region, input) => tagPages(items, 5)(input));
    const survey = await findExpiredStacks({ resources: api() }, { now: NOW, regions: ['eu-west-2'] });

    // 13 resources in pages of 5: three requests, the 2nd and 3rd with the token of the page before.
    expect(fake.requests.map((r) => r.input.PaginationToken)).toEqual([
      undefined,
      Buffer.from('5').toString('base64'),
      Buffer.from('10').toString('base64'),
    ]);
    expect(fake.requests[0]?.input.TagFilters).toEqual([
      { Key: 'RunId' },
      { Key: 'Project', Values: ['mlperf'] },
    ]);
    expect(fake.requests[0]?.input.ResourcesPerPage).toBe(100);
    // The longest overdue first.
    expect(survey.expired.map((s) => [s.runId, s.resourceCount])).toEqual([
      ['r1', 4],
      ['r2', 4],
    ]);
    expect(survey.expired[1]?.owners).toEqual(['alice']);
    expect(survey.expired[0]?.clusterNames).toEqual(['mlperf-r1-hub', 'mlperf-r1-load']);
    expect(survey.alive.map((s) => s.runId)).toEqual(['r3']);
    expect(survey.needsHuman.map((s) => s.runId)).toEqual(['r4']);
    expect(survey.regionErrors).toEqual([]);
    expect(survey.now).toBe('2026-11-25T20:00:00Z');
  });

  it('surveys every region, and reports a region it may not list without losing the others', async () => {
    fake = installFakeTagging((region, input) => {
      if (region === 'us-east-1') {
        throw serviceError(
          'AccessDeniedException',
          'User is not authorized to perform: tag:GetResources',
          400,
        );
      }
      return tagPages(stackResources('r1', '2026-11-25T12:00:00Z', { region }), 100)(input);
    });
    const survey = await findExpiredStacks(
      { resources: api() },
      { now: NOW, regions: ['eu-west-2', 'us-east-1', 'eu-west-2'] },
    );
    expect(survey.regions).toEqual(['eu-west-2', 'us-east-1']);
    expect(survey.expired.map((s) => s.runId)).toEqual(['r1']);
    expect(survey.regionErrors).toEqual([
      {
        region: 'us-east-1',
        reason:
          'AWS denied tag:GetResources (AccessDeniedException). Grant the pipeline role the IAM permission "tag:GetResources" and run again. AWS said: User is not authorized to perform: tag:GetResources',
      },
    ]);
  });

  it('reports throttling that outlasted the SDK retries, naming the call, the code and the attempts', async () => {
    fake = installFakeTagging(() => {
      throw serviceError('ThrottledException', 'Rate exceeded', 400, 8);
    });
    const error = await api()
      .listRunResources('eu-west-2')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsCallError);
    expect((error as Error).message).toBe(
      'tag:GetResources failed with ThrottledException after 8 attempts: Rate exceeded',
    );
    expect(error).not.toBeInstanceOf(AwsAccessDeniedError);
  });
});

describe('the tagging client over the wire (loopback endpoint)', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('rides out a ThrottledException with the SDK retry strategy and still reads every page', async () => {
    const targets: string[] = [];
    const replies = [
      { status: 400, body: { __type: 'ThrottledException', Message: 'Rate exceeded' } },
      {
        status: 200,
        body: {
          PaginationToken: 'page-2',
          ResourceTagMappingList: stackResources('r1', '2026-11-25T12:00:00Z').slice(0, 2),
        },
      },
      {
        status: 200,
        body: {
          PaginationToken: '',
          ResourceTagMappingList: stackResources('r1', '2026-11-25T12:00:00Z').slice(2),
        },
      },
    ];
    const bodies: unknown[] = [];
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        targets.push(String(req.headers['x-amz-target']));
        bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        const reply = replies.shift() ?? { status: 500, body: { __type: 'InternalServiceException' } };
        res.writeHead(reply.status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const resources = createRunResourceApi(
      (region) =>
        new ResourceGroupsTaggingAPIClient(
          awsClientConfig({ region, endpoint: `http://127.0.0.1:${port}`, credentials: FAKE_CREDENTIALS }),
        ),
    );
    const survey = await findExpiredStacks({ resources }, { now: NOW, regions: ['eu-west-2'] });
    expect(targets).toEqual(Array(3).fill('ResourceGroupsTaggingAPI_20170126.GetResources'));
    expect(bodies.map((b) => (b as { PaginationToken?: string }).PaginationToken)).toEqual([
      undefined,
      undefined,
      'page-2',
    ]);
    expect(survey.expired.map((s) => [s.runId, s.resourceCount])).toEqual([['r1', 4]]);
  });
});
