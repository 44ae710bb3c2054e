import type { CommentPageQuery } from '../lib/consultation/api';
import type { Db } from './store/db';
import { commentPage } from './store/queries';
import { publicComment } from './views';

/**
 * The comment list served in pages, each read at most once per state of its
 * session: a page is kept, as the JSON it is sent as, under the session's
 * `lastSeq` at the time, so twenty readers of the same page cost one query
 * and one serialisation, and any change (a new comment, a hide) makes a new
 * key — a page served again never shows what was hidden since. At most
 * `MAX_READS` pages are read from the database at once: PGlite has one
 * connection, and a queue of long reads would hold every write behind it.
 */

const MAX_READS = 2;
const MAX_KEPT = 64;

export class CommentPages {
  private readonly kept = new Map<string, Promise<string>>();
  private reading = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly epoch: string,
  ) {}

  /** The page as JSON text. */
  get(
    sid: string,
    lastSeq: number,
    query: CommentPageQuery,
    facilitator: boolean,
  ): Promise<string> {
    const key = `${sid}:${lastSeq}:${query.after}:${query.limit}:${facilitator ? 'f' : 'p'}`;
    const hit = this.kept.get(key);
    if (hit) {
      // Most recently used last, so the oldest goes first.
      this.kept.delete(key);
      this.kept.set(key, hit);
      return hit;
    }
    const page = this.read(sid, lastSeq, query, facilitator);
    this.kept.set(key, page);
    page.catch(() => this.kept.delete(key));
    while (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
    return page;
  }

  private async read(
    sid: string,
    lastSeq: number,
    query: CommentPageQuery,
    facilitator: boolean,
  ): Promise<string> {
    if (this.reading >= MAX_READS) await new Promise<void>((go) => this.waiting.push(go));
    this.reading++;
    try {
      const { comments, next } = await commentPage(this.db, sid, {
        ...query,
        visibleOnly: !facilitator,
      });
      return JSON.stringify({
        comments: facilitator ? comments : comments.map(publicComment),
        lastSeq,
        epoch: this.epoch,
        next,
      });
    } finally {
      this.reading--;
      this.waiting.shift()?.();
    }
  }
}
