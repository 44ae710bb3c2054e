import type { MapOptions } from 'maplibre-gl';
import { LAYERS } from '../data/layers';
import { parseHash } from '../permalink/hash';
import { LINHAI_BOUNDS } from './style';

/**
 * Where the map opens: the view a shared `#map=zoom/lat/lon` link names, else the whole city.
 *
 * The link's view must be the map's first camera, not a jump made once the plan data has
 * loaded: a jump right after `setData` asks for new tiles while MapLibre's worker is still
 * indexing the new data, and those tiles could end up empty or with a feature index that
 * does not match their data (queries then throw "Out of bounds … _numberToString"), so the
 * map never became ready and clicks opened nothing.
 */
export function initialCamera(
  hash: string,
): Pick<MapOptions, 'bounds' | 'fitBoundsOptions' | 'center' | 'zoom'> {
  const view = parseHash(hash, { layers: LAYERS }).map;
  if (view) return { center: [view.lon, view.lat], zoom: view.zoom };
  return { bounds: LINHAI_BOUNDS, fitBoundsOptions: { padding: 24 } };
}
