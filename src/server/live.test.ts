import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_HEADER } from '../lib/consultation/api';
import { openDatabase, type Server } from './server';
import { DATABASES, openTestDatabase, testServer, type TestDatabase } from './testing/databases';
import { Phone, sampleComment, TestClient } from './testing/client';
import { SseStream } from './testing/sse';

/**
 * Live delivery over real HTTP on 127.0.0.1: server-sent events with resume
 * (nothing missed, nothing twice), and, on PostgreSQL, two server instances
 * sharing one database.
 */

async function listen(server: Server): Promise<{ base: string; close: () => Promise<void> }> {
  const http: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = http.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        (http as unknown as { closeAllConnections(): void }).closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

async function put(base: string, sid: string, token: string, comment = sampleComment()) {
  const response = await fetch(`${base}/api/sessions/${sid}/comments/${comment.id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', [DEVICE_HEADER]: token },
    body: JSON.stringify(comment),
  });
  expect(response.status).toBe(201);
  return comment;
}

const seqs = (stream: SseStream) => stream.events.map((e) => Number(e.id.split(':')[1]));
const upTo = (n: number, from = 1) => Array.from({ length: n - from + 1 }, (_, i) => from + i);

describe.each(DATABASES)('live events on %s', (kind) => {
  let database: TestDatabase;
  let server: Server;
  let http: { base: string; close: () => Promise<void> };
  let facilitator: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await testServer(database.db, { deviceBurst: 1000, devicePerMinute: 6000 });
    http = await listen(server);
    facilitator = new TestClient(server.app, http.base);
    await facilitator.login();
  }, 120_000);
  afterAll(async () => {
    await http?.close();
    await database?.close();
  });

  it('streams every change in order and resumes from Last-Event-ID with nothing missed and nothing twice', async () => {
    const { id: sid } = await facilitator.createSession('Live');
    const phone = await Phone.join(new TestClient(server.app, http.base), sid);
    const first = new SseStream(`${http.base}/api/sessions/${sid}/events?after=0`);
    const sent = [];
    for (let i = 0; i < 5; i++) sent.push(await put(http.base, sid, phone.token));
    await first.until((events) => events.length >= 5);
    expect(seqs(first)).toEqual(upTo(5));
    expect(first.events.map((e) => e.event)).toEqual(Array(5).fill('comment'));
    expect(first.events.map((e) => e.data.comment?.id)).toEqual(sent.map((c) => c.id));
    first.close(); // the phone sleeps…

    // …while others comment and the facilitator hides one.
    await Promise.all([
      put(http.base, sid, phone.token),
      put(http.base, sid, phone.token),
      put(http.base, sid, phone.token),
    ]);
    await facilitator.request('POST', `/api/sessions/${sid}/comments/${sent[0]!.id}/hide`, {
      json: { reason: '重复' },
    });

    const lastId = first.events.at(-1)!.id;
    expect(lastId).toMatch(/^[A-Za-z0-9_-]+:5$/); // epoch:seq
    const resumed = new SseStream(`${http.base}/api/sessions/${sid}/events`, {
      'Last-Event-ID': lastId,
    });
    await resumed.until((events) => events.length >= 4);
    await put(http.base, sid, phone.token); // and live again after the replay
    await resumed.until((events) => events.length >= 5);
    expect(seqs(resumed)).toEqual(upTo(10, 6));
    const hide = resumed.events.find((e) => e.data.type === 'hide')!;
    expect(hide.event).toBe('moderation');
    expect(hide.data).toEqual({ seq: 9, type: 'hide', commentId: sent[0]!.id }); // no text, no reason for participants
    resumed.close();

    // Replaying from the start, the hidden comment's own event carries no text either.
    const replay = new SseStream(`${http.base}/api/sessions/${sid}/events?after=0`);
    await replay.until((events) => events.length >= 10);
    expect(seqs(replay)).toEqual(upTo(10));
    expect(JSON.stringify(replay.events)).not.toContain(sent[0]!.text);
    replay.close();
  });

  it('tells a client that is ahead or on another epoch to reload, and resumes one that is not', async () => {
    const { id: sid } = await facilitator.createSession('Epoch');
    const phone = await Phone.join(new TestClient(server.app, http.base), sid);
    for (let i = 0; i < 3; i++) await put(http.base, sid, phone.token);
    const list = await (await fetch(`${http.base}/api/sessions/${sid}/comments`)).json();
    expect(list).toMatchObject({ lastSeq: 3, epoch: expect.stringMatching(/^[A-Za-z0-9_-]+$/) });
    const epoch: string = list.epoch;

    // Ahead of the session (a power cut or a restore took seqs 4..8 back), another epoch, no epoch.
    for (const resume of [`${epoch}:8`, `other:2`, '2']) {
      const stream = new SseStream(`${http.base}/api/sessions/${sid}/events`, {
        'Last-Event-ID': resume,
      });
      await stream.until((events) => events.length >= 1);
      expect(stream.events[0]).toEqual({
        id: `${epoch}:3`,
        event: 'reload',
        data: { type: 'reload', epoch, lastSeq: 3 },
      });
      stream.close();
    }
    // The same through ?after=, then live from the session's last seq.
    const reloaded = new SseStream(`${http.base}/api/sessions/${sid}/events?after=${epoch}:9`);
    await reloaded.until((events) => events.length >= 1);
    await put(http.base, sid, phone.token);
    await reloaded.until((events) => events.length >= 2);
    expect(reloaded.events.map((e) => e.id)).toEqual([`${epoch}:3`, `${epoch}:4`]);
    reloaded.close();

    // In the epoch and not ahead: a plain resume, no reload.
    const resumed = new SseStream(`${http.base}/api/sessions/${sid}/events?after=${epoch}:1`);
    await resumed.until((events) => events.length >= 3);
    expect(resumed.events.map((e) => e.id)).toEqual([2, 3, 4].map((n) => `${epoch}:${n}`));
    expect(resumed.events.map((e) => e.event)).not.toContain('reload');
    resumed.close();
  });

  it('starts a new epoch when the database may have gone back, and keeps it otherwise', async () => {
    const { id: sid } = await facilitator.createSession('Restart');
    const epochOf = async (s: Server) =>
      (await (await s.app.request(`/api/sessions/${sid}/comments`)).json()).epoch as string;
    const before = await epochOf(server);
    const restarted = await testServer(database.db);
    if (kind === 'pglite') {
      // One process owns the folder; any start may follow a power cut or a restore from a copy.
      expect(await epochOf(restarted)).not.toBe(before);
      return;
    }
    // PostgreSQL: another instance (or a restart) on the same database counts on.
    expect(await epochOf(restarted)).toBe(before);
    // A restore from pg_dump makes the tables anew.
    await database.db.query('ALTER TABLE events RENAME TO events_before_restore');
    await database.db.query('CREATE TABLE events (LIKE events_before_restore INCLUDING ALL)');
    await database.db.query('INSERT INTO events SELECT * FROM events_before_restore');
    await database.db.query('DROP TABLE events_before_restore');
    const afterRestore = await testServer(database.db);
    expect(await epochOf(afterRestore)).not.toBe(before);
  });

  it('stays gapless when comments arrive while a client connects', async () => {
    const { id: sid } = await facilitator.createSession('Rush');
    const phones = await Promise.all(
      Array.from({ length: 5 }, () => Phone.join(new TestClient(server.app, http.base), sid)),
    );
    await put(http.base, sid, phones[0]!.token);
    const posting = Promise.all(
      phones.flatMap((p) => [put(http.base, sid, p.token), put(http.base, sid, p.token)]),
    );
    const stream = new SseStream(`${http.base}/api/sessions/${sid}/events?after=0`);
    await posting;
    await stream.until((events) => events.length >= 11);
    expect(seqs(stream)).toEqual(upTo(11));
    stream.close();
  });

  it('keeps an idle stream alive with heartbeats, and lets go of a client that left', async () => {
    const { id: sid } = await facilitator.createSession('Idle');
    const controller = new AbortController();
    const response = await fetch(`${http.base}/api/sessions/${sid}/events`, {
      headers: { Accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(response.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    // Proxies close a connection that stays silent; nothing is posted here, yet comment lines
    // (which EventSource ignores) keep arriving, one per heartbeat (1 s in the test server).
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while ((text.match(/^: heartbeat$/gm) ?? []).length < 2) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text.match(/^: heartbeat$/gm)).toHaveLength(2);
    expect(text).not.toMatch(/^data:/m);
    expect(server.hub.subscriberCount(sid)).toBe(1);
    controller.abort();
    await expect.poll(() => server.hub.subscriberCount(sid), { timeout: 10_000 }).toBe(0);
  });

  it('gives the facilitator report counts and hidden text live', async () => {
    const { id: sid } = await facilitator.createSession('Facilitator view');
    const phone = await Phone.join(new TestClient(server.app, http.base), sid);
    const stream = new SseStream(`${http.base}/api/sessions/${sid}/events?after=0`, {
      Cookie: facilitator.cookie,
    });
    const comment = await put(http.base, sid, phone.token);
    await phone.post(`/comments/${comment.id}/report`);
    await facilitator.request('POST', `/api/sessions/${sid}/comments/${comment.id}/hide`, {
      json: { reason: '广告' },
    });
    await stream.until((events) => events.length >= 3);
    expect(stream.events.map((e) => e.data.type)).toEqual(['comment', 'report', 'hide']);
    expect(stream.events[1]!.data.reports).toBe(1);
    expect(stream.events[2]!.data.comment).toMatchObject({
      hidden: true,
      hiddenReason: '广告',
      text: comment.text,
    });
    stream.close();
  });
});

describe('two server instances on one PostgreSQL', () => {
  let database: TestDatabase;
  const instances: { server: Server; http: { base: string; close: () => Promise<void> } }[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    for (let i = 0; i < 2; i++) {
      const db =
        i === 0 ? database.db : await openDatabase({ databaseUrl: database.url, dataDir: '' });
      const server = await testServer(db, { deviceBurst: 1000, devicePerMinute: 6000 });
      instances.push({ server, http: await listen(server) });
    }
  }, 120_000);
  afterAll(async () => {
    for (const { http } of instances) await http.close();
    await instances[1]?.server.db.close();
    await database?.close();
  });

  it('streams from instance B, in order and gapless, what phones post to instance A', async () => {
    const [a, b] = instances;
    const facilitator = new TestClient(a!.server.app, a!.http.base);
    await facilitator.login();
    const { id: sid } = await facilitator.createSession('Two instances');
    const stream = new SseStream(`${b!.http.base}/api/sessions/${sid}/events?after=0`);
    const phones = await Promise.all(
      Array.from({ length: 6 }, () => Phone.join(new TestClient(a!.server.app, a!.http.base), sid)),
    );
    const sent = await Promise.all(
      phones.flatMap((p) => Array.from({ length: 5 }, () => put(a!.http.base, sid, p.token))),
    );
    await stream.until((events) => events.length >= 30);
    expect(seqs(stream)).toEqual(upTo(30));
    expect(new Set(stream.events.map((e) => e.data.comment!.id))).toEqual(
      new Set(sent.map((c) => c.id)),
    );
    // And the facilitator logged in on A is logged in on B too (sessions live in the database).
    const onB = await fetch(`${b!.http.base}/api/auth/me`, {
      headers: { Cookie: facilitator.cookie },
    });
    expect((await onB.json()).facilitator).toBe(true);
    stream.close();
  });
});
