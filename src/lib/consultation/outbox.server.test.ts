import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../server/config';
import { createServer, openDatabase } from '../../server/server';
import type { Db } from '../../server/store/db';
import { createSession, updateSession } from '../../server/store/queries';
import { createComment, type Comment } from '../comments/schema';
import { ConsultationApi } from './apiClient';
import { Outbox, type Clock, type OutboxEntry, type OutboxPersistence } from './outbox';

/**
 * The outbox and the API client against the real consultation server (Hono app
 * over PGlite in a temporary folder), called in-process through `app.fetch`.
 * Only the network is simulated: a switch that makes `fetch` fail as it does
 * when the Wi-Fi drops.
 */

let dir: string;
let db: Db;
let fetchApp: (request: Request) => Response | Promise<Response>;
let networkDown = false;

const api = () =>
  new ConsultationApi({
    base: 'http://consultation.test',
    fetch: async (input, init) => {
      if (networkDown) throw new TypeError('Failed to fetch');
      return fetchApp(new Request(input as string, init));
    },
  });

/** A clock that records the delays asked for and runs nothing by itself. */
function recordingClock(): Clock & { delays: number[]; run: () => void } {
  const pending: (() => void)[] = [];
  const delays: number[] = [];
  return {
    delays,
    now: () => Date.now(),
    setTimeout: (fn, ms) => {
      delays.push(ms);
      pending.push(fn);
      return pending.length;
    },
    clearTimeout: () => {},
    run: () => pending.splice(0).forEach((fn) => fn()),
  };
}

class Memory implements OutboxPersistence {
  rows = new Map<string, OutboxEntry>();
  async load(sid: string) {
    return [...this.rows.values()].filter((r) => r.sessionId === sid);
  }
  async put(entries: readonly OutboxEntry[]) {
    for (const e of entries) this.rows.set(e.id, e);
  }
}

async function participant(sid: string, clock: Clock = recordingClock()) {
  const client = api();
  const token = await client.device(sid);
  const mine = new Map<string, Comment>();
  const outbox = new Outbox({
    sessionId: sid,
    persistence: new Memory(),
    transport: {
      send: (comment) => client.putComment(sid, token, comment),
      missing: (ids) => client.missing(sid, token, ids),
    },
    comment: (id) => mine.get(id),
    clock,
    random: () => 0.5,
  });
  const write = (text: string) => {
    const c = createComment({ kind: 'concern', text, lon: 121.4, lat: 28.7 });
    mine.set(c.id, c);
    return c;
  };
  return { client, token, outbox, write };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linhai-outbox-'));
  db = await openDatabase({ dataDir: dir, databaseUrl: null });
  const { app } = await createServer(db, {
    limits: { ...DEFAULT_LIMITS, deviceBurst: 3, devicePerMinute: 6 },
    publicOrigins: [],
    trustProxy: 0,
    distDir: null,
  });
  fetchApp = (request) => app.fetch(request);
}, 120_000);

afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('outbox against the real server', () => {
  it('sends once (201), a re-send is the same row (200), and the server lists it once', async () => {
    const session = await createSession(db, { title: 'outbox' }, 'test');
    const { client, token, outbox, write } = await participant(session.id);
    const c = write('夜间施工噪音');
    await outbox.enqueue([c]);
    expect(outbox.state(c.id)).toBe('sent');
    expect(await client.putComment(session.id, token, c)).toEqual({ ok: true, created: false });
    const list = await client.comments(session.id);
    expect(list.comments.filter((x) => x.id === c.id)).toHaveLength(1);
    expect(await client.missing(session.id, token, [c.id])).toEqual([]);
  });

  it('keeps comments pending while the network is down and delivers each once when it is back', async () => {
    const session = await createSession(db, { title: 'wifi' }, 'test');
    const clock = recordingClock();
    const { client, outbox, write } = await participant(session.id, clock);
    networkDown = true;
    const a = write('a');
    const b = write('b');
    await outbox.enqueue([a, b]);
    expect(outbox.reachable).toBe(false);
    expect(outbox.pending).toBe(2);
    expect(clock.delays.at(-1)).toBeGreaterThan(0);
    networkDown = false;
    clock.run();
    await expect.poll(() => outbox.pending).toBe(0);
    expect(outbox.reachable).toBe(true);
    const ids = (await client.comments(session.id)).comments.map((x) => x.id).sort();
    expect(ids).toEqual([a.id, b.id].sort());
  });

  it('keeps a comment refused by a closed session, with the server’s reason', async () => {
    const session = await createSession(db, { title: 'closed' }, 'test');
    await updateSession(db, session.id, { open: false }, 'test');
    const { outbox, write } = await participant(session.id);
    const c = write('too late');
    await outbox.enqueue([c]);
    expect(outbox.entries.get(c.id)).toMatchObject({ state: 'refused', code: 'session_closed' });
    expect(outbox.entries.get(c.id)?.error).toMatch(/\S/);
  });

  it('waits what Retry-After says when the device is over its rate', async () => {
    const session = await createSession(db, { title: 'busy' }, 'test');
    const clock = recordingClock();
    const { outbox, write } = await participant(session.id, clock);
    const many = Array.from({ length: 5 }, (_, i) => write(`burst ${i}`));
    await outbox.enqueue(many);
    // The bucket holds 3: the 4th is answered 429 and waits, still "reachable".
    expect([...outbox.entries.values()].filter((e) => e.state === 'sent')).toHaveLength(3);
    expect(outbox.pending).toBe(2);
    expect(outbox.reachable).toBe(true);
    expect(clock.delays.at(-1)).toBeGreaterThanOrEqual(1_000);
  });
});
