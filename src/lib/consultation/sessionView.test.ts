import { describe, expect, it } from 'vitest';
import { createComment } from '../comments/schema';
import type { SessionComment, SessionEvent } from './api';
import {
  addsAuditEntry,
  applyEvent,
  countByKind,
  mostSupported,
  newestFirst,
  resumeId,
  viewFromList,
  type SessionView,
} from './sessionView';

let seq = 0;
function pin(kind: SessionComment['kind'], text: string, hidden = false): SessionComment {
  seq++;
  const c = createComment({ kind, text, lon: 121.1, lat: 28.8 });
  return { ...c, seq, sessionId: 'k7m2qx', hidden, status: hidden ? 'hidden' : 'visible' };
}

/** Apply events in order, returning the outcomes. */
function run(view: SessionView, events: SessionEvent[]) {
  const outcomes: string[] = [];
  for (const event of events) {
    const next = applyEvent(view, event);
    view = next.view;
    outcomes.push(next.outcome);
  }
  return { view, outcomes };
}

describe('session view', () => {
  it('adds new pins, ignores replays, refuses to skip a gap', () => {
    const a = pin('support', 'a');
    const b = pin('idea', 'b');
    const start = viewFromList({ comments: [a], lastSeq: 1 });
    const { view, outcomes } = run(start, [
      { seq: 1, type: 'comment', comment: a },
      { seq: 2, type: 'comment', comment: b },
      { seq: 2, type: 'comment', comment: b },
      { seq: 4, type: 'comment', comment: pin('concern', 'd') },
    ]);
    expect(outcomes).toEqual(['duplicate', 'applied', 'duplicate', 'gap']);
    expect(view.lastSeq).toBe(2);
    expect([...view.comments.keys()]).toEqual([a.id, b.id]);
  });

  it('puts an answer on the comment live', () => {
    const a = pin('question', '公交几点开通？');
    const start = viewFromList({ comments: [a], lastSeq: 3 });
    const answer = {
      state: 'studying' as const,
      reply: '正在研究',
      at: '2026-12-07T10:00:00.000Z',
    };
    const { view, outcomes } = run(start, [
      { seq: 4, type: 'answer', commentId: a.id, comment: { ...a, answer } },
    ]);
    expect(outcomes).toEqual(['applied']);
    expect(view.comments.get(a.id)?.answer).toEqual(answer);
    expect(view.comments.get(a.id)?.text).toBe('公交几点开通？');
  });

  it('removes a hidden pin for a participant (id only) and keeps it greyed for the facilitator', () => {
    const a = pin('concern', 'noise');
    const start = viewFromList({ comments: [a], lastSeq: 5 });
    const participant = applyEvent(start, { seq: 6, type: 'hide', commentId: a.id }).view;
    expect(participant.comments.size).toBe(0);
    const hidden = { ...a, hidden: true, status: 'hidden' as const, hiddenReason: 'off topic' };
    const facilitator = applyEvent(start, { seq: 6, type: 'hide', comment: hidden }).view;
    expect(facilitator.comments.get(a.id)).toMatchObject({
      hidden: true,
      hiddenReason: 'off topic',
    });
    // Restored: back for everyone.
    const back = applyEvent(participant, { seq: 7, type: 'restore', comment: a }).view;
    expect([...back.comments.keys()]).toEqual([a.id]);
  });

  it('updates report counts and the session, counts visible pins by kind, newest first', () => {
    const a = pin('support', 'a');
    const b = pin('question', 'b');
    const h = pin('support', 'h', true);
    let view = viewFromList({ comments: [a, b, h], lastSeq: 3 });
    view = applyEvent(view, { seq: 4, type: 'report', commentId: b.id, reports: 2 }).view;
    expect(view.comments.get(b.id)?.reports).toBe(2);
    expect(countByKind(view.comments.values())).toEqual({
      support: 1,
      concern: 0,
      idea: 0,
      question: 1,
      total: 2,
    });
    expect(newestFirst(view.comments.values()).map((c) => c.text)).toEqual(['b', 'a']);
    expect(newestFirst(view.comments.values(), { hidden: true })).toHaveLength(3);
  });

  it('updates 附议 counts live and ranks the most supported visible comments', () => {
    const a = pin('idea', 'a');
    const b = pin('concern', 'b');
    const c = pin('idea', 'c');
    const h = { ...pin('idea', 'h', true), supports: 9 };
    let view = viewFromList({ comments: [a, b, c, h], lastSeq: 4 });
    expect(mostSupported(view.comments.values())).toEqual([]);
    const { view: after, outcomes } = run(view, [
      { seq: 5, type: 'support', commentId: a.id, supports: 1 },
      { seq: 6, type: 'support', commentId: b.id, supports: 1 },
      { seq: 7, type: 'support', commentId: a.id, supports: 2 },
      { seq: 7, type: 'support', commentId: a.id, supports: 2 },
    ]);
    view = after;
    expect(outcomes).toEqual(['applied', 'applied', 'applied', 'duplicate']);
    expect(view.comments.get(a.id)?.supports).toBe(2);
    expect(mostSupported(view.comments.values()).map((x) => x.text)).toEqual(['a', 'b']);
    expect(mostSupported(view.comments.values(), 1).map((x) => x.text)).toEqual(['a']);
    // Withdrawn to nothing: off the ranking.
    view = applyEvent(view, { seq: 8, type: 'support', commentId: b.id, supports: 0 }).view;
    expect(mostSupported(view.comments.values()).map((x) => x.text)).toEqual(['a']);
  });
});

