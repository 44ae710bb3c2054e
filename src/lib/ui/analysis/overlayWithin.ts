import type { GeoInput } from '../../geo/input';
import { featuresWithin } from '../../geo/within';
import { featureLabel } from '../../import/featureLabel';
import type { OverlayCollection, OverlayFeature } from '../../import/types';
import type { Overlay } from '../import/overlayState.svelte';

/** Rows listed per overlay: the nearest ones; the rest are counted, not listed. */
export const MAX_LISTED = 50;

export interface OverlayHit {
  /** Position in the overlay's collection (what its card opens at). */
  index: number;
  km: number;
  /** A name-like property, or null (the list then shows "feature n"). */
  label: string | null;
}

export interface OverlayHits {
  overlay: Overlay;
  /** Features within reach, all of them. */
  total: number;
  /** The nearest `MAX_LISTED` of them, nearest first. */
  hits: OverlayHit[];
}

const indexes = new WeakMap<OverlayCollection, Map<OverlayFeature, number>>();

function indexOf(collection: OverlayCollection, feature: OverlayFeature): number {
  let index = indexes.get(collection);
  if (!index) {
    index = new Map(collection.features.map((f, i) => [f, i]));
    indexes.set(collection, index);
  }
  return index.get(feature) ?? -1;
}

/**
 * "What lies within X km" for imported overlays: the visible ones with at least one feature
 * in reach, in the legend's order, each with its nearest features (same distance rule as
 * the plan features: nearest point ≤ km).
 */
export function overlaysWithin(
  geometry: GeoInput,
  km: number,
  list: readonly Overlay[],
  max = MAX_LISTED,
): OverlayHits[] {
  return list
    .filter((o) => o.visible)
    .map((overlay) => {
      const all = featuresWithin(geometry, km, overlay.collection.features);
      return {
        overlay,
        total: all.length,
        hits: all.slice(0, max).map((h) => ({
          index: indexOf(overlay.collection, h.feature),
          km: h.km,
          label: featureLabel(h.feature.properties),
        })),
      };
    })
    .filter((g) => g.total > 0);
}
