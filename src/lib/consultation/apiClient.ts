import type { z } from 'zod';
import type { Comment } from '../comments/schema';
import {
  Agenda,
  ApiError,
  apiPath,
  AuditList,
  BulkModerationResponse,
  CommentList,
  CommentResponse,
  CSRF_HEADER,
  DEVICE_HEADER,
  DeviceList,
  DeviceResponse,
  FacilitatorList,
  FacilitatorResponse,
  HealthResponse,
  ImportResponse,
  MeResponse,
  MissingResponse,
  MuteResponse,
  MySupportsResponse,
  ReportResponse,
  Session,
  SessionList,
  SupportResponse,
  type AgendaTopic,
  type SessionComment,
  type BulkModerationRequest,
  type CreateSessionRequest,
  type UpdateSessionRequest,
  type AnswerRequest,
} from './api';
import { retryAfterMs } from './backoff';
import type { SendResult } from './outbox';

/**
 * The app's side of the consultation API (`api.ts`): one method per route,
 * every answer validated with the contract's schema, every failure an
 * `ApiFailure` with the server's own sentence. No DOM: `fetch` is injectable,
 * so tests run it against the real server in Node.
 */

/** A request that did not succeed: the HTTP status (0 = no answer), the server's code and sentence. */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
  /** No answer, or the server failed (5xx): worth trying again later. */
  get unreachable(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

export interface ApiClientOptions {
  /** The server's origin ('' = the page's own). */
  base?: string;
  fetch?: typeof fetch;
  /** Sent as `Origin` by callers that are not browsers (tests); browsers set it themselves. */
  headers?: Record<string, string>;
}

export class ConsultationApi {
  private readonly base: string;
  private readonly fetchImpl: typeof fetch;
  private readonly extraHeaders: Record<string, string>;
  /** The facilitator's CSRF token, from `me()` or `login()`. */
  csrf: string | undefined;

  constructor(options: ApiClientOptions = {}) {
    this.base = options.base ?? '';
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.extraHeaders = options.headers ?? {};
  }

  /** The URL of a path, for links (exports) and EventSource. */
  url(path: string): string {
    return `${this.base}${path}`;
  }

  /** Send a request; the raw Response, or ApiFailure(0) when nothing answered. */
  private async send(
    method: string,
    path: string,
    { body, device, csrf = false }: { body?: unknown; device?: string; csrf?: boolean } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...this.extraHeaders };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (device) headers[DEVICE_HEADER] = device;
    if (csrf && this.csrf) headers[CSRF_HEADER] = this.csrf;
    try {
      return await this.fetchImpl(this.url(path), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (error) {
      throw new ApiFailure(
        0,
        'unreachable',
        error instanceof Error ? error.message : String(error),
      );
    }
  }

  /** Parse a JSON answer with `schema`, or throw the server's error as ApiFailure. */
  private async read<T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> {
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const error = ApiError.safeParse(json);
      throw new ApiFailure(
        response.status,
        error.success ? error.data.code : 'http_error',
        error.success ? error.data.error : `HTTP ${response.status}`,
        retryAfterMs(response.headers.get('Retry-After')),
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      // A static file server answers /api/… with index.html: no consultation server here.
      throw new ApiFailure(
        response.status,
        'bad_response',
        'The server gave an unexpected answer.',
      );
    }
    return parsed.data;
  }

  private async call<T extends z.ZodType>(
    schema: T,
    method: string,
    path: string,
    options?: { body?: unknown; device?: string; csrf?: boolean },
  ): Promise<z.infer<T>> {
    return this.read(await this.send(method, path, options), schema);
  }

  health() {
    return this.call(HealthResponse, 'GET', '/api/health');
  }

  async me() {
    const me = await this.call(MeResponse, 'GET', '/api/auth/me');
    this.csrf = me.facilitator ? me.csrf : undefined;
    return me;
  }

  async login(username: string, password: string) {
    await this.call(MeResponse.partial(), 'POST', '/api/auth/login', {
      body: { username, password },
    });
    return this.me();
  }

  facilitators() {
    return this.call(FacilitatorList, 'GET', apiPath.facilitators);
  }

  async addFacilitator(username: string, password: string) {
    return (
      await this.call(FacilitatorResponse, 'POST', apiPath.facilitators, {
        body: { username, password },
        csrf: true,
      })
    ).facilitator;
  }

  async removeFacilitator(username: string): Promise<void> {
    const response = await this.send('DELETE', apiPath.facilitator(username), { csrf: true });
    if (!response.ok) await this.read(response, MeResponse.partial());
  }

  async changePassword(current: string, password: string) {
    return this.call(MeResponse, 'PUT', apiPath.password, {
      body: { current, password },
      csrf: true,
    });
  }

  async logout() {
    const response = await this.send('POST', '/api/auth/logout', { csrf: true });
    if (!response.ok) await this.read(response, MeResponse.partial());
    this.csrf = undefined;
  }

  sessions() {
    return this.call(SessionList, 'GET', '/api/sessions');
  }

  createSession(request: CreateSessionRequest) {
    return this.call(Session, 'POST', '/api/sessions', { body: request, csrf: true });
  }

  session(sid: string) {
    return this.call(Session, 'GET', apiPath.session(sid));
  }

  updateSession(sid: string, request: UpdateSessionRequest) {
    return this.call(Session, 'PATCH', apiPath.session(sid), { body: request, csrf: true });
  }

  async device(sid: string): Promise<string> {
    return (await this.call(DeviceResponse, 'POST', apiPath.devices(sid))).token;
  }

  /** One page of the comment list (`after` = the previous page's `next`). */
  commentPage(sid: string, after = 0) {
    return this.call(CommentList, 'GET', `${apiPath.comments(sid)}?after=${after}`);
  }

  /**
   * Every comment of the session, page by page. `lastSeq` is the first
   * page's: whatever changed while the later pages loaded is replayed by the
   * live feed from there (a comment seen twice is the same entry by id).
   */
  /** Every page of the list; `lastSeq` and `epoch` are the first page's (resume the feed from there). */
  async comments(
    sid: string,
  ): Promise<{ comments: SessionComment[]; lastSeq: number; epoch: string }> {
    const first = await this.commentPage(sid);
    const comments = [...first.comments];
    for (let next = first.next; next !== null;) {
      const page = await this.commentPage(sid, next);
      comments.push(...page.comments);
      next = page.next;
    }
    return { comments, lastSeq: first.lastSeq, epoch: first.epoch };
  }

  /** PUT a comment as the outbox needs it: never throws, says whether to retry. */
  async putComment(sid: string, device: string, comment: Comment): Promise<SendResult> {
    try {
      const response = await this.send('PUT', apiPath.comment(sid, comment.id), {
        body: comment,
        device,
      });
      await this.read(response, CommentResponse);
      return { ok: true, created: response.status === 201 };
    } catch (error) {
      const failure =
        error instanceof ApiFailure ? error : new ApiFailure(0, 'unreachable', String(error));
      if (failure.unreachable) return { ok: false, kind: 'unreachable', message: failure.message };
      if (failure.status === 429) {
        return {
          ok: false,
          kind: 'busy',
          retryAfterMs: failure.retryAfterMs ?? 5_000,
          message: failure.message,
        };
      }
      return { ok: false, kind: 'refused', code: failure.code, message: failure.message };
    }
  }

  async missing(sid: string, device: string, ids: readonly string[]): Promise<string[]> {
    const response = await this.call(MissingResponse, 'POST', apiPath.missing(sid), {
      body: { ids },
      device,
    });
    return response.missing;
  }

  async report(sid: string, device: string, id: string): Promise<void> {
    await this.call(ReportResponse, 'POST', apiPath.report(sid, id), { device });
  }

  /** 附议 (`on`) or withdraw it; the new count. */
  setSupport(sid: string, device: string, id: string, on: boolean) {
    return this.call(SupportResponse, on ? 'PUT' : 'DELETE', apiPath.support(sid, id), { device });
  }

  async mySupports(sid: string, device: string): Promise<string[]> {
    return (await this.call(MySupportsResponse, 'GET', apiPath.mySupports(sid), { device }))
      .commentIds;
  }

  async hide(sid: string, id: string, reason?: string) {
    const body = reason?.trim() ? { reason: reason.trim() } : {};
    return (await this.call(CommentResponse, 'POST', apiPath.hide(sid, id), { body, csrf: true }))
      .comment;
  }

  async restore(sid: string, id: string, reason?: string) {
    const body = reason?.trim() ? { reason: reason.trim() } : {};
    return (
      await this.call(CommentResponse, 'POST', apiPath.restore(sid, id), { body, csrf: true })
    ).comment;
  }

  /** Approve a comment awaiting approval (pre-moderation). */
  async approve(sid: string, id: string) {
    return (
      await this.call(CommentResponse, 'POST', apiPath.approve(sid, id), { body: {}, csrf: true })
    ).comment;
  }

  /** Hide, approve or restore a selection in one request: all of them, or none. */
  async moderateMany(
    sid: string,
    action: BulkModerationRequest['action'],
    ids: readonly string[],
    reason?: string,
  ) {
    const body = { action, ids, ...(reason?.trim() ? { reason: reason.trim() } : {}) };
    return (
      await this.call(BulkModerationResponse, 'POST', apiPath.bulkModeration(sid), {
        body,
        csrf: true,
      })
    ).comments;
  }

  /** Answer a comment (facilitator): the comment with its current answer. */
  async answer(sid: string, id: string, request: AnswerRequest) {
    return (
      await this.call(CommentResponse, 'POST', apiPath.answer(sid, id), {
        body: request,
        csrf: true,
      })
    ).comment;
  }

  importComments(sid: string, comments: readonly Comment[]) {
    return this.call(ImportResponse, 'POST', apiPath.import(sid), {
      body: { comments },
      csrf: true,
    });
  }

  devices(sid: string) {
    return this.call(DeviceList, 'GET', apiPath.devices(sid));
  }

  /** Mute (or unmute) a device by its label: all its comments hidden, its new ones refused. */
  muteDevice(sid: string, device: string, mute: boolean, reason?: string) {
    const body = reason?.trim() ? { reason: reason.trim() } : {};
    const path = mute ? apiPath.mute(sid, device) : apiPath.unmute(sid, device);
    return this.call(MuteResponse, 'POST', path, { body, csrf: true });
  }

  audit(sid: string) {
    return this.call(AuditList, 'GET', apiPath.audit(sid));
  }

  /** The agenda and the topic discussed now (public). */
  agenda(sid: string) {
    return this.call(Agenda, 'GET', apiPath.agenda(sid));
  }

  /** Replace the agenda: add, edit, reorder and remove are one replace (facilitator). */
  putAgenda(sid: string, topics: readonly AgendaTopic[]) {
    return this.call(Agenda, 'PUT', apiPath.agenda(sid), { body: { topics }, csrf: true });
  }

  /** 正在讨论: push a topic to every screen, or none (facilitator). */
  discuss(sid: string, topicId: string | null) {
    return this.call(Agenda, 'POST', apiPath.discuss(sid), { body: { topicId }, csrf: true });
  }
}
