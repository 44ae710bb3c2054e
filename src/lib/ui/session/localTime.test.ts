import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './localTime';

describe('datetime-local values', () => {
  it('round-trips a time to the minute in this device’s time zone', () => {
    const iso = new Date(2026, 11, 7, 14, 30).toISOString();
    expect(toLocalInput(iso)).toBe('2026-12-07T14:30');
    expect(fromLocalInput('2026-12-07T14:30')).toBe(iso);
  });
  it('is null for an empty or broken value', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('2026-13-45T99:99')).toBeNull();
  });
});
