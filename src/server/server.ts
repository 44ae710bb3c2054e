import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { createApi } from './app';
import { loadPlacingPlan } from './placing';
import { Auth } from './auth';
import type { Config } from './config';
import { LiveHub } from './live';
import type { Db } from './store/db';
import { migrate } from './store/migrations';
import { openPglite } from './store/pglite';
import { openPostgres } from './store/postgres';
import { mountApp } from './static';

/** Opens the database named by the config: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPglite(config.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export const VERSION: string = (() => {
  try {
    return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
})();

export interface Server {
  app: Hono;
  db: Db;
  hub: LiveHub;
}

/** The whole server over an open database: API under /api and, when asked, the built app. */
export async function createServer(
  db: Db,
  config: Pick<Config, 'limits' | 'publicOrigins' | 'trustProxy'> & {
    distDir?: string | null;
    heartbeatMs?: number;
  },
): Promise<Server> {
  // The plan that places comments, read in the background (see placing.ts).
  void loadPlacingPlan(config.distDir ?? null);
  const hub = new LiveHub(db);
  await hub.start();
  const auth = await Auth.open(db);
  const app = new Hono();
  if (config.distDir) mountApp(app, config.distDir);
  app.route(
    '/api',
    createApi({
      db,
      hub,
      auth,
      limits: config.limits,
      version: VERSION,
      publicOrigins: config.publicOrigins,
      trustProxy: config.trustProxy,
      heartbeatMs: config.heartbeatMs,
    }),
  );
  // Unknown API paths are JSON 404s, never the app's HTML.
  app.all('/api/*', (c) =>
    c.json({ error: `There is no API at ${c.req.method} ${c.req.path}.`, code: 'not_found' }, 404),
  );
  return { app, db, hub };
}
