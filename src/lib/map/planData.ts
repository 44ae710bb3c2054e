import type { Feature, FeatureCollection } from 'geojson';
import type { PlanFeatureCollection, Status } from '../data/features';
import type { Layer } from '../data/layers';
import { horizonValue, type HorizonValue } from '../data/horizon';
import { localName } from '../i18n';
import { mapLabel } from './labels';
import { findStacks, stackByFeature, stackCountKey } from './stacks';

/** Feature filters of the layer panel; empty means "all". */
export interface FeatureFilters {
  statuses: Status[];
  /** A target year, `unspecified` for features without one (未注明), null for all. */
  horizon: 2025 | 2035 | 'unspecified' | null;
  zone: string | null;
}

/** No filter set: every status, year and zone (a fresh object, since the app state owns it). */
export const noFilters = (): FeatureFilters => ({ statuses: [], horizon: null, zone: null });

/**
 * The plan's spatial frame: the zones (一带三区, 中心城区, the towns) and the belts. They have no
 * year and are not projects, so the filters, which select projects, never erase them from the
 * map: a 2025 filter or a chosen zone shows its projects inside the frame, not on a blank city.
 */
export const FRAME_LAYERS: readonly Layer[] = ['zones', 'belt'];

/**
 * True when a feature matches the layer panel's filters: what the lists and the year counts
 * select. The map draws more: see `drawnUnder`.
 */
export function passesFilters(
  p: PlanFeatureCollection['features'][number]['properties'],
  filters: FeatureFilters,
): boolean {
  if (filters.statuses.length && !filters.statuses.includes(p.status)) return false;
  if (filters.horizon !== null && horizonValue(p.horizon) !== String(filters.horizon)) return false;
  if (filters.zone !== null && p.layer !== 'zones') {
    if (p.zone !== filters.zone && !p.zones?.includes(filters.zone)) return false;
  }
  return true;
}

/** True when the map draws a feature under the filters: it matches them, or it is the frame. */
export function drawnUnder(
  p: PlanFeatureCollection['features'][number]['properties'],
  filters: FeatureFilters,
): boolean {
  return FRAME_LAYERS.includes(p.layer) || passesFilters(p, filters);
}

/** True when a feature is drawn: its layer is switched on and the filters keep it on the map. */
export function isShown(
  feature: PlanFeatureCollection['features'][number],
  visibleLayers: readonly Layer[],
  filters: FeatureFilters,
): boolean {
  return (
    visibleLayers.includes(feature.properties.layer) && drawnUnder(feature.properties, filters)
  );
}

/** The horizon filter value for a target year (the option values of the 目标年份 select). */
export function horizonFilter(year: HorizonValue | ''): FeatureFilters['horizon'] {
  return year === '2025'
    ? 2025
    : year === '2035'
      ? 2035
      : year === 'unspecified'
        ? 'unspecified'
        : null;
}

/**
 * How many features each target-year option would show: those of the visible layers that
 * pass the other filters (status, zone). `all` is the count without a year filter.
 */
export function targetYearCounts(
  features: PlanFeatureCollection,
  visibleLayers: readonly string[],
  filters: FeatureFilters,
): Record<HorizonValue | 'all', number> {
  const counts = { all: 0, '2025': 0, '2035': 0, unspecified: 0 };
  const others = { ...filters, horizon: null };
  for (const f of features.features) {
    const p = f.properties;
    if (!visibleLayers.includes(p.layer) || !passesFilters(p, others)) continue;
    counts.all += 1;
    counts[horizonValue(p.horizon)] += 1;
  }
  return counts;
}

/**
 * What the map's plan source shows: the features the filters keep (`drawnUnder`), each with a `label` in the
 * UI language (ASCII parentheses: see `mapLabel`), plus a label anchor per area. Cheap for a few hundred features, so
 * the source is kept and refreshed with `setData` instead of re-adding layers.
 *
 * Points that share one position (`findStacks`) carry, each and on one `role: 'stack'` point,
 * how many of them each layer holds (`stack_n_<layer>`). The style sums those over the
 * visible layers (global state `visibleLayers`, see `planLayers`), so the count and whether
 * the stack is drawn follow a layer toggle without new data: `setData` while the camera
 * moves can leave MapLibre tiles empty.
 */
export function planSourceData(
  features: PlanFeatureCollection,
  lang: 'zh' | 'en',
  filters: FeatureFilters,
): FeatureCollection {
  const out: Feature[] = [];
  const halos = new Set<string>();
  const passing = features.features.filter((f) => drawnUnder(f.properties, filters));
  const stacks = findStacks(passing);
  const stackOf = stackByFeature(stacks);
  const layerOf = new Map(passing.map((f) => [f.properties.id, f.properties.layer]));
  /** `stack_n_<layer>` counts of one stack. */
  const counts = (ids: readonly string[]) => {
    const n: Record<string, number> = {};
    for (const id of ids) {
      const key = stackCountKey(layerOf.get(id)!);
      n[key] = (n[key] ?? 0) + 1;
    }
    return n;
  };
  const stackCounts = new Map(stacks.map((s) => [s.id, counts(s.ids)]));
  for (const f of passing) {
    const label = mapLabel(localName(f.properties, lang));
    // Places of one layer sharing one estimated anchor share one uncertainty halo, drawn
    // once per layer, so hiding a layer never takes the halo of another layer's places.
    let halo = f.properties.confidence === 'estimated' && f.geometry.type === 'Point';
    if (halo) {
      const key = `${JSON.stringify(f.geometry.coordinates)}:${f.properties.uncertainty_km}:${f.properties.layer}`;
      halo = !halos.has(key);
      halos.add(key);
    }
    const stack = stackOf.get(f.properties.id);
    const stackProps = stack ? { stack: stack.id, ...stackCounts.get(stack.id) } : {};
    // Both languages ride on the feature; the label layers pick one by the map's `lang` state.
    const label_en = mapLabel(f.properties.name_en);
    out.push({
      ...f,
      properties: { ...f.properties, label, label_en, halo, ...stackProps },
    } as Feature);
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
  for (const stack of stacks) {
    out.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: stack.coordinates },
      properties: { id: stack.id, role: 'stack', ...stackCounts.get(stack.id) },
    });
  }
  return { type: 'FeatureCollection', features: out };
}
