import { EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient } from '@aws-sdk/client-eks';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { STSClient } from '@aws-sdk/client-sts';
import { awsClientConfig, createAwsIdentity, createAwsQuotas, createAwsUsage } from '@mlperf/core';
import { actionsIo } from '../../_shell/src/io.js';
import { run } from './run.js';

await run(actionsIo, {
  createAws: (region) => {
    const config = awsClientConfig({ region });
    return {
      identity: createAwsIdentity(new STSClient(config)),
      quotas: createAwsQuotas(new ServiceQuotasClient(config)),
      usage: createAwsUsage(new EC2Client(config), new EKSClient(config)),
    };
  },
  env: process.env,
  now: () => new Date(),
});
