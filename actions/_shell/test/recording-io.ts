/**
 * A recording stand-in for `@actions/core`, for the action shells' tests: inputs from a map, and every
 * output, secret, failure, log line, warning and summary kept for assertions. It implements the whole
 * shared `ActionsIo`, so it satisfies the slice each action's `run()` declares.
 */
import type { ActionsIo } from '../src/io.js';

export function recordingIo(inputs: Record<string, string>) {
  const outputs: Record<string, string> = {};
  const secrets: string[] = [];
  const failures: string[] = [];
  const logs: string[] = [];
  const warnings: string[] = [];
  const summaries: string[] = [];
  const io: ActionsIo = {
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => {
      outputs[name] = value;
    },
    setSecret: (value) => {
      secrets.push(value);
    },
    setFailed: (message) => {
      failures.push(message);
    },
    info: (message) => {
      logs.push(message);
    },
    warning: (message) => {
      warnings.push(message);
    },
    writeSummary: async (markdown) => {
      summaries.push(markdown);
    },
  };
  return { io, outputs, secrets, failures, logs, warnings, summaries };
}
