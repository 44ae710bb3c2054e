import type { HiddenCommentNotice, SessionComment, SessionEvent } from '../lib/consultation/api';
import type { StoredEvent } from './store/queries';

/**
 * What a participant may see. The facilitator sees everything; a participant
 * never gets a hidden comment's text or reason, nor report counts, nor device labels,
 * nor anything of a comment awaiting approval (pre-moderation) but its author's own
 * answer to sending it. Every route that answers a participant with a comment goes
 * through `participantComment` (a list of visible comments through `publicComment`;
 * the list query itself leaves hidden and pending comments out). A facilitator's answer
 * is public only while its comment is visible: a hidden comment (answered or not)
 * reaches participants as a notice or a `hide` with its id, never its answer.
 */

/** A visible comment without the facilitator's fields (any view of one: the report reads a lean one). */
export function publicComment<C extends Partial<SessionComment>>(
  comment: C,
): Omit<C, 'reports' | 'hiddenReason' | 'hiddenAt' | 'device'> {
  const { reports: _r, hiddenReason: _reason, hiddenAt: _at, device: _device, ...rest } = comment;
  return rest;
}

/**
 * A comment as a participant (its author included) may receive it: a hidden one is only a notice.
 * Only its author's device ever gets a pending one here (the answer to its own PUT; any other
 * device's PUT of that id is a 409), marked `pending` so the phone shows 待审核.
 */
export function participantComment(comment: SessionComment): SessionComment | HiddenCommentNotice {
  if (comment.hidden) {
    const { id, seq, sessionId } = comment;
    return { id, seq, sessionId, hidden: true, status: 'hidden' };
  }
  return publicComment(comment);
}

/**
 * The event as a participant receives it: anything about a comment that is hidden now is only a
 * `hide` with its id; anything about a comment that awaits approval, or did when the event was
 * written (a replay: its approval is a later event), is only `{seq, type}`, so every stream stays
 * gapless without a word of it.
 */
export function participantEvent({ event, hiddenNow, pendingNow }: StoredEvent): SessionEvent {
  const { seq, type, commentId } = event;
  // The session and its agenda are public as they are.
  if (type === 'session' || type === 'agenda') return event;
  if (type === 'hide' || hiddenNow || event.comment?.hidden)
    return { seq, type: 'hide', ...(commentId ? { commentId } : {}) };
  if (pendingNow || event.comment?.pending) return { seq, type };
  if (type === 'report') return { seq, type, ...(commentId ? { commentId } : {}) };
  if (type === 'support') {
    const { supports } = event;
    return {
      seq,
      type,
      ...(commentId ? { commentId } : {}),
      ...(supports !== undefined ? { supports } : {}),
    };
  }
  return {
    seq,
    type,
    ...(commentId ? { commentId } : {}),
    ...(event.comment ? { comment: publicComment(event.comment) } : {}),
  };
}
