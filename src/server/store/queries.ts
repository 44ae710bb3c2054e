import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Comment } from '../../lib/comments/schema';
import type {
  AuditEntry,
  CommentAnswer,
  DeviceSummary,
  CommentPlacement,
  EventType,
  Session,
  SessionComment,
  SessionEvent,
  SessionFocus,
} from '../../lib/consultation/api';
import { ApiFailure, notFound } from '../errors';
import type { Db, Queryable, Row } from './db';

/**
 * Every query the server makes, named after what it does. Each change that
 * clients must see takes the session's next `seq` in its own transaction
 * (the session row is locked first, so numbers are gapless and committed in
 * order) and writes an `events` row with the facilitator's view of the change.
 */

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
export const newSessionCode = () => Array.from({ length: 6 }, () => BASE32[randomInt(32)]).join('');

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

/** A device's short label (api.ts `DEVICE_LABEL_PATTERN`), one-way from its token hash; the same formula as in SQL below. */
export const deviceLabel = (deviceHash: string) =>
  createHash('sha256').update(`lh-device:${deviceHash}`).digest('hex').slice(0, 8);
const LABEL_SQL = (column: string) =>
  `left(encode(sha256(convert_to('lh-device:' || ${column}, 'UTF8')), 'hex'), 8)`;

const iso = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();

interface SessionRow extends Row {
  id: string;
  title: string;
  focus: SessionFocus | string;
  open: boolean;
  closes_at: Date | string | null;
  created: Date | string;
  last_seq: string | number;
  comments: number;
  hidden: number;
  pending: number;
  premoderated: boolean;
}

// `open` as clients see it: not closed by the facilitator and its deadline not passed (database clock).
const SESSION_SELECT = `SELECT s.id, s.title, s.focus,
  (s.open AND (s.closes_at IS NULL OR s.closes_at > clock_timestamp())) AS open, s.closes_at,
  s.created, s.last_seq, s.comment_count AS comments, s.premoderated,
  (SELECT count(*)::int FROM comments c WHERE c.session_id = s.id AND c.hidden_at IS NOT NULL) AS hidden,
  (SELECT count(*)::int FROM comments c WHERE c.session_id = s.id AND c.pending) AS pending
  FROM sessions s`;

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    title: row.title,
    focus: typeof row.focus === 'string' ? JSON.parse(row.focus) : row.focus,
    open: row.open,
    ...(row.closes_at !== null ? { closesAt: iso(row.closes_at) } : {}),
    created: iso(row.created),
    counts: {
      comments: Number(row.comments),
      hidden: Number(row.hidden),
      pending: Number(row.pending),
    },
    lastSeq: Number(row.last_seq),
    premoderated: row.premoderated,
  };
}

export interface CommentRow extends Row {
  session_id: string;
  id: string;
  device_hash: string | null;
  kind: string;
  text: string;
  lon: number;
  lat: number;
  section: string | null;
  feature: string | null;
  created: string;
  updated: string;
  schema_version: number;
  seq: string | number;
  hidden_at: Date | string | null;
  hidden_reason: string | null;
  reports: number;
  supports?: number;
  zone?: string | null;
  place_id?: string | null;
  place_km?: number | null;
  chapters?: string[] | string | null;
  pending?: boolean;
  topic_id?: string | null;
  answer?: CommentAnswer | string | null;
}

/** Where a comment falls, as stored (null: not placed). */
export function placementOf(
  row: Pick<CommentRow, 'zone' | 'place_id' | 'place_km' | 'chapters'>,
): CommentPlacement | null {
  if (row.chapters === null || row.chapters === undefined) return null;
  const chapters = typeof row.chapters === 'string' ? JSON.parse(row.chapters) : row.chapters;
  return {
    zone: row.zone ?? null,
    place:
      row.place_id && row.place_km !== null && row.place_km !== undefined
        ? { id: row.place_id, km: row.place_km }
        : null,
    chapters,
  };
}

