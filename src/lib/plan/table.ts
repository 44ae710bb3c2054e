import type { PlanTable, TableCell, TableRow } from '../data/plan';
import { normalizeSpacing, removeCjkSpaces } from './normalize.ts';

/** What the table parser needs besides the tab rows. */
export interface TableSource {
  id: string;
  number: number;
  label: string;
  title: string;
  sectionId: string;
  /** Tab-separated lines as printed, header repeats (page breaks) included. */
  lines: string[];
  /** The 注： line, if any. */
  note: string | null;
}

/** A fact about the table worth an editorial note (merged cells filled in). */
export interface TableRemark {
  original: string;
  note: string;
}

const ATTRIBUTE = /性$/;
const SEQ = /^\d+$/;

const cellsOf = (line: string) => {
  const cells = line.split('\t').map((c) => normalizeSpacing(c));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
};

/** `[40.8]`, `≥93.3`, `60以上`, `89.01%`, `2019年 32.21` → a number; `—`, `按上级任务` → null. */
export function cellValue(text: string): number | null {
  const t = text
    .replace(/^\d{4}年/, '')
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/^[≥≤]/, '')
    .replace(/以上$/, '')
    .replace(/%$/, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

const cell = (text: string): TableCell => ({ text, value: cellValue(text) });

/** The unit printed in the indicator's last parentheses, `地区生产总值(亿元)` → `亿元`. */
function unitOf(indicator: string): string | null {
  return /[(（]([^()（）]+)[)）]$/.exec(indicator)?.[1] ?? null;
}

/** Column labels from the first header (and its sub-header), merged cells joined by "·". */
function columnsOf(header: string[][]) {
  const top = header[0] ?? [];
  const sub = header[1] ?? [];
  const name = top.findIndex((c) => /^指标(名称)?$/.test(c));
  if (name < 0) throw new Error('table header has no 指标 column');
  let first = name + 1;
  while (top[first] === '') first++;
  const last = top.length - 1;
  if (!ATTRIBUTE.test(top[last] ?? '')) throw new Error('table header does not end in 属性');
  const labels: string[] = [];
  let parent = '';
  for (let i = first; i < last; i++) {
    parent = top[i] || parent;
    const below = sub[i] ?? '';
    labels.push(below && below !== parent ? `${parent}·${below}` : parent);
  }
  return labels;
}

/**
 * Parse 表一 / 表二: the header repeats after a page break, the category column is merged
 * (blank below its first row), and an indicator with two measures (城镇化率, 森林增长)
 * spans two rows whose second one starts with the measure's name in the first column.
 */
export function parseTable(source: TableSource): { table: PlanTable; remarks: TableRemark[] } {
  const header: string[][] = [];
  const data: string[][] = [];
  let inHeader = false;
  for (const line of source.lines) {
    const cells = cellsOf(line);
    if (cells[0] === '类别') {
      inHeader = true;
      if (header.length === 0) header.push(cells);
      continue;
    }
    if (inHeader && !cells[0] && !cells[1]) {
      if (header.length === 1 && data.length === 0) header.push(cells);
      continue;
    }
    inHeader = false;
    data.push(cells);
  }
  const rawColumns = columnsOf(header);
  const unitColumn = rawColumns.indexOf('单位');
  const columns = rawColumns.filter((_, i) => i !== unitColumn);
  const remarks: TableRemark[] = [];
  const rows: TableRow[] = [];
  for (const cells of data) {
    const attribute = ATTRIBUTE.test(cells[cells.length - 1] ?? '') ? cells.pop()! : '';
    const values = cells.splice(Math.max(0, cells.length - rawColumns.length));
    if (values.length !== rawColumns.length) {
      throw new Error(`${source.label}: row «${cells.join(' ')}» has too few cells`);
    }
    const previous = rows[rows.length - 1];
    let row: TableRow;
    if (SEQ.test(cells[1] ?? '')) {
      const names = cells.slice(2).filter(Boolean);
      const category = cells[0] || previous?.category;
      if (!category || names.length === 0) throw new Error(`${source.label}: bad row ${cells[1]}`);
      row = {
        category,
        seq: Number(cells[1]),
        group: names.length > 1 ? names[0]! : null,
        indicator: names[names.length - 1]!,
        unit: null,
        cells: [],
        attribute,
      };
    } else {
      // The second measure of a two-row indicator.
      const indicator = cells.filter(Boolean)[0];
      if (!previous || !indicator)
        throw new Error(`${source.label}: stray row «${cells.join(' ')}»`);
      row = { ...previous, indicator, cells: [], attribute };
      if (!previous.attribute && attribute) {
        previous.attribute = attribute;
        remarks.push({
          original: previous.indicator,
          note: `${source.label}第${previous.seq}项“${previous.indicator}”的指标属性为合并单元格，取自下一行（${attribute}）。`,
        });
      }
    }
    row.indicator = removeCjkSpaces(row.indicator);
    const unitCell = unitColumn >= 0 ? values[unitColumn] : undefined;
    row.unit = unitCell !== undefined ? unitCell || null : unitOf(row.indicator);
    row.cells = values.filter((_, i) => i !== unitColumn).map(cell);
    rows.push(row);
  }
  const actual = columns.findIndex((c) => /^(完成情况·)?2020年$/.test(c));
  const target = columns.findIndex((c) => /^(2025年|规划目标·2020年)$/.test(c));
  const notes = source.note
    ? normalizeSpacing(source.note.replace(/^注[：:]/, ''))
        .split(/；(?=\d+\.)/)
        .filter(Boolean)
    : [];
  return {
    table: {
      id: source.id,
      number: source.number,
      label: source.label,
      title: source.title,
      sectionId: source.sectionId,
      header,
      columns,
      compare: { actual, target },
      rows,
      notes,
    },
    remarks,
  };
}
