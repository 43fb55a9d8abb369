import { STSClient } from '@aws-sdk/client-sts';
import { awsClientConfig, createProcessRunner, systemClock } from '@mlperf/core';
import { createKubeApi, waitForReady } from '@mlperf/core/k8s/index';
import { onlyWorkloadNamed } from '@mlperf/core/platform/index';
import { actionsIo } from '../../_shell/src/io.js';
import { run } from './run.js';

const sts = new STSClient(awsClientConfig({ region: process.env.AWS_REGION ?? 'us-east-1' }));

await run(actionsIo, {
  credentials: async () => {
    const { accessKeyId, secretAccessKey, sessionToken } = await sts.config.credentials();
    return { accessKeyId, secretAccessKey, sessionToken };
  },
  readiness: (cluster) => {
    const api = createKubeApi({ ...cluster });
    return async (namespace, deadline, deployment) => {
      const scoped = deployment === undefined ? api : onlyWorkloadNamed(api, deployment);
      const result = await waitForReady(scoped, { namespaces: [namespace], deadline });
      return result.ready ? { ready: true } : { ready: false, diagnosis: result.diagnosis };
    };
  },
  runner: createProcessRunner(),
  clock: systemClock,
  workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
});
