import { EKSClient } from '@aws-sdk/client-eks';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import {
  awsClientConfig,
  createAwsIdentity,
  createEksStatusApi,
  createProcessRunner,
  createS3StackRecordStore,
  systemClock,
} from '@mlperf/core';
import { actionsIo } from '../../_shell/src/io.js';
import { run } from './run.js';

await run(actionsIo, {
  createAws: (region) => {
    const config = awsClientConfig({ region });
    const sts = new STSClient(config);
    return {
      identity: createAwsIdentity(sts),
      eks: createEksStatusApi(new EKSClient(config)),
      credentials: async () => {
        const { accessKeyId, secretAccessKey, sessionToken } = await sts.config.credentials();
        return { accessKeyId, secretAccessKey, sessionToken };
      },
    };
  },
  createRecords: (bucket, region) =>
    createS3StackRecordStore(new S3Client(awsClientConfig({ region })), bucket),
  runner: createProcessRunner(),
  clock: systemClock,
  env: process.env,
  workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
});
