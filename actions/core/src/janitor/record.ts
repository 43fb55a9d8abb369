/**
 * The teardown record: what provision leaves beside the Terraform state so that the janitor can
 * destroy a stack after its expiry without the inputs of the workflow that made it.
 *
 * `terraform destroy` needs the same variables as the apply (the root stack validates them, and
 * `region` configures the provider), and `runTeardown` derives them from the run configuration and
 * the run's identity. So the record holds the resolved configuration and the exact variables the
 * apply got (owner, expiry and pipeline role are read back from them), plus the state's key.
 * Provision writes it before `terraform init`, so a half-finished apply leaves it too.
 */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { awsErrorCode, describeAwsFailure, isAccessDenied } from '../aws/errors.js';
import { type RunConfig, validateRunConfig } from '../config/index.js';
import type { TerraformMeta, TerraformVariables } from '../terraform/variables.js';

export const RECORD_FILE_NAME = 'teardown.json';
export const RECORD_VERSION = 1;

/** `mlperf/<run id>/teardown.json`, beside the default state key `mlperf/<run id>/terraform.tfstate`. */
export function stackRecordKey(runId: string): string {
  return `mlperf/${runId}/${RECORD_FILE_NAME}`;
}

export interface StackRecord {
  version: typeof RECORD_VERSION;
  runId: string;
  /** Object key of the Terraform state, in the same bucket as the record. */
  stateKey: string;
  /** RFC 3339, when provision wrote it. */
  writtenAt: string;
  /** The resolved run configuration the stack was made from. */
  config: RunConfig;
  /** The variables file the apply got, as written (mlperf.tfvars.json). */
  variables: TerraformVariables;
}

export function stackRecord(fields: Omit<StackRecord, 'version'>): StackRecord {
  return { version: RECORD_VERSION, ...fields };
}

/** The run's identity as the apply had it: the janitor destroys with the same variables. */
export function metaFromRecord(record: StackRecord): TerraformMeta {
  return {
    runId: record.variables.run_id,
    owner: record.variables.owner,
    expiresAt: record.variables.expires_at,
    pipelineRoleArn: record.variables.pipeline_role_arn,
  };
}

export interface StackRecordStore {
  /** Saves the record; returns where it went, e.g. `s3://bucket/mlperf/r1/teardown.json`. */
  put(record: StackRecord): Promise<string>;
  /** The record of a run; fails naming the object when it is missing or unreadable. */
  get(runId: string): Promise<StackRecord>;
}

export class StackRecordError extends Error {
  override readonly name = 'StackRecordError';
}

const Envelope = z.object({
  version: z.literal(RECORD_VERSION),
  runId: z.string(),
  stateKey: z.string().min(1),
  writtenAt: z.string(),
  config: z.unknown(),
  // Only the identity fields are read back; runTeardown derives the rest from the configuration.
  variables: z.looseObject({
    run_id: z.string(),
    owner: z.string(),
    expires_at: z.string(),
    region: z.string(),
    pipeline_role_arn: z.string(),
  }),
});

/** Parses and checks a record's text; `where` names the object in every message. */
export function parseStackRecord(text: string, runId: string, where: string): StackRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new StackRecordError(`the teardown record ${where} is not JSON (${text.length} characters)`);
  }
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) {
    const issues = envelope.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new StackRecordError(
      `the teardown record ${where} is not a version ${RECORD_VERSION} record: ${issues.join('; ')}`,
    );
  }
  const data = envelope.data;
  if (data.runId !== runId || data.variables.run_id !== runId) {
    throw new StackRecordError(
      `the teardown record ${where} belongs to run ${JSON.stringify(data.runId)} (variables: ${JSON.stringify(data.variables.run_id)}), not ${runId}`,
    );
  }
  const config = validateRunConfig(data.config, { source: `the teardown record ${where}` });
  if (config.infrastructure.provider !== 'aws') {
    throw new StackRecordError(
      `the teardown record ${where} has a ${config.infrastructure.provider} configuration`,
    );
  }
  return {
    version: RECORD_VERSION,
    runId: data.runId,
    stateKey: data.stateKey,
    writtenAt: data.writtenAt,
    config,
    variables: data.variables as unknown as TerraformVariables,
  };
}

const MISSING_KEY_CODES = new Set(['NoSuchKey', 'NotFound']);

/** The records in one S3 bucket (the state bucket), at `stackRecordKey(runId)`. */
export function createS3StackRecordStore(s3: S3Client, bucket: string): StackRecordStore {
  const where = (runId: string) => `s3://${bucket}/${stackRecordKey(runId)}`;
  return {
    async put(record) {
      try {
        await s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: stackRecordKey(record.runId),
            Body: `${JSON.stringify(record, null, 2)}\n`,
            ContentType: 'application/json',
          }),
        );
      } catch (error) {
        const failure = describeAwsFailure('s3:PutObject', error);
        failure.message = `saving the teardown record ${where(record.runId)}: ${failure.message}`;
        throw failure;
      }
      return where(record.runId);
    },

    async get(runId) {
      let text: string;
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: stackRecordKey(runId) }));
        if (out.Body === undefined)
          throw new StackRecordError(`the teardown record ${where(runId)} is empty`);
        text = await out.Body.transformToString('utf-8');
      } catch (error) {
        if (error instanceof StackRecordError) throw error;
        if (MISSING_KEY_CODES.has(awsErrorCode(error) ?? '')) {
          throw new StackRecordError(
            `no teardown record at ${where(runId)}: the provision of run ${runId} did not save one ` +
              '(it predates the record, or its provision action is not given a record store), so the ' +
              'janitor does not know the variables to destroy it with; destroy it by hand with the ' +
              "run's configuration (the teardown action with ignore-keep-infra: true)",
          );
        }
        const failure = describeAwsFailure('s3:GetObject', error);
        failure.message = `reading the teardown record ${where(runId)}: ${failure.message}`;
        if (isAccessDenied(error)) {
          failure.message +=
            ' (S3 also answers AccessDenied for a key that does not exist when the role lacks s3:ListBucket on the bucket)';
        }
        throw failure;
      }
      return parseStackRecord(text, runId, where(runId));
    },
  };
}
