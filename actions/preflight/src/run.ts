import {
  estimateUsd,
  type PreflightClients,
  type RunConfig,
  renderPreflightMarkdown,
  resolveRunId,
  roundUsd,
  runPreflight,
  validateRunConfig,
} from '@mlperf/core';
import type { ActionIoOf } from '../../_shell/src/action-io.js';
import { Inputs, Outputs } from './names.js';

/** The slice of `@actions/core` this action uses, injected so tests can pass a fake. */
export type ActionIo = ActionIoOf<'getInput' | 'setOutput' | 'setFailed' | 'info' | 'writeSummary'>;

/** What the shell provides besides inputs: AWS clients for a region, the environment and the time. */
export interface PreflightRuntime {
  createAws(region: string): PreflightClients;
  env: Readonly<Record<string, string | undefined>>;
  now(): Date;
}

export interface PreflightSettings {
  config: RunConfig;
  runId: string;
}

export function readInputs(io: ActionIo, runtime: PreflightRuntime): PreflightSettings {
  const raw = io.getInput(Inputs.Config);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(
      `input ${Inputs.Config} is not JSON; pass the config output of the validate-config action`,
    );
  }
  return {
    config: validateRunConfig(parsed, { source: `input ${Inputs.Config}` }),
    runId: resolveRunId(io.getInput(Inputs.RunId), runtime.env, runtime.now()),
  };
}

export async function run(io: ActionIo, runtime: PreflightRuntime): Promise<void> {
  try {
    const settings = readInputs(io, runtime);
    const infra = settings.config.infrastructure;
    const clients = infra.provider === 'aws' ? runtime.createAws(infra.region) : undefined;
    const result = await runPreflight(settings.config, clients, { runId: settings.runId });
    await io.writeSummary(renderPreflightMarkdown(result));
    io.setOutput(Outputs.RunId, result.runId);
    io.setOutput(Outputs.EstimateUsd, estimateUsd(result).toFixed(2));
    io.setOutput(Outputs.HourlyUsd, roundUsd(result.cost?.hourly ?? 0).toFixed(2));
    io.setOutput(Outputs.Ok, String(result.verdict.status === 'ok'));
    if (result.verdict.status === 'stop') {
      io.setFailed(
        `preflight stopped the run before anything was spent:\n${result.verdict.reasons.map((r) => `- ${r}`).join('\n')}`,
      );
      return;
    }
    io.info(
      result.provider === 'local'
        ? `run ${result.runId}: nothing to check for a local run`
        : `run ${result.runId}: preflight ok, estimated ${estimateUsd(result).toFixed(2)} USD`,
    );
  } catch (error) {
    io.setFailed(error instanceof Error ? error.message : String(error));
  }
}
