import type { Agenda, AgendaTopic } from '../../lib/consultation/api';
import { notFound } from '../errors';
import type { Db, Queryable, Row } from './db';
import { audit, inSession, type Actor } from './queries';

/**
 * A session's agenda: its topics (kept as one jsonb list on the session row, in
 * order) and the topic discussed now with the moment it was pushed. Every change
 * is one `agenda` event carrying the whole new agenda, so a phone that missed one
 * is right again with the next, and one audit row.
 */

interface AgendaRow extends Row {
  agenda: AgendaTopic[] | string;
  current_topic: string | null;
  topic_started: Date | string | null;
}

const iso = (value: Date | string) =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

function toAgenda(row: AgendaRow): Agenda {
  const topics = typeof row.agenda === 'string' ? JSON.parse(row.agenda) : row.agenda;
  const current =
    row.current_topic && row.topic_started
      ? { topicId: row.current_topic, startedAt: iso(row.topic_started) }
      : null;
  return { topics, current };
}

async function read(q: Queryable, sid: string): Promise<Agenda> {
  const [row] = await q.query<AgendaRow>(
    'SELECT agenda, current_topic, topic_started FROM sessions WHERE id = $1',
    [sid],
  );
  if (!row) throw notFound('This session');
  return toAgenda(row);
}

export const agendaOf = read;

/** Same topics in the same order, field by field (jsonb does not keep key order). */
const sameTopics = (a: readonly AgendaTopic[], b: readonly AgendaTopic[]) =>
  a.length === b.length && a.every((t, i) => canonical(t) === canonical(b[i]!));
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as object).sort(([x], [y]) => x.localeCompare(y)))
      : v,
  );

/**
 * Replaces the agenda (add, edit, reorder, remove in one). When the topic
 * discussed now is no longer on it, nothing is discussed any more. A replace
 * that changes nothing tells nobody.
 */
export async function putAgenda(
  db: Db,
  sid: string,
  topics: AgendaTopic[],
  actor: Actor,
): Promise<Agenda> {
  const normalised = topics.map((t) => ({ ...t, id: t.id.toLowerCase() }));
  return inSession(db, sid, async (tx, _session, emit) => {
    const before = await read(tx, sid);
    if (sameTopics(before.topics, normalised)) return before;
    const stillThere = before.current && normalised.some((t) => t.id === before.current!.topicId);
    await tx.query(
      `UPDATE sessions SET agenda = $2::jsonb,
         current_topic = CASE WHEN $3::boolean THEN current_topic END,
         topic_started = CASE WHEN $3::boolean THEN topic_started END
       WHERE id = $1`,
      [sid, JSON.stringify(normalised), !!stillThere],
    );
    const agenda = await read(tx, sid);
    await audit(tx, actor, sid, 'agenda', undefined, `${normalised.length} topics`);
    await emit('agenda', { agenda });
    return agenda;
  });
}

/**
 * 正在讨论: the topic every screen follows from now on (null: none), its clock
 * started now. Pushing the topic already discussed changes nothing (its clock runs on).
 */
export async function discuss(
  db: Db,
  sid: string,
  topicId: string | null,
  actor: Actor,
): Promise<Agenda> {
  const id = topicId?.toLowerCase() ?? null;
  return inSession(db, sid, async (tx, _session, emit) => {
    const before = await read(tx, sid);
    if (id !== null && !before.topics.some((t) => t.id === id)) throw notFound('This topic');
    if ((before.current?.topicId ?? null) === id) return before;
    await tx.query(
      `UPDATE sessions SET current_topic = $2::uuid,
         topic_started = CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() END WHERE id = $1`,
      [sid, id],
    );
    const agenda = await read(tx, sid);
    await audit(tx, actor, sid, 'discuss', undefined, undefined, undefined, id ?? undefined);
    await emit('agenda', { agenda });
    return agenda;
  });
}
