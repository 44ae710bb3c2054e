import type { z } from 'zod';
import { Comment } from '../comments/schema';
import { inTransaction, request, StorageError, toStorageError } from './idb';
import {
  COMMENTS,
  DB_VERSION,
  MIGRATIONS,
  QUARANTINE,
  SETTINGS,
  type Migration,
} from './migrations';

/** The app's IndexedDB database. */
export const DB_NAME = 'linhai-plan-map';

/** A record that failed validation, moved aside with the reasons. Never deleted by the app. */
export interface QuarantineEntry {
  /** Auto-assigned key in the quarantine store. */
  qid?: number;
  /** The store it came from. */
  store: string;
  /** Its key there. */
  key: IDBValidKey;
  /** The record exactly as it was found. */
  record: unknown;
  /** Why it failed, in plain words (`text: the comment text is empty`). */
  problems: string[];
  /** When it was moved (ISO time). */
  at: string;
}

/** What `loadComments` found. */
export interface LoadResult {
  /** The valid comments, oldest first. */
  comments: Comment[];
  /** Records quarantined by this load (earlier ones: `listQuarantine`). */
  quarantined: QuarantineEntry[];
}

export interface OpenOptions {
  name?: string;
  /** The IndexedDB factory; defaults to the global `indexedDB`. */
  factory?: IDBFactory;
  /** For tests: open at an older version with fewer migrations. */
  version?: number;
  migrations?: Record<number, Migration>;
}

function describe(error: z.ZodError): string[] {
  return error.issues.map(
    (issue) => `${issue.path.map(String).join('.') || '(record)'}: ${issue.message}`,
  );
}

/**
 * Open (creating or migrating) the database. Rejects with a StorageError:
 * `unavailable` without IndexedDB, `version` if a newer app wrote it,
 * `blocked` if another tab keeps an old version open.
 */
export function openDatabase(options: OpenOptions = {}): Promise<IDBDatabase> {
  const {
    name = DB_NAME,
    factory = globalThis.indexedDB as IDBFactory | undefined,
    version = DB_VERSION,
    migrations = MIGRATIONS,
  } = options;
  if (!factory) {
    return Promise.reject(new StorageError('unavailable', 'This browser has no IndexedDB.'));
  }
  return new Promise((resolve, reject) => {
    let openRequest: IDBOpenDBRequest;
    try {
      openRequest = factory.open(name, version);
    } catch (error) {
      reject(toStorageError(error));
      return;
    }
    let settled = false;
    openRequest.onupgradeneeded = (event) => {
      const db = openRequest.result;
      const tx = openRequest.transaction!;
      for (let v = event.oldVersion + 1; v <= version; v++) {
        const migrate = migrations[v];
        if (!migrate) {
          tx.abort();
          return;
        }
        migrate(db, tx);
      }
    };
    openRequest.onsuccess = () => {
      const db = openRequest.result;
      if (settled) {
        // We already reported `blocked`; do not leak the late connection.
        db.close();
        return;
      }
      settled = true;
      // Let a newer tab upgrade: close this connection instead of blocking it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    openRequest.onerror = () => {
      settled = true;
      reject(toStorageError(openRequest.error));
    };
    openRequest.onblocked = () => {
      if (settled) return;
      settled = true;
      reject(
        new StorageError('blocked', 'Close the other tabs of this app, then reload this one.'),
      );
    };
  });
}

/** Delete the database (tests; a "reset" the user confirms after exporting). */
export function deleteDatabase(name = DB_NAME, factory: IDBFactory = indexedDB): Promise<void> {
  return request(factory.deleteDatabase(name)).then(() => undefined);
}

/**
 * Comments and settings kept on this device. Every write goes to disk at once
 * (one put per comment, awaited until the transaction commits); every read is
 * validated, and a record that fails is moved to quarantine (kept, reported)
 * without affecting its neighbours. Comments are never deleted: hidden is a status.
 */
export class LocalStore {
  constructor(readonly db: IDBDatabase) {}

