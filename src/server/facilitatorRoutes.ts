import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import {
  AddFacilitatorRequest,
  ChangePasswordRequest,
  MAX_BODY_BYTES,
  Username,
  type FacilitatorList,
} from '../lib/consultation/api';
import type { ApiEnv } from './app';
import { hashPassword, verifyPassword } from './auth';
import { ApiFailure } from './errors';
import type { Db } from './store/db';
import * as accounts from './store/facilitators';

/**
 * Facilitator accounts, for logged-in facilitators only (cookie; for changes
 * also same origin and the CSRF token, through the app's `facilitator` check):
 * - GET    /facilitators            → the accounts and their history
 * - POST   /facilitators            → 201 a new account (name + first password)
 * - DELETE /facilitators/:username  → 200; its logins end; never the last one
 * - PUT    /auth/password           → change one's own password (the current one needed; a
 *                                     wrong one counts as a failed login, same key and back-off)
 */

/** The login throttle, for every check of a password (app.ts; docs/security.md, Facilitator login). */
export interface PasswordChecks {
  /** The key a request's failures count under: its known-browser cookie, else its address. */
  key(c: Context): string;
  /** Throws 429 while the key waits out its back-off. */
  notLocked(key: string): void;
  /** Runs `verify` as a counted attempt: a failure unless it answers something (the password was right). */
  check<T>(key: string, verify: () => Promise<T>): Promise<T>;
}

export interface FacilitatorRouteContext {
  db: Db;
  facilitator: MiddlewareHandler<ApiEnv>;
  body: <S extends z.ZodType>(c: Context, schema: S) => Promise<z.infer<S>>;
  tooLarge: (limit: number) => MiddlewareHandler;
  passwordChecks: PasswordChecks;
}

export function facilitatorRoutes(api: Hono<ApiEnv>, ctx: FacilitatorRouteContext): void {
  const { db, facilitator, body, passwordChecks } = ctx;
  const me = (c: Context<ApiEnv>) => c.get('facilitator')!;

  api.get('/facilitators', facilitator, async (c) => {
    const answer: FacilitatorList = {
      facilitators: await accounts.listAccounts(db, me(c).username),
      history: await accounts.accountHistory(db),
    };
    return c.json(answer);
  });

  api.post('/facilitators', ctx.tooLarge(MAX_BODY_BYTES), facilitator, async (c) => {
    const { username, password } = await body(c, AddFacilitatorRequest);
    const added = await accounts.addAccount(
      db,
      username,
      await hashPassword(password),
      me(c).username,
    );
    return c.json({ facilitator: added }, 201);
  });

  api.delete('/facilitators/:username', facilitator, async (c) => {
    const name = Username.safeParse(c.req.param('username'));
    if (!name.success) {
      throw new ApiFailure(400, 'bad_request', `Invalid path: ${name.error.issues[0]!.message}.`);
    }
    const removed = await accounts.removeAccount(db, name.data, me(c).username);
    return c.json({ removed });
  });

  api.put('/auth/password', ctx.tooLarge(MAX_BODY_BYTES), facilitator, async (c) => {
    const key = passwordChecks.key(c);
    passwordChecks.notLocked(key);
    const { current, password } = await body(c, ChangePasswordRequest);
    const session = me(c);
    const account = await passwordChecks.check(key, async () => {
      const found = await accounts.findAccount(db, session.username);
      return found && (await verifyPassword(current, found.passwordHash)) ? found : null;
    });
    if (!account) {
      throw new ApiFailure(403, 'forbidden', 'The current password is wrong; nothing changed.');
    }
    await accounts.setAccountPassword(
      db,
      account.username,
      await hashPassword(password),
      session.username,
      session.tokenHash,
    );
    return c.json({ facilitator: true, csrf: session.csrf, username: account.username });
  });
}