/** The facilitator's view of a comment (participants' views are derived in views.ts). */
export function toSessionComment(row: CommentRow): SessionComment {
  const hidden = row.hidden_at !== null;
  return {
    id: row.id,
    kind: row.kind as Comment['kind'],
    text: row.text,
    lon: row.lon,
    lat: row.lat,
    ...(row.section ? { section: row.section } : {}),
    ...(row.feature ? { feature: row.feature } : {}),
    status: hidden ? 'hidden' : 'visible',
    created: row.created,
    updated: row.updated,
    schemaVersion: row.schema_version as 1,
    seq: Number(row.seq),
    sessionId: row.session_id,
    hidden,
    ...(row.hidden_reason ? { hiddenReason: row.hidden_reason } : {}),
    ...(hidden ? { hiddenAt: iso(row.hidden_at) } : {}),
    reports: row.reports,
    ...(row.device_hash ? { device: deviceLabel(row.device_hash) } : {}),
    supports: row.supports ?? 0,
    ...(placementOf(row) ? { placement: placementOf(row)! } : {}),
    ...(row.pending ? { pending: true as const } : {}),
    ...(row.topic_id ? { topic: row.topic_id } : {}),
    ...(row.answer
      ? { answer: typeof row.answer === 'string' ? JSON.parse(row.answer) : row.answer }
      : {}),
  };
}

export async function getSession(q: Queryable, sid: string): Promise<Session | null> {
  const rows = await q.query<SessionRow>(`${SESSION_SELECT} WHERE s.id = $1`, [sid]);
  return rows[0] ? toSession(rows[0]) : null;
}

export async function listSessions(q: Queryable): Promise<Session[]> {
  const rows = await q.query<SessionRow>(`${SESSION_SELECT} ORDER BY s.created DESC`);
  return rows.map(toSession);
}

/** Runs `fn` in a transaction with the session row locked; announces the events it emitted once committed. */
export async function inSession<T>(
  db: Db,
  sid: string,
  fn: (
    tx: Queryable,
    /** `open` is the facilitator's switch; `accepting` also counts the deadline (database clock, under the lock). */
    session: { open: boolean; accepting: boolean; commentCount: number },
    emit: (type: EventType, payload: Omit<SessionEvent, 'seq' | 'type'>) => Promise<number>,
  ) => Promise<T>,
): Promise<T> {
  const emitted: { sessionId: string; seq: number }[] = [];
  const result = await db.transaction(async (tx) => {
    const rows = await tx.query<{ open: boolean; accepting: boolean; comment_count: number }>(
      `SELECT open, open AND (closes_at IS NULL OR closes_at > clock_timestamp()) AS accepting,
       comment_count FROM sessions WHERE id = $1 FOR UPDATE`,
      [sid],
    );
    if (!rows[0]) throw notFound('This session');
    const emit = async (type: EventType, payload: Omit<SessionEvent, 'seq' | 'type'>) => {
      const [next] = await tx.query<{ last_seq: string }>(
        'UPDATE sessions SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq',
        [sid],
      );
      const seq = Number(next!.last_seq);
      await tx.query(
        'INSERT INTO events (session_id, seq, type, comment_id, payload) VALUES ($1, $2, $3, $4, $5)',
        [sid, seq, type, payload.commentId ?? null, JSON.stringify({ seq, type, ...payload })],
      );
      await db.notify(tx, sid, seq);
      emitted.push({ sessionId: sid, seq });
      return seq;
    };
    return fn(
      tx,
      { open: rows[0].open, accepting: rows[0].accepting, commentCount: rows[0].comment_count },
      emit,
    );
  });
  db.afterCommit(emitted);
  return result;
}

/** The facilitator who did it: their account's name. */
export type Actor = string;

export async function audit(
  tx: Queryable,
  actor: Actor,
  sid: string,
  action: AuditEntry['action'],
  commentId?: string,
  reason?: string,
  device?: string,
  topicId?: string,
) {
  await tx.query(
    'INSERT INTO audit (session_id, action, comment_id, reason, device, topic_id, actor) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [sid, action, commentId ?? null, reason ?? null, device ?? null, topicId ?? null, actor],
  );
}

