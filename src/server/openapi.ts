import { z } from 'zod';
import * as api from '../lib/consultation/api';
import { SessionReport } from '../lib/consultation/report';

/**
 * The OpenAPI 3.1 description of the API, generated from the same zod schemas
 * the server validates with and the app imports (JSON Schema 2020-12 through
 * zod 4's `z.toJSONSchema`), so the document cannot drift from the code.
 */

const SCHEMAS = {
  Session: api.Session,
  SessionList: api.SessionList,
  CreateSessionRequest: api.CreateSessionRequest,
  UpdateSessionRequest: api.UpdateSessionRequest,
  DeviceResponse: api.DeviceResponse,
  Comment: api.PutCommentRequest,
  SessionComment: api.SessionComment,
  CommentPlacement: api.CommentPlacement,
  CommentResponse: api.CommentResponse,
  CommentList: api.CommentList,
  MissingRequest: api.MissingRequest,
  MissingResponse: api.MissingResponse,
  ReportResponse: api.ReportResponse,
  ModerationRequest: api.ModerationRequest,
  BulkModerationRequest: api.BulkModerationRequest,
  BulkModerationResponse: api.BulkModerationResponse,
  ImportRequest: api.ImportRequest,
  ImportResponse: api.ImportResponse,
  AuditList: api.AuditList,
  DeviceList: api.DeviceList,
  MuteResponse: api.MuteResponse,
  SupportResponse: api.SupportResponse,
  AnswerRequest: api.AnswerRequest,
  CommentAnswer: api.CommentAnswer,
  AnswerHistory: api.AnswerHistory,
  MySupportsResponse: api.MySupportsResponse,
  Agenda: api.Agenda,
  AgendaTopic: api.AgendaTopic,
  PutAgendaRequest: api.PutAgendaRequest,
  DiscussRequest: api.DiscussRequest,
  LoginRequest: api.LoginRequest,
  AddFacilitatorRequest: api.AddFacilitatorRequest,
  ChangePasswordRequest: api.ChangePasswordRequest,
  FacilitatorResponse: api.FacilitatorResponse,
  FacilitatorList: api.FacilitatorList,
  MeResponse: api.MeResponse,
  HealthResponse: api.HealthResponse,
  SessionEvent: api.SessionEvent,
  ReloadEvent: api.ReloadEvent,
  HiddenCommentNotice: api.HiddenCommentNotice,
  ApiError: api.ApiError,
  SessionReport,
} as const;

type Name = keyof typeof SCHEMAS;
const ref = (name: Name) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: Name, description = 'OK') => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});

/**
 * The error answers, from one table: each check a route makes (src/server/app.ts)
 * names the statuses it can answer, and a route's document lists the union of
 * its checks', so no route can forget one.
 */
const ERRORS = {
  session: [
    [404, 'No session has this code'],
    [429, 'Too many lookups of unknown session codes from this address (see Retry-After)'],
  ],
  comment: [
    [400, 'The comment id in the path is not a UUID'],
    [404, 'No comment has this id in this session'],
  ],
  body: [
    [400, 'Invalid body: the message names the field and the reason'],
    [413, 'The body is larger than the limit'],
  ],
  facilitator: [[401, 'Not logged in as facilitator']],
  write: [[403, 'Refused: from another origin, or the CSRF token is missing or wrong (code csrf)']],
  device: [[401, 'The device token is missing or not one of this session']],
  limited: [[429, 'Too many requests (see Retry-After)']],
  put: [
    [
      403,
      'The session is closed or its closesAt has passed (code session_closed), it is full (session_full), or this device is muted (device_muted)',
    ],
    [409, 'This id is another device’s comment, or a version that cannot be applied'],
  ],
  query: [[400, 'Invalid query: the message names the parameter and the reason']],
  deviceLabel: [[404, 'No device of this session has this label']],
  support: [
    [
      403,
      'The device’s own comment (code own_comment), or the session is closed or its closesAt has passed (session_closed)',
    ],
    [404, 'No visible comment has this id in this session'],
  ],
  bulk: [[404, 'An id is not a comment of this session (nothing was changed)']],
  topic: [[404, 'No topic of this session’s agenda has this id']],
  answer: [[409, 'The comment is hidden: a hidden comment cannot carry a public answer']],
  login: [
    [401, 'Wrong username or password (the same answer for a name that does not exist)'],
    [403, 'Refused: from another origin'],
    [429, 'Too many attempts (see Retry-After)'],
    [503, 'No facilitator password is set on this server'],
  ],
  account: [
    [400, 'The username in the path is not a valid name'],
    [404, 'No facilitator has this name'],
    [409, 'The only facilitator account cannot be removed (code last_facilitator)'],
  ],
  newAccount: [[409, 'A facilitator of this name exists already, in any case (code conflict)']],
  currentPassword: [
    [403, 'The current password is wrong (code forbidden); it counts as a failed login'],
    [429, 'Too many failed logins or wrong current passwords from here (see Retry-After)'],
  ],
} as const satisfies Record<string, readonly (readonly [number, string])[]>;
type Check = keyof typeof ERRORS;

