/**
 * The one storage interface: plain PostgreSQL-15 SQL with `$1` placeholders,
 * the same for the embedded PGlite and a real PostgreSQL server, so both run
 * the same migrations, queries and test suite.
 */

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onEvent(sessionId, seq)` for every committed event, from any server
   * instance sharing the database. `onReconnect` runs after a lost listener is
   * back, so callers can catch up on what they may have missed.
   */
  listen(onEvent: (sessionId: string, seq: number) => void, onReconnect: () => void): Promise<void>;
  /** Announces a committed event; call inside the transaction that wrote it (delivered on commit). */
  notify(tx: Queryable, sessionId: string, seq: number): Promise<void>;
  /** Announces committed events once the transaction is over (the embedded database's in-process path). */
  afterCommit(events: { sessionId: string; seq: number }[]): void;
  close(): Promise<void>;
}

/** The channel the server instances share over LISTEN/NOTIFY; payload `sessionId:seq`. */
export const EVENTS_CHANNEL = 'lh_events';

export function parseNotification(payload: string): { sessionId: string; seq: number } | null {
  const match = /^([a-z2-7]{6}):(\d+)$/.exec(payload);
  return match ? { sessionId: match[1]!, seq: Number(match[2]) } : null;
}
