import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import type { z } from 'zod';
import {
  CreateSessionRequest,
  DEVICE_HEADER,
  FACILITATOR_COOKIE,
  ImportRequest,
  LoginRequest,
  MAX_BODY_BYTES,
  MAX_IMPORT_BODY_BYTES,
  MissingRequest,
  ModerationRequest,
  PutCommentRequest,
  SESSION_ID_PATTERN,
  SSE_EVENT_NAMES,
  UpdateSessionRequest,
  type ApiError,
  type SessionEvent,
} from '../lib/consultation/api';
import { Auth, checkCsrf, isSameOrigin, SESSION_HOURS } from './auth';
import type { Limits } from './config';
import { ApiFailure, notFound } from './errors';
import { sessionCsv, sessionGeojson } from './exports';
import { TokenBuckets } from './limits';
import type { LiveHub } from './live';
import { openApiDocument } from './openapi';
import { loadPlacingPlan, placeComment } from './placing';
import { commentPlace } from '../lib/geo/commentPlace';
import type { Db } from './store/db';
import * as store from './store/queries';
import { supportRoutes } from './supportRoutes';
import { participantComment } from './views';

/**
 * The consultation API: thin routes that validate with the shared zod schemas
 * (src/lib/consultation/api.ts), call one store function and answer JSON.
 * Cross-cutting rules (facilitator auth + CSRF, rate limits, body limits,
 * errors) are middlewares and helpers here, not repeated per route.
 */

export interface AppOptions {
  db: Db;
  hub: LiveHub;
  auth: Auth;
  limits: Limits;
  version: string;
  publicOrigins?: string[];
  trustProxy?: boolean;
  /** SSE heartbeat interval; 15 s in production. */
  heartbeatMs?: number;
}

type Env = { Variables: { facilitator: { tokenHash: string; csrf: string } | null } };
export type ApiEnv = Env;

const fail = (c: Context, status: number, code: ApiError['code'], error: string) =>
  c.json({ error, code } satisfies ApiError, status as 400);

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}

/** The request's JSON body, validated; throws a 400 with zod's message otherwise. */
async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('Content-Type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ApiFailure(
      400,
      'bad_request',
      'Send the request body as JSON (Content-Type: application/json).',
    );
  }
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new ApiFailure(400, 'bad_request', 'The request body is not valid JSON.');
  }
  const result = schema.safeParse(json);
  if (!result.success)
    throw new ApiFailure(400, 'bad_request', `Invalid request: ${describe(result.error)}.`);
  return result.data;
}

const tooLarge = (limit: number) =>
  bodyLimit({
    maxSize: limit,
    onError: (c) =>
      fail(c, 413, 'too_large', `The request is larger than ${Math.round(limit / 1024)} KB.`),
  });

