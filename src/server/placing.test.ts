import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComment } from '../lib/comments/schema';
import { CommentList, type Session } from '../lib/consultation/api';
import { loadPlacingPlan } from './placing';
import type { Server } from './server';
import { DATABASES, openTestDatabase, testServer, type TestDatabase } from './testing/databases';
import { Phone, TestClient } from './testing/client';
import { listen } from './testing/http';
import { SseStream } from './testing/sse';

/**
 * Where each comment falls, computed by the server when it stores the comment
 * (the shared src/lib/geo/commentPlace.ts on the shipped plan), stored with it
 * and sent with it: in the answer, the list and the live event.
 */

const AT_DUQIAO = { lon: 121.49174, lat: 28.76876 };
const AT_SEA = { lon: 122.5, lat: 28.5 };

describe.each(DATABASES)('placing comments on %s', (kind) => {
  let database: TestDatabase;
  let server: Server;
  let http: { base: string; close: () => Promise<void> };
  let facilitator: TestClient;
  let session: Session;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await testServer(database.db);
    await loadPlacingPlan();
    http = await listen(server);
    facilitator = new TestClient(server.app);
    await facilitator.login();
    session = await facilitator.createSession('placing');
  }, 240_000);
  afterAll(async () => {
    await http?.close();
    await database?.close();
  });

  it('stores the zone, the nearest place within 2 km and its chapters, and sends them live', async () => {
    const stream = new SseStream(`${http.base}/api/sessions/${session.id}/events?after=0`);
    try {
      const phone = await Phone.join(new TestClient(server.app), session.id);
      const comment = createComment({ kind: 'idea', text: '杜桥镇区停车难', ...AT_DUQIAO });
      const response = await phone.put(comment);
      expect(response.status).toBe(201);
      const expected = {
        zone: 'zone-east',
        place: { id: 'town-duqiao', km: 0 },
        chapters: ['5.1', '5.3'],
      };
      expect((await response.json()).comment.placement).toEqual(expected);
      const list = CommentList.parse(
        await (await server.app.request(`/api/sessions/${session.id}/comments`)).json(),
      );
      expect(list.comments.find((c) => c.id === comment.id)?.placement).toEqual(expected);
      await stream.until((events) => events.some((e) => e.data.commentId === comment.id));
      const event = stream.events.find((e) => e.data.commentId === comment.id)!;
      expect(event.data.comment?.placement).toEqual(expected);
    } finally {
      stream.close();
    }
  });

  it('places a pin far from everything nowhere, and keeps the section it links to', async () => {
    const phone = await Phone.join(new TestClient(server.app), session.id);
    const atSea = createComment({ kind: 'concern', text: '海上', ...AT_SEA });
    expect((await (await phone.put(atSea)).json()).comment.placement).toEqual({
      zone: null,
      place: null,
      chapters: [],
    });
    const linked = createComment({
      kind: 'question',
      text: '海上 §7.3',
      ...AT_SEA,
      section: '7.3',
    });
    expect((await (await phone.put(linked)).json()).comment.placement).toEqual({
      zone: null,
      place: null,
      chapters: ['7.3'],
    });
  });

  it('places imported comments too', async () => {
    const own = await facilitator.createSession('import placing');
    const comment = createComment({ kind: 'support', text: '导入', ...AT_DUQIAO });
    const response = await facilitator.request('POST', `/api/sessions/${own.id}/comments/import`, {
      json: { comments: [comment] },
    });
    expect(response.status).toBe(200);
    const list = CommentList.parse(
      await (await facilitator.request('GET', `/api/sessions/${own.id}/comments`)).json(),
    );
    expect(list.comments[0]?.placement?.zone).toBe('zone-east');
  });
});