function errorResponses(checks: readonly Check[]) {
  const byStatus = new Map<number, string[]>();
  for (const check of checks) {
    for (const [status, description] of ERRORS[check]) {
      byStatus.set(status, [...(byStatus.get(status) ?? []), description]);
    }
  }
  return Object.fromEntries(
    [...byStatus].map(([status, descriptions]) => [
      status,
      json('ApiError', [...new Set(descriptions)].join('; or ')),
    ]),
  );
}

/** An operation with its error answers generated from `checks`. */
function op({ checks = [], responses, ...rest }: Operation & { checks?: readonly Check[] }) {
  return { ...rest, responses: { ...responses, ...errorResponses(checks) } };
}
type Operation = { summary: string; responses: Record<number, unknown> } & Record<string, unknown>;
const requestBody = (name: Name) => ({
  required: true,
  content: { 'application/json': { schema: ref(name) } },
});

const sid = {
  name: 'sid',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[a-z2-7]{6}$' },
};
const cid = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const device = {
  name: api.DEVICE_HEADER,
  in: 'header',
  required: true,
  schema: { type: 'string' },
};
const deviceLabel = {
  name: 'device',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[0-9a-f]{8}$' },
};
const csrf = { name: api.CSRF_HEADER, in: 'header', required: true, schema: { type: 'string' } };
const facilitatorOnly = [{ facilitatorCookie: [] }];

