import type { PlanFeature } from '../data/features';
import type { PlanDocument } from '../data/plan';
import { containingSection } from './text';

/**
 * The features a part of the plan names: those citing the id itself, a box, table or
 * footnote inside it, or (for a chapter, "5") any of its sections.
 * @example placesIn(doc, features, '5.1') // the zones, the belt, …
 */
export function placesIn(doc: PlanDocument, features: PlanFeature[], id: string): PlanFeature[] {
  const chapter = doc.chapters.find((c) => c.id === id);
  const wanted = new Set(chapter ? [chapter.id, ...chapter.sectionIds] : [id]);
  return features.filter((f) =>
    f.properties.sections.some((ref) => {
      if (wanted.has(ref)) return true;
      const holder = containingSection(doc, ref);
      return holder !== null && wanted.has(holder);
    }),
  );
}
