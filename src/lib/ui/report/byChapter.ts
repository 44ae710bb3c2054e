import type { ReportRow } from '../../consultation/report';

/**
 * The report's rows grouped by chapter, chapters in the plan's order (5.2 before
 * 5.10), a comment under each chapter it concerns; those without one last (null).
 */
export function rowsByChapter(rows: readonly ReportRow[]): [string | null, ReportRow[]][] {
  const groups = new Map<string | null, ReportRow[]>();
  for (const row of rows) {
    for (const chapter of row.chapters.length ? row.chapters : [null]) {
      const list = groups.get(chapter) ?? [];
      list.push(row);
      groups.set(chapter, list);
    }
  }
  return [...groups].sort(([a], [b]) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'en', { numeric: true }),
  );
}
