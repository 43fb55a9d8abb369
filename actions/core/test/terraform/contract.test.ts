/**
 * The contract with the root stack in terraform/envs/perf: every variable the stack requires is
 * written by toTerraformVariables and every name written is declared; every output the provision
 * action reads is declared.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPTIONAL_OUTPUT_NAMES, OUTPUT_NAMES, toTerraformVariables } from '../../src/index.js';
import { profile } from '../aws/profiles.js';

const STACK = fileURLToPath(new URL('../../../../terraform/envs/perf/', import.meta.url));

/** `variable "name" { … }` blocks with whether they have a default. */
async function declaredVariables(): Promise<Map<string, boolean>> {
  const text = await readFile(`${STACK}variables.tf`, 'utf8');
  const blocks = text.split(/^variable\s+"/m).slice(1);
  return new Map(
    blocks.map((block) => {
      const name = block.slice(0, block.indexOf('"'));
      const body = block.slice(0, block.search(/^}/m));
      return [name, /^\s+default\s*=/m.test(body)];
    }),
  );
}

async function declaredOutputs(): Promise<Set<string>> {
  const text = await readFile(`${STACK}outputs.tf`, 'utf8');
  return new Set([...text.matchAll(/^output\s+"([^"]+)"/gm)].map((match) => match[1] ?? ''));
}

describe('contract with terraform/envs/perf', () => {
  it('writes every required variable and only declared ones', async () => {
    const declared = await declaredVariables();
    const written = Object.keys(
      toTerraformVariables(await profile('aws-1000tps'), {
        runId: 'r1',
        owner: 'octocat',
        expiresAt: '2026-11-26T00:00:00Z',
        pipelineRoleArn: 'arn:aws:iam::123456789012:role/mlperf-pipeline',
      }),
    );
    const required = [...declared].filter(([, hasDefault]) => !hasDefault).map(([name]) => name);
    expect(required.filter((name) => !written.includes(name))).toEqual([]);
    expect(written.filter((name) => !declared.has(name))).toEqual([]);
  });

  it('reads only outputs the stack declares', async () => {
    const declared = await declaredOutputs();
    const read = [...Object.values(OUTPUT_NAMES), ...Object.values(OPTIONAL_OUTPUT_NAMES)];
    expect(read.filter((name) => !declared.has(name))).toEqual([]);
  });
});
