import { describe, expect, it } from 'vitest';
import { destroyWithRetries, isDependencyError, TerraformError } from '../../src/index.js';
import { FakeClock } from '../aws/fake-clock.js';

const dependency = () =>
  new TerraformError(
    'destroy',
    1,
    "\u001b[31m│\u001b[0m Error: deleting EC2 VPC (vpc-1): api error DependencyViolation: The vpc \u001b[1m'vpc-1'\u001b[0m has dependencies and cannot be deleted.",
  );

function scripted(results: Array<Error | 'ok'>) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    async destroy() {
      const next = results[Math.min(calls, results.length - 1)];
      calls += 1;
      if (next !== 'ok' && next !== undefined) throw next;
    },
  };
}

describe('destroy with retries', () => {
  it('retries dependency errors with doubling waits, sweeping before each retry', async () => {
    const tf = scripted([dependency(), dependency(), 'ok']);
    const clock = new FakeClock();
    const sweeps: number[] = [];
    const attempts = await destroyWithRetries(tf, 'v.tfvars.json', {
      clock,
      maxAttempts: 4,
      baseDelayMs: 30_000,
      maxDelayMs: 240_000,
      beforeRetry: async (attempt) => {
        sweeps.push(attempt);
      },
    });
    expect(attempts).toBe(3);
    expect(clock.sleeps).toEqual([30_000, 60_000]);
    expect(sweeps).toEqual([1, 2]);
  });

  it('gives up after the bounded number of attempts, saying so', async () => {
    const tf = scripted([dependency()]);
    const clock = new FakeClock();
    const error = await destroyWithRetries(tf, 'v', {
      clock,
      maxAttempts: 3,
      baseDelayMs: 100_000,
      maxDelayMs: 150_000,
    }).catch((e: unknown) => e);
    expect(tf.calls).toBe(3);
    expect(clock.sleeps).toEqual([100_000, 150_000]);
    expect((error as Error).message).toMatch(/gave up after 3 attempts on dependency errors/);
  });

  it('does not retry any other failure', async () => {
    const tf = scripted([new TerraformError('destroy', 1, 'Error: error acquiring the state lock'), 'ok']);
    await expect(
      destroyWithRetries(tf, 'v', { clock: new FakeClock(), maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 1 }),
    ).rejects.toThrow(/state lock/);
    expect(tf.calls).toBe(1);
  });

  it('recognises the dependency errors AWS gives through Terraform', () => {
    expect(isDependencyError(dependency().output)).toBe(true);
    expect(isDependencyError('api error DependencyViolation: resource sg-1 has a dependent object')).toBe(
      true,
    );
    expect(isDependencyError('Error: deleting Security Group (sg-1): InvalidGroup.InUse')).toBe(true);
    expect(isDependencyError('Error: creating VPC: VpcLimitExceeded')).toBe(false);
  });
});
