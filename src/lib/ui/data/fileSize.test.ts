import { describe, expect, it } from 'vitest';
import { formatBytes } from './fileSize';

describe('formatBytes', () => {
  it('uses bytes, then KB and MB with one decimal', () => {
    expect(formatBytes(983)).toBe('983 B');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(52352)).toBe('51.1 KB');
    expect(formatBytes(3 * 1024 * 1024 + 200 * 1024)).toBe('3.2 MB');
  });
});
