import type { Context, Hono } from 'hono';
import type { Session } from '../lib/consultation/api';
import type { ApiEnv } from './app';
import { reportCsv, reportGeojson } from './report';
import type { ReportCache } from './reportCache';
import type { Db } from './store/db';
import { agendaOf } from './store/agenda';

/**
 * The report of a session (issue 22), open to anyone: the public version, or
 * the facilitator's full one when the request carries the facilitator cookie.
 * - GET …/report          → SessionReport JSON
 * - GET …/report.csv      → its rows as CSV (UTF-8 with BOM)
 * - GET …/report.geojson  → its rows as GeoJSON points
 */

export interface ReportRouteContext {
  db: Db;
  /** The session of `:sid`, or a 404/429. */
  session: (c: Context<ApiEnv>) => Promise<Session>;
  /** The reports kept in this process, brought up to date from the database on each read. */
  reports: ReportCache;
}

export function reportRoutes(
  api: Hono<ApiEnv>,
  { db, session, reports }: ReportRouteContext,
): void {
  /** The session, its agenda (small, and it changes without naming a comment: read fresh every time), the version. */
  const target = async (c: Context<ApiEnv>) => {
    const found = await session(c);
    const agenda = await agendaOf(db, found.id);
    return [found, agenda, c.get('facilitator') ? 'facilitator' : 'public'] as const;
  };
  const report = async (c: Context<ApiEnv>) => reports.report(...(await target(c)));
  api.get('/sessions/:sid/report', async (c) => {
    const chunks = await reports.json(...(await target(c)));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    return c.body(body, 200, {
      'Content-Type': 'application/json',
      'Content-Length': String(length),
    });
  });
  api.get('/sessions/:sid/report.csv', async (c) => {
    const built = await report(c);
    c.header('Content-Disposition', `attachment; filename="report-${built.session.id}.csv"`);
    return c.body(reportCsv(built), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
  api.get('/sessions/:sid/report.geojson', async (c) => {
    const built = await report(c);
    c.header('Content-Disposition', `attachment; filename="report-${built.session.id}.geojson"`);
    return c.body(reportGeojson(built), 200, {
      'Content-Type': 'application/geo+json; charset=utf-8',
    });
  });
}
