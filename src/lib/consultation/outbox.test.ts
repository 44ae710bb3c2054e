import { describe, expect, it } from 'vitest';
import { createComment, type Comment } from '../comments/schema';
import { backoffDelay, retryAfterMs } from './backoff';
import {
  Outbox,
  type Clock,
  type OutboxEntry,
  type OutboxPersistence,
  type OutboxTransport,
  type SendResult,
} from './outbox';

/**
 * The outbox's scheduling, with a hand-driven clock: what is retried, when,
 * and what survives a reload. The HTTP side is tested against the real server
 * in `httpTransport.test.ts`.
 */

class ManualClock implements Clock {
  time = Date.parse('2026-12-02T09:00:00Z');
  timers = new Map<number, { at: number; fn: () => void }>();
  private nextId = 1;
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (id: unknown) => void this.timers.delete(id as number);
  /** The delay of the one pending timer. */
  get due(): number | undefined {
    const [timer] = this.timers.values();
    return timer ? timer.at - this.time : undefined;
  }
  /** Move to the next timer and run it (and what it awaits). */
  async advance(): Promise<void> {
    const [entry] = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at);
    if (!entry) throw new Error('no timer pending');
    this.timers.delete(entry[0]);
    this.time = entry[1].at;
    entry[1].fn();
    await settle();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

class MemoryPersistence implements OutboxPersistence {
  rows = new Map<string, OutboxEntry>();
  async load(sessionId: string) {
    return [...this.rows.values()].filter((r) => r.sessionId === sessionId);
  }
  async put(entries: readonly OutboxEntry[]) {
    for (const e of entries) this.rows.set(e.id, structuredClone(e));
  }
}

/** A server as the outbox sees it: it keeps rows by id, and can be down or busy. */
class FakeServer implements OutboxTransport {
  rows = new Map<string, Comment>();
  down = false;
  busyFor: number | null = null;
  refuse: string | null = null;
  sends: string[] = [];
  async send(comment: Comment): Promise<SendResult> {
    this.sends.push(comment.id);
    if (this.down) return { ok: false, kind: 'unreachable', message: 'Failed to fetch' };
    if (this.busyFor !== null) {
      return { ok: false, kind: 'busy', retryAfterMs: this.busyFor, message: 'Too many' };
    }
    if (this.refuse) return { ok: false, kind: 'refused', code: this.refuse, message: 'closed' };
    const created = !this.rows.has(comment.id);
    this.rows.set(comment.id, comment);
    return { ok: true, created };
  }
  async missing(ids: readonly string[]) {
    if (this.down) throw new TypeError('Failed to fetch');
    return ids.filter((id) => !this.rows.has(id));
  }
}

/** Persistence whose writes finish only when the test says so (a slow disk), in the order they were made. */
class SlowPersistence extends MemoryPersistence {
  waiting: (() => void)[] = [];
  written: string[] = [];
  override put(entries: readonly OutboxEntry[]) {
    return new Promise<void>((resolve) => {
      this.waiting.push(() => {
        for (const e of entries) this.written.push(e.state);
        void super.put(entries).then(resolve);
      });
    });
  }
  /** Let every write made so far finish, oldest first. */
  async finish() {
    while (this.waiting.length) {
      this.waiting.shift()!();
      await settle();
    }
  }
}

function setup(persistence = new MemoryPersistence(), server = new FakeServer()) {
  const clock = new ManualClock();
  const store = new Map<string, Comment>();
  const outbox = new Outbox({
    sessionId: 'k7m2qx',
    persistence,
    transport: server,
    comment: (id) => store.get(id),
    clock,
    random: () => 0.5,
  });
  const write = (text: string) => {
    const c = createComment({ kind: 'idea', text, lon: 121.1, lat: 28.8 }, new Date(clock.time));
    store.set(c.id, c);
    return c;
  };
  return { clock, store, outbox, server, persistence, write };
}

describe('backoff', () => {
  it('doubles from 1 s to a 30 s cap, half fixed and half random', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 15000, 15000,
    ]);
    expect(backoffDelay(3, () => 0.999)).toBeLessThan(4000);
    expect(backoffDelay(0)).toBe(0);
    expect(Number.isFinite(backoffDelay(5000, () => 0.5))).toBe(true);
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-12-02T09:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Wed, 02 Dec 2026 09:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe('outbox', () => {
  it('sends a comment once and marks it sent', async () => {
    const { outbox, server, write } = setup();
    const c = write('多建几个停车场');
    await outbox.enqueue([c]);
    expect(outbox.state(c.id)).toBe('sent');
    expect(server.sends).toEqual([c.id]);
    expect(outbox.pending).toBe(0);
    // Enqueued again (a double tap): nothing more is sent.
    await outbox.enqueue([c]);
    expect(server.sends).toEqual([c.id]);
  });

  it('sends a new comment at once, while its own outbox record is still being written', async () => {
    // The comment is already on this device's disk when it is enqueued; its record in the
    // outbox store is bookkeeping for a reload, and a slow disk must not hold the send back.
    const persistence = new SlowPersistence();
    const { outbox, server, write } = setup(persistence);
    const c = write('路口红绿灯太短');
    const enqueued = outbox.enqueue([c]);
    await settle();
    expect(server.sends).toEqual([c.id]);
    expect(persistence.rows.size).toBe(0);
    await persistence.finish();
    await enqueued;
    // The records land in the order they were made: "sent" is never overwritten by "pending".
    expect(persistence.written).toEqual(['pending', 'sent']);
    expect(persistence.rows.get(c.id)?.state).toBe('sent');
  });

  it('keeps a comment pending on disk when its first send fails while its record is being written', async () => {
    const persistence = new SlowPersistence();
    const { outbox, server, write } = setup(persistence);
    server.down = true;
    const c = write('断网时写的');
    const enqueued = outbox.enqueue([c]);
    await settle();
    expect(server.sends).toEqual([c.id]);
    await persistence.finish();
    await enqueued;
    expect(persistence.rows.get(c.id)).toMatchObject({ state: 'pending', attempts: 1 });
    outbox.stop();
  });

  it('keeps comments pending while the server is unreachable, backing off, then sends each once', async () => {
    const { outbox, server, clock, write } = setup();
    server.down = true;
    const a = write('a');
    const b = write('b');
    await outbox.enqueue([a]);
    await outbox.enqueue([b]);
    expect(outbox.reachable).toBe(false);
    expect([outbox.state(a.id), outbox.state(b.id)]).toEqual(['pending', 'pending']);
    // Backoff grows while the outage lasts: 0.75 s, 1.5 s, 3 s (random fixed at 0.5).
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      delays.push(clock.due!);
      await clock.advance();
    }
    expect(delays[0]).toBeLessThan(delays[1]!);
    expect(delays[1]).toBeLessThan(delays[2]!);
    server.down = false;
    await clock.advance();
    expect(outbox.reachable).toBe(true);
    expect([outbox.state(a.id), outbox.state(b.id)]).toEqual(['sent', 'sent']);
    expect([...server.rows.keys()]).toEqual([a.id, b.id]);
    expect(clock.timers.size).toBe(0);
  });

  it('waits what Retry-After says on 429 and stays "reachable"', async () => {
    const { outbox, server, clock, write } = setup();
    server.busyFor = 4000;
    const c = write('c');
    await outbox.enqueue([c]);
    expect(outbox.state(c.id)).toBe('pending');
    expect(outbox.reachable).toBe(true);
    expect(clock.due).toBe(4000);
    server.busyFor = null;
    await clock.advance();
    expect(outbox.state(c.id)).toBe('sent');
  });

  it('keeps a refused comment with the reason and does not retry it', async () => {
    const { outbox, server, clock, write } = setup();
    server.refuse = 'session_closed';
    const c = write('c');
    await outbox.enqueue([c]);
    expect(outbox.entries.get(c.id)).toMatchObject({ state: 'refused', code: 'session_closed' });
    expect(clock.timers.size).toBe(0);
    expect(server.sends).toHaveLength(1);
  });

  it('re-sends what the server lost (a crash without fsync) when it checks at start', async () => {
    const persistence = new MemoryPersistence();
    const server = new FakeServer();
    const first = setup(persistence, server);
    const kept = first.write('kept');
    const lost = first.write('lost');
    await first.outbox.enqueue([kept, lost]);
    first.outbox.stop();
    server.rows.delete(lost.id);

    // A reload: a new outbox on the same persisted state and the same comments.
    const second = setup(persistence, server);
    second.store.set(kept.id, kept);
    second.store.set(lost.id, lost);
    await second.outbox.start();
    expect(second.outbox.state(lost.id)).toBe('sent');
    expect([...server.rows.keys()].sort()).toEqual([kept.id, lost.id].sort());
    expect(server.sends.filter((id) => id === kept.id)).toHaveLength(1);
  });

  it('resumes pending comments after a reload', async () => {
    const persistence = new MemoryPersistence();
    const server = new FakeServer();
    server.down = true;
    const first = setup(persistence, server);
    const c = first.write('written offline');
    await first.outbox.enqueue([c]);
    first.outbox.stop();
    expect([...persistence.rows.values()].map((r) => r.state)).toEqual(['pending']);

    server.down = false;
    const second = setup(persistence, server);
    second.store.set(c.id, c);
    await second.outbox.start();
    expect(second.outbox.state(c.id)).toBe('sent');
    expect(server.rows.has(c.id)).toBe(true);
  });
});
