import { PGlite } from '@electric-sql/pglite';
import { dataDirError, prepareDataDir } from './dataDir';
import type { Db, Queryable, Row } from './db';
import { lockDataDir } from './lock';

/**
 * PostgreSQL's 128 MB default buffer pool is allocated and cleared inside PGlite's WebAssembly
 * memory at every start: ~120 MB of resident memory and, on a busy 2-core machine, seconds of a
 * restart. A consultation's data is a few MB and the operating system caches the files anyway.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) in a data
 * folder, one process per folder (see lock.ts). It has one connection, so
 * transactions run one after another; events are announced in-process.
 */
export async function openPglite(dataDir: string): Promise<Db> {
  prepareDataDir(dataDir);
  const release = await lockDataDir(dataDir);
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir, { startParams: START_PARAMS });
  } catch (error) {
    await release();
    throw dataDirError(dataDir, error) ?? error;
  }
  const listeners: ((sessionId: string, seq: number) => void)[] = [];
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      return (await q.query<T>(sql, params)).rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async listen(onEvent) {
      listeners.push(onEvent);
    },
    async notify() {
      // In-process: announced by afterCommit.
    },
    afterCommit(events) {
      for (const { sessionId, seq } of events) for (const l of listeners) l(sessionId, seq);
    },
    async close() {
      try {
        await pg.close();
      } finally {
        await release();
      }
    },
  };
}
