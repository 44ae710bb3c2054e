import type { PlanBlock, PlanDocument, PlanTable } from '../data/plan';
import { squeeze } from './normalize.ts';

/** A citable piece of the plan with its own text, in reading order. */
export interface PlanUnit {
  /** Chapter ("5", its introduction), section ("5.1"), box, table or footnote id. */
  id: string;
  /** The chapter or section it sits in (itself for chapters and sections). */
  sectionId: string;
  title: string;
  /** Its own lines: paragraphs, box items, table rows; not the boxes inside a section. */
  lines: string[];
}

/** A table row as one line of text: category, indicator, unit, values, attribute. */
export function tableRowText(table: PlanTable, index: number): string {
  const row = table.rows[index];
  if (!row) return '';
  const name = row.group ? `${row.group} ${row.indicator}` : row.indicator;
  const cells = row.cells.map((c, i) => `${table.columns[i] ?? ''} ${c.text}`);
  return [row.category, String(row.seq), name, row.unit ?? '', ...cells, row.attribute]
    .filter(Boolean)
    .join(' ');
}

function blockUnits(doc: PlanDocument, sectionId: string, blocks: PlanBlock[]): PlanUnit[] {
  const units: PlanUnit[] = [];
  for (const block of blocks) {
    if (block.kind === 'box') {
      const box = doc.boxes.find((b) => b.id === block.id);
      if (box) {
        const lines = box.items.map((i) => (i.label ? `${i.label} ${i.text}` : i.text));
        units.push({ id: box.id, sectionId, title: `${box.label} ${box.title}`, lines });
      }
    } else if (block.kind === 'table') {
      const table = doc.tables.find((t) => t.id === block.id);
      if (table) {
        const rows = table.rows.map((_, i) => tableRowText(table, i));
        const title = `${table.label} ${table.title}`;
        units.push({ id: table.id, sectionId, title, lines: [...rows, ...table.notes] });
      }
    } else if (block.kind === 'footnote') {
      const fn = doc.footnotes.find((f) => f.id === block.id);
      if (fn) units.push({ id: fn.id, sectionId, title: `注${fn.number}`, lines: [fn.text] });
    }
  }
  return units;
}

/**
 * Every citable unit in reading order: a chapter's introduction, then its sections, each
 * followed by the boxes, tables and footnotes it contains (in the order they appear).
 */
export function planUnits(doc: PlanDocument): PlanUnit[] {
  const units: PlanUnit[] = [];
  for (const chapter of doc.chapters) {
    const title = `${chapter.number} ${chapter.title}`;
    units.push({ id: chapter.id, sectionId: chapter.id, title, lines: chapter.paragraphs });
    units.push(...blockUnits(doc, chapter.id, chapter.blocks));
    for (const id of chapter.sectionIds) {
      const section = doc.sections.find((s) => s.id === id);
      if (!section) continue;
      units.push({ id, sectionId: id, title: `${id} ${section.title}`, lines: section.paragraphs });
      units.push(...blockUnits(doc, id, section.blocks));
    }
  }
  return units;
}

/** Every chapter, section, box, table and footnote id, in reading order. */
export function allSectionIds(doc: PlanDocument): string[] {
  return planUnits(doc).map((u) => u.id);
}

const tidy = (line: string) => line.replace(/[ \t\u3000]+/g, ' ').trim();

/**
 * The plain text of one unit: its heading and its own text, one line per paragraph, row
 * or item, runs of spaces collapsed. A chapter id gives only the chapter's introduction;
 * a section's text does not include the boxes and tables inside it (they have their own
 * ids). Returns null for an unknown id.
 */
export function sectionText(doc: PlanDocument, id: string): string | null {
  const unit = planUnits(doc).find((u) => u.id === id);
  if (!unit) return null;
  return [unit.title, ...unit.lines].map(tidy).filter(Boolean).join('\n');
}

/** Ids of every unit whose own text (heading included) names `name`, in reading order. */
export function findSectionsNaming(doc: PlanDocument, name: string): string[] {
  const needle = squeeze(name);
  if (!needle) return [];
  return planUnits(doc)
    .filter((u) => squeeze([u.title, ...u.lines].join('')).includes(needle))
    .map((u) => u.id);
}

/**
 * Whether `quote` occurs in any of the units, ignoring all whitespace (the OCR put spaces
 * around numbers: `738.5 亿元` and `738.5亿元` are the same quote). Unknown ids never match.
 */
export function quoteOccursIn(doc: PlanDocument, sectionIds: string[], quote: string): boolean {
  const needle = squeeze(quote);
  if (!needle) return false;
  return sectionIds.some((id) => {
    const text = sectionText(doc, id);
    return text !== null && squeeze(text).includes(needle);
  });
}

/**
 * The chapter or section to show for any id: itself for chapters and sections, the
 * passage holding it for boxes, tables, figures and footnotes; null if unknown.
 */
export function containingSection(doc: PlanDocument, id: string): string | null {
  if (doc.chapters.some((c) => c.id === id) || doc.sections.some((s) => s.id === id)) return id;
  const holder = [...doc.boxes, ...doc.tables, ...doc.footnotes, ...doc.figures].find(
    (x) => x.id === id,
  );
  return holder?.sectionId ?? null;
}
