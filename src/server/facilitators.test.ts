import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { AuditList, FacilitatorList, MeResponse, type Session } from '../lib/consultation/api';
import { hashPassword } from './auth';
import { ensurePassword } from './password';
import { createServer, openDatabase } from './server';
import { DEFAULT_LIMITS } from './config';
import { MIGRATIONS } from './store/migrations';
import {
  DATABASES,
  freshPostgresDatabase,
  openTestDatabase,
  PASSWORD,
  testServer,
  type TestDatabase,
} from './testing/databases';
import { Phone, sampleComment, TestClient } from './testing/client';
import { DEFAULT_FACILITATOR } from '../lib/consultation/api';

/**
 * Named facilitators (issue 21): several accounts, each with its own
 * password, so the audit log says who did what. The first account is the one
 * FACILITATOR_PASSWORD (or the terminal) sets; the others are added by a
 * facilitator and can be removed, never the last one.
 */

describe.each(DATABASES)('named facilitators, on %s', (kind) => {
  let database: TestDatabase;
  let app: Hono;
  let host: TestClient;
  let session: Session;
  const me = async (client: TestClient) =>
    MeResponse.parse(await (await client.request('GET', '/api/auth/me')).json());
  const audit = async (client: TestClient) =>
    AuditList.parse(await (await client.request('GET', `/api/sessions/${session.id}/audit`)).json())
      .entries;
  const accounts = async (client: TestClient) =>
    FacilitatorList.parse(await (await client.request('GET', '/api/facilitators')).json());

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    app = (await testServer(database.db)).app;
    host = new TestClient(app);
    expect((await host.login(PASSWORD, DEFAULT_FACILITATOR)).status).toBe(200);
    session = await host.createSession('两位主持人');
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('a facilitator adds a second one, and each action in the audit log names who did it', async () => {
    const added = await host.request('POST', '/api/facilitators', {
      json: { username: '  王芳 ', password: 'wang-fang-2027' },
    });
    expect(added.status).toBe(201);
    expect((await added.json()).facilitator.username).toBe('王芳');

    const wang = new TestClient(app);
    expect((await wang.login('wang-fang-2027', '王芳')).status).toBe(200);
    expect(await me(wang)).toMatchObject({ facilitator: true, username: '王芳' });
    expect(await me(host)).toMatchObject({ facilitator: true, username: DEFAULT_FACILITATOR });

    const phone = await Phone.join(new TestClient(app), session.id);
    const comment = sampleComment('广告');
    expect((await phone.put(comment)).status).toBe(201);
    const hide = (client: TestClient) =>
      client.request('POST', `/api/sessions/${session.id}/comments/${comment.id}/hide`, {
        json: { reason: '广告' },
      });
    expect((await hide(wang)).status).toBe(200);
    expect(
      (
        await host.request('POST', `/api/sessions/${session.id}/comments/${comment.id}/restore`, {
          json: {},
        })
      ).status,
    ).toBe(200);

    const entries = await audit(wang);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['create', DEFAULT_FACILITATOR],
      ['hide', '王芳'],
      ['restore', DEFAULT_FACILITATOR],
    ]);

    const list = await accounts(wang);
    expect(list.facilitators.map((f) => [f.username, f.you])).toEqual([
      [DEFAULT_FACILITATOR, false],
      ['王芳', true],
    ]);
    expect(list.history.at(-1)).toMatchObject({
      action: 'add',
      username: '王芳',
      actor: DEFAULT_FACILITATOR,
    });
  });

  it('refuses a second account of the same name (any case), a short password and a bad name, with field and reason', async () => {
    const add = (json: unknown) => host.request('POST', '/api/facilitators', { json });
    const taken = await add({ username: '王芳', password: 'another-password' });
    expect(taken.status).toBe(409);
    expect((await taken.json()).code).toBe('conflict');
    expect((await add({ username: 'Li', password: 'li-password-1' })).status).toBe(201);
    expect((await add({ username: 'LI', password: 'li-password-2' })).status).toBe(409);

    for (const [json, field] of [
      [{ username: 'zhao', password: 'short' }, 'password'],
      [{ username: '', password: 'long enough' }, 'username'],
      [{ username: '   ', password: 'long enough' }, 'username'],
      [{ username: 'x'.repeat(33), password: 'long enough' }, 'username'],
      [{ username: 'a\u0007b', password: 'long enough' }, 'username'],
      [{ username: 'a\u202Eb', password: 'long enough' }, 'username'],
      [{ username: 'zhao' }, 'password'],
    ] as const) {
      const response = await add(json);
      expect(response.status, JSON.stringify(json)).toBe(400);
      const error = await response.json();
      expect(error.code).toBe('bad_request');
      expect(error.error).toContain(`${field}:`);
    }
    // A name is text: markup is kept as typed, never interpreted.
    const markup = '<b>赵</b>';
    expect((await add({ username: markup, password: 'zhao-password' })).status).toBe(201);
    expect((await accounts(host)).facilitators.map((f) => f.username)).toContain(markup);
  });

  it('answers an unknown user exactly as a wrong password, and both count towards the lock-out', async () => {
    const stranger = new TestClient(app);
    stranger.headers = { 'X-Forwarded-For': '10.7.7.7' };
    const unknown = await stranger.login('wang-fang-2027', 'nobody');
    const wrong = await stranger.login('not her password', '王芳');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it('removing an account ends its sessions at once, is audited, and keeps its past audit entries', async () => {
    const li = new TestClient(app);
    expect((await li.login('li-password-1', 'Li')).status).toBe(200);
    const liAgain = new TestClient(app);
    expect((await liAgain.login('li-password-1', 'li')).status).toBe(200); // a name matches in any case
    expect((await me(liAgain)).username).toBe('Li');
    expect(
      (await li.request('PATCH', `/api/sessions/${session.id}`, { json: { title: '李改的标题' } }))
        .status,
    ).toBe(200);

    const removed = await host.request('DELETE', `/api/facilitators/${encodeURIComponent('Li')}`);
    expect(removed.status).toBe(200);
    expect((await me(li)).facilitator).toBe(false);
    expect((await me(liAgain)).facilitator).toBe(false);
    expect(
      (await li.request('PATCH', `/api/sessions/${session.id}`, { json: { title: 'again' } }))
        .status,
    ).toBe(401);
    expect((await li.login('li-password-1', 'Li')).status).toBe(401);
    expect((await me(host)).facilitator).toBe(true);

    expect((await audit(host)).find((e) => e.action === 'update')?.actor).toBe('Li');
    expect((await accounts(host)).history.at(-1)).toMatchObject({
      action: 'remove',
      username: 'Li',
      actor: DEFAULT_FACILITATOR,
    });
    expect(
      (await host.request('DELETE', `/api/facilitators/${encodeURIComponent('Li')}`)).status,
    ).toBe(404);
  });

  it('a facilitator changes their own password: the old one stops working, their other logins end', async () => {
    const wang = new TestClient(app);
    expect((await wang.login('wang-fang-2027', '王芳')).status).toBe(200);
    const wangPhone = new TestClient(app);
    expect((await wangPhone.login('wang-fang-2027', '王芳')).status).toBe(200);
    const wrongCurrent = await wang.request('PUT', '/api/auth/password', {
      json: { current: 'not it', password: 'wang-fang-2028' },
    });
    expect(wrongCurrent.status).toBe(403);
    const changed = await wang.request('PUT', '/api/auth/password', {
      json: { current: 'wang-fang-2027', password: 'wang-fang-2028' },
    });
    expect(changed.status).toBe(200);
    expect((await me(wang)).facilitator).toBe(true);
    expect((await me(wangPhone)).facilitator).toBe(false);
    expect((await me(host)).facilitator).toBe(true);
    expect((await new TestClient(app).login('wang-fang-2027', '王芳')).status).toBe(401);
    expect((await new TestClient(app).login('wang-fang-2028', '王芳')).status).toBe(200);
  });

  it('a participant device token, another origin or a missing CSRF token never reach the account routes', async () => {
    const phone = await Phone.join(new TestClient(app), session.id);
    const asPhone = (method: string, path: string, json?: unknown) =>
      phone.client.request(method, path, { json, headers: { 'X-Device-Token': phone.token } });
    expect((await asPhone('GET', '/api/facilitators')).status).toBe(401);
    expect(
      (await asPhone('POST', '/api/facilitators', { username: 'x', password: 'xxxxxxxxxx' }))
        .status,
    ).toBe(401);
    expect((await asPhone('DELETE', '/api/facilitators/王芳')).status).toBe(401);
    expect(
      (await asPhone('PUT', '/api/auth/password', { current: 'x', password: 'xxxxxxxxxx' })).status,
    ).toBe(401);

    const noCsrf = await host.request('DELETE', `/api/facilitators/${encodeURIComponent('王芳')}`, {
      csrf: false,
    });
    expect(noCsrf.status).toBe(403);
    const fromElsewhere = await host.request(
      'DELETE',
      `/api/facilitators/${encodeURIComponent('王芳')}`,
      { headers: { Origin: 'http://evil.test' } },
    );
    expect(fromElsewhere.status).toBe(403);
    expect((await accounts(host)).facilitators.map((f) => f.username)).toContain('王芳');
  });

  // Last: it leaves one account.
  it('never removes the last account', async () => {
    for (const f of (await accounts(host)).facilitators) {
      if (f.username !== DEFAULT_FACILITATOR) {
        const path = `/api/facilitators/${encodeURIComponent(f.username)}`;
        expect((await host.request('DELETE', path)).status).toBe(200);
      }
    }
    const last = await host.request(
      'DELETE',
      `/api/facilitators/${encodeURIComponent(DEFAULT_FACILITATOR)}`,
    );
    expect(last.status).toBe(409);
    expect((await last.json()).code).toBe('last_facilitator');
    expect((await me(host)).facilitator).toBe(true);
    expect((await accounts(host)).facilitators).toHaveLength(1);
  });
});

