import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import {
  CSRF_HEADER,
  DEFAULT_FACILITATOR,
  FACILITATOR_COOKIE,
  KNOWN_BROWSER_COOKIE,
} from '../lib/consultation/api';
import { ApiFailure } from './errors';
import type { Db, Queryable } from './store/db';
import { findAccount, hasAccounts, setAccountPassword } from './store/facilitators';
import { hashToken, newToken } from './store/queries';

/**
 * Facilitator authentication. Named accounts (store/facilitators.ts), each
 * password stored as an scrypt hash. A login makes a random session token kept
 * server-side (its hash) and sent as an HMAC-signed HttpOnly cookie, so a forged
 * cookie fails the signature and a logged-out cookie finds no session. Every
 * state change also needs the session's CSRF token in a header and a
 * same-origin request.
 */

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
export const SESSION_HOURS = 12;

/**
 * Checked against when a login names no account, so it costs what a wrong
 * password costs. The scrypt hash of a random password nobody kept (made once
 * with `hashPassword`); no account has it, so knowing it opens nothing.
 */
const DECOY_HASH =
  'scrypt$16384$8$1$NHb0TwZqesSfGET+bd91fg==$Gb4yki+L2QZBculZKcd+Rjm5OXxlb0OijCa2j74Tx6KhT08zhuzxsGy1EdL1/LoczuARJqA1xMIb8ZJ3ABo5mg==';

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, 64, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

async function setting(q: Queryable, key: string): Promise<string | null> {
  const rows = await q.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
  return rows[0]?.value ?? null;
}

/** Whether any facilitator can log in yet. */
export const hasPassword = (db: Db) => hasAccounts(db);

/**
 * Sets the password of the account `username` at start (FACILITATOR_PASSWORD
 * or the terminal), making the account when it does not exist. A different
 * password than the stored one ends that account's sessions, on every instance
 * (they live in the database), in the same transaction: rotating the password
 * is how a lost laptop is locked out. The same password again (every start
 * with FACILITATOR_PASSWORD) keeps them. Other accounts are left alone.
 */
export async function setPassword(
  db: Db,
  password: string,
  username: string = DEFAULT_FACILITATOR,
): Promise<'unchanged' | 'changed' | 'created'> {
  const account = await findAccount(db, username);
  if (account && (await verifyPassword(password, account.passwordHash))) return 'unchanged';
  return setAccountPassword(db, username, await hashPassword(password), null);
}

/** A logged-in facilitator: their login's token hash, its CSRF token and their account's name. */
export interface FacilitatorSession {
  tokenHash: string;
  csrf: string;
  username: string;
}

export class Auth {
  private constructor(
    private readonly db: Db,
    private readonly secret: Buffer,
  ) {}

  /** Loads (or makes, at first start) the cookie-signing secret, shared by all instances through the database. */
  static async open(db: Db): Promise<Auth> {
    await db.query(
      `INSERT INTO settings (key, value) VALUES ('cookie_secret', $1) ON CONFLICT (key) DO NOTHING`,
      [randomBytes(32).toString('base64')],
    );
    return new Auth(db, Buffer.from((await setting(db, 'cookie_secret'))!, 'base64'));
  }

  private sign(token: string): string {
    return createHmac('sha256', this.secret).update(token).digest('base64url');
  }

  /**
   * Checks the name and password; on success returns the cookie value, the
   * CSRF token and the account's stored name. An unknown name runs scrypt too
   * and answers the same null, so a guesser learns nothing of which names exist.
   */
  async login(
    username: string,
    password: string,
  ): Promise<{ cookie: string; csrf: string; username: string } | null> {
    const account = await findAccount(this.db, username);
    const right = await verifyPassword(password, account?.passwordHash ?? DECOY_HASH);
    if (!account || !right) {
      if (!account && !(await hasAccounts(this.db))) {
        throw new ApiFailure(
          503,
          'not_configured',
          'No facilitator password is set on this server. Restart it with FACILITATOR_PASSWORD=… (see docs/server.md).',
        );
      }
      return null;
    }
    const token = newToken();
    const csrf = newToken();
    await this.db.query(
      `INSERT INTO facilitator_sessions (token_hash, csrf, expires, username)
       VALUES ($1, $2, now() + make_interval(hours => $3), $4)`,
      [hashToken(token), csrf, SESSION_HOURS, account.username],
    );
    await this.db.query('DELETE FROM facilitator_sessions WHERE expires < now()');
    return { cookie: `${token}.${this.sign(token)}`, csrf, username: account.username };
  }

  /** A new known-browser cookie value: a random id with its signature. */
  knownBrowserCookie(): string {
    const id = newToken();
    return `${id}.${this.sign(`known:${id}`)}`;
  }

  /** The id of this request's known-browser cookie when its signature holds, else null. */
  knownBrowser(c: Context): string | null {
    const [id, signature] = (getCookie(c, KNOWN_BROWSER_COOKIE) ?? '').split('.');
    if (!id || !signature) return null;
    const expected = Buffer.from(this.sign(`known:${id}`));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
  }

  /** The facilitator session of this request's cookie, or null (no cookie, bad signature, logged out, expired). */
  async session(c: Context): Promise<FacilitatorSession | null> {
    const cookie = getCookie(c, FACILITATOR_COOKIE);
    if (!cookie) return null;
    const [token, signature] = cookie.split('.');
    if (!token || !signature) return null;
    const expected = Buffer.from(this.sign(token));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const rows = await this.db.query<{ csrf: string; username: string }>(
      'SELECT csrf, username FROM facilitator_sessions WHERE token_hash = $1 AND expires > now()',
      [hashToken(token)],
    );
    const row = rows[0];
    return row ? { tokenHash: hashToken(token), csrf: row.csrf, username: row.username } : null;
  }

  async logout(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM facilitator_sessions WHERE token_hash = $1', [tokenHash]);
  }
}

/**
 * A browser request from one of our own pages: its `Origin` names this host
 * (or one of `allowedOrigins`), or it has no Origin and says
 * `Sec-Fetch-Site: same-origin`.
 */
export function isSameOrigin(
  c: Context,
  allowedOrigins: readonly string[],
  trustProxy: number,
): boolean {
  const origin = c.req.header('Origin');
  if (!origin) return c.req.header('Sec-Fetch-Site') === 'same-origin';
  if (allowedOrigins.includes(origin)) return true;
  // Node's request URL is built from the Host header.
  const host = (trustProxy > 0 && c.req.header('X-Forwarded-Host')) || new URL(c.req.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function checkCsrf(c: Context, csrf: string): boolean {
  const given = Buffer.from(c.req.header(CSRF_HEADER) ?? '');
  const expected = Buffer.from(csrf);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
