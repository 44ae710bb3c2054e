import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { AnswerRequest, MAX_BODY_BYTES } from '../lib/consultation/api';
import type { ApiEnv } from './app';
import type { Db } from './store/db';
import { answerHistory, setAnswer } from './store/answers';

/**
 * Answers (issue 22), facilitator only, behind the same checks as hide/restore
 * (cookie; for the POST also same origin and the CSRF token):
 * - POST …/comments/:id/answer   → 200 the comment with its current answer
 *   (409 when the comment is hidden)
 * - GET  …/comments/:id/answers  → every answer it was given, oldest first
 */

export interface AnswerRouteContext {
  db: Db;
  facilitator: MiddlewareHandler<ApiEnv>;
  tooLarge: (limit: number) => MiddlewareHandler<ApiEnv>;
  /** The session and comment of the path, or a 4xx (unknown session, id not a UUID). */
  target: (c: Context<ApiEnv>) => Promise<{ sid: string; id: string }>;
  /** The JSON body validated by `schema`, or a 400 naming the field and the reason. */
  body: <S extends z.ZodType>(c: Context, schema: S) => Promise<z.infer<S>>;
}

export function answerRoutes(api: Hono<ApiEnv>, ctx: AnswerRouteContext): void {
  api.post(
    '/sessions/:sid/comments/:id/answer',
    ctx.tooLarge(MAX_BODY_BYTES),
    ctx.facilitator,
    async (c) => {
      const { sid, id } = await ctx.target(c);
      const request = await ctx.body(c, AnswerRequest);
      return c.json({
        comment: await setAnswer(ctx.db, sid, id, request, c.get('facilitator')!.username),
      });
    },
  );
  api.get('/sessions/:sid/comments/:id/answers', ctx.facilitator, async (c) => {
    const { sid, id } = await ctx.target(c);
    return c.json({ answers: await answerHistory(ctx.db, sid, id) });
  });
}
