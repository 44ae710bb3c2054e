import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { CommentList, DEVICE_HEADER, type Session } from '../lib/consultation/api';
import { DATABASES, openTestDatabase, testServer, type TestDatabase } from './testing/databases';
import { Phone, sampleComment, TestClient } from './testing/client';

/**
 * One hostile client on the hall's own address (everyone behind the venue's
 * router shares it): what it can no longer do to the phones beside it. Small
 * limits so the floods stay a few hundred requests.
 */

describe.each(DATABASES)('a hostile client in the hall, on %s', (kind) => {
  let database: TestDatabase;
  let app: Hono;
  let facilitator: TestClient;
  let session: Session;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    app = (
      await testServer(database.db, {
        ipBurst: 60,
        ipPerSecond: 1,
        unauthenticatedBurst: 20,
        unauthenticatedPerSecond: 1,
        deviceTokensBurst: 40,
        deviceTokensPerMinute: 1,
      })
    ).app;
    facilitator = new TestClient(app);
    expect((await facilitator.login()).status).toBe(200);
    session = await facilitator.createSession('大厅');
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('cannot silence the phones beside it with broken requests and a bogus token', async () => {
    const phones = await Promise.all(
      Array.from({ length: 5 }, () => Phone.join(new TestClient(app), session.id)),
    );
    const attacker = new TestClient(app);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const garbage = sampleComment('垃圾');
      const response = await attacker.request(
        'PUT',
        `/api/sessions/${session.id}/comments/${garbage.id}`,
        // Unsigned tokens (looked up) and forged signed ones (refused by arithmetic).
        {
          json: garbage,
          headers: { [DEVICE_HEADER]: `bogus${i % 2 ? '.' : '-'}${'x'.repeat(40)}` },
        },
      );
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    // The garbage is refused, first as unauthorised, then by its own small bucket.
    expect(statuses.get(201)).toBeUndefined();
    expect(statuses.get(401)).toBeGreaterThan(0);
    expect(statuses.get(429)).toBeGreaterThan(200);

    const sent = phones.flatMap((phone) =>
      Array.from({ length: 5 }, () => ({ phone, comment: sampleComment('真实意见') })),
    );
    const answers = await Promise.all(sent.map(({ phone, comment }) => phone.put(comment)));
    expect(answers.map((r) => r.status)).toEqual(Array(25).fill(201));
    const list = CommentList.parse(
      await (await app.request(`/api/sessions/${session.id}/comments`)).json(),
    );
    const stored = new Set(list.comments.map((c) => c.id));
    expect(sent.every(({ comment }) => stored.has(comment.id))).toBe(true);
  });

  it('mints a hall of device tokens from one address, then refuses more with 429', async () => {
    // A server of its own, so the phones above do not count.
    const fresh = (
      await testServer(database.db, { deviceTokensBurst: 40, deviceTokensPerMinute: 1 })
    ).app;
    const s = await facilitator.createSession('Tokens');
    const minter = new TestClient(fresh);
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      statuses.push((await minter.request('POST', `/api/sessions/${s.id}/devices`)).status);
    }
    expect(statuses.slice(0, 40)).toEqual(Array(40).fill(201));
    expect(statuses.slice(40)).toEqual(Array(20).fill(429));
    const refused = await minter.request('POST', `/api/sessions/${s.id}/devices`);
    expect((await refused.json()).code).toBe('rate_limited');
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(1);
  });
});
