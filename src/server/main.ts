import { networkInterfaces } from 'node:os';
import { serve } from '@hono/node-server';
import { appIsStale, buildApp } from './build';
import { configFromEnv } from './config';
import { ensurePassword } from './password';
import { createServer, openDatabase } from './server';
import type { Db } from './store/db';
import { DataDirLockedError } from './store/lock';

/**
 * `npm start`: builds the app if needed, opens the database (PGlite in
 * DATA_DIR, or PostgreSQL at DATABASE_URL), and serves app + API on one port.
 * `--api-only` skips the app (for `npm run dev`, where Vite serves it).
 * SIGINT/SIGTERM close connections and the database cleanly.
 */

const config = configFromEnv();
const apiOnly = process.argv.includes('--api-only');
const root = process.cwd();

if (!apiOnly && appIsStale(root, config.distDir)) buildApp(root);

let db: Db;
try {
  db = await openDatabase(config);
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
await ensurePassword(db, process.env.FACILITATOR_PASSWORD);
const { app } = await createServer(db, { ...config, distDir: apiOnly ? null : config.distDir });

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const where =
    db.kind === 'postgres'
      ? 'PostgreSQL (DATABASE_URL)'
      : `the embedded database in ${config.dataDir}`;
  console.log(
    `Linhai Plan Map consultation server on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port} — ${where}`,
  );
  if (config.host === '0.0.0.0') {
    for (const list of Object.values(networkInterfaces())) {
      for (const net of list ?? []) {
        if (net.family === 'IPv4' && !net.internal)
          console.log(`  on this network: http://${net.address}:${info.port}`);
      }
    }
  }
  console.log('ready');
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing…`);
  const forced = setTimeout(() => process.exit(1), 10_000);
  forced.unref();
  server.close();
  // Open event streams keep the server from closing; the clients reconnect and resume elsewhere or later.
  (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
