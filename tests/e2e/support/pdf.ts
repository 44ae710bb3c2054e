/**
 * Just enough of a PDF reader to say what a printed page holds: Chromium's tagged PDF
 * (`page.pdf({ tagged: true })`) writes a structure tree of the document (headings,
 * figures with their accessible name, lists, table cells), each part naming the page
 * it is drawn on. Skia writes these dictionaries uncompressed, so no inflating is needed.
 */

/** A part of the printed document: its role (`H2`, `Figure`, `LI`, `TD` …), its name and its pages. */
export interface PrintedPart {
  role: string;
  /** A figure's accessible name (`/Alt`). */
  alt?: string;
  /** 0-based indices of the pages it is drawn on. */
  pages: number[];
}

export interface PrintedPdf {
  pageCount: number;
  parts: PrintedPart[];
}

/** A PDF text string: `<FEFF…>` UTF-16BE hex, or a literal `(…)`. */
function textString(raw: string): string {
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s+/g, '');
    const bytes = Buffer.from(hex, 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return bytes.subarray(2).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  return raw.slice(1, -1).replace(/\\([()\\])/g, '$1');
}

const refs = (text: string) => [...text.matchAll(/(\d+) 0 R/g)].map((m) => m[1]!);

export function readPdf(pdf: Buffer): PrintedPdf {
  const text = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?)endobj/g)) objects.set(m[1]!, m[2]!);

  // The pages in reading order: the page tree from the catalogue, depth first.
  const catalogue = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o))!;
  const order: string[] = [];
  const walk = (id: string) => {
    const node = objects.get(id) ?? '';
    if (/\/Type\s*\/Pages\b/.test(node))
      for (const kid of refs(/\/Kids\s*\[([^\]]*)\]/.exec(node)![1]!)) walk(kid);
    else order.push(id);
  };
  walk(/\/Pages\s+(\d+) 0 R/.exec(catalogue)![1]!);
  const pageIndex = new Map(order.map((id, i) => [id, i]));

  // Each structure element's pages: its own /Pg, and those of its parts.
  const memo = new Map<string, Set<number>>();
  const pagesOf = (id: string): Set<number> => {
    const known = memo.get(id);
    if (known) return known;
    const pages = new Set<number>();
    memo.set(id, pages);
    const element = objects.get(id) ?? '';
    for (const m of element.matchAll(/\/Pg\s+(\d+) 0 R/g)) pages.add(pageIndex.get(m[1]!)!);
    const kids = /\/K\s*(\[[^\]]*\]|\d+ 0 R)/.exec(element)?.[1] ?? '';
    for (const kid of refs(kids))
      if (objects.get(kid)?.includes('/StructElem')) for (const p of pagesOf(kid)) pages.add(p);
    return pages;
  };

  const parts: PrintedPart[] = [];
  for (const [id, body] of objects) {
    if (!/\/Type\s*\/StructElem\b/.test(body)) continue;
    const role = /\/S\s*\/(\w+)/.exec(body)![1]!;
    if (role === 'NonStruct') continue;
    const alt = /\/Alt\s*(<[^>]*>|\((?:\\.|[^\\)])*\))/.exec(body)?.[1];
    parts.push({
      role,
      ...(alt ? { alt: textString(alt) } : {}),
      pages: [...pagesOf(id)].sort((a, b) => a - b),
    });
  }
  return { pageCount: order.length, parts };
}
