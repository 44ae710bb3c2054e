import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Hono } from 'hono';
import { withEdits } from '../lib/comments/schema';
import {
  CommentList,
  SessionComment,
  type AuditEntry,
  type Session,
} from '../lib/consultation/api';
import { DATABASES, openTestDatabase, testServer, type TestDatabase } from './testing/databases';
import { Phone, sampleComment, TestClient } from './testing/client';

/**
 * The consultation API through `app.request()`, on the real embedded database
 * and on a real PostgreSQL: the same suite for both.
 */

describe.each(DATABASES)('consultation API on %s', (kind) => {
  let database: TestDatabase;
  let app: Hono;
  let facilitator: TestClient;
  let session: Session;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    app = (
      await testServer(database.db, { deviceBurst: 5, devicePerMinute: 6, sessionMaxComments: 50 })
    ).app;
    facilitator = new TestClient(app);
    expect((await facilitator.login()).status).toBe(200);
    session = await facilitator.createSession();
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('says which database it runs on and describes itself in OpenAPI 3.1', async () => {
    const health = await (await app.request('/api/health')).json();
    expect(health).toMatchObject({ ok: true, database: kind });
    const doc = await (await app.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/sessions/{sid}/comments/{id}'].put).toBeTruthy();
    expect(doc.components.schemas.SessionComment.properties.seq).toBeTruthy();
    const unknown = await app.request('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).code).toBe('not_found');
  });

  it('stores a comment once however often it is sent: 201, then 200, one row', async () => {
    const phone = await Phone.join(new TestClient(app), session.id);
    const comment = sampleComment();
    const first = await phone.put(comment);
    expect(first.status).toBe(201);
    const stored = SessionComment.parse((await first.json()).comment);
    expect(stored).toMatchObject({
      id: comment.id,
      text: comment.text,
      hidden: false,
      sessionId: session.id,
    });
    expect(stored.reports).toBeUndefined(); // report counts are for the facilitator
    for (let i = 0; i < 2; i++) {
      const again = await phone.put(comment);
      expect(again.status).toBe(200);
      expect((await again.json()).comment.seq).toBe(stored.seq);
    }
    const list = CommentList.parse(
      await (await app.request(`/api/sessions/${session.id}/comments`)).json(),
    );
    expect(list.comments.filter((c) => c.id === comment.id)).toHaveLength(1);
  });

  it('lets the same device edit kind and text with a newer version, and refuses other devices (409)', async () => {
    const phone = await Phone.join(new TestClient(app), session.id);
    const other = await Phone.join(new TestClient(app), session.id);
    const comment = sampleComment('原文');
    expect((await phone.put(comment)).status).toBe(201);
    const edited = withEdits(
      comment,
      { text: '改过的文字', kind: 'concern' },
      new Date('2026-12-02T09:00:00Z'),
    );
    const fromOther = await other.put(edited);
    expect(fromOther.status).toBe(409);
    expect((await fromOther.json()).code).toBe('conflict');
    const response = await phone.put(edited);
    expect(response.status).toBe(200);
    expect((await response.json()).comment).toMatchObject({ text: '改过的文字', kind: 'concern' });
    // A stale copy from an outbox changes nothing.
    expect((await (await phone.put(comment)).json()).comment.text).toBe('改过的文字');
    const moved = withEdits(edited, { lon: 121.0 }, new Date('2026-12-02T10:00:00Z'));
    expect((await phone.put(moved)).status).toBe(409);
  });

  it('answers bad input with 400 and a message that names the field', async () => {
    const phone = await Phone.join(new TestClient(app), session.id);
    const comment = sampleComment();
    const tooLong = { ...comment, text: '长'.repeat(1001) };
    const response = await phone.put(tooLong);
    expect(response.status).toBe(400);
    const error = await response.json();
    expect(error.code).toBe('bad_request');
    expect(error.error).toContain('text');
    expect(error.error).toContain('1000');
    const badLon = await phone.put({ ...comment, lon: 200 });
    expect((await badLon.json()).error).toMatch(/lon.*180/);
    const notJson = await phone.client.request(
      'PUT',
      `/api/sessions/${session.id}/comments/${comment.id}`,
      {
        body: '{"id":',
        headers: { 'Content-Type': 'application/json', 'X-Device-Token': phone.token },
      },
    );
    expect(notJson.status).toBe(400);
    const mismatch = await phone.client.request(
      'PUT',
      `/api/sessions/${session.id}/comments/${sampleComment().id}`,
      {
        json: comment,
        headers: { 'X-Device-Token': phone.token },
      },
    );
    expect(mismatch.status).toBe(400);
    const noToken = await new TestClient(app).request(
      'PUT',
      `/api/sessions/${session.id}/comments/${comment.id}`,
      {
        json: comment,
      },
    );
    expect(noToken.status).toBe(401);
    // None of these stored anything.
    const missing = await (await phone.post('/comments/missing', { ids: [comment.id] })).json();
    expect(missing.missing).toEqual([comment.id]);
  });

  it('refuses a body over the limit with 413', async () => {
    const phone = await Phone.join(new TestClient(app), session.id);
    const comment = sampleComment();
    const response = await phone.client.request(
      'PUT',
      `/api/sessions/${session.id}/comments/${comment.id}`,
      {
        body: JSON.stringify({ ...comment, padding: 'x'.repeat(70_000) }),
        headers: { 'Content-Type': 'application/json', 'X-Device-Token': phone.token },
      },
    );
    expect(response.status).toBe(413);
    expect((await response.json()).code).toBe('too_large');
  });

  it('limits a device to its bucket: 429 with Retry-After, re-sends not counted', async () => {
    const phone = await Phone.join(new TestClient(app), session.id);
    const first = sampleComment();
    expect((await phone.put(first)).status).toBe(201);
    for (let i = 0; i < 10; i++) expect((await phone.put(first)).status).toBe(200); // outbox re-sends are free
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const response = await phone.put(sampleComment());
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers.get('Retry-After');
        expect((await response.json()).code).toBe('rate_limited');
      }
    }
    expect(statuses.slice(0, 4)).toEqual([201, 201, 201, 201]);
    expect(statuses.slice(4)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Another phone in the same hall is not affected.
    const neighbour = await Phone.join(new TestClient(app), session.id);
    expect((await neighbour.put(sampleComment())).status).toBe(201);
  });

  it('keeps a closed session readable and refuses new comments with a clear message', async () => {
    const s = await facilitator.createSession('Closing soon');
    const phone = await Phone.join(new TestClient(app), s.id);
    const before = sampleComment();
    expect((await phone.put(before)).status).toBe(201);
    const patch = await facilitator.request('PATCH', `/api/sessions/${s.id}`, {
      json: { open: false },
    });
    expect((await patch.json()).open).toBe(false);
    const refused = await phone.put(sampleComment());
    expect(refused.status).toBe(403);
    const error = await refused.json();
    expect(error.code).toBe('session_closed');
    expect(error.error).toMatch(/closed/);
    expect((await phone.put(before)).status).toBe(200); // an outbox re-send of a stored one still succeeds
    const list = CommentList.parse(
      await (await app.request(`/api/sessions/${s.id}/comments`)).json(),
    );
    expect(list.comments.map((c) => c.id)).toEqual([before.id]);
  });

  it('caps the comments of one session', async () => {
    const s = await facilitator.createSession('Tiny');
    const imported = Array.from({ length: 50 }, () => sampleComment());
    const result = await facilitator.request('POST', `/api/sessions/${s.id}/comments/import`, {
      json: { comments: imported },
    });
    expect(await result.json()).toEqual({ added: 50, existing: 0 });
    const phone = await Phone.join(new TestClient(app), s.id);
    const full = await phone.put(sampleComment());
    expect(full.status).toBe(403);
    expect((await full.json()).code).toBe('session_full');
  });

  it('merges an upload of local comments by id, once', async () => {
    const s = await facilitator.createSession('Upload');
    const local = [sampleComment(), sampleComment(), sampleComment()];
    const phone = await Phone.join(new TestClient(app), s.id);
    expect((await phone.put(local[0]!)).status).toBe(201);
    const first = await facilitator.request('POST', `/api/sessions/${s.id}/comments/import`, {
      json: { comments: local },
    });
    expect(await first.json()).toEqual({ added: 2, existing: 1 });
    const second = await facilitator.request('POST', `/api/sessions/${s.id}/comments/import`, {
      json: { comments: local },
    });
    expect(await second.json()).toEqual({ added: 0, existing: 3 });
    const list = CommentList.parse(
      await (await facilitator.request('GET', `/api/sessions/${s.id}/comments`)).json(),
    );
    expect(list.comments).toHaveLength(3);
  });

  it('numbers concurrent changes gaplessly per session', async () => {
    const s = await facilitator.createSession('Busy');
    const phones = await Promise.all(
      Array.from({ length: 8 }, () => Phone.join(new TestClient(app), s.id)),
    );
    const responses = await Promise.all(
      phones.flatMap((p) => [p.put(sampleComment()), p.put(sampleComment())]),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(16).fill(201));
    const seqs = (await Promise.all(responses.map((r) => r.json())))
      .map((b) => b.comment.seq)
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    const { lastSeq } = CommentList.parse(
      await (await app.request(`/api/sessions/${s.id}/comments`)).json(),
    );
    expect(lastSeq).toBe(16);
  });

  it('tells the outbox which ids the server lacks', async () => {
    const phone = await Phone.join(new TestClient(app), session.id);
    const sent = sampleComment();
    const unsent = sampleComment();
    await phone.put(sent);
    const response = await phone.post('/comments/missing', { ids: [sent.id, unsent.id] });
    expect(await response.json()).toEqual({ missing: [unsent.id] });
  });

  it('hides and restores with a reason, keeps the comment, audits every action, and hides it from participants', async () => {
    const s = await facilitator.createSession('Moderated');
    const phone = await Phone.join(new TestClient(app), s.id);
    const comment = sampleComment('不当言论');
    await phone.put(comment);
    const hide = await facilitator.request(
      'POST',
      `/api/sessions/${s.id}/comments/${comment.id}/hide`,
      {
        json: { reason: '人身攻击' },
      },
    );
    expect(hide.status).toBe(200);
    expect((await hide.json()).comment).toMatchObject({
      hidden: true,
      hiddenReason: '人身攻击',
      status: 'hidden',
    });

    const publicList = CommentList.parse(
      await (await app.request(`/api/sessions/${s.id}/comments`)).json(),
    );
    expect(publicList.comments.map((c) => c.id)).not.toContain(comment.id);
    expect(JSON.stringify(publicList)).not.toContain('不当言论');
    const own = await phone.put(comment); // the author's re-send does not reveal or revive it
    expect((await own.json()).comment.hidden).toBe(true);

    const facList = CommentList.parse(
      await (await facilitator.request('GET', `/api/sessions/${s.id}/comments`)).json(),
    );
    expect(facList.comments.find((c) => c.id === comment.id)).toMatchObject({
      hidden: true,
      text: comment.text,
    });

    const restore = await facilitator.request(
      'POST',
      `/api/sessions/${s.id}/comments/${comment.id}/restore`,
    );
    expect((await restore.json()).comment).toMatchObject({ hidden: false });
    const after = CommentList.parse(
      await (await app.request(`/api/sessions/${s.id}/comments`)).json(),
    );
    expect(after.comments.map((c) => c.id)).toContain(comment.id);

    const audit = (await (await facilitator.request('GET', `/api/sessions/${s.id}/audit`)).json())
      .entries as AuditEntry[];
    expect(audit.map((e) => [e.action, e.commentId ?? null, e.reason ?? null])).toEqual([
      ['create', null, null],
      ['hide', comment.id, '人身攻击'],
      ['restore', comment.id, null],
    ]);
    // Append-only, enforced by the database.
    await expect(database.db.query('DELETE FROM audit')).rejects.toThrow(/append-only/);
    await expect(database.db.query("UPDATE audit SET reason = 'x'")).rejects.toThrow(/append-only/);
  });

  it('counts a report once per device and shows the count to the facilitator only', async () => {
    const s = await facilitator.createSession('Reports');
    const author = await Phone.join(new TestClient(app), s.id);
    const comment = sampleComment();
    await author.put(comment);
    const a = await Phone.join(new TestClient(app), s.id);
    const b = await Phone.join(new TestClient(app), s.id);
    for (const reporter of [a, a, b]) {
      const answer = await reporter.post(`/comments/${comment.id}/report`);
      expect(await answer.json()).toEqual({ reported: true }); // never a count
    }
    const publicList = CommentList.parse(
      await (await app.request(`/api/sessions/${s.id}/comments`)).json(),
    );
    expect(publicList.comments[0]!.reports).toBeUndefined();
    const facList = CommentList.parse(
      await (await facilitator.request('GET', `/api/sessions/${s.id}/comments`)).json(),
    );
    expect(facList.comments[0]!.reports).toBe(2);
  });

  describe('participants can never moderate', () => {
    let target: string;
    let sid: string;
    const hide = (client: TestClient, options: Parameters<TestClient['request']>[2] = {}) =>
      client.request('POST', `/api/sessions/${sid}/comments/${target}/hide`, {
        json: { reason: 'x' },
        ...options,
      });
    const stillVisible = async () => {
      const list = CommentList.parse(
        await (await app.request(`/api/sessions/${sid}/comments`)).json(),
      );
      return list.comments.some((c) => c.id === target);
    };

    beforeAll(async () => {
      sid = (await facilitator.createSession('Attacks')).id;
      const phone = await Phone.join(new TestClient(app), sid);
      const comment = sampleComment();
      target = comment.id;
      await phone.put(comment);
    });

    it('without a cookie (401), even with a device token', async () => {
      const phone = await Phone.join(new TestClient(app), sid);
      const response = await hide(phone.client, { headers: { 'X-Device-Token': phone.token } });
      expect(response.status).toBe(401);
      expect((await new TestClient(app).request('GET', '/api/sessions')).status).toBe(401);
      expect(
        (await new TestClient(app).request('GET', `/api/sessions/${sid}/export.csv`)).status,
      ).toBe(401);
      expect(await stillVisible()).toBe(true);
    });

    it('with a forged cookie', async () => {
      const forger = new TestClient(app);
      forger.cookie = `lh_fac=${'A'.repeat(43)}.${'B'.repeat(43)}`;
      forger.csrf = 'anything';
      expect((await hide(forger)).status).toBe(401);
      // A real token with its signature swapped for another's is also refused.
      const real = new TestClient(app);
      await real.login();
      const [token] = real.cookie.split('=')[1]!.split('.');
      forger.cookie = `lh_fac=${token}.${facilitator.cookie.split('.')[1]}`;
      forger.csrf = real.csrf;
      expect((await hide(forger)).status).toBe(401);
      expect(await stillVisible()).toBe(true);
    });

    it('with a cookie replayed after logout', async () => {
      const other = new TestClient(app);
      await other.login();
      const { cookie, csrf } = other;
      expect((await other.request('POST', '/api/auth/logout')).status).toBe(200);
      const replay = new TestClient(app);
      replay.cookie = cookie;
      replay.csrf = csrf;
      expect((await hide(replay)).status).toBe(401);
      expect(await (await replay.request('GET', '/api/auth/me')).json()).toEqual({
        facilitator: false,
      });
      expect(await stillVisible()).toBe(true);
    });

    it('with a missing or wrong CSRF token, or from another origin', async () => {
      const missing = await hide(facilitator, { csrf: false });
      expect(missing.status).toBe(403);
      expect((await missing.json()).code).toBe('csrf');
      expect((await hide(facilitator, { headers: { 'X-CSRF-Token': 'wrong' } })).status).toBe(403);
      expect(
        (await hide(facilitator, { headers: { Origin: 'https://evil.example' } })).status,
      ).toBe(403);
      expect(await stillVisible()).toBe(true);
    });

    it('with a cross-origin HTML form post', async () => {
      // What a hostile page's <form method=post> sends: the victim's cookie, a form body, Origin evil.
      const response = await facilitator.request(
        'POST',
        `/api/sessions/${sid}/comments/${target}/hide`,
        {
          body: 'reason=pwned',
          csrf: false,
          headers: {
            Origin: 'https://evil.example',
            'Content-Type': 'application/x-www-form-urlencoded',
          },
        },
      );
      expect(response.status).toBe(403);
      const create = await facilitator.request('POST', '/api/sessions', {
        body: 'title=evil',
        csrf: false,
        headers: {
          Origin: 'https://evil.example',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
      });
      expect(create.status).toBe(403);
      expect(await stillVisible()).toBe(true);
    });
  });

  it('rate-limits login attempts and sets a strict cookie', async () => {
    const client = new TestClient(app);
    const ok = await client.login();
    const cookie = ok.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    const attacker = new TestClient(app);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attacker.login('guess' + i)).status);
    expect(statuses).toContain(401);
    expect(statuses.at(-1)).toBe(429);
    const limited = await attacker.login();
    expect(limited.status).toBe(429); // even the right password waits
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('exports GeoJSON and CSV with the hidden flag, reason and report counts', async () => {
    const s = await facilitator.createSession('Export');
    const phone = await Phone.join(new TestClient(app), s.id);
    const reporter = await Phone.join(new TestClient(app), s.id);
    const [kept, hidden] = [sampleComment('保留'), sampleComment('=HYPERLINK("x")')];
    await phone.put(kept!);
    await phone.put(hidden!);
    await reporter.post(`/comments/${hidden!.id}/report`);
    await facilitator.request('POST', `/api/sessions/${s.id}/comments/${hidden!.id}/hide`, {
      json: { reason: '广告' },
    });

    const geo = await facilitator.request('GET', `/api/sessions/${s.id}/export.geojson`);
    expect(geo.headers.get('Content-Disposition')).toContain(`session-${s.id}.geojson`);
    const collection = await geo.json();
    const props = Object.fromEntries(
      collection.features.map((f: any) => [f.properties.id, f.properties]),
    );
    expect(props[hidden!.id]).toMatchObject({
      hidden: true,
      hiddenReason: '广告',
      reports: 1,
      status: 'hidden',
    });
    expect(props[kept!.id]).toMatchObject({ hidden: false, hiddenReason: null, reports: 0 });

    const bytes = new Uint8Array(
      await (await facilitator.request('GET', `/api/sessions/${s.id}/export.csv`)).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so spreadsheets read the Chinese text
    const csv = new TextDecoder().decode(bytes);
    const rows = Papa.parse<Record<string, string>>(csv, {
      header: true,
      skipEmptyLines: true,
    }).data;
    const row = rows.find((r) => r.id === hidden!.id)!;
    expect(row).toMatchObject({ hidden: 'true', hiddenReason: '广告', reports: '1' });
    expect(row.text!.startsWith("'=")).toBe(true); // formula injection escaped, as in the app's own export
  });
});
