import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { LAYERS, type Layer } from '../data/layers';
import { PLAN_SOURCE, styleLayerIds, VISIBLE_LAYERS_STATE } from './planLayers';

/** Replace what the plan source shows (the source and its layers stay). */
export function setPlanData(map: MaplibreMap, data: FeatureCollection): void {
  (map.getSource(PLAN_SOURCE) as GeoJSONSource | undefined)?.setData(data);
}

/** Show exactly the given plan layers (and count only their places in stacks). */
export function setVisibleLayers(map: MaplibreMap, visible: readonly Layer[]): void {
  map.setGlobalStateProperty(VISIBLE_LAYERS_STATE, [...visible]);
  for (const layer of LAYERS) {
    const visibility = visible.includes(layer) ? 'visible' : 'none';
    for (const id of styleLayerIds(layer)) {
      if (map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== visibility) {
        map.setLayoutProperty(id, 'visibility', visibility);
      }
    }
  }
}

/**
 * Set a boolean feature-state `key` on exactly `ids` (clearing the previous set),
 * e.g. `selected` or `highlight`; paint expressions read it, so nothing is re-added.
 */
export function setFlag(
  map: MaplibreMap,
  key: string,
  ids: ReadonlySet<string>,
  previous: ReadonlySet<string>,
): void {
  for (const id of previous) {
    if (!ids.has(id)) map.setFeatureState({ source: PLAN_SOURCE, id }, { [key]: false });
  }
  for (const id of ids) map.setFeatureState({ source: PLAN_SOURCE, id }, { [key]: true });
}
