import os from 'node:os';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { S3Client } from '@aws-sdk/client-s3';
import {
  awsClientConfig,
  createKubeLoadBalancerApi,
  createOrphanApi,
  createProcessRunner,
  systemClock,
} from '@mlperf/core';
import { createRunResourceApi, createS3StackRecordStore } from '@mlperf/core/janitor/index';
import { actionsIo } from '../../_shell/src/io.js';
import { run } from './run.js';

// The janitor lists and polls a lot: adaptive retry also slows a client down after throttling.
const config = (region: string) => awsClientConfig({ region, retryMode: 'adaptive', maxAttempts: 8 });

await run(actionsIo, {
  resources: createRunResourceApi((region) => new ResourceGroupsTaggingAPIClient(config(region))),
  createRecords: (bucket, region) =>
    createS3StackRecordStore(new S3Client(awsClientConfig({ region })), bucket),
  createAws: (region) => {
    const clients = {
      ec2: new EC2Client(config(region)),
      elbv2: new ElasticLoadBalancingV2Client(config(region)),
      elb: new ElasticLoadBalancingClient(config(region)),
      tagging: new ResourceGroupsTaggingAPIClient(config(region)),
    };
    return {
      loadBalancers: createKubeLoadBalancerApi(clients),
      orphans: createOrphanApi(clients),
    };
  },
  runner: createProcessRunner(),
  clock: systemClock,
  workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
  tempDir: process.env.RUNNER_TEMP ?? os.tmpdir(),
});