describe.each(DATABASES)('the first account and upgrades, on %s', (kind) => {
  it('FACILITATOR_PASSWORD sets the first account: a new one ends only its sessions', async () => {
    const database = await openTestDatabase(kind);
    try {
      const { app } = await testServer(database.db);
      const host = new TestClient(app);
      await host.login();
      expect(
        (
          await host.request('POST', '/api/facilitators', {
            json: { username: 'wang', password: 'wang-password' },
          })
        ).status,
      ).toBe(201);
      const wang = new TestClient(app);
      expect((await wang.login('wang-password', 'wang')).status).toBe(200);
      const me = async (client: TestClient) =>
        (await (await client.request('GET', '/api/auth/me')).json()).facilitator;

      await ensurePassword(database.db, PASSWORD); // a restart with the same password
      expect(await me(host)).toBe(true);
      await ensurePassword(database.db, 'a new password for 2027'); // a restart with a new one
      expect(await me(host)).toBe(false);
      expect(await me(wang)).toBe(true);
      expect((await host.login(PASSWORD)).status).toBe(401);
      expect((await host.login('a new password for 2027')).status).toBe(200);

      // FACILITATOR_USER names another account: it is made (or reset), the first one stays.
      await ensurePassword(database.db, 'zhao-password', 'zhao');
      expect((await new TestClient(app).login('zhao-password', 'zhao')).status).toBe(200);
      expect((await host.login('a new password for 2027')).status).toBe(200);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('a database from before named accounts keeps its password, its facilitator logins and its audit log', async () => {
    const url = kind === 'postgres' ? await freshPostgresDatabase() : null;
    const dataDir =
      kind === 'pglite'
        ? (await import('node:fs')).mkdtempSync(
            (await import('node:path')).join((await import('node:os')).tmpdir(), 'lh-upgrade-'),
          )
        : '';
    // The database as the last release left it: migrations up to the one before named accounts.
    const before = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE facilitators'));
    expect(before).toBeGreaterThan(0);
    const old = url
      ? await (await import('./store/postgres')).openPostgres(url)
      : await (await import('./store/pglite')).openPglite(dataDir);
    const { splitStatements } = await import('./store/migrations');
    await old.query(
      'CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())',
    );
    for (let v = 1; v <= before; v++) {
      for (const statement of splitStatements(MIGRATIONS[v - 1]!)) await old.query(statement);
      await old.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v]);
    }
    await old.query(`INSERT INTO settings (key, value) VALUES ('facilitator_password', $1)`, [
      await hashPassword('the old shared password'),
    ]);
    await old.query(`INSERT INTO sessions (id, title) VALUES ('abcdef', 'old')`);
    await old.query(`INSERT INTO audit (session_id, action) VALUES ('abcdef', 'create')`);
    await old.close();

    const db = await openDatabase({ databaseUrl: url, dataDir });
    try {
      const { app } = await createServer(db, {
        limits: DEFAULT_LIMITS,
        publicOrigins: [],
        trustProxy: 0,
        distDir: null,
      });
      const host = new TestClient(app);
      expect((await host.login('the old shared password')).status).toBe(200);
      expect((await host.login('the old shared password', DEFAULT_FACILITATOR)).status).toBe(200);
      const entries = AuditList.parse(
        await (await host.request('GET', '/api/sessions/abcdef/audit')).json(),
      ).entries;
      // Before named accounts nobody knew who: the old entry says so, it is not rewritten.
      expect(entries.map((e) => [e.action, e.actor])).toEqual([['create', 'facilitator']]);
      await host.request('PATCH', '/api/sessions/abcdef', { json: { open: false } });
      const after = AuditList.parse(
        await (await host.request('GET', '/api/sessions/abcdef/audit')).json(),
      ).entries;
      expect(after.at(-1)).toMatchObject({ action: 'close', actor: DEFAULT_FACILITATOR });
    } finally {
      await db.close();
      if (dataDir) (await import('node:fs')).rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
