import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createComment, withStatus, type Comment } from '../comments/schema';
import {
  DB_VERSION,
  deleteDatabase,
  LocalStore,
  MIGRATIONS,
  openDatabase,
  StorageError,
  toStorageError,
} from './index';
import { IdbOutboxPersistence } from './outboxStore';

let dbCount = 0;
const stores: LocalStore[] = [];
/** A fresh database per test. */
function freshName() {
  dbCount++;
  return `test-db-${dbCount}`;
}
async function openFresh(name = freshName()) {
  const store = await LocalStore.open({ name });
  stores.push(store);
  return store;
}

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  vi.restoreAllMocks();
});

let counter = 0;
function make(text = 'test', created = new Date('2026-11-29T10:00:00Z')): Comment {
  counter++;
  const at = new Date(created.getTime() + counter);
  return createComment({ kind: 'support', text, lon: 121.1, lat: 28.8 }, at);
}

/** Write a raw record, bypassing validation (what a bug, an old app or a hand edit could leave). */
async function putRaw(name: string, storeName: string, value: unknown, key?: IDBValidKey) {
  const db = await openDatabase({ name });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(storeName, 'readwrite');
    tx.objectStore(storeName).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error as Error);
  });
  db.close();
}

describe('LocalStore comments', () => {
  it('starts empty at the current version', async () => {
    const store = await openFresh();
    expect(store.db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(3);
    expect([...store.db.objectStoreNames].sort()).toEqual([
      'comments',
      'outbox',
      'quarantine',
      'settings',
    ]);
    expect(await store.loadComments()).toEqual({ comments: [], quarantined: [] });
  });

  it('keeps a comment across a reopen (a reload)', async () => {
    const name = freshName();
    const first = await openFresh(name);
    const c = make('留在本机');
    await first.putComment(c);
    first.close();
    const second = await openFresh(name);
    expect((await second.loadComments()).comments).toEqual([c]);
  });

  it('puts updates in place and returns comments oldest first', async () => {
    const store = await openFresh();
    const a = make('a');
    const b = make('b');
    await store.putComments([b, a]);
    const hidden = withStatus(a, 'hidden', new Date('2026-12-01T00:00:00Z'));
    await store.putComment(hidden);
    expect((await store.loadComments()).comments).toEqual([hidden, b]);
  });

  it('refuses to write an invalid comment, and writes nothing of the batch', async () => {
    const store = await openFresh();
    const good = make();
    const bad = { ...make(), text: '' };
    await expect(store.putComments([good, bad])).rejects.toMatchObject({
      name: 'StorageError',
      kind: 'invalid',
    });
    expect((await store.loadComments()).comments).toEqual([]);
  });

  it('quarantines a corrupt record, keeps its neighbours and reports it', async () => {
    const name = freshName();
    const store = await openFresh(name);
    const before = make('before');
    const after = make('after');
    await store.putComments([before, after]);
    const corrupt = { id: 'zzz-corrupt', kind: 'rant', text: 42 };
    await putRaw(name, 'comments', corrupt);
    const wrongKey = { ...make('key mismatch') };
    await putRaw(name, 'comments', { ...wrongKey, lat: 999 });

    const loaded = await store.loadComments();
    expect(loaded.comments).toEqual([before, after]);
    expect(loaded.quarantined).toHaveLength(2);
    const entry = loaded.quarantined.find((q) => q.key === 'zzz-corrupt')!;
    expect(entry.record).toEqual(corrupt);
    expect(entry.store).toBe('comments');
    expect(entry.problems.join('\n')).toMatch(/id: id is not a UUID/);
    expect(entry.problems.join('\n')).toMatch(/kind/);

    // Kept in quarantine, gone from the comments, reported only once.
    const kept = await store.listQuarantine();
    expect(kept.map((q) => q.record)).toContainEqual(corrupt);
    expect(kept.every((q) => typeof q.qid === 'number')).toBe(true);
    expect(await store.loadComments()).toEqual({ comments: [before, after], quarantined: [] });
  });

  it('quarantines many corrupt records among many good ones', async () => {
    const name = freshName();
    const store = await openFresh(name);
    const good = Array.from({ length: 50 }, (_, i) => make(`good ${i}`));
    await store.putComments(good);
    for (let i = 0; i < 10; i++) await putRaw(name, 'comments', { id: `bad-${i}`, junk: true });
    const loaded = await store.loadComments();
    expect(loaded.comments).toHaveLength(50);
    expect(loaded.quarantined).toHaveLength(10);
    expect(await store.listQuarantine()).toHaveLength(10);
  });
});

describe('settings', () => {
  const Facilitator = z.boolean();

  it('returns the fallback, then what was stored', async () => {
    const store = await openFresh();
    expect(await store.getSetting('facilitator', Facilitator, false)).toBe(false);
    await store.setSetting('facilitator', true);
    expect(await store.getSetting('facilitator', Facilitator, false)).toBe(true);
  });

  it('quarantines an invalid setting and falls back', async () => {
    const store = await openFresh();
    await store.setSetting('lang', 'klingon');
    expect(await store.getSetting('lang', z.enum(['zh', 'en']), 'zh')).toBe('zh');
    const [entry] = await store.listQuarantine();
    expect(entry).toMatchObject({ store: 'settings', key: 'lang', record: 'klingon' });
    expect(await store.getSetting('lang', z.enum(['zh', 'en']), 'en')).toBe('en');
  });
});

describe('migrations', () => {
  it('migrates a v1 database to v2: quarantine store, index, hidden → status', async () => {
    const name = freshName();
    const v1 = await openDatabase({ name, version: 1, migrations: { 1: MIGRATIONS[1]! } });
    expect([...v1.objectStoreNames].sort()).toEqual(['comments', 'settings']);
    const { status: _s1, ...hiddenOne } = make('hidden in v1');
    const { status: _s2, ...shownOne } = make('shown in v1');
    await new Promise<void>((resolve, reject) => {
      const tx = v1.transaction(['comments', 'settings'], 'readwrite');
      tx.objectStore('comments').put({ ...hiddenOne, hidden: true });
      tx.objectStore('comments').put({ ...shownOne, hidden: false });
      tx.objectStore('comments').put({ id: 'garbage-from-v1' });
      tx.objectStore('settings').put(true, 'facilitator');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error as Error);
    });
    v1.close();

    const store = await openFresh(name);
    expect(store.db.version).toBe(DB_VERSION);
    expect([...store.db.transaction('comments').objectStore('comments').indexNames]).toEqual([
      'updated',
    ]);
    const loaded = await store.loadComments();
    expect(loaded.comments.map((c) => [c.text, c.status])).toEqual([
      ['hidden in v1', 'hidden'],
      ['shown in v1', 'visible'],
    ]);
    expect(loaded.comments.every((c) => !('hidden' in c))).toBe(true);
    // The unreadable v1 record survives the migration and is quarantined, not lost.
    expect(loaded.quarantined.map((q) => q.key)).toEqual(['garbage-from-v1']);
    expect(await store.getSetting('facilitator', z.boolean(), false)).toBe(true);
  });

  it('migrates a v2 database to v3: an empty outbox, the comments untouched', async () => {
    const name = freshName();
    const v2 = await openDatabase({
      name,
      version: 2,
      migrations: { 1: MIGRATIONS[1]!, 2: MIGRATIONS[2]! },
    });
    const kept = make('written before the outbox existed');
    await new Promise<void>((resolve, reject) => {
      const tx = v2.transaction('comments', 'readwrite');
      tx.objectStore('comments').put(kept);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error as Error);
    });
    v2.close();
    const store = await openFresh(name);
    expect((await store.loadComments()).comments).toEqual([kept]);
    expect(await new IdbOutboxPersistence(store.db).load('k7m2qx')).toEqual([]);
  });

  it('keeps outbox records per session across a reopen, skipping unreadable ones', async () => {
    const name = freshName();
    const first = await openFresh(name);
    const a = make('a');
    const b = make('b');
    await new IdbOutboxPersistence(first.db).put([
      { sessionId: 'k7m2qx', id: a.id, state: 'pending', attempts: 2 },
      { sessionId: 'k7m2qx', id: b.id, state: 'sent', attempts: 0, sentAt: a.created },
      { sessionId: 'zzzzzz', id: a.id, state: 'refused', attempts: 0, code: 'session_closed' },
    ]);
    first.close();
    await putRaw(name, 'outbox', { sessionId: 'k7m2qx', id: 'not-a-uuid', state: 'lost' });
    const second = await openFresh(name);
    const rows = await new IdbOutboxPersistence(second.db).load('k7m2qx');
    expect(rows.map((r) => [r.id, r.state]).sort()).toEqual(
      [
        [a.id, 'pending'],
        [b.id, 'sent'],
      ].sort(),
    );
  });

  it('reports a database written by a newer app as a version error', async () => {
    const name = freshName();
    const future = await openDatabase({
      name,
      version: DB_VERSION + 1,
      migrations: { ...MIGRATIONS, [DB_VERSION + 1]: () => {} },
    });
    future.close();
    await expect(openDatabase({ name })).rejects.toMatchObject({ kind: 'version' });
    await deleteDatabase(name);
  });

  it('gives way to a newer tab instead of blocking its upgrade', async () => {
    const name = freshName();
    const old = await openDatabase({ name, version: 1, migrations: { 1: MIGRATIONS[1]! } });
    const current = await openDatabase({ name });
    expect(current.version).toBe(DB_VERSION);
    current.close();
    old.close();
  });
});

