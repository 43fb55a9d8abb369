// The pipeline facts the dry run states (dryrun/pipeline.ts) against the YAML and the action shells
// they come from: a changed default or a new sink fails here instead of making the dry run wrong.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  Inputs as MOJALOOP_INPUTS,
  Outputs as MOJALOOP_OUTPUTS,
} from '../../../deploy-mojaloop/src/names.js';
import {
  DEFAULT_RESULTS_DIR,
  DEFAULT_RUNG_TIMEOUT_MINUTES,
  Inputs as LADDER_INPUTS,
} from '../../../ladder/src/names.js';
import { Inputs as LOAD_INFRA_INPUTS, Outputs as LOAD_INFRA_OUTPUTS } from '../../../load-infra/src/names.js';
import { Inputs as PLATFORM_INPUTS } from '../../../platform/src/names.js';
import { POLL_INTERVAL_MS as PROVISION_POLL_MS } from '../../../provision/src/names.js';
import { PIPELINE_PHASES } from '../../../report/src/names.js';
import { POLL_INTERVAL_MS as TEARDOWN_POLL_MS } from '../../../teardown/src/names.js';
import { DEFAULT_SCRIPT } from '../../src/cloud-ladder/settings.js';
import {
  kubeconfigPlaceholder,
  LADDER_DEFAULTS,
  LOAD_INFRA_DEFAULTS,
  MOJALOOP_DEFAULTS,
  PLATFORM_DEFAULTS,
  PLATFORM_STACK_INPUT,
  PROVISION_DEFAULTS,
  REHEARSAL_STEP,
  REPORT_ARTIFACT,
  REPORT_OUTPUT_DIR,
  REPORT_PHASES_AWS,
  REPORT_SINK_USES,
  TEARDOWN_DEFAULTS,
  TERRAFORM_VERSION,
} from '../../src/dryrun/pipeline.js';
import { writeKubeconfig } from '../../src/platform/kubeconfig.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  uses?: string;
  outputs?: Record<string, string>;
  needs?: string | string[];
  environment?: string;
  permissions?: Record<string, string>;
  'timeout-minutes'?: number;
  with?: Record<string, unknown>;
  steps?: Step[];
}
interface ActionYaml {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs?: Record<string, unknown>;
}

/**
 * The step's inputs are exactly the dry run's wiring, each read from the job it names (`inputs`: the
 * workflow's own inputs; anything else not a job: a literal value); every required input is given.
 */
async function expectWiring(
  job: Job | undefined,
  action: string,
  wiring: Readonly<Record<string, string>>,
): Promise<void> {
  const step = job?.steps?.find((s) => s.uses === `./actions/${action}`);
  expect(step, action).toBeDefined();
  const given = step?.with ?? {};
  expect(Object.keys(given).sort()).toEqual(Object.keys(wiring).sort());
  const needs = [job?.needs ?? []].flat();
  for (const [input, source] of Object.entries(wiring)) {
    const value = String(given[input]);
    if (source === 'inputs') expect(value, input).toMatch(new RegExp(`^\\$\\{\\{ inputs\\.${input} \\}\\}$`));
    else if (needs.includes(source))
      expect(value, input).toMatch(new RegExp(`needs\\.${source}\\.outputs\\.`));
    else expect(value, input).toBe(source);
  }
  const doc = await yamlAt<ActionYaml>(`actions/${action}/action.yml`);
  const required = Object.entries(doc.inputs)
    .filter(([, spec]) => spec.required === true)
    .map(([name]) => name);
  expect(Object.keys(given)).toEqual(expect.arrayContaining(required));
}
interface Workflow {
  on: Record<string, { inputs?: Record<string, { options?: string[] }> } | null>;
  jobs: Record<string, Job>;
}

async function yamlAt<T>(file: string): Promise<T> {
  return parse(await readFile(`${root}${file}`, 'utf8')) as T;
}

async function inputDefault(action: string, input: string): Promise<string> {
  const doc = await yamlAt<{ inputs: Record<string, { default?: string }> }>(`actions/${action}/action.yml`);
  const value = doc.inputs[input]?.default;
  if (value === undefined) throw new Error(`actions/${action}/action.yml: input ${input} has no default`);
  return value;
}