export async function createSession(
  db: Db,
  input: {
    title: string;
    focus?: SessionFocus;
    open?: boolean;
    premoderated?: boolean;
    closesAt?: string;
  },
  actor: Actor,
): Promise<Session> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const sid = newSessionCode();
    const created = await db.transaction(async (tx) => {
      const rows = await tx.query(
        `INSERT INTO sessions (id, title, focus, open, premoderated, closes_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          sid,
          input.title,
          JSON.stringify(input.focus ?? {}),
          input.open ?? true,
          input.premoderated ?? false,
          input.closesAt ?? null,
        ],
      );
      if (rows.length === 0) return false;
      await audit(tx, actor, sid, 'create');
      return true;
    });
    if (created) return (await getSession(db, sid))!;
  }
  throw new Error('could not find a free session code');
}

export async function updateSession(
  db: Db,
  sid: string,
  patch: {
    title?: string;
    open?: boolean;
    focus?: SessionFocus;
    premoderated?: boolean;
    closesAt?: string | null;
  },
  actor: Actor,
): Promise<Session> {
  await inSession(db, sid, async (tx, before, emit) => {
    const current = (await getSession(tx, sid))!;
    const [stored] = await tx.query<{ closes_at: Date | string | null; passed: boolean | null }>(
      'SELECT closes_at, closes_at <= clock_timestamp() AS passed FROM sessions WHERE id = $1',
      [sid],
    );
    const closesBefore = stored!.closes_at === null ? null : iso(stored!.closes_at);
    // Reopening after the deadline takes comments again: the deadline that passed goes with it.
    const reopensPastDeadline =
      patch.open === true && stored!.passed === true && patch.closesAt === undefined;
    const closesAt =
      patch.closesAt !== undefined
        ? patch.closesAt && iso(patch.closesAt)
        : reopensPastDeadline
          ? null
          : closesBefore;
    const edited =
      (patch.title !== undefined && patch.title !== current.title) ||
      (patch.focus !== undefined && !sameJson(patch.focus, current.focus)) ||
      (patch.premoderated !== undefined && patch.premoderated !== current.premoderated);
    const opens = patch.open !== undefined && patch.open !== before.open;
    const deadline = closesAt !== closesBefore;
    if (!edited && !opens && !deadline) return; // nothing to tell anyone: no event, no audit row
    await tx.query(
      `UPDATE sessions SET title = coalesce($2, title), open = coalesce($3, open),
       focus = coalesce($4::jsonb, focus), closes_at = $5, premoderated = coalesce($6, premoderated)
       WHERE id = $1`,
      [
        sid,
        patch.title ?? null,
        patch.open ?? null,
        patch.focus ? JSON.stringify(patch.focus) : null,
        closesAt,
        patch.premoderated ?? null,
      ],
    );
    if (opens) await audit(tx, actor, sid, patch.open ? 'open' : 'close');
    if (deadline) {
      await audit(tx, actor, sid, 'deadline', undefined, closesAt ?? undefined);
    }
    if (edited) await audit(tx, actor, sid, 'update');
    const session = (await getSession(tx, sid))!;
    await emit('session', { session });
  });
  return (await getSession(db, sid))!;
}

/** Equal as stored in jsonb (key order aside). */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v as object)
            .sort()
            .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
        )
      : Array.isArray(v)
        ? v.map(canonical)
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Stores the hash of a device token minted for session `sid` (deviceTokens.ts). */
export async function createDevice(db: Db, sid: string, token: string): Promise<string> {
  await db.query('INSERT INTO devices (token_hash, session_id) VALUES ($1, $2)', [
    hashToken(token),
    sid,
  ]);
  return token;
}

/** The device's hash when the token belongs to this session, else null. */
export async function deviceOf(q: Queryable, sid: string, token: string): Promise<string | null> {
  const hash = hashToken(token);
  const rows = await q.query('SELECT 1 FROM devices WHERE token_hash = $1 AND session_id = $2', [
    hash,
    sid,
  ]);
  return rows.length > 0 ? hash : null;
}

const sameContent = (row: CommentRow, c: Comment) =>
  row.kind === c.kind &&
  row.text === c.text &&
  row.lon === c.lon &&
  row.lat === c.lat &&
  (row.section ?? undefined) === c.section &&
  (row.feature ?? undefined) === c.feature &&
  row.created === c.created &&
  row.updated === c.updated;

const samePlace = (row: CommentRow, c: Comment) =>
  row.lon === c.lon &&
  row.lat === c.lat &&
  (row.section ?? undefined) === c.section &&
  (row.feature ?? undefined) === c.feature &&
  row.created === c.created;

export async function commentRow(
  tx: Queryable,
  sid: string,
  id: string,
): Promise<CommentRow | undefined> {
  const rows = await tx.query<CommentRow>(
    'SELECT * FROM comments WHERE session_id = $1 AND id = $2',
    [sid, id],
  );
  return rows[0];
}

async function insertComment(
  tx: Queryable,
  sid: string,
  c: Comment,
  deviceHash: string | null,
  seq: number,
  placement: CommentPlacement | null = null,
  { tagTopic = false } = {},
): Promise<CommentRow> {
  // A participant's comment carries the topic discussed now; an imported earlier one none.
  const rows = await tx.query<CommentRow>(
    `INSERT INTO comments (session_id, id, device_hash, kind, text, lon, lat, section, feature,
       created, updated, schema_version, seq, zone, place_id, place_km, chapters, topic_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
       CASE WHEN $18::boolean THEN (SELECT current_topic FROM sessions WHERE id = $1) END) RETURNING *`,
    [
      sid,
      c.id,
      deviceHash,
      c.kind,
      c.text,
      c.lon,
      c.lat,
      c.section ?? null,
      c.feature ?? null,
      c.created,
      c.updated,
      c.schemaVersion,
      seq,
      placement?.zone ?? null,
      placement?.place?.id ?? null,
      placement?.place?.km ?? null,
      placement ? JSON.stringify(placement.chapters) : null,
      tagTopic,
    ],
  );
  await tx.query('UPDATE sessions SET comment_count = comment_count + 1 WHERE id = $1', [sid]);
  return rows[0]!;
}

/**
 * Stores a participant's comment, idempotent by id: `created` is true only the
 * first time. An identical re-send, or an older one from the same device,
 * returns the stored comment unchanged; a newer version from the same device
 * may change kind and text while the comment is visible; anything else is a
 * 409, so another device cannot read a comment back by guessing its id
 * (what a participant may see of the answer is decided in views.ts).
 */
export async function putComment(
  db: Db,
  sid: string,
  comment: Comment,
  deviceHash: string | null,
  maxPerSession: number,
  placement: CommentPlacement | null = null,
): Promise<{ created: boolean; comment: SessionComment }> {
  // The common case, a new comment, in one round trip (lh_insert_placed_comment); re-sends and edits below.
  const [fast] = await db.query<{ outcome: string; seq: string }>(
    'SELECT * FROM lh_insert_placed_comment($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)',
    [
      sid,
      comment.id,
      deviceHash,
      comment.kind,
      comment.text,
      comment.lon,
      comment.lat,
      comment.section ?? null,
      comment.feature ?? null,
      comment.created,
      comment.updated,
      comment.schemaVersion,
      maxPerSession,
      placement ? JSON.stringify(placement) : null,
    ],
  );
  switch (fast?.outcome) {
    case 'created':
    case 'created_pending': {
      const seq = Number(fast.seq);
      db.afterCommit([{ sessionId: sid, seq }]);
      // The topic was taken from the locked session row by the insert; read back what it stored.
      const [tagged] = await db.query<{ topic_id: string | null }>(
        'SELECT topic_id FROM comments WHERE session_id = $1 AND id = $2',
        [sid, comment.id],
      );
      const stored: SessionComment = {
        ...comment,
        status: 'visible',
        seq,
        sessionId: sid,
        hidden: false,
        reports: 0,
        ...(deviceHash ? { device: deviceLabel(deviceHash) } : {}),
        supports: 0,
        ...(placement ? { placement } : {}),
        ...(fast.outcome === 'created_pending' ? { pending: true as const } : {}),
        ...(tagged?.topic_id ? { topic: tagged.topic_id } : {}),
      };
      return { created: true, comment: stored };
    }
    case 'no_session':
      throw notFound('This session');
    case 'muted':
      throw muted();
    case 'closed':
      throw closed();
    case 'full':
      throw new ApiFailure(
        403,
        'session_full',
        `This session has reached its limit of ${maxPerSession} comments.`,
      );
  }
  return inSession(db, sid, async (tx, session, emit) => {
    const existing = await commentRow(tx, sid, comment.id);
    if (existing) {
      if (
        sameContent(existing, comment) &&
        !(existing.pending && existing.device_hash !== deviceHash)
      ) {
        return { created: false, comment: toSessionComment(existing) };
      }
      if (await isMuted(tx, deviceHash)) throw muted();
      if (existing.device_hash !== deviceHash) {
        throw new ApiFailure(
          409,
          'conflict',
          'This comment was sent from another device; it cannot be changed from this one.',
        );
      }
      if (existing.updated >= comment.updated) {
        return { created: false, comment: toSessionComment(existing) };
      }
      if (existing.hidden_at !== null) {
        throw new ApiFailure(
          409,
          'conflict',
          'This comment was hidden by the facilitator and can no longer be edited.',
        );
      }
      if (!samePlace(existing, comment)) {
        throw new ApiFailure(
          409,
          'conflict',
          'Only the kind and text of a sent comment can be changed, not its place or links.',
        );
      }
      if (!session.accepting) throw closed();
      const seq = await emit('comment', { commentId: comment.id });
      const [row] = await tx.query<CommentRow>(
        `UPDATE comments SET kind = $3, text = $4, updated = $5 WHERE session_id = $1 AND id = $2 RETURNING *`,
        [sid, comment.id, comment.kind, comment.text, comment.updated],
      );
      const updated = toSessionComment(row!);
      await setEventPayload(tx, sid, seq, {
        seq,
        type: 'comment',
        commentId: comment.id,
        comment: updated,
      });
      return { created: false, comment: updated };
    }
    if (await isMuted(tx, deviceHash)) throw muted();
    if (!session.accepting) throw closed();
    if (session.commentCount >= maxPerSession) {
      throw new ApiFailure(
        403,
        'session_full',
        `This session has reached its limit of ${maxPerSession} comments.`,
      );
    }
    const seq = await emit('comment', { commentId: comment.id });
    const row = await insertComment(tx, sid, comment, deviceHash, seq, placement, {
      tagTopic: true,
    });
    const stored = toSessionComment(row);
    await setEventPayload(tx, sid, seq, {
      seq,
      type: 'comment',
      commentId: comment.id,
      comment: stored,
    });
    return { created: true, comment: stored };
  });
}

const muted = () =>
  new ApiFailure(
    403,
    'device_muted',
    'The facilitator has muted this device: its comments are hidden and new ones are not accepted.',
  );

async function isMuted(q: Queryable, deviceHash: string | null): Promise<boolean> {
  if (!deviceHash) return false;
  const rows = await q.query(
    'SELECT 1 FROM devices WHERE token_hash = $1 AND muted_at IS NOT NULL',
    [deviceHash],
  );
  return rows.length > 0;
}

export const closed = () =>
  new ApiFailure(
    403,
    'session_closed',
    'This session is closed: comments can be read but no new ones are accepted.',
  );

export async function setEventPayload(
  tx: Queryable,
  sid: string,
  seq: number,
  event: SessionEvent,
) {
  await tx.query('UPDATE events SET payload = $3 WHERE session_id = $1 AND seq = $2', [
    sid,
    seq,
    JSON.stringify(event),
  ]);
}

/** Facilitator upload of earlier comments, merged by id: existing ids are left as they are. */
export async function importComments(
  db: Db,
  sid: string,
  comments: readonly Comment[],
  placeOf: (comment: Comment) => CommentPlacement | null,
  actor: Actor,
): Promise<{ added: number; existing: number }> {
  return inSession(db, sid, async (tx, _session, emit) => {
    let added = 0;
    for (const comment of comments) {
      if (await commentRow(tx, sid, comment.id)) continue;
      const seq = await emit('comment', { commentId: comment.id });
      const stored = toSessionComment(
        await insertComment(tx, sid, comment, null, seq, placeOf(comment)),
      );
      await setEventPayload(tx, sid, seq, {
        seq,
        type: 'comment',
        commentId: comment.id,
        comment: stored,
      });
      added++;
    }
    if (added > 0) await audit(tx, actor, sid, 'import', undefined, `${added} comments`);
    return { added, existing: comments.length - added };
  });
}

/** Every comment of a session in seq order, hidden ones included (the facilitator's exports). */
export async function allComments(q: Queryable, sid: string): Promise<SessionComment[]> {
  const rows = await q.query<CommentRow>(
    'SELECT * FROM comments WHERE session_id = $1 ORDER BY seq',
    [sid],
  );
  return rows.map(toSessionComment);
}

/** The session's latest event seq, or null when there is no such session. */
export async function lastSeqOf(q: Queryable, sid: string): Promise<number | null> {
  const [row] = await q.query<{ last_seq: string }>('SELECT last_seq FROM sessions WHERE id = $1', [
    sid,
  ]);
  return row ? Number(row.last_seq) : null;
}

/**
 * One page of comments with a seq above `after`; `visibleOnly` leaves hidden
 * ones out (participants). `next` is the cursor of the following page, or null.
 */
export async function commentPage(
  q: Queryable,
  sid: string,
  { after, limit, visibleOnly }: { after: number; limit: number; visibleOnly: boolean },
): Promise<{ comments: SessionComment[]; next: number | null }> {
  const rows = await q.query<CommentRow>(
    `SELECT * FROM comments WHERE session_id = $1 AND seq > $2
     ${visibleOnly ? 'AND hidden_at IS NULL AND NOT pending' : ''} ORDER BY seq LIMIT $3`,
    [sid, after, limit + 1],
  );
  const more = rows.length > limit;
  const comments = rows.slice(0, limit).map(toSessionComment);
  return { comments, next: more ? comments.at(-1)!.seq : null };
}

export async function missingIds(
  q: Queryable,
  sid: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<{ id: string }>(
    'SELECT id FROM comments WHERE session_id = $1 AND id = ANY($2::uuid[])',
    [sid, ids],
  );
  const present = new Set(rows.map((r) => r.id.toLowerCase()));
  return ids.filter((id) => !present.has(id.toLowerCase()));
}

/** Files a device's report; a second report from the same device changes nothing. */
export async function reportComment(
  db: Db,
  sid: string,
  id: string,
  deviceHash: string,
): Promise<void> {
  await inSession(db, sid, async (tx, _session, emit) => {
    const row = await commentRow(tx, sid, id);
    // Awaiting approval: for a participant, not there.
    if (!row || row.pending) throw notFound('This comment');
    const inserted = await tx.query(
      `INSERT INTO reports (session_id, comment_id, device_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [sid, id, deviceHash],
    );
    if (inserted.length === 0) return;
    const [updated] = await tx.query<CommentRow>(
      'UPDATE comments SET reports = reports + 1 WHERE session_id = $1 AND id = $2 RETURNING *',
      [sid, id],
    );
    await emit('report', { commentId: id, reports: updated!.reports });
  });
}

