import path from 'node:path';
import { loadRunConfig, parseOverrideAssignments, RunConfigError } from '@mlperf/core';
import {
  applyDispatchChoices,
  DispatchChoiceError,
  type DispatchChoices,
} from '@mlperf/core/config/dispatch';
import type { ActionIoOf } from '../../_shell/src/action-io.js';
import { Inputs, Outputs } from './names.js';

/** The slice of `@actions/core` this action uses, injected so tests can pass a fake. */
export type ActionIo = ActionIoOf<'getInput' | 'setOutput' | 'setFailed' | 'info'>;

export interface ValidateConfigSettings {
  profile: string;
  overrideLines: string[];
  profilesDir: string;
  choices: DispatchChoices;
}

export function readInputs(io: ActionIo, workspace: string): ValidateConfigSettings {
  return {
    profile: io.getInput(Inputs.Profile).trim() || 'local',
    overrideLines: io.getInput(Inputs.Overrides).split(/\r?\n/),
    profilesDir: path.resolve(workspace, io.getInput(Inputs.ProfilesDir).trim() || 'profiles'),
    choices: {
      rates: io.getInput(Inputs.Rates),
      dfspCount: io.getInput(Inputs.DfspCount),
      keepInfra: io.getInput(Inputs.KeepInfra),
      costCapUsd: io.getInput(Inputs.CostCapUsd),
    },
  };
}

export async function run(io: ActionIo, workspace: string): Promise<void> {
  try {
    const settings = readInputs(io, workspace);
    const profileConfig = await loadRunConfig({
      profile: settings.profile,
      profilesDir: settings.profilesDir,
      overrides: parseOverrideAssignments(settings.overrideLines),
    });
    const config = applyDispatchChoices(profileConfig, settings.choices);
    io.setOutput(Outputs.Config, JSON.stringify(config));
    io.setOutput(Outputs.Profile, config.profile);
    io.setOutput(Outputs.Provider, config.infrastructure.provider);
    io.info(`run configuration '${config.profile}' is valid (${config.infrastructure.provider})`);
  } catch (error) {
    if (error instanceof DispatchChoiceError) {
      io.setFailed(`invalid run choice: ${error.message}`);
    } else if (error instanceof RunConfigError) {
      io.setFailed(`invalid run configuration:\n${error.message}`);
    } else {
      io.setFailed(error instanceof Error ? error.message : String(error));
    }
  }
}
