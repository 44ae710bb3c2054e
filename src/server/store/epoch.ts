import { randomBytes } from 'node:crypto';
import type { Db } from './db';

/**
 * The live stream's epoch: the part of every SSE id (`epoch:seq`) that says in
 * which history the numbers were counted. A client that resumes with another
 * epoch is told to reload, because the same seq may now mean another event.
 *
 * It changes whenever the database could have gone back in time:
 * - PGlite: at every start. Only one process owns the folder; a power cut may
 *   have lost its last transactions, and a restore from a copy is made while
 *   the server is stopped. (Clients re-read the list after a restart anyway.)
 * - PostgreSQL: when the `events` table is not the one the epoch was made for
 *   (a restore from pg_dump creates it anew). After a file-level restore
 *   (base backup, point-in-time recovery) delete the `stream_epoch` setting;
 *   see docs/server.md. Several instances share one epoch.
 */

const newEpoch = () => randomBytes(6).toString('base64url');

export async function openStreamEpoch(db: Db): Promise<string> {
  if (db.kind === 'pglite') {
    const epoch = newEpoch();
    await db.query(
      `INSERT INTO settings (key, value) VALUES ('stream_epoch', $1)
       ON CONFLICT (key) DO UPDATE SET value = $1`,
      [epoch],
    );
    return epoch;
  }
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(724002)'); // instances starting together agree
    const [table] = await tx.query<{ oid: string }>(`SELECT 'events'::regclass::oid::text AS oid`);
    const rows = await tx.query<{ value: string }>(
      `SELECT value FROM settings WHERE key = 'stream_epoch'`,
    );
    const [epoch, madeFor] = (rows[0]?.value ?? '').split('@');
    if (epoch && madeFor === table!.oid) return epoch;
    const fresh = newEpoch();
    await tx.query(
      `INSERT INTO settings (key, value) VALUES ('stream_epoch', $1)
       ON CONFLICT (key) DO UPDATE SET value = $1`,
      [`${fresh}@${table!.oid}`],
    );
    return fresh;
  });
}
