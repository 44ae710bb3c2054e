import { OutboxEntry, type OutboxPersistence } from '../consultation/outbox';
import { inTransaction, request } from './idb';
import { OUTBOX } from './migrations';

/**
 * The consultation outbox's records in the app's database (store `outbox`,
 * migration 3). Every read is validated; a record that fails is skipped, not
 * deleted: the comment it points to is still in `comments`, so at worst it is
 * offered again (the server de-duplicates by id).
 */
export class IdbOutboxPersistence implements OutboxPersistence {
  constructor(private readonly db: IDBDatabase) {}

  load(sessionId: string): Promise<OutboxEntry[]> {
    return inTransaction(this.db, OUTBOX, 'readonly', async (tx) => {
      const index = tx.objectStore(OUTBOX).index('sessionId');
      const raw: unknown[] = await request(index.getAll(IDBKeyRange.only(sessionId)));
      return raw.flatMap((record) => {
        const entry = OutboxEntry.safeParse(record);
        return entry.success ? [entry.data] : [];
      });
    });
  }

  async put(entries: readonly OutboxEntry[]): Promise<void> {
    if (!entries.length) return;
    await inTransaction(this.db, OUTBOX, 'readwrite', (tx) => {
      const store = tx.objectStore(OUTBOX);
      for (const entry of entries) store.put(OutboxEntry.parse(entry));
    });
  }
}
