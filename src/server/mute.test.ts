import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import {
  AuditList,
  CommentList,
  DeviceList,
  SessionEvent,
  type Session,
} from '../lib/consultation/api';
import { DATABASES, openTestDatabase, testServer, type TestDatabase } from './testing/databases';
import { Phone, sampleComment, TestClient } from './testing/client';

/** The first `n` events a participant's stream sends after `after` (the stream read through app.request). */
async function participantEvents(app: Hono, sid: string, after: number, n: number) {
  // Resume ids carry the stream's epoch (a bare number would be told to reload).
  const { epoch } = (await (await app.request(`/api/sessions/${sid}/comments`)).json()) as {
    epoch: string;
  };
  const response = await app.request(
    `/api/sessions/${sid}/events?after=${encodeURIComponent(`${epoch}:${after}`)}`,
  );
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const events: SessionEvent[] = [];
  while (events.length < n) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    const blocks = text.split('\n\n');
    text = blocks.pop()!;
    for (const block of blocks) {
      const data = block.split('\n').find((line) => line.startsWith('data:'));
      if (data) events.push(SessionEvent.parse(JSON.parse(data.slice(5))));
    }
  }
  await reader.cancel();
  return events;
}

/**
 * A facilitator sees which device floods a session and mutes it: all its
 * comments hidden (each an event; participants get ids only), its further
 * comments refused, one audit entry. Devices appear under a short label,
 * never their hash, and participants never see even the label.
 */

describe.each(DATABASES)('muting a flooding device, on %s', (kind) => {
  let database: TestDatabase;
  let app: Hono;
  let facilitator: TestClient;
  let session: Session;
  let flooder: Phone;
  let neighbour: Phone;
  const flood = Array.from({ length: 12 }, () => sampleComment('刷屏'));
  const kept = sampleComment('正常意见');
  const devices = async () =>
    DeviceList.parse(
      await (await facilitator.request('GET', `/api/sessions/${session.id}/devices`)).json(),
    ).devices;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    app = (await testServer(database.db, { deviceBurst: 50, devicePerMinute: 60 })).app;
    facilitator = new TestClient(app);
    expect((await facilitator.login()).status).toBe(200);
    session = await facilitator.createSession('禁言');
    flooder = await Phone.join(new TestClient(app), session.id);
    neighbour = await Phone.join(new TestClient(app), session.id);
    for (const c of flood) expect((await flooder.put(c)).status).toBe(201);
    expect((await neighbour.put(kept)).status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('shows the facilitator each device by a short label with how many comments it posted', async () => {
    const list = await devices();
    expect(list.map((d) => [d.comments, d.hidden, d.muted])).toEqual([
      [12, 0, false],
      [1, 0, false],
    ]);
    const label = list[0]!.device;
    expect(label).toMatch(/^[0-9a-f]{8}$/);
    const comments = CommentList.parse(
      await (await facilitator.request('GET', `/api/sessions/${session.id}/comments`)).json(),
    ).comments;
    expect(comments.filter((c) => c.device === label)).toHaveLength(12);
    // Neither the hash nor the label reaches participants.
    const hashes = (
      await database.db.query<{ token_hash: string }>('SELECT token_hash FROM devices')
    ).map((r) => r.token_hash);
    const facilitatorText = JSON.stringify(comments);
    for (const hash of hashes) expect(facilitatorText).not.toContain(hash);
    const publicText = await (await app.request(`/api/sessions/${session.id}/comments`)).text();
    expect(publicText).not.toContain(label);
    expect(
      (await neighbour.client.request('GET', `/api/sessions/${session.id}/devices`)).status,
    ).toBe(401);
  });

  it('mutes a device in one audited action: its comments hidden, participants told ids only, its posts refused', async () => {
    const label = (await devices())[0]!.device;
    const lastSeq = (await (await app.request(`/api/sessions/${session.id}`)).json()).lastSeq;

    const muted = await facilitator.request(
      'POST',
      `/api/sessions/${session.id}/devices/${label}/mute`,
      { json: { reason: '刷屏' } },
    );
    expect(muted.status).toBe(200);
    expect(await muted.json()).toEqual({ device: label, muted: true, hidden: 12 });

    const events = await participantEvents(app, session.id, lastSeq, 12);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => lastSeq + 1 + i));
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['hide']));
    expect(events.map((e) => e.commentId).sort()).toEqual(flood.map((c) => c.id).sort());
    expect(JSON.stringify(events)).not.toContain('刷屏');

    const publicList = CommentList.parse(
      await (await app.request(`/api/sessions/${session.id}/comments`)).json(),
    );
    expect(publicList.comments.map((c) => c.id)).toEqual([kept.id]);

    const refused = await flooder.put(sampleComment('还想刷'));
    expect(refused.status).toBe(403);
    const error = await refused.json();
    expect(error.code).toBe('device_muted');
    expect(error.error).toMatch(/muted/);
    expect((await neighbour.put(sampleComment('邻座的新意见'))).status).toBe(201);

    const audit = AuditList.parse(
      await (await facilitator.request('GET', `/api/sessions/${session.id}/audit`)).json(),
    ).entries;
    expect(audit.filter((e) => e.action === 'mute')).toEqual([
      expect.objectContaining({ action: 'mute', device: label, reason: '刷屏' }),
    ]);
    expect(audit.filter((e) => e.action === 'hide')).toHaveLength(0);
    expect((await devices())[0]).toMatchObject({ device: label, hidden: 12, muted: true });
  });

  it('unmutes: the device may post again, its hidden comments stay hidden until restored one by one', async () => {
    const label = (await devices())[0]!.device;
    const response = await facilitator.request(
      'POST',
      `/api/sessions/${session.id}/devices/${label}/unmute`,
    );
    expect(await response.json()).toEqual({ device: label, muted: false, hidden: 0 });
    expect((await flooder.put(sampleComment('认真的意见'))).status).toBe(201);
    const publicList = CommentList.parse(
      await (await app.request(`/api/sessions/${session.id}/comments`)).json(),
    );
    expect(publicList.comments.some((c) => flood.some((f) => f.id === c.id))).toBe(false);
    const audit = AuditList.parse(
      await (await facilitator.request('GET', `/api/sessions/${session.id}/audit`)).json(),
    ).entries;
    expect(audit.at(-1)).toMatchObject({ action: 'unmute', device: label });
  });

  it('refuses a participant, a bad label and an unknown device', async () => {
    const label = (await devices())[0]!.device;
    const asPhone = await neighbour.client.request(
      'POST',
      `/api/sessions/${session.id}/devices/${label}/mute`,
      { headers: { 'X-Device-Token': neighbour.token } },
    );
    expect(asPhone.status).toBe(401);
    const bad = await facilitator.request('POST', `/api/sessions/${session.id}/devices/NOPE/mute`);
    expect(bad.status).toBe(404);
    const unknown = await facilitator.request(
      'POST',
      `/api/sessions/${session.id}/devices/00000000/mute`,
    );
    expect(unknown.status).toBe(404);
    expect((await flooder.put(sampleComment('仍然可以'))).status).toBe(201);
  });
});
