import type { Facilitator, FacilitatorAuditEntry } from '../../lib/consultation/api';
import { ApiFailure, notFound } from '../errors';
import type { Db, Queryable } from './db';

/**
 * Facilitator accounts: a name and an scrypt hash each (hashing is auth.ts's),
 * their logins in facilitator_sessions (removed with the account), and an
 * append-only history of who added, removed or reset whom. Names match in any
 * case ('Li' is 'li'); the stored spelling is the one shown.
 */

/** Serialises account changes across instances, so two removals cannot both see "not the last". */
const ACCOUNTS_LOCK = 724002;

export interface Account {
  username: string;
  passwordHash: string;
}

export async function findAccount(q: Queryable, username: string): Promise<Account | null> {
  const rows = await q.query<{ username: string; password_hash: string }>(
    'SELECT username, password_hash FROM facilitators WHERE lower(username) = lower($1)',
    [username],
  );
  return rows[0] ? { username: rows[0].username, passwordHash: rows[0].password_hash } : null;
}

export async function hasAccounts(q: Queryable): Promise<boolean> {
  return (await q.query('SELECT 1 FROM facilitators LIMIT 1')).length > 0;
}

async function record(
  tx: Queryable,
  action: FacilitatorAuditEntry['action'],
  username: string,
  actor: string | null,
) {
  await tx.query('INSERT INTO facilitator_audit (action, username, actor) VALUES ($1, $2, $3)', [
    action,
    username,
    actor,
  ]);
}

/** Accounts in the order they were made; `you` marks the asker's. */
export async function listAccounts(q: Queryable, you: string): Promise<Facilitator[]> {
  const rows = await q.query<{ username: string; created: Date }>(
    'SELECT username, created FROM facilitators ORDER BY created, username',
  );
  return rows.map((r) => ({
    username: r.username,
    created: new Date(r.created).toISOString(),
    you: r.username === you,
  }));
}

export async function accountHistory(q: Queryable): Promise<FacilitatorAuditEntry[]> {
  const rows = await q.query<{
    id: string;
    action: FacilitatorAuditEntry['action'];
    username: string;
    actor: string | null;
    at: Date;
  }>('SELECT * FROM facilitator_audit ORDER BY id');
  return rows.map((r) => ({
    id: Number(r.id),
    action: r.action,
    username: r.username,
    actor: r.actor,
    at: new Date(r.at).toISOString(),
  }));
}

/** A new account; 409 when the name is taken in any case. */
export async function addAccount(
  db: Db,
  username: string,
  passwordHash: string,
  actor: string,
): Promise<Facilitator> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ACCOUNTS_LOCK]);
    if (await findAccount(tx, username)) {
      throw new ApiFailure(409, 'conflict', `There is already a facilitator named ${username}.`);
    }
    const [row] = await tx.query<{ created: Date }>(
      'INSERT INTO facilitators (username, password_hash) VALUES ($1, $2) RETURNING created',
      [username, passwordHash],
    );
    await record(tx, 'add', username, actor);
    return { username, created: new Date(row!.created).toISOString(), you: false };
  });
}

/** Removes an account and, with it, every login of it; never the last one. */
export async function removeAccount(db: Db, username: string, actor: string): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ACCOUNTS_LOCK]);
    const account = await findAccount(tx, username);
    if (!account) throw notFound('This facilitator');
    const [{ n }] = (await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM facilitators',
    )) as [{ n: number }];
    if (n <= 1) {
      throw new ApiFailure(
        409,
        'last_facilitator',
        'This is the only facilitator account; add another one before removing it.',
      );
    }
    await tx.query('DELETE FROM facilitators WHERE username = $1', [account.username]);
    await record(tx, 'remove', account.username, actor);
    return account.username;
  });
}

/**
 * Sets an account's password, making the account when it does not exist (the
 * start's FACILITATOR_PASSWORD). Its logins end, except `keep` (the facilitator
 * who changed their own password stays logged in on that browser).
 */
export async function setAccountPassword(
  db: Db,
  username: string,
  passwordHash: string,
  actor: string | null,
  keep?: string,
): Promise<'created' | 'changed'> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ACCOUNTS_LOCK]);
    const account = await findAccount(tx, username);
    if (!account) {
      await tx.query('INSERT INTO facilitators (username, password_hash) VALUES ($1, $2)', [
        username,
        passwordHash,
      ]);
      await record(tx, 'add', username, actor);
      return 'created';
    }
    await tx.query('UPDATE facilitators SET password_hash = $2 WHERE username = $1', [
      account.username,
      passwordHash,
    ]);
    await tx.query(
      'DELETE FROM facilitator_sessions WHERE username = $1 AND token_hash IS DISTINCT FROM $2',
      [account.username, keep ?? null],
    );
    await record(tx, 'password', account.username, actor);
    return 'changed';
  });
}
