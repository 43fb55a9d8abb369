import { describe, expect, it } from 'vitest';
import { parseOutboundUrls, scriptConfigMapName } from '../../src/cloud-ladder/index.js';

describe('parseOutboundUrls', () => {
  it('keeps every DFSP in order, without a trailing slash', () => {
    expect(
      parseOutboundUrls(
        JSON.stringify({ perffsp2: 'https://sdk2.example/outbound/', perffsp1: 'http://10.40.1.5:4001' }),
        2,
      ),
    ).toEqual({ perffsp1: 'http://10.40.1.5:4001', perffsp2: 'https://sdk2.example/outbound' });
  });

  it.each([
    [
      { perffsp1: 'ftp://x', perffsp2: 'http://y' },
      'key "perffsp1": got "ftp://x"; allowed: an http:// or https:// URL',
    ],
    [
      { perffsp1: 'http://u:p@x', perffsp2: 'http://y' },
      'key "perffsp1": got "http://u:p@x"; allowed: an http:// or https:// URL with a host and no credentials',
    ],
    [{ perffsp1: 4001, perffsp2: 'http://y' }, 'key "perffsp1": got 4001; allowed:'],
    [{ perffsp1: 'http://x?a=1', perffsp2: 'http://y' }, 'and no query or fragment (a base URL)'],
    [
      { perffsp1: 'http://x', perffsp2: 'http://y', perffsp3: 'http://z' },
      'key "perffsp3" is not a DFSP of this run; allowed: perffsp1, perffsp2 (dfsps.count 2)',
    ],
    [
      {},
      'input outbound-urls: key "perffsp1" is missing; allowed: every DFSP of the run has its outbound URL; key "perffsp2" is missing',
    ],
  ])('refuses %j naming the input and the key', (value, message) => {
    expect(() => parseOutboundUrls(JSON.stringify(value), 2)).toThrow(message);
  });

  it('refuses text that is not a JSON object', () => {
    expect(() => parseOutboundUrls('', 2)).toThrow('input outbound-urls: got ""; allowed: a JSON object');
    expect(() => parseOutboundUrls('null', 2)).toThrow(
      'input outbound-urls: got null; allowed: a JSON object',
    );
  });
});

describe('scriptConfigMapName', () => {
  it('is a DNS-1123 name of at most 63 characters', () => {
    expect(scriptConfigMapName('r20261125-AB12')).toBe('mlperf-k6-script-r20261125-ab12');
    const long = scriptConfigMapName(`r_${'x'.repeat(80)}`);
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });
});
