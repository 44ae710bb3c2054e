import type { AnswerRequest, CommentAnswer, SessionComment } from '../../lib/consultation/api';
import { ApiFailure, notFound } from '../errors';
import type { Db, Queryable } from './db';
import { commentRow, inSession, toSessionComment, type Actor, type CommentRow } from './queries';

/**
 * A facilitator's answers to comments (issue 22). Each answer is a row of the
 * append-only `answers` table (a trigger refuses updates and deletes); the
 * comment carries its current one, so lists and exports need no join. A new
 * answer writes one audit row and one `answer` event in the same transaction.
 * Answering the same thing again changes nothing (no row, no event).
 */

const hiddenRefused = () =>
  new ApiFailure(
    409,
    'conflict',
    'This comment is hidden: a hidden comment cannot carry a public answer. Restore it first.',
  );

/** The request as stored: empty optional text is no text. */
function normalise(request: AnswerRequest): Omit<CommentAnswer, 'at'> {
  return {
    state: request.state,
    ...(request.reply ? { reply: request.reply } : {}),
    ...(request.reason ? { reason: request.reason } : {}),
    ...(request.section ? { section: request.section } : {}),
  };
}

const sameAnswer = (a: Omit<CommentAnswer, 'at'>, b: Omit<CommentAnswer, 'at'>) =>
  a.state === b.state && a.reply === b.reply && a.reason === b.reason && a.section === b.section;

export async function setAnswer(
  db: Db,
  sid: string,
  id: string,
  request: AnswerRequest,
  actor: Actor,
): Promise<SessionComment> {
  return inSession(db, sid, async (tx, _session, emit) => {
    const row = await commentRow(tx, sid, id);
    if (!row) throw notFound('This comment');
    if (row.hidden_at !== null) throw hiddenRefused();
    const current = toSessionComment(row);
    const next = normalise(request);
    if (current.answer && sameAnswer(current.answer, next)) return current;
    const [added] = await tx.query<{ at: Date | string }>(
      `INSERT INTO answers (session_id, comment_id, state, reply, reason, section)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING at`,
      [sid, id, next.state, next.reply ?? null, next.reason ?? null, next.section ?? null],
    );
    const answer: CommentAnswer = { ...next, at: new Date(added!.at).toISOString() };
    const [updated] = await tx.query<CommentRow>(
      'UPDATE comments SET answer = $3 WHERE session_id = $1 AND id = $2 RETURNING *',
      [sid, id, JSON.stringify(answer)],
    );
    await tx.query(
      `INSERT INTO audit (session_id, action, comment_id, reason, answer_state, actor)
       VALUES ($1, 'answer', $2, $3, $4, $5)`,
      [sid, id, next.reason ?? null, next.state, actor],
    );
    const comment = toSessionComment(updated!);
    await emit('answer', { commentId: id, comment });
    return comment;
  });
}

/** Every answer the comment was given, oldest first (facilitator only). */
export async function answerHistory(
  q: Queryable,
  sid: string,
  id: string,
): Promise<CommentAnswer[]> {
  if (!(await commentRow(q, sid, id))) throw notFound('This comment');
  const rows = await q.query<{
    state: CommentAnswer['state'];
    reply: string | null;
    reason: string | null;
    section: string | null;
    at: Date | string;
  }>(
    'SELECT state, reply, reason, section, at FROM answers WHERE session_id = $1 AND comment_id = $2 ORDER BY id',
    [sid, id],
  );
  return rows.map((r) => ({
    state: r.state,
    ...(r.reply ? { reply: r.reply } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.section ? { section: r.section } : {}),
    at: new Date(r.at).toISOString(),
  }));
}