export type ModerationAction = 'hide' | 'restore' | 'approve';

/** Hides, restores or approves a comment (kept, never deleted) with an audit row and an event. */
export async function moderate(
  db: Db,
  sid: string,
  id: string,
  action: ModerationAction,
  reason: string | undefined,
  actor: Actor,
): Promise<SessionComment> {
  return inSession(db, sid, async (tx, _session, emit) => {
    const row = await commentRow(tx, sid, id);
    if (!row) throw notFound('This comment');
    return moderateRow(tx, sid, row, action, reason, emit, actor);
  });
}

/**
 * The same for a selection, in one transaction: every comment or, if any id
 * is not one of this session's, none (404 naming it). Each change is audited
 * and announced on its own, like a single action; one already so is left alone.
 */
export async function moderateMany(
  db: Db,
  sid: string,
  ids: readonly string[],
  action: ModerationAction,
  reason: string | undefined,
  actor: Actor,
): Promise<SessionComment[]> {
  return inSession(db, sid, async (tx, _session, emit) => {
    const rows = await tx.query<CommentRow>(
      'SELECT * FROM comments WHERE session_id = $1 AND id = ANY($2::uuid[]) FOR UPDATE',
      [sid, ids],
    );
    const byId = new Map(rows.map((r) => [r.id.toLowerCase(), r] as const));
    const missing = ids.find((id) => !byId.has(id.toLowerCase()));
    if (missing) throw notFound(`The comment ${missing}`);
    const done: SessionComment[] = [];
    for (const id of ids) {
      done.push(
        await moderateRow(tx, sid, byId.get(id.toLowerCase())!, action, reason, emit, actor),
      );
    }
    return done;
  });
}

