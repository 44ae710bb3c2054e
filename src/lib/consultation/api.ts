import { z } from 'zod';
import { charCount, Comment, CommentKind, storable } from '../comments/schema';
import { SectionRef } from '../data/features';

/**
 * The consultation API's contract: every request, response and live event
 * between the app and the consultation server (src/server), as zod schemas.
 * Both sides import this file, so it has no Node or DOM imports. The server's
 * OpenAPI document (/api/openapi.json) is generated from these schemas.
 *
 * Decisions the issue left open (see README, "Consultation server"):
 * - A participant never receives a hidden comment's text or reason, from any
 *   route: the list leaves hidden comments out, the `hide` event carries only
 *   the id, and a PUT of a hidden comment's id (its author's re-send included)
 *   answers only `HiddenCommentNotice`: the id and that it is hidden.
 * - A PUT of an id that another device used answers 409 unless it is that
 *   comment exactly, so a stale copy cannot read someone else's comment.
 * - Every event reaches every subscriber (so `seq` is gapless for all of them);
 *   report counts are stripped from what participants receive.
 * - Re-sending a comment id: identical or older `updated` → 200 with the stored
 *   comment; a newer `updated` from the same device may change kind and text
 *   while the comment is visible; anything else is 409 `conflict`.
 */

/** Session codes: 6 characters of lowercase RFC 4648 base32, as in the join link `/#session=k7m2qx`. */
export const SESSION_ID_PATTERN = /^[a-z2-7]{6}$/;
export const SessionId = z
  .string()
  .regex(SESSION_ID_PATTERN, 'not a session code (6 letters/digits)');
export type SessionId = z.infer<typeof SessionId>;

export const MAX_TITLE_LENGTH = 120;
/** Largest accepted request body, in bytes (a comment is under 5 KB; an import of local comments is larger). */
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_IMPORT_BODY_BYTES = 8 * 1024 * 1024;
/** Most ids one `missing` request may ask about. */
export const MAX_MISSING_IDS = 5000;
/** Most comments one import request may carry. */
export const MAX_IMPORT_COMMENTS = 5000;
export const MAX_REASON_LENGTH = 500;
/** Most comments in one page of the list (also the default page). */
export const MAX_COMMENT_PAGE = 500;

/** The header that carries a participant's device token. */
export const DEVICE_HEADER = 'X-Device-Token';
/** The header that carries the facilitator's CSRF token on every state change. */
export const CSRF_HEADER = 'X-CSRF-Token';
/** The facilitator's session cookie (HttpOnly, SameSite=Strict). */
export const FACILITATOR_COOKIE = 'lh_fac';
/** Set at a facilitator's login and kept after logout: this browser's failed logins are counted apart from its address's. */
export const KNOWN_BROWSER_COOKIE = 'lh_fac_known';

const IsoTime = z.iso.datetime({ offset: true, message: 'not an ISO 8601 date-time' });
const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'not a layer id');

/** Where the app opens for a session's participants. */
export const SessionFocus = z.object({
  sections: z.array(SectionRef).max(50).optional(),
  layers: z.array(Slug).max(100).optional(),
  view: z
    .object({
      zoom: z.number().min(0).max(22),
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
    })
    .optional(),
});
export type SessionFocus = z.infer<typeof SessionFocus>;

const Title = z
  .string()
  .trim()
  .min(1, 'the title is empty')
  .max(MAX_TITLE_LENGTH, `the title is longer than ${MAX_TITLE_LENGTH} characters`)
  .superRefine(storable('the title'));

export const Session = z.object({
  id: SessionId,
  title: z.string(),
  focus: SessionFocus,
  open: z.boolean(),
  created: IsoTime,
  counts: z.object({ comments: z.number().int(), hidden: z.number().int() }),
  /** The session's latest event sequence number (0 before the first event). */
  lastSeq: z.number().int(),
});
export type Session = z.infer<typeof Session>;

export const CreateSessionRequest = z.object({
  title: Title,
  focus: SessionFocus.optional(),
  open: z.boolean().optional(),
});
export type CreateSessionRequest = z.infer<typeof CreateSessionRequest>;

export const UpdateSessionRequest = z.object({
  title: Title.optional(),
  open: z.boolean().optional(),
  focus: SessionFocus.optional(),
});
export type UpdateSessionRequest = z.infer<typeof UpdateSessionRequest>;

export const SessionList = z.array(Session);

export const DeviceResponse = z.object({ token: z.string().min(20) });
export type DeviceResponse = z.infer<typeof DeviceResponse>;

