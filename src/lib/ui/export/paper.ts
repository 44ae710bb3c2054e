/** Paper sizes the print stylesheet offers (always landscape: the map is wider than tall). */
export const PAPERS = ['a4', 'a3'] as const;
export type Paper = (typeof PAPERS)[number];

const STYLE_ID = 'print-page-size';

/**
 * Choose the printed page: a class on <html> (`print-a4` / `print-a3`, which the print
 * stylesheet uses to size the map) and the `@page` rule in one <style> element, swapped
 * in place (`@page` cannot be chosen by a class selector).
 */
export function setPaper(paper: Paper, doc: Document = document): void {
  const root = doc.documentElement;
  for (const p of PAPERS) root.classList.toggle(`print-${p}`, p === paper);
  let style = doc.getElementById(STYLE_ID);
  if (!style) {
    style = doc.createElement('style');
    style.id = STYLE_ID;
    doc.head.append(style);
  }
  style.textContent = `@page { size: ${paper.toUpperCase()} landscape; margin: 10mm; }`;
}
