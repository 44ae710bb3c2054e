import { describe, expect, it } from 'vitest';
import { formatNumber, km1, measureDigits, pct0 } from './format';

describe('analysis number format', () => {
  it('rounds km to one decimal and shares to whole percent, with grouping', () => {
    expect(km1(2203.874, 'en')).toBe('2,203.9');
    expect(km1(2203.874, 'zh')).toBe('2,203.9');
    expect(km1(12, 'en')).toBe('12.0');
    expect(pct0(26.5, 'en')).toBe('27');
    expect(pct0(26.49, 'zh')).toBe('26');
  });

  it('never shows a negative zero', () => {
    expect(formatNumber(-0.01, 1, 'en')).toBe('0.0');
    expect(formatNumber(-0.4, 0, 'zh')).toBe('0');
  });

  it('keeps short measurements readable', () => {
    expect(measureDigits(37.94)).toBe(1);
    expect(measureDigits(0.35)).toBe(2);
    expect(measureDigits(0.004)).toBe(3);
    expect(formatNumber(0.354, measureDigits(0.354), 'en')).toBe('0.35');
  });
});
