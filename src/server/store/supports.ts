import { ApiFailure, notFound } from '../errors';
import type { Db, Queryable } from './db';
import { closed } from './queries';

/**
 * 附议 (support): one row per device and comment. Supporting again, or
 * withdrawing a support that is not there, changes nothing (and emits no
 * event); a change updates the count kept on the comment and emits a
 * `support` event with the new count, all in one round trip
 * (`lh_set_support`, migration 3) with the session row locked.
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
  const [row] = await db.query<{ outcome: string; supports: number; seq: string }>(
    'SELECT * FROM lh_set_support($1, $2, $3, $4)',
    [sid, id, deviceHash, supported],
  );
  switch (row?.outcome) {
    case 'changed':
      db.afterCommit([{ sessionId: sid, seq: Number(row.seq) }]);
      return { supported, supports: row.supports, changed: true };
    case 'unchanged':
      return { supported, supports: row.supports, changed: false };
    case 'no_session':
      throw notFound('This session');
    case 'own':
      throw new ApiFailure(
        403,
        'own_comment',
        'This is your own comment: you cannot support (附议) it yourself.',
      );
    case 'closed':
      throw closed();
    default:
      // A hidden comment is, for a participant, not there at all.
      throw notFound('This comment');
  }
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
