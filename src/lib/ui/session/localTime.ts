/**
 * A `<input type="datetime-local">` value ("2026-12-07T14:30", this device's
 * time zone, no offset) to an ISO time and back.
 */

/** The ISO time of a datetime-local value, or null when it is empty or not a time. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** An ISO time as a datetime-local value in this device's time zone (to the minute). */
export function toLocalInput(iso: string): string {
  const time = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}` +
    `T${pad(time.getHours())}:${pad(time.getMinutes())}`
  );
}
