import {
  createS3StackRecordStore,
  metaFromRecord,
  parseStackRecord,
  type StackRecord,
  StackRecordError,
  stackRecord,
  stackRecordKey,
} from '@mlperf/core/janitor/index';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsAccessDeniedError, toTerraformVariables } from '../../src/index.js';
import { profile } from '../aws/profiles.js';
import { META } from '../terraform/world.js';
import { FakeBucket, installFakeS3, s3Client } from './support.js';

async function record(runId = 'r42'): Promise<StackRecord> {
  const config = await profile('aws-smoke');
  const meta = { ...META, runId };
  return stackRecord({
    runId,
    stateKey: `mlperf/${runId}/terraform.tfstate`,
    writtenAt: '2026-11-25T17:00:00Z',
    config,
    variables: toTerraformVariables(config, meta),
  });
}

describe('the teardown record in S3', () => {
  let bucket: FakeBucket;
  let s3: { restore(): void };
  beforeEach(() => {
    bucket = new FakeBucket('mlperf-state');
    s3 = installFakeS3(bucket);
  });
  afterEach(() => s3.restore());

  const store = () => createS3StackRecordStore(s3Client(), 'mlperf-state');

  it('is written beside the state and read back as it was written', async () => {
    const written = await record();
    await expect(store().put(written)).resolves.toBe('s3://mlperf-state/mlperf/r42/teardown.json');
    expect(stackRecordKey('r42')).toBe('mlperf/r42/teardown.json');
    expect(bucket.calls).toEqual(['s3:PutObject mlperf/r42/teardown.json']);
    expect(JSON.parse(bucket.objects.get('mlperf/r42/teardown.json') ?? '')).toMatchObject({
      version: 1,
      runId: 'r42',
      stateKey: 'mlperf/r42/terraform.tfstate',
      variables: { run_id: 'r42', owner: 'octocat', expires_at: META.expiresAt, region: 'eu-west-2' },
    });
    const read = await store().get('r42');
    expect(read).toEqual(written);
    expect(metaFromRecord(read)).toEqual(META);
  });

  it('names the S3 key when the record is missing', async () => {
    const error = await store()
      .get('r9')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StackRecordError);
    expect((error as Error).message).toMatch(
      /^no teardown record at s3:\/\/mlperf-state\/mlperf\/r9\/teardown\.json: /,
    );
  });

  it('names the permission and the key when S3 denies the read (also how S3 hides a missing key)', async () => {
    bucket.denied.add('s3:GetObject');
    const error = await store()
      .get('r42')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsAccessDeniedError);
    expect((error as Error).message).toBe(
      'reading the teardown record s3://mlperf-state/mlperf/r42/teardown.json: AWS denied s3:GetObject (AccessDenied). ' +
        'Grant the pipeline role the IAM permission "s3:GetObject" and run again. AWS said: Access Denied ' +
        '(S3 also answers AccessDenied for a key that does not exist when the role lacks s3:ListBucket on the bucket)',
    );
  });

  it('names the permission when S3 denies the write', async () => {
    bucket.denied.add('s3:PutObject');
    await expect(store().put(await record())).rejects.toThrow(
      /^saving the teardown record s3:\/\/mlperf-state\/mlperf\/r42\/teardown\.json: AWS denied s3:PutObject/,
    );
  });

  it('refuses a record that is not JSON, of another run, or with an invalid configuration', async () => {
    const where = 's3://b/mlperf/r42/teardown.json';
    expect(() => parseStackRecord('{"version":', 'r42', where)).toThrow(
      'the teardown record s3://b/mlperf/r42/teardown.json is not JSON (11 characters)',
    );
    expect(() => parseStackRecord('{"version":2}', 'r42', where)).toThrow(
      /^the teardown record s3:\/\/b\/mlperf\/r42\/teardown\.json is not a version 1 record: version: /,
    );
    const other = await record('r41');
    expect(() => parseStackRecord(JSON.stringify(other), 'r42', where)).toThrow(
      'the teardown record s3://b/mlperf/r42/teardown.json belongs to run "r41" (variables: "r41"), not r42',
    );
    const broken = { ...(await record()), config: { ...(await record()).config, costCapUsd: -1 } };
    expect(() => parseStackRecord(JSON.stringify(broken), 'r42', where)).toThrow(
      /^Run configuration from the teardown record s3:\/\/b\/mlperf\/r42\/teardown\.json is invalid \(1 issue\):\n {2}costCapUsd: got -1/,
    );
  });
});
