import { z } from 'zod';
import * as api from '../lib/consultation/api';

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
  SupportResponse: api.SupportResponse,
  MySupportsResponse: api.MySupportsResponse,
  ModerationRequest: api.ModerationRequest,
  ImportRequest: api.ImportRequest,
  ImportResponse: api.ImportResponse,
  AuditList: api.AuditList,
  LoginRequest: api.LoginRequest,
  MeResponse: api.MeResponse,
  HealthResponse: api.HealthResponse,
  SessionEvent: api.SessionEvent,
  ApiError: api.ApiError,
} as const;

type Name = keyof typeof SCHEMAS;
const ref = (name: Name) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: Name, description = 'OK') => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});
const error = (description: string) => json('ApiError', description);
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
        get: { summary: 'Which database is in use', responses: { 200: json('HealthResponse') } },
      },
      '/api/auth/login': {
        post: {
          summary: 'Facilitator login (sets the lh_fac cookie)',
          requestBody: requestBody('LoginRequest'),
          responses: {
            200: json('MeResponse'),
            401: error('Wrong password'),
            429: error('Too many attempts'),
          },
        },
      },
      '/api/auth/logout': {
        post: {
          summary: 'Facilitator logout',
          security: facilitatorOnly,
          parameters: [csrf],
          responses: { 200: json('MeResponse') },
        },
      },
      '/api/auth/me': {
        get: {
          summary: 'Am I a facilitator; my CSRF token',
          responses: { 200: json('MeResponse') },
        },
      },
      '/api/sessions': {
        get: {
          summary: 'All sessions',
          security: facilitatorOnly,
          responses: { 200: json('SessionList'), 401: error('Not logged in') },
        },
        post: {
          summary: 'Create a session',
          security: facilitatorOnly,
          parameters: [csrf],
          requestBody: requestBody('CreateSessionRequest'),
          responses: { 201: json('Session', 'Created'), 400: error('Invalid'), 403: error('CSRF') },
        },
      },
      '/api/sessions/{sid}': {
        get: {
          summary: 'One session',
          parameters: [sid],
          responses: { 200: json('Session'), 404: error('No such session') },
        },
        patch: {
          summary: 'Rename, refocus, open or close a session',
          security: facilitatorOnly,
          parameters: [sid, csrf],
          requestBody: requestBody('UpdateSessionRequest'),
          responses: { 200: json('Session'), 403: error('CSRF') },
        },
      },
      '/api/sessions/{sid}/devices': {
        post: {
          summary: 'A new anonymous device token',
          parameters: [sid],
          responses: { 201: json('DeviceResponse', 'Created') },
        },
      },
      '/api/sessions/{sid}/comments': {
        get: {
          summary: 'The comments (participants: visible ones only) and the latest seq',
          parameters: [sid],
          responses: { 200: json('CommentList') },
        },
      },
      '/api/sessions/{sid}/comments/{id}': {
        put: {
          summary: 'Send a comment, idempotent by id',
          parameters: [sid, cid, device],
          requestBody: requestBody('Comment'),
          responses: {
            201: json('CommentResponse', 'Stored'),
            200: json('CommentResponse', 'Already stored'),
            400: error('Invalid comment'),
            403: error('Session closed or full'),
            409: error('Conflicting version'),
            413: error('Too large'),
            429: error('Too many comments from this device (see Retry-After)'),
          },
        },
      },
      '/api/sessions/{sid}/comments/missing': {
        post: {
          summary: 'Which of these ids the server lacks (the outbox re-sends them)',
          parameters: [sid, device],
          requestBody: requestBody('MissingRequest'),
          responses: { 200: json('MissingResponse') },
        },
      },
      '/api/sessions/{sid}/comments/import': {
        post: {
          summary: 'Upload earlier local comments, merged by id',
          security: facilitatorOnly,
          parameters: [sid, csrf],
          requestBody: requestBody('ImportRequest'),
          responses: { 200: json('ImportResponse') },
        },
      },
      '/api/sessions/{sid}/comments/{id}/report': {
        post: {
          summary: 'Report a comment (once per device)',
          parameters: [sid, cid, device],
          responses: { 200: json('ReportResponse') },
        },
      },
      '/api/sessions/{sid}/comments/{id}/support': {
        put: {
          summary: '附议: support someone else’s visible comment (once per device)',
          parameters: [sid, cid, device],
          responses: {
            201: json('SupportResponse', 'Supported'),
            200: json('SupportResponse', 'Already supported: nothing changed'),
            400: error('The id is not a UUID'),
            401: error('No device token of this session'),
            403: error('own_comment: the device’s own comment; session_closed'),
            404: error('No such comment (or it is hidden)'),
            429: error('Too many actions from this device (see Retry-After)'),
          },
        },
        delete: {
          summary: 'Withdraw this device’s support (nothing to withdraw: 200, unchanged)',
          parameters: [sid, cid, device],
          responses: {
            200: json('SupportResponse'),
            401: error('No device token of this session'),
            403: error('session_closed'),
            404: error('No such comment (or it is hidden)'),
            429: error('Too many actions from this device (see Retry-After)'),
          },
        },
      },
      '/api/sessions/{sid}/supports': {
        get: {
          summary: 'The comments this device supports',
          parameters: [sid, device],
          responses: {
            200: json('MySupportsResponse'),
            401: error('No device token of this session'),
          },
        },
      },
      '/api/sessions/{sid}/comments/{id}/hide': {
        post: {
          summary: 'Hide a comment (kept, audited)',
          security: facilitatorOnly,
          parameters: [sid, cid, csrf],
          requestBody: {
            required: false,
            content: { 'application/json': { schema: ref('ModerationRequest') } },
          },
          responses: { 200: json('CommentResponse') },
        },
      },
      '/api/sessions/{sid}/comments/{id}/restore': {
        post: {
          summary: 'Restore a hidden comment (audited)',
          security: facilitatorOnly,
          parameters: [sid, cid, csrf],
          responses: { 200: json('CommentResponse') },
        },
      },
      '/api/sessions/{sid}/audit': {
        get: {
          summary: 'The append-only moderation log',
          security: facilitatorOnly,
          parameters: [sid],
          responses: { 200: json('AuditList') },
        },
      },
      '/api/sessions/{sid}/events': {
        get: {
          summary:
            'Server-sent events: `id:` = seq, `event:` = comment | moderation | session | support, `data:` = SessionEvent. Resume with Last-Event-ID or ?after=seq; without either, only new events.',
          parameters: [
            sid,
            {
              name: 'after',
              in: 'query',
              required: false,
              schema: { type: 'integer', minimum: 0 },
            },
            { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } },
          ],
          responses: {
            200: {
              description: 'An event stream',
              content: { 'text/event-stream': { schema: ref('SessionEvent') } },
            },
          },
        },
      },
      '/api/sessions/{sid}/export.geojson': {
        get: {
          summary: 'GeoJSON of every comment with hidden, hiddenReason, hiddenAt, reports',
          security: facilitatorOnly,
          parameters: [sid],
          responses: { 200: { description: 'GeoJSON', content: { 'application/geo+json': {} } } },
        },
      },
      '/api/sessions/{sid}/export.csv': {
        get: {
          summary: 'CSV (UTF-8 with BOM) of every comment with the moderation columns',
          security: facilitatorOnly,
          parameters: [sid],
          responses: { 200: { description: 'CSV', content: { 'text/csv': {} } } },
        },
      },
    },
  };
}
