import type { PlanFeature } from '../data/features';
import type { Layer } from '../data/layers';
import { passesFilters, type FeatureFilters } from './planData';

/**
 * Finding a plan place by what a reader types: its name in either language, another
 * spelling the plan uses, its group, its layer's name or a section id. One search for the
 * 数据 list and the top bar, so both find the same places.
 */

export interface PlaceMatches {
  /** Matches the layer panel's filters let through, in data order. */
  shown: PlanFeature[];
  /** Matches the filters leave out: never dropped silently, the UI says how many. */
  filteredOut: PlanFeature[];
}

/** The text a query is looked for in (lower case). */
function haystack(feature: PlanFeature, layerName: (layer: Layer) => string): string {
  const p = feature.properties;
  return [p.name, p.name_en, ...(p.aliases ?? []), p.group ?? '', layerName(p.layer), ...p.sections]
    .join(' ')
    .toLowerCase();
}

/** Every feature that matches `query` (all of them for an empty query), split by the filters. */
export function matchPlaces(
  features: readonly PlanFeature[],
  query: string,
  filters: FeatureFilters,
  layerName: (layer: Layer) => string,
): PlaceMatches {
  const q = query.trim().toLowerCase();
  const shown: PlanFeature[] = [];
  const filteredOut: PlanFeature[] = [];
  for (const feature of features) {
    if (q && !haystack(feature, layerName).includes(q)) continue;
    (passesFilters(feature.properties, filters) ? shown : filteredOut).push(feature);
  }
  return { shown, filteredOut };
}

/** How well a feature's own names answer the query: 0 exact, 1 prefix, 2 inside, 3 elsewhere. */
function nameRank(feature: PlanFeature, q: string): number {
  const p = feature.properties;
  const names = [p.name, p.name_en, ...(p.aliases ?? [])].map((n) => n.toLowerCase());
  if (names.some((n) => n === q)) return 0;
  if (names.some((n) => n.startsWith(q))) return 1;
  if (names.some((n) => n.includes(q))) return 2;
  return 3;
}

/**
 * The places a quick search offers, best first: matches by name before matches by layer or
 * section, exact before prefix before inside; the filters do not hide any (a place they leave
 * out is marked, and its card offers to clear them). At most `limit`; `total` counts all.
 */
export function rankPlaces(
  features: readonly PlanFeature[],
  query: string,
  layerName: (layer: Layer) => string,
  limit = 8,
): { places: PlanFeature[]; total: number } {
  const q = query.trim().toLowerCase();
  if (!q) return { places: [], total: 0 };
  const found = features
    .map((feature, index) => ({ feature, index, rank: nameRank(feature, q) }))
    .filter(({ feature, rank }) => rank < 3 || haystack(feature, layerName).includes(q));
  found.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return { places: found.slice(0, limit).map((f) => f.feature), total: found.length };
}
