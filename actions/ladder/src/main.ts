import { STSClient } from '@aws-sdk/client-sts';
import { awsClientConfig, systemClock } from '@mlperf/core';
import { createHubPromQuery } from '@mlperf/core/cloud-ladder/index';
import { createKubeApi } from '@mlperf/core/k8s/index';
import { actionsIo } from '../../_shell/src/io.js';
import { run } from './run.js';

const sts = new STSClient(awsClientConfig({ region: process.env.AWS_REGION ?? 'us-east-1' }));

// A cancelled job gets SIGINT then SIGTERM: abort, so the runner deletes its TestRun and the
// ConfigMap goes, before the runner is killed.
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    actionsIo.info(`${signal}: stopping the ladder (the running TestRun is deleted)`);
    controller.abort();
  });
}

await run(actionsIo, {
  credentials: async () => {
    const { accessKeyId, secretAccessKey, sessionToken } = await sts.config.credentials();
    return { accessKeyId, secretAccessKey, sessionToken };
  },
  connect: ({ load, hub }) => ({
    load: createKubeApi({ ...load.access, name: 'load' }, { tokenRefresh: load.tokenRefresh }),
    hub: createKubeApi({ ...hub.access, name: 'hub' }, { tokenRefresh: hub.tokenRefresh }),
    prom: createHubPromQuery({ ...hub.access, name: 'hub' }, { tokenRefresh: hub.tokenRefresh }),
  }),
  clock: systemClock,
  workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
  signal: controller.signal,
});
