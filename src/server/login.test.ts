import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { DEFAULT_LIMITS } from './config';
import { createServer } from './server';
import {
  DATABASES,
  openTestDatabase,
  PASSWORD,
  testServer,
  type TestDatabase,
} from './testing/databases';
import { TestClient } from './testing/client';

/**
 * Facilitator login against strangers guessing the password: from the
 * facilitator's own address (a hall's shared router) and from many addresses.
 * The server trusts X-Forwarded-For here, so each client can have its own address.
 */

describe.each(DATABASES)('facilitator login under guessing, on %s', (kind) => {
  let database: TestDatabase;
  let app: Hono;
  const from = (ip: string) => {
    const client = new TestClient(app);
    client.headers = { 'X-Forwarded-For': ip };
    return client;
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await testServer(database.db); // sets the password
    app = (
      await createServer(database.db, {
        limits: {
          ...DEFAULT_LIMITS,
          loginBurst: 3,
          loginEverySeconds: 60,
          loginMaxLockSeconds: 900,
          loginAccountFailures: 20,
        },
        publicOrigins: [],
        trustProxy: 1,
        distDir: null,
      })
    ).app;
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('a stranger on the same address cannot keep out a facilitator who logged in on this browser before', async () => {
    const facilitator = from('10.0.0.1');
    expect((await facilitator.login()).status).toBe(200);
    expect((await facilitator.request('POST', '/api/auth/logout')).status).toBe(200);

    const stranger = from('10.0.0.1');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await stranger.login(`guess ${i}`)).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual(Array(9).fill(429));
    // The stranger's address is locked: even the right password waits there.
    const locked = await stranger.login();
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);

    expect((await facilitator.login()).status).toBe(200);
    expect((await facilitator.request('GET', '/api/auth/me')).status).toBe(200);
    expect((await (await facilitator.request('GET', '/api/auth/me')).json()).facilitator).toBe(
      true,
    );
  });

  it('a wrong current password when changing it counts as a failed login, on the same key', async () => {
    const laptop = from('10.3.0.1');
    expect((await laptop.login()).status).toBe(200);
    const change = (current: string) =>
      laptop.request('PUT', '/api/auth/password', {
        json: { current, password: 'a new password for 2027' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await change(`guess ${i}`)).status);
    expect(statuses).toEqual([403, 403, 403, 429, 429]);
    // This browser is held back now: the right current password waits, and so does its login.
    const locked = await change(PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await laptop.login()).status).toBe(429);
    // Nothing changed: the password still opens the account from elsewhere.
    expect((await from('10.3.0.2').login()).status).toBe(200);
  });

  it('failed logins and wrong current passwords add up on one key; a right one clears it', async () => {
    const host = from('10.4.0.1');
    expect((await host.login()).status).toBe(200);
    expect(
      (
        await host.request('POST', '/api/facilitators', {
          json: { username: 'li', password: 'li-password-1' },
        })
      ).status,
    ).toBe(201);
    const li = from('10.4.0.2');
    expect((await li.login('li-password-1', 'li')).status).toBe(200);
    const change = (current: string, password = 'li-password-2') =>
      li.request('PUT', '/api/auth/password', { json: { current, password } });

    // Two wrong tries, then the right current password: changed, and the count starts afresh.
    expect((await change('guess 1')).status).toBe(403);
    expect((await change('guess 2')).status).toBe(403);
    expect((await change('li-password-1')).status).toBe(200);
    expect((await change('guess 3', 'li-password-3')).status).toBe(403);
    expect((await change('guess 4', 'li-password-3')).status).toBe(403);
    // A failed login from the same browser is the third failure on its key: locked.
    expect((await li.login('guess 5', 'li')).status).toBe(401);
    expect((await change('li-password-2', 'li-password-3')).status).toBe(429);
  });

  it('a flood of wrong guesses from many addresses slows, but never blocks, the right password from a clean address', async () => {
    for (let i = 0; i < 30; i++) {
      expect((await from(`10.2.0.${i}`).login('wrong')).status).toBe(401);
    }
    const newBrowser = from('10.9.9.9');
    expect((await newBrowser.login()).status).toBe(200);
    // A flooding address that guessed wrong before is still held to its own back-off.
    const flooder = from('10.2.0.1');
    await flooder.login('wrong again');
    await flooder.login('and again');
    expect((await flooder.login()).status).toBe(429);
  }, 60_000);
});
