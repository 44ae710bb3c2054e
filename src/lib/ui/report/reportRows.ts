import type { CommentKind } from '../../comments/schema';
import type { ReportRow, ReportState } from '../../consultation/report';
import type { Params } from '../../i18n';
import type { ReportKey } from '../../i18n/reportStrings';
import { rowsByChapter } from './byChapter';

/**
 * The 采纳情况 table's rows as the strings they show, prepared once per report
 * and language: at 20,000 comments the table has ~40,000 rows, and resolving
 * names and labels per cell while rendering (each a read of reactive state)
 * was most of the page's script time. Plain strings in, plain strings out.
 */

/** The names a report is shown with, in one language (reportText.ts `reportNames`). */
export interface ReportNames {
  text(key: ReportKey, params?: Params): string;
  kind(kind: CommentKind): string;
  state(state: ReportState): string;
  /** A plan feature's name (a zone, a place). */
  feature(id: string): string;
  /** A chapter as the plan names it ("第 5.1 节"). */
  chapter(id: string): string;
}

/** One row of the table, every cell a plain string (user text stays text). */
export interface RowView {
  id: string;
  hidden: boolean;
  pending: boolean;
  place: string;
  kind: string;
  text: string;
  /** Under the text, in the facilitator's version only: 已隐藏 and why, 待审核. */
  hiddenFlag: string | null;
  hiddenReason: string | null;
  pendingFlag: string | null;
  supports: string;
  state: ReportState;
  stateName: string;
  reply: string;
  /** Under the reply: why not adopted, the plan section it points to. */
  notes: string[];
}

/** The rows under one chapter, with the chapter's heading ("第 5.1 节 · 12"). */
export interface ChapterRows<Row = RowView> {
  /** The chapter id; '' for the comments without one. */
  chapter: string;
  heading: string;
  rows: Row[];
}

/** The table's column headings, in its column order. */
export const COLUMNS = ['place', 'kind', 'text', 'supports', 'answer', 'reply'] as const;

/**
 * A report row's display strings in the language of `names`, made once per row (a
 * comment under two chapters is prepared once and shown twice) and per name.
 */
export function rowViews(names: ReportNames): (row: ReportRow) => RowView {
  const cache = new Map<string, string>();
  const once = (key: string, make: () => string) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make()));
    return value;
  };
  const feature = (id: string) => once(`f:${id}`, () => names.feature(id));
  const chapter = (id: string) => once(`c:${id}`, () => names.chapter(id));
  const views = new WeakMap<ReportRow, RowView>();
  const view = (row: ReportRow): RowView => {
    const state = row.answer?.state ?? 'unanswered';
    const notes: string[] = [];
    if (row.answer?.reason) notes.push(row.answer.reason);
    if (row.answer?.section) notes.push(chapter(row.answer.section));
    return {
      id: row.id,
      hidden: row.hidden === true,
      pending: row.pending === true,
      place: row.place
        ? `${feature(row.place.id)} · ${names.text('km', { km: row.place.km.toFixed(1) })}`
        : row.zone
          ? feature(row.zone)
          : once('noPlace', () => names.text('noPlace')),
      kind: once(`k:${row.kind}`, () => names.kind(row.kind)),
      text: row.text,
      hiddenFlag: row.hidden ? once('hidden', () => names.text('hidden')) : null,
      hiddenReason:
        row.hidden && row.hiddenReason
          ? names.text('hiddenReason', { reason: row.hiddenReason })
          : null,
      pendingFlag: row.pending ? once('pending', () => names.text('pending')) : null,
      supports: String(row.supports),
      state,
      stateName: once(`s:${state}`, () => names.state(state)),
      reply: row.answer?.reply ?? '',
      notes,
    };
  };
  return (row) => {
    let prepared = views.get(row);
    if (!prepared) views.set(row, (prepared = view(row)));
    return prepared;
  };
}

/**
 * The report's rows under each of their chapters (chapters in the plan's order, those
 * without one last), with each chapter's heading in the language of `names`. The rows
 * stay as they came: the page makes their strings (`rowViews`) when it builds them.
 */
export function chapterGroups(
  rows: readonly ReportRow[],
  names: ReportNames,
): ChapterRows<ReportRow>[] {
  return rowsByChapter(rows).map(([id, list]) => ({
    chapter: id ?? '',
    heading: `${id ? names.chapter(id) : names.text('noChapter')} · ${list.length}`,
    rows: list,
  }));
}

/** Every row of the report under each of its chapters, as display strings (`chapterGroups` + `rowViews`). */
export function prepareRows(rows: readonly ReportRow[], names: ReportNames): ChapterRows[] {
  const view = rowViews(names);
  return chapterGroups(rows, names).map((group) => ({ ...group, rows: group.rows.map(view) }));
}

/** A run of at most `size` rows of one chapter: the unit the screen lays out only when near the view. */
export interface RowBlock<Row = RowView> {
  key: string;
  chapter: string;
  /** The chapter's heading, on its first block only. */
  heading: string | null;
  rows: Row[];
}

/** The chapters cut into blocks of at most `size` rows, in order. */
export function inBlocks<Row>(
  chapters: readonly ChapterRows<Row>[],
  size: number,
): RowBlock<Row>[] {
  const blocks: RowBlock<Row>[] = [];
  for (const { chapter, heading, rows } of chapters) {
    for (let start = 0; start < rows.length; start += size) {
      blocks.push({
        key: `${chapter}:${start}`,
        chapter,
        heading: start === 0 ? heading : null,
        rows: rows.slice(start, start + size),
      });
    }
  }
  return blocks;
}

/** Consecutive blocks of one chapter printed as one `<table>` (with its own header). */
export interface RowTable<Row = RowView> {
  key: string;
  blocks: RowBlock<Row>[];
}

/**
 * The blocks in tables of at most `size` blocks, a new table at each chapter. On paper
 * Chromium lays out one long table in time that grows faster than its rows (one table of
 * 12,000 rows printed 3.7× slower than the same rows as tables of 100; at 40,000 rows
 * printing failed): many short tables print in time that grows with the rows.
 */
export function inTables<Row>(blocks: readonly RowBlock<Row>[], size: number): RowTable<Row>[] {
  const tables: RowTable<Row>[] = [];
  let table: RowTable<Row> | undefined;
  for (const block of blocks) {
    if (!table || table.blocks.length >= size || table.blocks[0]!.chapter !== block.chapter) {
      tables.push((table = { key: block.key, blocks: [] }));
    }
    table.blocks.push(block);
  }
  return tables;
}
