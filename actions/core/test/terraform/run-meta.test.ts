import { describe, expect, it } from 'vitest';
import { defaultStateKey, expiresAt, resolveRunId, rfc3339 } from '../../src/index.js';

const NOW = new Date('2026-11-25T17:42:50.123Z');

describe('run metadata', () => {
  it('takes an explicit run id, else one per workflow run, else a local timestamp', () => {
    expect(resolveRunId(' r-custom-1 ', {}, NOW)).toBe('r-custom-1');
    expect(resolveRunId('', { GITHUB_RUN_ID: '12345678901', GITHUB_RUN_ATTEMPT: '2' }, NOW)).toBe(
      'r12345678901',
    );
    expect(resolveRunId('', {}, NOW)).toBe('l20261125t174250');
  });

  it('refuses a run id that cannot be part of resource names', () => {
    expect(() => resolveRunId('Run_1', {}, NOW)).toThrow(
      /^run-id: got "Run_1"; allowed: a lower-case letter/,
    );
    expect(() => resolveRunId('r'.repeat(21), {}, NOW)).toThrow(/run-id/);
  });

  it('formats times as RFC 3339 and computes the expiry', () => {
    expect(rfc3339(NOW)).toBe('2026-11-25T17:42:50Z');
    expect(expiresAt(NOW, 8)).toBe('2026-11-26T01:42:50Z');
    expect(() => expiresAt(NOW, 0)).toThrow(/ttl-hours/);
    expect(defaultStateKey('r42')).toBe('mlperf/r42/terraform.tfstate');
  });
});
