import { networkInterfaces } from 'node:os';
import { serve } from '@hono/node-server';
import { hasPassword } from './auth';
import { configFromEnv } from './config';
import { ensurePassword, firstUsername } from './password';
import { createServer, openDatabase } from './server';
import { DataDirError } from './store/dataDir';
import type { Db } from './store/db';
import { DataDirLockedError } from './store/lock';

/**
 * `npm start` runs this, built to dist-server/main.js (`npm run build`; the
 * prestart builds it when missing or stale): opens the database (PGlite in
 * DATA_DIR, or PostgreSQL at DATABASE_URL) and serves app + API on one port.
 * `--api-only` skips the app (for `npm run dev`, where Vite serves it).
 * SIGINT/SIGTERM close connections and the database cleanly.
 */

const config = configFromEnv();
const apiOnly = process.argv.includes('--api-only');

/** A start that cannot go on for a reason the facilitator can fix: the message, no stack. */
function refuse(message: string): never {
  console.error(message);
  process.exit(2);
}

let firstFacilitator: string;
try {
  firstFacilitator = firstUsername(process.env.FACILITATOR_USER);
} catch (error) {
  refuse((error as Error).message);
}

let db: Db;
try {
  db = await openDatabase(config);
} catch (error) {
  if (error instanceof DataDirLockedError || error instanceof DataDirError) refuse(error.message);
  throw error;
}
await ensurePassword(db, process.env.FACILITATOR_PASSWORD, firstFacilitator);
const { app } = await createServer(db, {
  ...config,
  distDir: apiOnly ? null : config.distDir,
  firstFacilitator,
});
const passwordSet = await hasPassword(db);

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const everywhere = config.host === '0.0.0.0' || config.host === '::';
  const lines = [
    `Linhai Plan Map${apiOnly ? ' API' : ''} is running.`,
    `  On this computer: http://${everywhere ? 'localhost' : config.host}:${info.port}`,
  ];
  if (everywhere) {
    for (const list of Object.values(networkInterfaces())) {
      for (const net of list ?? []) {
        if (net.family === 'IPv4' && !net.internal)
          lines.push(`  On phones (same network): http://${net.address}:${info.port}`);
      }
    }
  }
  lines.push(
    db.kind === 'postgres'
      ? '  Data: PostgreSQL at DATABASE_URL'
      : `  Data: ${config.dataDir} (back it up by copying the folder while the server is stopped)`,
  );
  if (passwordSet && !process.env.FACILITATOR_PASSWORD)
    lines.push(
      `  Facilitator login: set (first account ${firstFacilitator}). To reset its password: FACILITATOR_PASSWORD=… npm start`,
    );
  lines.push('Stop with Ctrl-C.');
  console.log(lines.join('\n'));
});
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE')
    refuse(
      `Port ${config.port} is taken by another program. Stop it, or choose another port: PORT=8081 npm start`,
    );
  throw error;
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
