/**
 * How long to wait before the next try after `failures` failures in a row:
 * exponential backoff with "equal jitter" (half the delay fixed, half random),
 * so fifty phones that lost the hall's Wi-Fi together do not all come back in
 * the same millisecond, yet none waits less than half its step.
 * See https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/.
 *
 * @param failures failures so far (1 after the first); 0 or less means "now".
 * @param random a source of numbers in [0, 1) (injected in tests).
 * @returns milliseconds, in [step / 2, step) where step = min(cap, base × 2^(failures − 1)).
 * @example backoffDelay(1, () => 0) // 500: the first retry comes after 0.5–1 s
 */
export function backoffDelay(
  failures: number,
  random: () => number = Math.random,
  { base = 1_000, cap = 30_000 }: { base?: number; cap?: number } = {},
): number {
  if (failures <= 0) return 0;
  // 2^30 already exceeds any cap: do not let a long outage overflow to Infinity.
  const step = Math.min(cap, base * 2 ** Math.min(failures - 1, 30));
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * A `Retry-After` header (seconds, or an HTTP date) in milliseconds from `now`,
 * or undefined when absent or unreadable. Never negative.
 */
export function retryAfterMs(
  header: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1_000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
