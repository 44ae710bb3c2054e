import type { SessionComment } from '../../lib/consultation/api';
import type { Queryable, Row } from './db';
import { placementOf } from './queries';

/**
 * The comments of a session as its report uses them (issue 22), read lean: only
 * the columns the report shows or filters on (no device hash, so no per-row
 * SHA-256 label, no dates, no report counts). Each read also says which state
 * of the session it saw (`atSeq`, the session's `last_seq` in the same statement,
 * so in the same snapshot): every change to a comment's report row takes the
 * session's next seq and writes an event naming the comment, so the comments
 * named by events after `atSeq` are exactly those that may have changed since.
 */

export type ReportComment = Pick<SessionComment, 'id' | 'kind' | 'text' | 'lon' | 'lat'> &
  Partial<
    Pick<SessionComment, 'hidden' | 'hiddenReason' | 'pending' | 'placement' | 'supports' | 'topic'>
  > &
  Pick<SessionComment, 'answer'> & { seq: number };

interface ReportCommentRow extends Row {
  at_seq: string | number;
  changed_id?: string | null;
  id: string | null;
  seq: string | number;
  kind: SessionComment['kind'];
  text: string;
  lon: number;
  lat: number;
  zone: string | null;
  place_id: string | null;
  place_km: number | null;
  chapters: string[] | string | null;
  supports: number;
  topic_id: string | null;
  answer: SessionComment['answer'] | string | null;
  hidden: boolean;
  hidden_reason: string | null;
  pending: boolean;
}

const COLUMNS = `c.id, c.seq, c.kind, c.text, c.lon, c.lat, c.zone, c.place_id, c.place_km, c.chapters,
  c.supports, c.topic_id, c.answer, (c.hidden_at IS NOT NULL) AS hidden, c.hidden_reason, c.pending`;

function toReportComment(row: ReportCommentRow & { id: string }): ReportComment {
  const placement = placementOf(row);
  return {
    id: row.id,
    seq: Number(row.seq),
    kind: row.kind,
    text: row.text,
    lon: row.lon,
    lat: row.lat,
    ...(row.hidden ? { hidden: true } : {}),
    ...(row.hidden_reason ? { hiddenReason: row.hidden_reason } : {}),
    ...(row.pending ? { pending: true } : {}),
    ...(placement ? { placement } : {}),
    supports: row.supports ?? 0,
    ...(row.topic_id ? { topic: row.topic_id } : {}),
    ...(row.answer
      ? { answer: typeof row.answer === 'string' ? JSON.parse(row.answer) : row.answer }
      : {}),
  };
}

const present = (row: ReportCommentRow): row is ReportCommentRow & { id: string } =>
  row.id !== null;

/** Every comment of the session in seq order, and the seq they reflect; null: no such session. */
export async function reportComments(
  q: Queryable,
  sid: string,
): Promise<{ atSeq: number; comments: ReportComment[] } | null> {
  const rows = await q.query<ReportCommentRow>(
    `SELECT s.last_seq AS at_seq, ${COLUMNS}
     FROM sessions s LEFT JOIN comments c ON c.session_id = s.id
     WHERE s.id = $1 ORDER BY c.seq`,
    [sid],
  );
  if (rows.length === 0) return null;
  return { atSeq: Number(rows[0]!.at_seq), comments: rows.filter(present).map(toReportComment) };
}

/**
 * The comments named by the session's events after `afterSeq`, as they are now, and the seq
 * they reflect; `gone` are ids named by an event whose comment is no longer stored.
 */
export async function changedReportComments(
  q: Queryable,
  sid: string,
  afterSeq: number,
): Promise<{ atSeq: number; changed: ReportComment[]; gone: string[] } | null> {
  const rows = await q.query<ReportCommentRow>(
    // LATERAL … LIMIT 1 (not flattened into a join): each changed comment looked up by its key,
    // never a hash join over every comment of the session.
    `SELECT s.last_seq AS at_seq, e.comment_id AS changed_id, c.*
     FROM sessions s
     LEFT JOIN (SELECT DISTINCT comment_id FROM events
                WHERE session_id = $1 AND seq > $2 AND comment_id IS NOT NULL) e ON true
     LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM comments c
                        WHERE c.session_id = $1 AND c.id = e.comment_id LIMIT 1) c ON true
     WHERE s.id = $1 ORDER BY c.seq`,
    [sid, afterSeq],
  );
  if (rows.length === 0) return null;
  return {
    atSeq: Number(rows[0]!.at_seq),
    changed: rows.filter(present).map(toReportComment),
    gone: rows.filter((r) => r.id === null && r.changed_id).map((r) => r.changed_id!),
  };
}
