import { z } from 'zod';

/** Chapter ids are "1"…"14". */
const ChapterId = z.string().regex(/^([1-9]|1[0-4])$/, 'chapter id must be 1–14');
/** Section ids are "<chapter>.<n>", e.g. "5.1". */
const SectionId = z.string().regex(/^([1-9]|1[0-4])\.[1-9]$/, 'section id must look like 5.1');
/** Where a box, table, figure or footnote sits: a section, or a chapter's introduction. */
const PlaceId = z.union([SectionId, ChapterId]);
const BoxId = z.string().regex(/^box([1-9]|10)$/);
const TableId = z.string().regex(/^table[12]$/);
const FootnoteId = z.string().regex(/^fn[1-9]\d*$/);
const FigureId = z.string().regex(/^fig\d+-\d+$/);

/**
 * One step of a passage in reading order. Paragraphs are referenced by index into the
 * passage's `paragraphs` so the text lives in one place; a footnote block follows the
 * paragraph that references it, so the reader can show it inline.
 */
export const PlanBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), index: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('box'), id: BoxId }),
  z.object({ kind: z.literal('table'), id: TableId }),
  z.object({ kind: z.literal('figure'), id: FigureId }),
  z.object({ kind: z.literal('footnote'), id: FootnoteId }),
]);
export type PlanBlock = z.infer<typeof PlanBlock>;

/** Running text: paragraphs rejoined across page breaks and footnotes, in reading order. */
const passageShape = {
  paragraphs: z.array(z.string().min(1)),
  blocks: z.array(PlanBlock),
};

export const PlanSection = z.object({
  id: SectionId,
  chapterId: ChapterId,
  /** 1 for （一）. */
  number: z.number().int().positive(),
  /** Without the （一） prefix and the closing 。. */
  title: z.string().min(1),
  ...passageShape,
});
export type PlanSection = z.infer<typeof PlanSection>;

export const PlanChapter = z.object({
  id: ChapterId,
  number: z.number().int().min(1).max(14),
  /** Without the 一、 prefix. */
  title: z.string().min(1),
  /** The chapter's introduction, before its first section (may be empty). */
  ...passageShape,
  sectionIds: z.array(SectionId).min(1),
});
export type PlanChapter = z.infer<typeof PlanChapter>;

/** A row or item of a 专栏; `label` is the first cell of a two-column box (专栏七). */
export const BoxItem = z.object({ label: z.string().nullable(), text: z.string().min(1) });
export type BoxItem = z.infer<typeof BoxItem>;

export const PlanBox = z.object({
  id: BoxId,
  number: z.number().int().min(1).max(10),
  /** 专栏一 … 专栏十. */
  label: z.string().regex(/^专栏[一二三四五六七八九十]+$/),
  title: z.string().min(1),
  sectionId: PlaceId,
  items: z.array(BoxItem).min(1),
});
export type PlanBox = z.infer<typeof PlanBox>;

/** A table cell as printed, with its number when it is a plain quantity. */
export const TableCell = z.object({ text: z.string(), value: z.number().nullable() });
export type TableCell = z.infer<typeof TableCell>;

export const TableRow = z.object({
  /** 经济发展, 创新驱动 … (merged cells filled down). */
  category: z.string().min(1),
  /** 序号: the indicator number; two rows share it when an indicator has two measures. */
  seq: z.number().int().positive(),
  /** The merged parent name when an indicator spans rows (城镇化率, 森林增长). */
  group: z.string().nullable(),
  indicator: z.string().min(1),
  unit: z.string().nullable(),
  /** Aligned with the table's `columns`. */
  cells: z.array(TableCell),
  /** 预期性 or 约束性. */
  attribute: z.string(),
});
export type TableRow = z.infer<typeof TableRow>;

