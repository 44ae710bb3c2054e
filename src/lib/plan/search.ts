import type { PlanDocument } from '../data/plan';
import { planUnits } from './text';

/** One occurrence of the query. */
export interface SearchHit {
  /** The chapter or section to open ("4.3"; "8" for a chapter's introduction). */
  sectionId: string;
  sectionTitle: string;
  /** Where exactly: the section itself, or the box, table or footnote inside it. */
  targetId: string;
  /** About 40 characters around the match, with … where it was cut. */
  snippet: string;
  /** The match inside `snippet`: snippet.slice(matchStart, matchEnd) is the query. */
  matchStart: number;
  matchEnd: number;
}

const CONTEXT = 20;

/** A window of `text` around [start, end), marked with … where cut. */
function snippetAround(text: string, start: number, end: number) {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  const lead = from > 0 ? '…' : '';
  const snippet = `${lead}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  return { snippet, matchStart: lead.length + start - from, matchEnd: lead.length + end - from };
}

/**
 * Substring search over the whole plan (good enough for Chinese, which has no word
 * breaks): every occurrence in headings, paragraphs, boxes, tables and footnotes, in
 * reading order, at most `limit` hits. Whitespace in the query is collapsed; an empty
 * query finds nothing.
 */
export function searchPlan(doc: PlanDocument, query: string, limit = 200): SearchHit[] {
  const needle = query.replace(/\s+/g, ' ').trim();
  if (!needle) return [];
  const titles = new Map<string, string>([
    ...doc.chapters.map((c): [string, string] => [c.id, c.title]),
    ...doc.sections.map((s): [string, string] => [s.id, s.title]),
  ]);
  const hits: SearchHit[] = [];
  for (const unit of planUnits(doc)) {
    for (const line of [unit.title, ...unit.lines]) {
      for (let at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + needle.length)) {
        if (hits.length >= limit) return hits;
        hits.push({
          sectionId: unit.sectionId,
          sectionTitle: titles.get(unit.sectionId) ?? unit.sectionId,
          targetId: unit.id,
          ...snippetAround(line, at, at + needle.length),
        });
      }
    }
  }
  return hits;
}
