import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { DiscussRequest, PutAgendaRequest, type Session } from '../lib/consultation/api';
import type { ApiEnv } from './app';
import type { Db } from './store/db';
import { agendaOf, discuss, putAgenda } from './store/agenda';

/**
 * The agenda a session's room follows:
 * - GET  …/agenda      → the topics and the one discussed now (public, like the session)
 * - PUT  …/agenda      → replace the topics (facilitator: add, edit, reorder, remove)
 * - POST …/agenda/now  → 正在讨论: push a topic to every screen, or none (facilitator)
 * Facilitator routes go through the same middleware as every other facilitator
 * action (cookie, CSRF token, same origin); a device token counts for nothing there.
 */

export interface AgendaRouteContext {
  db: Db;
  session: (c: Context) => Promise<Session>;
  facilitator: MiddlewareHandler<ApiEnv>;
  /** The body size limit, before anything is read. */
  sized: MiddlewareHandler;
  /** The JSON body, validated (400 naming the field and the reason otherwise). */
  body: <S extends z.ZodType>(c: Context, schema: S) => Promise<z.infer<S>>;
}

export function agendaRoutes(api: Hono<ApiEnv>, ctx: AgendaRouteContext): void {
  api.get('/sessions/:sid/agenda', async (c) => {
    const { id } = await ctx.session(c);
    return c.json(await agendaOf(ctx.db, id));
  });
  api.put('/sessions/:sid/agenda', ctx.sized, ctx.facilitator, async (c) => {
    const { id } = await ctx.session(c);
    const { topics } = await ctx.body(c, PutAgendaRequest);
    return c.json(await putAgenda(ctx.db, id, topics, c.get('facilitator')!.username));
  });
  api.post('/sessions/:sid/agenda/now', ctx.sized, ctx.facilitator, async (c) => {
    const { id } = await ctx.session(c);
    const { topicId } = await ctx.body(c, DiscussRequest);
    return c.json(await discuss(ctx.db, id, topicId, c.get('facilitator')!.username));
  });
}