describe('dry-run pipeline facts', () => {
  it('provision defaults match actions/provision', async () => {
    expect(await inputDefault('provision', 'terraform-dir')).toBe(PROVISION_DEFAULTS.terraformDir);
    expect(Number(await inputDefault('provision', 'ttl-hours'))).toBe(PROVISION_DEFAULTS.ttlHours);
    expect(Number(await inputDefault('provision', 'wait-timeout-minutes'))).toBe(
      PROVISION_DEFAULTS.waitTimeoutMinutes,
    );
    expect(PROVISION_POLL_MS).toBe(PROVISION_DEFAULTS.pollSeconds * 1000);
  });

  it('teardown defaults match actions/teardown', async () => {
    expect(await inputDefault('teardown', 'terraform-dir')).toBe(PROVISION_DEFAULTS.terraformDir);
    expect(Number(await inputDefault('teardown', 'load-balancer-timeout-minutes'))).toBe(
      TEARDOWN_DEFAULTS.loadBalancerTimeoutMinutes,
    );
    expect(Number(await inputDefault('teardown', 'destroy-attempts'))).toBe(
      TEARDOWN_DEFAULTS.destroyAttempts,
    );
    expect(TEARDOWN_POLL_MS).toBe(TEARDOWN_DEFAULTS.pollSeconds * 1000);
    const shell = await readFile(`${root}actions/teardown/src/run.ts`, 'utf8');
    expect(shell).toContain(`expiresAt(new Date(runtime.clock.now()), ${TEARDOWN_DEFAULTS.expiryHours})`);
  });

  it('perf-pipeline.yml: report output and artifact, the rehearsal step, the Terraform version', async () => {
    expect(await inputDefault('report', 'output-dir')).toBe(REPORT_OUTPUT_DIR);
    const pipeline = await yamlAt<Workflow>('.github/workflows/perf-pipeline.yml');
    const upload = pipeline.jobs.report?.steps?.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({ name: REPORT_ARTIFACT, path: `${REPORT_OUTPUT_DIR}/` });
    const rehearse = pipeline.jobs.rehearsal?.steps?.filter((s) => s.run?.includes('npm run rehearse'));
    expect(rehearse?.map((s) => s.run?.trim())).toEqual([REHEARSAL_STEP]);
    for (const job of ['provision', 'teardown']) {
      const setup = pipeline.jobs[job]?.steps?.find((s) => s.uses?.startsWith('hashicorp/setup-terraform@'));
      expect(setup?.with?.terraform_version).toBe(TERRAFORM_VERSION);
    }
  });

  it('platform defaults match actions/platform and its job in perf-pipeline.yml', async () => {
    expect(await inputDefault('platform', PLATFORM_INPUTS.HelmDir)).toBe(PLATFORM_DEFAULTS.helmDir);
    expect(Number(await inputDefault('platform', PLATFORM_INPUTS.ReadinessTimeoutMinutes))).toBe(
      PLATFORM_DEFAULTS.readinessTimeoutMinutes,
    );
    const pipeline = await yamlAt<Workflow>('.github/workflows/perf-pipeline.yml');
    const job = pipeline.jobs.platform;
    expect(job?.needs).toEqual([...PLATFORM_DEFAULTS.needs]);
    expect(job?.['timeout-minutes']).toBe(PLATFORM_DEFAULTS.jobTimeoutMinutes);
    expect(job?.environment).toBeDefined();
    expect(job?.permissions?.['id-token']).toBe('write');
    const helm = job?.steps?.find((s) => s.uses?.startsWith('azure/setup-helm@'));
    expect(helm?.with?.version).toBe(PLATFORM_DEFAULTS.helmVersion);
    const step = job?.steps?.find((s) => s.uses === './actions/platform');
    expect(step).toBeDefined();
    // The dry run states the defaults; the pipeline must not override them.
    expect(Object.keys(step?.with ?? {})).not.toContain(PLATFORM_INPUTS.HelmDir);
    expect(Object.keys(step?.with ?? {})).not.toContain(PLATFORM_INPUTS.ReadinessTimeoutMinutes);
  });

  it('load-infra defaults match actions/load-infra and its job in perf-pipeline.yml, alongside platform', async () => {
    expect(await inputDefault('load-infra', LOAD_INFRA_INPUTS.HelmDir)).toBe(LOAD_INFRA_DEFAULTS.helmDir);
    expect(Number(await inputDefault('load-infra', LOAD_INFRA_INPUTS.ReadinessTimeoutMinutes))).toBe(
      LOAD_INFRA_DEFAULTS.readinessTimeoutMinutes,
    );
    const action = await yamlAt<{ outputs?: Record<string, unknown> }>('actions/load-infra/action.yml');
    expect(Object.keys(action.outputs ?? {})).toEqual(
      expect.arrayContaining([LOAD_INFRA_OUTPUTS.Installed, LOAD_INFRA_OUTPUTS.HubClean]),
    );
    const pipeline = await yamlAt<Workflow>('.github/workflows/perf-pipeline.yml');
    const job = pipeline.jobs['load-infra'];
    expect(job?.needs).toEqual([...LOAD_INFRA_DEFAULTS.needs]);
    expect(job?.['timeout-minutes']).toBe(LOAD_INFRA_DEFAULTS.jobTimeoutMinutes);
    // Side by side: neither job needs the other.
    expect(job?.needs).not.toContain(LOAD_INFRA_DEFAULTS.alongside);
    expect([pipeline.jobs[LOAD_INFRA_DEFAULTS.alongside]?.needs ?? []].flat()).not.toContain('load-infra');
    expect(job?.environment).toBeDefined();
    expect(job?.permissions?.['id-token']).toBe('write');
    const helm = job?.steps?.find((s) => s.uses?.startsWith('azure/setup-helm@'));
    expect(helm?.with?.version).toBe(LOAD_INFRA_DEFAULTS.helmVersion);
    const step = job?.steps?.find((s) => s.uses === './actions/load-infra');
    expect(step).toBeDefined();
    // The dry run states the defaults; the pipeline must not override them.
    expect(Object.keys(step?.with ?? {})).not.toContain(LOAD_INFRA_INPUTS.HelmDir);
    expect(Object.keys(step?.with ?? {})).not.toContain(LOAD_INFRA_INPUTS.ReadinessTimeoutMinutes);
  });

  it('platform is given provision’s outputs JSON as stack-outputs', async () => {
    const pipeline = await yamlAt<Workflow>('.github/workflows/perf-pipeline.yml');
    const step = pipeline.jobs.platform?.steps?.find((s) => s.uses === './actions/platform');
    expect(PLATFORM_INPUTS.StackOutputs).toBe(PLATFORM_STACK_INPUT);
    expect(step?.with?.[PLATFORM_STACK_INPUT]).toBe(`\${{ needs.provision.outputs.outputs }}`);
  });

  it('mojaloop defaults match actions/deploy-mojaloop and its job in perf-pipeline.yml', async () => {
    expect(await inputDefault('deploy-mojaloop', MOJALOOP_INPUTS.HelmDir)).toBe(MOJALOOP_DEFAULTS.helmDir);
    expect(Number(await inputDefault('deploy-mojaloop', MOJALOOP_INPUTS.ReadinessTimeoutMinutes))).toBe(
      MOJALOOP_DEFAULTS.readinessTimeoutMinutes,
    );
    const action = await yamlAt<ActionYaml>('actions/deploy-mojaloop/action.yml');
    expect(Object.keys(action.outputs ?? {})).toEqual(
      expect.arrayContaining(Object.values(MOJALOOP_OUTPUTS)),
    );
    const pipeline = await yamlAt<Workflow>('.github/workflows/perf-pipeline.yml');
    const job = pipeline.jobs.mojaloop;
    expect(job?.needs).toEqual([...MOJALOOP_DEFAULTS.needs]);
    expect(job?.['timeout-minutes']).toBe(MOJALOOP_DEFAULTS.jobTimeoutMinutes);
    expect(job?.environment).toBeDefined();
    expect(job?.permissions?.['id-token']).toBe('write');
    const helm = job?.steps?.find((s) => s.uses?.startsWith('azure/setup-helm@'));
    expect(helm?.with?.version).toBe(MOJALOOP_DEFAULTS.helmVersion);
    expect(Object.keys(job?.outputs ?? {})).toEqual([...MOJALOOP_DEFAULTS.jobOutputs]);
    await expectWiring(job, 'deploy-mojaloop', MOJALOOP_DEFAULTS.wiring);
  });

  it('ladder defaults match actions/ladder, the core’s script and its job in perf-pipeline.yml', async () => {
    // The per-runner rate is the configuration's (load.perRunnerRate), not an input the job could set.
    const action = await yamlAt<ActionYaml>('actions/ladder/action.yml');
    expect(Object.keys(action.inputs)).not.toContain('per-runner-rate');
    expect(await inputDefault('ladder', LADDER_INPUTS.Script)).toBe(DEFAULT_SCRIPT);
    expect(Number(await inputDefault('ladder', LADDER_INPUTS.RungTimeoutMinutes))).toBe(
      LADDER_DEFAULTS.rungTimeoutMinutes,
    );
    expect(DEFAULT_RUNG_TIMEOUT_MINUTES).toBe(LADDER_DEFAULTS.rungTimeoutMinutes);
    expect(await inputDefault('ladder', LADDER_INPUTS.ResultsDir)).toBe(DEFAULT_RESULTS_DIR);
    // The bundle the ConfigMap takes is committed, so the job needs no build step.
    expect(existsSync(`${root}${DEFAULT_SCRIPT}`)).toBe(true);
    const pipeline = await yamlAt<Workflow>('.github/workflows/perf-pipeline.yml');
    const job = pipeline.jobs.ladder;
    expect(job?.needs).toEqual([...LADDER_DEFAULTS.needs]);
    expect(job?.['timeout-minutes']).toBe(LADDER_DEFAULTS.jobTimeoutMinutes);
    expect(job?.environment).toBeDefined();
    expect(job?.permissions?.['id-token']).toBe('write');
    const credentials = job?.steps?.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(credentials?.with?.['role-duration-seconds']).toBe(LADDER_DEFAULTS.roleDurationSeconds);
    await expectWiring(job, 'ladder', LADDER_DEFAULTS.wiring);
    const step = job?.steps?.find((s) => s.uses === './actions/ladder');
    expect(step?.with?.['outbound-urls']).toBe(`\${{ needs.mojaloop.outputs.outbound-urls }}`);
    expect(step?.with?.['results-dir']).toBe(LADDER_DEFAULTS.resultsDir);
    const upload = job?.steps?.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({
      name: LADDER_DEFAULTS.artifact,
      path: `${LADDER_DEFAULTS.resultsDir}/`,
    });
  });

  it('the phases the dry run reports on are the report action’s', () => {
    expect([...REPORT_PHASES_AWS]).toEqual([...PIPELINE_PHASES.aws]);
  });

  it('the kubeconfig placeholder has the shape of the file writeKubeconfig makes, owner-only', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'dryrun-contract-'));
    try {
      const file = await writeKubeconfig(
        { name: 'mlperf-r123-hub', endpoint: 'https://example.invalid', caBase64: 'QUJD', token: 't' },
        parent,
      );
      const [, ...pattern] = kubeconfigPlaceholder('mlperf-r123-hub').split('/');
      const shape = new RegExp(`^${pattern.join('/').replace(/[.]/g, '\\.').replace('XXXXXX', '[^/]+')}$`);
      expect(path.relative(parent, file.path)).toMatch(shape);
      expect((await stat(file.path)).mode & 0o777).toBe(0o600);
      await file.remove();
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('the report sinks are those each entry point’s report step asks for', async () => {
    for (const use of REPORT_SINK_USES) {
      const workflow = await yamlAt<Workflow>(use.workflow);
      const pipelineJob = Object.values(workflow.jobs).find(
        (j) => j.uses === './.github/workflows/perf-pipeline.yml',
      );
      expect(pipelineJob?.with?.trigger, use.workflow).toBe(use.trigger);
      if (use.profiles === 'any') {
        expect(workflow.on.workflow_dispatch?.inputs?.profile?.options).toEqual(
          expect.arrayContaining(['aws-1000tps', 'aws-smoke', 'local']),
        );
      } else {
        expect([pipelineJob?.with?.profile]).toEqual(use.profiles);
      }
      const reportSteps = Object.values(workflow.jobs)
        .flatMap((j) => j.steps ?? [])
        .filter((s) => s.uses === './actions/report');
      expect(reportSteps.length, use.workflow).toBeGreaterThan(0);
      const inputs = Object.assign({}, ...reportSteps.map((s) => s.with ?? {})) as Record<string, unknown>;
      expect('pr-number' in inputs, `${use.workflow} pr-number`).toBe(use.prComment);
      expect('release-id' in inputs, `${use.workflow} release-id`).toBe(use.releaseNotes);
      expect(inputs['publish-on-pass'] === 'true', `${use.workflow} publish-on-pass`).toBe(use.publishOnPass);
      expect(inputs['history-branch'] ?? null, `${use.workflow} history-branch`).toBe(use.historyBranch);
    }
  });

  it('cluster names follow the root stack’s locals', async () => {
    const main = await readFile(`${root}terraform/envs/perf/main.tf`, 'utf8');
    expect(main).toMatch(/name\s+=\s+"mlperf-\$\{var\.run_id\}"/);
    expect(main).toMatch(/hub_cluster_name\s+=\s+"\$\{local\.name\}-hub"/);
    expect(main).toMatch(/load_cluster_name\s+=\s+"\$\{local\.name\}-load"/);
  });
});
