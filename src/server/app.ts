import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import {
  CommentPageQuery,
  CreateSessionRequest,
  DEFAULT_FACILITATOR,
  DEVICE_HEADER,
  DEVICE_LABEL_PATTERN,
  FACILITATOR_COOKIE,
  ImportRequest,
  KNOWN_BROWSER_COOKIE,
  LoginRequest,
  MAX_BODY_BYTES,
  MAX_IMPORT_BODY_BYTES,
  MissingRequest,
  BulkModerationRequest,
  ModerationRequest,
  PutCommentRequest,
  RELOAD_EVENT_NAME,
  SESSION_ID_PATTERN,
  SSE_EVENT_NAMES,
  streamId,
  UpdateSessionRequest,
  type ApiError,
  type ReloadEvent,
  type SessionEvent,
} from '../lib/consultation/api';
import { Auth, checkCsrf, isSameOrigin, SESSION_HOURS, type FacilitatorSession } from './auth';
import type { Limits } from './config';
import { ApiFailure, notFound } from './errors';
import { auditCsv, sessionCsv, sessionGeojson } from './exports';
import { facilitatorRoutes, type PasswordChecks } from './facilitatorRoutes';
import { CommentPages } from './commentPages';
import type { DeviceTokens } from './deviceTokens';
import { LoginThrottle, TokenBuckets, UNKNOWN_SESSION_LOOKUPS } from './limits';
import { resumePoint, type LiveHub } from './live';
import { clientIp as addressOf, isHttps as overHttps } from './network';
import { openApiDocument } from './openapi';
import { loadPlacingPlan, placeComment } from './placing';
import { commentPlace } from '../lib/geo/commentPlace';
import type { Db } from './store/db';
import * as store from './store/queries';
import { agendaRoutes } from './agendaRoutes';
import { supportRoutes } from './supportRoutes';
import { answerRoutes } from './answerRoutes';
import { reportRoutes } from './reportRoutes';
import { ReportCache } from './reportCache';
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
  deviceTokens: DeviceTokens;
  limits: Limits;
  version: string;
  publicOrigins?: string[];
  /** Proxies of ours in front (TRUST_PROXY); 0: believe no forwarded headers. */
  trustProxy?: number;
  /** The live stream's epoch (store/epoch.ts). */
  epoch: string;
  /** SSE heartbeat interval; 15 s in production. */
  heartbeatMs?: number;
  /** The account a login without a username means (FACILITATOR_USER; default 主持人). */
  firstFacilitator?: string;
}

type Env = { Variables: { facilitator: FacilitatorSession | null } };
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

