/**
 * The local database's schema, as a list of migrations. Migration `n` takes
 * the database from version n−1 to n; on open, every migration above the
 * stored version runs in order inside the upgrade transaction. Never edit a
 * released migration: add the next one.
 */

export const COMMENTS = 'comments';
export const SETTINGS = 'settings';
export const QUARANTINE = 'quarantine';
export const OUTBOX = 'outbox';

export type Migration = (db: IDBDatabase, tx: IDBTransaction) => void;

export const MIGRATIONS: Record<number, Migration> = {
  /** v1: comments by id, settings by key. Comments then stored `hidden: boolean`. */
  1: (db) => {
    db.createObjectStore(COMMENTS, { keyPath: 'id' });
    db.createObjectStore(SETTINGS);
  },
  /**
   * v2: a quarantine store for records that fail validation on read (kept,
   * never dropped); an index on `updated`; and the v1 `hidden` flag rewritten
   * as `status: 'visible' | 'hidden'` (facilitator moderation). Records the
   * cursor cannot make sense of are left as they are, for the read-time
   * validation to quarantine.
   */
  2: (db, tx) => {
    db.createObjectStore(QUARANTINE, { keyPath: 'qid', autoIncrement: true });
    const comments = tx.objectStore(COMMENTS);
    comments.createIndex('updated', 'updated');
    const cursorRequest = comments.openCursor();
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (!cursor) return;
      const value: unknown = cursor.value;
      if (typeof value === 'object' && value !== null && 'hidden' in value) {
        const { hidden, ...rest } = value as Record<string, unknown>;
        if (!('status' in rest)) rest.status = hidden === true ? 'hidden' : 'visible';
        cursor.update(rest);
      }
      cursor.continue();
    };
  },
  /**
   * v3: the consultation outbox, one record per (session, comment id) saying
   * whether the server has it. Comments themselves stay in `comments`.
   */
  3: (db) => {
    const outbox = db.createObjectStore(OUTBOX, { keyPath: ['sessionId', 'id'] });
    outbox.createIndex('sessionId', 'sessionId');
  },
};

/** The version this app writes: the highest migration. */
export const DB_VERSION = Math.max(...Object.keys(MIGRATIONS).map(Number));
