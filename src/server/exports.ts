import Papa from 'papaparse';
import { CSV_COLUMNS, escapeCell, exportGeojson } from '../lib/comments/files';
import type { AuditEntry, SessionComment } from '../lib/consultation/api';

/**
 * A session's comments for the planning office: the app's own GeoJSON and CSV
 * formats (src/lib/comments/files.ts, so the app can read them back) plus the
 * moderation columns: hidden, hiddenReason, hiddenAt, reports, seq, and the
 * facilitator's current answer: answerState (adopted | partly | rejected |
 * in_plan | studying), answerReply, answerReason, answerSection, answerAt.
 * A hidden comment keeps its answer here: the exports are the facilitator's.
 */

export const MODERATION_COLUMNS = [
  'hidden',
  'hiddenReason',
  'hiddenAt',
  'reports',
  'seq',
  'pending',
] as const;

export const ANSWER_COLUMNS = [
  'answerState',
  'answerReply',
  'answerReason',
  'answerSection',
  'answerAt',
] as const;

const moderation = (c: SessionComment) => ({
  hidden: c.hidden,
  pending: c.pending === true,
  hiddenReason: c.hiddenReason ?? null,
  hiddenAt: c.hiddenAt ?? null,
  reports: c.reports ?? 0,
  seq: c.seq,
  answerState: c.answer?.state ?? null,
  answerReply: c.answer?.reply ?? null,
  answerReason: c.answer?.reason ?? null,
  answerSection: c.answer?.section ?? null,
  answerAt: c.answer?.at ?? null,
});

export function sessionGeojson(comments: readonly SessionComment[]): string {
  const collection = JSON.parse(exportGeojson(comments)) as {
    features: { properties: Record<string, unknown> }[];
  };
  collection.features.forEach((feature, i) =>
    Object.assign(feature.properties, moderation(comments[i]!)),
  );
  return JSON.stringify(collection, null, 1);
}

export function sessionCsv(comments: readonly SessionComment[]): string {
  return csv(
    [...CSV_COLUMNS, ...MODERATION_COLUMNS, ...ANSWER_COLUMNS],
    comments.map((c) => ({ ...c, ...moderation(c) })),
  );
}

export const AUDIT_COLUMNS = [
  'id',
  'at',
  'action',
  'commentId',
  'device',
  'reason',
  'answerState',
  'topicId',
  'actor',
] as const;

/** The audit log for the planning office: one row per entry, oldest first, reasons as text. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return csv(AUDIT_COLUMNS, entries);
}

/** UTF-8 with a BOM (so Excel reads Chinese), CRLF, every text cell through `escapeCell` (no formulas). */
export function csv(fields: readonly string[], records: readonly object[]): string {
  const rows = records.map((record) =>
    fields.map((column) => {
      const value = (record as Record<string, unknown>)[column];
      if (value === undefined || value === null) return '';
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return escapeCell(String(value));
    }),
  );
  return (
    '\uFEFF' +
    Papa.unparse({ fields: [...fields], data: rows }, { newline: '\r\n', quotes: false }) +
    '\r\n'
  );
}