/** A server fault, logged without anything the client sent (no ids, no text, no database message). */
function logFault(c: Context, error: unknown): void {
  const e = error instanceof Error ? error : new Error(typeof error);
  const sqlState = (e as { code?: unknown }).code;
  const frames = (e.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  console.error(
    `api: ${c.req.method} ${c.req.routePath} failed: ${e.name}` +
      (typeof sqlState === 'string' ? ` (SQLSTATE ${sqlState})` : ''),
    ...(frames.length ? [`\n${frames.slice(0, 8).join('\n')}`] : []),
  );
}

const CommentIdParam = z.uuid();

/** The `:id` of a comment route: a UUID, or a 400 that says so. */
function commentIdOf(c: Context): string {
  const id = c.req.param('id');
  if (!CommentIdParam.safeParse(id).success)
    throw new ApiFailure(400, 'bad_request', 'The comment id in the path is not a UUID.');
  return id!;
}

const tooLarge = (limit: number) =>
  bodyLimit({
    maxSize: limit,
    onError: (c) =>
      fail(c, 413, 'too_large', `The request is larger than ${Math.round(limit / 1024)} KB.`),
  });

export function createApi(options: AppOptions): Hono<Env> {
  const { db, hub, auth, deviceTokens, limits } = options;
  const publicOrigins = options.publicOrigins ?? [];
  const trustProxy = options.trustProxy ?? 0;
  const { epoch } = options;
  const firstFacilitator = options.firstFacilitator ?? DEFAULT_FACILITATOR;
  /** The logged-in facilitator's name, for the audit log (routes behind `facilitator` only). */
  const actor = (c: Context<Env>) => c.get('facilitator')!.username;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const deviceBuckets = new TokenBuckets(limits.deviceBurst, limits.devicePerMinute / 60);
  const ipBuckets = new TokenBuckets(limits.ipBurst, limits.ipPerSecond);
  const unauthenticatedBuckets = new TokenBuckets(
    limits.unauthenticatedBurst,
    limits.unauthenticatedPerSecond,
  );
  const unknownSessionBuckets = new TokenBuckets(
    UNKNOWN_SESSION_LOOKUPS.burst,
    UNKNOWN_SESSION_LOOKUPS.perSecond,
  );
  const mintBuckets = new TokenBuckets(limits.deviceTokensBurst, limits.deviceTokensPerMinute / 60);
  const logins = new LoginThrottle({
    freeFailures: limits.loginBurst,
    firstLockSeconds: limits.loginEverySeconds,
    maxLockSeconds: limits.loginMaxLockSeconds,
    accountFailures: limits.loginAccountFailures,
  });
  // Device tokens already checked against the database (sid + hash), so a busy phone costs no extra query.
  const knownDevices = new Set<string>();
  const commentPages = new CommentPages(db, epoch);

  const clientIp = (c: Context): string => addressOf(c, trustProxy);

  const limit = (buckets: TokenBuckets, key: string, what: string) => {
    const wait = buckets.take(key);
    if (wait > 0) {
      throw new ApiFailure(429, 'rate_limited', `Too many ${what}; try again in ${wait} s.`, wait);
    }
  };

  const tooManyRefused = (wait: number) =>
    new ApiFailure(
      429,
      'rate_limited',
      `Too many refused requests from this network; try again in ${wait} s.`,
      wait,
    );

  /**
   * The part of a participant request before its device is known. Whatever
   * fails there (bad body, a token of no device, no such session) costs the
   * address a token of its small `unauthenticated` bucket and, once that is
   * empty, answers 429. The IP backstop is charged only after authentication,
   * so garbage cannot use up the hall's; real phones never touch this bucket.
   */
  const beforeAuth = async <T>(c: Context, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ApiFailure && error.status !== 429) {
        const wait = unauthenticatedBuckets.take(clientIp(c));
        if (wait > 0) throw tooManyRefused(wait);
      }
      throw error;
    }
  };

  /** Database work that garbage could trigger (an unknown code, an unsigned token): only while the address has refusals to spare. */
  const unlessRefusedTooOften = (c: Context) => {
    const wait = unauthenticatedBuckets.wait(clientIp(c));
    if (wait > 0) throw tooManyRefused(wait);
  };

  const isHttps = (c: Context) => overHttps(c, trustProxy);

  const api = new Hono<Env>();

  api.onError((error, c) => {
    if (error instanceof ApiFailure) {
      if (error.retryAfterSeconds) c.header('Retry-After', String(error.retryAfterSeconds));
      return fail(c, error.status, error.code, error.message);
    }
    logFault(c, error);
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
    const unknown = () =>
      new ApiFailure(
        401,
        'unauthorized',
        'This device token does not belong to this session; join the session again.',
      );
    const kind = deviceTokens.check(sid, token);
    if (kind === 'forged') throw unknown();
    if (kind === 'legacy') unlessRefusedTooOften(c);
    if (!(await store.deviceOf(db, sid, token))) throw unknown();
    if (knownDevices.size > 200_000) knownDevices.clear();
    knownDevices.add(`${sid}:${hash}`);
    return hash;
  };

  /** The caller already belongs to this session: the facilitator, or a device token of it. */
  const knowsSession = async (c: Context, sid: string): Promise<boolean> => {
    if (c.get('facilitator')) return true;
    const token = c.req.header(DEVICE_HEADER);
    return !!token && SESSION_ID_PATTERN.test(sid) && !!(await store.deviceOf(db, sid, token));
  };

  /** The session of `:sid`. Lookups of unknown codes are limited per address (limits.ts). */
  const sessionOr404 = async (c: Context) => {
    const sid = c.req.param('sid') ?? '';
    const ip = clientIp(c);
    const wait = unknownSessionBuckets.wait(ip);
    if (wait > 0 && !(await knowsSession(c, sid))) {
      throw new ApiFailure(
        429,
        'rate_limited',
        `Too many lookups of session codes that do not exist; try again in ${wait} s.`,
        wait,
      );
    }
    const session = SESSION_ID_PATTERN.test(sid) ? await store.getSession(db, sid) : null;
    if (!session) {
      unknownSessionBuckets.take(ip);
      throw notFound('This session');
    }
    return session;
  };

  api.get('/health', (c) =>
    c.json({ ok: true as const, database: db.kind, version: options.version }),
  );
  api.get('/openapi.json', (c) => c.json(openApiDocument(options.version)));

  /**
   * Every check of a facilitator's password (a login, the current password when changing it)
   * goes through the login throttle on one key: a browser that logged in before is counted
   * apart from its address (see limits.ts). While the key waits, 429 before anything is read;
   * each check counts as a failure until `check` proves the password right, which clears the key.
   */
  const passwordChecks: PasswordChecks = {
    key(c) {
      const known = auth.knownBrowser(c);
      return known ? `browser:${known}` : `ip:${clientIp(c)}`;
    },
    notLocked(key) {
      const wait = logins.wait(key);
      if (wait > 0) {
        throw new ApiFailure(
          429,
          'rate_limited',
          `Too many failed logins from here; try again in ${wait} s.`,
          wait,
        );
      }
    },
    async check(key, verify) {
      logins.attempt(key);
      const delay = logins.delayMs(key);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const right = await verify();
      if (right) logins.succeeded(key);
      return right;
    },
  };

  // ── facilitator login ──
  api.post('/auth/login', tooLarge(MAX_BODY_BYTES), async (c) => {
    if (!isSameOrigin(c, publicOrigins, trustProxy)) {
      return fail(c, 403, 'csrf', 'This request did not come from this site, so it was refused.');
    }
    const known = auth.knownBrowser(c);
    const key = passwordChecks.key(c);
    passwordChecks.notLocked(key);
    const { username, password } = await body(c, LoginRequest);
    const session = await passwordChecks.check(key, () =>
      auth.login(username ?? firstFacilitator, password),
    );
    if (!session) return fail(c, 401, 'unauthorized', 'Wrong username or password.');
    if (!known) {
      setCookie(c, KNOWN_BROWSER_COOKIE, auth.knownBrowserCookie(), {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/api/auth',
        secure: isHttps(c),
        maxAge: 400 * 24 * 3600,
      });
    }
    setCookie(c, FACILITATOR_COOKIE, session.cookie, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: isHttps(c),
      maxAge: SESSION_HOURS * 3600,
    });
    return c.json({ facilitator: true, csrf: session.csrf, username: session.username });
  });
  api.post('/auth/logout', facilitator, async (c) => {
    await auth.logout(c.get('facilitator')!.tokenHash);
    deleteCookie(c, FACILITATOR_COOKIE, { path: '/', secure: isHttps(c) });
    return c.json({ facilitator: false });
  });
  api.get('/auth/me', (c) => {
    const session = c.get('facilitator');
    return c.json(
      session
        ? { facilitator: true, csrf: session.csrf, username: session.username }
        : { facilitator: false },
    );
  });

  facilitatorRoutes(api, { db, facilitator, body, tooLarge, passwordChecks });

  // ── sessions ──
  api.post('/sessions', tooLarge(MAX_BODY_BYTES), facilitator, async (c) => {
    const input = await body(c, CreateSessionRequest);
    return c.json(await store.createSession(db, input, actor(c)), 201);
  });
  api.get('/sessions', facilitator, async (c) => c.json(await store.listSessions(db)));
  api.get('/sessions/:sid', async (c) => c.json(await sessionOr404(c)));
  api.patch('/sessions/:sid', tooLarge(MAX_BODY_BYTES), facilitator, async (c) => {
    const sid = (await sessionOr404(c)).id;
    return c.json(
      await store.updateSession(db, sid, await body(c, UpdateSessionRequest), actor(c)),
    );
  });

  // ── participants ──
  api.post('/sessions/:sid/devices', async (c) => {
    const sid = (await beforeAuth(c, () => sessionOr404(c))).id;
    limit(mintBuckets, clientIp(c), 'new devices from this network');
    const token = deviceTokens.mint(sid);
    await store.createDevice(db, sid, token);
    if (knownDevices.size > 200_000) knownDevices.clear();
    knownDevices.add(`${sid}:${store.hashToken(token)}`);
    return c.json({ token }, 201);
  });

  api.put('/sessions/:sid/comments/:id', tooLarge(MAX_BODY_BYTES), async (c) => {
    const sid = c.req.param('sid');
    const { comment, deviceHash } = await beforeAuth(c, async () => {
      if (!SESSION_ID_PATTERN.test(sid)) throw notFound('This session');
      const id = commentIdOf(c);
      const comment = await body(c, PutCommentRequest);
      if (comment.id.toLowerCase() !== id.toLowerCase()) {
        throw new ApiFailure(
          400,
          'bad_request',
          'The comment id in the path and in the body differ.',
        );
      }
      return { comment, deviceHash: await device(c, sid) };
    });
    limit(ipBuckets, clientIp(c), 'requests from this network');
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
    const sid = (await sessionOr404(c)).id;
    const query = CommentPageQuery.safeParse(c.req.query());
    if (!query.success) {
      throw new ApiFailure(400, 'bad_request', `Invalid query: ${describe(query.error)}.`);
    }
    const lastSeq = (await store.lastSeqOf(db, sid)) ?? 0;
    const page = await commentPages.get(sid, lastSeq, query.data, c.get('facilitator') !== null);
    return c.body(page, 200, { 'Content-Type': 'application/json' });
  });

  api.post('/sessions/:sid/comments/missing', tooLarge(MAX_IMPORT_BODY_BYTES), async (c) => {
    const { sid, ids } = await beforeAuth(c, async () => {
      const sid = c.req.param('sid');
      if (!SESSION_ID_PATTERN.test(sid)) throw notFound('This session');
      if (!c.get('facilitator')) await device(c, sid);
      await sessionOr404(c);
      return { sid, ...(await body(c, MissingRequest)) };
    });
    limit(ipBuckets, clientIp(c), 'requests from this network');
    return c.json({ missing: await store.missingIds(db, sid, ids) });
  });

  api.post(
    '/sessions/:sid/comments/import',
    tooLarge(MAX_IMPORT_BODY_BYTES),
    facilitator,
    async (c) => {
      const sid = (await sessionOr404(c)).id;
      const { comments } = await body(c, ImportRequest);
      const plan = await loadPlacingPlan().catch(() => null);
      const placeOf = (comment: (typeof comments)[number]) =>
        plan ? commentPlace([comment.lon, comment.lat], comment.section, plan) : null;
      return c.json(await store.importComments(db, sid, comments, placeOf, actor(c)));
    },
  );

  api.post('/sessions/:sid/comments/:id/report', async (c) => {
    const { sid, id, deviceHash } = await beforeAuth(c, async () => {
      const sid = c.req.param('sid');
      if (!SESSION_ID_PATTERN.test(sid)) throw notFound('This session');
      const id = commentIdOf(c);
      return { sid, id, deviceHash: await device(c, sid) };
    });
    limit(ipBuckets, clientIp(c), 'requests from this network');
    await store.reportComment(db, sid, id, deviceHash);
    return c.json({ reported: true as const });
  });

  supportRoutes(api, {
    db,
    participant: (c, { commentId }) =>
      beforeAuth(c, async () => {
        const sid = (await sessionOr404(c)).id;
        const id = commentId ? commentIdOf(c) : '';
        return { sid, id, deviceHash: await device(c, sid) };
      }),
    limitNetwork: (c) => limit(ipBuckets, clientIp(c), 'requests from this network'),
    limitDevice: (hash) => limit(deviceBuckets, hash, 'actions from this device'),
    refundDevice: (hash) => deviceBuckets.refund(hash),
  });

  agendaRoutes(api, {
    db,
    session: sessionOr404,
    facilitator,
    sized: tooLarge(MAX_BODY_BYTES),
    body,
  });

  // ── moderation ──
  api.post(
    '/sessions/:sid/comments/moderation',
    tooLarge(MAX_BODY_BYTES),
    facilitator,
    async (c) => {
      const sid = (await sessionOr404(c)).id;
      const { action, ids, reason } = await body(c, BulkModerationRequest);
      return c.json({ comments: await store.moderateMany(db, sid, ids, action, reason, actor(c)) });
    },
  );
  for (const action of ['hide', 'restore', 'approve'] as const) {
    api.post(
      `/sessions/:sid/comments/:id/${action}`,
      tooLarge(MAX_BODY_BYTES),
      facilitator,
      async (c) => {
        const sid = (await sessionOr404(c)).id;
        const id = commentIdOf(c);
        const hasBody = (c.req.header('Content-Type') ?? '').startsWith('application/json');
        const { reason } = hasBody ? await body(c, ModerationRequest) : {};
        return c.json({
          comment: await store.moderate(db, sid, id, action, reason, actor(c)),
        });
      },
    );
  }
  answerRoutes(api, {
    db,
    facilitator,
    tooLarge,
    body,
    target: async (c) => ({ sid: (await sessionOr404(c)).id, id: commentIdOf(c) }),
  });
  api.get('/sessions/:sid/devices', facilitator, async (c) => {
    const sid = (await sessionOr404(c)).id;
    return c.json({ devices: await store.deviceSummaries(db, sid) });
  });
  for (const action of ['mute', 'unmute'] as const) {
    api.post(
      `/sessions/:sid/devices/:device/${action}`,
      tooLarge(MAX_BODY_BYTES),
      facilitator,
      async (c) => {
        const sid = (await sessionOr404(c)).id;
        const label = c.req.param('device');
        if (!DEVICE_LABEL_PATTERN.test(label)) throw notFound('This device');
        const hasBody = (c.req.header('Content-Type') ?? '').startsWith('application/json');
        const { reason } = hasBody ? await body(c, ModerationRequest) : {};
        return c.json(
          await store.setDeviceMuted(db, sid, label, action === 'mute', reason, actor(c)),
        );
      },
    );
  }
  api.get('/sessions/:sid/audit', facilitator, async (c) => {
    const sid = (await sessionOr404(c)).id;
    return c.json({ entries: await store.auditLog(db, sid) });
  });
  api.get('/sessions/:sid/audit.csv', facilitator, async (c) => {
    const sid = (await sessionOr404(c)).id;
    c.header('Content-Disposition', `attachment; filename="session-${sid}-audit.csv"`);
    return c.body(auditCsv(await store.auditLog(db, sid)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
    });
  });

  // ── exports ──
  api.get('/sessions/:sid/export.geojson', facilitator, async (c) => {
    const session = await sessionOr404(c);
    const comments = await store.allComments(db, session.id);
    c.header('Content-Disposition', `attachment; filename="session-${session.id}.geojson"`);
    return c.body(sessionGeojson(comments), 200, {
      'Content-Type': 'application/geo+json; charset=utf-8',
    });
  });
  api.get('/sessions/:sid/export.csv', facilitator, async (c) => {
    const session = await sessionOr404(c);
    const comments = await store.allComments(db, session.id);
    c.header('Content-Disposition', `attachment; filename="session-${session.id}.csv"`);
    return c.body(sessionCsv(comments), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  reportRoutes(api, { db, session: sessionOr404, reports: new ReportCache(db) });

  // ── live ──
  api.get('/sessions/:sid/events', async (c) => {
    const session = await sessionOr404(c);
    const resume = resumePoint(
      c.req.header('Last-Event-ID') ?? c.req.query('after'),
      epoch,
      session.lastSeq,
    );
    const after = resume === 'reload' ? session.lastSeq : resume;
    const isFacilitator = c.get('facilitator') !== null;
    c.header('X-Accel-Buffering', 'no'); // nginx: do not buffer the stream
    return streamSSE(c, async (stream) => {
      // Browsers reconnect 2 s after a drop, sending Last-Event-ID.
      await stream.write('retry: 2000\n\n').catch(() => {});
      if (resume === 'reload') {
        // Its numbers are not ours: the client drops its view, reads the list again and resumes from there.
        const reload: ReloadEvent = { type: 'reload', epoch, lastSeq: session.lastSeq };
        await stream
          .writeSSE({
            id: streamId(epoch, session.lastSeq),
            event: RELOAD_EVENT_NAME,
            data: JSON.stringify(reload),
          })
          .catch(() => {});
      }
      let done: () => void = () => {};
      const finished = new Promise<void>((resolve) => (done = resolve));
      const unsubscribe = hub.subscribe(session.id, {
        facilitator: isFacilitator,
        lastSent: Math.min(after, Number.MAX_SAFE_INTEGER),
        send: async (event: SessionEvent) => {
          await stream.writeSSE({
            id: streamId(epoch, event.seq),
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
