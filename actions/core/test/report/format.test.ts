import { describe, expect, it } from 'vitest';
import {
  cell,
  formatCount,
  formatMs,
  formatPercent,
  formatRate,
  formatRateBrief,
  formatSeconds,
} from '../../src/index.js';

describe('number formats', () => {
  it('formats rates with one decimal, ms as integers, % with two decimals, with thousands separators', () => {
    expect(formatRate(1903.94)).toBe('1,903.9');
    expect(formatRate(5)).toBe('5.0');
    expect(formatMs(943.6)).toBe('944');
    expect(formatMs(12_345.4)).toBe('12,345');
    expect(formatPercent(99.956)).toBe('99.96');
    expect(formatPercent(0)).toBe('0.00');
    expect(formatCount(1_199_806)).toBe('1,199,806');
    expect(formatRateBrief(1000)).toBe('1,000');
    expect(formatRateBrief(37.5)).toBe('37.5');
  });

  it('shows missing values as —', () => {
    for (const format of [formatRate, formatMs, formatPercent, formatCount]) {
      expect(format(null)).toBe('—');
      expect(format(undefined)).toBe('—');
      expect(format(Number.NaN)).toBe('—');
    }
  });

  it('formats durations for people', () => {
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(210)).toBe('3 min 30 s');
    expect(formatSeconds(600)).toBe('10 min');
    expect(formatSeconds(15_120)).toBe('4 h 12 min');
    expect(formatSeconds(7200)).toBe('2 h');
  });

  it('makes text safe for one table cell', () => {
    expect(cell('a | b\nc')).toBe('a \\| b c');
    expect(cell('<script>')).toBe('&lt;script>');
    expect(cell('C:\\path')).toBe('C:\\\\path');
    expect(cell('abcdefghij', 6)).toBe('abcde…');
  });
});