describe('errors', () => {
  it('maps quota errors to a typed error', () => {
    for (const error of [
      new DOMException('full', 'QuotaExceededError'),
      { name: 'NS_ERROR_DOM_QUOTA_REACHED' },
      { name: 'Error', code: 22 },
    ]) {
      const mapped = toStorageError(error);
      expect(mapped).toBeInstanceOf(StorageError);
      expect(mapped.kind).toBe('quota');
      expect(mapped.cause).toBe(error);
    }
    expect(toStorageError(new DOMException('x', 'VersionError')).kind).toBe('version');
    expect(toStorageError(new Error('x')).kind).toBe('unknown');
    expect(toStorageError('weird').kind).toBe('unknown');
    const already = new StorageError('blocked', 'b');
    expect(toStorageError(already)).toBe(already);
  });

  it('reports a quota failure on write as kind "quota" and keeps earlier comments', async () => {
    const store = await openFresh();
    const saved = make('saved before the disk filled');
    await store.putComment(saved);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error: unknown = await store.putComment(make('too much')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('quota');
    vi.restoreAllMocks();
    expect((await store.loadComments()).comments).toEqual([saved]);
  });

  it('reports a missing IndexedDB as unavailable', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await expect(openDatabase()).rejects.toMatchObject({ kind: 'unavailable' });
    vi.unstubAllGlobals();
  });
});