describe('where the live feed resumes', () => {
  it('names the epoch the view counted in, and keeps it through applied events', () => {
    const first = pin('idea', 'a');
    let view = viewFromList({ comments: [first], lastSeq: first.seq, epoch: 'Ab3_x-' });
    expect(resumeId(view)).toBe(`Ab3_x-:${first.seq}`);
    const next = pin('idea', 'b');
    view = applyEvent(view, { seq: first.seq + 1, type: 'comment', comment: next }).view;
    expect(resumeId(view)).toBe(`Ab3_x-:${first.seq + 1}`);
  });

  it('asks for everything when it has seen nothing or the server named no epoch', () => {
    expect(resumeId(viewFromList({ comments: [], lastSeq: 0, epoch: 'Ab3_x-' }))).toBe('0');
    expect(resumeId(viewFromList({ comments: [], lastSeq: 4 }))).toBe('0');
  });
});

describe('comments awaiting approval (pre-moderation) in the facilitator view', () => {
  const waiting = { ...pin('idea', '待审核的意见'), pending: true as const, device: 'a1b2c3d4' };
  const seconded = { ...pin('support', '附议多的'), supports: 3, pending: true as const };
  const shown = pin('concern', '已公开');
  const view = viewFromList({ comments: [waiting, seconded, shown], lastSeq: 10 });

  it('are counted, ranked and listed for the room only once approved', () => {
    expect(countByKind(view.comments.values()).total).toBe(1);
    expect(mostSupported(view.comments.values())).toEqual([]);
    expect(newestFirst(view.comments.values()).map((c) => c.text)).toEqual(['已公开']);
    expect(newestFirst(view.comments.values(), { pending: true }).map((c) => c.text)).toContain(
      '待审核的意见',
    );
  });

  it('reload the audit log only for events that add to it', () => {
    const approved = { ...waiting, pending: undefined };
    const next = (type: SessionEvent['type'], extra: Partial<SessionEvent> = {}) =>
      addsAuditEntry(view, { seq: 11, type, ...extra });
    expect(next('comment', { comment: approved })).toBe(true);
    expect(next('hide', { commentId: waiting.id })).toBe(true);
    expect(next('restore', { comment: shown })).toBe(true);
    expect(next('session')).toBe(true);
    expect(next('answer', { commentId: shown.id, comment: shown })).toBe(true);
    expect(next('agenda')).toBe(true);
    // An import: a new comment of no device.
    expect(next('comment', { comment: pin('idea', '导入的') })).toBe(true);
    // A phone's new comment, an edit, a report, a 附议: nothing audited.
    expect(next('comment', { comment: { ...pin('idea', '新的'), device: 'ffff0000' } })).toBe(
      false,
    );
    expect(next('comment', { comment: { ...waiting, text: '改过' } })).toBe(false);
    expect(next('report', { commentId: shown.id, reports: 1 })).toBe(false);
    expect(next('support', { commentId: shown.id, supports: 1 })).toBe(false);
  });
});
