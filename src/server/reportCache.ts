import type { Agenda, Session } from '../lib/consultation/api';
import type { SessionReport } from '../lib/consultation/report';
import {
  reportBody,
  reportHead,
  reportJson,
  reportJsonTail,
  reportTotals,
  rowJson as reportRowJson,
  shows,
  type ReportVersion,
} from './report';
import type { Db } from './store/db';
import { changedReportComments, reportComments, type ReportComment } from './store/reportComments';

/**
 * The reports of the sessions read lately, kept in this process and brought up
 * to date from the database, never from this process's own writes: a session's
 * comments are kept with the `last_seq` they reflect. A read whose session
 * lookup says the same seq (or an older one) reuses them, and the report's
 * body already serialised for its version (the session part and the time are
 * fresh on every read); a newer seq reads only the comments that events after
 * the kept seq name (reportComments.ts) and patches them in. So several server
 * instances on one PostgreSQL each see the others' changes at their next read.
 *
 * The agenda (topic titles and order, in the totals) is read fresh by the
 * route on every request and is part of the built body's key.
 *
 * At most `maxSessions` sessions are kept, least recently read dropped first:
 * ~67 MB for a 20,000-comment session with both versions built (20 MB of
 * objects, 47 MB of JSON bytes: each row's and the whole), so ~270 MB at most
 * with four sessions at the 20,000-comment limit (docs/performance.md).
 */

export const REPORT_CACHE_SESSIONS = 4;

interface Built {
  seq: number;
  agendaKey: string;
  /** The JSON after the head: `,"totals":…,"rows":[…]}`. */
  tail: Uint8Array;
}

interface Kept {
  seq: number;
  /** In seq order (the order of the report's rows). */
  comments: Map<string, ReportComment>;
  built: Map<ReportVersion, Built>;
  /** The catch-up in flight: one at a time per session, in order. */
  queue: Promise<unknown>;
}

export class ReportCache {
  private readonly kept = new Map<string, Kept>();
  private readonly loading = new Map<string, Promise<Kept | null>>();
  /** Each kept comment's row as JSON, per version; gone with the comment when it is patched or dropped. */
  private readonly rowJson: Record<ReportVersion, WeakMap<ReportComment, Uint8Array>> = {
    public: new WeakMap(),
    facilitator: new WeakMap(),
  };

  constructor(
    private readonly db: Db,
    private readonly maxSessions = REPORT_CACHE_SESSIONS,
  ) {}

  /** The report of `session` (as just looked up) as JSON (UTF-8), in chunks. */
  async json(
    session: Session,
    agenda: Agenda,
    version: ReportVersion,
    now = new Date(),
  ): Promise<Uint8Array[]> {
    const kept = await this.upToDate(session);
    return reportJson(reportHead(session, version, now), this.built(kept, agenda, version).tail);
  }

  /** The report of `session` as an object (the CSV and GeoJSON downloads). */
  async report(
    session: Session,
    agenda: Agenda,
    version: ReportVersion,
    now = new Date(),
  ): Promise<SessionReport> {
    const kept = await this.upToDate(session);
    return {
      ...reportHead(session, version, now),
      ...reportBody(agenda, [...kept.comments.values()], version),
    };
  }

  /** How many sessions are kept now (tests, memory accounting). */
  get size(): number {
    return this.kept.size;
  }

  private async upToDate(session: Session): Promise<Kept> {
    let kept = this.kept.get(session.id);
    if (!kept) kept = await this.load(session.id);
    if (kept.seq < session.lastSeq) {
      const target = kept;
      const next = target.queue.then(() => this.catchUp(session.id, target, session.lastSeq));
      target.queue = next.catch(() => undefined);
      await next;
    }
    // Most recently read last, so the least recently read goes first.
    if (this.kept.get(session.id) === kept) {
      this.kept.delete(session.id);
      this.kept.set(session.id, kept);
    }
    return kept;
  }

  private async load(sid: string): Promise<Kept> {
    let loading = this.loading.get(sid);
    if (!loading) {
      loading = reportComments(this.db, sid).then((read) => {
        if (!read) return null;
        const kept: Kept = {
          seq: read.atSeq,
          comments: new Map(read.comments.map((c) => [c.id, c])),
          built: new Map(),
          queue: Promise.resolve(),
        };
        this.kept.set(sid, kept);
        while (this.kept.size > this.maxSessions) {
          this.kept.delete(this.kept.keys().next().value!);
        }
        return kept;
      });
      this.loading.set(sid, loading);
      void loading.finally(() => this.loading.delete(sid)).catch(() => undefined);
    }
    const kept = await loading;
    if (!kept) throw new Error(`session ${sid} vanished while its report was read`);
    return kept;
  }

  private async catchUp(sid: string, kept: Kept, target: number): Promise<void> {
    if (kept.seq >= target) return; // an earlier catch-up got there
    const delta = await changedReportComments(this.db, sid, kept.seq);
    if (!delta) throw new Error(`session ${sid} vanished while its report was read`);
    if (delta.atSeq <= kept.seq) return;
    for (const id of delta.gone) kept.comments.delete(id);
    let inOrder = true;
    let last = -Infinity;
    for (const c of kept.comments.values()) last = c.seq;
    for (const comment of delta.changed) {
      const known = kept.comments.get(comment.id);
      if (!known) {
        inOrder &&= comment.seq > last;
        last = Math.max(last, comment.seq);
      }
      kept.comments.set(comment.id, comment);
    }
    if (!inOrder) {
      const sorted = [...kept.comments.values()].sort((a, b) => a.seq - b.seq);
      kept.comments = new Map(sorted.map((c) => [c.id, c]));
    }
    kept.seq = delta.atSeq;
  }

  private built(kept: Kept, agenda: Agenda, version: ReportVersion): Built {
    const agendaKey = JSON.stringify(agenda.topics);
    const known = kept.built.get(version);
    if (known && known.seq === kept.seq && known.agendaKey === agendaKey) return known;
    const shown = [...kept.comments.values()].filter((c) => shows(version, c));
    // Each row's JSON is kept with the comment as read: only rows patched since are serialised again.
    const rowJson = this.rowJson[version];
    const rowsJson = shown.map((c) => {
      let json = rowJson.get(c);
      if (json === undefined) rowJson.set(c, (json = reportRowJson(c, version)));
      return json;
    });
    const built: Built = {
      seq: kept.seq,
      agendaKey,
      // The totals read kind, topic, place and answer, the same in every view of a shown comment.
      tail: reportJsonTail(reportTotals(agenda, shown), rowsJson),
    };
    kept.built.set(version, built);
    return built;
  }
}
