import type { SessionEvent } from '../lib/consultation/api';
import type { Db } from './store/db';
import { eventsAfter, type StoredEvent } from './store/queries';
import { participantEvent } from './views';

/**
 * Live delivery. Events are rows in `events`, numbered per session; the
 * database only announces "session S has event N" (in-process for PGlite,
 * LISTEN/NOTIFY for PostgreSQL). On an announcement the hub reads the new rows
 * once per session and hands them to that session's subscribers. Each
 * subscriber remembers the last seq it sent and, on any gap, reads what it
 * missed from the table itself, so a stream is gapless and never repeats,
 * whichever instance wrote the event.
 */

export interface Subscriber {
  facilitator: boolean;
  lastSent: number;
  send(event: SessionEvent): Promise<void>;
}

interface SubscriberState extends Subscriber {
  chain: Promise<void>;
  closed: boolean;
}

interface Channel {
  subscribers: Set<SubscriberState>;
  lastFetched: number | null;
  fetching: boolean;
  again: boolean;
}

const PAGE = 500;

export class LiveHub {
  private readonly channels = new Map<string, Channel>();

  constructor(private readonly db: Db) {}

  /** Starts listening to the database's announcements. */
  async start(): Promise<void> {
    await this.db.listen(
      (sid, seq) => this.announce(sid, seq),
      () => {
        for (const sid of this.channels.keys()) this.announce(sid, Number.MAX_SAFE_INTEGER);
      },
    );
  }

  /** Open streams, of one session or of all: what a dropped connection must give back. */
  subscriberCount(sid?: string): number {
    if (sid !== undefined) return this.channels.get(sid)?.subscribers.size ?? 0;
    let n = 0;
    for (const channel of this.channels.values()) n += channel.subscribers.size;
    return n;
  }

  /** Adds a subscriber that has seen everything up to `subscriber.lastSent`; replays the rest, then streams. */
  subscribe(sid: string, subscriber: Subscriber): () => void {
    let channel = this.channels.get(sid);
    if (!channel) {
      channel = { subscribers: new Set(), lastFetched: null, fetching: false, again: false };
      this.channels.set(sid, channel);
    }
    const state: SubscriberState = { ...subscriber, chain: Promise.resolve(), closed: false };
    channel.subscribers.add(state);
    this.enqueue(state, () => this.catchUp(sid, state));
    return () => {
      state.closed = true;
      channel.subscribers.delete(state);
      if (channel.subscribers.size === 0 && this.channels.get(sid) === channel)
        this.channels.delete(sid);
    };
  }

  /** Called for every committed event announced by the database. */
  announce(sid: string, seq: number): void {
    const channel = this.channels.get(sid);
    if (!channel) return;
    if (channel.lastFetched !== null && seq <= channel.lastFetched) return;
    if (channel.fetching) {
      channel.again = true;
      return;
    }
    channel.fetching = true;
    void this.fetch(sid, channel, seq).finally(() => {
      channel.fetching = false;
      if (channel.again) {
        channel.again = false;
        this.announce(sid, Number.MAX_SAFE_INTEGER);
      }
    });
  }

  private async fetch(sid: string, channel: Channel, seq: number): Promise<void> {
    try {
      let after = channel.lastFetched ?? (seq === Number.MAX_SAFE_INTEGER ? 0 : seq - 1);
      for (;;) {
        const page = await eventsAfter(this.db, sid, after, PAGE);
        for (const stored of page) {
          for (const sub of channel.subscribers)
            this.enqueue(sub, () => this.deliver(sid, sub, stored));
        }
        if (page.length > 0) after = page[page.length - 1]!.event.seq;
        channel.lastFetched = after;
        if (page.length < PAGE) return;
      }
    } catch (error) {
      console.error(`live: reading events of ${sid} failed:`, (error as Error).message);
    }
  }

  private enqueue(sub: SubscriberState, work: () => Promise<void>): void {
    sub.chain = sub.chain
      .then(() => (sub.closed ? undefined : work()))
      .catch(() => {
        sub.closed = true; // a write to a closed stream: the stream's own abort handler cleans up
      });
  }

  private async deliver(sid: string, sub: SubscriberState, stored: StoredEvent): Promise<void> {
    const seq = stored.event.seq;
    if (seq <= sub.lastSent) return;
    if (seq > sub.lastSent + 1) return this.catchUp(sid, sub);
    await this.send(sub, stored);
  }

  private async catchUp(sid: string, sub: SubscriberState): Promise<void> {
    for (;;) {
      const page = await eventsAfter(this.db, sid, sub.lastSent, PAGE);
      for (const stored of page) {
        if (sub.closed) return;
        if (stored.event.seq === sub.lastSent + 1) await this.send(sub, stored);
      }
      if (page.length < PAGE) return;
    }
  }

  private async send(sub: SubscriberState, stored: StoredEvent): Promise<void> {
    await sub.send(sub.facilitator ? stored.event : participantEvent(stored));
    sub.lastSent = stored.event.seq;
  }
}

/**
 * Where a stream resumes, from `Last-Event-ID` or `?after=`: after `seq` when
 * the client names this epoch and a seq the session has reached; `0` (the
 * start) needs no epoch; nothing given means only new events. Anything else,
 * another epoch, an id without one, or a seq beyond the last, is a client whose
 * numbers are not this database's: 'reload'.
 */
export function resumePoint(
  resume: string | undefined,
  epoch: string,
  lastSeq: number,
): number | 'reload' {
  if (resume === undefined || resume === '') return lastSeq;
  if (resume === '0') return 0;
  const match = /^([A-Za-z0-9_-]+):(\d+)$/.exec(resume);
  if (!match || match[1] !== epoch) return 'reload';
  const seq = Number(match[2]);
  return seq <= lastSeq ? seq : 'reload';
}
