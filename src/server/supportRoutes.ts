import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { SupportResponse } from '../lib/consultation/api';
import type { ApiEnv } from './app';
import { ApiFailure } from './errors';
import type { Db } from './store/db';
import { setSupport, supportedBy } from './store/supports';

/**
 * 附议 (support) routes, for participants' devices:
 * - PUT    …/comments/:id/support  → 201 the first time, 200 when it already was
 * - DELETE …/comments/:id/support  → 200 (withdrawn, or was not there)
 * - GET    …/supports              → the ids this device supports
 * Each change takes a token from the device's bucket like a comment does;
 * a request that changed nothing gives it back.
 */

export interface SupportRouteContext {
  db: Db;
  /** The device's token hash for this session, or a 401. */
  device: (c: Context, sid: string) => Promise<string>;
  /** The session's id, or a 404. */
  sessionId: (sid: string) => Promise<string>;
  /** Throws 429 when the network or the device is over its limit. */
  limitNetwork: (c: Context) => void;
  limitDevice: (deviceHash: string) => void;
  refundDevice: (deviceHash: string) => void;
}

const CommentId = z.uuid();

function commentId(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!CommentId.safeParse(id).success)
    throw new ApiFailure(
      400,
      'bad_request',
      `Invalid request: id: “${id.slice(0, 40)}” is not a UUID.`,
    );
  return id;
}

export function supportRoutes(api: Hono<ApiEnv>, ctx: SupportRouteContext): void {
  const change = (supported: boolean) => async (c: Context<ApiEnv>) => {
    ctx.limitNetwork(c);
    const sid = await ctx.sessionId(c.req.param('sid') ?? '');
    const id = commentId(c);
    const deviceHash = await ctx.device(c, sid);
    ctx.limitDevice(deviceHash);
    const outcome = await setSupport(ctx.db, sid, id, deviceHash, supported);
    if (!outcome.changed) ctx.refundDevice(deviceHash);
    const answer: SupportResponse = { supported: outcome.supported, supports: outcome.supports };
    return c.json(answer, supported && outcome.changed ? 201 : 200);
  };
  api.put('/sessions/:sid/comments/:id/support', change(true));
  api.delete('/sessions/:sid/comments/:id/support', change(false));
  api.get('/sessions/:sid/supports', async (c) => {
    const sid = await ctx.sessionId(c.req.param('sid'));
    const deviceHash = await ctx.device(c, sid);
    return c.json({ commentIds: await supportedBy(ctx.db, sid, deviceHash) });
  });
}
