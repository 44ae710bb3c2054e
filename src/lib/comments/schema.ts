import { z } from 'zod';
import { SectionRef } from '../data/features';

/**
 * A consultation comment: anonymous (no name or contact is ever stored), a
 * pin on the map, a kind and up to 1,000 characters. A facilitator sets
 * `status`; hidden comments are kept and can be restored, never deleted.
 */

/** The version of the Comment record; bump it and add a migration in storage when the shape changes. */
export const COMMENT_SCHEMA_VERSION = 1;
export const MAX_COMMENT_LENGTH = 1000;

export const COMMENT_KINDS = ['support', 'concern', 'idea', 'question'] as const;
export const CommentKind = z.enum(COMMENT_KINDS);
export type CommentKind = z.infer<typeof CommentKind>;

export const CommentStatus = z.enum(['visible', 'hidden']);
export type CommentStatus = z.infer<typeof CommentStatus>;

/** Length in characters as a reader counts them (code points, so an emoji is one). */
export const charCount = (text: string): number => [...text].length;

/**
 * Why a text cannot be stored exactly as sent, or null. PostgreSQL text holds
 * no NUL; a lone UTF-16 surrogate has no UTF-8 form (it would be stored as
 * U+FFFD); a leading U+FEFF is read back as a byte-order mark and dropped. So
 * these are refused, here and on the server alike, rather than stored changed.
 */
export function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (/\p{Cs}/u.test(text)) return 'contains a broken character (a lone UTF-16 surrogate)';
  if (text.startsWith('\uFEFF')) return 'starts with an invisible byte-order mark (U+FEFF)';
  return null;
}

/** A zod check that the text is stored exactly as sent (see `unstorable`). */
export const storable =
  (what: string) =>
  (text: string, ctx: z.core.$RefinementCtx<string>): void => {
    const problem = unstorable(text);
    if (problem) ctx.addIssue({ code: 'custom', message: `${what} ${problem}` });
  };

export const CommentText = z
  .string()
  .superRefine(storable('the comment text'))
  .refine((text) => text.trim().length > 0, 'the comment text is empty')
  .refine(
    (text) => charCount(text) <= MAX_COMMENT_LENGTH,
    `the comment text is longer than ${MAX_COMMENT_LENGTH} characters`,
  );

const IsoTime = z.iso.datetime({ offset: true, message: 'not an ISO 8601 date-time' });

export const Comment = z.object({
  id: z.uuid({ message: 'id is not a UUID' }),
  kind: CommentKind,
  text: CommentText,
  lon: z.number().min(-180, 'longitude below −180').max(180, 'longitude above 180'),
  lat: z.number().min(-90, 'latitude below −90').max(90, 'latitude above 90'),
  /** Linked plan section ("5.1", "box5"). */
  section: SectionRef.optional(),
  /** Linked feature id (a slug from features.geojson). */
  feature: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'feature is not a feature id')
    .optional(),
  status: CommentStatus.default('visible'),
  created: IsoTime,
  updated: IsoTime,
  schemaVersion: z.literal(COMMENT_SCHEMA_VERSION, {
    message: `schemaVersion must be ${COMMENT_SCHEMA_VERSION} (made by another version of the app?)`,
  }),
});
export type Comment = z.infer<typeof Comment>;

/** What a participant enters; the rest is filled by `createComment`. */
export interface CommentInput {
  kind: CommentKind;
  text: string;
  lon: number;
  lat: number;
  section?: string;
  feature?: string;
}

/**
 * A random RFC 4122 version-4 UUID. Uses `crypto.randomUUID` where the page is a
 * secure context and `crypto.getRandomValues` otherwise (a laptop serving the
 * app over plain http on a LAN is not a secure context).
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A new, validated comment. Throws a ZodError if the input is invalid (empty or
 * too long text, coordinates out of range, bad section id).
 */
export function createComment(input: CommentInput, now: Date = new Date(), id = newId()): Comment {
  const time = now.toISOString();
  return Comment.parse({
    ...input,
    id,
    status: 'visible',
    created: time,
    updated: time,
    schemaVersion: COMMENT_SCHEMA_VERSION,
  });
}

/** The comment with another status (a facilitator's approve / hide / restore), `updated` bumped. */
export function withStatus(
  comment: Comment,
  status: CommentStatus,
  now: Date = new Date(),
): Comment {
  return { ...comment, status, updated: laterTime(comment.updated, now) };
}

/** The comment with edited fields, validated, `updated` bumped. */
export function withEdits(
  comment: Comment,
  edits: Partial<Pick<Comment, 'kind' | 'text' | 'lon' | 'lat' | 'section' | 'feature'>>,
  now: Date = new Date(),
): Comment {
  return Comment.parse({ ...comment, ...edits, updated: laterTime(comment.updated, now) });
}

/** `now`, or 1 ms after `previous` if the clock is behind it, so an edit is always the newer version. */
function laterTime(previous: string, now: Date): string {
  const before = Date.parse(previous);
  return new Date(Math.max(now.getTime(), before + 1)).toISOString();
}

/** Milliseconds since the epoch of `updated`, for "newer wins". */
export const updatedAt = (comment: Comment): number => Date.parse(comment.updated);