/**
 * One comment's moderation inside a session transaction. Hiding a comment that
 * awaits approval settles it (no longer pending; restoring it later shows it);
 * approving makes it visible to everyone with a `comment` event.
 */
async function moderateRow(
  tx: Queryable,
  sid: string,
  row: CommentRow,
  action: ModerationAction,
  reason: string | undefined,
  emit: (type: EventType, payload: Omit<SessionEvent, 'seq' | 'type'>) => Promise<number>,
  actor: Actor,
): Promise<SessionComment> {
  const id = row.id;
  const isHidden = row.hidden_at !== null;
  const unchanged =
    action === 'approve' ? !row.pending || isHidden : (action === 'hide') === isHidden;
  if (unchanged) return toSessionComment(row); // already so (or hidden: restore it instead)
  const [updated] = await tx.query<CommentRow>(
    action === 'hide'
      ? `UPDATE comments SET hidden_at = now(), hidden_reason = $3, pending = false WHERE session_id = $1 AND id = $2 RETURNING *`
      : action === 'restore'
        ? `UPDATE comments SET hidden_at = NULL, hidden_reason = NULL WHERE session_id = $1 AND id = $2 RETURNING *`
        : `UPDATE comments SET pending = false WHERE session_id = $1 AND id = $2 RETURNING *`,
    action === 'hide' ? [sid, id, reason || null] : [sid, id],
  );
  const comment = toSessionComment(updated!);
  await audit(tx, actor, sid, action, id, reason || undefined);
  await emit(action === 'approve' ? 'comment' : action, { commentId: id, comment });
  return comment;
}

