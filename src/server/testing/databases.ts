import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../config';
import { createServer, openDatabase, type Server } from '../server';
import type { Db } from '../store/db';
import { setPassword } from '../auth';

/**
 * The two databases every server test runs on: the embedded PGlite (a temp
 * folder) and a real PostgreSQL (a fresh database in the cluster that the
 * global setup started). No mocks.
 */

export const DATABASES = ['pglite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASES)[number];
export const PASSWORD = 'correct horse battery';

/** A fresh PostgreSQL database for one test file; its URL. */
export async function freshPostgresDatabase(): Promise<string> {
  const error = inject('postgresError');
  const url = inject('postgresUrl');
  if (error || !url)
    throw new Error(
      error || 'No PostgreSQL for the tests (see src/server/testing/globalSetup.ts).',
    );
  const name = `lh_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

export interface TestDatabase {
  db: Db;
  url: string | null;
  dataDir: string | null;
  close(): Promise<void>;
}

export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'postgres') {
    const url = await freshPostgresDatabase();
    const db = await openDatabase({ databaseUrl: url, dataDir: '' });
    return { db, url, dataDir: null, close: () => db.close() };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'lh-pglite-'));
  const db = await openDatabase({ databaseUrl: null, dataDir });
  return {
    db,
    url: null,
    dataDir,
    async close() {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function testServer(
  db: Db,
  limits: Partial<Limits> = {},
  options: { trustProxy?: number; publicOrigins?: string[]; distDir?: string } = {},
): Promise<Server> {
  await setPassword(db, PASSWORD);
  return createServer(db, {
    limits: { ...DEFAULT_LIMITS, ...limits },
    publicOrigins: options.publicOrigins ?? [],
    trustProxy: options.trustProxy ?? 0,
    distDir: options.distDir ?? null,
    heartbeatMs: 1000,
  });
}
