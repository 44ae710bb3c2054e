import type { Context, Hono } from 'hono';
import type { Session } from '../lib/consultation/api';
import type { ApiEnv } from './app';
import { buildReport, reportCsv, reportGeojson } from './report';
import type { Db } from './store/db';
import { agendaOf } from './store/agenda';
import { allComments } from './store/queries';

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
}

export function reportRoutes(api: Hono<ApiEnv>, { db, session }: ReportRouteContext): void {
  const report = async (c: Context<ApiEnv>) => {
    const found = await session(c);
    const [agenda, comments] = await Promise.all([
      agendaOf(db, found.id),
      allComments(db, found.id),
    ]);
    return buildReport(found, agenda, comments, c.get('facilitator') ? 'facilitator' : 'public');
  };
  api.get('/sessions/:sid/report', async (c) => c.json(await report(c)));
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
