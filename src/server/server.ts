import { Hono } from 'hono';
import { version } from '../../package.json';
import { createApi } from './app';
import { loadPlacingPlan } from './placing';
import { Auth } from './auth';
import { DeviceTokens } from './deviceTokens';
import type { Config } from './config';
import { LiveHub } from './live';
import type { Db } from './store/db';
import { migrate } from './store/migrations';
import { HSTS, wantsHsts } from './network';
import { openStreamEpoch } from './store/epoch';
import { mountApp } from './static';

/** Opens the database named by the config: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  // Loaded on demand: a start loads only the database it uses.
  const db = config.databaseUrl
    ? await (await import('./store/postgres')).openPostgres(config.databaseUrl)
    : await (await import('./store/pglite')).openPglite(config.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** The release, bundled into the built server (it runs from dist-server/, away from package.json). */
export const VERSION: string = version;

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
    /** The account a login without a username means (FACILITATOR_USER; default 主持人). */
    firstFacilitator?: string;
  },
): Promise<Server> {
  // The plan that places comments, read in the background (see placing.ts).
  loadPlacingPlan(config.distDir ?? null).catch((error: Error) =>
    console.error(
      `placing: the plan could not be read (${error.message}); comments are stored unplaced`,
    ),
  );
  const hub = new LiveHub(db);
  await hub.start();
  const auth = await Auth.open(db);
  const epoch = await openStreamEpoch(db);
  const app = new Hono();
  // HTTPS only from the first answer on: the app, its files and the API alike.
  app.use('*', async (c, next) => {
    await next();
    if (wantsHsts(c, config.trustProxy, config.publicOrigins))
      c.header('Strict-Transport-Security', HSTS);
  });
  if (config.distDir) mountApp(app, config.distDir);
  app.route(
    '/api',
    createApi({
      db,
      hub,
      auth,
      deviceTokens: await DeviceTokens.open(db),
      limits: config.limits,
      version: VERSION,
      publicOrigins: config.publicOrigins,
      trustProxy: config.trustProxy,
      epoch,
      heartbeatMs: config.heartbeatMs,
      firstFacilitator: config.firstFacilitator,
    }),
  );
  // Unknown API paths are JSON 404s, never the app's HTML.
  app.all('/api/*', (c) =>
    c.json({ error: `There is no API at ${c.req.method} ${c.req.path}.`, code: 'not_found' }, 404),
  );
  return { app, db, hub };
}
