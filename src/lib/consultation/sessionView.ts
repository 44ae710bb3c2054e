import type { CommentKind } from '../comments/schema';
import type { Session, SessionComment, SessionEvent } from './api';

/**
 * What one screen knows of a session: its comments by id and the sequence
 * number of the last event it has applied. Pure, so the live feed's rules are
 * tested without a browser:
 * - an event at or below `lastSeq` was already applied (a replay after a
 *   reconnect): ignored, so nothing shows twice;
 * - an event beyond `lastSeq + 1` means one was missed: not applied, the caller
 *   resumes from `lastSeq` (the server replays the gap);
 * - a hidden comment leaves a participant's view (the event carries only its
 *   id); a facilitator keeps it, marked hidden.
 */

export interface SessionView {
  lastSeq: number;
  /** The epoch `lastSeq` counts in (see ReloadEvent); '' before the server named one. */
  epoch: string;
  comments: ReadonlyMap<string, SessionComment>;
  session?: Session;
}

export type EventOutcome = 'applied' | 'duplicate' | 'gap';

/** The view after the initial `GET …/comments`. */
export function viewFromList(
  list: { comments: readonly SessionComment[]; lastSeq: number; epoch?: string },
  session?: Session,
): SessionView {
  return {
    lastSeq: list.lastSeq,
    epoch: list.epoch ?? '',
    comments: new Map(list.comments.map((c) => [c.id, c] as const)),
    ...(session ? { session } : {}),
  };
}

/** Apply one live event. Returns the new view (or the same one) and what happened. */
export function applyEvent(
  view: SessionView,
  event: SessionEvent,
): { view: SessionView; outcome: EventOutcome } {
  if (event.seq <= view.lastSeq) return { view, outcome: 'duplicate' };
  if (event.seq > view.lastSeq + 1) return { view, outcome: 'gap' };
  const comments = new Map(view.comments);
  let session = view.session;
  const id = event.comment?.id ?? event.commentId;
  switch (event.type) {
    case 'comment':
    case 'restore':
    case 'answer':
      if (event.comment) comments.set(event.comment.id, event.comment);
      break;
    case 'hide':
      if (event.comment) comments.set(event.comment.id, event.comment);
      else if (id) comments.delete(id);
      break;
    case 'report': {
      const current = id ? comments.get(id) : undefined;
      if (current && event.reports !== undefined) {
        comments.set(current.id, { ...current, reports: event.reports });
      }
      break;
    }
    case 'support': {
      const current = id ? comments.get(id) : undefined;
      if (current && event.supports !== undefined) {
        comments.set(current.id, { ...current, supports: event.supports });
      }
      break;
    }
    case 'session':
      if (event.session) session = event.session;
      break;
  }
  return {
    view: { lastSeq: event.seq, epoch: view.epoch, comments, ...(session ? { session } : {}) },
    outcome: 'applied',
  };
}

/** Where the live feed resumes: `epoch:lastSeq`, or `0` (everything) when nothing was applied yet. */
export const resumeId = (view: Pick<SessionView, 'epoch' | 'lastSeq'>): string =>
  view.lastSeq > 0 && view.epoch ? `${view.epoch}:${view.lastSeq}` : '0';

/** Visible comments by kind (the projector's counter). */
export function countByKind(
  comments: Iterable<SessionComment>,
): Record<CommentKind, number> & { total: number } {
  const counts = { support: 0, concern: 0, idea: 0, question: 0, total: 0 };
  for (const c of comments) {
    if (c.hidden) continue;
    counts[c.kind]++;
    counts.total++;
  }
  return counts;
}

/** The visible comments with the most 附议 first (ties: the newer first); only those with at least one. */
export function mostSupported(comments: Iterable<SessionComment>, limit = Infinity) {
  return [...comments]
    .filter((c) => !c.hidden && (c.supports ?? 0) > 0)
    .sort((a, b) => (b.supports ?? 0) - (a.supports ?? 0) || b.seq - a.seq)
    .slice(0, limit);
}

/** The newest visible comments first (the projector's ticker, the moderation queue). */
export function newestFirst(comments: Iterable<SessionComment>, { hidden = false } = {}) {
  return [...comments]
    .filter((c) => hidden || !c.hidden)
    .sort((a, b) => b.seq - a.seq || Date.parse(b.created) - Date.parse(a.created));
}
