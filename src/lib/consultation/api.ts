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

/**
 * A session's deadline (征集截止时间) as sent: an ISO time that has not passed
 * yet by the clock of whoever checks it (the app before sending, the server on
 * receipt). The database's clock decides what is refused afterwards.
 */
const Deadline = IsoTime.refine(
  (value) => Date.parse(value) > Date.now(),
  'the deadline has already passed; choose a later time',
);

export const Session = z.object({
  id: SessionId,
  title: z.string(),
  focus: SessionFocus,
  /**
   * Whether it takes comments and supports now: the facilitator has not closed
   * it and its `closesAt`, if any, has not passed (by the database's clock).
   */
  open: z.boolean(),
  /** When it stops taking comments and supports (absent: no deadline). */
  closesAt: IsoTime.optional(),
  created: IsoTime,
  counts: z.object({
    comments: z.number().int(),
    hidden: z.number().int(),
    /** Comments awaiting the facilitator's approval (pre-moderation). */
    pending: z.number().int().optional(),
  }),
  /** The session's latest event sequence number (0 before the first event). */
  lastSeq: z.number().int(),
  /**
   * Pre-moderation: new comments wait for the facilitator's approval before
   * anyone but their author sees them. Turning it off releases nothing: what
   * waits keeps waiting until approved or hidden.
   */
  premoderated: z.boolean().optional(),
});
export type Session = z.infer<typeof Session>;

export const CreateSessionRequest = z.object({
  title: Title,
  focus: SessionFocus.optional(),
  open: z.boolean().optional(),
  premoderated: z.boolean().optional(),
  closesAt: Deadline.optional(),
});
export type CreateSessionRequest = z.infer<typeof CreateSessionRequest>;

export const UpdateSessionRequest = z.object({
  title: Title.optional(),
  /** `true` after the deadline also clears the deadline that passed (reopening takes comments again). */
  open: z.boolean().optional(),
  focus: SessionFocus.optional(),
  premoderated: z.boolean().optional(),
  /** A new deadline, or null to remove it. */
  closesAt: Deadline.nullable().optional(),
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

/**
 * A facilitator's answer to a comment (issue 22). The state ids are stable (the
 * report and exports read them): adopted 采纳, partly 部分采纳, rejected 不采纳
 * (a reason is required), in_plan 规划已有安排 (names the plan section), studying 研究中.
 */
export const ANSWER_STATES = ['adopted', 'partly', 'rejected', 'in_plan', 'studying'] as const;
export const AnswerState = z.enum(ANSWER_STATES);
export type AnswerState = z.infer<typeof AnswerState>;
export const MAX_REPLY_LENGTH = 1000;

const Reply = z
  .string()
  .trim()
  .max(MAX_REPLY_LENGTH, `the reply is longer than ${MAX_REPLY_LENGTH} characters`)
  .superRefine(storable('the reply'));
const AnswerReason = z
  .string()
  .trim()
  .max(MAX_REASON_LENGTH, `the reason is longer than ${MAX_REASON_LENGTH} characters`)
  .superRefine(storable('the reason'));

/**
 * `POST …/comments/:id/answer`. A reason only with (and always with) `rejected`;
 * a plan section only with (and always with) `in_plan`, so nothing sent is dropped silently.
 */
export const AnswerRequest = z
  .object({
    state: AnswerState,
    reply: Reply.optional(),
    reason: AnswerReason.optional(),
    section: SectionRef.optional(),
  })
  .superRefine((answer, ctx) => {
    const rejected = answer.state === 'rejected';
    if (rejected && !answer.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: '不采纳 (rejected) needs a reason',
      });
    if (!rejected && answer.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'a reason goes only with 不采纳 (rejected)',
      });
    const inPlan = answer.state === 'in_plan';
    if (inPlan && !answer.section)
      ctx.addIssue({
        code: 'custom',
        path: ['section'],
        message: '规划已有安排 (in_plan) needs the plan section',
      });
    if (!inPlan && answer.section)
      ctx.addIssue({
        code: 'custom',
        path: ['section'],
        message: 'a plan section goes only with 规划已有安排 (in_plan)',
      });
  });
export type AnswerRequest = z.infer<typeof AnswerRequest>;

/** The current answer, as the comment carries it (public while the comment is visible). */
export const CommentAnswer = z.object({
  state: AnswerState,
  reply: z.string().optional(),
  reason: z.string().optional(),
  section: z.string().optional(),
  at: IsoTime,
});
export type CommentAnswer = z.infer<typeof CommentAnswer>;

