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

/**
 * Does this event (about to be applied to the facilitator's `view`) mean the
 * audit log grew? Hides, restores, answers, agenda changes and session changes are audited; so is an
 * approval (a comment that was pending arrives without the mark) and an
 * import (a new comment of no device). New comments, reports and 附议 are not:
 * the audit log need not be read again for them (a hall sends hundreds).
 */
export function addsAuditEntry(view: SessionView, event: SessionEvent): boolean {
  switch (event.type) {
    case 'hide':
    case 'restore':
    case 'session':
    case 'answer':
    case 'agenda':
      return true;
    case 'comment': {
      if (!event.comment) return false;
      const before = view.comments.get(event.comment.id);
      if (before) return before.pending === true && !event.comment.pending;
      return event.comment.device === undefined;
    }
    default:
      return false;
  }
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
    if (c.hidden || c.pending) continue;
    counts[c.kind]++;
    counts.total++;
  }
  return counts;
}

/** The visible comments with the most 附议 first (ties: the newer first); only those with at least one. */
export function mostSupported(comments: Iterable<SessionComment>, limit = Infinity) {
  return [...comments]
    .filter((c) => !c.hidden && !c.pending && (c.supports ?? 0) > 0)
    .sort((a, b) => (b.supports ?? 0) - (a.supports ?? 0) || b.seq - a.seq)
    .slice(0, limit);
}

/**
 * The newest visible comments first (the projector's ticker); the moderation queue asks for
 * the hidden ones and those awaiting approval too (a facilitator's view holds them).
 */
export function newestFirst(
  comments: Iterable<SessionComment>,
  { hidden = false, pending = false } = {},
) {
  return [...comments]
    .filter((c) => (hidden || !c.hidden) && (pending || !c.pending))
    .sort((a, b) => b.seq - a.seq || Date.parse(b.created) - Date.parse(a.created));
}
