/**
 * Test support for the Kubernetes phase actions (platform, load-infra): a Helm stand-in that reads the
 * kubeconfig it is handed while it runs (as the real one would), a moving clock, and a test CA.
 */
import { readFileSync } from 'node:fs';
import type { Clock, CommandOptions, CommandResult, CommandRunner } from '@mlperf/core';

export const TEST_CA = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString(
  'base64',
);

export class KubeconfigReadingHelm implements CommandRunner {
  readonly calls: Array<{ args: string[]; release: string; path: string; kubeconfig: string }> = [];
  async run(_command: string, args: readonly string[], _options: CommandOptions): Promise<CommandResult> {
    const file = args[args.indexOf('--kubeconfig') + 1] ?? '';
    this.calls.push({
      args: [...args],
      release: args[2] ?? '',
      path: file,
      kubeconfig: readFileSync(file, 'utf8'),
    });
    return { exitCode: 0, stdout: '', stderr: '' };
  }
}

export function movingClock(start = Date.parse('2026-11-25T20:00:00Z')): Clock {
  let now = start;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}