/** Every answer a comment was given, oldest first (facilitator only; the table is append-only). */
export const AnswerHistory = z.object({ answers: z.array(CommentAnswer) });
export type AnswerHistory = z.infer<typeof AnswerHistory>;

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
  /** Awaiting the facilitator's approval (pre-moderation): only the facilitator and its author see it. */
  pending: z.literal(true).optional(),
  /** The agenda topic under discussion when it arrived (set by the server, never by the client). */
  topic: z.string().optional(),
  /** The facilitator's current answer (absent: not answered). */
  answer: CommentAnswer.optional(),
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

/** Most comments one bulk moderation request may name. */
export const MAX_BULK_IDS = 500;
export const BULK_ACTIONS = ['hide', 'approve', 'restore'] as const;
/** Hide, approve or restore a selection at once: all of them or, on any error, none. */
export const BulkModerationRequest = ModerationRequest.extend({
  action: z.enum(BULK_ACTIONS, { message: 'not one of hide, approve, restore' }),
  ids: z
    .array(z.uuid({ message: 'id is not a UUID' }))
    .min(1, 'no comment selected')
    .max(MAX_BULK_IDS, `more than ${MAX_BULK_IDS} comments`)
    .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, {
      message: 'an id is named twice',
    }),
});
export type BulkModerationRequest = z.infer<typeof BulkModerationRequest>;
/** The comments after a bulk action, in the order asked (already so: unchanged, no audit entry). */
export const BulkModerationResponse = z.object({ comments: z.array(SessionComment) });
export type BulkModerationResponse = z.infer<typeof BulkModerationResponse>;

/** Facilitator upload of comments made before the session existed (local IndexedDB, exported files), merged by id. */
export const ImportRequest = z.object({ comments: z.array(Comment).max(MAX_IMPORT_COMMENTS) });
export const ImportResponse = z.object({
  added: z.number().int(),
  existing: z.number().int(),
});
export type ImportResponse = z.infer<typeof ImportResponse>;

/** Most topics in one session's agenda; longest time box, in minutes. */
export const MAX_AGENDA_TOPICS = 50;
export const MAX_TOPIC_MINUTES = 240;
const FeatureId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'not a feature id');

/**
 * A topic's saved map view: the part of the app's permalink state (src/lib/permalink/hash.ts)
 * that says what the map shows: camera, layers and filters, and the selected place.
 */
export const TopicView = z.object({
  map: z
    .object({
      zoom: z.number().min(0).max(22),
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
    })
    .optional(),
  layers: z.array(Slug).max(100).optional(),
  status: z
    .array(z.string().regex(/^[a-z][a-z_]{0,31}$/, 'not a status'))
    .max(20)
    .optional(),
  year: z
    .string()
    .regex(/^(\d{4}|[a-z]{1,16})$/, 'not a target year')
    .optional(),
  zone: FeatureId.optional(),
  feature: FeatureId.optional(),
});
export type TopicView = z.infer<typeof TopicView>;

/** One topic of a session's agenda: a title, a plan section and/or a saved map view, an optional time box. */
export const AgendaTopic = z
  .object({
    id: z.uuid({ message: 'the topic id is not a UUID' }),
    title: Title,
    section: SectionRef.optional(),
    view: TopicView.optional(),
    minutes: z
      .number()
      .int('the time box is not a whole number of minutes')
      .min(1, 'the time box is under 1 minute')
      .max(MAX_TOPIC_MINUTES, `the time box is over ${MAX_TOPIC_MINUTES} minutes`)
      .optional(),
  })
  .refine((t) => t.section !== undefined || t.view !== undefined, {
    message: 'a topic needs a plan section or a saved map view',
    path: ['section'],
  });
export type AgendaTopic = z.infer<typeof AgendaTopic>;

/** The topic being discussed now, and since when (the projector counts the time box down from it). */
export const CurrentTopic = z.object({ topicId: z.string(), startedAt: IsoTime });
export type CurrentTopic = z.infer<typeof CurrentTopic>;

/** A session's agenda, in order, and what is discussed now (null: nothing pushed). Public. */
export const Agenda = z.object({
  topics: z.array(AgendaTopic),
  current: CurrentTopic.nullable(),
});
export type Agenda = z.infer<typeof Agenda>;

