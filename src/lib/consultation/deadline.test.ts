import { describe, expect, it } from 'vitest';
import { nextChangeIn, timeLeft } from './deadline';

const MIN = 60_000;

describe('timeLeft', () => {
  it('rounds up to whole minutes, so the last minute shows 1 min until the deadline', () => {
    expect(timeLeft(72 * MIN)).toEqual({ days: 0, hours: 1, minutes: 12 });
    expect(timeLeft(71 * MIN + 1)).toEqual({ days: 0, hours: 1, minutes: 12 });
    expect(timeLeft(1)).toEqual({ days: 0, hours: 0, minutes: 1 });
    expect(timeLeft(59 * MIN + 30_000)).toEqual({ days: 0, hours: 1, minutes: 0 });
  });
  it('counts days beyond 24 hours', () => {
    expect(timeLeft((2 * 1440 + 3 * 60 + 5) * MIN)).toEqual({ days: 2, hours: 3, minutes: 5 });
  });
  it('is null at and after the deadline', () => {
    expect(timeLeft(0)).toBeNull();
    expect(timeLeft(-5 * MIN)).toBeNull();
    expect(timeLeft(Number.NaN)).toBeNull();
  });
});

describe('nextChangeIn', () => {
  it('is when the shown minute changes, and the deadline itself in the last minute', () => {
    expect(nextChangeIn(72 * MIN + 2_500)).toBe(2_500);
    expect(nextChangeIn(72 * MIN)).toBe(MIN);
    expect(nextChangeIn(4_000)).toBe(4_000);
    // Redrawn then, the figure has changed: 73 → 72 minutes, 1 minute → closed.
    expect(timeLeft(72 * MIN + 2_500)!.minutes).not.toBe(timeLeft(72 * MIN)!.minutes);
    expect(timeLeft(4_000 - nextChangeIn(4_000))).toBeNull();
  });
  it('never fires once the deadline has passed', () => {
    expect(nextChangeIn(0)).toBe(Infinity);
  });
});
