import type { SessionComment, SessionEvent } from '../lib/consultation/api';
import type { StoredEvent } from './store/queries';

/**
 * What a participant may see. The facilitator sees everything; a participant
 * never gets a hidden comment's text or reason, nor report counts.
 */

export function participantComment(comment: SessionComment): SessionComment {
  const { reports: _reports, hiddenReason: _reason, ...rest } = comment;
  return rest;
}

/** The event as a participant receives it: anything about a comment that is hidden now is only a `hide` with its id. */
export function participantEvent({ event, hiddenNow }: StoredEvent): SessionEvent {
  const { seq, type, commentId } = event;
  if (type === 'session') return event;
  if (type === 'hide' || hiddenNow)
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
    ...(event.comment ? { comment: participantComment(event.comment) } : {}),
  };
}
