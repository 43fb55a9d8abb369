import { STSClient } from '@aws-sdk/client-sts';
import { awsClientConfig, createProcessRunner, systemClock } from '@mlperf/core';
import {
  assertNoK6OnHubCluster,
  createKubeApi,
  K6_GROUP,
  K6_VERSION,
  TESTRUN_PLURAL,
  waitForReady,
} from '@mlperf/core/k8s/index';
import { actionsIo } from '../../_shell/src/io.js';
import { run } from './run.js';

const sts = new STSClient(awsClientConfig({ region: process.env.AWS_REGION ?? 'us-east-1' }));

await run(actionsIo, {
  credentials: async () => {
    const { accessKeyId, secretAccessKey, sessionToken } = await sts.config.credentials();
    return { accessKeyId, secretAccessKey, sessionToken };
  },
  kube: {
    readiness: (load) => {
      const api = createKubeApi({ ...load, name: 'load' });
      return async (namespace, deadline) => {
        const result = await waitForReady(api, { namespaces: [namespace], deadline });
        return result.ready ? { ready: true } : { ready: false, diagnosis: result.diagnosis };
      };
    },
    testRunServed: async (load) => {
      const api = createKubeApi({ ...load, name: 'load' });
      try {
        await api.custom.listClusterCustomObject({
          group: K6_GROUP,
          version: K6_VERSION,
          plural: TESTRUN_PLURAL,
        });
        return true;
      } catch (error) {
        return api.describe(error);
      }
    },
    assertNoK6OnHub: (hub) => assertNoK6OnHubCluster(createKubeApi({ ...hub, name: 'hub' })),
  },
  runner: createProcessRunner(),
  clock: systemClock,
  workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
});
