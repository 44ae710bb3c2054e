import { z } from 'zod';
import { CommentKind } from '../comments/schema';
import { ANSWER_STATES, AnswerState } from './api';

/**
 * The report of a session (意见采纳情况, issue 22): what was said and how it was
 * answered, as `GET /api/sessions/:sid/report` returns it. The public version
 * holds visible comments only, without anything a participant may not see
 * (src/server/views.ts decides that); the facilitator's holds every comment,
 * hidden and pending ones marked, with the hiding reason. Totals count exactly
 * the rows of the version they come with.
 */

/** An answer state, or `unanswered`: every comment is in exactly one. */
export const REPORT_STATES = [...ANSWER_STATES, 'unanswered'] as const;
export const ReportState = z.enum(REPORT_STATES);
export type ReportState = z.infer<typeof ReportState>;

/** How many comments of a bucket are in each state, and in all. */
export const StateCounts = z.object({
  total: z.number().int().nonnegative(),
  states: z.record(ReportState, z.number().int().nonnegative()),
});
export type StateCounts = z.infer<typeof StateCounts>;

export const ReportAnswer = z.object({
  state: AnswerState,
  reply: z.string().optional(),
  /** Why not adopted (public with its answer, like on the comment's card). */
  reason: z.string().optional(),
  section: z.string().optional(),
});

/** One comment of the report. */
export const ReportRow = z.object({
  id: z.string(),
  kind: CommentKind,
  text: z.string(),
  lon: z.number(),
  lat: z.number(),
  /** The 一带三区 zone it lies in (null: none, or not placed). */
  zone: z.string().nullable(),
  /** The nearest plan place within 2 km and its distance. */
  place: z.object({ id: z.string(), km: z.number() }).nullable(),
  chapters: z.array(z.string()),
  supports: z.number().int().nonnegative(),
  /** The agenda topic under discussion when it arrived. */
  topic: z.string().nullable(),
  answer: ReportAnswer.nullable(),
  /** Facilitator's version only: hidden, and why. */
  hidden: z.literal(true).optional(),
  hiddenReason: z.string().optional(),
  /** Facilitator's version only: still awaiting approval. */
  pending: z.literal(true).optional(),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const SessionReport = z.object({
  version: z.enum(['public', 'facilitator']),
  session: z.object({
    id: z.string(),
    title: z.string(),
    open: z.boolean(),
    closesAt: z.string().optional(),
  }),
  generatedAt: z.string(),
  totals: z.object({
    all: StateCounts,
    byKind: z.array(StateCounts.extend({ kind: CommentKind })),
    /** Absent when the session had no agenda; `topic: null` collects comments made outside a topic. */
    byTopic: z
      .array(StateCounts.extend({ topic: z.string().nullable(), title: z.string().nullable() }))
      .optional(),
    /** `zone: null`: outside every zone (or not placed). */
    byZone: z.array(StateCounts.extend({ zone: z.string().nullable() })),
    /** A comment counts once per chapter; `chapter: null`: no chapter. */
    byChapter: z.array(StateCounts.extend({ chapter: z.string().nullable() })),
  }),
  rows: z.array(ReportRow),
});
export type SessionReport = z.infer<typeof SessionReport>;

export { reportPath } from './reportPath';
