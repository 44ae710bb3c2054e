import type { TestProject } from 'vitest/node';
import { MISSING_POSTGRES, startCluster, type Cluster } from './postgresCluster';

/**
 * Vitest global setup: a real PostgreSQL for the server tests (which run
 * against it and against PGlite). DATABASE_URL_TEST points at a server you
 * own; otherwise a throwaway cluster is started here and stopped at the end.
 * Runs only when server tests are part of the run. Without PostgreSQL the
 * PostgreSQL half fails with a clear message rather than skipping.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresError: string;
  }
}

function runsServerTests(): boolean {
  const filters = process.argv
    .slice(2)
    .filter((a) => !a.startsWith('-') && a !== 'run' && !a.includes('='));
  return (
    filters.length === 0 ||
    filters.some((f) => f.includes('server') || 'src/server'.includes(f.replace(/\/$/, '')))
  );
}

let cluster: Cluster | null = null;

export async function setup(project: TestProject) {
  project.provide('postgresUrl', '');
  project.provide('postgresError', '');
  if (process.env.DATABASE_URL_TEST) {
    project.provide('postgresUrl', process.env.DATABASE_URL_TEST);
    return;
  }
  if (!runsServerTests()) return;
  try {
    cluster = await startCluster();
    project.provide('postgresUrl', cluster.url);
  } catch (error) {
    project.provide('postgresError', (error as Error).message || MISSING_POSTGRES);
  }
}

export function teardown() {
  cluster?.stop();
}
