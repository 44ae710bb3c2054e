import type { PlanDocument } from '../data/plan';
import { containingSection } from './text';

/**
 * Which chapters and sections of the plan a comment concerns, from its placement's
 * chapter refs (src/lib/geo/commentPlace.ts: section ids, or a box or footnote id).
 * A ref concerns the section that holds it and that section's chapter, so the
 * reader's count of 五 includes a comment on 5.1, and a comment on 专栏5 counts
 * for 4.3 where the box stands. The comment list's chapter filter uses the same
 * rule, so a count and the list it opens always agree.
 */

/** The chapter and section ids a list of refs concerns (each once). */
export function unitsOf(doc: PlanDocument, refs: readonly string[]): Set<string> {
  const units = new Set<string>();
  for (const ref of refs) {
    const unit = containingSection(doc, ref);
    if (!unit) continue;
    units.add(unit);
    const chapter = doc.sections.find((s) => s.id === unit)?.chapterId;
    if (chapter) units.add(chapter);
  }
  return units;
}

/** True when a comment with these refs concerns chapter or section `unit`. */
export function concerns(doc: PlanDocument, refs: readonly string[], unit: string): boolean {
  return unitsOf(doc, refs).has(unit);
}

/** How many of the comments (their ref lists) concern each chapter and section; units with none are absent. */
export function commentCounts(
  doc: PlanDocument,
  refLists: Iterable<readonly string[]>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const refs of refLists) {
    for (const unit of unitsOf(doc, refs)) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  return counts;
}
