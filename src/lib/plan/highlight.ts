/** A run of text, marked when it matches the highlighted term. */
export interface TextPart {
  text: string;
  hit: boolean;
}

/**
 * Split `text` into runs so the matches of `term` can be wrapped in <mark> without ever
 * building HTML. An empty or missing term gives the whole text as one run.
 * @example splitHighlight('头门港区', '港') // [{text:'头门',hit:false},{text:'港',hit:true},{text:'区',hit:false}]
 */
export function splitHighlight(text: string, term: string | null | undefined): TextPart[] {
  const needle = term?.trim();
  if (!needle) return [{ text, hit: false }];
  const parts: TextPart[] = [];
  let last = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    if (at > last) parts.push({ text: text.slice(last, at), hit: false });
    parts.push({ text: needle, hit: true });
    last = at + needle.length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

/** A paragraph cut at its footnote references: text runs, each followed by its markers. */
export interface ParagraphPiece {
  text: string;
  /** Footnotes referenced right after this run. */
  footnotes: { id: string; number: number }[];
}

/** Cut a paragraph at the offsets of the footnotes that reference it. */
export function splitAtFootnotes(
  text: string,
  refs: { id: string; number: number; offset: number }[],
): ParagraphPiece[] {
  const sorted = [...refs].sort((a, b) => a.offset - b.offset);
  const pieces: ParagraphPiece[] = [];
  let last = 0;
  for (const ref of sorted) {
    const prev = pieces[pieces.length - 1];
    if (ref.offset === last && prev) {
      prev.footnotes.push({ id: ref.id, number: ref.number });
      continue;
    }
    pieces.push({
      text: text.slice(last, ref.offset),
      footnotes: [{ id: ref.id, number: ref.number }],
    });
    last = ref.offset;
  }
  if (last < text.length || pieces.length === 0)
    pieces.push({ text: text.slice(last), footnotes: [] });
  return pieces;
}
