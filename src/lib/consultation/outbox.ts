import { z } from 'zod';
import type { Comment } from '../comments/schema';
import { backoffDelay } from './backoff';

/**
 * The outbox of one consultation session on one device. A comment is written to
 * this device's database first (as without a server); the outbox then sends it
 * until the server has it. Decisions:
 * - One comment in flight at a time, oldest first: a hall's phones each send a
 *   handful, and the order on the projector is then the order they were written.
 * - The server upserts by the comment's own id, so re-sending is always safe: a
 *   reply lost with the Wi-Fi just means one more (idempotent) send.
 * - Unreachable (network error, 5xx) → wait with exponential backoff and jitter,
 *   then try again; 429 → wait what `Retry-After` says; refused (400, 403
 *   closed, 409) → kept as `refused` with the reason, never retried blindly.
 * - After being unreachable, and at every start, the outbox asks the server which
 *   of its ids it does not have (`…/comments/missing`) and sends those again, so a
 *   server that lost acknowledged rows (a crash without fsync) gets them back.
 * - Its state is persisted (one record per comment) so a reload resumes it. The
 *   first send of a comment does not wait for that record (the comment itself is
 *   on disk already); the records are written in the order they were made.
 */

export const DELIVERY_STATES = ['pending', 'sent', 'refused'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const OutboxEntry = z.object({
  sessionId: z.string().min(1),
  id: z.uuid(),
  state: z.enum(DELIVERY_STATES),
  /** Failed tries of this comment. */
  attempts: z.number().int().min(0),
  /** When the server acknowledged it (ISO time). */
  sentAt: z.string().optional(),
  /** Why it was refused, as the server said it. */
  error: z.string().optional(),
  /** The server's error code (`session_closed`, `conflict` …). */
  code: z.string().optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** Where the outbox keeps its entries (IndexedDB in the app, memory in tests). */
export interface OutboxPersistence {
  load(sessionId: string): Promise<OutboxEntry[]>;
  put(entries: readonly OutboxEntry[]): Promise<void>;
}

/** What one send came to. */
export type SendResult =
  | { ok: true; created: boolean }
  /** No answer, or 5xx: try again later. */
  | { ok: false; kind: 'unreachable'; message: string }
  /** 429: try again after `retryAfterMs`. */
  | { ok: false; kind: 'busy'; retryAfterMs: number; message: string }
  /** The server will not take it as it is (closed session, invalid, conflict). */
  | { ok: false; kind: 'refused'; code: string; message: string };

export interface OutboxTransport {
  send(comment: Comment): Promise<SendResult>;
  /** The ids among `ids` the server does not have. Throws when the server is unreachable. */
  missing(ids: readonly string[]): Promise<string[]>;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface OutboxOptions {
  sessionId: string;
  persistence: OutboxPersistence;
  transport: OutboxTransport;
  /** The comment with this id from the device's own store (the outbox keeps ids only). */
  comment: (id: string) => Comment | undefined;
  clock?: Clock;
  random?: () => number;
  /** Called after every change of state (entries, reachability). */
  onChange?: () => void;
}

/** How many ids one `missing` request carries. */
export const MISSING_BATCH = 500;

export class Outbox {
  readonly sessionId: string;
  /** Every comment this device gave to the session, by id, in the order given. */
  readonly entries = new Map<string, OutboxEntry>();
  /** False from a failed send until the next answer from the server. */
  reachable = true;
  /** Failures in a row (sets the backoff). */
  failures = 0;
  /** When the next try is due (ms since epoch), or null when nothing waits. */
  nextTry: number | null = null;

  private readonly options: OutboxOptions;
  private readonly clock: Clock;
  private timer: unknown = null;
  private running = false;
  private again = false;
  private stopped = false;
  private needsReconcile = true;
  /** The last persistence write asked for (settled, never rejected). */
  private writes: Promise<void> = Promise.resolve();

  constructor(options: OutboxOptions) {
    this.options = options;
    this.sessionId = options.sessionId;
    this.clock = options.clock ?? realClock;
  }

  /** Read the persisted entries and start sending (and checking) them. */
  async start(): Promise<void> {
    for (const entry of await this.options.persistence.load(this.sessionId)) {
      this.entries.set(entry.id, entry);
    }
    this.changed();
    await this.flush();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  /** The delivery state of a comment, or undefined if it never went through this outbox. */
  state(id: string): DeliveryState | undefined {
    return this.entries.get(id)?.state;
  }

  get pending(): number {
    let n = 0;
    for (const entry of this.entries.values()) if (entry.state === 'pending') n++;
    return n;
  }

  /**
   * Add comments (already on disk) to the outbox and send them. A comment
   * already sent is left alone unless `resend` (an edit the server should see).
   */
  async enqueue(comments: readonly Comment[], { resend = false } = {}): Promise<void> {
    const fresh: OutboxEntry[] = [];
    for (const comment of comments) {
      const current = this.entries.get(comment.id);
      if (current && (current.state === 'pending' || !resend)) continue;
      const entry: OutboxEntry = {
        sessionId: this.sessionId,
        id: comment.id,
        state: 'pending',
        attempts: 0,
      };
      this.entries.set(comment.id, entry);
      fresh.push(entry);
    }
    if (!fresh.length) return;
    // The comments are on this device's disk already; their outbox records are only what a
    // reload resumes from, so the first send does not wait for them (`record` keeps the order).
    const recorded = this.record(fresh);
    this.changed();
    await Promise.all([recorded, this.flush()]);
  }

  /**
   * Try now: the network came back (`online` event, the live feed reopened),
   * or a caller wants the queue drained. Checks with the server first when it
   * had been unreachable.
   */
  async flush(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.clearTimer();
    this.running = true;
    try {
      do {
        this.again = false;
        await this.drain();
      } while (this.again && !this.stopped);
    } finally {
      this.running = false;
    }
  }

  /** Ask the server again which of our ids it lacks (e.g. after it restarted). */
  async reconcile(): Promise<void> {
    this.needsReconcile = true;
    await this.flush();
  }

  private async drain(): Promise<void> {
    if (this.needsReconcile && !(await this.checkMissing())) return;
    for (const entry of this.entries.values()) {
      if (this.stopped) return;
      if (entry.state !== 'pending') continue;
      const comment = this.options.comment(entry.id);
      if (!comment) {
        // Not in this device's store (yet): leave it pending, try on the next flush.
        continue;
      }
      const result = await this.options.transport
        .send(comment)
        .catch((error: unknown): SendResult => ({
          ok: false,
          kind: 'unreachable',
          message: error instanceof Error ? error.message : String(error),
        }));
      if (result.ok) {
        this.answered();
        await this.save({
          ...entry,
          state: 'sent',
          sentAt: new Date(this.clock.now()).toISOString(),
        });
        continue;
      }
      if (result.kind === 'refused') {
        this.answered();
        await this.save({ ...entry, state: 'refused', error: result.message, code: result.code });
        continue;
      }
      await this.save({ ...entry, attempts: entry.attempts + 1 });
      if (result.kind === 'busy') {
        // The server answered: it is reachable, just asking us to slow down.
        this.answered();
        this.schedule(result.retryAfterMs);
      } else {
        this.unreachable();
      }
      return;
    }
    this.nextTry = null;
    this.changed();
  }

  /**
   * Mark as pending again every sent id the server does not have. Returns false
   * (and schedules a retry) when the server could not be asked.
   */
  private async checkMissing(): Promise<boolean> {
    const sent = [...this.entries.values()].filter((e) => e.state === 'sent').map((e) => e.id);
    if (!sent.length) {
      this.needsReconcile = false;
      return true;
    }
    try {
      const lost = new Set<string>();
      for (let i = 0; i < sent.length; i += MISSING_BATCH) {
        for (const id of await this.options.transport.missing(sent.slice(i, i + MISSING_BATCH))) {
          lost.add(id);
        }
      }
      const again = [...lost]
        .map((id) => this.entries.get(id))
        .filter((e): e is OutboxEntry => e?.state === 'sent')
        .map((e) => ({ ...e, state: 'pending' as const, sentAt: undefined }));
      if (again.length) {
        for (const entry of again) this.entries.set(entry.id, entry);
        await this.record(again);
      }
      this.needsReconcile = false;
      this.answered();
      return true;
    } catch {
      this.unreachable();
      return false;
    }
  }

  private async save(entry: OutboxEntry): Promise<void> {
    this.entries.set(entry.id, entry);
    await this.record([entry]);
    this.changed();
  }

  /**
   * Persist entries, one write after the other in the order asked: a send can now finish
   * before the record that says "pending" is on disk, and its "sent" must land after it.
   */
  private record(entries: readonly OutboxEntry[]): Promise<void> {
    const write = this.writes.then(() => this.options.persistence.put(entries));
    // A failed write fails its caller; the next write still runs after it.
    this.writes = write.catch(() => {});
    return write;
  }

  private answered(): void {
    if (!this.reachable || this.failures) {
      this.reachable = true;
      this.failures = 0;
      this.changed();
    }
  }

  private unreachable(): void {
    this.reachable = false;
    this.failures++;
    // Whatever was sent before the outage is checked once the server answers again.
    this.needsReconcile = true;
    this.schedule(backoffDelay(this.failures, this.options.random));
  }

  private schedule(ms: number): void {
    this.clearTimer();
    if (this.stopped) return;
    this.nextTry = this.clock.now() + ms;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
    this.changed();
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private changed(): void {
    this.options.onChange?.();
  }
}