/**
 * Mutes a device (by label) or lifts its mute, in one transaction with one
 * audit row. Muting hides every visible comment it posted, each with its own
 * `hide` event (participants get ids only), and the insert refuses its new
 * ones. Unmuting lets it post again and restores nothing: what a flood
 * posted stays hidden unless the facilitator restores it comment by comment.
 */
export async function setDeviceMuted(
  db: Db,
  sid: string,
  label: string,
  mute: boolean,
  reason: string | undefined,
  actor: Actor,
): Promise<{ device: string; muted: boolean; hidden: number }> {
  return inSession(db, sid, async (tx, _session, emit) => {
    const devices = await tx.query<{ token_hash: string }>(
      `SELECT token_hash FROM devices WHERE session_id = $1 AND ${LABEL_SQL('token_hash')} = $2`,
      [sid, label],
    );
    if (devices.length === 0) throw notFound('This device');
    const hashes = devices.map((d) => d.token_hash);
    await tx.query(
      mute
        ? 'UPDATE devices SET muted_at = coalesce(muted_at, now()) WHERE token_hash = ANY($1::text[])'
        : 'UPDATE devices SET muted_at = NULL WHERE token_hash = ANY($1::text[])',
      [hashes],
    );
    let hidden: CommentRow[] = [];
    if (mute) {
      hidden = await tx.query<CommentRow>(
        `UPDATE comments SET hidden_at = now(), hidden_reason = $3
         WHERE session_id = $1 AND device_hash = ANY($2::text[]) AND hidden_at IS NULL RETURNING *`,
        [sid, hashes, reason || null],
      );
      hidden.sort((a, b) => Number(a.seq) - Number(b.seq));
      for (const row of hidden) {
        await emit('hide', { commentId: row.id, comment: toSessionComment(row) });
      }
    }
    await audit(tx, actor, sid, mute ? 'mute' : 'unmute', undefined, reason || undefined, label);
    return { device: label, muted: mute, hidden: hidden.length };
  });
}

