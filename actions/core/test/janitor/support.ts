/**
 * Fakes for the janitor tests, named as fakes: an S3 bucket behind the SDK mock (PutObject and
 * GetObject with the real output shapes and S3's real NoSuchKey error), and GetResources pages as
 * the Resource Groups Tagging API returns them (ResourceTagMappingList, PaginationToken, an empty
 * token on the last page).
 */
import { Readable } from 'node:stream';
import {
  GetResourcesCommand,
  type GetResourcesCommandInput,
  type GetResourcesCommandOutput,
  ResourceGroupsTaggingAPIClient,
  type ResourceTagMapping,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';

export const ACCOUNT = '123456789012';
export const FAKE_CREDENTIALS = { accessKeyId: 'AKIDFAKEFAKEFAKE', secretAccessKey: 'fake-secret' };

function serviceError(name: string, message: string, status: number, attempts = 1): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status, attempts },
  });
}

/** The body the SDK hands back in Node: a Readable with the SDK's stream mixin. */
function sdkStreamBody(text: string) {
  const bytes = Buffer.from(text, 'utf8');
  return Object.assign(Readable.from([bytes]), {
    transformToString: async (encoding: BufferEncoding = 'utf8') => bytes.toString(encoding),
    transformToByteArray: async () => new Uint8Array(bytes),
    transformToWebStream: () => Readable.toWeb(Readable.from([bytes])),
  });
}

export class FakeBucket {
  readonly objects = new Map<string, string>();
  /** Every call, as `s3:Action key`. */
  readonly calls: string[] = [];
  /** Actions (`s3:GetObject`) that answer AccessDenied, as S3 does without the permission. */
  readonly denied = new Set<string>();
  constructor(readonly name = 'mlperf-state') {}

  private check(action: string, bucket: string | undefined, key: string | undefined): void {
    this.calls.push(`${action} ${key ?? ''}`);
    if (bucket !== this.name) throw serviceError('NoSuchBucket', 'The specified bucket does not exist', 404);
    if (this.denied.has(action)) throw serviceError('AccessDenied', 'Access Denied', 403);
  }

  put(bucket: string | undefined, key: string | undefined, body: unknown) {
    this.check('s3:PutObject', bucket, key);
    this.objects.set(key ?? '', String(body));
    return { ETag: '"9b2cf535f27731c974343645a3985328"', $metadata: { httpStatusCode: 200 } };
  }

  get(bucket: string | undefined, key: string | undefined) {
    this.check('s3:GetObject', bucket, key);
    const text = this.objects.get(key ?? '');
    if (text === undefined) {
      throw new NoSuchKey({
        message: 'The specified key does not exist.',
        $metadata: { httpStatusCode: 404 },
      });
    }
    return {
      Body: sdkStreamBody(text),
      ContentLength: Buffer.byteLength(text),
      ContentType: 'application/json',
      ETag: '"9b2cf535f27731c974343645a3985328"',
      $metadata: { httpStatusCode: 200 },
    };
  }
}

/** Routes every S3Client to the bucket. Call `restore()` in afterEach. */
export function installFakeS3(bucket: FakeBucket): { restore(): void } {
  const s3 = mockClient(S3Client);
  s3.on(PutObjectCommand).callsFake(async (input) => bucket.put(input.Bucket, input.Key, input.Body));
  s3.on(GetObjectCommand).callsFake(async (input) => bucket.get(input.Bucket, input.Key) as never);
  return { restore: () => s3.restore() };
}

