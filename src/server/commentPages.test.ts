import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { ConsultationApi } from '../lib/consultation/apiClient';
import { CommentList, MAX_COMMENT_PAGE, type Session } from '../lib/consultation/api';
import { DATABASES, openTestDatabase, testServer, type TestDatabase } from './testing/databases';
import { sampleComment, TestClient } from './testing/client';

/**
 * The comment list in pages (cursor = seq): nobody gets a session's thousands
 * of comments in one answer, the app's client still loads them all, and a
 * page served again never shows a comment hidden since.
 */

describe.each(DATABASES)('the comment list in pages, on %s', (kind) => {
  let database: TestDatabase;
  let app: Hono;
  let facilitator: TestClient;
  let session: Session;
  let ids: string[];
  const hide = (id: string) =>
    facilitator.request('POST', `/api/sessions/${session.id}/comments/${id}/hide`, { json: {} });
  const page = async (query: string, client?: TestClient) => {
    const path = `/api/sessions/${session.id}/comments${query}`;
    const response = client ? await client.request('GET', path) : await app.request(path);
    expect(response.status).toBe(200);
    return CommentList.parse(await response.json());
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    app = (await testServer(database.db)).app;
    facilitator = new TestClient(app);
    expect((await facilitator.login()).status).toBe(200);
    session = await facilitator.createSession('很多意见');
    const comments = Array.from({ length: MAX_COMMENT_PAGE + 150 }, () => sampleComment());
    ids = comments.map((c) => c.id);
    const imported = await facilitator.request(
      'POST',
      `/api/sessions/${session.id}/comments/import`,
      { json: { comments } },
    );
    expect(await imported.json()).toEqual({ added: comments.length, existing: 0 });
    for (const id of [ids[3]!, ids[12]!]) expect((await hide(id)).status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await database?.close();
  });

  it('answers at most a page, in seq order, with the cursor of the next', async () => {
    const first = await page('');
    expect(first.comments).toHaveLength(MAX_COMMENT_PAGE);
    const seqs = first.comments.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(first.next).toBe(seqs.at(-1));
    const rest = await page(`?after=${first.next}`);
    expect(rest.next).toBeNull();
    const seen = [...first.comments, ...rest.comments].map((c) => c.id);
    expect(new Set(seen).size).toBe(seen.length);
    // Participants: every visible comment once, the hidden two never.
    expect(seen.sort()).toEqual(ids.filter((id) => id !== ids[3] && id !== ids[12]).sort());
  });

  it('walks small pages by cursor; the facilitator also gets hidden comments', async () => {
    const got: string[] = [];
    let after = 0;
    for (let i = 0; i < 3; i++) {
      const p = await page(`?after=${after}&limit=5`, facilitator);
      expect(p.comments).toHaveLength(5);
      got.push(...p.comments.map((c) => c.id));
      after = p.next!;
    }
    expect(got).toEqual(ids.slice(0, 15));
  });

  it('refuses a bad cursor or a page over the maximum with 400 naming the field', async () => {
    for (const [query, field] of [
      [`?limit=${MAX_COMMENT_PAGE + 1}`, 'limit'],
      ['?limit=0', 'limit'],
      ['?after=-1', 'after'],
      ['?after=abc', 'after'],
    ] as const) {
      const response = await app.request(`/api/sessions/${session.id}/comments${query}`);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toContain(field);
    }
  });

  it('never serves a page again with a comment hidden since', async () => {
    const before = await page('?limit=30');
    expect(before.comments.map((c) => c.id)).toContain(ids[20]);
    expect((await hide(ids[20]!)).status).toBe(200);
    const after = await page('?limit=30');
    expect(after.comments.map((c) => c.id)).not.toContain(ids[20]);
    expect(after.lastSeq).toBeGreaterThan(before.lastSeq);
  });

  it("the app's client loads every page", async () => {
    const client = new ConsultationApi({
      base: 'http://lh.test',
      fetch: async (input, init) => app.request(String(input), init),
    });
    const list = await client.comments(session.id);
    expect(list.comments).toHaveLength(ids.length - 3);
    expect(list.lastSeq).toBe((await page('?limit=1')).lastSeq);
  });
});
