import pg from 'pg';
import { EVENTS_CHANNEL, parseNotification, type Db, type Queryable, type Row } from './db';

/**
 * A real PostgreSQL (15 or newer) server from DATABASE_URL: a pool for queries
 * and one dedicated connection for LISTEN, re-opened with backoff when it drops.
 * Several server instances share the database and learn of each other's
 * events by NOTIFY `sessionId:seq` (sent inside the writing transaction, so
 * only committed events are announced).
 */
export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', (error) => console.error('postgres pool:', error.message));
  await pool.query('SELECT 1'); // fail at start, with the driver's message, if unreachable
  let listener: pg.Client | null = null;
  let closing = false;

  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      return (await q.query(sql, params)).rows as T[];
    },
  });

  async function connectListener(
    onEvent: (sessionId: string, seq: number) => void,
    onReconnect: () => void,
    attempt = 0,
  ): Promise<void> {
    if (closing) return;
    const client = new pg.Client({ connectionString: url });
    const retry = () => {
      if (closing || listener !== client) return;
      listener = null;
      client.end().catch(() => {});
      const delay = Math.min(5000, 200 * 2 ** attempt);
      setTimeout(() => {
        connectListener(onEvent, onReconnect, attempt + 1)
          .then(onReconnect)
          .catch(() => {});
      }, delay);
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', (message) => {
      const event = message.payload ? parseNotification(message.payload) : null;
      if (event) onEvent(event.sessionId, event.seq);
    });
    listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      if (attempt === 0) throw error;
      retry();
    }
  }

  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (onEvent, onReconnect) => connectListener(onEvent, onReconnect),
    async notify(tx, sessionId, seq) {
      await tx.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, `${sessionId}:${seq}`]);
    },
    afterCommit() {
      // Announced by NOTIFY, to this instance too.
    },
    async close() {
      closing = true;
      const l = listener;
      listener = null;
      await l?.end().catch(() => {});
      await pool.end();
    },
  };
}
