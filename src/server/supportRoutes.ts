import type { Context, Hono } from 'hono';
import type { SupportResponse } from '../lib/consultation/api';
import type { ApiEnv } from './app';
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
  /**
   * The session and the device's token hash, or a 4xx: everything checked before the device is
   * known (session code, comment id, token) goes through the app's small bucket for refusals.
   */
  participant: (c: Context, options: { commentId: boolean }) => Promise<Participant>;
  /** Throws 429 when the network or the device is over its limit (charged after authentication). */
  limitNetwork: (c: Context) => void;
  limitDevice: (deviceHash: string) => void;
  refundDevice: (deviceHash: string) => void;
}

export interface Participant {
  sid: string;
  deviceHash: string;
  /** The `:id` of the comment, when the route has one. */
  id: string;
}

export function supportRoutes(api: Hono<ApiEnv>, ctx: SupportRouteContext): void {
  const change = (supported: boolean) => async (c: Context<ApiEnv>) => {
    const { sid, id, deviceHash } = await ctx.participant(c, { commentId: true });
    ctx.limitNetwork(c);
    ctx.limitDevice(deviceHash);
    const outcome = await setSupport(ctx.db, sid, id, deviceHash, supported);
    if (!outcome.changed) ctx.refundDevice(deviceHash);
    const answer: SupportResponse = { supported: outcome.supported, supports: outcome.supports };
    return c.json(answer, supported && outcome.changed ? 201 : 200);
  };
  api.put('/sessions/:sid/comments/:id/support', change(true));
  api.delete('/sessions/:sid/comments/:id/support', change(false));
  api.get('/sessions/:sid/supports', async (c) => {
    const { sid, deviceHash } = await ctx.participant(c, { commentId: false });
    ctx.limitNetwork(c);
    return c.json({ commentIds: await supportedBy(ctx.db, sid, deviceHash) });
  });
}