/** The whole agenda in its new order: add, edit, reorder and remove are one replace. */
export const PutAgendaRequest = z.object({
  topics: z
    .array(AgendaTopic)
    .max(MAX_AGENDA_TOPICS, `more than ${MAX_AGENDA_TOPICS} topics`)
    .refine((topics) => new Set(topics.map((t) => t.id.toLowerCase())).size === topics.length, {
      message: 'two topics have the same id',
    }),
});
export type PutAgendaRequest = z.infer<typeof PutAgendaRequest>;

/** 正在讨论: push this topic to every screen (null: none). */
export const DiscussRequest = z.object({
  topicId: z.uuid({ message: 'the topic id is not a UUID' }).nullable(),
});
export type DiscussRequest = z.infer<typeof DiscussRequest>;

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'open',
  'close',
  'hide',
  'restore',
  'approve',
  'import',
  'mute',
  'unmute',
  'agenda',
  'discuss',
  'deadline',
  'answer',
] as const;
export const AuditEntry = z.object({
  id: z.number().int(),
  sessionId: SessionId,
  action: z.enum(AUDIT_ACTIONS),
  commentId: z.string().optional(),
  /** The state id of an answer. */
  answerState: AnswerState.optional(),
  /** The device label of a mute or unmute. */
  device: z.string().optional(),
  /** Why (hide, mute); for `deadline` the new closesAt, absent when it was removed. */
  reason: z.string().optional(),
  /** The topic a `discuss` entry pushed (absent: the facilitator cleared it). */
  topicId: z.string().optional(),
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
 * - `comment`: a new or edited comment (never a hidden one), or one just approved.
 *   Participants get a comment awaiting approval as `{seq, type}` only.
 * - `hide`: the comment is hidden; participants get only `commentId`.
 * - `restore`: the comment is visible again, with the full comment.
 * - `report`: a report was filed; `reports` is set for the facilitator only.
 * - `session`: the session's title, focus or open state changed.
 * - `support`: a device supported a comment or withdrew its support; `supports` is the new count.
 * - `agenda`: the agenda or the topic discussed now changed; `agenda` is the whole new state.
 * - `answer`: the facilitator answered the comment; the full comment with its `answer`
 *   (a comment hidden now reaches participants only as a `hide` with its id).
 */
export const EVENT_TYPES = [
  'comment',
  'hide',
  'restore',
  'report',
  'session',
  'support',
  'agenda',
  'answer',
] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;
export const SSE_EVENT_NAMES = {
  comment: 'comment',
  hide: 'moderation',
  restore: 'moderation',
  report: 'moderation',
  session: 'session',
  support: 'support',
  agenda: 'agenda',
  answer: 'answer',
} as const satisfies Record<
  EventType,
  'comment' | 'moderation' | 'session' | 'support' | 'agenda' | 'answer'
>;

export const SessionEvent = z.object({
  seq: z.number().int().positive(),
  type: EventType,
  commentId: z.string().optional(),
  comment: SessionComment.optional(),
  session: Session.optional(),
  reports: z.number().int().optional(),
  supports: z.number().int().nonnegative().optional(),
  agenda: Agenda.optional(),
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
  approve: (sid: string, id: string) => `/api/sessions/${sid}/comments/${id}/approve`,
  bulkModeration: (sid: string) => `/api/sessions/${sid}/comments/moderation`,
  answer: (sid: string, id: string) => `/api/sessions/${sid}/comments/${id}/answer`,
  answers: (sid: string, id: string) => `/api/sessions/${sid}/comments/${id}/answers`,
  import: (sid: string) => `/api/sessions/${sid}/comments/import`,
  audit: (sid: string) => `/api/sessions/${sid}/audit`,
  auditCsv: (sid: string) => `/api/sessions/${sid}/audit.csv`,
  agenda: (sid: string) => `/api/sessions/${sid}/agenda`,
  discuss: (sid: string) => `/api/sessions/${sid}/agenda/now`,
  mute: (sid: string, device: string) => `/api/sessions/${sid}/devices/${device}/mute`,
  unmute: (sid: string, device: string) => `/api/sessions/${sid}/devices/${device}/unmute`,
  events: (sid: string) => `/api/sessions/${sid}/events`,
  exportGeojson: (sid: string) => `/api/sessions/${sid}/export.geojson`,
  exportCsv: (sid: string) => `/api/sessions/${sid}/export.csv`,
  facilitators: '/api/facilitators',
  facilitator: (username: string) => `/api/facilitators/${encodeURIComponent(username)}`,
  password: '/api/auth/password',
} as const;
