/**
 * The one adapter from `@actions/core` to the small I/O surface every action shell injects into its
 * `run()` (action-io.ts). Each action's `run.ts` takes the slice it uses; this object satisfies all of them.
 * (`_shell` has no `src/main.ts`, so it is not bundled as an action of its own.)
 */
import * as core from '@actions/core';
import type { ActionsIo } from './action-io.js';

export type { ActionsIo };

export const actionsIo: ActionsIo = {
  getInput: (name) => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, value),
  setSecret: (value) => core.setSecret(value),
  setFailed: (message) => core.setFailed(message),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  writeSummary: async (markdown) => {
    await core.summary.addRaw(markdown).write();
  },
};
