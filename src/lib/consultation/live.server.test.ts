import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../server/config';
import { createServer, openDatabase } from '../../server/server';
import type { Db } from '../../server/store/db';
import { createDevice, createSession, putComment } from '../../server/store/queries';
import { createComment } from '../comments/schema';
import type { ReloadEvent } from './api';
import { ConsultationApi } from './apiClient';
import { LiveFeed } from './live';
import { applyEvent, resumeId, viewFromList, type SessionView } from './sessionView';
import { fetchEventSource } from './testing/fetchEventSource';

/**
 * The app's live feed against the real consultation server (PGlite in a temp
 * folder, in-process through `app.fetch`): a view counted in another history
 * (a restored database, a lost tail) is rebuilt when the server says reload,
 * and then the feed goes on live.
 */

let dir: string;
let db: Db;
let app: Hono;
const BASE = 'http://consultation.test';
const fetchApp = (input: RequestInfo | URL, init?: RequestInit) =>
  Promise.resolve(app.fetch(new Request(input as string, init)));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linhai-live-'));
  db = await openDatabase({ dataDir: dir, databaseUrl: null });
  app = (
    await createServer(db, {
      limits: DEFAULT_LIMITS,
      publicOrigins: [],
      trustProxy: 0,
      distDir: null,
      heartbeatMs: 1000,
    })
  ).app;
}, 120_000);

afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(sid: string, device: string, text: string) {
  const comment = createComment({ kind: 'idea', text, lon: 121.4, lat: 28.8 });
  await putComment(db, sid, comment, device, 1000);
  return comment;
}

describe('live feed', () => {
  it('rebuilds a view from another epoch when the server says reload, then streams on', async () => {
    const { id: sid } = await createSession(db, { title: 'restored' }, 'test');
    const device = await createDevice(db, sid, 'live-test-device');
    const kept = [await post(sid, device, '一'), await post(sid, device, '二')];
    const api = new ConsultationApi({ base: BASE, fetch: fetchApp });

    // What a phone held before the server's database went back: seq 8 of another history.
    const ghost = createComment({ kind: 'concern', text: '已不存在', lon: 121, lat: 28 });
    let view: SessionView = viewFromList({
      comments: [{ ...ghost, seq: 8, sessionId: sid, hidden: false }],
      lastSeq: 8,
      epoch: 'before-restore',
    });
    const reloads: ReloadEvent[] = [];
    const Source = fetchEventSource((url) => fetchApp(url));
    const feed = new LiveFeed({
      url: (resume) => api.url(`/api/sessions/${sid}/events?after=${encodeURIComponent(resume)}`),
      resumeFrom: () => resumeId(view),
      onEvent: (event) => {
        const next = applyEvent(view, event);
        view = next.view;
        return next.outcome;
      },
      onReload: async (event) => {
        reloads.push(event);
        view = viewFromList(await api.comments(sid));
      },
      EventSource: Source as unknown as typeof EventSource,
    });
    feed.start();
    try {
      await expect.poll(() => view.lastSeq).toBe(2);
      expect(reloads).toEqual([{ type: 'reload', epoch: view.epoch, lastSeq: 2 }]);
      expect([...view.comments.keys()].sort()).toEqual(kept.map((c) => c.id).sort());
      expect(Source.opened[0]).toContain('after=before-restore%3A8');

      // The feed reopened from the rebuilt view and delivers what comes next.
      await expect.poll(() => Source.opened.length).toBe(2);
      expect(Source.opened[1]).toContain(encodeURIComponent(`${view.epoch}:2`));
      const later = await post(sid, device, '三');
      await expect.poll(() => view.comments.has(later.id)).toBe(true);
      expect(view.lastSeq).toBe(3);
      expect(reloads).toHaveLength(1);
    } finally {
      feed.stop();
    }
  });
});
