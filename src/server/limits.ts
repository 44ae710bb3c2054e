/**
 * Token buckets kept in memory, one per key (a device, an IP address): each
 * holds up to `burst` tokens and regains `perSecond` of them every second.
 * Per-instance by design: the per-device limit is about a phone's pace, and a
 * device's requests mostly reach one instance; PostgreSQL deployments with
 * several instances get proportionally more headroom, which is stated in the README.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    readonly burst: number,
    readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    // Forget full buckets now and then so memory stays flat under many devices.
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** Takes a token; returns 0 when allowed, else the whole seconds to wait before retrying. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(
      this.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond,
    );
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
  }

  /** The whole seconds to wait before `take` would allow `key` (0: now), taking nothing. */
  wait(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    const tokens = Math.min(
      this.burst,
      bucket.tokens + ((this.now() - bucket.at) / 1000) * this.perSecond,
    );
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / this.perSecond));
  }

  /** Gives a token back (the request turned out to change nothing, e.g. an outbox re-send). */
  refund(key: string): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.burst, bucket.tokens + 1);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst)
        this.buckets.delete(key);
    }
  }

  dispose(): void {
    clearInterval(this.sweeper);
  }
}

/**
 * Lookups of session codes that do not exist, per address: a mistyped code now
 * and then is fine, guessing the 2^30 codes is not. Once spent, every lookup
 * from that address waits (a hit too, so a guesser learns nothing); lookups of
 * codes that exist cost nothing, so a hall joining one session is never slowed.
 */
export const UNKNOWN_SESSION_LOOKUPS = { burst: 20, perSecond: 6 / 60 } as const;

export interface LoginThrottleOptions {
  /** Failures a key may make before back-off starts. */
  freeFailures: number;
  /** The first back-off, in seconds; doubled by each further failure. */
  firstLockSeconds: number;
  maxLockSeconds: number;
  /** Failures over all keys within `windowSeconds` above which keys without failures are slowed. */
  accountFailures: number;
  windowSeconds?: number;
  /** Under that pressure, checks from keys without failures start at least this far apart. */
  slowSeconds?: number;
}

/**
 * Facilitator logins (one account). Failures are counted per key — the
 * address, or a browser that has logged in before (its signed cookie) — with
 * exponential back-off: a key that failed too often waits 2, 4, 8 … s (up to
 * `maxLockSeconds`) before its next attempt is even checked. A success clears
 * its key. A stranger therefore only locks out their own address and cannot
 * touch a browser that has logged in before; over the whole account, a flood
 * of failures from many addresses makes checks from keys with no failures
 * wait their turn (one per `slowSeconds`), never refuses them.
 * An attempt counts as a failure until the password is proven right, so
 * parallel guesses cannot slip past the count.
 */
export class LoginThrottle {
  private readonly keys = new Map<string, { failures: number; until: number; at: number }>();
  private recentFailures: number[] = [];
  private nextSlowCheck = 0;
  private readonly windowMs: number;
  private readonly slowMs: number;

  constructor(
    private readonly options: LoginThrottleOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.windowMs = (options.windowSeconds ?? 900) * 1000;
    this.slowMs = (options.slowSeconds ?? 1) * 1000;
  }

  /** Whole seconds this key must wait before an attempt is checked; 0 = check now. */
  wait(key: string): number {
    const entry = this.keys.get(key);
    const now = this.now();
    if (!entry || entry.until <= now) return 0;
    return Math.ceil((entry.until - now) / 1000);
  }

  /** Whether the whole account is under a flood of failures right now. */
  underPressure(): boolean {
    const since = this.now() - this.windowMs;
    this.recentFailures = this.recentFailures.filter((t) => t > since);
    return this.recentFailures.length >= this.options.accountFailures;
  }

  /** Milliseconds to hold this attempt before checking it: its place in the slow lane under pressure. */
  delayMs(key: string): number {
    if (!this.underPressure() || (this.keys.get(key)?.failures ?? 0) > 0) return 0;
    const now = this.now();
    const at = Math.max(now, this.nextSlowCheck);
    this.nextSlowCheck = at + this.slowMs;
    return at - now;
  }

  /** Counts an attempt as a failure (call before checking; `succeeded` takes it back). */
  attempt(key: string): void {
    const now = this.now();
    const entry = this.keys.get(key) ?? { failures: 0, until: 0, at: now };
    entry.failures += 1;
    entry.at = now;
    const over = entry.failures - this.options.freeFailures;
    if (over >= 0) {
      const seconds = Math.min(
        this.options.maxLockSeconds,
        this.options.firstLockSeconds * 2 ** Math.min(over, 30),
      );
      entry.until = now + seconds * 1000;
    }
    this.keys.set(key, entry);
    this.recentFailures.push(now);
    if (this.recentFailures.length > this.options.accountFailures * 4) this.underPressure();
    if (this.keys.size > 100_000) this.forgetOld();
  }

  /** The password was right: the attempt was no failure, and the key starts afresh. */
  succeeded(key: string): void {
    this.keys.delete(key);
    this.recentFailures.pop();
  }

  private forgetOld(): void {
    const day = this.now() - 24 * 3600_000;
    for (const [key, entry] of this.keys) if (entry.at < day) this.keys.delete(key);
  }
}
