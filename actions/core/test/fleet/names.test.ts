import { describe, expect, it } from 'vitest';
import { dfspId, dfspIds, ownerOfPartyIdentifier, partyIdentifier } from '../../src/fleet/names.js';

describe('fleet names', () => {
  it('numbers DFSPs from 1', () => {
    expect(dfspIds(3)).toEqual(['perffsp1', 'perffsp2', 'perffsp3']);
    expect(() => dfspId(0)).toThrow(/≥ 1, got 0/);
  });

  it('gives each DFSP its own identifier range and reads the owner back', () => {
    expect(partyIdentifier(3, 42)).toBe('250300000042');
    expect(partyIdentifier(12, 99_999_999)).toBe('251299999999');
    expect(ownerOfPartyIdentifier(partyIdentifier(7, 1234))).toBe(7);
    expect(ownerOfPartyIdentifier('250000000001')).toBeNull();
    expect(ownerOfPartyIdentifier('4412345')).toBeNull();
  });

  it('rejects numbers outside the range', () => {
    expect(() => partyIdentifier(100, 0)).toThrow(/1 to 99, got 100/);
    expect(() => partyIdentifier(1, -1)).toThrow(/0 to 99999999, got -1/);
  });
});