export function s3Client(): S3Client {
  return new S3Client({ region: 'eu-west-2', credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
}

export function taggingClient(region = 'eu-west-2'): ResourceGroupsTaggingAPIClient {
  return new ResourceGroupsTaggingAPIClient({ region, credentials: FAKE_CREDENTIALS, maxAttempts: 1 });
}

/** One resource of a run as GetResources lists it, tagged as the root stack's default tags do. */
export function runResource(
  arn: string,
  tags: { runId: string; expiresAt?: string; owner?: string; project?: string } & Record<
    string,
    string | undefined
  >,
): ResourceTagMapping {
  const { runId, expiresAt, owner, project, ...extra } = tags;
  const all: Record<string, string | undefined> = {
    RunId: runId,
    Owner: owner ?? 'octocat',
    ExpiresAt: expiresAt,
    Project: project ?? 'mlperf',
    ManagedBy: 'terraform',
    ...extra,
  };
  return {
    ResourceARN: arn,
    Tags: Object.entries(all)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([Key, Value]) => ({ Key, Value })),
  };
}

/** The resources a run's stack typically has in the tagging index. */
export function stackResources(
  runId: string,
  expiresAt: string | undefined,
  options: { region?: string; owner?: string } = {},
): ResourceTagMapping[] {
  const region = options.region ?? 'eu-west-2';
  const tags = {
    runId,
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(options.owner ? { owner: options.owner } : {}),
  };
  const id = runId.replace(/[^a-z0-9]/g, '');
  return [
    runResource(`arn:aws:ec2:${region}:${ACCOUNT}:vpc/vpc-0${id}`, tags),
    runResource(`arn:aws:eks:${region}:${ACCOUNT}:cluster/mlperf-${runId}-hub`, tags),
    runResource(`arn:aws:eks:${region}:${ACCOUNT}:cluster/mlperf-${runId}-load`, tags),
    runResource(`arn:aws:rds:${region}:${ACCOUNT}:db:mlperf-${runId}-db`, tags),
  ];
}

/** Every GetResources request the fake answered. */
export type TaggingRequests = GetResourcesCommandInput[];

/**
 * Serves the given items as GetResources pages of `pageSize`, linked by opaque PaginationTokens,
 * the last page with an empty token, as AWS does. Per region when `byRegion` is given.
 */
export function tagPages(
  items: readonly ResourceTagMapping[],
  pageSize: number,
): (input: GetResourcesCommandInput) => GetResourcesCommandOutput {
  return (input) => {
    const start = input.PaginationToken ? Number(Buffer.from(input.PaginationToken, 'base64').toString()) : 0;
    if (Number.isNaN(start)) throw serviceError('InvalidParameterException', 'bad PaginationToken', 400);
    const end = start + pageSize;
    return {
      ResourceTagMappingList: items.slice(start, end),
      PaginationToken: end < items.length ? Buffer.from(String(end)).toString('base64') : '',
      $metadata: { httpStatusCode: 200 },
    };
  };
}

export interface FakeTagging {
  requests: Array<{ region: string; input: GetResourcesCommandInput }>;
  restore(): void;
}

type Answer = (region: string, input: GetResourcesCommandInput) => GetResourcesCommandOutput;

function answering(
  target: ResourceGroupsTaggingAPIClient | typeof ResourceGroupsTaggingAPIClient,
  answer: Answer,
) {
  const requests: FakeTagging['requests'] = [];
  const tagging = mockClient(target);
  tagging.on(GetResourcesCommand).callsFake(async (input, getClient) => {
    const client = getClient() as ResourceGroupsTaggingAPIClient;
    const region = await client.config.region();
    requests.push({ region, input: { ...input } }); // the paginator reuses one input object
    return answer(region, input);
  });
  return { requests, restore: () => tagging.restore() };
}

/**
 * Routes every ResourceGroupsTaggingAPIClient to per-region pages. `answer` may throw to model a
 * failure in one region.
 */
export function installFakeTagging(answer: Answer): FakeTagging {
  return answering(ResourceGroupsTaggingAPIClient, answer);
}

/**
 * Mocks one tagging client instance only, for tests that also install the teardown's fake cloud
 * (which mocks the class for the orphan check). Call it BEFORE installFakeAws: aws-sdk-client-mock
 * restores a class-level stub it finds through an instance's prototype.
 */
export function mockTaggingInstance(client: ResourceGroupsTaggingAPIClient, answer: Answer): FakeTagging {
  return answering(client, answer);
}

export { serviceError };
