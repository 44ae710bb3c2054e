import type { Feature, FeatureCollection } from 'geojson';
import type { PlanFeatureCollection, Status } from '../data/features';
import { mapLabel } from './labels';

/** Feature filters of the layer panel; empty means "all". */
export interface FeatureFilters {
  statuses: Status[];
  horizon: 2025 | 2035 | null;
  zone: string | null;
}

/** True when a feature passes the layer panel's filters. */
export function passesFilters(
  p: PlanFeatureCollection['features'][number]['properties'],
  filters: FeatureFilters,
): boolean {
  if (filters.statuses.length && !filters.statuses.includes(p.status)) return false;
  if (filters.horizon !== null && p.horizon !== filters.horizon) return false;
  if (filters.zone !== null && p.layer !== 'zones') {
    if (p.zone !== filters.zone && !p.zones?.includes(filters.zone)) return false;
  }
  return true;
}

/**
 * What the map's plan source shows: the filtered features, each with a `label` in the
 * UI language (ASCII parentheses: see `mapLabel`), plus a label anchor per area. Cheap for a few hundred features, so
 * the source is kept and refreshed with `setData` instead of re-adding layers.
 */
export function planSourceData(
  features: PlanFeatureCollection,
  lang: 'zh' | 'en',
  filters: FeatureFilters,
): FeatureCollection {
  const out: Feature[] = [];
  const halos = new Set<string>();
  for (const f of features.features) {
    if (!passesFilters(f.properties, filters)) continue;
    const label = mapLabel(lang === 'en' ? f.properties.name_en : f.properties.name);
    // Places sharing one estimated anchor share one uncertainty halo, drawn once.
    let halo = f.properties.confidence === 'estimated' && f.geometry.type === 'Point';
    if (halo) {
      const key = `${JSON.stringify(f.geometry.coordinates)}:${f.properties.uncertainty_km}`;
      halo = !halos.has(key);
      halos.add(key);
    }
    // Both languages ride on the feature; the label layers pick one by the map's `lang` state.
    const label_en = mapLabel(f.properties.name_en);
    out.push({ ...f, properties: { ...f.properties, label, label_en, halo } } as Feature);
    // An area is named once, at its label point, by a point that only the label layer draws.
    if (f.properties.label_point) {
      out.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: f.properties.label_point },
        properties: {
          label,
          label_en,
          layer: f.properties.layer,
          id: f.properties.id,
          role: 'label',
        },
      });
    }
  }
  return { type: 'FeatureCollection', features: out };
}