export const PlanTable = z
  .object({
    id: TableId,
    number: z.number().int().min(1).max(2),
    /** 表一, 表二. */
    label: z.string().regex(/^表[一二]$/),
    title: z.string().min(1),
    sectionId: PlaceId,
    /** The header rows as printed (merged cells left blank). */
    header: z.array(z.array(z.string())),
    /** Labels of the value columns, merged headers joined with "·" (规划目标·2020年). */
    columns: z.array(z.string().min(1)).min(1),
    /** Which columns to compare in a bar: the 2020 value and the target. */
    compare: z.object({ actual: z.number().int(), target: z.number().int() }),
    rows: z.array(TableRow).min(1),
    notes: z.array(z.string()),
  })
  .refine(
    (t) => t.rows.every((r) => r.cells.length === t.columns.length),
    'every row needs one cell per column',
  );
export type PlanTable = z.infer<typeof PlanTable>;

export const PlanFootnote = z.object({
  id: FootnoteId,
  number: z.number().int().positive(),
  /** The section (or chapter introduction) whose paragraph carries the reference. */
  sectionId: PlaceId,
  /** Index of that paragraph in the passage's `paragraphs`. */
  paragraph: z.number().int().nonnegative(),
  /** Character offset in that paragraph right after the referenced words. */
  offset: z.number().int().nonnegative(),
  text: z.string().min(1),
});
export type PlanFootnote = z.infer<typeof PlanFootnote>;

/** A figure the text refers to; the image itself is not part of the source. */
export const PlanFigure = z.object({
  id: FigureId,
  /** 图 5-1. */
  label: z.string().min(1),
  title: z.string().min(1),
  sectionId: PlaceId,
});
export type PlanFigure = z.infer<typeof PlanFigure>;

/** An editorial remark: the source text is kept, the note says what looks wrong. */
export const EditorialNote = z.object({
  id: z.string().regex(/^note\d+$/),
  kind: z.enum(['misprint', 'source', 'table']),
  /** The section, box, table or footnote concerned, or "title" for the plan's title. */
  targetId: z.string().min(1),
  /** The text as printed. */
  original: z.string().min(1),
  /** The probable intended text, for misprints. */
  suggestion: z.string().nullable(),
  note: z.string().min(1),
});
export type EditorialNote = z.infer<typeof EditorialNote>;

export const PlanDocument = z
  .object({
    title: z.string().min(1),
    /** 临政发〔2021〕21号. */
    docNumber: z.string().min(1),
    /** The covering notice (通知), paragraphs. */
    notice: z.array(z.string()),
    chapters: z.array(PlanChapter).length(14),
    sections: z.array(PlanSection).min(14),
    boxes: z.array(PlanBox),
    tables: z.array(PlanTable),
    footnotes: z.array(PlanFootnote),
    figures: z.array(PlanFigure),
    /** The concluding paragraph after chapter 14. */
    closing: z.array(z.string()),
    /** 抄送, issuing office and date. */
    colophon: z.array(z.string()),
    notes: z.array(EditorialNote),
  })
  .superRefine((doc, ctx) => {
    const places = new Set([...doc.chapters.map((c) => c.id), ...doc.sections.map((s) => s.id)]);
    for (const [i, item] of [
      ...doc.boxes,
      ...doc.tables,
      ...doc.footnotes,
      ...doc.figures,
    ].entries()) {
      if (!places.has(item.sectionId)) {
        ctx.addIssue({
          code: 'custom',
          message: `${item.id} sits in unknown ${item.sectionId}`,
          path: [i],
        });
      }
    }
    const ids = new Set([
      'title',
      ...places,
      ...doc.boxes.map((b) => b.id),
      ...doc.tables.map((t) => t.id),
      ...doc.footnotes.map((f) => f.id),
    ]);
    for (const note of doc.notes) {
      if (!ids.has(note.targetId)) {
        ctx.addIssue({ code: 'custom', message: `${note.id} targets unknown ${note.targetId}` });
      }
    }
  });
export type PlanDocument = z.infer<typeof PlanDocument>;