/**
 * Where a comment falls, computed once by the server when it stores the comment
 * (src/lib/geo/commentPlace.ts): its 一带三区 zone, the nearest plan place within
 * 2 km and its distance, and its chapters (the linked section, else the sections
 * that name that place).
 */
export const CommentPlacement = z.object({
  zone: z.string().nullable(),
  place: z.object({ id: z.string(), km: z.number().nonnegative() }).nullable(),
  chapters: z.array(z.string()),
});
export type CommentPlacement = z.infer<typeof CommentPlacement>;

/** A comment as the server holds it in a session. `status` mirrors `hidden`. */
export const SessionComment = Comment.extend({
  seq: z.number().int().positive(),
  sessionId: SessionId,
  hidden: z.boolean(),
  hiddenReason: z.string().optional(),
  hiddenAt: IsoTime.optional(),
  /** How many devices reported it (facilitator only). */
  reports: z.number().int().nonnegative().optional(),
  /** The sending device's short label (facilitator only; see `DeviceSummary`). */
  device: z.string().optional(),
  /** How many devices support it (附议); public. */
  supports: z.number().int().nonnegative().optional(),
  /** Where it falls (absent: stored before placing existed). */
  placement: CommentPlacement.optional(),
});
export type SessionComment = z.infer<typeof SessionComment>;

/** What a participant learns of a hidden comment (its author too): that it is hidden, never its text or reason. */
export const HiddenCommentNotice = z.object({
  id: z.string(),
  seq: z.number().int().positive(),
  sessionId: SessionId,
  hidden: z.literal(true),
  status: z.literal('hidden'),
});
export type HiddenCommentNotice = z.infer<typeof HiddenCommentNotice>;

/**
 * A device's label: 8 hex digits derived one-way from its token's hash, so a
 * facilitator can tell devices apart without the server showing anything that
 * opens their tokens. Facilitators only: participants never see labels.
 */
export const DEVICE_LABEL_PATTERN = /^[0-9a-f]{8}$/;

