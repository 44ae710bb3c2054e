import type { Comment } from '../../comments/schema';
import type { Session } from '../../consultation/api';
import type { LiveState } from '../../consultation/live';
import type { DeliveryState } from '../../consultation/outbox';
import type { SessionView } from '../../consultation/sessionView';
import { comments } from '../comments/commentsModel.svelte';

/**
 * The consultation session as the UI shows it. Only state (it is part of the
 * first load, like `commentsModel`): the permalink, pin placing and the comments
 * panel read it; `sessionState.svelte.ts` (loaded with the session code) fills it.
 */
class SessionModel {
  /** Is a consultation server behind this page? Unknown until `/api/health` answered. */
  server = $state<'unknown' | 'none' | 'server'>('unknown');
  /** The database the server reports (`pglite` | `postgres`). */
  database = $state<string | null>(null);
  /** The session code from `#session=…`, or null. */
  sid = $state<string | null>(null);
  /** The session whose report page is open (`#report=…`), or null. */
  report = $state<string | null>(null);
  /** A full-screen session screen. */
  screen = $state<'qr' | 'projector' | null>(null);
  /** The joined session, once fetched. */
  session = $state.raw<Session | null>(null);
  /** Why joining failed, in words. */
  joinError = $state<string | null>(null);
  /** The session's comments as this screen knows them (live). */
  view = $state.raw<SessionView | null>(null);
  /** Delivery of this device's comments to the session, by id. */
  delivery = $state.raw<ReadonlyMap<string, DeliveryState>>(new Map());
  /** Why a refused comment was refused, by id. */
  refusals = $state.raw<ReadonlyMap<string, string>>(new Map());
  /** Ids the facilitator hid, as a participant learns it (the event carries only the id). */
  removed = $state.raw<ReadonlySet<string>>(new Set());
  /** The comments this device supports (附议), as the server says. */
  supported = $state.raw<ReadonlySet<string>>(new Set());
  /** Comments waiting in the outbox. */
  pending = $state(0);
  /** False while the outbox cannot reach the server. */
  reachable = $state(true);
  live = $state<LiveState>('connecting');
  /** The page was opened at the facilitator's entry (`#host`): the login is offered. */
  host = $state(false);
  /** Logged in as facilitator (cookie session). */
  facilitator = $state(false);
  /** Bumped whenever the session's audit log grew (a live event or an action of this page). */
  auditVersion = $state(0);
  /** Bumped when someone tries to add a comment to a closed session. */
  closedAttempt = $state(0);

  /** How many devices support (附议) a session comment (0 outside a session). */
  supportsOf(id: string): number {
    return this.view?.comments.get(id)?.supports ?? 0;
  }

  /**
   * This device sent the comment to a pre-moderated session and the room does not see it yet:
   * it awaits the facilitator's approval (待审核). Approval brings it into the view.
   */
  awaitingApproval(id: string): boolean {
    return (
      this.session?.premoderated === true &&
      this.delivery.get(id) === 'sent' &&
      !this.facilitator &&
      !this.view?.comments.has(id) &&
      !this.removed.has(id)
    );
  }

  /** True while this page is in a session (joined or joining). */
  get active(): boolean {
    return this.sid !== null;
  }

  /** True when the joined session no longer takes comments. */
  get closed(): boolean {
    return this.session !== null && !this.session.open;
  }

  /**
   * The comments to show in session mode (null outside it): the session's, as
   * the server has them, plus this device's own not yet delivered, so a comment
   * written offline is on the map at once.
   */
  shown = $derived.by((): Comment[] | null => {
    const view = this.view;
    if (!this.sid || !view) return null;
    // Awaiting approval: in the facilitator's queue only, never on a map the room may see.
    const published = [...view.comments.values()].filter((c) => !c.pending);
    const list: Comment[] = published.map((c) => {
      // A session comment is a Comment plus the server's fields; the UI needs the Comment.
      const {
        seq: _seq,
        sessionId: _sid,
        hidden,
        hiddenReason: _r,
        hiddenAt: _a,
        reports: _n,
        supports: _s,
        placement: _p,
        pending: _w,
        topic: _t,
        answer: _answer,
        ...rest
      } = c;
      return { ...rest, status: hidden ? 'hidden' : 'visible' };
    });
    for (const own of comments.comments) {
      // Own comments on their way (or just sent, before the live event): shown already;
      // one the facilitator hid is not.
      if (this.delivery.has(own.id) && !view.comments.has(own.id) && !this.removed.has(own.id)) {
        list.push(own);
      }
    }
    return list;
  });
}

export const sessionModel = new SessionModel();
