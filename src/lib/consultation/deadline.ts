/**
 * The time left until a session's deadline, as phones show it: whole minutes,
 * rounded up (so "1 min" lasts until the deadline itself, never "0 min"), and
 * when the shown figure next changes, so a screen redraws once a minute and
 * exactly at the deadline rather than polling.
 */

const MINUTE = 60_000;

export interface TimeLeft {
  days: number;
  hours: number;
  minutes: number;
}

/** What is left of `ms` milliseconds in days, hours and minutes; null once nothing is left. */
export function timeLeft(ms: number): TimeLeft | null {
  if (!(ms > 0)) return null;
  const total = Math.ceil(ms / MINUTE);
  return {
    days: Math.floor(total / 1440),
    hours: Math.floor((total % 1440) / 60),
    minutes: total % 60,
  };
}

/** Milliseconds until `timeLeft(ms)` shows another figure (in the last minute: the deadline). */
export function nextChangeIn(ms: number): number {
  if (!(ms > 0)) return Infinity;
  return ms % MINUTE || MINUTE;
}

/** Longest delay setTimeout keeps (about 24.8 days); longer waits are taken in steps. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