export function openApiDocument(version: string) {
  const schemas = Object.fromEntries(
    Object.entries(SCHEMAS).map(([name, schema]) => {
      const { $schema: _ignored, ...rest } = z.toJSONSchema(schema as z.ZodType, {
        io: name.endsWith('Request') ? 'input' : 'output',
        unrepresentable: 'any',
      }) as Record<string, unknown>;
      return [name, rest];
    }),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Linhai Plan Map consultation API',
      version,
      description:
        'Consultation sessions: participants comment from their phones (anonymous device tokens), pins appear live over server-sent events, facilitators moderate. Errors are `{error, code}`.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas,
      securitySchemes: {
        facilitatorCookie: { type: 'apiKey', in: 'cookie', name: api.FACILITATOR_COOKIE },
      },
    },
    paths: {
      '/api/health': {
        get: op({
          summary: 'Which database is in use',
          responses: { 200: json('HealthResponse') },
        }),
      },
      '/api/auth/login': {
        post: op({
          summary: 'Facilitator login (sets the lh_fac cookie)',
          requestBody: requestBody('LoginRequest'),
          checks: ['body', 'login'],
          responses: { 200: json('MeResponse') },
        }),
      },
      '/api/auth/password': {
        put: op({
          summary:
            'Change my own password (the current one needed); my other logins end, this one stays; recorded in the account history',
          security: facilitatorOnly,
          parameters: [csrf],
          requestBody: requestBody('ChangePasswordRequest'),
          checks: ['facilitator', 'write', 'body', 'currentPassword'],
          responses: { 200: json('MeResponse') },
        }),
      },
      '/api/facilitators': {
        get: op({
          summary: 'The facilitator accounts and every change to them (append-only)',
          security: facilitatorOnly,
          checks: ['facilitator'],
          responses: { 200: json('FacilitatorList') },
        }),
        post: op({
          summary: 'Add a facilitator: a username and a first password; recorded with who added it',
          security: facilitatorOnly,
          parameters: [csrf],
          requestBody: requestBody('AddFacilitatorRequest'),
          checks: ['facilitator', 'write', 'body', 'newAccount'],
          responses: { 201: json('FacilitatorResponse', 'Added') },
        }),
      },
      '/api/facilitators/{username}': {
        delete: op({
          summary:
            'Remove a facilitator: every login of that account ends at once; never the last account; recorded with who removed it',
          security: facilitatorOnly,
          parameters: [
            { name: 'username', in: 'path', required: true, schema: { type: 'string' } },
            csrf,
          ],
          checks: ['facilitator', 'write', 'account'],
          responses: {
            200: {
              description: 'Removed',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { removed: { type: 'string' } },
                    required: ['removed'],
                  },
                },
              },
            },
          },
        }),
      },
      '/api/auth/logout': {
        post: op({
          summary: 'Facilitator logout',
          security: facilitatorOnly,
          parameters: [csrf],
          checks: ['facilitator', 'write'],
          responses: { 200: json('MeResponse') },
        }),
      },
      '/api/auth/me': {
        get: op({
          summary: 'Am I a facilitator; my CSRF token',
          responses: { 200: json('MeResponse') },
        }),
      },
      '/api/sessions': {
        get: op({
          summary: 'All sessions',
          security: facilitatorOnly,
          checks: ['facilitator'],
          responses: { 200: json('SessionList') },
        }),
        post: op({
          summary: 'Create a session',
          security: facilitatorOnly,
          parameters: [csrf],
          requestBody: requestBody('CreateSessionRequest'),
          checks: ['facilitator', 'write', 'body'],
          responses: { 201: json('Session', 'Created') },
        }),
      },
      '/api/sessions/{sid}': {
        get: op({
          summary: 'One session',
          parameters: [sid],
          checks: ['session'],
          responses: { 200: json('Session') },
        }),
        patch: op({
          summary:
            'Rename, refocus, open or close a session (a patch that changes nothing answers the session and tells nobody)',
          security: facilitatorOnly,
          parameters: [sid, csrf],
          requestBody: requestBody('UpdateSessionRequest'),
          checks: ['session', 'facilitator', 'write', 'body'],
          responses: { 200: json('Session') },
        }),
      },
      '/api/sessions/{sid}/devices': {
        post: op({
          summary:
            'A new anonymous device token (limited per address: a hall at once, then slowly)',
          parameters: [sid],
          checks: ['session', 'limited'],
          responses: { 201: json('DeviceResponse', 'Created') },
        }),
        get: op({
          summary: 'Devices that posted (or are muted), by label, most comments first',
          security: facilitatorOnly,
          parameters: [sid],
          checks: ['session', 'facilitator'],
          responses: { 200: json('DeviceList') },
        }),
      },
      '/api/sessions/{sid}/devices/{device}/mute': {
        post: op({
          summary:
            'Mute a device: hide all its comments (each a hide event) and refuse its new ones (403 device_muted); one audit entry',
          security: facilitatorOnly,
          parameters: [sid, deviceLabel, csrf],
          requestBody: {
            required: false,
            content: { 'application/json': { schema: ref('ModerationRequest') } },
          },
          checks: ['session', 'deviceLabel', 'facilitator', 'write', 'body'],
          responses: { 200: json('MuteResponse') },
        }),
      },
      '/api/sessions/{sid}/devices/{device}/unmute': {
        post: op({
          summary: 'Let a muted device post again (its hidden comments stay hidden); audited',
          security: facilitatorOnly,
          parameters: [sid, deviceLabel, csrf],
          checks: ['session', 'deviceLabel', 'facilitator', 'write'],
          responses: { 200: json('MuteResponse') },
        }),
      },
      '/api/sessions/{sid}/comments': {
        get: op({
          summary:
            'One page of comments in seq order (participants: visible ones only), the latest seq, the stream epoch and the next cursor',
          parameters: [
            sid,
            {
              name: 'after',
              in: 'query',
              required: false,
              schema: { type: 'integer', minimum: 0 },
            },
            {
              name: 'limit',
              in: 'query',
              required: false,
              schema: { type: 'integer', minimum: 1, maximum: api.MAX_COMMENT_PAGE },
            },
          ],
          checks: ['session', 'query'],
          responses: { 200: json('CommentList') },
        }),
      },
      '/api/sessions/{sid}/agenda': {
        get: op({
          summary: 'The agenda: its topics in order and the one discussed now (public)',
          parameters: [sid],
          checks: ['session'],
          responses: { 200: json('Agenda') },
        }),
        put: op({
          summary:
            'Replace the agenda (add, edit, reorder, remove); one agenda event and one audit entry, none when nothing changed',
          security: facilitatorOnly,
          parameters: [sid, csrf],
          requestBody: requestBody('PutAgendaRequest'),
          checks: ['session', 'facilitator', 'write', 'body'],
          responses: { 200: json('Agenda') },
        }),
      },
      '/api/sessions/{sid}/agenda/now': {
        post: op({
          summary:
            '正在讨论: push a topic to every screen (null: none); new comments carry it from now on; audited',
          security: facilitatorOnly,
          parameters: [sid, csrf],
          requestBody: requestBody('DiscussRequest'),
          checks: ['session', 'facilitator', 'write', 'body', 'topic'],
          responses: { 200: json('Agenda') },
        }),
      },
      '/api/sessions/{sid}/comments/{id}': {
        put: op({
          summary:
            'Send a comment, idempotent by id (participants get a HiddenCommentNotice for a hidden one)',
          parameters: [sid, cid, device],
          requestBody: requestBody('Comment'),
          checks: ['session', 'comment', 'body', 'device', 'limited', 'put'],
          responses: {
            201: json('CommentResponse', 'Stored'),
            200: json('CommentResponse', 'Already stored'),
          },
        }),
      },
      '/api/sessions/{sid}/comments/missing': {
        post: op({
          summary: 'Which of these ids the server lacks (the outbox re-sends them)',
          parameters: [sid, device],
          requestBody: requestBody('MissingRequest'),
          checks: ['session', 'body', 'device', 'limited'],
          responses: { 200: json('MissingResponse') },
        }),
      },
      '/api/sessions/{sid}/comments/import': {
        post: op({
          summary: 'Upload earlier local comments, merged by id',
          security: facilitatorOnly,
          parameters: [sid, csrf],
          requestBody: requestBody('ImportRequest'),
          checks: ['session', 'facilitator', 'write', 'body'],
          responses: { 200: json('ImportResponse') },
        }),
      },
      '/api/sessions/{sid}/comments/{id}/report': {
        post: op({
          summary: 'Report a comment (once per device; no counts for participants)',
          parameters: [sid, cid, device],
          checks: ['session', 'comment', 'device', 'limited'],
          responses: { 200: json('ReportResponse') },
        }),
      },
      '/api/sessions/{sid}/comments/{id}/support': {
        put: op({
          summary: '附议: support someone else’s visible comment (once per device)',
          parameters: [sid, cid, device],
          checks: ['session', 'comment', 'device', 'limited', 'support'],
          responses: {
            201: json('SupportResponse', 'Supported'),
            200: json('SupportResponse', 'Already supported: nothing changed'),
          },
        }),
        delete: op({
          summary: 'Withdraw this device’s support (nothing to withdraw: 200, unchanged)',
          parameters: [sid, cid, device],
          checks: ['session', 'comment', 'device', 'limited', 'support'],
          responses: { 200: json('SupportResponse') },
        }),
      },
      '/api/sessions/{sid}/supports': {
        get: op({
          summary: 'The comments this device supports',
          parameters: [sid, device],
          checks: ['session', 'device'],
          responses: { 200: json('MySupportsResponse') },
        }),
      },
      '/api/sessions/{sid}/comments/{id}/hide': {
        post: op({
          summary: 'Hide a comment (kept, audited)',
          security: facilitatorOnly,
          parameters: [sid, cid, csrf],
          requestBody: {
            required: false,
            content: { 'application/json': { schema: ref('ModerationRequest') } },
          },
          checks: ['session', 'comment', 'facilitator', 'write', 'body'],
          responses: { 200: json('CommentResponse') },
        }),
      },
      '/api/sessions/{sid}/comments/{id}/restore': {
        post: op({
          summary: 'Restore a hidden comment (audited, with the optional reason)',
          security: facilitatorOnly,
          parameters: [sid, cid, csrf],
          requestBody: {
            required: false,
            content: { 'application/json': { schema: ref('ModerationRequest') } },
          },
          checks: ['session', 'comment', 'facilitator', 'write', 'body'],
          responses: { 200: json('CommentResponse') },
        }),
      },
      '/api/sessions/{sid}/comments/{id}/approve': {
        post: op({
          summary:
            'Approve a comment awaiting approval (pre-moderation): everyone sees it now, with a comment event (audited)',
          security: facilitatorOnly,
          parameters: [sid, cid, csrf],
          requestBody: {
            required: false,
            content: { 'application/json': { schema: ref('ModerationRequest') } },
          },
          checks: ['session', 'comment', 'facilitator', 'write', 'body'],
          responses: { 200: json('CommentResponse') },
        }),
      },
      '/api/sessions/{sid}/comments/moderation': {
        post: op({
          summary: `Hide, approve or restore up to ${api.MAX_BULK_IDS} comments at once: all or, on any error, none; each change audited and announced on its own`,
          security: facilitatorOnly,
          parameters: [sid, csrf],
          requestBody: requestBody('BulkModerationRequest'),
          checks: ['session', 'facilitator', 'write', 'body', 'bulk'],
          responses: { 200: json('BulkModerationResponse') },
        }),
      },
      '/api/sessions/{sid}/comments/{id}/answer': {
        post: op({
          summary:
            'Answer a comment: adopted 采纳 | partly 部分采纳 | rejected 不采纳 (reason required) | in_plan 规划已有安排 (section required) | studying 研究中, with an optional public reply. A changed answer adds to the history; the same answer again changes nothing. One audit entry and one `answer` event per new answer.',
          security: facilitatorOnly,
          parameters: [sid, cid, csrf],
          requestBody: requestBody('AnswerRequest'),
          checks: ['session', 'comment', 'facilitator', 'write', 'body', 'answer'],
          responses: { 200: json('CommentResponse') },
        }),
      },
      '/api/sessions/{sid}/comments/{id}/answers': {
        get: op({
          summary: 'Every answer the comment was given, oldest first (append-only)',
          security: facilitatorOnly,
          parameters: [sid, cid],
          checks: ['session', 'comment', 'facilitator'],
          responses: { 200: json('AnswerHistory') },
        }),
      },
      '/api/sessions/{sid}/audit': {
        get: op({
          summary: 'The append-only moderation log',
          security: facilitatorOnly,
          parameters: [sid],
          checks: ['session', 'facilitator'],
          responses: { 200: json('AuditList') },
        }),
      },
      '/api/sessions/{sid}/audit.csv': {
        get: op({
          summary:
            'The audit log as CSV (UTF-8 with BOM, formulas neutralised): id, at, action, commentId, device, reason, actor',
          security: facilitatorOnly,
          parameters: [sid],
          checks: ['session', 'facilitator'],
          responses: { 200: { description: 'CSV', content: { 'text/csv': {} } } },
        }),
      },
      '/api/sessions/{sid}/events': {
        get: op({
          summary:
            'Server-sent events: `id:` = epoch:seq, `event:` = comment | moderation | session | support | answer | reload, `data:` = SessionEvent (ReloadEvent for reload). Resume with Last-Event-ID or ?after=epoch:seq (0: from the start); without either, only new events. A resume from another epoch or beyond the last seq gets a reload event: fetch the comments again and resume from there.',
          parameters: [
            sid,
            {
              name: 'after',
              in: 'query',
              required: false,
              schema: { type: 'string', pattern: '^(0|[A-Za-z0-9_-]+:[0-9]+)$' },
            },
            { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } },
          ],
          checks: ['session'],
          responses: {
            200: {
              description: 'An event stream',
              content: {
                'text/event-stream': {
                  schema: { oneOf: [ref('SessionEvent'), ref('ReloadEvent')] },
                },
              },
            },
          },
        }),
      },
      '/api/sessions/{sid}/report': {
        get: op({
          summary:
            'The report (意见采纳情况): totals by kind × answer state, by agenda topic, zone and chapter, and every comment with its place, chapters, 附议 and answer. Anyone gets the public version (visible comments only; no hiding reasons, devices or report counts); with the facilitator cookie, every comment, hidden and pending ones marked, with the hiding reason.',
          parameters: [sid],
          checks: ['session'],
          responses: { 200: json('SessionReport') },
        }),
      },
      '/api/sessions/{sid}/report.csv': {
        get: op({
          summary:
            "The report's rows as CSV (UTF-8 with BOM, formulas neutralised); the same version rules as the JSON",
          parameters: [sid],
          checks: ['session'],
          responses: { 200: { description: 'CSV', content: { 'text/csv': {} } } },
        }),
      },
      '/api/sessions/{sid}/report.geojson': {
        get: op({
          summary: "The report's rows as GeoJSON points; the same version rules as the JSON",
          parameters: [sid],
          checks: ['session'],
          responses: { 200: { description: 'GeoJSON', content: { 'application/geo+json': {} } } },
        }),
      },
      '/api/sessions/{sid}/export.geojson': {
        get: op({
          summary:
            'GeoJSON of every comment with hidden, hiddenReason, hiddenAt, reports and its answer (answerState, answerReply, answerReason, answerSection, answerAt)',
          security: facilitatorOnly,
          parameters: [sid],
          checks: ['session', 'facilitator'],
          responses: { 200: { description: 'GeoJSON', content: { 'application/geo+json': {} } } },
        }),
      },
      '/api/sessions/{sid}/export.csv': {
        get: op({
          summary: 'CSV (UTF-8 with BOM) of every comment with the moderation and answer columns',
          security: facilitatorOnly,
          parameters: [sid],
          checks: ['session', 'facilitator'],
          responses: { 200: { description: 'CSV', content: { 'text/csv': {} } } },
        }),
      },
    },
  };
}