  /** Open the app's database. See `openDatabase` for the errors. */
  static async open(options: OpenOptions = {}): Promise<LocalStore> {
    return new LocalStore(await openDatabase(options));
  }

  close(): void {
    this.db.close();
  }

  /** Every valid comment, oldest first; invalid records are quarantined and reported. */
  loadComments(): Promise<LoadResult> {
    const at = new Date().toISOString();
    return inTransaction(this.db, [COMMENTS, QUARANTINE], 'readwrite', (tx) => {
      const comments: Comment[] = [];
      const quarantined: QuarantineEntry[] = [];
      const quarantine = tx.objectStore(QUARANTINE);
      return new Promise<LoadResult>((resolve, reject) => {
        const cursorRequest = tx.objectStore(COMMENTS).openCursor();
        cursorRequest.onerror = () => reject(toStorageError(cursorRequest.error));
        // Everything happens in the cursor callbacks, so the transaction stays active throughout.
        cursorRequest.onsuccess = () => {
          const cursor = cursorRequest.result;
          if (!cursor) {
            comments.sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
            resolve({ comments, quarantined });
            return;
          }
          const record: unknown = cursor.value;
          const result = Comment.safeParse(record);
          if (result.success && result.data.id === cursor.primaryKey) {
            comments.push(result.data);
          } else {
            const entry: QuarantineEntry = {
              store: COMMENTS,
              key: cursor.primaryKey,
              record,
              problems: result.success ? ['id does not match the key'] : describe(result.error),
              at,
            };
            const added = quarantine.add(entry);
            added.onsuccess = () => {
              entry.qid = added.result as number;
            };
            cursor.delete();
            quarantined.push(entry);
          }
          cursor.continue();
        };
      });
    });
  }

  /** Validate and write one comment now. Rejects with StorageError `invalid`, `quota`, … */
  async putComment(comment: Comment): Promise<void> {
    await this.putComments([comment]);
  }

  /**
   * Validate and write comments (an import's `changed` list): all are validated
   * first, then each is put; the batch commits or fails as one transaction.
   */
  async putComments(comments: readonly Comment[]): Promise<void> {
    const valid = comments.map((comment) => {
      const result = Comment.safeParse(comment);
      if (!result.success) {
        throw new StorageError('invalid', `Not saved: ${describe(result.error).join('; ')}`);
      }
      return result.data;
    });
    if (valid.length === 0) return;
    // `strict`: committed means flushed to disk, so a power cut after "saved" loses nothing.
    await inTransaction(
      this.db,
      COMMENTS,
      'readwrite',
      (tx) => {
        const store = tx.objectStore(COMMENTS);
        for (const comment of valid) store.put(comment);
      },
      { durability: 'strict' },
    );
  }

  /** Every quarantined record, oldest first. */
  listQuarantine(): Promise<QuarantineEntry[]> {
    return inTransaction(this.db, QUARANTINE, 'readonly', (tx) =>
      request(tx.objectStore(QUARANTINE).getAll() as IDBRequest<QuarantineEntry[]>),
    );
  }

  /**
   * A setting, validated with `schema`; `fallback` if it is missing. An invalid
   * stored value is quarantined and the fallback returned.
   */
  async getSetting<T>(key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
    return inTransaction(this.db, [SETTINGS, QUARANTINE], 'readwrite', async (tx) => {
      const settings = tx.objectStore(SETTINGS);
      const raw: unknown = await request(settings.get(key));
      if (raw === undefined) return fallback;
      const result = schema.safeParse(raw);
      if (result.success) return result.data;
      const entry: QuarantineEntry = {
        store: SETTINGS,
        key,
        record: raw,
        problems: describe(result.error),
        at: new Date().toISOString(),
      };
      tx.objectStore(QUARANTINE).add(entry);
      settings.delete(key);
      return fallback;
    });
  }

  /** Write a setting now. */
  async setSetting(key: string, value: unknown): Promise<void> {
    await inTransaction(this.db, SETTINGS, 'readwrite', (tx) => {
      tx.objectStore(SETTINGS).put(value, key);
    });
  }
}
