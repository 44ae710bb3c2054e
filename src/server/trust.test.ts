import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { withEdits } from '../lib/comments/schema';
import { CommentList, type Session } from '../lib/consultation/api';
import { ensurePassword } from './password';
import { DATABASES, openTestDatabase, testServer, type TestDatabase } from './testing/databases';
import { Phone, sampleComment, TestClient } from './testing/client';

/**
 * What participants can never see or do, and the answers a hostile or broken
 * client gets (issue 20), on the embedded database and on a real PostgreSQL.
 */

const BUILT_APP = fileURLToPath(new URL('./testing/fixtures/built-app', import.meta.url));

describe.each(DATABASES)('trust on %s', (kind) => {
  let database: TestDatabase;
  let app: Hono;
  let facilitator: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    app = (await testServer(database.db, { deviceBurst: 100, devicePerMinute: 600 })).app;
    facilitator = new TestClient(app);
    expect((await facilitator.login()).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  const hideComment = (sid: string, id: string, reason?: string) =>
    facilitator.request('POST', `/api/sessions/${sid}/comments/${id}/hide`, {
      json: reason === undefined ? {} : { reason },
    });

  describe("a hidden comment's text and reason", () => {
    const text = '只给主持人看的秘密文字';
    const reason = '理由也保密';
    let s: Session;
    let author: Phone;
    let other: Phone;
    let comment: ReturnType<typeof sampleComment>;

    beforeAll(async () => {
      s = await facilitator.createSession('Hidden');
      author = await Phone.join(new TestClient(app), s.id);
      other = await Phone.join(new TestClient(app), s.id);
      comment = sampleComment(text);
      expect((await author.put(comment)).status).toBe(201);
      expect((await hideComment(s.id, comment.id, reason)).status).toBe(200);
    });

    const leaks = (body: unknown) => {
      const json = JSON.stringify(body);
      return json.includes(text) || json.includes(reason);
    };

    it('are not given to another device that PUTs its id, whatever `updated` it sends', async () => {
      const older = {
        ...sampleComment('猜的'),
        id: comment.id,
        updated: '2020-01-01T00:00:00.000Z',
        created: '2020-01-01T00:00:00.000Z',
      };
      const newer = withEdits(older, { text: '也是猜的' }, new Date('2030-01-01T00:00:00Z'));
      for (const attempt of [older, newer, { ...comment, text: 'x' }]) {
        const response = await other.put(attempt);
        expect(response.status).toBe(409);
        const body = await response.json();
        expect(body.code).toBe('conflict');
        expect(leaks(body)).toBe(false);
      }
    });

    it('are not given back to their author either: a re-send answers only that it is hidden', async () => {
      const stale = { ...comment, updated: '2020-01-01T00:00:00.000Z' };
      for (const resend of [comment, stale]) {
        const response = await author.put(resend);
        expect(response.status).toBe(200);
        const body = await response.json();
        expect(body.comment).toEqual({
          id: comment.id,
          seq: expect.any(Number),
          sessionId: s.id,
          hidden: true,
          status: 'hidden',
        });
      }
    });

    it('are in no participant answer: list, session, report, live replay', async () => {
      const list = await (await app.request(`/api/sessions/${s.id}/comments`)).json();
      expect(leaks(list)).toBe(false);
      expect(leaks(await (await app.request(`/api/sessions/${s.id}`)).json())).toBe(false);
      const report = await other.post(`/comments/${comment.id}/report`);
      expect(report.status).toBe(200);
      expect(leaks(await report.json())).toBe(false);
      const events = await app.request(`/api/sessions/${s.id}/events?after=0`);
      const reader = events.body!.getReader();
      let stream = '';
      while (!stream.includes('"seq":3')) {
        const { value, done } = await reader.read();
        if (done) break;
        stream += new TextDecoder().decode(value);
      }
      await reader.cancel();
      expect(stream).toContain(comment.id);
      expect(stream).not.toContain(text);
      expect(stream).not.toContain(reason);
    });

    it('are the facilitator’s to see', async () => {
      const list = CommentList.parse(
        await (await facilitator.request('GET', `/api/sessions/${s.id}/comments`)).json(),
      );
      expect(list.comments.find((c) => c.id === comment.id)).toMatchObject({
        text: comment.text,
        hiddenReason: reason,
        hidden: true,
      });
    });
  });

  describe('bad ids and characters that cannot be stored', () => {
    let s: Session;
    let phone: Phone;
    beforeAll(async () => {
      s = await facilitator.createSession('Bad input');
      phone = await Phone.join(new TestClient(app), s.id);
    });

    it('refuses a comment id that is not a UUID with 400 on every comment route', async () => {
      const comment = sampleComment();
      await phone.put(comment);
      const answers = [
        await phone.post('/comments/not-a-uuid/report'),
        await facilitator.request('POST', `/api/sessions/${s.id}/comments/not-a-uuid/hide`, {
          json: {},
        }),
        await facilitator.request('POST', `/api/sessions/${s.id}/comments/1%27%3B--/restore`),
        await phone.client.request('PUT', `/api/sessions/${s.id}/comments/not-a-uuid`, {
          json: comment,
          headers: { 'X-Device-Token': phone.token },
        }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect((await answer.json()).error).toMatch(/not a UUID/);
      }
      const unknown = await phone.post(`/comments/${sampleComment().id}/report`);
      expect(unknown.status).toBe(404);
    });

    it('refuses NUL, a lone surrogate or a leading U+FEFF with 400 and stores nothing', async () => {
      const cases = [
        ['NUL', 'before\u0000after'],
        ['surrogate', 'broken \uD800 text'],
        ['U\\+FEFF', '\uFEFFstarts with a BOM'],
      ] as const;
      for (const [why, text] of cases) {
        const comment = { ...sampleComment(), text };
        const response = await phone.put(comment);
        expect(response.status).toBe(400);
        const error = await response.json();
        expect(error.error).toMatch(/text/);
        expect(error.error).toMatch(new RegExp(why));
        const missing = await (await phone.post('/comments/missing', { ids: [comment.id] })).json();
        expect(missing.missing).toEqual([comment.id]);
      }
      const title = await facilitator.request('POST', '/api/sessions', {
        json: { title: 'a\u0000b' },
      });
      expect(title.status).toBe(400);
      expect((await title.json()).error).toMatch(/title.*NUL/);
      const rename = await facilitator.request('PATCH', `/api/sessions/${s.id}`, {
        json: { title: 'x\uDC00y' },
      });
      expect(rename.status).toBe(400);
      expect((await (await app.request(`/api/sessions/${s.id}`)).json()).title).toBe('Bad input');
      const target = sampleComment();
      await phone.put(target);
      const hide = await hideComment(s.id, target.id, 'spam\u0000');
      expect(hide.status).toBe(400);
      expect((await hide.json()).error).toMatch(/reason.*NUL/);
    });

    it('stores a U+FEFF inside the text as sent and echoes what it stored', async () => {
      const comment = { ...sampleComment(), text: 'zero\uFEFFwidth 𠀀 emoji 🙂' };
      const created = await phone.put(comment);
      expect(created.status).toBe(201);
      const echoed = (await created.json()).comment.text;
      const list = CommentList.parse(
        await (await app.request(`/api/sessions/${s.id}/comments`)).json(),
      );
      expect(list.comments.find((c) => c.id === comment.id)!.text).toBe(echoed);
      expect(echoed).toBe(comment.text);
    });

    describe('a server fault', () => {
      const errors: string[] = [];
      beforeAll(async () => {
        // A fault whose database message carries the request's text, as real ones do.
        await database.db
          .query(`CREATE FUNCTION lh_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF NEW.session_id = '${s.id}' AND NEW.text LIKE 'fault%' THEN
              RAISE EXCEPTION 'fault with %', NEW.text;
            END IF;
            RETURN NEW;
          END $$`);
        await database.db.query(
          'CREATE TRIGGER lh_test_fault BEFORE INSERT ON comments FOR EACH ROW EXECUTE FUNCTION lh_test_fault()',
        );
        vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
          errors.push(args.map(String).join(' '));
        });
      });
      afterEach(() => vi.restoreAllMocks());
      afterAll(async () => {
        await database.db.query('DROP TRIGGER lh_test_fault ON comments');
        await database.db.query('DROP FUNCTION lh_test_fault()');
      });

      it('answers 500 without detail and logs the route, never what the client sent', async () => {
        const comment = { ...sampleComment('fault 私人文字'), id: crypto.randomUUID() };
        const response = await phone.put(comment);
        expect(response.status).toBe(500);
        const body = JSON.stringify(await response.json());
        expect(body).not.toContain('私人文字');
        const logged = errors.join('\n');
        expect(logged).toContain('PUT /api/sessions/:sid/comments/:id');
        expect(logged).not.toContain('私人文字');
        expect(logged).not.toContain(comment.id);
        expect(logged).not.toContain(phone.token);
      });
    });
  });

  describe('answers a participant never needs', () => {
    it('a report is acknowledged without a count', async () => {
      const s = await facilitator.createSession('Report');
      const author = await Phone.join(new TestClient(app), s.id);
      const comment = sampleComment();
      await author.put(comment);
      for (let i = 0; i < 2; i++) {
        const reporter = await Phone.join(new TestClient(app), s.id);
        expect(await (await reporter.post(`/comments/${comment.id}/report`)).json()).toEqual({
          reported: true,
        });
      }
    });
  });

  it('a patch that changes nothing writes no event and no audit row', async () => {
    const s = await facilitator.createSession('Same', { focus: { layers: ['roads'] } });
    const patch = (json: unknown) =>
      facilitator.request('PATCH', `/api/sessions/${s.id}`, { json });
    for (const same of [{}, { open: true }, { title: 'Same' }, { focus: { layers: ['roads'] } }]) {
      const response = await patch(same);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id: s.id, title: 'Same', lastSeq: 0 });
    }
    const audit = await (await facilitator.request('GET', `/api/sessions/${s.id}/audit`)).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(['create']);
    expect(await (await patch({ title: 'Changed' })).json()).toMatchObject({ lastSeq: 1 });
  });

  it('describes every error answer of every route in the OpenAPI document', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    const statuses = (path: string, method: string) =>
      Object.keys(doc.paths[path][method].responses).map(Number).sort();
    expect(statuses('/api/sessions/{sid}/comments/{id}', 'put')).toEqual(
      expect.arrayContaining([200, 201, 400, 401, 403, 404, 409, 413, 429]),
    );
    expect(statuses('/api/sessions/{sid}/comments/{id}/hide', 'post')).toEqual([
      200, 400, 401, 403, 404, 413, 429,
    ]);
    expect(statuses('/api/sessions/{sid}', 'get')).toEqual([200, 404, 429]);
    for (const [path, methods] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, operation] of Object.entries<any>(methods)) {
        const codes = Object.keys(operation.responses).map(Number);
        const where = `${method} ${path}`;
        if (path.includes('{sid}')) expect(codes, where).toContain(404);
        if (path.includes('{id}')) expect(codes, where).toContain(400);
        if (operation.security) expect(codes, where).toContain(401);
        if (operation.requestBody) expect(codes, where).toEqual(expect.arrayContaining([400, 413]));
        const needsCsrf = (operation.parameters ?? []).some(
          (p: { name: string }) => p.name === 'X-CSRF-Token',
        );
        if (needsCsrf) expect(codes, where).toContain(403);
        for (const code of codes.filter((c) => c >= 400)) {
          expect(operation.responses[code].content['application/json'].schema.$ref).toBe(
            '#/components/schemas/ApiError',
          );
        }
      }
    }
  });

  describe('behind a proxy (TRUST_PROXY)', () => {
    let proxied: Hono;
    let real: Session;
    beforeAll(async () => {
      proxied = (await testServer(database.db, {}, { trustProxy: 1 })).app;
      real = await facilitator.createSession('Known');
    });
    const lookup = (sid: string, forwardedFor: string, headers: Record<string, string> = {}) =>
      proxied.request(`http://lh.test/api/sessions/${sid}`, {
        headers: { 'X-Forwarded-For': forwardedFor, ...headers },
      });

    it('limits lookups of unknown session codes per address, the one our proxy appended', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) {
        // The client writes what it likes before the address our proxy appends.
        statuses.push((await lookup('zzzzzz', `10.0.${i}.1, 203.0.113.7`)).status);
      }
      expect(statuses.slice(0, 20)).toEqual(Array(20).fill(404));
      expect(statuses.slice(20)).toEqual([429, 429]);
      const hit = await lookup(real.id, '10.1.1.1, 203.0.113.7');
      expect(hit.status).toBe(429); // a guesser learns nothing from a hit either
      expect(Number(hit.headers.get('Retry-After'))).toBeGreaterThan(0);
      // A phone of the session and other addresses go on.
      const phone = await Phone.join(new TestClient(app), real.id);
      expect((await lookup(real.id, '203.0.113.7', { 'X-Device-Token': phone.token })).status).toBe(
        200,
      );
      expect((await lookup(real.id, '203.0.113.8')).status).toBe(200);
      expect((await lookup('zzzzzz', '203.0.113.7, 203.0.113.9')).status).toBe(404);
    });

    it('with TRUST_PROXY=2 takes the second address from the right', async () => {
      const twoHops = (await testServer(database.db, {}, { trustProxy: 2 })).app;
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) {
        const response = await twoHops.request('http://lh.test/api/sessions/zzzzzz', {
          headers: { 'X-Forwarded-For': `forged-${i}, 198.51.100.4, 10.0.0.${i}` },
        });
        statuses.push(response.status);
      }
      expect(statuses.at(-1)).toBe(429);
    });
  });

  describe('HSTS', () => {
    it('is sent over https (directly, through our proxy, or by PUBLIC_ORIGIN) and not over http', async () => {
      const hsts = (response: Response) => response.headers.get('Strict-Transport-Security');
      expect(hsts(await app.request('http://lh.test/api/health'))).toBeNull();
      expect(hsts(await app.request('https://lh.test/api/health'))).toMatch(/max-age=\d{7,}/);
      const proxied = (await testServer(database.db, {}, { trustProxy: 1 })).app;
      const forwarded = await proxied.request('http://lh.test/api/health', {
        headers: { 'X-Forwarded-Proto': 'https' },
      });
      expect(hsts(forwarded)).toMatch(/max-age=/);
      // Without TRUST_PROXY a client's X-Forwarded-Proto means nothing.
      const spoofed = await app.request('http://lh.test/api/health', {
        headers: { 'X-Forwarded-Proto': 'https' },
      });
      expect(hsts(spoofed)).toBeNull();
      const published = (
        await testServer(database.db, {}, { publicOrigins: ['https://consult.example'] })
      ).app;
      expect(hsts(await published.request('http://lh.test/'))).toMatch(/max-age=/);
    });
  });

  describe('the built app', () => {
    let site: Hono;
    beforeAll(async () => {
      site = (await testServer(database.db, {}, { distDir: BUILT_APP })).app;
    });

    it('answers a missing file with 404, and a navigation with the app', async () => {
      for (const path of ['/assets/nope.js', '/assets/app.css', '/missing.png', '/a/b/c.json']) {
        const response = await site.request(`http://lh.test${path}`);
        expect(response.status, path).toBe(404);
        expect(await response.text(), path).not.toContain('single-page app');
      }
      const script = await site.request('http://lh.test/assets/app.js');
      expect(script.status).toBe(200);
      expect(await script.text()).toContain('fixture');
      for (const path of ['/', '/session/k7m2qx', '/zh']) {
        const page = await site.request(`http://lh.test${path}`);
        expect(page.status, path).toBe(200);
        expect(await page.text()).toContain('single-page app');
      }
    });
  });

  // Last: it ends the facilitator sessions of this file.
  it('ends every facilitator session when the password changes, keeps them when it does not', async () => {
    const s = await facilitator.createSession('Rotation');
    const phone = await Phone.join(new TestClient(app), s.id);
    const comment = sampleComment();
    await phone.put(comment);
    const other = new TestClient(app);
    await other.login();
    const me = async (client: TestClient) =>
      (await (await client.request('GET', '/api/auth/me')).json()).facilitator;

    await ensurePassword(database.db, 'correct horse battery'); // a restart with the same password
    expect(await me(facilitator)).toBe(true);

    await ensurePassword(database.db, 'a new password for 2027'); // a restart with a new one
    expect(await me(facilitator)).toBe(false);
    expect(await me(other)).toBe(false);
    expect((await hideComment(s.id, comment.id)).status).toBe(401);
    expect((await facilitator.login('correct horse battery')).status).toBe(401);
    expect((await facilitator.login('a new password for 2027')).status).toBe(200);
    expect((await hideComment(s.id, comment.id)).status).toBe(200);
  });
});
