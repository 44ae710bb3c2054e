import { ApiFailure, notFound } from '../errors';
import type { Db, Queryable } from './db';
import { closed, commentRow, inSession } from './queries';

/**
 * 附议 (support): one row per device and comment. Supporting again, or
 * withdrawing a support that is not there, changes nothing (and emits no
 * event); a change updates the count kept on the comment and emits a
 * `support` event with the new count, in the same transaction.
 */

export interface SupportOutcome {
  supported: boolean;
  supports: number;
  /** False when the request changed nothing (support again, withdraw twice). */
  changed: boolean;
}

export async function setSupport(
  db: Db,
  sid: string,
  id: string,
  deviceHash: string,
  supported: boolean,
): Promise<SupportOutcome> {
  return inSession(db, sid, async (tx, session, emit) => {
    const row = await commentRow(tx, sid, id);
    // A hidden comment is, for a participant, not there at all.
    if (!row || row.hidden_at !== null) throw notFound('This comment');
    if (supported && row.device_hash === deviceHash) {
      throw new ApiFailure(
        403,
        'own_comment',
        'This is your own comment: you cannot support (附议) it yourself.',
      );
    }
    if (!session.open) throw closed();
    const changed = supported
      ? await tx.query(
          `INSERT INTO supports (session_id, comment_id, device_hash) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING 1`,
          [sid, id, deviceHash],
        )
      : await tx.query(
          'DELETE FROM supports WHERE session_id = $1 AND comment_id = $2 AND device_hash = $3 RETURNING 1',
          [sid, id, deviceHash],
        );
    if (changed.length === 0) return { supported, supports: row.supports ?? 0, changed: false };
    const [updated] = await tx.query<{ supports: number }>(
      `UPDATE comments SET supports = supports + $3 WHERE session_id = $1 AND id = $2 RETURNING supports`,
      [sid, id, supported ? 1 : -1],
    );
    const supports = updated!.supports;
    await emit('support', { commentId: id, supports });
    return { supported, supports, changed: true };
  });
}

/** The ids of the comments this device supports in the session. */
export async function supportedBy(
  q: Queryable,
  sid: string,
  deviceHash: string,
): Promise<string[]> {
  const rows = await q.query<{ comment_id: string }>(
    'SELECT comment_id FROM supports WHERE session_id = $1 AND device_hash = $2 ORDER BY created',
    [sid, deviceHash],
  );
  return rows.map((r) => r.comment_id);
}