export function createApi(options: AppOptions): Hono<Env> {
  const { db, hub, auth, limits } = options;
  const publicOrigins = options.publicOrigins ?? [];
  const trustProxy = options.trustProxy ?? false;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const deviceBuckets = new TokenBuckets(limits.deviceBurst, limits.devicePerMinute / 60);
  const ipBuckets = new TokenBuckets(limits.ipBurst, limits.ipPerSecond);
  const loginBuckets = new TokenBuckets(limits.loginBurst, 1 / limits.loginEverySeconds);
  // Device tokens already checked against the database (sid + hash), so a busy phone costs no extra query.
  const knownDevices = new Set<string>();

  const clientIp = (c: Context): string => {
    if (trustProxy) {
      const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'local'; // app.request() in tests: no socket
    }
  };

  const limit = (buckets: TokenBuckets, key: string, what: string) => {
    const wait = buckets.take(key);
    if (wait > 0) {
      throw new ApiFailure(429, 'rate_limited', `Too many ${what}; try again in ${wait} s.`, wait);
    }
  };

  const isHttps = (c: Context) =>
    new URL(c.req.url).protocol === 'https:' ||
    (trustProxy && c.req.header('X-Forwarded-Proto') === 'https');

  const api = new Hono<Env>();

  api.onError((error, c) => {
    if (error instanceof ApiFailure) {
      if (error.retryAfterSeconds) c.header('Retry-After', String(error.retryAfterSeconds));
      return fail(c, error.status, error.code, error.message);
    }
    console.error('api:', error);
    return fail(
      c,
      500,
      'internal',
      'Something went wrong on the server; nothing was changed. Please try again.',
    );
  });
  api.notFound((c) =>
    fail(c, 404, 'not_found', `There is no API at ${c.req.method} ${c.req.path}.`),
  );

  api.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    c.set('facilitator', await auth.session(c));
    await next();
  });

  /** Facilitator only; for state changes also same-origin and the CSRF token. */
  const facilitator: MiddlewareHandler<Env> = async (c, next) => {
    const session = c.get('facilitator');
    if (!session) return fail(c, 401, 'unauthorized', 'Only a logged-in facilitator can do this.');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (!isSameOrigin(c, publicOrigins, trustProxy)) {
        return fail(c, 403, 'csrf', 'This request did not come from this site, so it was refused.');
      }
      if (!checkCsrf(c, session.csrf)) {
        return fail(
          c,
          403,
          'csrf',
          'The security token is missing or wrong; reload the page and try again.',
        );
      }
    }
    await next();
  };

  /** A participant's device token for this session. */
  const device = async (c: Context, sid: string): Promise<string> => {
    const token = c.req.header(DEVICE_HEADER);
    if (!token)
      throw new ApiFailure(
        401,
        'unauthorized',
        `This needs the device token (header ${DEVICE_HEADER}).`,
      );
    const hash = store.hashToken(token);
    if (knownDevices.has(`${sid}:${hash}`)) return hash;
    if (!(await store.deviceOf(db, sid, token))) {
      throw new ApiFailure(
        401,
        'unauthorized',
        'This device token does not belong to this session; join the session again.',
      );
    }
    if (knownDevices.size > 200_000) knownDevices.clear();
    knownDevices.add(`${sid}:${hash}`);
    return hash;
  };

  const sessionOr404 = async (sid: string) => {
    const session = SESSION_ID_PATTERN.test(sid) ? await store.getSession(db, sid) : null;
    if (!session) throw notFound(`The session “${sid.slice(0, 20)}”`);
    return session;
  };

  api.get('/health', (c) =>
    c.json({ ok: true as const, database: db.kind, version: options.version }),
  );
  api.get('/openapi.json', (c) => c.json(openApiDocument(options.version)));

  // ── facilitator login ──
  api.post('/auth/login', tooLarge(MAX_BODY_BYTES), async (c) => {
    if (!isSameOrigin(c, publicOrigins, trustProxy)) {
      return fail(c, 403, 'csrf', 'This request did not come from this site, so it was refused.');
    }
    limit(loginBuckets, clientIp(c), 'login attempts');
    const { password } = await body(c, LoginRequest);
    const session = await auth.login(password);
    if (!session) return fail(c, 401, 'unauthorized', 'Wrong password.');
    setCookie(c, FACILITATOR_COOKIE, session.cookie, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: isHttps(c),
      maxAge: SESSION_HOURS * 3600,
    });
    return c.json({ facilitator: true, csrf: session.csrf });
  });
  api.post('/auth/logout', facilitator, async (c) => {
    await auth.logout(c.get('facilitator')!.tokenHash);
    deleteCookie(c, FACILITATOR_COOKIE, { path: '/', secure: isHttps(c) });
    return c.json({ facilitator: false });
  });
  api.get('/auth/me', (c) => {
    const session = c.get('facilitator');
    return c.json(session ? { facilitator: true, csrf: session.csrf } : { facilitator: false });
  });

  // ── sessions ──
  api.post('/sessions', tooLarge(MAX_BODY_BYTES), facilitator, async (c) => {
    const input = await body(c, CreateSessionRequest);
    return c.json(await store.createSession(db, input), 201);
  });
  api.get('/sessions', facilitator, async (c) => c.json(await store.listSessions(db)));
  api.get('/sessions/:sid', async (c) => c.json(await sessionOr404(c.req.param('sid'))));
  api.patch('/sessions/:sid', tooLarge(MAX_BODY_BYTES), facilitator, async (c) => {
    const sid = (await sessionOr404(c.req.param('sid'))).id;
    return c.json(await store.updateSession(db, sid, await body(c, UpdateSessionRequest)));
  });

  // ── participants ──
  api.post('/sessions/:sid/devices', async (c) => {
    limit(ipBuckets, clientIp(c), 'requests from this network');
    const sid = (await sessionOr404(c.req.param('sid'))).id;
    return c.json({ token: await store.createDevice(db, sid) }, 201);
  });

  api.put('/sessions/:sid/comments/:id', tooLarge(MAX_BODY_BYTES), async (c) => {
    limit(ipBuckets, clientIp(c), 'requests from this network');
    const sid = c.req.param('sid');
    if (!SESSION_ID_PATTERN.test(sid)) throw notFound('This session');
    const comment = await body(c, PutCommentRequest);
    if (comment.id !== c.req.param('id')) {
      throw new ApiFailure(
        400,
        'bad_request',
        'The comment id in the path and in the body differ.',
      );
    }
    const deviceHash = await device(c, sid);
    limit(deviceBuckets, deviceHash, 'comments from this device');
    const result = await store.putComment(
      db,
      sid,
      comment,
      deviceHash,
      limits.sessionMaxComments,
      await placeComment(comment),
    );
    if (!result.created) deviceBuckets.refund(deviceHash);
    const shown = c.get('facilitator') ? result.comment : participantComment(result.comment);
    return c.json({ comment: shown }, result.created ? 201 : 200);
  });

  api.get('/sessions/:sid/comments', async (c) => {
    const sid = (await sessionOr404(c.req.param('sid'))).id;
    const { comments, lastSeq } = await store.listComments(db, sid);
    if (c.get('facilitator')) return c.json({ comments, lastSeq });
    return c.json({ comments: comments.filter((x) => !x.hidden).map(participantComment), lastSeq });
  });

  api.post('/sessions/:sid/comments/missing', tooLarge(MAX_IMPORT_BODY_BYTES), async (c) => {
    limit(ipBuckets, clientIp(c), 'requests from this network');
    const sid = (await sessionOr404(c.req.param('sid'))).id;
    if (!c.get('facilitator')) await device(c, sid);
    const { ids } = await body(c, MissingRequest);
    return c.json({ missing: await store.missingIds(db, sid, ids) });
  });

  api.post(
    '/sessions/:sid/comments/import',
    tooLarge(MAX_IMPORT_BODY_BYTES),
    facilitator,
    async (c) => {
      const sid = (await sessionOr404(c.req.param('sid'))).id;
      const { comments } = await body(c, ImportRequest);
      const plan = await loadPlacingPlan().catch(() => null);
      const placeOf = (comment: (typeof comments)[number]) =>
        plan ? commentPlace([comment.lon, comment.lat], comment.section, plan) : null;
      return c.json(await store.importComments(db, sid, comments, placeOf));
    },
  );

  api.post('/sessions/:sid/comments/:id/report', async (c) => {
    limit(ipBuckets, clientIp(c), 'requests from this network');
    const sid = (await sessionOr404(c.req.param('sid'))).id;
    const deviceHash = await device(c, sid);
    return c.json({ reports: await store.reportComment(db, sid, c.req.param('id'), deviceHash) });
  });

  supportRoutes(api, {
    db,
    device,
    sessionId: async (sid) => (await sessionOr404(sid)).id,
    limitNetwork: (c) => limit(ipBuckets, clientIp(c), 'requests from this network'),
    limitDevice: (hash) => limit(deviceBuckets, hash, 'actions from this device'),
    refundDevice: (hash) => deviceBuckets.refund(hash),
  });

  // ── moderation ──
  for (const action of ['hide', 'restore'] as const) {
    api.post(
      `/sessions/:sid/comments/:id/${action}`,
      tooLarge(MAX_BODY_BYTES),
      facilitator,
      async (c) => {
        const sid = (await sessionOr404(c.req.param('sid'))).id;
        const hasBody = (c.req.header('Content-Type') ?? '').startsWith('application/json');
        const { reason } = hasBody ? await body(c, ModerationRequest) : {};
        return c.json({
          comment: await store.moderate(db, sid, c.req.param('id'), action, reason),
        });
      },
    );
  }
  api.get('/sessions/:sid/audit', facilitator, async (c) => {
    const sid = (await sessionOr404(c.req.param('sid'))).id;
    return c.json({ entries: await store.auditLog(db, sid) });
  });

  // ── exports ──
  api.get('/sessions/:sid/export.geojson', facilitator, async (c) => {
    const session = await sessionOr404(c.req.param('sid'));
    const { comments } = await store.listComments(db, session.id);
    c.header('Content-Disposition', `attachment; filename="session-${session.id}.geojson"`);
    return c.body(sessionGeojson(comments), 200, {
      'Content-Type': 'application/geo+json; charset=utf-8',
    });
  });
  api.get('/sessions/:sid/export.csv', facilitator, async (c) => {
    const session = await sessionOr404(c.req.param('sid'));
    const { comments } = await store.listComments(db, session.id);
    c.header('Content-Disposition', `attachment; filename="session-${session.id}.csv"`);
    return c.body(sessionCsv(comments), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  // ── live ──
  api.get('/sessions/:sid/events', async (c) => {
    const session = await sessionOr404(c.req.param('sid'));
    const resume = c.req.header('Last-Event-ID') ?? c.req.query('after');
    const after = resume !== undefined && /^\d+$/.test(resume) ? Number(resume) : session.lastSeq;
    const isFacilitator = c.get('facilitator') !== null;
    c.header('X-Accel-Buffering', 'no'); // nginx: do not buffer the stream
    return streamSSE(c, async (stream) => {
      // Browsers reconnect 2 s after a drop, sending Last-Event-ID.
      await stream.write('retry: 2000\n\n').catch(() => {});
      let done: () => void = () => {};
      const finished = new Promise<void>((resolve) => (done = resolve));
      const unsubscribe = hub.subscribe(session.id, {
        facilitator: isFacilitator,
        lastSent: Math.min(after, Number.MAX_SAFE_INTEGER),
        send: async (event: SessionEvent) => {
          await stream.writeSSE({
            id: String(event.seq),
            event: SSE_EVENT_NAMES[event.type],
            data: JSON.stringify(event),
          });
        },
      });
      const heartbeat = setInterval(() => {
        stream.write(': heartbeat\n\n').catch(() => done());
      }, heartbeatMs);
      stream.onAbort(() => done());
      await finished;
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  return api;
}
