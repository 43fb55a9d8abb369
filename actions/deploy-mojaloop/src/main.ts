import { readFile } from 'node:fs/promises';
import { STSClient } from '@aws-sdk/client-sts';
import { awsClientConfig, createProcessRunner, systemClock } from '@mlperf/core';
import { createKubeApi, waitForReady } from '@mlperf/core/k8s/index';
import { judgeLatency, runProbeJob } from '@mlperf/core/k8s/probe';
import {
  checkHealth,
  createClusterObjects,
  createServiceProxyHttpClient,
  getSecretString,
  onboardOnCluster,
  runSecurityJob,
  SECURITY_JOB_DEADLINE_MS,
  SECURITY_JOB_POLL_MS,
} from '@mlperf/core/mojaloop/index';
import { actionsIo } from '../../_shell/src/io.js';
import { PROXY_REQUEST_TIMEOUT_MS, run } from './run.js';

const sts = new STSClient(awsClientConfig({ region: process.env.AWS_REGION ?? 'us-east-1' }));
const credentials = async () => {
  const { accessKeyId, secretAccessKey, sessionToken } = await sts.config.credentials();
  return { accessKeyId, secretAccessKey, sessionToken };
};

await run(actionsIo, {
  credentials,
  // The default credential chain: the pipeline role from the OIDC step.
  secretString: (arn) => getSecretString({ arn }),
  hub: (access) => {
    const api = createKubeApi({ ...access, name: 'hub' });
    return {
      objects: createClusterObjects(api),
      waitReady: async (namespace, deadline) => {
        const result = await waitForReady(api, { namespaces: [namespace], deadline });
        return result.ready ? { ready: true } : { ready: false, diagnosis: result.diagnosis };
      },
      http: createServiceProxyHttpClient(access, { timeoutMs: PROXY_REQUEST_TIMEOUT_MS }),
      health: (services, dfspCount) =>
        checkHealth(
          api,
          services,
          dfspCount,
          { run: runProbeJob, judge: judgeLatency },
          { log: (line) => actionsIo.info(line) },
        ),
      verifySecurity: (input) =>
        runSecurityJob(api, input, {
          deadlineMs: SECURITY_JOB_DEADLINE_MS,
          clock: systemClock,
          pollMs: SECURITY_JOB_POLL_MS,
          log: (line) => actionsIo.info(line),
        }),
    };
  },
  onboard: onboardOnCluster,
  runner: createProcessRunner(),
  clock: systemClock,
  workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
  // Stable across re-run attempts, so onboarding recognises its own funds-in.
  runId: `gh-${process.env.GITHUB_RUN_ID ?? 'manual'}`,
  // Next to this bundle: dist/jobs/verify-security.mjs (tools/lib/bundle.ts builds both).
  securityScript: () => readFile(new URL('./jobs/verify-security.mjs', import.meta.url), 'utf8'),
});