/** A device of a session as the facilitator sees it: what it posted and whether it is muted. */
export const DeviceSummary = z.object({
  device: z.string().regex(DEVICE_LABEL_PATTERN),
  comments: z.number().int().nonnegative(),
  hidden: z.number().int().nonnegative(),
  muted: z.boolean(),
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;
/** The session's devices that posted (or are muted), most comments first, at most 50. */
export const DeviceList = z.object({ devices: z.array(DeviceSummary) });
export type DeviceList = z.infer<typeof DeviceList>;
/** The answer to mute/unmute: `hidden` = comments this action hid (unmute restores none). */
export const MuteResponse = z.object({
  device: z.string(),
  muted: z.boolean(),
  hidden: z.number().int().nonnegative(),
});
export type MuteResponse = z.infer<typeof MuteResponse>;

/** PUT body: the app's own Comment. */
export const PutCommentRequest = Comment;
export const CommentResponse = z.object({
  comment: z.union([SessionComment, HiddenCommentNotice]),
});
export type CommentResponse = z.infer<typeof CommentResponse>;

/**
 * One page of a session's comments in seq order. `lastSeq` is the session's
 * latest event when the page was read (resume the live feed from the first
 * page's); `next` is the cursor of the following page, null on the last.
 */
export const CommentList = z.object({
  comments: z.array(SessionComment),
  lastSeq: z.number().int().nonnegative(),
  /** The stream's epoch: resume the live feed from `${epoch}:${lastSeq}`. */
  epoch: z.string(),
  next: z.number().int().nonnegative().nullable(),
});
export type CommentList = z.infer<typeof CommentList>;

/** `GET …/comments?after=seq&limit=n`: the comments with a seq above `after`, at most `limit`. */
export const CommentPageQuery = z.object({
  after: z.coerce
    .number({ message: 'not a number' })
    .int('not a whole number')
    .nonnegative('below 0')
    .default(0),
  limit: z.coerce
    .number({ message: 'not a number' })
    .int('not a whole number')
    .min(1, 'below 1')
    .max(MAX_COMMENT_PAGE, `above ${MAX_COMMENT_PAGE}`)
    .default(MAX_COMMENT_PAGE),
});
export type CommentPageQuery = z.infer<typeof CommentPageQuery>;

export const MissingRequest = z.object({
  ids: z.array(z.uuid({ message: 'id is not a UUID' })).max(MAX_MISSING_IDS),
});
export const MissingResponse = z.object({ missing: z.array(z.string()) });
export type MissingResponse = z.infer<typeof MissingResponse>;

/** A report is filed (or was already, from this device); participants never get counts. */
export const ReportResponse = z.object({ reported: z.literal(true) });

/** 附议: whether this device supports the comment now, and how many devices do. */
export const SupportResponse = z.object({
  supported: z.boolean(),
  supports: z.number().int().nonnegative(),
});
export type SupportResponse = z.infer<typeof SupportResponse>;
/** The comments this device supports (so a reloaded phone still shows 已附议). */
export const MySupportsResponse = z.object({ commentIds: z.array(z.string()) });
export type MySupportsResponse = z.infer<typeof MySupportsResponse>;

export const ModerationRequest = z.object({
  reason: z
    .string()
    .trim()
    .max(MAX_REASON_LENGTH, `the reason is longer than ${MAX_REASON_LENGTH} characters`)
    .superRefine(storable('the reason'))
    .optional(),
});
export type ModerationRequest = z.infer<typeof ModerationRequest>;

/** Facilitator upload of comments made before the session existed (local IndexedDB, exported files), merged by id. */
export const ImportRequest = z.object({ comments: z.array(Comment).max(MAX_IMPORT_COMMENTS) });
export const ImportResponse = z.object({
  added: z.number().int(),
  existing: z.number().int(),
});
export type ImportResponse = z.infer<typeof ImportResponse>;

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'open',
  'close',
  'hide',
  'restore',
  'import',
  'mute',
  'unmute',
] as const;
export const AuditEntry = z.object({
  id: z.number().int(),
  sessionId: SessionId,
  action: z.enum(AUDIT_ACTIONS),
  commentId: z.string().optional(),
  /** The device label of a mute or unmute. */
  device: z.string().optional(),
  reason: z.string().optional(),
  at: IsoTime,
  /** The facilitator's username; `facilitator` on entries from before named accounts (nobody knew who). */
  actor: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditList = z.object({ entries: z.array(AuditEntry) });

/** The first facilitator account's name when FACILITATOR_USER does not give one. */
export const DEFAULT_FACILITATOR = '主持人';
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_USERNAME_LENGTH = 32;

/** A facilitator's name as typed: trimmed, NFC, 1–32 characters, no control or invisible format characters. */
export const Username = z
  .string({ message: 'the username is missing' })
  .trim()
  .transform((name) => name.normalize('NFC'))
  .refine((name) => name.length > 0, 'the username is empty')
  .refine(
    (name) => charCount(name) <= MAX_USERNAME_LENGTH,
    `the username is longer than ${MAX_USERNAME_LENGTH} characters`,
  )
  .refine((name) => !/\p{C}/u.test(name), 'the username contains a control or invisible character');

const Password = z
  .string({ message: 'the password is missing' })
  .min(1, 'the password is empty')
  .max(1000, 'the password is longer than 1000 characters');
const NewPassword = Password.refine(
  (password) => password.length >= MIN_PASSWORD_LENGTH,
  `the password is shorter than ${MIN_PASSWORD_LENGTH} characters`,
).superRefine(storable('the password'));

/** Without `username`: the first account (FACILITATOR_USER, default 主持人), as logins before named accounts sent it. */
export const LoginRequest = z.object({
  username: Username.optional(),
  password: Password,
});
export const MeResponse = z.object({
  facilitator: z.boolean(),
  csrf: z.string().optional(),
  username: z.string().optional(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const AddFacilitatorRequest = z.object({ username: Username, password: NewPassword });
export type AddFacilitatorRequest = z.infer<typeof AddFacilitatorRequest>;
export const ChangePasswordRequest = z.object({ current: Password, password: NewPassword });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const Facilitator = z.object({
  username: z.string(),
  created: IsoTime,
  /** This is the account of the facilitator asking. */
  you: z.boolean(),
});
export type Facilitator = z.infer<typeof Facilitator>;
export const FacilitatorResponse = z.object({ facilitator: Facilitator });
export const FACILITATOR_AUDIT_ACTIONS = ['add', 'remove', 'password'] as const;
/** A change to the accounts; `actor` null: set at the server's start (FACILITATOR_PASSWORD or the terminal). */
export const FacilitatorAuditEntry = z.object({
  id: z.number().int(),
  action: z.enum(FACILITATOR_AUDIT_ACTIONS),
  username: z.string(),
  actor: z.string().nullable(),
  at: IsoTime,
});
export type FacilitatorAuditEntry = z.infer<typeof FacilitatorAuditEntry>;
export const FacilitatorList = z.object({
  facilitators: z.array(Facilitator),
  /** Every change to the accounts, oldest first (append-only). */
  history: z.array(FacilitatorAuditEntry),
});
export type FacilitatorList = z.infer<typeof FacilitatorList>;

export const HealthResponse = z.object({
  ok: z.literal(true),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'csrf',
  'not_found',
  'conflict',
  'session_closed',
  'session_full',
  'device_muted',
  'own_comment',
  'too_large',
  'rate_limited',
  'not_configured',
  'last_facilitator',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;
/** Every error: a sentence a person can read, and a code a program can switch on. */
export const ApiError = z.object({ error: z.string(), code: ErrorCode });
export type ApiError = z.infer<typeof ApiError>;

/**
 * Live events (SSE). SSE `id:` = `epoch:seq`, `event:` = the `SSE_EVENT_NAMES`
 * entry for `type`, `data:` = this JSON. A resume (`Last-Event-ID` or
 * `?after=`) names the epoch it counted in; see `ReloadEvent`.
 * - `comment`: a new or edited comment (never a hidden one).
 * - `hide`: the comment is hidden; participants get only `commentId`.
 * - `restore`: the comment is visible again, with the full comment.
 * - `report`: a report was filed; `reports` is set for the facilitator only.
 * - `session`: the session's title, focus or open state changed.
 * - `support`: a device supported a comment or withdrew its support; `supports` is the new count.
 */
export const EVENT_TYPES = ['comment', 'hide', 'restore', 'report', 'session', 'support'] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;
export const SSE_EVENT_NAMES = {
  comment: 'comment',
  hide: 'moderation',
  restore: 'moderation',
  report: 'moderation',
  session: 'session',
  support: 'support',
} as const satisfies Record<EventType, 'comment' | 'moderation' | 'session' | 'support'>;

export const SessionEvent = z.object({
  seq: z.number().int().positive(),
  type: EventType,
  commentId: z.string().optional(),
  comment: SessionComment.optional(),
  session: Session.optional(),
  reports: z.number().int().optional(),
  supports: z.number().int().nonnegative().optional(),
});
export type SessionEvent = z.infer<typeof SessionEvent>;

/**
 * Sent instead of a replay when a resume cannot be trusted: the client names
 * another epoch (the database was restored or lost its tail, so numbers were
 * reused) or a seq beyond the session's last. The client must drop what it
 * holds, fetch the comments again and resume from `${epoch}:${lastSeq}` of that
 * fetch. SSE `event: reload`, `id: epoch:lastSeq`.
 */
export const ReloadEvent = z.object({
  type: z.literal('reload'),
  epoch: z.string(),
  lastSeq: z.number().int().nonnegative(),
});
export type ReloadEvent = z.infer<typeof ReloadEvent>;
export const RELOAD_EVENT_NAME = 'reload';

/** A stream position `epoch:seq` as the SSE `id:` field carries it. */
export const streamId = (epoch: string, seq: number) => `${epoch}:${seq}`;

/** The kinds, re-exported for counters on the projector. */
export { CommentKind };

/** Client-side helper: the API path of a session resource. */
export const apiPath = {
  session: (sid: string) => `/api/sessions/${sid}`,
  devices: (sid: string) => `/api/sessions/${sid}/devices`,
  comments: (sid: string) => `/api/sessions/${sid}/comments`,
  comment: (sid: string, id: string) => `/api/sessions/${sid}/comments/${id}`,
  missing: (sid: string) => `/api/sessions/${sid}/comments/missing`,
  report: (sid: string, id: string) => `/api/sessions/${sid}/comments/${id}/report`,
  support: (sid: string, id: string) => `/api/sessions/${sid}/comments/${id}/support`,
  mySupports: (sid: string) => `/api/sessions/${sid}/supports`,
  hide: (sid: string, id: string) => `/api/sessions/${sid}/comments/${id}/hide`,
  restore: (sid: string, id: string) => `/api/sessions/${sid}/comments/${id}/restore`,
  import: (sid: string) => `/api/sessions/${sid}/comments/import`,
  audit: (sid: string) => `/api/sessions/${sid}/audit`,
  mute: (sid: string, device: string) => `/api/sessions/${sid}/devices/${device}/mute`,
  unmute: (sid: string, device: string) => `/api/sessions/${sid}/devices/${device}/unmute`,
  events: (sid: string) => `/api/sessions/${sid}/events`,
  exportGeojson: (sid: string) => `/api/sessions/${sid}/export.geojson`,
  exportCsv: (sid: string) => `/api/sessions/${sid}/export.csv`,
  facilitators: '/api/facilitators',
  facilitator: (username: string) => `/api/facilitators/${encodeURIComponent(username)}`,
  password: '/api/auth/password',
} as const;
