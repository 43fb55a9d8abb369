import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { STSClient } from '@aws-sdk/client-sts';
import {
  awsClientConfig,
  createAwsIdentity,
  createKubeLoadBalancerApi,
  createOrphanApi,
  createProcessRunner,
  systemClock,
} from '@mlperf/core';
import { actionsIo } from '../../_shell/src/io.js';
import { run } from './run.js';

await run(actionsIo, {
  createAws: (region) => {
    // Teardown polls a lot: adaptive retry also slows the client down after throttling.
    const config = awsClientConfig({ region, retryMode: 'adaptive', maxAttempts: 8 });
    const clients = {
      ec2: new EC2Client(config),
      elbv2: new ElasticLoadBalancingV2Client(config),
      elb: new ElasticLoadBalancingClient(config),
      tagging: new ResourceGroupsTaggingAPIClient(config),
    };
    return {
      identity: createAwsIdentity(new STSClient(config)),
      loadBalancers: createKubeLoadBalancerApi(clients),
      orphans: createOrphanApi(clients),
    };
  },
  runner: createProcessRunner(),
  clock: systemClock,
  env: process.env,
  workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
});