/** The session's devices that posted or are muted, most comments first (the facilitator's flood view). */
export async function deviceSummaries(q: Queryable, sid: string): Promise<DeviceSummary[]> {
  const rows = await q.query<{
    token_hash: string;
    comments: number;
    hidden: number;
    muted: boolean;
  }>(
    `SELECT d.token_hash, count(c.id)::int AS comments, count(c.hidden_at)::int AS hidden,
       (d.muted_at IS NOT NULL) AS muted
     FROM devices d LEFT JOIN comments c ON c.session_id = d.session_id AND c.device_hash = d.token_hash
     WHERE d.session_id = $1
     GROUP BY d.token_hash, d.muted_at
     HAVING count(c.id) > 0 OR d.muted_at IS NOT NULL
     ORDER BY count(c.id) DESC, d.token_hash LIMIT 50`,
    [sid],
  );
  return rows.map((r) => ({
    device: deviceLabel(r.token_hash),
    comments: Number(r.comments),
    hidden: Number(r.hidden),
    muted: r.muted,
  }));
}

export async function auditLog(q: Queryable, sid: string): Promise<AuditEntry[]> {
  const rows = await q.query<{
    id: string;
    session_id: string;
    action: AuditEntry['action'];
    comment_id: string | null;
    device: string | null;
    reason: string | null;
    topic_id?: string | null;
    answer_state: AuditEntry['answerState'] | null;
    actor: string;
    at: Date;
  }>('SELECT * FROM audit WHERE session_id = $1 ORDER BY id', [sid]);
  return rows.map((r) => ({
    id: Number(r.id),
    sessionId: r.session_id,
    action: r.action,
    ...(r.comment_id ? { commentId: r.comment_id } : {}),
    ...(r.device ? { device: r.device } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.topic_id ? { topicId: r.topic_id } : {}),
    ...(r.answer_state ? { answerState: r.answer_state } : {}),
    at: iso(r.at),
    actor: r.actor,
  }));
}

/** A stored event, with whether its comment is hidden now (participants must not get its text). */
export interface StoredEvent {
  event: SessionEvent;
  hiddenNow: boolean;
  /** Its comment awaits approval now (pre-moderation): participants must not get it. */
  pendingNow?: boolean;
}

export async function eventsAfter(
  q: Queryable,
  sid: string,
  after: number,
  limit = 1000,
): Promise<StoredEvent[]> {
  const rows = await q.query<{
    payload: SessionEvent | string;
    hidden_now: boolean | null;
    pending_now: boolean | null;
  }>(
    `SELECT e.payload, (c.hidden_at IS NOT NULL) AS hidden_now, c.pending AS pending_now FROM events e
     LEFT JOIN comments c ON c.session_id = e.session_id AND c.id = e.comment_id
     WHERE e.session_id = $1 AND e.seq > $2 ORDER BY e.seq LIMIT $3`,
    [sid, after, limit],
  );
  return rows.map((r) => ({
    event: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
    hiddenNow: r.hidden_now === true,
    pendingNow: r.pending_now === true,
  }));
}
