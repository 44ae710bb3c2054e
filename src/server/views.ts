import type { HiddenCommentNotice, SessionComment, SessionEvent } from '../lib/consultation/api';
import type { StoredEvent } from './store/queries';

/**
 * What a participant may see. The facilitator sees everything; a participant
 * never gets a hidden comment's text or reason, nor report counts, nor device labels.
 * Every route that answers a participant with a comment goes through `participantComment`
 * (a list of visible comments through `publicComment`). A facilitator's answer is
 * public only while its comment is visible: a hidden comment (answered or not)
 * reaches participants as a notice or a `hide` with its id, never its answer.
 */

/** A visible comment without the facilitator's fields. */
export function publicComment(comment: SessionComment): SessionComment {
  const { reports: _r, hiddenReason: _reason, hiddenAt: _at, device: _device, ...rest } = comment;
  return rest;
}

/** A comment as a participant (its author included) may receive it: a hidden one is only a notice. */
export function participantComment(comment: SessionComment): SessionComment | HiddenCommentNotice {
  if (comment.hidden) {
    const { id, seq, sessionId } = comment;
    return { id, seq, sessionId, hidden: true, status: 'hidden' };
  }
  return publicComment(comment);
}

/** The event as a participant receives it: anything about a comment that is hidden now is only a `hide` with its id. */
export function participantEvent({ event, hiddenNow }: StoredEvent): SessionEvent {
  const { seq, type, commentId } = event;
  if (type === 'session') return event;
  if (type === 'hide' || hiddenNow || event.comment?.hidden)
    return { seq, type: 'hide', ...(commentId ? { commentId } : {}) };
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
